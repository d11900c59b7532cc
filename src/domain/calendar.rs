//! Working days: Monday to Friday except England & Wales bank holidays and local closure days.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The shipped table: England & Wales bank holidays 2020–2030, substitute days included.
const BANK_HOLIDAYS: &str = include_str!("../../assets/bank_holidays.csv");

/// A date as people type it: 2026-11-23, or the British 23/11/2026 (also 23.11.2026, 23-11-2026).
pub fn parse_typed_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        // A two-digit year would parse as the first century; nobody means that.
        .filter(|d| d.year() >= 1900)
}

#[derive(Debug, Clone, Default)]
pub struct Calendar {
    closed: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The bank holidays shipped in `assets/bank_holidays.csv`.
    #[expect(clippy::expect_used, reason = "the table is compiled in, and a test proves it parses")]
    pub fn england_and_wales() -> Calendar {
        Calendar::from_csv(BANK_HOLIDAYS).expect("assets/bank_holidays.csv is valid")
    }

    /// Reads `date,name` lines (a header row first); errors name the line.
    pub fn from_csv(text: &str) -> Result<Calendar, String> {
        let mut closed = BTreeSet::new();
        for (index, line) in text.lines().enumerate().skip(1) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let date = line.split(',').next().unwrap_or("");
            let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
                .map_err(|_| format!("line {}: date \"{date}\" is not a date", index + 1))?;
            closed.insert(day);
        }
        Ok(Calendar { closed })
    }

    /// Adds an authority's own closure days.
    pub fn with_closures(&mut self, days: impl IntoIterator<Item = NaiveDate>) {
        self.closed.extend(days);
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.closed.contains(&day)
    }

    /// The working day `n` working days after `start` (`start` itself is not counted; `n = 0`
    /// gives `start`). Saturates at the end of the calendar rather than overflowing.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        add_counted_days(start, n, |day| self.is_working_day(day))
    }

    /// A tribunal working day: a working day outside 25 December – 1 January and outside August
    /// (Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.12).
    pub fn is_tribunal_working_day(&self, day: NaiveDate) -> bool {
        let christmas = (day.month() == 12 && day.day() >= 25) || (day.month() == 1 && day.day() == 1);
        self.is_working_day(day) && day.month() != 8 && !christmas
    }

    /// The tribunal working day `n` tribunal working days after `start` (as `add_working_days`).
    pub fn add_tribunal_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        add_counted_days(start, n, |day| self.is_tribunal_working_day(day))
    }

    /// Working days `d` with `from < d <= to`; 0 when `to <= from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days().skip(1).take_while(|d| *d <= to).filter(|d| self.is_working_day(*d)).count() as u32
    }

    /// `day` if it is a working day, else the next one.
    pub fn next_working_day_on_or_after(&self, day: NaiveDate) -> NaiveDate {
        day.iter_days().find(|d| self.is_working_day(*d)).unwrap_or(day)
    }
}

/// The day `n` days that `counts` after `start` (`start` itself not counted); saturates at the
/// end of the calendar rather than overflowing.
fn add_counted_days(start: NaiveDate, n: u32, counts: impl Fn(NaiveDate) -> bool) -> NaiveDate {
    let mut day = start;
    let mut left = n;
    while left > 0 {
        match day.checked_add_days(Days::new(1)) {
            Some(next) => day = next,
            None => return day,
        }
        if counts(day) {
            left -= 1;
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn typed_dates_in_either_order() {
        for text in ["2026-11-23", "23/11/2026", " 23.11.2026 ", "23-11-2026", "23/11/2026"] {
            assert_eq!(parse_typed_date(text), Some(d(2026, 11, 23)), "{text}");
        }
        for text in ["11/23/2026", "23/11/26", "2026-02-30", "tomorrow", ""] {
            assert_eq!(parse_typed_date(text), None, "{text}");
        }
    }

    fn holidays_in(year: i32) -> Vec<NaiveDate> {
        Calendar::england_and_wales().closed.into_iter().filter(|h| h.year() == year).collect()
    }

    /// Easter Sunday by the anonymous Gregorian algorithm.
    fn easter(y: i32) -> NaiveDate {
        let (a, b, c) = (y % 19, y / 100, y % 100);
        let (dd, e) = (b / 4, b % 4);
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - dd - g + 15) % 30;
        let (i, k) = (c / 4, c % 4);
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        d(y, month as u32, day as u32)
    }

    fn monday_on_or_after(day: NaiveDate) -> NaiveDate {
        day.iter_days().find(|x| x.weekday() == Weekday::Mon).expect("a Monday follows")
    }

    fn last_monday(y: i32, m: u32) -> NaiveDate {
        let last = d(y, m + 1, 1).pred_opt().expect("valid");
        last.iter_days().rev().find(|x| x.weekday() == Weekday::Mon).expect("a Monday precedes")
    }

    /// The regular rules, independent of the shipped file.
    fn regular_holidays(y: i32) -> Vec<NaiveDate> {
        // New Year's Day, or the Monday after when it falls at a weekend.
        let new_year = match d(y, 1, 1).weekday() {
            Weekday::Sat => d(y, 1, 3),
            Weekday::Sun => d(y, 1, 2),
            _ => d(y, 1, 1),
        };
        let easter = easter(y);
        let christmas = d(y, 12, 25);
        let (xmas, boxing) = match christmas.weekday() {
            Weekday::Fri => (christmas, d(y, 12, 28)),
            Weekday::Sat => (d(y, 12, 27), d(y, 12, 28)),
            Weekday::Sun => (d(y, 12, 27), d(y, 12, 26)),
            _ => (christmas, d(y, 12, 26)),
        };
        let mut days = vec![
            new_year,
            easter - Days::new(2),
            easter + Days::new(1),
            monday_on_or_after(d(y, 5, 1)),
            last_monday(y, 5),
            last_monday(y, 8),
            xmas,
            boxing,
        ];
        days.sort();
        days
    }

    #[test]
    fn shipped_table_follows_the_rules_outside_one_off_years() {
        for year in 2020..=2030 {
            if matches!(year, 2020 | 2022 | 2023) {
                continue;
            }
            assert_eq!(holidays_in(year), regular_holidays(year), "bank holidays in {year}");
        }
    }

    #[test]
    fn one_off_changes_are_in_the_table() {
        // 2020: Early May moved to Friday 8 May (VE day).
        assert!(holidays_in(2020).contains(&d(2020, 5, 8)));
        assert!(!holidays_in(2020).contains(&d(2020, 5, 4)));
        // 2022: Spring holiday on Thursday 2 June, Platinum Jubilee Friday 3 June, State Funeral 19 Sep.
        let y2022 = holidays_in(2022);
        for day in [d(2022, 6, 2), d(2022, 6, 3), d(2022, 9, 19)] {
            assert!(y2022.contains(&day), "{day}");
        }
        assert!(!y2022.contains(&d(2022, 5, 30)));
        // 2023: the coronation, Monday 8 May.
        assert!(holidays_in(2023).contains(&d(2023, 5, 8)));
    }

    #[test]
    fn the_table_matches_domain_md_2024_to_2028() {
        let expected = [
            (2024, vec![(1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)]),
            (2025, vec![(1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)]),
            (2026, vec![(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)]),
            (2027, vec![(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)]),
            (2028, vec![(1, 3), (4, 14), (4, 17), (5, 1), (5, 29), (8, 28), (12, 25), (12, 26)]),
        ];
        for (year, days) in expected {
            let days: Vec<NaiveDate> = days.into_iter().map(|(m, day)| d(year, m, day)).collect();
            assert_eq!(holidays_in(year), days, "{year}");
        }
    }

    #[test]
    fn working_day_arithmetic() {
        let cal = Calendar::england_and_wales();
        let cases = [
            // DOMAIN.md: phone message Wed 23 Dec 2026 + 2 → Tue 29 Dec (25th, weekend, 28th off).
            (d(2026, 12, 23), 2, d(2026, 12, 29)),
            // DOMAIN.md: email Thu 25 Mar 2027 + 5 → Mon 5 Apr (Good Friday, Easter Monday).
            (d(2027, 3, 25), 5, d(2027, 4, 5)),
            // Friday + 1 → Monday.
            (d(2026, 11, 20), 1, d(2026, 11, 23)),
            // From a Saturday, the first working day counts as 1.
            (d(2026, 11, 21), 1, d(2026, 11, 23)),
            // 0 days is the start itself, even on a holiday.
            (d(2026, 12, 25), 0, d(2026, 12, 25)),
            // Christmas Eve 2027 (Fri): 27th, 28th substitute days → Wed 29th.
            (d(2027, 12, 24), 1, d(2027, 12, 29)),
            // 2022 jubilee: Wed 1 June + 1 → Mon 6 June.
            (d(2022, 6, 1), 1, d(2022, 6, 6)),
            // 10 working days from Mon 23 Nov 2026 → Mon 7 Dec.
            (d(2026, 11, 23), 10, d(2026, 12, 7)),
        ];
        for (start, n, expected) in cases {
            assert_eq!(cal.add_working_days(start, n), expected, "{start} + {n} working days");
        }
    }

    #[test]
    fn counting_and_rolling_forward() {
        let cal = Calendar::england_and_wales();
        assert_eq!(cal.working_days_between(d(2026, 12, 23), d(2026, 12, 29)), 2);
        assert_eq!(cal.working_days_between(d(2026, 12, 29), d(2026, 12, 23)), 0);
        assert_eq!(cal.next_working_day_on_or_after(d(2026, 12, 25)), d(2026, 12, 29));
        assert_eq!(cal.next_working_day_on_or_after(d(2026, 12, 24)), d(2026, 12, 24));
        assert!(!cal.is_working_day(d(2027, 3, 26)));
        assert!(cal.is_working_day(d(2027, 3, 30)));
    }

    #[test]
    fn local_closures_and_bad_files() {
        let mut cal = Calendar::england_and_wales();
        cal.with_closures([d(2026, 12, 24)]);
        assert_eq!(cal.add_working_days(d(2026, 12, 23), 1), d(2026, 12, 29));
        let error = Calendar::from_csv("date,name\n2026-01-01,ok\n2026-02-30,bad\n").unwrap_err();
        assert_eq!(error, "line 3: date \"2026-02-30\" is not a date");
    }
}

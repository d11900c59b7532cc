//! Ages, academic years and National Curriculum year groups (DOMAIN.md "Year group").

use chrono::{Datelike, NaiveDate};

/// The calendar year in which the academic year containing `day` began (1 September cut-off).
pub fn academic_year_start(day: NaiveDate) -> i32 {
    if day.month() >= 9 { day.year() } else { day.year() - 1 }
}

/// Whole years of age on `today`. Someone born on 29 February turns a year older on 1 March in
/// a common year, as English law treats it.
pub fn age_years(dob: NaiveDate, today: NaiveDate) -> u32 {
    if today < dob {
        return 0;
    }
    let mut years = today.year() - dob.year();
    if (today.month(), today.day()) < (dob.month(), dob.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// National Curriculum year in the academic year starting September `start_year`:
/// (age on the 31 August before it) − 4. Reception is 0, Nursery −1.
pub fn year_group_in(dob: NaiveDate, start_year: i32) -> i32 {
    // Born 1 Sep Y – 31 Aug Y+1 starts Reception in September Y+5.
    let cohort = if dob.month() >= 9 { dob.year() } else { dob.year() - 1 };
    start_year - cohort - 5
}

/// Year group on `today`, honouring a recorded override (a child taught out of year group).
pub fn year_group(dob: NaiveDate, today: NaiveDate, override_year: Option<i32>) -> i32 {
    override_year.unwrap_or_else(|| year_group_in(dob, academic_year_start(today)))
}

/// How many years a child is taught behind (+) or ahead (−) of their age group.
pub fn override_offset(dob: NaiveDate, today: NaiveDate, override_year: Option<i32>) -> i32 {
    override_year.map_or(0, |year| year_group_in(dob, academic_year_start(today)) - year)
}

/// "Nursery", "Reception", "Year 6", "Year 13", "Year 14" (a third year in the sixth form, age 18
/// at its start), "Post-19"; "Pre-school" below Nursery.
pub fn year_group_label(year: i32) -> String {
    match year {
        y if y < -1 => "Pre-school".to_string(),
        -1 => "Nursery".to_string(),
        0 => "Reception".to_string(),
        y if y <= 14 => format!("Year {y}"),
        _ => "Post-19".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn academic_year_turns_on_1_september() {
        assert_eq!(academic_year_start(d(2026, 8, 31)), 2025);
        assert_eq!(academic_year_start(d(2026, 9, 1)), 2026);
        assert_eq!(academic_year_start(d(2027, 1, 1)), 2026);
    }

    #[test]
    fn year_groups_from_the_31_august_cut_off() {
        let today = d(2026, 11, 23);
        let cases = [
            // Born 31 Aug 2012: age 14 on 31 Aug 2026 → Year 10 in 2026/27.
            (d(2012, 8, 31), 10),
            // One day later: the next cohort, Year 9.
            (d(2012, 9, 1), 9),
            // Born 1 Sep 2021 – 31 Aug 2022: Reception in September 2026.
            (d(2022, 8, 31), 0),
            (d(2021, 9, 1), 0),
            (d(2022, 9, 1), -1),
            // Born 1 Mar 2009: 17 on 31 Aug 2026 → Year 13.
            (d(2009, 3, 1), 13),
            (d(2000, 1, 1), 22),
            // 29 February births belong to the cohort of that academic year.
            (d(2016, 2, 29), 6),
        ];
        for (dob, year) in cases {
            assert_eq!(year_group(dob, today, None), year, "born {dob}");
        }
        // Taught out of year group: the override wins.
        assert_eq!(year_group(d(2012, 8, 31), today, Some(9)), 9);
        assert_eq!(override_offset(d(2012, 8, 31), today, Some(9)), 1);
    }

    #[test]
    fn domain_md_cohort_rule() {
        // "born 1 Sep Y – 31 Aug Y+1 starts Reception in September Y+5, Year 7 in Y+12, Year 12 in Y+17"
        for dob in [d(2011, 9, 1), d(2012, 2, 29), d(2012, 8, 31)] {
            assert_eq!(year_group_in(dob, 2016), 0);
            assert_eq!(year_group_in(dob, 2023), 7);
            assert_eq!(year_group_in(dob, 2028), 12);
        }
    }

    #[test]
    fn ages_including_leap_day_births() {
        assert_eq!(age_years(d(2016, 2, 29), d(2027, 2, 28)), 10);
        assert_eq!(age_years(d(2016, 2, 29), d(2027, 3, 1)), 11);
        assert_eq!(age_years(d(2016, 2, 29), d(2028, 2, 29)), 12);
        assert_eq!(age_years(d(2001, 10, 15), d(2026, 10, 14)), 24);
        assert_eq!(age_years(d(2001, 10, 15), d(2026, 10, 15)), 25);
        assert_eq!(age_years(d(2030, 1, 1), d(2026, 1, 1)), 0);
    }

    #[test]
    fn labels() {
        assert_eq!(year_group_label(-2), "Pre-school");
        assert_eq!(year_group_label(-1), "Nursery");
        assert_eq!(year_group_label(0), "Reception");
        assert_eq!(year_group_label(6), "Year 6");
        assert_eq!(year_group_label(14), "Year 14", "18 at the start of the school year");
        assert_eq!(year_group_label(15), "Post-19");
    }
}

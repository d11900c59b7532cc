//! Phone surgeries: each officer's weekly blocks, split into 15-minute call-backs.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::calendar::Calendar;
use super::casework::{FieldError, error};
use super::model::{Absence, Booking, County, RotaEntry, Staff, SurgerySlot};

/// A call-back is a quarter of an hour.
pub const CALL_MINUTES: u32 = 15;

/// Every call-back start in `officer`'s surgeries on `date`, booked or not.
pub fn surgery_times(officer: &str, date: NaiveDate, slots: &[SurgerySlot]) -> Vec<NaiveTime> {
    let weekday = date.weekday().number_from_monday() as u8;
    let mut times: Vec<NaiveTime> = slots
        .iter()
        .filter(|s| s.officer_id == officer && s.weekday == weekday)
        .flat_map(|s| {
            (0..s.minutes / CALL_MINUTES).map(move |i| s.start + Duration::minutes(i64::from(i * CALL_MINUTES)))
        })
        .collect();
    times.sort();
    times.dedup();
    times
}

/// Everything a booking is checked against: the surgeries, the call-backs already booked,
/// who is away, and the clock.
#[derive(Debug, Clone, Copy)]
pub struct Diary<'a> {
    pub slots: &'a [SurgerySlot],
    pub bookings: &'a [Booking],
    pub absences: &'a [Absence],
    pub staff: &'a [Staff],
    /// Who is on duty for an absent officer's team.
    pub rota: &'a [RotaEntry],
    /// Surgeries are not held on bank holidays or the authority's closure days.
    pub calendar: &'a Calendar,
    pub today: NaiveDate,
    pub now: Option<NaiveTime>,
}

impl County {
    /// The county's surgery diary as it stands at `today`, `now`.
    pub fn diary<'a>(&'a self, calendar: &'a Calendar, today: NaiveDate, now: Option<NaiveTime>) -> Diary<'a> {
        Diary {
            slots: &self.slots,
            bookings: &self.bookings,
            absences: &self.absences,
            staff: &self.staff,
            rota: &self.rota,
            calendar,
            today,
            now,
        }
    }
}

impl Diary<'_> {
    /// A member of staff's name, for messages; the id if unknown.
    pub fn name<'s>(&'s self, id: &'s str) -> &'s str {
        self.staff.iter().find(|s| s.id == id).map_or(id, |s| s.name.as_str())
    }

    /// The absence that keeps `officer` out on `date`, if any.
    pub fn away(&self, officer: &str, date: NaiveDate) -> Option<&Absence> {
        self.absences.iter().find(|a| a.staff_id == officer && a.covers(date))
    }

    /// Who to ring the families of `officer`'s children on `date` while they are away: their
    /// team's duty officer.
    pub fn stand_in(&self, officer: &str, date: NaiveDate) -> Option<&str> {
        let team = self.staff.iter().find(|s| s.id == officer).map(|s| s.team.as_str())?;
        super::absence::duty_officer(team, date, self.rota, self.staff, self.absences)
    }

    /// The call-backs still free on `date` (after `now` when it is today); none while the officer is away.
    pub fn free_times(&self, officer: &str, date: NaiveDate) -> Vec<NaiveTime> {
        if self.away(officer, date).is_some() || !self.calendar.is_working_day(date) {
            return Vec::new();
        }
        surgery_times(officer, date, self.slots)
            .into_iter()
            .filter(|t| !self.bookings.iter().any(|b| b.officer_id == officer && b.date == date && b.start == *t))
            .filter(|t| date > self.today || self.now.is_none_or(|now| *t > now))
            .collect()
    }

    /// Checks a booking: a free call-back in the officer's surgery, not in the past, officer in.
    pub fn validate_booking(
        &self,
        officer: &str,
        date: NaiveDate,
        start: NaiveTime,
        caller_number: &str,
        query: &str,
    ) -> Result<(), FieldError> {
        if date < self.today || (date == self.today && self.now.is_some_and(|now| start <= now)) {
            return Err(error("time", "that call-back time has passed"));
        }
        if self.away(officer, date).is_some() {
            let duty = self.stand_in(officer, date).map_or(String::new(), |d| format!("; {} is on duty", self.name(d)));
            return Err(error("date", format!("{} is away on {}{duty}", self.name(officer), date.format("%-d %b"))));
        }
        if !self.calendar.is_working_day(date) {
            return Err(error("date", format!("{} is not a working day", date.format("%A %-d %b %Y"))));
        }
        let times = surgery_times(officer, date, self.slots);
        if times.is_empty() {
            return Err(error("date", format!("{} has no surgery on {}s", self.name(officer), date.format("%A"))));
        }
        if !times.contains(&start) {
            let list: Vec<String> = times.iter().map(|t| t.format("%H:%M").to_string()).collect();
            return Err(error("time", format!("not a surgery call-back time (times: {})", list.join(", "))));
        }
        if self.bookings.iter().any(|b| b.officer_id == officer && b.date == date && b.start == start) {
            return Err(error("time", format!("{} is already booked", start.format("%H:%M"))));
        }
        if caller_number.chars().filter(char::is_ascii_digit).count() < 6 {
            return Err(error("number", "a telephone number to call back"));
        }
        if query.trim().is_empty() {
            return Err(error("query", "say what the call is about"));
        }
        Ok(())
    }
}

/// Parses "tue 14:00-15:00" into a weekly block.
pub fn parse_block(text: &str) -> Result<(u8, NaiveTime, u32), String> {
    let text = text.trim();
    let bad = || format!("\"{text}\" is not a surgery like \"tue 14:00-15:00\"");
    let (day, times) = text.trim().split_once(' ').ok_or_else(bad)?;
    let weekday =
        WEEKDAYS.iter().position(|d| day.trim().to_ascii_lowercase().starts_with(d)).ok_or_else(bad)? as u8 + 1;
    if weekday > 5 {
        return Err(format!("\"{text}\": surgeries are on working days, Monday to Friday"));
    }
    let (from, to) = times.trim().split_once('-').ok_or_else(bad)?;
    let from = NaiveTime::parse_from_str(from.trim(), "%H:%M").map_err(|_| bad())?;
    let to = NaiveTime::parse_from_str(to.trim(), "%H:%M").map_err(|_| bad())?;
    let minutes = (to - from).num_minutes();
    if minutes <= 0 {
        return Err(format!("\"{text}\" ends before it starts"));
    }
    if minutes < i64::from(CALL_MINUTES) || minutes % i64::from(CALL_MINUTES) != 0 {
        return Err(format!("\"{text}\": a surgery lasts a whole number of quarter hours"));
    }
    Ok((weekday, from, minutes as u32))
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Parses a list like "tue 14:00-15:00, thu 10:00-11:00" ("none" or nothing: no surgeries).
/// Blocks on the same day may not overlap.
pub fn parse_blocks(text: &str) -> Result<Vec<(u8, NaiveTime, u32)>, String> {
    if text.trim().is_empty() || text.trim().eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let mut blocks = text
        .split([',', ';'])
        .filter(|part| !part.trim().is_empty())
        .map(parse_block)
        .collect::<Result<Vec<_>, _>>()?;
    blocks.sort();
    for pair in blocks.windows(2) {
        let ((day, start, minutes), (next_day, next_start, _)) = (pair[0], pair[1]);
        if day == next_day && start + Duration::minutes(i64::from(minutes)) > next_start {
            return Err(format!("two surgeries overlap on {}", WEEKDAYS[usize::from(day) - 1]));
        }
    }
    Ok(blocks)
}

/// `officer`'s weekly surgeries as `parse_blocks` reads them, e.g. "tue 14:00-15:00".
pub fn describe_blocks(officer: &str, slots: &[SurgerySlot]) -> String {
    let mut mine: Vec<&SurgerySlot> = slots.iter().filter(|s| s.officer_id == officer).collect();
    mine.sort_by_key(|s| (s.weekday, s.start));
    let text: Vec<String> = mine
        .iter()
        .map(|s| {
            let end = s.start + Duration::minutes(i64::from(s.minutes));
            let day = WEEKDAYS.get(usize::from(s.weekday).saturating_sub(1)).unwrap_or(&"?");
            format!("{day} {}-{}", s.start.format("%H:%M"), end.format("%H:%M"))
        })
        .collect();
    text.join(", ")
}

/// `officer`'s call-backs from `today` on whose time the new `blocks` would no longer cover.
/// They still stand (the family was promised a call), so whoever changes the surgeries is told.
pub fn bookings_outside<'a>(
    officer: &str,
    blocks: &[(u8, NaiveTime, u32)],
    bookings: &'a [Booking],
    today: NaiveDate,
) -> Vec<&'a Booking> {
    let slots: Vec<SurgerySlot> = blocks
        .iter()
        .map(|&(weekday, start, minutes)| SurgerySlot { id: 0, officer_id: officer.into(), weekday, start, minutes })
        .collect();
    let mut outside: Vec<&Booking> = bookings
        .iter()
        .filter(|b| b.officer_id == officer && b.date >= today)
        .filter(|b| !surgery_times(officer, b.date, &slots).contains(&b.start))
        .collect();
    outside.sort_by_key(|b| (b.date, b.start));
    outside
}

#[cfg(test)]
mod tests {
    use super::super::model::Role;
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
    }

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid date")
    }

    #[test]
    fn blocks_split_into_quarter_hours() {
        let (weekday, start, minutes) = parse_block("Tue 14:00-15:00").expect("valid");
        assert_eq!((weekday, start, minutes), (2, t(14, 0), 60));
        let slots = vec![SurgerySlot { id: 1, officer_id: "S1".into(), weekday, start, minutes }];
        assert_eq!(surgery_times("S1", d("2026-11-24"), &slots), vec![t(14, 0), t(14, 15), t(14, 30), t(14, 45)]);
        assert!(surgery_times("S1", d("2026-11-25"), &slots).is_empty(), "a Wednesday");
        assert!(parse_block("tue 14:00-14:10").is_err());
        assert!(parse_block("someday 14:00-15:00").is_err());
    }

    #[test]
    fn a_week_of_surgeries_reads_back_as_written() {
        let blocks = parse_blocks("thu 10:00-11:00; Tue 14:00-15:30").expect("valid");
        let slots: Vec<SurgerySlot> = blocks
            .iter()
            .map(|&(weekday, start, minutes)| SurgerySlot { id: 0, officer_id: "S1".into(), weekday, start, minutes })
            .collect();
        assert_eq!(describe_blocks("S1", &slots), "tue 14:00-15:30, thu 10:00-11:00");
        assert_eq!(parse_blocks(" none ").expect("valid"), vec![]);
        assert!(parse_blocks("tue 14:00-15:00, tue 14:45-15:15").unwrap_err().contains("overlap on tue"));
        assert!(parse_blocks("tue 14:00-15:00, tue 15:00-15:30").is_ok(), "back to back is fine");
        assert!(parse_blocks("tue 14:00-15:00, wed").is_err());
    }

    #[test]
    fn moving_a_surgery_names_the_call_backs_left_outside_it() {
        let booking = |date: &str, start| Booking {
            id: 1,
            officer_id: "S1".into(),
            date: d(date),
            start,
            child_id: None,
            caller_number: "07700 900123".into(),
            query: "transport".into(),
            booked_by: None,
            made: None,
            said: String::new(),
        };
        let bookings = vec![booking("2026-11-24", t(14, 15)), booking("2026-11-17", t(14, 15))];
        let thursdays = parse_blocks("thu 14:00-15:00").expect("valid");
        let outside = bookings_outside("S1", &thursdays, &bookings, d("2026-11-23"));
        assert_eq!(outside.len(), 1, "only the coming Tuesday's call-back, not last week's");
        let tuesdays = parse_blocks("tue 14:00-15:00").expect("valid");
        assert!(bookings_outside("S1", &tuesdays, &bookings, d("2026-11-23")).is_empty());
    }

    #[test]
    fn bookings_are_checked() {
        let slots = vec![SurgerySlot { id: 1, officer_id: "S1".into(), weekday: 2, start: t(14, 0), minutes: 60 }];
        let booked = vec![Booking {
            id: 1,
            officer_id: "S1".into(),
            date: d("2026-11-24"),
            start: t(14, 15),
            child_id: None,
            caller_number: "07700 900123".into(),
            query: "transport".into(),
            booked_by: None,
            made: None,
            said: String::new(),
        }];
        let staff = vec![
            Staff { id: "S1".into(), name: "Asha Patel".into(), role: Role::Officer, team: "N".into(), login: None },
            Staff { id: "S2".into(), name: "Ben Ode".into(), role: Role::Officer, team: "N".into(), login: None },
        ];
        let today = d("2026-11-23");
        let mut calendar = Calendar::england_and_wales();
        calendar.with_closures([d("2026-12-01")]);
        let diary = Diary {
            slots: &slots,
            bookings: &booked,
            absences: &[],
            staff: &staff,
            rota: &[],
            calendar: &calendar,
            today,
            now: None,
        };
        let check = |date: &str, time: NaiveTime| {
            diary.validate_booking("S1", d(date), time, "07700 900456", "review date").map_err(|e| e.field)
        };
        assert_eq!(check("2026-11-24", t(14, 0)), Ok(()));
        assert_eq!(check("2026-11-24", t(14, 15)), Err("time"), "double booking");
        assert_eq!(check("2026-11-24", t(14, 5)), Err("time"), "not a call-back time");
        assert_eq!(check("2026-11-17", t(14, 0)), Err("time"), "in the past");
        assert_eq!(check("2026-11-25", t(14, 0)), Err("date"), "no surgery that day");
        assert_eq!(check("2026-12-01", t(14, 0)), Err("date"), "a closure day (a Tuesday)");
        assert!(diary.free_times("S1", d("2026-12-01")).is_empty());
        assert_eq!(diary.free_times("S1", d("2026-11-24")), vec![t(14, 0), t(14, 30), t(14, 45)]);
        // Today, after 14:20: only later times are free.
        let tuesday = d("2026-11-24");
        let later = Diary { today: tuesday, now: Some(t(14, 20)), ..diary };
        assert_eq!(later.free_times("S1", tuesday), vec![t(14, 30), t(14, 45)]);
        let away = [Absence {
            id: 1,
            staff_id: "S1".into(),
            kind: super::super::model::AbsenceKind::Leave,
            from: tuesday,
            to: Some(tuesday),
            note: String::new(),
            recorded_by: None,
            acknowledged: None,
        }];
        let rota = [RotaEntry { id: 1, team: "N".into(), weekday: Some(2), date: None, staff_id: "S2".into() }];
        let out = Diary { absences: &away, rota: &rota, ..diary };
        let result = out.validate_booking("S1", tuesday, t(14, 0), "07700 900456", "x");
        assert!(result.is_err_and(|e| e.message == "Asha Patel is away on 24 Nov; Ben Ode is on duty"));
        assert!(out.free_times("S1", tuesday).is_empty(), "no free times while away");
    }

    #[test]
    fn surgeries_are_on_working_days() {
        assert!(parse_blocks("sat 10:00-11:00").is_err_and(|e| e.contains("Monday to Friday")));
        assert!(parse_blocks("fri 10:00-11:00").is_ok());
        assert!(parse_blocks("fri 11:00-10:00").is_err_and(|e| e.contains("ends before it starts")));
    }
}

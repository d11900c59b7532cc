//! Phone surgeries: each officer's weekly blocks, split into 15-minute call-backs.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::casework::FieldError;
use super::model::{Absence, Booking, SurgerySlot};

/// A call-back is a quarter of an hour.
pub const CALL_MINUTES: u32 = 15;

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError { field, message: message.into() }
}

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

/// The call-backs still free, after `now` when `date` is today.
pub fn free_times(
    officer: &str,
    date: NaiveDate,
    slots: &[SurgerySlot],
    bookings: &[Booking],
    today: NaiveDate,
    now: Option<NaiveTime>,
) -> Vec<NaiveTime> {
    surgery_times(officer, date, slots)
        .into_iter()
        .filter(|t| !bookings.iter().any(|b| b.officer_id == officer && b.date == date && b.start == *t))
        .filter(|t| date > today || now.is_none_or(|now| *t > now))
        .collect()
}

/// Checks a booking: a free call-back in the officer's surgery, not in the past, officer in.
#[allow(clippy::too_many_arguments)]
pub fn validate_booking(
    officer: &str,
    date: NaiveDate,
    start: NaiveTime,
    caller_number: &str,
    query: &str,
    slots: &[SurgerySlot],
    bookings: &[Booking],
    absences: &[Absence],
    today: NaiveDate,
    now: Option<NaiveTime>,
) -> Result<(), FieldError> {
    if date < today || (date == today && now.is_some_and(|now| start <= now)) {
        return Err(error("time", "that call-back time has passed"));
    }
    if let Some(away) = absences.iter().find(|a| a.staff_id == officer && a.covers(date)) {
        let cover = away.cover_staff_id.as_deref().map_or(String::new(), |c| format!("; {c} is covering"));
        return Err(error("date", format!("{officer} is away on {}{cover}", date.format("%-d %b"))));
    }
    let times = surgery_times(officer, date, slots);
    if times.is_empty() {
        return Err(error("date", format!("{officer} has no surgery on {}s", date.format("%A"))));
    }
    if !times.contains(&start) {
        let list: Vec<String> = times.iter().map(|t| t.format("%H:%M").to_string()).collect();
        return Err(error("time", format!("not a surgery call-back time (times: {})", list.join(", "))));
    }
    if bookings.iter().any(|b| b.officer_id == officer && b.date == date && b.start == start) {
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

/// Parses "tue 14:00-15:00" into a weekly block.
pub fn parse_block(text: &str) -> Result<(u8, NaiveTime, u32), String> {
    let bad = || format!("\"{text}\" is not a surgery like \"tue 14:00-15:00\"");
    let (day, times) = text.trim().split_once(' ').ok_or_else(bad)?;
    let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|d| day.trim().to_ascii_lowercase().starts_with(d))
        .ok_or_else(bad)? as u8
        + 1;
    let (from, to) = times.trim().split_once('-').ok_or_else(bad)?;
    let from = NaiveTime::parse_from_str(from.trim(), "%H:%M").map_err(|_| bad())?;
    let to = NaiveTime::parse_from_str(to.trim(), "%H:%M").map_err(|_| bad())?;
    let minutes = (to - from).num_minutes();
    if minutes < i64::from(CALL_MINUTES) || minutes % i64::from(CALL_MINUTES) != 0 {
        return Err(format!("\"{text}\": a surgery lasts a whole number of quarter hours"));
    }
    Ok((weekday, from, minutes as u32))
}

#[cfg(test)]
mod tests {
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
        }];
        let today = d("2026-11-23");
        let check = |date: &str, time: NaiveTime, now: Option<NaiveTime>| {
            validate_booking("S1", d(date), time, "07700 900456", "review date", &slots, &booked, &[], today, now)
                .map_err(|e| e.field)
        };
        assert_eq!(check("2026-11-24", t(14, 0), None), Ok(()));
        assert_eq!(check("2026-11-24", t(14, 15), None), Err("time"), "double booking");
        assert_eq!(check("2026-11-24", t(14, 5), None), Err("time"), "not a call-back time");
        assert_eq!(check("2026-11-17", t(14, 0), None), Err("time"), "in the past");
        assert_eq!(check("2026-11-25", t(14, 0), None), Err("date"), "no surgery that day");
        assert_eq!(
            free_times("S1", d("2026-11-24"), &slots, &booked, today, None),
            vec![t(14, 0), t(14, 30), t(14, 45)]
        );
        // Today, after 14:20: only later times are free.
        let tuesday = d("2026-11-24");
        assert_eq!(free_times("S1", tuesday, &slots, &booked, tuesday, Some(t(14, 20))), vec![t(14, 30), t(14, 45)]);
        let away = Absence {
            id: 1,
            staff_id: "S1".into(),
            kind: super::super::model::AbsenceKind::Planned,
            from: tuesday,
            to: tuesday,
            cover_staff_id: Some("S2".into()),
        };
        let result = validate_booking("S1", tuesday, t(14, 0), "07700 900456", "x", &slots, &[], &[away], today, None);
        assert!(result.is_err_and(|e| e.message.contains("S2 is covering")));
    }
}

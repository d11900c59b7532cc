//! Year group and academic year arithmetic. (Placeholder bodies until the rules engine lands.)
use chrono::{Datelike, NaiveDate};

pub fn age_years(dob: NaiveDate, today: NaiveDate) -> u32 {
    today.years_since(dob).unwrap_or(0)
}
pub fn year_group(dob: NaiveDate, today: NaiveDate, override_year: Option<i32>) -> i32 {
    override_year.unwrap_or(today.year() - dob.year() - 5)
}
pub fn year_group_label(year: i32) -> String {
    format!("Y{year}")
}

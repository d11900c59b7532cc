//! Working days: weekends and England & Wales bank holidays. IMPLEMENTATION PENDING (helper).

use chrono::NaiveDate;

#[derive(Debug, Clone, Default)]
pub struct Calendar {}

impl Calendar {
    /// The bank holidays shipped in assets/bank_holidays.csv (2020–2030).
    pub fn england_and_wales() -> Calendar {
        Calendar {}
    }
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        let _ = day;
        true
    }
    /// `n` working days after `start` (start itself not counted).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        start + chrono::Days::new(n as u64)
    }
}

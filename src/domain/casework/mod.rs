//! Casework entries and the rules they must satisfy before anything is saved, one file per
//! kind of record. Pure: the store writes what these functions accept, and the interface shows
//! their errors beside the field.

mod arrival;
mod contact;
mod details;
mod dispute;
mod panel;
mod step;

use chrono::NaiveDate;

use super::model::Child;

pub use arrival::*;
pub use contact::*;
pub use details::*;
pub use dispute::*;
pub use panel::*;
pub use step::*;

/// What an entry does to one field of a record: leaves it as it is, or sets it (perhaps to
/// nothing). A save changes only the fields its entry sets, so two people changing different
/// fields of one record at once both keep their change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Change<T> {
    #[default]
    Keep,
    Set(T),
}

impl<T: Clone> Change<T> {
    /// The field's value after the change.
    pub fn applied_to(&self, current: &T) -> T {
        match self {
            Change::Keep => current.clone(),
            Change::Set(value) => value.clone(),
        }
    }
}

/// A problem with one field of an entry: shown beside that field, and nothing is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

pub(crate) fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError { field, message: message.into() }
}

pub(crate) fn human(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// A date that has happened: not after today, not before the child was born.
pub(crate) fn past_date(
    field: &'static str,
    date: NaiveDate,
    child: &Child,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if date > today {
        return Err(error(field, format!("{} is in the future", human(date))));
    }
    if date < child.date_of_birth {
        return Err(error(field, format!("{} is before {} was born", human(date), child.first_name)));
    }
    Ok(())
}

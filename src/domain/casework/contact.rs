//! Contacts with families: what is recorded, and answering or promising an answer.

use chrono::NaiveDate;

use super::{FieldError, error, human, past_date};
use crate::domain::calendar::Calendar;
use crate::domain::model::*;

/// What an officer records about a contact with a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactEntry {
    /// A message to ring back: opens a `call_back` (2 working days by default).
    PhoneMessage,
    Call,
    /// An email to answer: opens an `email_reply` (5 working days by default).
    EmailReceived,
    EmailSent,
    Letter,
    Meeting,
    Note,
}

impl ContactEntry {
    pub const ALL: [ContactEntry; 7] = [
        ContactEntry::PhoneMessage,
        ContactEntry::Call,
        ContactEntry::EmailReceived,
        ContactEntry::EmailSent,
        ContactEntry::Letter,
        ContactEntry::Meeting,
        ContactEntry::Note,
    ];

    /// The command-line word.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactEntry::PhoneMessage => "phone-message",
            ContactEntry::Call => "call",
            ContactEntry::EmailReceived => "email-received",
            ContactEntry::EmailSent => "email-sent",
            ContactEntry::Letter => "letter",
            ContactEntry::Meeting => "meeting",
            ContactEntry::Note => "note",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactEntry::PhoneMessage => "phone message (to call back)",
            ContactEntry::Call => "call",
            ContactEntry::EmailReceived => "email received (to answer)",
            ContactEntry::EmailSent => "email sent",
            ContactEntry::Letter => "letter",
            ContactEntry::Meeting => "meeting",
            ContactEntry::Note => "note",
        }
    }

    pub fn parse(text: &str) -> Option<ContactEntry> {
        ContactEntry::ALL.into_iter().find(|e| e.as_str() == text.trim().to_ascii_lowercase().replace('_', "-"))
    }

    /// The history entry it makes.
    pub fn event_kind(self) -> EventKind {
        match self {
            ContactEntry::PhoneMessage | ContactEntry::Call => EventKind::Call,
            ContactEntry::EmailReceived | ContactEntry::EmailSent => EventKind::Email,
            ContactEntry::Letter => EventKind::Letter,
            ContactEntry::Meeting => EventKind::Meeting,
            ContactEntry::Note => EventKind::Note,
        }
    }

    /// The contact it opens, if it needs an answer.
    pub fn opens(self) -> Option<ContactKind> {
        match self {
            ContactEntry::PhoneMessage => Some(ContactKind::PhoneMessage),
            ContactEntry::EmailReceived => Some(ContactKind::EmailReceived),
            _ => None,
        }
    }
}

pub fn validate_contact(child: &Child, date: NaiveDate, summary: &str, today: NaiveDate) -> Result<(), FieldError> {
    past_date("date", date, child, today)?;
    if summary.trim().is_empty() {
        return Err(error("summary", "say what it was about"));
    }
    Ok(())
}

/// Answering (or promising an answer to) an open contact.
pub fn validate_answer(contact: &Contact, date: NaiveDate, today: NaiveDate) -> Result<(), FieldError> {
    if contact.answered.is_some() {
        return Err(error("contact", "already answered"));
    }
    if date > today {
        return Err(error("date", format!("{} is in the future", human(date))));
    }
    if date < contact.received {
        return Err(error(
            "date",
            format!("{} is before the contact was received ({})", human(date), human(contact.received)),
        ));
    }
    Ok(())
}

/// Telling the family when to expect an answer: a date after today.
pub fn validate_promise(
    contact: &Contact,
    date: NaiveDate,
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if contact.answered.is_some() {
        return Err(error("contact", "already answered"));
    }
    if date <= today {
        return Err(error("date", "the date the family can expect an answer must be after today"));
    }
    if !calendar.is_working_day(date) {
        return Err(error("date", format!("{} is not a working day", date.format("%A %-d %b %Y"))));
    }
    Ok(())
}

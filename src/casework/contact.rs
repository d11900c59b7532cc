//! Contacts with families: recording one (a phone message or email opens one to answer),
//! answering it, or telling the family when to expect an answer.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human};
use crate::domain::casework::{ContactEntry, FieldError, validate_answer, validate_contact, validate_promise};
use crate::domain::milestones::answer_days;
use crate::domain::{Contact, ContactKind, RecordRef};

/// A contact with a family, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordContact {
    pub child_id: String,
    pub entry: ContactEntry,
    pub date: NaiveDate,
    pub summary: String,
}

/// A phone message or email answered on `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerContact {
    pub contact_id: i64,
    pub date: NaiveDate,
    /// What was said (the answer given, or the message left).
    pub answer: String,
    /// The contact's version when the form was opened (`None` from the command line).
    pub seen: Option<i64>,
}

/// The family told to expect an answer by `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseAnswer {
    pub contact_id: i64,
    pub date: NaiveDate,
    pub seen: Option<i64>,
}

impl Casework for RecordContact {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let child = ctx.child(&self.child_id)?;
        validate_contact(&child, self.date, &self.summary, ctx.rules.today)?;
        let id = ctx.tx.add_contact(&self.child_id, self.entry, self.date, self.summary.trim(), ctx.actor())?;
        let name = child.full_name();
        Ok(match (self.entry.opens(), id) {
            (Some(kind), Some(id)) => {
                let due = ctx.rules.calendar.add_working_days(self.date, answer_days(kind, ctx.rules.rules));
                let what = if kind == ContactKind::PhoneMessage { "call back" } else { "reply" };
                format!("{} {id} for {name}: {what} by {}", kind.noun(), human(due))
            }
            _ => format!("{} recorded for {name}", self.entry.as_str().replace('-', " ")),
        })
    }
}

impl Casework for AnswerContact {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let contact = open_contact(ctx, self.contact_id, self.seen)?;
        validate_answer(&contact, self.date, ctx.rules.today)?;
        ctx.tx.answer_contact(&contact, self.date, self.answer.trim(), ctx.actor())?;
        Ok(format!("{} answered on {}", contact_name(ctx, &contact)?, human(self.date)))
    }
}

impl Casework for PromiseAnswer {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let contact = open_contact(ctx, self.contact_id, self.seen)?;
        validate_promise(&contact, self.date, ctx.rules.calendar, ctx.rules.today)?;
        ctx.tx.promise_contact(&contact, self.date, ctx.actor())?;
        Ok(format!("{}: family told to expect an answer by {}", contact_name(ctx, &contact)?, human(self.date)))
    }
}

/// The contact as it is now, unless it changed since it was `seen`.
fn open_contact(ctx: &Ctx, id: i64, seen: Option<i64>) -> Result<Contact, RecordError> {
    let contact = ctx
        .tx
        .contact(id)?
        .ok_or_else(|| FieldError { field: "contact", message: format!("no contact has id {id}") })?;
    ctx.unchanged_since(&RecordRef::Contact(id), seen)?;
    Ok(contact)
}

/// "Holly Stewart's phone message of 20 Nov", for messages about a contact.
fn contact_name(ctx: &Ctx, contact: &Contact) -> Result<String, RecordError> {
    let child = ctx.tx.child(&contact.child_id)?.map_or_else(|| contact.child_id.clone(), |c| c.full_name());
    Ok(format!("{child}'s {} of {}", contact.kind.noun(), contact.received.format("%-d %b")))
}

//! Contacts with families: recording one (a phone message or email opens one to answer),
//! answering it, or telling the family when to expect an answer.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, RecordError, Rules, find_child, human};
use crate::domain::casework::{ContactEntry, FieldError, validate_answer, validate_contact, validate_promise};
use crate::domain::milestones::answer_days;
use crate::domain::{Contact, ContactKind, County};
use crate::store::Store;

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
}

/// The family told to expect an answer by `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseAnswer {
    pub contact_id: i64,
    pub date: NaiveDate,
}

impl Casework for RecordContact {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, store: &mut Store, county: &County, actor: &str, ctx: &Rules) -> Result<String, RecordError> {
        let child = find_child(county, &self.child_id)?;
        validate_contact(child, self.date, &self.summary, ctx.today)?;
        let id = store.add_contact(&self.child_id, self.entry, self.date, self.summary.trim(), actor)?;
        let name = child.full_name();
        Ok(match (self.entry.opens(), id) {
            (Some(kind), Some(id)) => {
                let due = ctx.calendar.add_working_days(self.date, answer_days(kind, ctx.rules));
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

    fn record(&self, store: &mut Store, county: &County, actor: &str, ctx: &Rules) -> Result<String, RecordError> {
        let contact = find_contact(county, self.contact_id)?;
        validate_answer(contact, self.date, ctx.today)?;
        store.answer_contact(self.contact_id, self.date, actor)?;
        Ok(format!("{} answered on {}", contact_name(county, contact), human(self.date)))
    }
}

impl Casework for PromiseAnswer {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, store: &mut Store, county: &County, actor: &str, ctx: &Rules) -> Result<String, RecordError> {
        let contact = find_contact(county, self.contact_id)?;
        validate_promise(contact, self.date, ctx.calendar, ctx.today)?;
        store.promise_contact(self.contact_id, self.date, actor)?;
        Ok(format!("{}: family told to expect an answer by {}", contact_name(county, contact), human(self.date)))
    }
}

fn find_contact(county: &County, id: i64) -> Result<&Contact, FieldError> {
    county
        .contacts
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| FieldError { field: "contact", message: format!("no contact has id {id}") })
}

/// "Holly Stewart's phone message of 20 Nov", for messages about a contact.
fn contact_name(county: &County, contact: &Contact) -> String {
    let child = county
        .children
        .iter()
        .find(|c| c.id == contact.child_id)
        .map_or_else(|| contact.child_id.clone(), super::super::domain::model::Child::full_name);
    format!("{child}'s {} of {}", contact.kind.noun(), contact.received.format("%-d %b"))
}

//! `caseload contact`: record, answer and list contacts with families.

use color_eyre::eyre::Result;

use super::record::{Flags, save};
use super::values::Choice;
use super::{Context, emit};
use crate::casework::{AnswerContact, PromiseAnswer, RecordContact};
use crate::context::parse_date;
use crate::domain::casework::ContactEntry;
use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Record a contact; a phone message or email received opens one to answer
    Add {
        /// The child's id
        child: String,
        /// What kind of contact: a phone_message or email_received is one to answer
        #[arg(long, value_parser = Choice::new(&ContactEntry::ALL, ContactEntry::as_str))]
        kind: ContactEntry,
        /// What it was about
        #[arg(long)]
        summary: String,
        /// When it happened (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Mark a contact answered
    Answer {
        /// The contact's id (see `caseload contact list`)
        id: i64,
        /// When it was answered (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// What was said (the answer given, or the message left)
        #[arg(long, default_value = "")]
        said: String,
    },
    /// Record the date the family was told to expect an answer, when more time is needed
    Promise {
        /// The contact's id (see `caseload contact list`)
        id: i64,
        /// The date given to the family (YYYY-MM-DD), after today
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
    },
    /// List contacts still to answer
    List {
        /// Only this child's (child id)
        #[arg(long, value_name = "CHILD_ID")]
        child: Option<String>,
        /// Answered ones too
        #[arg(long)]
        all: bool,
    },
}

const CONTACT: Flags = &[("date", "--date"), ("summary", "--summary")];

const ANSWER: Flags = &[("date", "--date")];

pub fn contact(ctx: &Context, command: ContactCommand) -> Result<i32> {
    match command {
        ContactCommand::Add { child, kind, summary, date } => {
            save(ctx, RecordContact { child_id: child, entry: kind, date: date.unwrap_or(ctx.today), summary }, CONTACT)
        }
        ContactCommand::Answer { id, date, said } => save(
            ctx,
            AnswerContact { contact_id: id, date: date.unwrap_or(ctx.today), answer: said, seen: None },
            ANSWER,
        ),
        ContactCommand::Promise { id, date } => save(ctx, PromiseAnswer { contact_id: id, date, seen: None }, ANSWER),
        ContactCommand::List { child, all } => {
            let (store, county, _) = ctx.load()?;
            if let Some(id) = &child {
                // One child's contacts printed: their record opened, audited.
                store.record_view(id, &ctx.staff_id(&store)?)?;
            }
            let mut text = String::new();
            for c in county.contacts.iter().filter(|c| all || c.answered.is_none()) {
                if child.as_deref().is_some_and(|id| id != c.child_id) {
                    continue;
                }
                let state = match (c.answered, c.promised) {
                    (Some(day), _) => format!("answered {day}"),
                    (None, Some(day)) => format!("open, promised by {day}"),
                    (None, None) => "open".to_string(),
                };
                text.push_str(&format!(
                    "{:>5}  {}  {:<8} {:<14} {:<22} {}\n",
                    c.id,
                    c.received,
                    c.child_id,
                    c.kind.as_str(),
                    state,
                    crate::ui::text::clip(&c.summary.replace('\n', " "), 60)
                ));
            }
            if text.is_empty() {
                text = "No contacts to answer.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

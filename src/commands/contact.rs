//! `caseload contact`: record, answer and list contacts with families.

use color_eyre::eyre::Result;

use super::record::{Flags, save};
use super::{Context, emit};
use crate::casework::{AnswerContact, PromiseAnswer, RecordContact};
use crate::cli::ContactCommand;

const CONTACT: Flags = &[("date", "--date"), ("summary", "--summary")];

const ANSWER: Flags = &[("date", "--date")];

pub fn contact(ctx: &Context, command: ContactCommand) -> Result<i32> {
    match command {
        ContactCommand::Add { child, kind, summary, date } => {
            save(ctx, RecordContact { child_id: child, entry: kind, date: date.unwrap_or(ctx.today), summary }, CONTACT)
        }
        ContactCommand::Answer { id, date } => {
            save(ctx, AnswerContact { contact_id: id, date: date.unwrap_or(ctx.today) }, ANSWER)
        }
        ContactCommand::Promise { id, date } => save(ctx, PromiseAnswer { contact_id: id, date }, ANSWER),
        ContactCommand::List { child, all } => {
            let (_store, county, _) = ctx.load()?;
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

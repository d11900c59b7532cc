//! `caseload todo`: the to-dos the product sets (telling a family and school who their new officer
//! is), and marking one done.

use chrono::NaiveDate;
use clap::Subcommand;
use color_eyre::eyre::Result;

use super::record::save;
use super::{Context, emit};
use crate::casework::CompleteTask;
use crate::context::parse_date;

#[derive(Debug, Subcommand)]
pub enum TodoCommand {
    /// To-dos not yet done, soonest due first
    List {
        /// Only this officer's (staff id)
        #[arg(long, value_name = "STAFF_ID")]
        officer: Option<String>,
    },
    /// Mark a to-do done
    Done {
        /// The to-do's id (see `caseload todo list`)
        id: i64,
        /// When (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
}

pub fn todo(ctx: &Context, command: TodoCommand) -> Result<i32> {
    match command {
        TodoCommand::Done { id, date } => {
            save(ctx, CompleteTask { task_id: id, date: date.unwrap_or(ctx.today), seen: None }, &[("date", "--date")])
        }
        TodoCommand::List { officer } => {
            let (_store, county, _) = ctx.load()?;
            if let Some(id) = &officer
                && !county.staff.iter().any(|s| &s.id == id)
            {
                return Err(color_eyre::eyre::eyre!("--officer {id}: no member of staff has that id"));
            }
            let mut open: Vec<_> = county
                .tasks
                .iter()
                .filter(|t| t.done.is_none() && county.task_live(t, ctx.today))
                .filter(|t| officer.is_none() || t.staff_id == officer)
                .collect();
            open.sort_by_key(|t| (t.due, t.id));
            let mut text = String::new();
            for t in open {
                let who = county
                    .children
                    .iter()
                    .find(|c| c.id == t.child_id)
                    .map_or(String::new(), super::super::domain::model::Child::full_name);
                text.push_str(&format!(
                    "{:>5}  due {}  {:<8} {:<24} tell the family and school: {}\n",
                    t.id,
                    t.due,
                    t.child_id,
                    crate::ui::text::clip(&who, 24),
                    t.detail
                ));
            }
            if text.is_empty() {
                text = "No to-dos waiting.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

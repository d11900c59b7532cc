//! To-dos the product sets (telling a family who their new officer is): marking one done.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human};
use crate::domain::RecordRef;
use crate::domain::casework::FieldError;

/// A to-do done on `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompleteTask {
    pub task_id: i64,
    pub date: NaiveDate,
    pub seen: Option<i64>,
}

impl Casework for CompleteTask {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let id = self.task_id;
        let task =
            ctx.tx.task(id)?.ok_or_else(|| FieldError { field: "to-do", message: format!("no to-do has id {id}") })?;
        ctx.unchanged_since(&RecordRef::Task(id), self.seen)?;
        if task.done.is_some() {
            return Err(FieldError { field: "to-do", message: "already done".into() }.into());
        }
        if self.date > ctx.rules.today {
            return Err(FieldError { field: "date", message: format!("{} is in the future", human(self.date)) }.into());
        }
        if self.date < task.created {
            return Err(FieldError {
                field: "date",
                message: format!("{} is before the to-do was set ({})", human(self.date), human(task.created)),
            }
            .into());
        }
        ctx.tx.complete_task(&task, self.date, ctx.actor())?;
        let child = ctx.tx.child(&task.child_id)?.map_or_else(|| task.child_id.clone(), |c| c.full_name());
        Ok(format!("{child}'s family and school told ({}) on {}", task.detail, human(self.date)))
    }
}

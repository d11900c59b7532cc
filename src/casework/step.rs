//! Statutory steps: checked against the child's record and steps as they are in the save's
//! transaction (so two steps recorded at once both see each other), saved with the child's row
//! as it now stands. The steps that close a case are confirmed first.

use super::permissions::Work;
use super::{Casework, Ctx, RecordError};
use crate::domain::RecordRef;
use crate::domain::casework::{StepEntry, apply_step, confirmation_needed};

/// A statutory step recorded for a child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordStep {
    pub child_id: String,
    pub step: StepEntry,
    /// The child's version when the form was opened (`None` from the command line).
    pub seen: Option<i64>,
    /// A step that closes the case has been confirmed (a second Enter, `--confirm`).
    pub confirmed: bool,
}

impl Casework for RecordStep {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let child = ctx.child(&self.child_id)?;
        ctx.may(Work::Casework, &child)?;
        ctx.unchanged_since(&RecordRef::Child(child.id.clone()), self.seen)?;
        let steps = ctx.tx.steps_of(&child.id)?;
        let after = apply_step(&child, &steps, &self.step, ctx.rules.today)?;
        if !self.confirmed
            && let Some(warning) = confirmation_needed(&child, &self.step)
        {
            return Err(RecordError::Unconfirmed(warning));
        }
        ctx.tx.add_step(&child, &after, &self.step, ctx.actor())?;
        let mut text = format!("{} recorded for {}", self.step.kind.as_str().replace('_', " "), child.full_name());
        if after.stage != child.stage {
            text.push_str(&format!("; stage now {}", after.stage));
        }
        Ok(text)
    }
}

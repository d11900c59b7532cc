//! Statutory steps: checked against the child's record and stage, saved with the child's row as
//! it now stands; the steps that close a case are confirmed first.

use chrono::NaiveDate;

use super::permissions::{Work, check};
use super::{Casework, RecordError, Rules, find_child};
use crate::domain::casework::{StepEntry, apply_step, detail_label};
use crate::domain::{County, Step, StepKind};
use crate::store::Store;

/// A statutory step recorded for a child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordStep {
    pub child_id: String,
    pub step: StepEntry,
}

impl Casework for RecordStep {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, store: &mut Store, county: &County, actor: &str, ctx: &Rules) -> Result<String, RecordError> {
        let child = find_child(county, &self.child_id)?;
        let steps = steps_of(county, &self.child_id);
        let after = apply_step(child, &steps, &self.step, ctx.today)?;
        store.add_step(child, &after, &self.step, actor)?;
        let mut text = format!("{} recorded for {}", self.step.kind.as_str().replace('_', " "), child.full_name());
        if after.stage != child.stage {
            text.push_str(&format!("; stage now {}", after.stage));
        }
        Ok(text)
    }
}

fn steps_of(county: &County, child_id: &str) -> Vec<Step> {
    county.steps.iter().filter(|s| s.child_id == child_id).cloned().collect()
}

/// What `record` would check of a step, without saving it: who may, and the step's rules.
pub fn check_step(county: &County, actor: &str, entry: &RecordStep, today: NaiveDate) -> Result<(), RecordError> {
    let staff = county
        .staff
        .iter()
        .find(|s| s.id == actor)
        .ok_or_else(|| RecordError::NotAllowed(format!("{actor} is not in the staff list")))?;
    check(staff, entry.work()).map_err(RecordError::NotAllowed)?;
    let child = find_child(county, &entry.child_id)?;
    apply_step(child, &steps_of(county, &entry.child_id), &entry.step, today)?;
    Ok(())
}

/// What a destructive step will do, to be confirmed before it is saved: ceasing a plan, or a
/// decision not to assess or not to issue, which closes the case.
pub fn needs_confirmation(county: &County, entry: &RecordStep, today: NaiveDate) -> Option<String> {
    let RecordStep { child_id, step } = entry;
    // A step that would be refused anyway is not worth confirming: saving shows why.
    let child = county.children.iter().find(|c| &c.id == child_id)?;
    apply_step(child, &steps_of(county, child_id), step, today).ok()?;
    let name = child.full_name();
    match step.kind {
        StepKind::Ceased => {
            let reason = detail_label(step.kind, &step.detail);
            Some(format!("This ceases {name}'s plan (SEN2 reason {reason}); the case leaves the caseload."))
        }
        StepKind::AssessDecision | StepKind::IssueDecision if step.detail == "declined" => Some(format!(
            "A decision not to proceed closes {name}'s case; the family must be told of their right to appeal."
        )),
        _ => None,
    }
}

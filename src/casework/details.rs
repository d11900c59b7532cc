//! A child's details: setting, postcode, primary need, band and year-group override, with the
//! change written into the case history. Only the fields the entry sets are changed.

use super::permissions::Work;
use super::{Casework, Ctx, RecordError};
use crate::domain::RecordRef;
use crate::domain::casework::{DetailsEntry, apply_details, describe_changes};

/// Changes to the child's details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditDetails {
    pub child_id: String,
    pub details: DetailsEntry,
    /// The child's version when the form was opened (`None` from the command line).
    pub seen: Option<i64>,
}

impl Casework for EditDetails {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let child = ctx.child(&self.child_id)?;
        ctx.may(Work::Casework, &child)?;
        ctx.unchanged_since(&RecordRef::Child(child.id.clone()), self.seen)?;
        let after = apply_details(&child, &self.details, ctx.rules.rules.bands.count(), ctx.rules.today)?;
        let note = describe_changes(&child, &after);
        ctx.tx.update_child_details(&child, &after, &note, ctx.rules.today, ctx.actor())?;
        Ok(format!("{} · {}", child.full_name(), note))
    }
}

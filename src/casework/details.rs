//! A child's details: setting, postcode, primary need, band and year-group override, with the
//! change written into the case history.

use super::permissions::Work;
use super::{Casework, RecordError, Rules, find_child};
use crate::domain::County;
use crate::domain::casework::{DetailsEntry, apply_details, describe_changes};
use crate::store::Store;

/// The child's details as they should now be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditDetails {
    pub child_id: String,
    pub details: DetailsEntry,
}

impl Casework for EditDetails {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, store: &mut Store, county: &County, actor: &str, ctx: &Rules) -> Result<String, RecordError> {
        let child = find_child(county, &self.child_id)?;
        let after = apply_details(child, &self.details, ctx.rules.bands.count(), ctx.today)?;
        let note = describe_changes(child, &after);
        store.update_child_details(child, &after, &note, ctx.today, actor)?;
        Ok(format!("{} · {}", child.full_name(), note))
    }
}

//! Disputes: registering a mediation request or a tribunal appeal, and recording how far it
//! has gone (hearing, the LA's response, the tribunal's order, compliance, closing).

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, RecordError, Rules, find_child, human};
use crate::domain::casework::{FieldError, apply_dispute, validate_new_dispute};
use crate::domain::{County, Dispute, DisputeKind};
use crate::store::Store;

/// A mediation requested or an appeal registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterDispute {
    pub child_id: String,
    pub kind: DisputeKind,
    pub date: NaiveDate,
    pub detail: String,
}

/// A dispute as it now stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateDispute {
    pub dispute: Dispute,
}

impl Casework for RegisterDispute {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, store: &mut Store, county: &County, actor: &str, ctx: &Rules) -> Result<String, RecordError> {
        let child = find_child(county, &self.child_id)?;
        validate_new_dispute(child, self.kind, self.date, &self.detail, &county.disputes, ctx.today)?;
        let dispute = Dispute {
            id: 0,
            child_id: self.child_id.clone(),
            kind: self.kind,
            registered: self.date,
            hearing: None,
            responded: None,
            order_kind: None,
            order_date: None,
            complied: None,
            closed: None,
            detail: self.detail.trim().to_string(),
        };
        let id = store.add_dispute(&dispute, actor)?;
        Ok(format!("{} {id} registered for {} on {}", self.kind, child.full_name(), human(self.date)))
    }
}

impl Casework for UpdateDispute {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, store: &mut Store, county: &County, actor: &str, ctx: &Rules) -> Result<String, RecordError> {
        let id = self.dispute.id;
        let before = county
            .disputes
            .iter()
            .find(|d| d.id == id)
            .ok_or_else(|| FieldError { field: "dispute", message: format!("no dispute has id {id}") })?;
        let child = find_child(county, &before.child_id)?;
        let after = apply_dispute(child, before, &self.dispute, ctx.today)?;
        store.update_dispute(before, &after, actor)?;
        Ok(format!("{} {} updated for {}", after.kind, after.id, child.full_name()))
    }
}

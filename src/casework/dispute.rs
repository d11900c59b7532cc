//! Disputes: registering a mediation request or a tribunal appeal, and recording how far it
//! has gone (hearing, the LA's response, the tribunal's order, compliance, closing). An update
//! changes only the fields it sets.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human};
use crate::domain::casework::{DisputeChange, FieldError, apply_dispute, validate_new_dispute};
use crate::domain::{Dispute, DisputeKind, RecordRef};

/// A mediation requested or an appeal registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterDispute {
    pub child_id: String,
    pub kind: DisputeKind,
    pub date: NaiveDate,
    pub detail: String,
}

/// How far a dispute has gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateDispute {
    pub dispute_id: i64,
    pub change: DisputeChange,
    /// The dispute's version when the form was opened (`None` from the command line).
    pub seen: Option<i64>,
}

impl Casework for RegisterDispute {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let child = ctx.child(&self.child_id)?;
        ctx.may(Work::Casework, &child)?;
        let existing = ctx.tx.disputes_of(&child.id)?;
        validate_new_dispute(&child, self.kind, self.date, &self.detail, &existing, ctx.rules.today)?;
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
        let id = ctx.tx.add_dispute(&dispute, ctx.actor())?;
        Ok(format!("{} {id} registered for {} on {}", self.kind, child.full_name(), human(self.date)))
    }
}

impl Casework for UpdateDispute {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let id = self.dispute_id;
        let before = ctx
            .tx
            .dispute(id)?
            .ok_or_else(|| FieldError { field: "dispute", message: format!("no dispute has id {id}") })?;
        let child = ctx.child(&before.child_id)?;
        ctx.may(Work::Casework, &child)?;
        ctx.unchanged_since(&RecordRef::Dispute(id), self.seen)?;
        let after = apply_dispute(&child, &before, &self.change.applied_to(&before), ctx.rules.today)?;
        ctx.tx.update_dispute(&before, &after, ctx.actor())?;
        Ok(format!("{} {} updated for {}", after.kind, after.id, child.full_name()))
    }
}

//! Disputes: registering a mediation request or a tribunal appeal, and recording how far it
//! has gone (hearing, the LA's response, the tribunal's order, compliance, closing). An update
//! changes only the fields it sets.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human};
use crate::domain::casework::{DisputeChange, FieldError, apply_dispute, validate_new_dispute};
use crate::domain::{Child, Dispute, DisputeKind, OrderKind, RecordRef, Stage};

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
        let mut said = format!("{} {} updated for {}", after.kind, after.id, child.full_name());
        // A tribunal's order on a declined or ceased case reopens it where the order puts it:
        // assessing (an order to assess or to make a plan), or the plan maintained (to amend it
        // or change its setting), so the steps the order needs can be recorded.
        if let (None, Some(kind), Some(ordered)) = (before.order_kind, after.order_kind, after.order_date)
            && child.stage == Stage::Ceased
        {
            let stage = match kind {
                OrderKind::Assess | OrderKind::MakePlan if child.plan_date.is_none() => Some(Stage::Assessment),
                OrderKind::Amend | OrderKind::Setting if child.plan_date.is_some() => Some(Stage::Plan),
                _ => None,
            };
            if let Some(stage) = stage {
                let reopened = Child { stage, ..child.clone() };
                let note = format!(
                    "Reopened by the tribunal's order of {} ({})",
                    human(ordered),
                    kind.as_str().replace('_', " ")
                );
                ctx.tx.reopen_by_order(&child, &reopened, &note, ctx.rules.today, ctx.actor())?;
                said.push_str(&format!("; the order reopens the case at stage {stage}"));
            }
        }
        Ok(said)
    }
}

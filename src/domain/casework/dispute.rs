//! Mediation and tribunal appeals: registering one, and recording how far it has gone.

use chrono::NaiveDate;

use super::{Change, FieldError, error, human, past_date};
use crate::domain::model::*;

/// Changes to a dispute: how far it has gone. Only the fields set are changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DisputeChange {
    pub hearing: Change<Option<NaiveDate>>,
    pub responded: Change<Option<NaiveDate>>,
    pub order_kind: Change<Option<OrderKind>>,
    pub order_date: Change<Option<NaiveDate>>,
    pub complied: Change<Option<NaiveDate>>,
    pub closed: Change<Option<NaiveDate>>,
}

impl DisputeChange {
    /// `dispute` with these changes made.
    pub fn applied_to(&self, dispute: &Dispute) -> Dispute {
        Dispute {
            hearing: self.hearing.applied_to(&dispute.hearing),
            responded: self.responded.applied_to(&dispute.responded),
            order_kind: self.order_kind.applied_to(&dispute.order_kind),
            order_date: self.order_date.applied_to(&dispute.order_date),
            complied: self.complied.applied_to(&dispute.complied),
            closed: self.closed.applied_to(&dispute.closed),
            ..dispute.clone()
        }
    }
}

/// A mediation or appeal as it now stands, checked; returns the record to save.
pub fn apply_dispute(
    child: &Child,
    before: &Dispute,
    after: &Dispute,
    today: NaiveDate,
) -> Result<Dispute, FieldError> {
    let happened = |field: &'static str, date: Option<NaiveDate>| -> Result<(), FieldError> {
        match date {
            Some(date) if date > today => Err(error(field, format!("{} is in the future", human(date)))),
            Some(date) if date < before.registered => {
                Err(error(field, format!("{} is before the dispute began ({})", human(date), human(before.registered))))
            }
            _ => Ok(()),
        }
    };
    // A hearing or mediation meeting may be booked ahead; the rest has happened.
    if let Some(hearing) = after.hearing.filter(|h| *h < before.registered) {
        return Err(error("hearing", format!("{} is before the dispute began", human(hearing))));
    }
    happened("responded", after.responded)?;
    happened("order date", after.order_date)?;
    happened("complied", after.complied)?;
    happened("closed", after.closed)?;
    if after.kind == DisputeKind::Mediation && (after.order_kind.is_some() || after.responded.is_some()) {
        return Err(error("order", "mediation has no tribunal order or response; register an appeal"));
    }
    if after.order_kind.is_some() != after.order_date.is_some() {
        return Err(error("order date", "an order needs both what was ordered and its date"));
    }
    if after.complied.is_some() && after.order_kind.is_none() {
        return Err(error("complied", "there is no order to comply with"));
    }
    if let (Some(order), Some(done)) = (after.order_date, after.complied)
        && done < order
    {
        return Err(error("complied", format!("{} is before the order ({})", human(done), human(order))));
    }
    let _ = child;
    if after == before {
        return Err(error("dispute", "nothing has changed"));
    }
    Ok(after.clone())
}

/// Registering a mediation request or an appeal.
pub fn validate_new_dispute(
    child: &Child,
    kind: DisputeKind,
    date: NaiveDate,
    detail: &str,
    existing: &[Dispute],
    today: NaiveDate,
) -> Result<(), FieldError> {
    past_date("date", date, child, today)?;
    // A mediation is about a decision or part of the plan; the mediator and the family need to know which.
    if kind == DisputeKind::Mediation && detail.trim().is_empty() {
        return Err(error("detail", "say what the mediation is about (e.g. refusal to assess, section I)"));
    }
    if existing.iter().any(|d| d.child_id == child.id && d.kind == kind && d.closed.is_none()) {
        return Err(error("kind", format!("{} already has an open {kind}; update it instead", child.full_name())));
    }
    Ok(())
}

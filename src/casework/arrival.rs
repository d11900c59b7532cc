//! A child arriving: a request for assessment registered (a new child, or one whose case had
//! closed and comes back, which reopens that case), or a transfer in with another authority's
//! plan. Someone already on file by name and date of birth is never registered twice.

use super::allocation::Allocate;
use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human};
use crate::domain::casework::{Arrival, FieldError, NewChild, arriving_child, check_arrival, reopened, same_child};
use crate::domain::{Child, Stage};

/// A child arriving, allocated at once to `officer` if given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterChild {
    pub child: NewChild,
    pub arrival: Arrival,
    pub officer: Option<String>,
    /// The authority's own id for the child, if it has one; else the next free.
    pub id: Option<String>,
    /// Reopening a closed case has been confirmed (a second Enter, `--confirm`).
    pub confirmed: bool,
}

impl Casework for RegisterChild {
    fn work(&self) -> Work<'_> {
        Work::Register
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        if !ctx.rules.rules.register_roles.contains(&ctx.staff.role) {
            let roles: Vec<&str> = ctx.rules.rules.register_roles.iter().map(|r| r.as_str()).collect();
            return Err(RecordError::NotAllowed(format!("new requests are registered by: {}", roles.join(", "))));
        }
        let (dob, postcode) = check_arrival(&self.child, self.arrival, ctx.rules.today)?;
        // A request received long ago is more often a mistyped year than a late registration.
        if let Arrival::Request { received, .. } = self.arrival
            && received < ctx.rules.today.checked_sub_months(chrono::Months::new(12)).unwrap_or(received)
            && !self.confirmed
        {
            return Err(RecordError::Unconfirmed(format!(
                "received {}, over a year ago: its decision to assess was due {}. Save again if that is right.",
                human(received),
                human(received.checked_add_days(chrono::Days::new(42)).unwrap_or(received))
            )));
        }
        // Allocating as they arrive is allocating: seniors within their team, managers anywhere.
        let officer = match &self.officer {
            Some(id) => {
                let officer = ctx.staff_member(id)?;
                Allocate::may_hold(&officer)?;
                Allocate::allowed(ctx, None, &officer)?;
                Some(officer)
            }
            None => None,
        };
        let on_file: Vec<Child> =
            ctx.tx.children_born(dob)?.into_iter().filter(|c| same_child(c, &self.child)).collect();
        // Someone open on file is refused, whatever closed cases they also have.
        let on_file = on_file.iter().find(|c| c.stage != Stage::Ceased).or(on_file.first());
        let (child, reopening) = match on_file {
            Some(open) if open.stage != Stage::Ceased => {
                return Err(FieldError {
                    field: "last name",
                    message: format!(
                        "{}, born {}, is already on file ({}, {}): record this on their case instead",
                        open.full_name(),
                        dob.format("%-d %b %Y"),
                        open.id,
                        open.stage
                    ),
                }
                .into());
            }
            Some(closed) if !self.confirmed => {
                return Err(RecordError::Unconfirmed(format!(
                    "{}, born {}, is on file with a closed case ({}): save again to reopen it, not to register them twice.",
                    closed.full_name(),
                    dob.format("%-d %b %Y"),
                    closed.id
                )));
            }
            Some(closed) => {
                let after = reopened(closed, &self.child, postcode, self.arrival);
                ctx.tx.update_case(closed, &after, "reopen_case", ctx.actor())?;
                (after, true)
            }
            None => {
                let id = match &self.id {
                    Some(id) if ctx.tx.child(id)?.is_some() => {
                        return Err(FieldError { field: "id", message: format!("{id} is another child's id") }.into());
                    }
                    Some(id) => id.trim().to_string(),
                    None => ctx.tx.next_child_id()?,
                };
                let child = arriving_child(id, &self.child, dob, postcode, self.arrival);
                ctx.tx.add_child(&child, ctx.actor())?;
                (child, false)
            }
        };
        if let Arrival::Request { received, by } = self.arrival {
            ctx.tx.add_request(&child.id, received, by, ctx.actor())?;
        }
        match &officer {
            Some(officer) => {
                let reason = if reopening { "case reopened" } else { "new to the service" };
                ctx.tx.allocate(&child, Some(&officer.id), ctx.rules.today, reason, ctx.actor())?;
            }
            // A case that comes back waits for a senior to allocate it, rather than going back to
            // whoever held it before it closed.
            None if reopening && child.officer.is_some() => {
                ctx.tx.allocate(&child, None, ctx.rules.today, "case reopened: to be allocated", ctx.actor())?;
            }
            None => {}
        }
        let with = officer.map_or_else(|| ", not yet allocated".to_string(), |o| format!(", with {}", o.name));
        let name = format!("{} ({})", child.full_name(), child.id);
        Ok(match self.arrival {
            Arrival::Request { received, by } => {
                let decision = received.checked_add_days(chrono::Days::new(42)).unwrap_or(received);
                let what = if reopening { "case reopened" } else { "registered" };
                format!(
                    "request from {} {what} for {name}{with}: received {}, decision to assess due {}",
                    by.label(),
                    human(received),
                    human(decision)
                )
            }
            Arrival::Transfer { plan_date, .. } => {
                format!("{name} transferred in{with}, with a plan of {}", human(plan_date))
            }
        })
    }
}

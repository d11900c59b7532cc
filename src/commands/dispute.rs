//! `caseload dispute`: register, update and list mediation and tribunal appeals.

use color_eyre::eyre::Result;

use super::record::{Flags, refuse, save};
use super::{Context, emit};
use crate::casework::{RegisterDispute, UpdateDispute};
use crate::cli::DisputeCommand;

const NEW_DISPUTE: Flags = &[("date", "--date"), ("kind", "--kind")];

const DISPUTE: Flags = &[
    ("hearing", "--hearing"),
    ("responded", "--responded"),
    ("order", "--order"),
    ("order date", "--order-date"),
    ("complied", "--complied"),
    ("closed", "--closed"),
];

pub fn dispute(ctx: &Context, command: DisputeCommand) -> Result<i32> {
    match command {
        DisputeCommand::Add { child, kind, date, detail } => {
            let date = date.unwrap_or(ctx.today);
            save(ctx, RegisterDispute { child_id: child, kind, date, detail: detail.unwrap_or_default() }, NEW_DISPUTE)
        }
        DisputeCommand::Update { id, hearing, responded, order, order_date, complied, closed } => {
            let (_store, county, _) = ctx.load()?;
            let Some(mut dispute) = county.disputes.iter().find(|d| d.id == id).cloned() else {
                return refuse(format!("no dispute has id {id}"));
            };
            dispute.order_kind = order.or(dispute.order_kind);
            dispute.hearing = hearing.or(dispute.hearing);
            dispute.responded = responded.or(dispute.responded);
            dispute.order_date = order_date.or(dispute.order_date);
            dispute.complied = complied.or(dispute.complied);
            dispute.closed = closed.or(dispute.closed);
            save(ctx, UpdateDispute { dispute }, DISPUTE)
        }
        DisputeCommand::List => {
            let (_store, county, milestones) = ctx.load()?;
            let mut text = String::new();
            for d in &county.disputes {
                let index = county.children.iter().position(|c| c.id == d.child_id);
                let next = index
                    .and_then(|i| {
                        milestones[i].iter().find(|m| {
                            m.status != crate::domain::Status::Done
                                && matches!(
                                    m.name,
                                    crate::domain::MilestoneName::MediationMeeting
                                        | crate::domain::MilestoneName::AppealResponse
                                        | crate::domain::MilestoneName::OrderCompliance
                                )
                        })
                    })
                    .map_or_else(|| "nothing due".to_string(), |m| format!("{} due {} ({})", m.name, m.due, m.status));
                let state = if d.closed.is_some() { "closed" } else { "open" };
                text.push_str(&format!(
                    "{:>5}  {}  {:<8} {:<9} {:<6} {}\n",
                    d.id,
                    d.registered,
                    d.child_id,
                    d.kind.as_str(),
                    state,
                    next
                ));
            }
            if text.is_empty() {
                text = "No disputes.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

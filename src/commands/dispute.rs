//! `caseload dispute`: register, update and list mediation and tribunal appeals.

use color_eyre::eyre::Result;

use super::record::{Flags, save};
use super::values::Choice;
use super::{Context, emit};
use crate::casework::{RegisterDispute, UpdateDispute};
use crate::context::parse_date;
use crate::domain::casework::{Change, DisputeChange};
use crate::domain::{DisputeKind, OrderKind};
use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum DisputeCommand {
    /// Register a mediation request or an appeal to the tribunal
    Add {
        /// The child's id
        child: String,
        /// A mediation request or a tribunal appeal
        #[arg(long, value_parser = Choice::new(DisputeKind::ALL, DisputeKind::as_str))]
        kind: DisputeKind,
        /// When it was requested or registered (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// What it is about (needed for a mediation, e.g. "refusal to assess")
        #[arg(long)]
        detail: Option<String>,
    },
    /// Record how far a dispute has gone (give only what is new)
    Update {
        /// The dispute's id (see `caseload dispute list`)
        id: i64,
        /// The mediation meeting or tribunal hearing (YYYY-MM-DD; may be ahead)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        hearing: Option<NaiveDate>,
        /// When the LA responded to the appeal (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        responded: Option<NaiveDate>,
        /// What the tribunal ordered (an appeal's order needs --order-date too)
        #[arg(long, value_parser = Choice::new(OrderKind::ALL, OrderKind::as_str))]
        order: Option<OrderKind>,
        /// When the tribunal made its order (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        order_date: Option<NaiveDate>,
        /// When the order was carried out (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        complied: Option<NaiveDate>,
        /// When the dispute ended: withdrawn, settled or decided (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        closed: Option<NaiveDate>,
    },
    /// List disputes
    List,
}

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
            // Only what is given changes.
            let set = |date: Option<NaiveDate>| date.map_or(Change::Keep, |d| Change::Set(Some(d)));
            let change = DisputeChange {
                hearing: set(hearing),
                responded: set(responded),
                order_kind: order.map_or(Change::Keep, |k| Change::Set(Some(k))),
                order_date: set(order_date),
                complied: set(complied),
                closed: set(closed),
            };
            save(ctx, UpdateDispute { dispute_id: id, change, seen: None }, DISPUTE)
        }
        DisputeCommand::List => {
            let (_store, county, milestones) = ctx.load()?;
            let mut text = String::new();
            for d in &county.disputes {
                let index = county.children.iter().position(|c| c.id == d.child_id);
                // This dispute's own next deadline (a closed one has none).
                use crate::domain::{DisputeKind, MilestoneName};
                let ours = |name: MilestoneName| match d.kind {
                    DisputeKind::Mediation => name == MilestoneName::MediationMeeting,
                    DisputeKind::Appeal => {
                        matches!(name, MilestoneName::AppealResponse | MilestoneName::OrderCompliance)
                    }
                };
                let next = index
                    .filter(|_| d.closed.is_none())
                    .and_then(|i| {
                        milestones[i].iter().find(|m| m.status != crate::domain::Status::Done && ours(m.name))
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

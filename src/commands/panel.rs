//! `caseload panel`: submit a child to a panel, record its decision, list panel cases.

use color_eyre::eyre::Result;

use super::record::{Flags, refuse, save};
use super::{Context, emit};
use crate::casework::{RecordPanelDecision, SubmitToPanel};
use crate::cli::PanelCommand;

const SUBMIT: Flags = &[("panel date", "--date"), ("papers", "--papers")];

const DECISION: Flags = &[("outcome", "--outcome"), ("needs", "--needs"), ("sent", "--sent"), ("how", "--how")];

pub fn panel(ctx: &Context, command: PanelCommand) -> Result<i32> {
    match command {
        PanelCommand::Submit { child, date, question, papers } => {
            save(ctx, SubmitToPanel { child_id: child, panel_date: date, question, papers }, SUBMIT)
        }
        PanelCommand::Decision { id, outcome, needs, sent, how } => {
            if outcome.is_none() && sent.is_none() {
                return refuse("say --outcome, or --sent YYYY-MM-DD --how HOW, or both");
            }
            let sent = sent.map(|date| (date, how.unwrap_or_default().to_string()));
            save(
                ctx,
                RecordPanelDecision { panel_id: id, outcome, info_needed: needs.unwrap_or_default(), sent },
                DECISION,
            )
        }
        PanelCommand::List => {
            let (_store, county, _) = ctx.load()?;
            let mut text = String::new();
            for p in &county.panels {
                let outcome = p.outcome.map_or("awaiting", |o| o.as_str());
                let sent = p.decision_sent.map_or_else(String::new, |d| format!("sent {d} by {}", p.sent_how));
                text.push_str(&format!(
                    "{:>5}  {}  {:<8} {:<10} {:<9} {}\n",
                    p.id,
                    p.panel_date,
                    p.child_id,
                    p.question.as_str(),
                    outcome,
                    sent
                ));
            }
            if text.is_empty() {
                text = "No panel cases.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

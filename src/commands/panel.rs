//! `caseload panel`: submit a child to a panel, record its decision, list panel cases.

use color_eyre::eyre::Result;

use super::record::{Flags, refuse, save};
use super::values::Choice;
use super::{Context, emit};
use crate::casework::{RecordPanelDecision, SubmitToPanel};
use crate::context::parse_date;
use crate::domain::{PanelOutcome, PanelQuestion};
use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PanelCommand {
    /// Put a child to a coming panel
    Submit {
        /// The child's id
        child: String,
        /// The panel's date (YYYY-MM-DD), a working day today or later; one open panel case per child
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// What the panel is asked to decide; it must fit the stage (assess at request; issue_plan, placement or band in assessment; amend, placement or band for a plan)
        #[arg(long, value_parser = Choice::new(PanelQuestion::ALL, PanelQuestion::as_str))]
        question: PanelQuestion,
        /// The papers going to the panel
        #[arg(long)]
        papers: String,
    },
    /// Record a panel's decision and/or that it was sent to the family
    Decision {
        /// The panel case id (see `caseload panel list`)
        id: i64,
        /// What the panel decided
        #[arg(long, value_parser = Choice::new(PanelOutcome::ALL, PanelOutcome::as_str))]
        outcome: Option<PanelOutcome>,
        /// What a deferred case needs before it goes back
        #[arg(long)]
        needs: Option<String>,
        /// When the decision and reasons were sent to the family (YYYY-MM-DD); give --how too
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "how")]
        sent: Option<NaiveDate>,
        /// How they were sent; give --sent too
        #[arg(long, value_parser = Choice::new(SENT_HOW, |w| w), requires = "sent")]
        how: Option<&'static str>,
        /// Confirm changing the outcome after the family was told (they must be told again)
        #[arg(long)]
        confirm: bool,
    },
    /// List panel cases
    List,
}
/// How a panel decision reaches the family, as the interface's panel form offers.
const SENT_HOW: &[&str] = &["email", "letter", "phone", "meeting"];

const SUBMIT: Flags = &[("panel date", "--date"), ("papers", "--papers")];

const DECISION: Flags = &[("outcome", "--outcome"), ("needs", "--needs"), ("sent", "--sent"), ("how", "--how")];

pub fn panel(ctx: &Context, command: PanelCommand) -> Result<i32> {
    match command {
        PanelCommand::Submit { child, date, question, papers } => {
            save(ctx, SubmitToPanel { child_id: child, panel_date: date, question, papers }, SUBMIT)
        }
        PanelCommand::Decision { id, outcome, needs, sent, how, confirm } => {
            if outcome.is_none() && sent.is_none() {
                return refuse("say --outcome, or --sent YYYY-MM-DD --how HOW, or both");
            }
            let sent = sent.map(|date| (date, how.unwrap_or_default().to_string()));
            save(
                ctx,
                RecordPanelDecision {
                    panel_id: id,
                    outcome,
                    info_needed: needs.unwrap_or_default(),
                    sent,
                    seen: None,
                    confirmed: confirm,
                },
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

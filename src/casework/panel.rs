//! Panels: putting a child to a panel (a deferred case goes back as a resubmission), and
//! recording what it decided and when the family was told.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human};
use crate::domain::casework::{FieldError, validate_panel_decision, validate_submission};
use crate::domain::{PanelOutcome, PanelQuestion, PanelSubmission, RecordRef};

/// A child put to a coming panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmitToPanel {
    pub child_id: String,
    pub panel_date: NaiveDate,
    pub question: PanelQuestion,
    pub papers: String,
}

/// What a panel decided, and/or that the decision and reasons were sent to the family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPanelDecision {
    pub panel_id: i64,
    pub outcome: Option<PanelOutcome>,
    pub info_needed: String,
    pub sent: Option<(NaiveDate, String)>,
    /// The panel case's version when the form was opened (`None` from the command line).
    pub seen: Option<i64>,
    /// A changed outcome after the family was told has been confirmed (a second Enter,
    /// `--confirm`).
    pub confirmed: bool,
}

impl Casework for SubmitToPanel {
    fn work(&self) -> Work<'_> {
        Work::Casework
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let child = ctx.child(&self.child_id)?;
        ctx.may(Work::Casework, &child)?;
        let panels = ctx.tx.panels_of(&child.id)?;
        validate_submission(
            &child,
            self.panel_date,
            self.question,
            &self.papers,
            &panels,
            ctx.rules.calendar,
            ctx.rules.today,
        )?;
        // A deferred case goes back to panel as a resubmission of the deferral.
        let resubmitted: Vec<i64> = panels.iter().filter_map(|p| p.resubmission_of).collect();
        let deferred = panels
            .iter()
            .filter(|p| p.outcome == Some(PanelOutcome::Deferred) && !resubmitted.contains(&p.id))
            .map(|p| p.id)
            .max();
        let submission = PanelSubmission {
            id: 0,
            child_id: self.child_id.clone(),
            panel_date: self.panel_date,
            question: self.question,
            papers: self.papers.trim().to_string(),
            submitted_by: Some(ctx.actor().to_string()),
            outcome: None,
            info_needed: String::new(),
            decision_sent: None,
            sent_how: String::new(),
            resubmission_of: deferred,
        };
        let id = ctx.tx.add_panel_submission(&submission, ctx.actor())?;
        let again = if deferred.is_some() { " (resubmitted)" } else { "" };
        Ok(format!("{} submitted to the panel of {}{again} as case {id}", child.full_name(), human(self.panel_date)))
    }
}

impl Casework for RecordPanelDecision {
    fn work(&self) -> Work<'_> {
        Work::PanelDecisions
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let panel_id = self.panel_id;
        let panel = ctx
            .tx
            .panel(panel_id)?
            .ok_or_else(|| FieldError { field: "panel", message: format!("no panel case has id {panel_id}") })?;
        ctx.unchanged_since(&RecordRef::Panel(panel_id), self.seen)?;
        let sent = self.sent.as_ref().map(|(d, how)| (*d, how.as_str()));
        validate_panel_decision(&panel, self.outcome, &self.info_needed, sent, ctx.rules.today)?;
        let mut after = panel.clone();
        if let Some(outcome) = self.outcome {
            after.outcome = Some(outcome);
        }
        if !self.info_needed.trim().is_empty() {
            after.info_needed = self.info_needed.trim().to_string();
        }
        if let Some((date, how)) = &self.sent {
            after.decision_sent = Some(*date);
            after.sent_how = how.trim().to_string();
        }
        // A different outcome after the family was told: confirmed, and the letter is due again.
        if let (Some(told), Some(was), Some(now)) = (panel.decision_sent, panel.outcome, self.outcome)
            && was != now
        {
            if !self.confirmed {
                return Err(RecordError::Unconfirmed(format!(
                    "the family was told on {} that the panel {}: changing it to {} means telling them again (the \
                     decision letter falls due again); save again to confirm",
                    human(told),
                    was.as_str(),
                    now.as_str()
                )));
            }
            if self.sent.is_none() {
                after.decision_sent = None;
                after.sent_how = String::new();
            }
        }
        if after == panel {
            return Ok(format!("panel case {panel_id}: nothing changed, nothing saved"));
        }
        ctx.tx.update_panel(&panel, &after, ctx.actor())?;
        let mut text = format!("panel case {panel_id}: {}", after.outcome.map_or("", |o| o.as_str()));
        if let Some(date) = after.decision_sent {
            text.push_str(&format!(", decision sent to the family {} by {}", human(date), after.sent_how));
        }
        Ok(text)
    }
}

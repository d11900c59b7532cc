//! Panels: what may be asked at each stage, submitting a child, and recording the decision.

use chrono::NaiveDate;

use super::{FieldError, error, human};
use crate::domain::calendar::Calendar;
use crate::domain::model::*;

/// What a panel can be asked at each stage, the usual question first.
pub fn panel_questions_for(stage: Stage) -> &'static [PanelQuestion] {
    use PanelQuestion::*;
    match stage {
        Stage::Request => &[Assess],
        Stage::Assessment => &[IssuePlan, Placement, Band],
        Stage::Draft => &[Placement, Band],
        Stage::Plan => &[Amend, Placement, Band],
        Stage::Ceased => &[],
    }
}

/// Putting a child to a panel: a question that fits the child's stage, a panel on a working
/// day still to come, the papers listed, and not while another panel is still to decide.
pub fn validate_submission(
    child: &Child,
    panel_date: NaiveDate,
    question: PanelQuestion,
    papers: &str,
    existing: &[PanelSubmission],
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if child.stage == Stage::Ceased {
        return Err(error("child", "the plan has ceased"));
    }
    let questions = panel_questions_for(child.stage);
    if !questions.contains(&question) {
        let ask: Vec<String> = questions.iter().map(|q| q.as_str().replace('_', " ")).collect();
        return Err(error(
            "question",
            format!("not a question for stage {}; at this stage ask {}", child.stage, ask.join(", ")),
        ));
    }
    if panel_date < today {
        return Err(error("panel date", format!("{} has passed; choose a coming panel", human(panel_date))));
    }
    if !calendar.is_working_day(panel_date) {
        return Err(error("panel date", format!("{} is not a working day", panel_date.format("%A %-d %b %Y"))));
    }
    if papers.trim().is_empty() {
        return Err(error("papers", "list the papers going to the panel"));
    }
    if existing.iter().any(|p| p.child_id == child.id && p.panel_date == panel_date) {
        return Err(error("panel date", format!("already submitted to the panel of {}", human(panel_date))));
    }
    if let Some(waiting) = existing.iter().find(|p| p.child_id == child.id && p.outcome.is_none()) {
        return Err(error(
            "panel date",
            format!(
                "already waiting for the panel of {} ({}); record its decision first",
                human(waiting.panel_date),
                waiting.question.as_str().replace('_', " ")
            ),
        ));
    }
    Ok(())
}

/// Recording what a panel decided and that the family was told.
pub fn validate_panel_decision(
    panel: &PanelSubmission,
    outcome: Option<PanelOutcome>,
    info_needed: &str,
    sent: Option<(NaiveDate, &str)>,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if panel.panel_date > today {
        return Err(error(
            "outcome",
            format!("the panel meets on {}; record its decision after that", human(panel.panel_date)),
        ));
    }
    let outcome = outcome.or(panel.outcome).ok_or_else(|| error("outcome", "record the panel's decision first"))?;
    if outcome == PanelOutcome::Deferred && info_needed.trim().is_empty() && panel.info_needed.trim().is_empty() {
        return Err(error("needs", "say what information the panel needs"));
    }
    if let Some((date, how)) = sent {
        if date > today {
            return Err(error("sent", format!("{} is in the future", human(date))));
        }
        if date < panel.panel_date {
            return Err(error(
                "sent",
                format!("{} is before the panel met ({})", human(date), human(panel.panel_date)),
            ));
        }
        if how.trim().is_empty() {
            return Err(error("how", "say how the family was told"));
        }
    }
    Ok(())
}

//! The statutory step form: the steps that fit the child's stage, and the detail each takes.

use super::{FieldKind, Form, FormKind, Refusal, choice_at, date_field, open_case, text_field};
use crate::app::App;
use crate::casework::permissions::Work;
use crate::casework::{Entry, RecordStep};
use crate::domain::casework::{FieldError, StepEntry, detail_choices, detail_label, steps_for_stage};
use crate::domain::{MilestoneName, RecordRef, Stage, StepKind};

static STEP: FormKind = FormKind { entry, changed, rebuild: None, saved: None };

/// `t`: record a statutory step for the selected child.
pub fn open(app: &App) -> Result<Form, Refusal> {
    let child = open_case(app, Work::Casework)?;
    let stage = app.data.county.children[child].stage;
    let steps = steps_for_stage(stage).iter().map(|k| (k.as_str().to_string(), k.as_str().replace('_', " "))).collect();
    let record = RecordRef::Child(app.data.county.children[child].id.clone());
    // The form opens on the step that meets the statutory milestone next due, where there is one.
    let mut open: Vec<&crate::domain::Milestone> =
        app.data.milestones[child].iter().filter(|m| m.status != crate::domain::Status::Done && !m.advisory).collect();
    open.sort_by_key(|m| m.due);
    let next = open.iter().find_map(|m| step_for(m.name, stage)).map_or("", StepKind::as_str);
    let mut form = Form::new(
        &STEP,
        Some(child),
        format!("Record a statutory step · {} ({stage})", app.data.rows[child].name),
        vec![
            choice_at("step", "Step", steps, next),
            date_field("date", "Date", Some(app.today())),
            text_field("detail", "Detail", ""),
        ],
    );
    form.may_change([record]);
    follow_step(&mut form);
    Ok(form)
}

/// The step that meets a milestone, at this stage.
fn step_for(name: MilestoneName, stage: Stage) -> Option<StepKind> {
    Some(match name {
        MilestoneName::AssessDecision => StepKind::AssessDecision,
        MilestoneName::AdviceDue => StepKind::AdviceReceived,
        MilestoneName::IssueDecision => StepKind::IssueDecision,
        MilestoneName::FinalPlan if stage == Stage::Assessment => StepKind::DraftSent,
        MilestoneName::FinalPlan | MilestoneName::DraftCommentsClose => StepKind::FinalIssued,
        MilestoneName::AnnualReview => StepKind::ReviewMeeting,
        MilestoneName::ReviewReportDue => StepKind::ReviewReport,
        MilestoneName::ReviewDecision => StepKind::ReviewDecision,
        MilestoneName::AmendedPlan => StepKind::AmendedIssued,
        MilestoneName::PhaseTransfer => StepKind::AmendmentsProposed,
        _ => return None,
    })
}

fn entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let kind = StepKind::parse(form.value("step"))
        .ok_or_else(|| FieldError { field: "step", message: "nothing can be recorded at this stage".into() })?;
    let date = form.required_date("date", app)?;
    let until = form.date("until", false)?;
    let detail = form.value("detail").trim().to_string();
    let child_id = form.child_id.clone().unwrap_or_default();
    Ok(Entry::Step(RecordStep {
        seen: form.seen(&RecordRef::Child(child_id.clone())),
        child_id,
        step: StepEntry { kind, date, until, detail },
        // A second Enter on the warning confirms a step that closes the case.
        confirmed: form.confirm.is_some(),
    }))
}

fn changed(form: &mut Form, _app: &App, key: &'static str) {
    if key == "step" {
        follow_step(form);
    }
}

/// The detail choices (and the end date of an exception) follow the chosen step.
fn follow_step(form: &mut Form) {
    let Some(kind) = StepKind::parse(form.value("step")) else {
        return;
    };
    // Only an exception has an end date; the field is there only then.
    let until_at = form.fields.iter().position(|f| f.key == "until");
    match (kind == StepKind::Exception, until_at) {
        (true, None) => form.fields.push(date_field("until", "Until", None)),
        (false, Some(at)) => {
            form.fields.remove(at);
            form.focus = form.focus.min(form.fields.len().saturating_sub(1));
        }
        _ => {}
    }
    let choices = detail_choices(kind);
    if let Some(field) = form.fields.iter_mut().find(|f| f.key == "detail") {
        field.kind = if choices.is_empty() {
            FieldKind::Text(String::new())
        } else {
            let mut options: Vec<(String, String)> =
                choices.iter().map(|c| (c.to_string(), detail_label(kind, c))).collect();
            // Ending a plan is never one Enter away from a default reason: one must be chosen.
            if kind == StepKind::Ceased {
                options.insert(0, (String::new(), "choose the SEN2 reason (←→)".into()));
            }
            FieldKind::Choice { options, index: 0 }
        };
    }
}

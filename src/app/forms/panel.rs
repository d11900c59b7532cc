//! Panel forms: putting the child to a coming panel (only questions that fit the stage), and a
//! panel case's decision and when the family was told.

use chrono::NaiveDate;

use super::{Form, FormKind, Refusal, choice, choice_at, date_field, nothing_follows, open_case, text_field, words};
use crate::app::App;
use crate::casework::permissions::Work;
use crate::casework::{Entry, RecordPanelDecision, SubmitToPanel};
use crate::domain::casework::{FieldError, panel_questions_for};
use crate::domain::{PanelOutcome, PanelQuestion, RecordRef};

static SUBMIT: FormKind = FormKind { entry: submit_entry, changed: nothing_follows, rebuild: None, saved: None };
static DECISION: FormKind =
    FormKind { entry: decision_entry, changed: nothing_follows, rebuild: Some(rebuild_decision), saved: None };

/// The next panel: weekly on Thursdays, today if it is one.
fn next_panel_day(today: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    today.iter_days().find(|d| d.weekday() == chrono::Weekday::Thu).unwrap_or(today)
}

/// `p`: put the selected child to a coming panel.
pub fn open_submit(app: &App) -> Result<Form, Refusal> {
    let child = open_case(app, Work::Casework)?;
    let stage = app.data.county.children[child].stage;
    let county = &app.data.county;
    let id = &county.children[child].id;
    let theirs: Vec<usize> = (0..county.panels.len()).filter(|&i| &county.panels[i].child_id == id).collect();
    // What is next for the child's panel case comes first: a decision letter to send, or the
    // decision of a case waiting for its panel.
    let letter = theirs
        .iter()
        .copied()
        .find(|&i| county.panels[i].outcome.is_some() && county.panels[i].decision_sent.is_none());
    let waiting = theirs.iter().copied().find(|&i| county.panels[i].outcome.is_none());
    if let Some(index) = letter.or(waiting) {
        return Ok(decision_form(app, index));
    }
    // A deferred case not yet resubmitted goes back as a resubmission, with what was asked for.
    let resubmitted: Vec<i64> = theirs.iter().filter_map(|&i| county.panels[i].resubmission_of).collect();
    let deferred = theirs
        .iter()
        .map(|&i| &county.panels[i])
        .filter(|p| p.outcome == Some(PanelOutcome::Deferred) && !resubmitted.contains(&p.id))
        .max_by_key(|p| p.panel_date);
    let options = panel_questions_for(stage)
        .iter()
        .map(|q| {
            let label = match q {
                PanelQuestion::Assess => "assess?",
                PanelQuestion::IssuePlan => "issue a plan?",
                PanelQuestion::Amend => "amend the plan?",
                PanelQuestion::Placement => "placement?",
                PanelQuestion::Band => "band (top-up)?",
            };
            (q.as_str().to_string(), label.to_string())
        })
        .collect();
    let name = &app.data.rows[child].name;
    let (title, question, papers) = match deferred {
        Some(d) => (
            format!("Resubmit to panel · {name} (deferred {}: {})", d.panel_date.format("%-d %b"), d.info_needed),
            d.question.as_str(),
            d.info_needed.clone(),
        ),
        None => (format!("Submit to panel · {name}"), "", String::new()),
    };
    Ok(Form::new(
        &SUBMIT,
        Some(child),
        title,
        vec![
            date_field("panel date", "Panel", Some(next_panel_day(app.today()))),
            super::choice_at("question", "Question", options, question),
            text_field("papers", "Papers", papers),
        ],
    ))
}

fn submit_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    Ok(Entry::Submit(SubmitToPanel {
        child_id: form.child_id.clone().unwrap_or_default(),
        panel_date: form.required_date("panel date", app)?,
        question: PanelQuestion::parse(form.value("question")).unwrap_or(PanelQuestion::Assess),
        papers: form.value("papers").to_string(),
    }))
}

/// The decision form of panel case `county.panels[index]`.
pub(super) fn decision_form(app: &App, index: usize) -> Form {
    let panel = &app.data.county.panels[index];
    let child = app.data.child_index.get(&panel.child_id).copied().unwrap_or(0);
    let mut outcomes: Vec<(String, String)> =
        PanelOutcome::ALL.iter().map(|o| (o.as_str().to_string(), o.as_str().to_string())).collect();
    if let Some(current) = panel.outcome {
        outcomes.retain(|(v, _)| v != current.as_str());
        outcomes.insert(0, (current.as_str().to_string(), format!("{current} (recorded)")));
    }
    let mut form = Form::new(
        &DECISION,
        Some(child),
        format!("Panel decision · {} · {}", app.data.rows[child].name, panel.panel_date.format("%-d %b %Y")),
        vec![
            choice("outcome", "Outcome", outcomes),
            text_field("needs", "Needs", panel.info_needed.clone()),
            date_field("sent", "Sent", panel.decision_sent),
            choice_at("how", "How", words(&["email", "letter", "phone", "meeting"]), &panel.sent_how),
        ],
    );
    form.record_id = Some(panel.id);
    form.may_change([RecordRef::Panel(panel.id)]);
    form
}

fn rebuild_decision(form: &Form, app: &App) -> Option<Form> {
    let id = form.record_id?;
    let index = app.data.county.panels.iter().position(|p| p.id == id)?;
    Some(decision_form(app, index))
}

/// What the form changes: an outcome already recorded and left as it was stays; so do the
/// information needed and the letter, unless changed.
fn decision_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let panel_id =
        form.record_id.ok_or_else(|| FieldError { field: "panel", message: "no panel case is chosen".into() })?;
    let recorded = app.data.county.panels.iter().find(|p| p.id == panel_id).and_then(|p| p.outcome);
    let outcome_given = recorded.is_none() || form.changed("outcome");
    let sent_given = form.changed("sent") || form.changed("how");
    Ok(Entry::PanelDecision(RecordPanelDecision {
        panel_id,
        outcome: if outcome_given { PanelOutcome::parse(form.value("outcome")) } else { None },
        info_needed: if form.changed("needs") { form.value("needs").to_string() } else { String::new() },
        sent: if sent_given { form.date("sent", false)?.map(|d| (d, form.value("how").to_string())) } else { None },
        seen: form.seen(&RecordRef::Panel(panel_id)),
        confirmed: form.confirm.is_some(),
    }))
}

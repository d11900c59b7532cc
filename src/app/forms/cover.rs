//! The cover form (`C`): an absent officer's children — all, the selected one or the marked ones —
//! given to a colleague for a period (two weeks unless the absence ends sooner), each with a to-do
//! for the colleague to tell the family and school.

use std::sync::Arc;

use super::{Form, FormKind, Refusal, Workloads, choice, date_field};
use crate::app::{App, Pane, Scope};
use crate::casework::permissions::Work;
use crate::casework::{Entry, GiveCover};
use crate::domain::casework::FieldError;
use crate::domain::{Absence, Stage};

static COVER: FormKind = FormKind { entry, changed, rebuild: None, saved: Some(saved) };

/// `C`: cover for the absent officer selected on the duty pane, whose caseload shows, or whose
/// child is selected.
pub fn open(app: &App) -> Result<Form, Refusal> {
    let county = &app.data.county;
    let today = app.today();
    let target = app.target();
    let away_now =
        |id: &str| county.absences.iter().filter(|a| a.staff_id == id && !a.over(today)).min_by_key(|a| a.from);
    let absence: &Absence = match target.absence.and_then(|a| county.absences.get(a)) {
        Some(absence) => absence,
        None => {
            let officer = match (&app.scope, target.child) {
                (Scope::Officer(id), _) if app.pane == Pane::Caseload && away_now(id).is_some() => Some(id.as_str()),
                (_, Some(child)) => county.children[child].officer.as_deref(),
                _ => None,
            };
            officer.and_then(away_now).ok_or_else(|| {
                Refusal::Nothing(
                    "cover is for an absent officer: select one on the duty pane (4), or one of their children".into(),
                )
            })?
        }
    };
    let officer = county
        .staff
        .iter()
        .find(|s| s.id == absence.staff_id)
        .ok_or_else(|| Refusal::Nothing("no such officer".into()))?;
    app.may(Work::Cover { team: &officer.team }, None).map_err(Refusal::NotAllowed)?;
    let theirs = |i: &usize| {
        let child = &county.children[*i];
        child.officer.as_deref() == Some(officer.id.as_str()) && child.stage != Stage::Ceased
    };
    let held = (0..county.children.len()).filter(theirs).count();
    if held == 0 {
        return Err(Refusal::Nothing(format!("{} holds no children to cover", officer.name)));
    }
    let mut options = vec![(String::new(), format!("all {held} of {}'s children", officer.name))];
    let marked: Vec<usize> = app.panes.caseload.marked_children(&app.data).into_iter().filter(theirs).collect();
    if !marked.is_empty() {
        let ids: Vec<&str> = marked.iter().map(|&i| county.children[i].id.as_str()).collect();
        options.push((ids.join(","), format!("the {} marked", marked.len())));
    }
    if let Some(child) = target.child.filter(theirs) {
        options.push((county.children[child].id.clone(), format!("{} only", app.data.rows[child].name)));
    }
    let workloads = Arc::new(Workloads::of(app));
    let from = absence.from.max(today);
    // Those away themselves go last: they cannot cover while away.
    let mut colleagues: Vec<(String, String)> = super::allocate::officers(app, &workloads, Some(&officer.team))
        .into_iter()
        .filter(|(id, _)| *id != officer.id)
        .collect();
    colleagues.sort_by_key(|(id, _)| county.away(id, from).is_some());
    // Two weeks (ten working days), or to the absence's last day if sooner.
    let two_weeks = app.calendar.add_working_days(app.calendar.next_working_day_on_or_after(from), 9);
    let to = absence.to.map_or(two_weeks, |last| last.min(two_weeks));
    let mut form = Form::new(
        &COVER,
        target.child,
        format!("Cover for {}, {} {}", officer.name, absence.kind.label(), absence.until()),
        vec![
            choice("children", "Children", options),
            choice("cover", "Cover", colleagues),
            date_field("from", "From", Some(from)),
            date_field("to", "Until", Some(to)),
        ],
    );
    form.record_id = Some(absence.id);
    form.workloads = Some(workloads);
    preview(&mut form, app);
    Ok(form)
}

fn changed(form: &mut Form, app: &App, key: &'static str) {
    if matches!(key, "children" | "cover") {
        preview(form, app);
    }
}

/// The colleague's workload, and what they will be asked to do.
fn preview(form: &mut Form, app: &App) {
    let cover = form.value("cover").to_string();
    let name = app.data.staff_name(&cover).to_string();
    let mut info = Vec::new();
    if let Some(load) = form.workloads.as_ref().and_then(|w| w.load(&cover)) {
        info.push(format!(
            "{name} holds {} children (score {:.1}) and covers {} now",
            load.children, load.score, load.covering
        ));
    }
    info.push(format!(
        "{name} sees them on their caseload marked ↻ and gets a to-do for each: tell the family and school, within {} \
         working days",
        app.config.rules.tell_cover_days
    ));
    info.push("Cover ends by itself on its last day, or sooner when the officer is back.".into());
    form.info = info;
}

fn entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let cover_id = form.value("cover").to_string();
    if cover_id.is_empty() {
        return Err(FieldError { field: "cover", message: "nobody you may give cover to".into() });
    }
    let children = form.value("children");
    Ok(Entry::Cover(GiveCover {
        absence_id: form.record_id.unwrap_or_default(),
        children: (!children.is_empty()).then(|| children.split(',').map(str::to_string).collect()),
        cover_id,
        from: form.required_date("from", app)?,
        to: form.required_date("to", app)?,
    }))
}

/// Children given to cover are no longer marked.
fn saved(form: &Form, app: &mut App) {
    for id in form.value("children").split(',') {
        app.panes.caseload.marked.remove(id);
    }
}

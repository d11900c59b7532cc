//! The allocate form (`r`): give the selected child, the marked children or the children shown
//! to an officer, with a reason; before saving it shows both sides' workloads before and after,
//! and which children have a deadline or panel close or live in another team's area.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Form, FormKind, Refusal, Workloads, choice, date_field, text_field};
use crate::app::{App, Pane};
use crate::casework::permissions::Work;
use crate::casework::{Allocate, ChildMove, Entry};
use crate::domain::casework::FieldError;
use crate::domain::teams::find_team;
use crate::domain::year_group::year_group;
use crate::domain::{RecordRef, Role, Stage};

static ALLOCATE: FormKind = FormKind { entry, changed, rebuild: None, saved: Some(saved) };

/// The most children the "shown" choice moves at once: more is a whole team's caseload, which is
/// a manager's decision to make in smaller steps.
const MOST_SHOWN: usize = 1000;

/// `r`: allocate or move children.
pub fn open(app: &App) -> Result<Form, Refusal> {
    app.may(Work::Allocate, None).map_err(Refusal::NotAllowed)?;
    let data = &app.data;
    let open = |i: &usize| data.county.children[*i].stage != Stage::Ceased;
    let mut options: Vec<(String, String)> = Vec::new();
    let ids = |children: &[usize]| children.iter().map(|&i| data.county.children[i].id.as_str()).collect::<Vec<_>>();
    let on_caseload = app.pane == Pane::Caseload;
    let marked: Vec<usize> =
        if on_caseload { app.panes.caseload.marked_children(data).into_iter().filter(open).collect() } else { vec![] };
    if !marked.is_empty() {
        options.push((ids(&marked).join(","), format!("the {} marked", marked.len())));
    }
    if let Some(child) = app.target().child {
        if !open(&child) {
            let name = &data.rows[child].name;
            return Err(Refusal::Nothing(format!("{name}'s plan has ceased: there is no case to allocate")));
        }
        let c = &data.county.children[child];
        let holder = c.officer.as_deref().map_or("unallocated", |id| data.staff_name(id));
        options.push((c.id.clone(), format!("{} ({}, {holder})", data.rows[child].name, c.id)));
    }
    if on_caseload {
        let shown: Vec<usize> = app.panes.caseload.visible().iter().copied().filter(open).collect();
        if shown.len() > 1 && shown.len() <= MOST_SHOWN {
            options.push((ids(&shown).join(","), format!("the {} shown ({})", shown.len(), shown_label(app))));
        }
    }
    if options.is_empty() {
        return Err(Refusal::Nothing("select or mark a child first".into()));
    }
    let workloads = Arc::new(Workloads::of(app));
    let first_choice: Vec<usize> = options[0].0.split(',').filter_map(|id| data.child_index.get(id).copied()).collect();
    let first = first_choice.first().copied();
    // The team most of them are in goes first among the officers.
    let mut teams: BTreeMap<&str, usize> = BTreeMap::new();
    for &c in &first_choice {
        *teams.entry(data.rows[c].team.as_str()).or_default() += 1;
    }
    let team = teams.iter().max_by_key(|(_, n)| **n).map(|(team, _)| team.to_string());
    let mut form = Form::new(
        &ALLOCATE,
        first,
        "Allocate or move children".to_string(),
        vec![
            choice("children", "Children", options.clone()),
            choice("officer", "To", officers(app, &workloads, team.as_deref())),
            text_field("reason", "Reason", ""),
            date_field("date", "From", Some(app.today())),
        ],
    );
    let every: Vec<String> = options.iter().flat_map(|(v, _)| v.split(',').map(str::to_string)).collect();
    form.may_change(every.into_iter().map(RecordRef::Child));
    form.workloads = Some(workloads);
    preview(&mut form, app);
    Ok(form)
}

/// What the caseload shows: whose, and any search or filters.
fn shown_label(app: &App) -> String {
    let view = &app.panes.caseload;
    let mut label = app.scope.label(&app.data);
    if !view.filters.is_empty() {
        label.push_str(&format!(", {}", view.filters.describe()));
    }
    if !view.search.is_empty() {
        label.push_str(&format!(", matching \"{}\"", view.search));
    }
    label
}

/// The officers (and seniors) the person may move children to: seniors their own team's;
/// `team` first, least loaded first; each with their score and whether they are away.
pub(super) fn officers(app: &App, workloads: &Workloads, team: Option<&str>) -> Vec<(String, String)> {
    let me = app.me.map(|i| &app.data.county.staff[i]);
    // (another team, team, a senior, score, staff): officers before the team's senior.
    let mut holders: Vec<(bool, &str, bool, f64, &crate::domain::Staff)> = app
        .data
        .county
        .staff
        .iter()
        .filter(|s| matches!(s.role, Role::Officer | Role::Senior))
        .filter(|s| me.is_none_or(|me| me.role != Role::Senior || me.team == s.team))
        .map(|s| {
            let score = workloads.load(&s.id).map_or(0.0, |l| l.score);
            (Some(s.team.as_str()) != team, s.team.as_str(), s.role == Role::Senior, score, s)
        })
        .collect();
    holders.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)).then(a.3.total_cmp(&b.3)));
    holders
        .into_iter()
        .map(|(_, team, senior, score, s)| {
            let away = workloads
                .load(&s.id)
                .and_then(|l| l.away_until)
                .map_or_else(String::new, |to| format!(" · away to {}", to.format("%-d %b")));
            let score = if senior { "senior".to_string() } else { format!("{score:.1}") };
            (s.id.clone(), format!("{} · {team} · {score}{away}", s.name))
        })
        .collect()
}

fn changed(form: &mut Form, app: &App, key: &'static str) {
    if matches!(key, "children" | "officer") {
        preview(form, app);
    }
}

/// The children chosen, as indices into `county.children` (those still on file).
fn chosen(form: &Form, app: &App) -> Vec<usize> {
    form.value("children").split(',').filter_map(|id| app.data.child_index.get(id).copied()).collect()
}

/// Each side's workload before and after the move, and what to know about the children moved.
fn preview(form: &mut Form, app: &App) {
    let Some(workloads) = form.workloads.clone() else { return };
    let to = form.value("officer").to_string();
    let county = &app.data.county;
    let children: Vec<usize> =
        chosen(form, app).into_iter().filter(|&c| county.children[c].officer.as_deref() != Some(to.as_str())).collect();
    let staying = chosen(form, app).len() - children.len();
    let mut info = Vec::new();
    if children.is_empty() {
        form.info = vec![format!("Every child chosen is already with {}", app.data.staff_name(&to))];
        return;
    }
    // Officer id (None: unallocated) → (children, weight) leaving.
    let mut leaving: BTreeMap<Option<&str>, (usize, f64)> = BTreeMap::new();
    let mut arriving = 0.0;
    for &c in &children {
        let weight = workloads.facts.get(c).map_or(0.0, |f| f.weight);
        let entry = leaving.entry(county.children[c].officer.as_deref()).or_default();
        entry.0 += 1;
        entry.1 += weight;
        arriving += weight;
    }
    let side = |id: &str, change: f64, children: isize| match workloads.load(id) {
        Some(l) => format!(
            "{}: {:.1} → {:.1} ({} → {} children)",
            l.name,
            l.score,
            l.score + change,
            l.children,
            l.children.saturating_add_signed(children)
        ),
        None => format!("{}: a senior, not scored against the norm", app.data.staff_name(id)),
    };
    for (from, (n, weight)) in &leaving {
        match from {
            Some(from) => info.push(side(from, -weight, -(*n as isize))),
            None => info.push(format!("{n} unallocated now")),
        }
    }
    info.push(side(&to, arriving, children.len() as isize));
    let [_, high] = app.config.workload.norm;
    if workloads.load(&to).is_some_and(|l| l.score + arriving > f64::from(high)) {
        info.push(format!("‼ {} would be above the norm ({high})", app.data.staff_name(&to)));
    }
    // Giving an unallocated child an officer only helps; changing a child's officer as a deadline
    // or panel comes up risks it.
    let busy: Vec<usize> = children
        .iter()
        .copied()
        .filter(|&c| county.children[c].officer.is_some() && workloads.facts.get(c).is_some_and(|f| f.busy))
        .collect();
    if !busy.is_empty() {
        info.push(format!(
            "‼ {} overdue or with a deadline or panel in the next 10 working days ({}): a new officer now risks it",
            busy.len(),
            some_names(app, &busy)
        ));
    }
    let to_team = county.staff.iter().find(|s| s.id == to).map(|s| s.team.as_str());
    let elsewhere: Vec<usize> = children
        .iter()
        .copied()
        .filter(|&c| {
            let child = &county.children[c];
            let year = year_group(child.date_of_birth, app.today(), child.year_group_override);
            child
                .postcode
                .as_deref()
                .and_then(|p| find_team(&app.config.teams, year, p).ok())
                .is_some_and(|rule| Some(rule.name.as_str()) != to_team)
        })
        .collect();
    if !elsewhere.is_empty() {
        info.push(format!(
            "‼ {} live in another team's area by the team finder ({})",
            elsewhere.len(),
            some_names(app, &elsewhere)
        ));
    }
    if staying > 0 {
        info.push(format!("{staying} already with {}: not moved", app.data.staff_name(&to)));
    }
    form.info = info;
}

/// "Ava Reid, Theo Marsh and 4 more".
fn some_names(app: &App, children: &[usize]) -> String {
    let names: Vec<&str> = children.iter().take(3).map(|&c| app.data.rows[c].name.as_str()).collect();
    match children.len() {
        0..=3 => names.join(", "),
        n => format!("{} and {} more", names.join(", "), n - 3),
    }
}

fn entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let to = form.value("officer").to_string();
    if to.is_empty() {
        return Err(FieldError { field: "officer", message: "no officer you may allocate to".into() });
    }
    let county = &app.data.county;
    let moves: Vec<ChildMove> = chosen(form, app)
        .into_iter()
        .filter(|&c| county.children[c].officer.as_deref() != Some(to.as_str()))
        .map(|c| {
            let child_id = county.children[c].id.clone();
            let seen = form.seen(&RecordRef::Child(child_id.clone()));
            ChildMove { child_id, to: to.clone(), seen }
        })
        .collect();
    if moves.is_empty() {
        return Err(FieldError { field: "officer", message: format!("already with {}", app.data.staff_name(&to)) });
    }
    Ok(Entry::Allocate(Allocate {
        moves,
        reason: form.value("reason").to_string(),
        date: form.required_date("date", app)?,
    }))
}

/// Children moved are no longer marked.
fn saved(form: &Form, app: &mut App) {
    for id in form.value("children").split(',') {
        app.panes.caseload.marked.remove(id);
    }
}

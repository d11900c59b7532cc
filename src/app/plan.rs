//! The leave planner (`L`): before planned leave, everything that falls due while away — open
//! milestones, phone messages and emails waiting, panels, surgery call-backs — each marked "do
//! before I go", "hand to the duty officer" or "hand to a named colleague", with a note typed
//! straight in; Enter saves the whole plan (replacing any made before).

use chrono::NaiveDate;

use super::list::ListState;
use super::update::{Records, reload};
use super::{App, Overlay};
use crate::casework::{Entry, PlanItem, PlanLeave, RecordError};
use crate::domain::duty::leave_items;
use crate::domain::{Absence, HandTo, HandoverItem, Role};

/// Where an item goes; the first is "not planned".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanChoice {
    NotPlanned,
    Before,
    Duty,
    Colleague(String),
}

#[derive(Debug, Clone)]
pub struct PlanLine {
    pub child_id: String,
    /// "Ava Reid".
    pub child: String,
    pub item: HandoverItem,
    pub item_ref: String,
    pub what: String,
    pub due: NaiveDate,
    /// Index into `LeavePlan::choices`.
    pub choice: usize,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct LeavePlan {
    pub absence_id: i64,
    /// "Amber Harvey on leave Mon 7 Dec until Fri 11 Dec".
    pub title: String,
    pub lines: Vec<PlanLine>,
    /// What each item may be given to, with its words.
    pub choices: Vec<(PlanChoice, String)>,
    pub list: ListState<usize>,
    pub error: Option<String>,
}

impl LeavePlan {
    /// How many items have a decision.
    pub fn planned(&self) -> usize {
        self.lines.iter().filter(|l| l.choice != 0).count()
    }
}

/// `L`: the plan for the absence selected on the duty pane, else the signed-in officer's next
/// (or current) planned leave.
pub fn open(app: &mut App) {
    let Some(me) = app.me.map(|i| app.data.county.staff[i].clone()) else { return };
    let county = &app.data.county;
    let today = app.today();
    let selected = app.target().absence.and_then(|a| county.absences.get(a)).filter(|a| a.kind.planned());
    let absence: Option<&Absence> = selected.or_else(|| {
        county
            .absences
            .iter()
            .filter(|a| a.staff_id == me.id && a.kind.planned() && !a.over(today))
            .min_by_key(|a| a.from)
    });
    let Some(absence) = absence.cloned() else {
        return app.say("no planned leave of yours is recorded: record it first (A), then plan it here (L)");
    };
    if absence.staff_id != me.id && me.role == Role::Officer {
        return app.warn("officers plan their own leave");
    }
    let officer = county.staff.iter().find(|s| s.id == absence.staff_id).cloned();
    let Some(officer) = officer else { return };
    // Open-ended leave: the next two weeks.
    let last = absence.to.unwrap_or_else(|| app.calendar.add_working_days(absence.from, 10));
    let found = leave_items(
        county,
        &app.data.milestones,
        &app.calendar,
        &app.config.rules,
        &officer.id,
        (absence.from.max(today), last),
    );
    let mut choices = vec![
        (PlanChoice::NotPlanned, "· not planned".to_string()),
        (PlanChoice::Before, "do before I go".to_string()),
        (PlanChoice::Duty, "the duty officer".to_string()),
    ];
    let mut colleagues: Vec<_> = county
        .staff
        .iter()
        .filter(|s| s.team == officer.team && s.id != officer.id && matches!(s.role, Role::Officer | Role::Senior))
        .collect();
    colleagues.sort_by_key(|s| s.name.as_str());
    // Someone away when the leave begins is said so (a save handing them work is refused).
    choices.extend(colleagues.iter().map(|s| {
        let away = county.away(&s.id, absence.from).map_or_else(String::new, |a| format!(" ({})", a.kind.label()));
        (PlanChoice::Colleague(s.id.clone()), format!("{}{away}", s.name))
    }));
    let lines: Vec<PlanLine> = found
        .into_iter()
        .map(|item| {
            let child = &county.children[item.child];
            let planned = county.planned(absence.id, &item);
            let choice = planned.map_or(0, |h| {
                let wanted = match h.to {
                    HandTo::Before => PlanChoice::Before,
                    HandTo::Duty => PlanChoice::Duty,
                    HandTo::Colleague => PlanChoice::Colleague(h.to_staff.clone().unwrap_or_default()),
                };
                choices.iter().position(|(c, _)| *c == wanted).unwrap_or(0)
            });
            PlanLine {
                child_id: child.id.clone(),
                child: child.full_name(),
                item: item.item,
                item_ref: item.item_ref,
                what: item.what,
                due: item.due,
                choice,
                note: planned.map(|h| h.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    if lines.is_empty() {
        return app.say(format!(
            "nothing of {}'s falls due from {} {}: no plan needed",
            officer.name,
            absence.from.format("%a %-d %b"),
            absence.until()
        ));
    }
    let mut list = ListState::default();
    list.set_lines((0..lines.len()).collect());
    let title = format!(
        "Leave plan: {} {} from {} {}",
        officer.name,
        absence.kind.label(),
        absence.from.format("%a %-d %b"),
        absence.until()
    );
    app.overlay = Some(Overlay::Plan(LeavePlan { absence_id: absence.id, title, lines, choices, list, error: None }));
}

/// A key while the planner shows.
pub fn act(app: &mut App, action: super::action::Action, records: &mut dyn Records) {
    use super::action::Action;
    let Some(Overlay::Plan(plan)) = &mut app.overlay else { return };
    if plan.list.act(action) {
        return;
    }
    let Some(&i) = plan.list.selected_line() else { return };
    let choices = plan.choices.len().max(1);
    match action {
        Action::NextChoice => plan.lines[i].choice = (plan.lines[i].choice + 1) % choices,
        Action::PrevChoice => plan.lines[i].choice = (plan.lines[i].choice + choices - 1) % choices,
        Action::Erase => {
            plan.lines[i].note.pop();
        }
        Action::ClearField => plan.lines[i].note.clear(),
        Action::Save => save(app, records),
        Action::Cancel => {
            app.overlay = None;
            app.say("leave plan not saved");
        }
        Action::Quit => app.quit = true,
        _ => {}
    }
}

/// A character typed: the selected item's note.
pub fn type_char(app: &mut App, c: char) {
    if let Some(Overlay::Plan(plan)) = &mut app.overlay
        && let Some(&i) = plan.list.selected_line()
    {
        plan.lines[i].note.push(c);
        plan.error = None;
    }
}

fn save(app: &mut App, records: &mut dyn Records) {
    let Some(Overlay::Plan(plan)) = &app.overlay else { return };
    let items = plan
        .lines
        .iter()
        .filter_map(|line| {
            let (to, to_staff) = match &plan.choices.get(line.choice)?.0 {
                PlanChoice::NotPlanned => return None,
                PlanChoice::Before => (HandTo::Before, None),
                PlanChoice::Duty => (HandTo::Duty, None),
                PlanChoice::Colleague(id) => (HandTo::Colleague, Some(id.clone())),
            };
            Some(PlanItem {
                child_id: line.child_id.clone(),
                item: line.item,
                item_ref: line.item_ref.clone(),
                what: line.what.clone(),
                due: line.due,
                to,
                to_staff,
                note: line.note.trim().to_string(),
            })
        })
        .collect();
    let entry = Entry::Leave(PlanLeave { absence_id: plan.absence_id, items });
    match app.save(&entry, records) {
        Ok(done) => {
            app.overlay = None;
            reload(app, records);
            app.say(done);
        }
        Err(error) => {
            if let Some(Overlay::Plan(plan)) = &mut app.overlay {
                plan.error = Some(match error {
                    RecordError::Invalid(e) => e.message,
                    other => other.to_string(),
                });
            }
        }
    }
}

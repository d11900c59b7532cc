//! key → action → state change. Drawing happens elsewhere and only reads the state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::panes::caseload::FILTER_ROWS;
use super::panes::{Reply, View};
use super::picker::{PickItem, Picker};
use super::{App, Overlay, Pane, PickerPurpose, Scope, forms};
pub use crate::casework::Records;
use crate::domain::Role;

pub fn handle_key(app: &mut App, key: &KeyEvent, records: &mut dyn Records) {
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl_c {
        app.quit = true;
        return;
    }
    if matches!(app.overlay, Some(Overlay::Form(..))) {
        forms::form_key(app, key, records);
    } else if matches!(app.overlay, Some(Overlay::Picker(..))) {
        picker_key(app, key);
    } else if app.panes.caseload.searching {
        search_key(app, key);
    } else if matches!(app.overlay, Some(Overlay::Filter { .. })) && filter_key(app, key) {
        // handled by the filter menu
    } else if let Some(action) = app.keymap.action_for(key) {
        apply(app, action, records);
    } else {
        return;
    }
    sync_timeline(app, records);
}

/// Applies one action (also used by tests and scripts).
pub fn apply(app: &mut App, action: Action, records: &mut dyn Records) {
    app.message = None;
    if app.me.is_none() && !matches!(action, Action::Quit) {
        return;
    }
    match &mut app.overlay {
        Some(Overlay::Help { scroll }) => {
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = (*scroll + 1).min(app.keymap.help_rows().len()),
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::PageDown => *scroll = (*scroll + 10).min(app.keymap.help_rows().len()),
                Action::Top => *scroll = 0,
                // The overlay shows the end when asked for more than there is.
                Action::Bottom => *scroll = app.keymap.help_rows().len(),
                Action::Quit => app.quit = true,
                _ => app.overlay = None,
            }
            return;
        }
        Some(Overlay::Filter { row }) => {
            match action {
                Action::Up => *row = row.saturating_sub(1),
                Action::Down => *row = (*row + 1).min(FILTER_ROWS.len() - 1),
                Action::Open => {
                    let row = *row;
                    cycle_filter(app, row, 1);
                }
                Action::ClearFilters => clear_filters(app),
                Action::Quit => app.quit = true,
                _ => app.overlay = None,
            }
            return;
        }
        _ => {}
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::NextPane | Action::PrevPane => {
            let i = Pane::ALL.iter().position(|p| *p == app.pane).unwrap_or(0);
            let step = if action == Action::NextPane { 1 } else { Pane::ALL.len() - 1 };
            app.pane = Pane::ALL[(i + step) % Pane::ALL.len()];
        }
        Action::ShowCaseload => app.pane = Pane::Caseload,
        Action::ShowTimeline => app.pane = Pane::Timeline,
        Action::ShowPanel => app.pane = Pane::Panel,
        Action::ShowDuty => app.pane = Pane::Duty,
        Action::ShowSurgery => app.pane = Pane::Surgery,
        Action::Search => {
            app.pane = Pane::Caseload;
            app.panes.caseload.searching = true;
        }
        Action::SortNext | Action::SortReverse => {
            app.pane = Pane::Caseload;
            let done = app.panes.caseload.sort_by(action == Action::SortNext);
            app.refresh_caseload();
            app.say(done);
        }
        Action::Filter => {
            app.pane = Pane::Caseload;
            app.overlay = Some(Overlay::Filter { row: 0 });
        }
        Action::ClearFilters => clear_filters(app),
        Action::Scope => open_scope_picker(app),
        Action::Reload => reload(app, records),
        // The rest work on the pane showing, which may handle them its own way.
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
        | Action::Open
        | Action::Back
        | Action::RecordContact
        | Action::RecordStep
        | Action::AnswerContact
        | Action::Panel
        | Action::EditDetails
        | Action::Book
        | Action::Dispute => {
            if pane_act(app, action) == Reply::Ignored {
                match action {
                    Action::Open => open_selected(app),
                    Action::Back => app.pane = Pane::Caseload,
                    Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {}
                    _ => forms::open(app, action),
                }
            }
        }
    }
}

/// Offers `action` to the pane showing; what it replies is done here.
pub(super) fn pane_act(app: &mut App, action: Action) -> Reply {
    let view =
        View { data: &app.data, scope: &app.scope, calendar: &app.calendar, rules: &app.config.rules, now: app.now };
    let reply = app.panes.get_mut(app.pane).act(action, &view);
    if app.pane == Pane::Caseload {
        // The timeline follows the caseload's selection.
        app.focus_child = app.panes.caseload.selected_child().or(app.focus_child);
    }
    match &reply {
        Reply::Say(text) => app.say(text.clone()),
        Reply::Form(request) => forms::open_requested(app, *request),
        Reply::Ignored | Reply::Done => {}
    }
    reply
}

fn open_selected(app: &mut App) {
    match app.target().child {
        Some(child) => {
            app.focus_child = Some(child);
            app.pane = Pane::Timeline;
        }
        None => app.say("select a child first"),
    }
}

fn clear_filters(app: &mut App) {
    app.panes.caseload.filters = Default::default();
    app.panes.caseload.search.clear();
    app.refresh_caseload();
    app.say("filters and search cleared");
}

fn search_key(app: &mut App, key: &KeyEvent) {
    let caseload = &mut app.panes.caseload;
    match key.code {
        KeyCode::Enter => {
            caseload.searching = false;
            let found = caseload.visible().len();
            let text = format!("{found} matching \"{}\"", caseload.search);
            app.say(text);
        }
        KeyCode::Esc => {
            caseload.searching = false;
            caseload.search.clear();
            app.refresh_caseload();
        }
        KeyCode::Backspace => {
            caseload.search.pop();
            app.refresh_caseload();
        }
        KeyCode::Up => caseload.move_by(-1),
        KeyCode::Down => caseload.move_by(1),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            caseload.search.push(c);
            app.refresh_caseload();
            app.panes.caseload.select(0);
        }
        _ => {}
    }
    app.focus_child = app.panes.caseload.selected_child().or(app.focus_child);
}

/// Left/Right/Space change the highlighted filter. Returns whether the key was used.
fn filter_key(app: &mut App, key: &KeyEvent) -> bool {
    let Some(Overlay::Filter { row }) = app.overlay else {
        return false;
    };
    let step = match key.code {
        KeyCode::Right | KeyCode::Char(' ') => 1,
        KeyCode::Left => -1,
        _ => return false,
    };
    cycle_filter(app, row, step);
    true
}

/// Moves filter `row` to its next (or previous) value, wrapping through "any".
fn cycle_filter(app: &mut App, row: usize, step: isize) {
    app.panes.caseload.cycle_filter(&app.data, row, step);
    app.refresh_caseload();
}

fn open_scope_picker(app: &mut App) {
    if !app.can_change_scope() {
        app.warn("only seniors, managers and business support can look at other caseloads");
        return;
    }
    let data = &app.data;
    let mut items = vec![PickItem {
        label: "Whole authority".into(),
        detail: format!("{} children", data.county.children.len()),
        value: "authority".into(),
    }];
    items.push(PickItem { label: "Unallocated children".into(), detail: String::new(), value: "unallocated".into() });
    for team in &data.teams {
        items.push(PickItem { label: format!("Team {team}"), detail: String::new(), value: format!("team:{team}") });
    }
    let mut loads = std::collections::HashMap::new();
    for child in &data.county.children {
        if let (Some(officer), true) = (&child.officer, child.stage.is_active()) {
            *loads.entry(officer.as_str()).or_insert(0usize) += 1;
        }
    }
    for staff in data.county.staff.iter().filter(|s| s.role == Role::Officer) {
        items.push(PickItem {
            label: staff.name.clone(),
            detail: format!("{} · {} · {} children", staff.id, staff.team, loads.get(staff.id.as_str()).unwrap_or(&0)),
            value: format!("officer:{}", staff.id),
        });
    }
    app.overlay = Some(Overlay::Picker(PickerPurpose::Scope, Picker::new("Whose caseload?", items)));
}

/// The first picker: who is using the tool.
pub fn who_am_i_picker(app: &App) -> Picker {
    let role_label = |role: Role| match role {
        Role::Officer => app.config.terminology.officer(),
        Role::Senior => "Senior (duty officer)",
        Role::Manager => "Manager",
        Role::Admin => "Business support",
    };
    let mut staff: Vec<&crate::domain::Staff> = app.data.county.staff.iter().collect();
    // Decision makers and duty cover first: they are the ones a demo wants to try.
    staff.sort_by_key(|s| {
        (
            match s.role {
                Role::Officer => 2,
                Role::Senior => 1,
                Role::Manager => 0,
                Role::Admin => 3,
            },
            s.team.clone(),
            s.name.clone(),
        )
    });
    let items = staff
        .into_iter()
        .map(|s| PickItem {
            label: s.name.clone(),
            detail: format!("{} · {} · {}", role_label(s.role), s.team, s.id),
            value: s.id.clone(),
        })
        .collect();
    Picker::new("Who are you? (type to search, Enter to choose)", items)
}

fn picker_key(app: &mut App, key: &KeyEvent) {
    let Some(Overlay::Picker(purpose, picker)) = &mut app.overlay else {
        return;
    };
    let purpose = *purpose;
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => picker.type_char(c),
        KeyCode::Backspace => picker.backspace(),
        KeyCode::Up => picker.move_by(-1),
        KeyCode::Down => picker.move_by(1),
        KeyCode::PageUp => picker.move_by(-10),
        KeyCode::PageDown => picker.move_by(10),
        KeyCode::Home => picker.move_to(0),
        KeyCode::End => picker.move_to(usize::MAX),
        KeyCode::Esc => {
            if purpose == PickerPurpose::WhoAmI && app.me.is_none() {
                app.warn("choose who you are first (Ctrl-C quits)");
            } else {
                app.overlay = None;
            }
        }
        KeyCode::Enter => {
            let Some(value) = picker.chosen().map(|i| i.value.clone()) else {
                app.warn("nothing matches; Backspace to widen the search");
                return;
            };
            app.overlay = None;
            match purpose {
                PickerPurpose::WhoAmI => {
                    if let Some(index) = app.find_staff(&value) {
                        app.sign_in(index);
                        let staff = &app.data.county.staff[index];
                        let text = format!("signed in as {} ({}); ? shows the keys", staff.name, staff.role);
                        app.say(text);
                    }
                }
                PickerPurpose::Scope => choose_scope(app, &value),
            }
        }
        _ => {}
    }
}

fn choose_scope(app: &mut App, value: &str) {
    let scope = if value == "authority" {
        Scope::Authority
    } else if value == "unallocated" {
        Scope::Unallocated
    } else if let Some(team) = value.strip_prefix("team:") {
        Scope::Team(team.to_string())
    } else if let Some(officer) = value.strip_prefix("officer:") {
        Scope::Officer(officer.to_string())
    } else {
        return;
    };
    app.scope = scope;
    app.panes.caseload.select(0);
    app.pane = Pane::Caseload;
    app.refresh_views();
    app.focus_child = app.panes.caseload.selected_child();
    let label = app.scope.label(&app.data);
    app.say(format!("showing {label}"));
}

/// Reads everything again (after a colleague's change), keeping the same child in view.
pub fn reload(app: &mut App, records: &dyn Records) {
    match records.county() {
        Ok(county) => {
            let focus = app.focus_child.map(|i| app.data.county.children[i].id.clone());
            let timeline = &app.panes.timeline;
            let shown = timeline.child.and_then(|i| app.data.county.children.get(i)).map(|c| c.id.clone());
            let scroll = timeline.scroll;
            app.data = super::data::CaseData::build(county, app.today(), &app.calendar, &app.config.rules);
            app.focus_child = focus.and_then(|id| app.data.child_index.get(&id).copied());
            // The timeline points into the old records: rebuild it now (history read again), so
            // what was just recorded shows at once, even when no key follows.
            app.panes.timeline.child = None;
            app.refresh_views();
            app.say("reloaded");
            sync_timeline(app, records);
            // Same child: stay where the reader was.
            let timeline = &mut app.panes.timeline;
            let now_shown = timeline.child.map(|i| app.data.county.children[i].id.as_str());
            if now_shown.is_some() && now_shown == shown.as_deref() {
                timeline.scroll = scroll.min(timeline.lines.len().saturating_sub(1));
            }
        }
        Err(e) => app.warn(format!("cannot reload: {e}")),
    }
}

/// Loads the focused child's history when the timeline shows a different child.
fn sync_timeline(app: &mut App, records: &dyn Records) {
    if app.pane != Pane::Timeline || app.focus_child.is_none() || app.panes.timeline.child == app.focus_child {
        return;
    }
    let Some(child) = app.focus_child else { return };
    let events = match records.history(&app.data.county.children[child].id) {
        Ok(events) => events,
        Err(e) => {
            app.warn(format!("cannot read the case history: {e}"));
            Vec::new()
        }
    };
    app.panes.timeline.load(&app.data, child, events, &app.config.rules.bands);
}

/// Runs after `apply` when no key started it (tests, `render`).
pub fn settle(app: &mut App, records: &dyn Records) {
    sync_timeline(app, records);
}

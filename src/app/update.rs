//! key → action → state change. Drawing happens elsewhere and only reads the state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::caseload::Scope;
use super::picker::{PickItem, Picker};
use super::queues::{DutyLine, PanelLine, SurgeryLine};
use super::{App, Overlay, Pane, PickerPurpose, recording};
pub use crate::casework::Records;
use crate::domain::{Need, Role, Stage, Status};

/// Rows in the filter menu.
pub const FILTER_ROWS: [&str; 4] = ["Stage", "Status", "Team", "Primary need"];

pub fn handle_key(app: &mut App, key: &KeyEvent, records: &mut dyn Records) {
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl_c {
        app.quit = true;
        return;
    }
    if matches!(app.overlay, Some(Overlay::Form(..))) {
        recording::form_key(app, key, records);
    } else if matches!(app.overlay, Some(Overlay::Picker(..))) {
        picker_key(app, key);
    } else if app.searching {
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
        Action::Up => move_selection(app, -1),
        Action::Down => move_selection(app, 1),
        Action::PageUp => move_selection(app, -(page(app) as isize)),
        Action::PageDown => move_selection(app, page(app) as isize),
        Action::Top => move_selection(app, isize::MIN / 2),
        Action::Bottom => move_selection(app, isize::MAX / 2),
        Action::Open => open_selected(app),
        Action::Back => back(app),
        Action::Search => {
            app.pane = Pane::Caseload;
            app.searching = true;
        }
        Action::SortNext | Action::SortReverse => {
            app.pane = Pane::Caseload;
            if action == Action::SortNext {
                app.caseload.sort = app.caseload.sort.next();
                app.caseload.descending = false;
            } else {
                app.caseload.descending = !app.caseload.descending;
            }
            app.caseload.refresh(&app.data);
            let order = if app.caseload.descending { "descending" } else { "ascending" };
            app.say(format!("sorted by {}, {order}", app.caseload.sort.label()));
        }
        Action::Filter => {
            app.pane = Pane::Caseload;
            app.overlay = Some(Overlay::Filter { row: 0 });
        }
        Action::ClearFilters => clear_filters(app),
        Action::Scope => open_scope_picker(app),
        Action::Reload => reload(app, records),
        Action::RecordContact
        | Action::RecordStep
        | Action::AnswerContact
        | Action::Panel
        | Action::EditDetails
        | Action::Book
        | Action::Dispute => recording::open_form(app, action),
    }
}

fn page(app: &App) -> usize {
    app.page_height.get().max(1)
}

fn move_selection(app: &mut App, delta: isize) {
    match app.pane {
        Pane::Caseload => {
            app.caseload.move_by(delta);
            app.focus_child = app.caseload.selected_child().or(app.focus_child);
        }
        Pane::Timeline => {
            // Stop with the end in view; half a page of slack lets a wrapped last line show.
            let last = app.timeline.lines.len().saturating_sub(page(app) / 2);
            app.timeline.scroll = app.timeline.scroll.saturating_add_signed(delta).min(last);
        }
        Pane::Panel => {
            let target = app.panel.selected.saturating_add_signed(delta);
            app.panel.move_to(target);
        }
        Pane::Duty => {
            let target = app.duty.selected.saturating_add_signed(delta);
            app.duty.move_to(target);
        }
        Pane::Surgery => {
            let target = app.surgery.selected.saturating_add_signed(delta);
            app.surgery.move_to(target);
        }
    }
}

/// The child the selected line is about, in whichever pane is showing.
pub(super) fn selected_child(app: &App) -> Option<usize> {
    match app.pane {
        Pane::Caseload => app.caseload.selected_child(),
        Pane::Timeline => app.timeline.child.or(app.focus_child),
        Pane::Panel => match app.panel.lines.get(app.panel.selected) {
            Some(PanelLine::Case(p)) => app.data.child_index.get(&app.data.county.panels[*p].child_id).copied(),
            _ => None,
        },
        Pane::Duty => match app.duty.lines.get(app.duty.selected) {
            Some(DutyLine::Urgent(child, _)) => Some(*child),
            _ => None,
        },
        Pane::Surgery => match app.surgery.lines.get(app.surgery.selected) {
            Some(SurgeryLine::Booking(b)) => {
                app.data.county.bookings[*b].child_id.as_ref().and_then(|id| app.data.child_index.get(id).copied())
            }
            _ => None,
        },
    }
}

fn open_selected(app: &mut App) {
    if app.pane == Pane::Timeline {
        return;
    }
    match selected_child(app) {
        Some(child) => {
            app.focus_child = Some(child);
            app.pane = Pane::Timeline;
        }
        None => app.say("select a child first"),
    }
}

/// Esc: leave a pane, clear a search, clear filters. It never quits: people press Esc
/// repeatedly to back out of forms, and losing their place to a stray press is worse.
fn back(app: &mut App) {
    if app.pane != Pane::Caseload {
        app.pane = Pane::Caseload;
    } else if !app.caseload.search.is_empty() {
        app.caseload.search.clear();
        app.caseload.refresh(&app.data);
        app.say("search cleared");
    } else if !app.caseload.filters.is_empty() {
        app.caseload.filters = Default::default();
        app.caseload.refresh(&app.data);
        app.say("filters cleared");
    } else {
        app.say("nothing to go back from; q quits");
    }
}

fn clear_filters(app: &mut App) {
    app.caseload.filters = Default::default();
    app.caseload.search.clear();
    app.caseload.refresh(&app.data);
    app.say("filters and search cleared");
}

fn search_key(app: &mut App, key: &KeyEvent) {
    match key.code {
        KeyCode::Enter => {
            app.searching = false;
            let found = app.caseload.visible.len();
            app.say(format!("{found} matching \"{}\"", app.caseload.search));
        }
        KeyCode::Esc => {
            app.searching = false;
            app.caseload.search.clear();
            app.caseload.refresh(&app.data);
        }
        KeyCode::Backspace => {
            app.caseload.search.pop();
            app.caseload.refresh(&app.data);
        }
        KeyCode::Up => app.caseload.move_by(-1),
        KeyCode::Down => app.caseload.move_by(1),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            app.caseload.search.push(c);
            app.caseload.refresh(&app.data);
            app.caseload.select(0);
        }
        _ => {}
    }
    app.focus_child = app.caseload.selected_child().or(app.focus_child);
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
    fn cycle<T: Clone + PartialEq>(current: &Option<T>, values: &[T], step: isize) -> Option<T> {
        // Position 0 is "any"; values follow.
        let len = values.len() as isize + 1;
        let now = current.as_ref().and_then(|c| values.iter().position(|v| v == c)).map_or(0, |i| i as isize + 1);
        let next = (now + step).rem_euclid(len);
        if next == 0 { None } else { values.get(next as usize - 1).cloned() }
    }
    let filters = &mut app.caseload.filters;
    match row {
        0 => filters.stage = cycle(&filters.stage, Stage::ALL, step),
        1 => filters.status = cycle(&filters.status, &[Status::Overdue, Status::DueSoon, Status::Upcoming], step),
        2 => filters.team = cycle(&filters.team, &app.data.teams, step),
        _ => filters.need = cycle(&filters.need, Need::ALL, step),
    }
    app.caseload.refresh(&app.data);
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
    app.caseload.scope = scope;
    app.caseload.selected = 0;
    app.pane = Pane::Caseload;
    app.refresh_views();
    app.focus_child = app.caseload.selected_child();
    let label = app.caseload.scope.label(&app.data);
    app.say(format!("showing {label}"));
}

/// Reads everything again (after a colleague's change), keeping the same child in view.
pub fn reload(app: &mut App, records: &dyn Records) {
    match records.county() {
        Ok(county) => {
            let focus = app.focus_child.map(|i| app.data.county.children[i].id.clone());
            let shown = app.timeline.child.and_then(|i| app.data.county.children.get(i)).map(|c| c.id.clone());
            let scroll = app.timeline.scroll;
            app.data = super::data::CaseData::build(county, app.today(), &app.calendar, &app.config.rules);
            app.focus_child = focus.and_then(|id| app.data.child_index.get(&id).copied());
            // The timeline points into the old records: rebuild it now (history read again), so
            // what was just recorded shows at once, even when no key follows.
            app.timeline.child = None;
            app.refresh_views();
            app.say("reloaded");
            sync_timeline(app, records);
            // Same child: stay where the reader was.
            let now_shown = app.timeline.child.map(|i| app.data.county.children[i].id.as_str());
            if now_shown.is_some() && now_shown == shown.as_deref() {
                app.timeline.scroll = scroll.min(app.timeline.lines.len().saturating_sub(1));
            }
        }
        Err(e) => app.warn(format!("cannot reload: {e}")),
    }
}

/// Loads the focused child's history when the timeline shows a different child.
fn sync_timeline(app: &mut App, records: &dyn Records) {
    if app.pane != Pane::Timeline || app.focus_child.is_none() || app.timeline.child == app.focus_child {
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
    app.timeline.load(&app.data, child, events, &app.config.rules.bands);
}

/// Runs after `apply` when no key started it (tests, `render`).
pub fn settle(app: &mut App, records: &dyn Records) {
    sync_timeline(app, records);
}

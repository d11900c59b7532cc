//! key → action → state change, by mode. Drawing happens elsewhere and only reads the state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Mode};
use super::panes::caseload::FILTER_ROWS;
use super::panes::{Reply, View};
pub use super::picker::who_am_i_picker;
use super::{App, Overlay, Pane, forms, picker};
pub use crate::casework::Records;

/// A key press: the action it asks for in the mode the keyboard is in, or a character typed.
pub fn handle_key(app: &mut App, key: &KeyEvent, records: &mut dyn Records) {
    let mode = app.mode();
    match app.keymap.action_for(mode, key) {
        Some(action) => act(app, mode, action, records),
        None if mode.types_text() => match typed(key) {
            Some(c) => type_char(app, mode, c),
            None => return,
        },
        // In help and the filter menu, a key of the panes closes them.
        None if matches!(mode, Mode::Help | Mode::Filter) && app.keymap.action_for(Mode::Normal, key).is_some() => {
            app.overlay = None;
        }
        None => return,
    }
    sync_timeline(app, records);
    super::handback::sync(app, records);
}

/// The character a key types, if it types one.
fn typed(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
        _ => None,
    }
}

/// Applies one action in the mode the keyboard is in (also used by tests and scripts).
pub fn apply(app: &mut App, action: Action, records: &mut dyn Records) {
    let mode = app.mode();
    act(app, mode, action, records);
}

fn act(app: &mut App, mode: Mode, action: Action, records: &mut dyn Records) {
    match mode {
        Mode::Normal => normal(app, action, records),
        Mode::Help => help(app, action),
        Mode::Filter => filter(app, action),
        Mode::Picker => picker::act(app, action),
        Mode::Search => search(app, action),
        Mode::Form => forms::act(app, action, records),
        Mode::Review => super::review::act(app, action, records),
        Mode::Plan => super::plan::act(app, action, records),
        Mode::Read => super::handback::act(app, action, records),
    }
}

fn type_char(app: &mut App, mode: Mode, c: char) {
    match mode {
        Mode::Form => forms::type_char(app, c),
        Mode::Plan => super::plan::type_char(app, c),
        Mode::Picker => picker::type_char(app, c),
        Mode::Search => {
            app.panes.caseload.search.push(c);
            app.refresh_caseload();
            app.panes.caseload.select(0);
            app.focus_child = app.panes.caseload.selected_child().or(app.focus_child);
        }
        Mode::Normal | Mode::Help | Mode::Filter | Mode::Review | Mode::Read => {}
    }
}

fn help(app: &mut App, action: Action) {
    app.message = None;
    let rows = app.keymap.help_rows().len();
    let Some(Overlay::Help { scroll }) = &mut app.overlay else { return };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = (*scroll + 1).min(rows),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::PageDown => *scroll = (*scroll + 10).min(rows),
        Action::Top => *scroll = 0,
        // The overlay shows the end when asked for more than there is.
        Action::Bottom => *scroll = rows,
        Action::Quit => app.quit = true,
        _ => app.overlay = None,
    }
}

fn filter(app: &mut App, action: Action) {
    app.message = None;
    let Some(Overlay::Filter { row }) = &mut app.overlay else { return };
    let row_now = *row;
    match action {
        Action::Up => *row = row.saturating_sub(1),
        Action::Down => *row = (*row + 1).min(FILTER_ROWS.len() - 1),
        Action::NextChoice | Action::Choose => cycle_filter(app, row_now, 1),
        Action::PrevChoice => cycle_filter(app, row_now, -1),
        Action::ClearFilters => clear_filters(app),
        Action::Quit => app.quit = true,
        _ => app.overlay = None,
    }
}

fn search(app: &mut App, action: Action) {
    let widen = app.can_change_scope();
    let (scope_key, clear_key) = (app.keymap.hint(Action::Scope), app.keymap.hint(Action::ClearFilters));
    let caseload = &mut app.panes.caseload;
    match action {
        Action::Choose => {
            caseload.searching = false;
            let found = caseload.visible().len();
            let mut text = format!("{found} matching \"{}\"", caseload.search);
            // Matches the scope or filters hide: said, with how to see them.
            let needle = caseload.search.trim().to_lowercase();
            let everywhere = if needle.is_empty() {
                0
            } else {
                app.data.rows.iter().filter(|row| row.search_key.contains(&needle)).count()
            };
            if everywhere > found {
                let more = everywhere - found;
                let how = if widen {
                    format!(": {scope_key} for the whole authority, {clear_key} clears filters")
                } else if caseload.filters.is_empty() {
                    " (not on your caseload: a senior can show them)".to_string()
                } else {
                    format!(": {clear_key} clears filters")
                };
                text.push_str(&format!("; {more} more outside this view{how}"));
            }
            app.say(text);
        }
        Action::Cancel => {
            caseload.searching = false;
            caseload.search.clear();
            app.refresh_caseload();
        }
        Action::Erase => {
            caseload.search.pop();
            app.refresh_caseload();
        }
        Action::Up => caseload.move_by(-1),
        Action::Down => caseload.move_by(1),
        Action::Quit => app.quit = true,
        _ => {}
    }
    app.focus_child = app.panes.caseload.selected_child().or(app.focus_child);
}

/// An action on the panes.
fn normal(app: &mut App, action: Action, records: &mut dyn Records) {
    app.message = None;
    if app.me.is_none() && action != Action::Quit {
        return;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::NextPane | Action::PrevPane => {
            let i = Pane::ALL.iter().position(|p| *p == app.pane).unwrap_or(0);
            let step = if action == Action::NextPane { 1 } else { Pane::ALL.len() - 1 };
            app.show(Pane::ALL[(i + step) % Pane::ALL.len()]);
        }
        Action::ShowPane(pane) => {
            if pane == Pane::Timeline && app.pane != Pane::Timeline {
                app.timeline_from = app.pane;
            }
            app.show(pane);
        }
        Action::Search => {
            app.pane = Pane::Caseload;
            app.panes.caseload.searching = true;
        }
        // The workload pane has orders of its own.
        Action::SortNext | Action::SortReverse => {
            if pane_act(app, action) == Reply::Ignored {
                app.pane = Pane::Caseload;
                let done = app.panes.caseload.sort_by(action == Action::SortNext);
                app.refresh_caseload();
                app.say(done);
            }
        }
        // The duty pane filters by kind of work.
        Action::Filter => {
            if pane_act(app, action) == Reply::Ignored {
                app.pane = Pane::Caseload;
                app.overlay = Some(Overlay::Filter { row: 0 });
            }
        }
        Action::ClearFilters => clear_filters(app),
        Action::Scope => picker::open_scope_picker(app),
        Action::PlanLeave => super::plan::open(app),
        Action::Handback => super::handback::open(app),
        Action::Reload => reload(app, records),
        // The rest work on the pane showing, which may handle them its own way.
        _ => {
            if pane_act(app, action) == Reply::Ignored {
                match (action, action.form()) {
                    (Action::Open, _) => open_selected(app),
                    // From the timeline, back to where it was opened; from elsewhere, the caseload.
                    (Action::Back, _) if app.pane == Pane::Timeline => {
                        let from = app.timeline_from;
                        app.show(from);
                    }
                    (Action::Back, _) => app.pane = Pane::Caseload,
                    (Action::Mark, _) => app.say("children are marked on the caseload pane"),
                    (_, Some(opener)) => forms::open(app, opener),
                    _ => {}
                }
            }
        }
    }
}

/// Offers `action` to the pane showing; what it replies is done here.
pub(super) fn pane_act(app: &mut App, action: Action) -> Reply {
    let view = super::view!(app, app.pane);
    let reply = app.panes.get_mut(app.pane).act(action, &view);
    if app.pane == Pane::Caseload {
        // The timeline follows the caseload's selection.
        app.focus_child = app.panes.caseload.selected_child().or(app.focus_child);
    }
    match &reply {
        Reply::Say(text) => app.say(text.clone()),
        Reply::Form(request) => forms::open_requested(app, *request),
        Reply::Caseload(scope) => {
            if app.can_change_scope() {
                app.scope = scope.clone();
                // Another caseload: a search typed for the last one would hide it.
                app.panes.caseload.search.clear();
                app.panes.caseload.select(0);
                app.refresh_views();
                app.focus_child = app.panes.caseload.selected_child();
            }
            app.show(Pane::Caseload);
            let label = app.scope.label(&app.data);
            app.say(format!("showing {label}"));
        }
        Reply::Balance(team) => {
            let team = team.clone();
            super::review::open_balance(app, &team);
        }
        Reply::Ignored | Reply::Done => {}
    }
    reply
}

fn open_selected(app: &mut App) {
    match app.target().child {
        Some(child) => {
            app.focus_child = Some(child);
            if app.pane != Pane::Timeline {
                app.timeline_from = app.pane;
            }
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

/// Moves filter `row` to its next (or previous) value, wrapping through "any".
fn cycle_filter(app: &mut App, row: usize, step: isize) {
    app.panes.caseload.cycle_filter(&app.data, row, step);
    app.refresh_caseload();
}

/// Reads everything again (after a colleague's change), keeping the same child in view.
pub fn reload(app: &mut App, records: &dyn Records) {
    let changes = match records.changes(app.seen_change) {
        Ok(changes) => changes,
        Err(e) => return app.warn(format!("cannot reload: {e}")),
    };
    if changes.is_empty() {
        app.seen_change = changes.seen;
        return;
    }
    let focus = app.focus_child.map(|i| app.data.county.children[i].id.clone());
    let timeline = &app.panes.timeline;
    let shown = timeline.child.and_then(|i| app.data.county.children.get(i)).map(|c| c.id.clone());
    let scroll = timeline.scroll;
    if changes.everything {
        match records.county() {
            Ok((county, seen)) => {
                app.data = super::data::CaseData::build(county, app.today(), &app.calendar, &app.config.rules);
                app.seen_change = seen;
            }
            Err(e) => return app.warn(format!("cannot reload: {e}")),
        }
    } else {
        app.seen_change = changes.seen;
        app.data.apply(changes, &app.calendar, &app.config.rules);
    }
    app.focus_child = focus.and_then(|id| app.data.child_index.get(&id).copied());
    // The timeline points into the records just replaced: rebuild it now (history read again), so
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

/// Loads the focused child's history when the timeline shows a different child.
fn sync_timeline(app: &mut App, records: &dyn Records) {
    if app.pane != Pane::Timeline || app.focus_child.is_none() || app.panes.timeline.child == app.focus_child {
        return;
    }
    let Some(child) = app.focus_child else { return };
    let id = app.data.county.children[child].id.clone();
    let events = match records.history(&id) {
        Ok(events) => events,
        Err(e) => {
            app.warn(format!("cannot read the case history: {e}"));
            Vec::new()
        }
    };
    app.panes.timeline.load(&app.data, child, events, &app.config.rules.bands);
    // Opening a child's record is audited, once each time another child's is opened (not again
    // when the same one is redrawn after a save).
    if app.viewed.as_deref() != Some(id.as_str())
        && let Some(me) = app.me
    {
        if let Err(e) = records.viewed(&id, &app.data.county.staff[me].id) {
            app.warn(format!("cannot note that the record was opened: {e}"));
        }
        app.viewed = Some(id);
    }
}

/// Runs after `apply` when no key started it (tests, `render`).
pub fn settle(app: &mut App, records: &dyn Records) {
    sync_timeline(app, records);
    super::handback::sync(app, records);
}

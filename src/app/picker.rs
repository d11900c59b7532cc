//! A type-to-filter list of choices, and the two the interface offers: who am I (the demo's
//! first screen), and whose caseload to show.

use super::action::Action;
use super::{App, Overlay, Pane, PickerPurpose, Scope};
use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub label: String,
    pub detail: String,
    /// What choosing it means to the caller (a staff id, a team name…).
    pub value: String,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    pub items: Vec<PickItem>,
    pub query: String,
    /// Indices into `items` matching the query.
    pub matches: Vec<usize>,
    /// Position in `matches`.
    pub selected: usize,
}

impl Picker {
    pub fn new(title: impl Into<String>, items: Vec<PickItem>) -> Picker {
        let matches = (0..items.len()).collect();
        Picker { title: title.into(), items, query: String::new(), matches, selected: 0 }
    }

    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.refilter();
    }

    pub fn backspace(&mut self) {
        self.query.pop();
        self.refilter();
    }

    fn refilter(&mut self) {
        let needle = self.query.to_lowercase();
        self.matches = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| {
                needle.is_empty()
                    || item.label.to_lowercase().contains(&needle)
                    || item.detail.to_lowercase().contains(&needle)
                    || item.value.to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.matches.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn move_to(&mut self, position: usize) {
        self.selected = position.min(self.matches.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<&PickItem> {
        self.matches.get(self.selected).map(|&i| &self.items[i])
    }
}

/// An action while a picker is open.
pub fn act(app: &mut App, action: Action) {
    let Some(Overlay::Picker(purpose, picker)) = &mut app.overlay else {
        return;
    };
    let purpose = *purpose;
    match action {
        Action::Up => picker.move_by(-1),
        Action::Down => picker.move_by(1),
        Action::PageUp => picker.move_by(-10),
        Action::PageDown => picker.move_by(10),
        Action::Top => picker.move_to(0),
        Action::Bottom => picker.move_to(usize::MAX),
        Action::Erase => picker.backspace(),
        Action::Quit => app.quit = true,
        Action::Cancel => {
            if purpose == PickerPurpose::WhoAmI && app.me.is_none() {
                let quit = app.keymap.hint(Action::Quit);
                app.warn(format!("choose who you are first ({quit} quits)"));
            } else {
                app.overlay = None;
            }
        }
        Action::Choose => {
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
                        let help = app.keymap.hint(Action::Help);
                        let text = format!("signed in as {} ({}); {help} shows the keys", staff.name, staff.role);
                        app.say(text);
                    }
                }
                PickerPurpose::Scope => choose_scope(app, &value),
            }
        }
        _ => {}
    }
}

/// A character typed into the picker's search.
pub fn type_char(app: &mut App, c: char) {
    if let Some(Overlay::Picker(_, picker)) = &mut app.overlay {
        picker.type_char(c);
    }
}

/// `v`: whose caseload to show.
pub(super) fn open_scope_picker(app: &mut App) {
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
            detail: format!(
                "{} · {} · {} children{}",
                staff.id,
                staff.team,
                loads.get(staff.id.as_str()).unwrap_or(&0),
                away_words(app, &staff.id)
            ),
            value: format!("officer:{}", staff.id),
        });
    }
    app.overlay = Some(Overlay::Picker(PickerPurpose::Scope, Picker::new("Whose caseload?", items)));
}

/// " · off sick", " · on leave to 4 Dec", or nothing: short, to fit beside the role and team.
fn away_words(app: &App, staff_id: &str) -> String {
    app.data.county.away(staff_id, app.today()).map_or_else(String::new, |a| {
        let to = a.to.map_or_else(String::new, |to| format!(" to {}", to.format("%-d %b")));
        format!(" · {}{to}", a.kind.label())
    })
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
            detail: format!("{} · {} · {}{}", role_label(s.role), s.team, s.id, away_words(app, &s.id)),
            value: s.id.clone(),
        })
        .collect();
    let choose = app.keymap.hint(Action::Choose);
    Picker::new(format!("Who are you? (type to search, {choose} to choose)"), items)
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
    // The workload pane follows the scope too; every other pane gives way to the caseload.
    if app.pane != Pane::Workload {
        app.pane = Pane::Caseload;
    }
    app.refresh_views();
    app.focus_child = app.panes.caseload.selected_child();
    let label = app.scope.label(&app.data);
    app.say(format!("showing {label}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, value: &str) -> PickItem {
        PickItem { label: label.into(), detail: String::new(), value: value.into() }
    }

    #[test]
    fn typing_filters_and_choosing_returns_the_value() {
        let mut picker = Picker::new("Who", vec![item("Ann Lee", "S1"), item("Bob Ray", "S2"), item("Ana Ruiz", "S3")]);
        picker.type_char('r');
        picker.type_char('a');
        assert_eq!(picker.matches, vec![1]);
        assert_eq!(picker.chosen().map(|i| i.value.as_str()), Some("S2"));
        picker.backspace();
        picker.backspace();
        picker.move_by(5);
        assert_eq!(picker.chosen().map(|i| i.value.as_str()), Some("S3"));
        picker.type_char('q');
        assert_eq!(picker.chosen(), None, "no name has a q");
    }
}

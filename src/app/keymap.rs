//! Keys → actions, by mode: the action table's defaults for the chosen preset, overlaid by
//! `[keys]` in config.toml. The help overlay and the hint lines are generated from the same
//! bindings the event loop uses.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Mode};
use crate::config::{Config, KeyPreset};

/// A key with Ctrl/Alt; Shift is part of the character for letters and symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(event: &KeyEvent) -> Key {
        let code = match event.code {
            // Terminals report Shift-Tab as BackTab.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses "q", "G", "ctrl-c", "esc", "enter", "tab", "shift-tab", "up", "pgdown", "f1", "space".
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text.trim();
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-") {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "esc" | "escape" => KeyCode::Esc,
            "enter" | "return" => KeyCode::Enter,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdown" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            lower => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                    _ => match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                        Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
                        _ => {
                            return Err(format!("\"{text}\" is not a key (try \"q\", \"ctrl-r\", \"pgdown\")"));
                        }
                    },
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (_, true) => format!("Alt-{base}"),
            _ => base,
        }
    }
}

impl Key {
    /// A plain character: in the modes that type text, it is text, never an action.
    pub fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }
}

/// A row of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    /// The keys, and what they do.
    Keys(String, String),
}

/// The order help lists the modes in; each action is listed under the first of its modes.
const HELP_ORDER: [Mode; 9] = [
    Mode::Normal,
    Mode::Form,
    Mode::Review,
    Mode::Plan,
    Mode::Read,
    Mode::Search,
    Mode::Picker,
    Mode::Filter,
    Mode::Help,
];

/// The bindings in force: the action table's default keys for the chosen preset, overlaid by
/// `[keys]` in config.toml, looked up by mode.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Each action's keys, in help order.
    bindings: Vec<(Action, Vec<Key>)>,
    lookup: HashMap<(Mode, Key), Action>,
}

impl Keymap {
    pub fn from_config(config: &Config) -> Result<Keymap, String> {
        let vim = config.key_preset == KeyPreset::Default;
        let mut bindings: Vec<(Action, Vec<Key>)> = Vec::new();
        for action in Action::all() {
            let keys = action.default_keys(vim).iter().map(|k| Key::parse(k)).collect::<Result<Vec<_>, _>>()?;
            bindings.push((action, keys));
        }
        for (name, keys) in &config.keys {
            let action = Action::from_name(name).ok_or_else(|| {
                let names: Vec<String> = Action::all().iter().map(|a| a.name().into_owned()).collect();
                format!("[keys] {name}: no such action (actions: {})", names.join(", "))
            })?;
            let keys = keys
                .iter()
                .map(|k| Key::parse(k).map_err(|e| format!("[keys] {name}: {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(key) = keys.iter().find(|k| k.is_text())
                && action.modes().iter().all(|m| m.types_text())
            {
                return Err(format!(
                    "[keys] {name}: {} would be typed as text where {name} works; choose a key like ctrl-s or f2",
                    key.label()
                ));
            }
            if let Some(entry) = bindings.iter_mut().find(|(a, _)| *a == action) {
                entry.1 = keys;
            }
        }
        let mut lookup = HashMap::new();
        for (action, keys) in &bindings {
            for &mode in action.modes() {
                for key in keys.iter().filter(|k| !(mode.types_text() && k.is_text())) {
                    if let Some(other) = lookup.insert((mode, *key), *action)
                        && other != *action
                    {
                        return Err(format!(
                            "[keys] {} is bound to both {} and {}",
                            key.label(),
                            other.name(),
                            action.name()
                        ));
                    }
                }
            }
        }
        Ok(Keymap { bindings, lookup })
    }

    /// The action `event` asks for in `mode`, if any.
    pub fn action_for(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        self.lookup.get(&(mode, Key::from_event(event))).copied()
    }

    fn keys(&self, action: Action) -> &[Key] {
        self.bindings.iter().find(|(a, _)| *a == action).map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The first key that does `action` in `mode` ("Ctrl-c" for quit while typing); "-" if none.
    pub fn hint_in(&self, mode: Mode, action: Action) -> String {
        let usable = |k: &&Key| !(mode.types_text() && k.is_text());
        self.keys(action).iter().find(usable).map_or_else(|| "-".to_string(), Key::label)
    }

    /// The help overlay's rows: the keys of every bound action, by mode.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let mut rows = Vec::new();
        for mode in HELP_ORDER {
            let first_mode = |action: Action| HELP_ORDER.iter().copied().find(|m| action.modes().contains(m));
            let mut section: Vec<HelpRow> = self
                .bindings
                .iter()
                .filter(|(action, keys)| !keys.is_empty() && first_mode(*action) == Some(mode))
                .map(|(action, keys)| {
                    let labels: Vec<String> = keys.iter().map(Key::label).collect();
                    HelpRow::Keys(labels.join(" "), action.description().into_owned())
                })
                .collect();
            if !section.is_empty() {
                if !rows.is_empty() {
                    rows.push(HelpRow::Heading(mode.heading()));
                }
                rows.append(&mut section);
            }
        }
        rows
    }

    /// The first key bound to `action`, for hints ("? help"); "-" when it has none.
    pub fn hint(&self, action: Action) -> String {
        self.keys(action).first().map_or_else(|| "-".to_string(), Key::label)
    }

    /// A hint line such as "↑↓ choose · ←→ change · x clear · Esc done": for each item, the
    /// first key of each of its actions (arrows side by side, others joined by "/"), then the
    /// words; an item without actions is shown as it is.
    pub fn hint_line(&self, items: &[(&[Action], &str)]) -> String {
        let parts: Vec<String> = items
            .iter()
            .map(|(actions, words)| {
                let keys: Vec<String> = actions.iter().map(|a| self.hint(*a)).collect();
                let arrows = keys.iter().all(|k| ["↑", "↓", "←", "→"].contains(&k.as_str()));
                let keys = if arrows { keys.concat() } else { keys.join("/") };
                if keys.is_empty() { (*words).to_string() } else { format!("{keys} {words}") }
            })
            .collect();
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn default_keys_resolve() {
        let keymap = Keymap::from_config(&Config::default()).expect("defaults are valid");
        let normal = |code, modifiers| keymap.action_for(Mode::Normal, &press(code, modifiers));
        assert_eq!(normal(KeyCode::Char('q'), KeyModifiers::NONE), Some(Action::Quit));
        assert_eq!(normal(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Quit));
        assert_eq!(normal(KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::Down));
        assert_eq!(normal(KeyCode::Down, KeyModifiers::NONE), Some(Action::Down));
        assert_eq!(normal(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Bottom));
        assert_eq!(normal(KeyCode::Tab, KeyModifiers::SHIFT), Some(Action::PrevPane));
        assert_eq!(normal(KeyCode::Char('4'), KeyModifiers::NONE), Some(Action::ShowPane(crate::app::Pane::Duty)));
    }

    #[test]
    fn arrows_preset_frees_letters() {
        let config = Config { key_preset: KeyPreset::Arrows, ..Config::default() };
        let keymap = Keymap::from_config(&config).expect("valid");
        assert_eq!(keymap.action_for(Mode::Normal, &press(KeyCode::Char('j'), KeyModifiers::NONE)), None);
        assert_eq!(keymap.action_for(Mode::Normal, &press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::Down));
    }

    #[test]
    fn config_overrides_and_conflicts() {
        let mut config = Config::default();
        config.keys.insert("quit".into(), vec!["ctrl-q".into()]);
        let keymap = Keymap::from_config(&config).expect("valid");
        assert_eq!(keymap.action_for(Mode::Normal, &press(KeyCode::Char('q'), KeyModifiers::NONE)), None);
        assert_eq!(
            keymap.action_for(Mode::Normal, &press(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );

        config.keys.insert("help".into(), vec!["s".into()]);
        let error = Keymap::from_config(&config).unwrap_err();
        assert!(error.contains("bound to both"), "{error}");

        let mut config = Config::default();
        config.keys.insert("fly".into(), vec!["z".into()]);
        assert!(Keymap::from_config(&config).unwrap_err().contains("no such action"));
        let mut config = Config::default();
        config.keys.insert("quit".into(), vec!["hyper-q".into()]);
        assert!(Keymap::from_config(&config).unwrap_err().contains("is not a key"));
    }

    #[test]
    fn help_lists_every_bound_action_once() {
        let keymap = Keymap::from_config(&Config::default()).expect("valid");
        let rows = keymap.help_rows();
        let keys = rows.iter().filter(|row| matches!(row, HelpRow::Keys(..))).count();
        assert_eq!(keys, Action::all().len());
        assert!(rows.contains(&HelpRow::Keys("q Ctrl-c".into(), Action::Quit.description().into_owned())));
        assert!(rows.contains(&HelpRow::Heading(Mode::Form.heading())));
    }

    #[test]
    fn letters_type_in_forms_pickers_and_searches() {
        let keymap = Keymap::from_config(&Config::default()).expect("valid");
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(Mode::Normal, &j), Some(Action::Down));
        assert_eq!(keymap.action_for(Mode::Picker, &j), None, "j is typed into the picker's search");
        assert_eq!(keymap.action_for(Mode::Picker, &press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::Down));
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(keymap.action_for(Mode::Form, &enter), Some(Action::Save));
        assert_eq!(keymap.action_for(Mode::Picker, &enter), Some(Action::Choose));
        assert_eq!(keymap.action_for(Mode::Normal, &enter), Some(Action::Open));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action_for(Mode::Form, &ctrl_c), Some(Action::Quit));
        assert_eq!(keymap.action_for(Mode::Form, &press(KeyCode::Char('q'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn form_and_picker_keys_are_rebindable() {
        let mut config = Config::default();
        config.keys.insert("save".into(), vec!["ctrl-s".into()]);
        config.keys.insert("next_field".into(), vec!["tab".into()]);
        let keymap = Keymap::from_config(&config).expect("valid");
        assert_eq!(
            keymap.action_for(Mode::Form, &press(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::Save)
        );
        assert_eq!(keymap.action_for(Mode::Form, &press(KeyCode::Enter, KeyModifiers::NONE)), None);
        assert_eq!(keymap.action_for(Mode::Form, &press(KeyCode::Down, KeyModifiers::NONE)), None);
        assert_eq!(keymap.hint_line(&[(&[Action::Save], "save")]), "Ctrl-s save");
        // A letter would only ever be typed into the form.
        config.keys.insert("save".into(), vec!["s".into()]);
        assert!(Keymap::from_config(&config).unwrap_err().contains("typed as text"));
    }

    #[test]
    fn hint_lines_follow_the_keys() {
        let keymap = Keymap::from_config(&Config::default()).expect("valid");
        let line = keymap.hint_line(&[
            (&[Action::Up, Action::Down], "choose"),
            (&[Action::PrevChoice, Action::NextChoice], "change"),
            (&[Action::ClearFilters], "clear"),
            (&[Action::Cancel], "done"),
        ]);
        assert_eq!(line, "↑↓ choose · ←→ change · x clear · Esc done");
    }
}

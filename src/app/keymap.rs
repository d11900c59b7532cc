//! Keys → actions: built-in presets overlaid by `[keys]` in config.toml. The help overlay is
//! generated from the same table the event loop uses.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
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

/// The bindings in force, in help order.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Key>)>,
    lookup: HashMap<Key, Action>,
}

fn preset(preset: KeyPreset) -> Vec<(Action, &'static [&'static str])> {
    let vim = preset == KeyPreset::Default;
    vec![
        (Action::Help, &["?", "f1"]),
        (Action::Quit, &["q", "ctrl-c"]),
        (Action::NextPane, &["tab"]),
        (Action::PrevPane, &["shift-tab"]),
        (Action::ShowCaseload, &["1"]),
        (Action::ShowTimeline, &["2"]),
        (Action::ShowPanel, &["3"]),
        (Action::ShowDuty, &["4"]),
        (Action::ShowSurgery, &["5"]),
        (Action::Up, if vim { &["up", "k"] } else { &["up"] }),
        (Action::Down, if vim { &["down", "j"] } else { &["down"] }),
        (Action::PageUp, if vim { &["pgup", "ctrl-u"] } else { &["pgup"] }),
        (Action::PageDown, if vim { &["pgdown", "ctrl-d"] } else { &["pgdown"] }),
        (Action::Top, if vim { &["home", "g"] } else { &["home"] }),
        (Action::Bottom, if vim { &["end", "G"] } else { &["end"] }),
        (Action::Open, if vim { &["enter", "l"] } else { &["enter"] }),
        (Action::Back, if vim { &["esc", "h"] } else { &["esc"] }),
        (Action::Search, &["/"]),
        (Action::SortNext, &["s"]),
        (Action::SortReverse, &["S"]),
        (Action::Filter, &["f"]),
        (Action::ClearFilters, &["x"]),
        (Action::Scope, &["v"]),
        (Action::Reload, &["ctrl-r"]),
        (Action::RecordContact, &["c"]),
        (Action::RecordStep, &["t"]),
        (Action::AnswerContact, &["a"]),
        (Action::Panel, &["p"]),
        (Action::EditDetails, &["e"]),
        (Action::Book, &["b"]),
        (Action::Dispute, &["d"]),
    ]
}

impl Keymap {
    pub fn from_config(config: &Config) -> Result<Keymap, String> {
        let mut bindings: Vec<(Action, Vec<Key>)> = Vec::new();
        for (action, keys) in preset(config.key_preset) {
            let keys = keys.iter().map(|k| Key::parse(k)).collect::<Result<Vec<_>, _>>()?;
            bindings.push((action, keys));
        }
        for (name, keys) in &config.keys {
            let action = Action::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                format!("[keys] {name}: no such action (actions: {})", names.join(", "))
            })?;
            let keys = keys
                .iter()
                .map(|k| Key::parse(k).map_err(|e| format!("[keys] {name}: {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(entry) = bindings.iter_mut().find(|(a, _)| *a == action) {
                entry.1 = keys;
            }
        }
        let mut lookup = HashMap::new();
        for (action, keys) in &bindings {
            for key in keys {
                if let Some(other) = lookup.insert(*key, *action) {
                    return Err(format!(
                        "[keys] {} is bound to both {} and {}",
                        key.label(),
                        other.name(),
                        action.name()
                    ));
                }
            }
        }
        Ok(Keymap { bindings, lookup })
    }

    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        self.lookup.get(&Key::from_event(event)).copied()
    }

    /// (keys, description) rows for the help overlay.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(action, keys)| {
                let labels: Vec<String> = keys.iter().map(Key::label).collect();
                (labels.join(" "), action.description())
            })
            .collect()
    }

    /// The first key bound to `action`, for hints ("? help").
    pub fn hint(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .and_then(|(_, keys)| keys.first())
            .map_or_else(|| "-".to_string(), Key::label)
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
        assert_eq!(keymap.action_for(&press(KeyCode::Char('q'), KeyModifiers::NONE)), Some(Action::Quit));
        assert_eq!(keymap.action_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(keymap.action_for(&press(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(keymap.action_for(&press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(keymap.action_for(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(keymap.action_for(&press(KeyCode::Tab, KeyModifiers::SHIFT)), Some(Action::PrevPane));
    }

    #[test]
    fn arrows_preset_frees_letters() {
        let config = Config { key_preset: KeyPreset::Arrows, ..Config::default() };
        let keymap = Keymap::from_config(&config).expect("valid");
        assert_eq!(keymap.action_for(&press(KeyCode::Char('j'), KeyModifiers::NONE)), None);
        assert_eq!(keymap.action_for(&press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::Down));
    }

    #[test]
    fn config_overrides_and_conflicts() {
        let mut config = Config::default();
        config.keys.insert("quit".into(), vec!["ctrl-q".into()]);
        let keymap = Keymap::from_config(&config).expect("valid");
        assert_eq!(keymap.action_for(&press(KeyCode::Char('q'), KeyModifiers::NONE)), None);
        assert_eq!(keymap.action_for(&press(KeyCode::Char('q'), KeyModifiers::CONTROL)), Some(Action::Quit));

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
    fn help_lists_every_bound_action() {
        let keymap = Keymap::from_config(&Config::default()).expect("valid");
        let rows = keymap.help_rows();
        assert_eq!(rows.len(), Action::ALL.len());
        assert!(rows.iter().any(|(keys, what)| keys == "q Ctrl-c" && *what == "quit"));
    }
}

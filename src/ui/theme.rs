//! Semantic styles. The default theme uses the terminal's own palette so it reads on dark and
//! light backgrounds; meaning never rests on colour alone (every status also has a word).

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;
use crate::domain::Status;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub heading: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focus: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub overdue: Style,
    pub due_soon: Style,
    pub upcoming: Style,
    pub done: Style,
    pub warning: Style,
    pub key: Style,
}

impl Theme {
    /// `NO_COLOR` (any value) forces the monochrome theme.
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        let name = if no_color { ThemeName::Mono } else { name };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mono = Theme {
            base: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            heading: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new(),
            border_focus: bold,
            tab: Style::new(),
            tab_active: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            overdue: bold,
            due_soon: Style::new().add_modifier(Modifier::UNDERLINED),
            upcoming: Style::new(),
            done: Style::new().add_modifier(Modifier::DIM),
            warning: bold,
            key: bold,
        };
        match name {
            ThemeName::Mono => mono,
            ThemeName::Default => Theme {
                heading: bold.fg(Color::Cyan),
                border_focus: Style::new().fg(Color::Cyan),
                overdue: bold.fg(Color::Red),
                due_soon: Style::new().fg(Color::Yellow),
                done: Style::new().fg(Color::Green),
                warning: bold.fg(Color::Red),
                key: bold.fg(Color::Cyan),
                ..mono
            },
            ThemeName::Light => Theme {
                heading: bold.fg(Color::Blue),
                border_focus: Style::new().fg(Color::Blue),
                overdue: bold.fg(Color::Red),
                due_soon: bold.fg(Color::Magenta),
                done: Style::new().fg(Color::Green),
                warning: bold.fg(Color::Red),
                key: bold.fg(Color::Blue),
                ..mono
            },
        }
    }

    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::Overdue => self.overdue,
            Status::DueSoon => self.due_soon,
            Status::Upcoming => self.upcoming,
            Status::Done => self.done,
        }
    }
}

/// The word (with a symbol) shown for a status, so it never rests on colour.
pub fn status_tag(status: Status) -> &'static str {
    match status {
        Status::Overdue => "‼ overdue",
        Status::DueSoon => "! due soon",
        Status::Upcoming => "· upcoming",
        Status::Done => "✓ done",
    }
}

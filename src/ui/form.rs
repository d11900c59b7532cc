//! An entry form: one line per field, the focused one marked, an error under its field.
//! Long values and messages wrap inside the popup, which is sized to hold them all, so the
//! key hints at the bottom always show.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::wrap;
use super::theme::Theme;
use crate::app::action::Action;
use crate::app::forms::{FieldKind, Form};
use crate::app::keymap::Keymap;

/// Label column, after the one-cell focus marker.
const LABEL_WIDTH: usize = 9;
/// Wider than this and a form is harder to read than to scroll.
const MAX_WIDTH: u16 = 100;

pub fn draw(frame: &mut Frame, theme: &Theme, keymap: &Keymap, form: &Form, area: Rect) {
    let width = area.width.saturating_sub(2).clamp(20, MAX_WIDTH);
    let inner_width = usize::from(width.saturating_sub(2));
    let value_width = inner_width.saturating_sub(LABEL_WIDTH + 1).max(8);
    let mut lines: Vec<Line> = Vec::new();
    // A message under everything else, wrapped to the popup.
    let wrapped = |lines: &mut Vec<Line>, text: &str, indent: &str, style: Style| {
        let room = inner_width.saturating_sub(indent.chars().count()).max(8);
        for (n, part) in wrap(text, room).into_iter().enumerate() {
            let lead = if n == 0 { indent.to_string() } else { " ".repeat(indent.chars().count()) };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
    };
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let value = match &field.kind {
            FieldKind::Choice { options, index } => match options.get(*index) {
                // One option: nothing to change, so no arrows offering to.
                Some((_, label)) if options.len() == 1 => label.clone(),
                Some((_, label)) => format!("◀ {label} ▶"),
                None => "(nothing to choose)".to_string(),
            },
            FieldKind::Text(text) | FieldKind::Date(text) => {
                let mut shown = text.clone();
                if focused {
                    shown.push('▏');
                }
                shown
            }
        };
        for (n, part) in wrap(&value, value_width).into_iter().enumerate() {
            let label = if n == 0 { field.label } else { "" };
            let line = Line::from(vec![Span::styled(format!("{label:<LABEL_WIDTH$}"), theme.dim), Span::raw(part)]);
            lines.push(super::mark(line, focused && n == 0, theme));
        }
        if let Some(error) = form.error.as_ref().filter(|e| e.field == field.key) {
            wrapped(&mut lines, &error.message, "   ↳ ", theme.warning);
        }
    }
    if !form.info.is_empty() {
        lines.push(Line::raw(""));
        for note in &form.info {
            let style = if note.starts_with('‼') { theme.warning } else { theme.dim };
            wrapped(&mut lines, note, " ", style);
        }
    }
    if let Some(error) = form.error.as_ref().filter(|e| !form.fields.iter().any(|f| f.key == e.field)) {
        wrapped(&mut lines, &error.to_string(), " ↳ ", theme.warning);
    }
    lines.push(Line::raw(""));
    match &form.confirm {
        Some(warning) => {
            wrapped(&mut lines, warning, "‼ ", theme.warning);
            let hints = keymap.hint_line(&[
                (&[Action::Save], "again to confirm"),
                (&[], "any other key to change it"),
                (&[Action::Cancel], "cancel"),
            ]);
            wrapped(&mut lines, &hints, "", theme.warning);
        }
        None => {
            let hints = keymap.hint_line(&[
                (&[Action::NextField, Action::PrevField], "field"),
                (&[Action::PrevChoice, Action::NextChoice], "change"),
                (&[], "type to edit"),
                (&[Action::Save], "save"),
                (&[Action::Cancel], "cancel"),
            ]);
            wrapped(&mut lines, &hints, "", theme.dim);
        }
    }
    let height = lines.len() as u16 + 2;
    // Taller than the screen: keep the focused field in view (the hints go first).
    let room = usize::from(area.height.saturating_sub(2));
    let focus_line = lines.iter().position(|l| l.spans.first().is_some_and(|s| s.content == "›")).unwrap_or(0);
    let skip = focus_line.saturating_sub(room.saturating_sub(1)).min(lines.len().saturating_sub(room));
    let inner = super::overlays::popup(frame, theme, area, width, height, &form.title);
    frame.render_widget(Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()), inner);
}

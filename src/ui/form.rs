//! An entry form: one line per field, the focused one marked, an error under its field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::form::{FieldKind, Form};

pub fn draw(frame: &mut Frame, theme: &Theme, form: &Form, area: Rect) {
    let mut lines: Vec<Line> = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let value = match &field.kind {
            FieldKind::Choice { options, index } => match options.get(*index) {
                Some((_, label)) => format!("◀ {label} ▶"),
                None => "(nothing to choose)".to_string(),
            },
            FieldKind::Text(text) | FieldKind::Date(text) => {
                let mut shown = text.clone();
                if focused {
                    shown.push('▏');
                }
                if text.is_empty() && !focused && field.key == "until" {
                    shown = "— (exceptions only)".into();
                }
                shown
            }
        };
        let line = Line::from(vec![Span::styled(format!("{:<9}", field.label), theme.dim), Span::raw(value)]);
        lines.push(super::mark(line, focused, theme));
        if let Some(error) = form.error.as_ref().filter(|e| e.field == field.key) {
            lines.push(Line::styled(format!("   ↳ {}", error.message), theme.warning));
        }
    }
    if let Some(error) = form.error.as_ref().filter(|e| !form.fields.iter().any(|f| f.key == e.field)) {
        lines.push(Line::styled(format!(" ↳ {error}"), theme.warning));
    }
    lines.push(Line::raw(""));
    match &form.confirm {
        Some(warning) => {
            lines.push(Line::styled(format!("‼ {warning}"), theme.warning));
            lines.push(Line::styled("Enter again to confirm · any other key to change it · Esc cancel", theme.warning));
        }
        None => {
            lines.push(Line::styled("Tab/↑↓ field · ←→ change · type to edit · Enter save · Esc cancel", theme.dim))
        }
    }
    let height = lines.len() as u16 + 2;
    let inner = super::overlays::popup(frame, theme, area, 78, height, &form.title);
    frame.render_widget(Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }), inner);
}

//! Pop-ups over the panes: help, the filter menu and pickers.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::list::window;
use super::theme::Theme;
use crate::app::action::Action;
use crate::app::keymap::HelpRow;
use crate::app::panes::caseload::{FILTER_ROWS, status_word};
use crate::app::picker::Picker;
use crate::app::{App, Overlay};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, overlay: &Overlay, area: Rect) {
    match overlay {
        Overlay::Help { scroll } => help(frame, app, theme, *scroll, area),
        Overlay::Filter { row } => filter(frame, app, theme, *row, area),
        Overlay::Picker(_, picker) => pick(frame, theme, picker, area),
        Overlay::Form(form) => super::form::draw(frame, theme, &app.keymap, form, area),
        Overlay::Review(review) => super::review::draw(frame, app, theme, review, area),
        Overlay::Plan(plan) => super::absence::draw_plan(frame, app, theme, plan, area),
        Overlay::Handback(view) => super::absence::draw_handback(frame, app, theme, view, area),
    }
}

/// A bordered box of at most `width`×`height`, centred in `area`, cleared and titled.
pub fn popup(frame: &mut Frame, theme: &Theme, area: Rect, width: u16, height: u16, title: &str) -> Rect {
    let [vertical] = Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center).areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center).areas(vertical);
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Line::styled(format!(" {title} "), theme.heading));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

fn help(frame: &mut Frame, app: &App, theme: &Theme, scroll: usize, area: Rect) {
    let mut lines: Vec<Line> = Vec::new();
    for row in app.keymap.help_rows() {
        match row {
            HelpRow::Heading(text) => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(text, theme.heading));
            }
            HelpRow::Keys(keys, what) => {
                lines.push(Line::from(vec![Span::styled(format!("{keys:<16}"), theme.key), Span::raw(what)]));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Statuses: ‼ overdue · ! due soon (10 working days) · upcoming · ✓ done", theme.dim));
    let close = app.keymap.hint(Action::Cancel);
    // As wide as the longest line, so no description is cut where there is room.
    let widest = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
    let inner = popup(frame, theme, area, widest.max(60), lines.len() as u16 + 2, &format!("Keys ({close} closes)"));
    let height = usize::from(inner.height);
    let start = scroll.min(lines.len().saturating_sub(height));
    let below = lines.len().saturating_sub(start + height);
    if below > 0 && height > 1 {
        // The last row says there is more, and how to see it.
        let [text, more] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        let below = below + 1;
        let (down, page) = (app.keymap.hint(Action::Down), app.keymap.hint(Action::PageDown));
        frame.render_widget(Paragraph::new(lines).scroll((start as u16, 0)), text);
        let said = format!("{below} more lines below: {down} or {page}");
        frame.render_widget(Paragraph::new(Line::styled(said, theme.key)), more);
    } else {
        frame.render_widget(Paragraph::new(lines).scroll((start as u16, 0)), inner);
    }
}

fn filter(frame: &mut Frame, app: &App, theme: &Theme, row: usize, area: Rect) {
    let f = &app.panes.caseload.filters;
    let any = |v: Option<String>| v.unwrap_or_else(|| "any".to_string());
    let values = [
        any(f.stage.map(|s| s.to_string())),
        any(f.status.map(|s| status_word(s).to_string())),
        any(f.team.clone()),
        any(f.need.map(|n| n.to_string())),
    ];
    let mut lines: Vec<Line> = FILTER_ROWS
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (label, value))| {
            let line = Line::from(vec![Span::raw(format!("{label:<14}")), Span::raw(format!("◀ {value} ▶"))]);
            super::mark(line, i == row, theme)
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("{} children shown", app.panes.caseload.visible().len()), theme.dim));
    let hints = app.keymap.hint_line(&[
        (&[Action::Up, Action::Down], "choose"),
        (&[Action::PrevChoice, Action::NextChoice], "change"),
        (&[Action::ClearFilters], "clear"),
        (&[Action::Cancel], "done"),
    ]);
    lines.push(Line::styled(hints, theme.dim));
    let inner = popup(frame, theme, area, 48, lines.len() as u16 + 2, "Filter the caseload");
    frame.render_widget(Paragraph::new(lines), inner);
}

fn pick(frame: &mut Frame, theme: &Theme, picker: &Picker, area: Rect) {
    // Labels take only the room the longest needs, leaving the rest to the details; the box is
    // as wide as its widest line needs (at least 72), and a line still too long ends in "…".
    let label_width = picker.items.iter().map(|item| super::text::width(&item.label)).max().unwrap_or(0);
    let label_width = label_width.min(26);
    let widest = picker.items.iter().map(|item| label_width + 1 + super::text::width(&item.detail)).max().unwrap_or(0);
    let width = u16::try_from(widest + 3).unwrap_or(u16::MAX).max(72);
    let inner = popup(frame, theme, area, width, area.height, &picker.title);
    let [query, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    // How many match, so that a list longer than the box is seen to be.
    let count = if picker.matches.len() == picker.items.len() {
        format!("   {} to choose from", picker.items.len())
    } else {
        format!("   {} of {} match", picker.matches.len(), picker.items.len())
    };
    let prompt = Line::from(vec![
        Span::styled("search: ", theme.key),
        Span::raw(picker.query.clone()),
        Span::styled("▏", theme.key),
        Span::styled(count, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(prompt), query);
    if picker.matches.is_empty() {
        frame.render_widget(Paragraph::new("nothing matches").style(theme.dim), list);
        return;
    }
    let (start, end) = window(picker.selected, picker.matches.len(), list.height as usize, 0);
    let room = usize::from(list.width).saturating_sub(1);
    let lines: Vec<Line> = (start..end)
        .map(|i| {
            let item = &picker.items[picker.matches[i]];
            let pad = label_width.saturating_sub(super::text::width(&item.label));
            let line = Line::from(vec![
                Span::raw(format!("{}{} ", item.label, " ".repeat(pad))),
                Span::styled(item.detail.clone(), theme.dim),
            ]);
            let line = Line::from(super::list::fit_line(&line, room));
            super::mark(line, i == picker.selected, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

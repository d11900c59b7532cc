//! The leave planner (one line per item falling due: when, whose, what, to whom, the note) and
//! the handback (what was done while away, to read and mark read).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list::{Column, ListRow, draw_list};
use super::text::wrap;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::handback::HandbackView;
use crate::app::plan::LeavePlan;

pub fn draw_plan(frame: &mut Frame, app: &App, theme: &Theme, plan: &LeavePlan, area: Rect) {
    let width = area.width.saturating_sub(2).min(130);
    let inner_width = usize::from(width.saturating_sub(2));
    let mut footer: Vec<Line> = vec![Line::raw(format!(
        "{} of {} planned; what is not planned stays on your list while you are away",
        plan.planned(),
        plan.lines.len()
    ))];
    if let Some(error) = &plan.error {
        footer.extend(wrap(error, inner_width).into_iter().map(|part| Line::styled(part, theme.warning)));
    }
    let hints = app.keymap.hint_line(&[
        (&[Action::Up, Action::Down], "item"),
        (&[Action::PrevChoice, Action::NextChoice], "hand to"),
        (&[Action::Erase], "erase note"),
        (&[Action::Save], "save the plan"),
        (&[Action::Cancel], "cancel"),
    ]);
    footer.push(Line::styled(format!("Type a note for the selected item · {hints}"), theme.dim));
    let height = plan.lines.len() as u16 + footer.len() as u16 + 4;
    let inner = super::overlays::popup(frame, theme, area, width, height, &plan.title);
    let [list, _gap, foot] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(1), Constraint::Length(footer.len() as u16)])
            .areas(inner);
    let narrow = inner_width < 100;
    let columns = [
        Column::new("Due", Constraint::Length(if narrow { 6 } else { 10 })),
        Column::new("Child", Constraint::Length(if narrow { 12 } else { 18 })),
        Column::new("What", Constraint::Fill(3)),
        Column::new("Hand to", Constraint::Length(if narrow { 16 } else { 20 })),
        Column::new("Note", Constraint::Fill(2)),
    ];
    let selected = plan.list.selected_line().copied();
    draw_list(frame, theme, list, &plan.list, &columns, |&i| {
        let line = &plan.lines[i];
        let due = if narrow { line.due.format("%-d %b") } else { line.due.format("%a %-d %b") };
        let to = plan.choices.get(line.choice).map_or("", |(_, words)| words.as_str());
        let here = selected == Some(i);
        let to = if here { format!("◀ {to} ▶") } else { to.to_string() };
        let note = if here { format!("{}▏", line.note) } else { line.note.clone() };
        let style = if line.choice == 0 { theme.dim } else { theme.base };
        ListRow::Cells(vec![
            Span::raw(due.to_string()),
            Span::raw(line.child.clone()),
            Span::raw(line.what.clone()),
            Span::styled(to, if here { theme.key } else { style }),
            Span::raw(note),
        ])
    });
    frame.render_widget(Paragraph::new(footer), foot);
}

pub fn draw_handback(frame: &mut Frame, app: &App, theme: &Theme, view: &HandbackView, area: Rect) {
    let width = area.width.saturating_sub(2).min(120);
    let inner_width = usize::from(width.saturating_sub(2));
    let lines: Vec<Line> = match &view.lines {
        Some(lines) => lines.iter().flat_map(|line| wrap(line, inner_width)).map(Line::raw).collect(),
        None => vec![Line::raw("reading…")],
    };
    let hint = if view.read {
        app.keymap.hint_line(&[(&[Action::Up, Action::Down], "scroll"), (&[Action::Cancel], "close")])
    } else {
        app.keymap.hint_line(&[
            (&[Action::Up, Action::Down], "scroll"),
            (&[Action::Accept], "mark read"),
            (&[Action::Cancel], "later"),
        ])
    };
    let height = lines.len() as u16 + 4;
    let title = if view.read { "Handback" } else { "While you were away" };
    let inner = super::overlays::popup(frame, theme, area, width, height, title);
    let [text, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let more = lines.len().saturating_sub(usize::from(text.height));
    let start = view.scroll.min(more);
    let below = if start < more { format!(" · {} more lines below", more - start) } else { String::new() };
    frame.render_widget(Paragraph::new(lines).scroll((start as u16, 0)), text);
    frame.render_widget(Paragraph::new(Line::styled(format!("{hint}{below}"), theme.dim)), foot);
}

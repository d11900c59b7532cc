//! The caseload pane: whose children, counts against the norm, and the table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::text::{days_left, milestone_label, short_date};
use super::theme::{Theme, status_tag};
use super::window;
use crate::app::App;
use crate::app::caseload::{Scope, SortKey};

/// The usual caseload of one officer (DOMAIN.md).
const NORM: (usize, usize) = (170, 230);

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let [header, filters, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let view = &app.caseload;
    let counts = &view.counts;
    let mut spans = vec![
        Span::styled(view.scope.label(&app.data), theme.heading),
        Span::raw(format!(" · {} {} · ", counts.children, if counts.children == 1 { "child" } else { "children" })),
        Span::styled(
            format!("{} overdue", counts.overdue),
            if counts.overdue > 0 { theme.overdue } else { theme.base },
        ),
        Span::raw(" · "),
        Span::styled(
            format!("{} due soon", counts.due_soon),
            if counts.due_soon > 0 { theme.due_soon } else { theme.base },
        ),
    ];
    if let Scope::Officer(_) = view.scope {
        let (low, high) = NORM;
        let note = if counts.children > high {
            format!(" · above norm {low}–{high}")
        } else if counts.children < low {
            format!(" · below norm {low}–{high}")
        } else {
            format!(" · norm {low}–{high}")
        };
        spans.push(Span::styled(note, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), header);

    let mut line = Vec::new();
    if app.searching || !view.search.is_empty() {
        line.push(Span::styled("search: ", theme.key));
        line.push(Span::raw(view.search.clone()));
        if app.searching {
            line.push(Span::styled("▏", theme.key));
        }
        line.push(Span::raw("  "));
    }
    if !view.filters.is_empty() {
        line.push(Span::styled("filters: ", theme.key));
        line.push(Span::raw(view.filters.describe()));
        line.push(Span::raw("  "));
    }
    if line.is_empty() {
        line.push(Span::styled(
            format!(
                "{} search · {} filter · {} sort · Enter timeline",
                app.keymap.hint(crate::app::action::Action::Search),
                app.keymap.hint(crate::app::action::Action::Filter),
                app.keymap.hint(crate::app::action::Action::SortNext),
            ),
            theme.dim,
        ));
    } else {
        line.push(Span::styled(format!("showing {}", view.visible.len()), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(line)), filters);
    draw_table(frame, app, theme, table_area);
}

fn draw_table(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let view = &app.caseload;
    let wide = area.width >= 110;
    let height = area.height.saturating_sub(1) as usize;
    app.page_height.set(height.max(1));
    if view.visible.is_empty() {
        let text = if view.counts.children == 0 {
            "No children in this caseload."
        } else {
            "No child matches the search and filters (x clears them)."
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    }
    let (start, end) = window(view.selected, view.visible.len(), height, app.caseload_offset.get());
    app.caseload_offset.set(start);

    let arrow = |key: SortKey| {
        if view.sort == key { if view.descending { " ▼" } else { " ▲" } } else { "" }
    };
    let mut titles =
        vec![String::new(), format!("Name{}", arrow(SortKey::Name)), format!("Age{}", arrow(SortKey::Age))];
    // The first column marks the selected row, so it shows without colour or reverse video.
    let mut widths = vec![Constraint::Length(1), Constraint::Min(14), Constraint::Length(7)];
    if wide {
        titles.push(format!("Setting{}", arrow(SortKey::Setting)));
        widths.push(Constraint::Fill(1));
    }
    titles.extend([
        format!("Stage{}", arrow(SortKey::Stage)),
        format!("Next{}", arrow(SortKey::Next)),
        format!("Due{}", arrow(SortKey::Due)),
        "Days".to_string(),
        format!("Status{}", arrow(SortKey::Status)),
    ]);
    widths.extend([
        Constraint::Length(10),
        Constraint::Length(15),
        Constraint::Length(9),
        Constraint::Length(5),
        Constraint::Length(10),
    ]);
    let header = Row::new(titles).style(theme.heading);

    let rows = view.visible[start..end].iter().enumerate().map(|(offset, &child)| {
        let record = &app.data.county.children[child];
        let row = &app.data.rows[child];
        let selected = start + offset == view.selected;
        let mut cells = vec![
            Cell::from(if selected { "›" } else { " " }),
            Cell::from(row.name.clone()),
            Cell::from(row.age_label.clone()),
        ];
        if wide {
            cells.push(Cell::from(row.setting.clone()));
        }
        cells.push(Cell::from(record.stage.as_str()));
        match &row.next {
            Some(next) => {
                cells.push(Cell::from(milestone_label(next.name)));
                cells.push(Cell::from(short_date(next.due)));
                cells.push(Cell::from(days_left(next.days_left)));
            }
            None => cells.extend([Cell::from("—"), Cell::from(""), Cell::from("")]),
        }
        cells.push(match row.status {
            Some(status) => Cell::from(status_tag(status)).style(theme.status(status)),
            None => Cell::from(""),
        });
        let style = if selected { theme.selected } else { theme.base };
        Row::new(cells).style(style)
    });
    let table = Table::new(rows, widths).header(header).column_spacing(1);
    frame.render_widget(&table, area);
}

//! Duty cover: who is away today, who covers them, and the urgent work on their caseloads.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{milestone_label, one_line, short_date};
use super::theme::{Theme, status_tag};
use super::window;
use crate::app::App;
use crate::app::queues::DutyLine;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let cursor = &app.duty;
    if cursor.lines.is_empty() {
        let text = format!("Nobody is recorded as away today ({}).", super::text::date(app.today()));
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    }
    let height = area.height as usize;
    app.page_height.set(height.max(1));
    let (start, end) = window(cursor.selected, cursor.lines.len(), height, 0);
    let data = &app.data;
    let lines: Vec<Line> = (start..end)
        .map(|i| {
            let line = match &cursor.lines[i] {
                DutyLine::Absent(a, urgent) => {
                    let absence = &data.county.absences[*a];
                    let cover = match &absence.cover_staff_id {
                        Some(id) => Span::raw(format!(" · cover: {}", data.staff_name(id))),
                        None => Span::styled(" · no cover: duty officer", theme.warning),
                    };
                    let urgent_style = if *urgent > 0 { theme.overdue } else { theme.base };
                    Line::from(vec![
                        Span::styled(
                            format!("{} ({})", data.staff_name(&absence.staff_id), absence.staff_id),
                            theme.heading,
                        ),
                        Span::styled(format!(" · {urgent} urgent"), urgent_style),
                        cover,
                        Span::styled(
                            format!(
                                " · away {} ({})",
                                date_range(absence.from, absence.to),
                                absence.kind.as_str().replace('_', "-")
                            ),
                            theme.dim,
                        ),
                    ])
                }
                DutyLine::Urgent(child, m) => {
                    let milestone = &data.milestones[*child][*m];
                    let mut spans = vec![
                        Span::styled(format!("  {:<11}", status_tag(milestone.status)), theme.status(milestone.status)),
                        Span::raw(format!("{:<15} ", milestone_label(milestone.name))),
                        Span::raw(format!("{:<10}", short_date(milestone.due))),
                        Span::raw(format!("{} ({})", data.rows[*child].name, data.county.children[*child].id)),
                    ];
                    if !milestone.detail.is_empty() {
                        spans.push(Span::styled(format!(" · {}", one_line(&milestone.detail)), theme.dim));
                    }
                    Line::from(spans)
                }
                DutyLine::Nothing => Line::styled("  nothing urgent on this caseload", theme.dim),
            };
            super::mark(line, i == cursor.selected, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// "23–25 Nov", "30 Nov–2 Dec", "20 Dec 2026–3 Jan 2027".
fn date_range(from: chrono::NaiveDate, to: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if from.year() != to.year() {
        format!("{}–{}", from.format("%-d %b %Y"), to.format("%-d %b %Y"))
    } else if from.month() != to.month() {
        format!("{}–{}", from.format("%-d %b"), to.format("%-d %b"))
    } else if from == to {
        from.format("%-d %b").to_string()
    } else {
        format!("{}–{}", from.format("%-d"), to.format("%-d %b"))
    }
}

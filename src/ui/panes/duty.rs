//! Duty cover: who is away today, who covers them, and the urgent work on their caseloads.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::panes::DutyCover;
use crate::app::panes::duty::DutyLine;
use crate::ui::list::{ListRow, draw_list};
use crate::ui::text::{milestone_label, one_line, short_date};
use crate::ui::theme::{Theme, status_tag};

pub fn draw(frame: &mut Frame, app: &App, pane: &DutyCover, theme: &Theme, area: Rect) {
    if pane.list.lines.is_empty() {
        let text = format!("Nobody is recorded as away today ({}).", crate::ui::text::date(app.today()));
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    }
    let data = &app.data;
    draw_list(frame, theme, area, &pane.list, &[], |line| {
        ListRow::Line(match line {
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
        })
    });
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

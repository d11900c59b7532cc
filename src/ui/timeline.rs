//! The timeline pane: the focused child's details, milestones and history, scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{date, milestone_label, one_line};
use super::theme::{Theme, status_tag};
use crate::app::App;
use crate::app::timeline::DocLine;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let view = &app.timeline;
    let Some(child) = view.child else {
        let text = "No child selected: choose one on the caseload (1) and press Enter.";
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    };
    let height = area.height as usize;
    app.page_height.set(height.max(1));
    let start = view.scroll.min(view.lines.len().saturating_sub(1));
    let milestones = &app.data.milestones[child];
    let lines: Vec<Line> = view.lines[start..]
        .iter()
        .take(height)
        .map(|line| match line {
            DocLine::Heading(text) => Line::styled(*text, theme.heading),
            DocLine::Field(label, value) => Line::from(vec![
                Span::styled(format!("{label:<12}"), theme.dim),
                Span::raw(value.clone()),
            ]),
            DocLine::Milestone(i) => {
                let m = &milestones[*i];
                let mut spans = vec![
                    Span::styled(
                        format!("{:<11}", status_tag(m.status)),
                        theme.status(m.status),
                    ),
                    Span::raw(format!("{:<16}", milestone_label(m.name))),
                    Span::raw(format!("{:<12}", date(m.due))),
                ];
                if m.advisory {
                    spans.push(Span::styled("advisory  ", theme.dim));
                }
                if let Some(done) = m.done {
                    spans.push(Span::styled(format!("done {}  ", date(done)), theme.done));
                }
                if !m.detail.is_empty() {
                    spans.push(Span::raw(one_line(&m.detail)));
                }
                Line::from(spans)
            }
            DocLine::Rule(i) => Line::styled(
                format!("           why: {}", milestones[*i].rule),
                theme.dim,
            ),
            DocLine::Event(i) => {
                let event = &view.events[*i];
                Line::from(vec![
                    Span::raw(format!("{:<12}", date(event.date))),
                    Span::styled(format!("{:<8}", event.kind.as_str()), theme.key),
                    Span::styled(
                        format!("{:<6}", event.staff_id.as_deref().unwrap_or("")),
                        theme.dim,
                    ),
                    Span::raw(one_line(&event.summary)),
                ])
            }
            DocLine::Empty(text) => Line::styled(*text, theme.dim),
            DocLine::Blank => Line::raw(""),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

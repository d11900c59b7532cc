//! The timeline pane: the focused child's details, milestones and history, scrollable.
//! Long rules and milestone details wrap, so nothing that explains a date is cut off.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{date, milestone_label, one_line, width as text_width, wrap};
use super::theme::{Theme, status_tag};
use crate::app::App;
use crate::app::timeline::{DocLine, days_late};

/// Where wrapped text continues: a rule under "why:", a milestone's detail under its name, an
/// event under its summary.
const RULE_INDENT: &str = "  why: ";
const MILESTONE_INDENT: usize = 11;
const EVENT_INDENT: usize = 26;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let view = &app.timeline;
    let Some(child) = view.child else {
        let text = "No child selected: choose one on the caseload (1) and press Enter.";
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    };
    let height = area.height as usize;
    let width = area.width as usize;
    app.page_height.set(height.max(1));
    let start = view.scroll.min(view.lines.len().saturating_sub(1));
    let milestones = &app.data.milestones[child];
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    // Lay out document lines from the scroll position until the pane is full.
    for line in &view.lines[start..] {
        if lines.len() >= height {
            break;
        }
        match line {
            DocLine::Heading(text) => lines.push(Line::styled(*text, theme.heading)),
            DocLine::Field(label, value) => {
                lines.push(Line::from(vec![Span::styled(format!("{label:<12}"), theme.dim), Span::raw(value.clone())]))
            }
            DocLine::Milestone(i) => {
                let m = &milestones[*i];
                let mut spans = vec![
                    Span::styled(format!("{:<11}", status_tag(m.status)), theme.status(m.status)),
                    Span::raw(format!("{:<16}", milestone_label(m.name))),
                    Span::raw(format!("{:<12}", date(m.due))),
                ];
                if m.advisory {
                    spans.push(Span::styled("advisory  ", theme.dim));
                }
                match (m.done, days_late(m)) {
                    (Some(done), Some(late)) => {
                        spans.push(Span::styled(format!("done {}, ", date(done)), theme.done));
                        spans.push(Span::styled(format!("{}  ", days_word(late, "late")), theme.due_soon));
                    }
                    (Some(done), None) => spans.push(Span::styled(format!("done {}  ", date(done)), theme.done)),
                    (None, _) => {}
                }
                let detail = one_line(&m.detail);
                let used: usize = spans.iter().map(Span::width).sum();
                if text_width(&detail) <= width.saturating_sub(used) {
                    spans.push(Span::raw(detail));
                    lines.push(Line::from(spans));
                } else {
                    // Which advice, which contact: too long for the line, so it goes under the name.
                    lines.push(Line::from(spans));
                    let room = width.saturating_sub(MILESTONE_INDENT).max(10);
                    for part in wrap(&detail, room) {
                        lines.push(Line::raw(format!("{:MILESTONE_INDENT$}{part}", "")));
                    }
                }
            }
            DocLine::Rule(i) => {
                let rule = &milestones[*i].rule;
                let room = width.saturating_sub(RULE_INDENT.len()).max(10);
                for (n, part) in wrap(rule, room).into_iter().enumerate() {
                    let lead = if n == 0 { RULE_INDENT } else { "       " };
                    lines.push(Line::styled(format!("{lead}{part}"), theme.dim));
                }
            }
            DocLine::Event(i) => {
                let event = &view.events[*i];
                let room = width.saturating_sub(EVENT_INDENT).max(10);
                let parts = wrap(&one_line(&event.summary), room);
                for (n, part) in parts.into_iter().enumerate() {
                    if n == 0 {
                        lines.push(Line::from(vec![
                            Span::raw(format!("{:<12}", date(event.date))),
                            Span::styled(format!("{:<8}", event.kind.as_str()), theme.key),
                            Span::styled(format!("{:<6}", event.staff_id.as_deref().unwrap_or("")), theme.dim),
                            Span::raw(part),
                        ]));
                    } else {
                        lines.push(Line::raw(format!("{:EVENT_INDENT$}{part}", "")));
                    }
                }
            }
            DocLine::Empty(text) => lines.push(Line::styled(*text, theme.dim)),
            DocLine::Blank => lines.push(Line::raw("")),
        }
    }
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), area);
}

/// "1 day late", "12 days late".
fn days_word(days: i64, after: &str) -> String {
    let unit = if days == 1 { "day" } else { "days" };
    format!("{days} {unit} {after}")
}

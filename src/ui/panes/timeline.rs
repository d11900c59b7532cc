//! The timeline pane: the focused child's details, milestones and history, scrollable.
//! Long rules, details and history entries wrap, so nothing that explains a date is cut off.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::history;
use crate::app::panes::TimelineView;
use crate::app::panes::timeline::{DocLine, lateness};
use crate::ui::text::{date, milestone_label, one_line, width as text_width, wrap};
use crate::ui::theme::{Theme, status_tag};

/// Where wrapped text continues: a rule under "why:", a milestone's detail under its name, a
/// history entry under its text.
const RULE_INDENT: &str = "  why: ";
const MILESTONE_INDENT: usize = 11;
const HISTORY_INDENT: usize = 30;

pub fn draw(frame: &mut Frame, app: &App, view: &TimelineView, theme: &Theme, area: Rect) {
    let Some(child) = view.child else {
        let text = "No child selected: choose one on the caseload (1) and press Enter.";
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    };
    let height = area.height as usize;
    let width = area.width as usize;
    let start = view.scroll.min(view.lines.len().saturating_sub(1));
    let milestones = &app.data.milestones[child];
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    // Lay out document lines from the scroll position until the pane is full, counting those
    // shown whole: a page down moves by that many, so a wrapped line is never skipped.
    let mut whole = 0;
    for line in &view.lines[start..] {
        if lines.len() >= height {
            break;
        }
        match line {
            DocLine::Heading(text) => lines.push(Line::styled(*text, theme.heading)),
            DocLine::Field(label, value) => {
                let room = width.saturating_sub(12).max(10);
                for (n, part) in wrap(value, room).into_iter().enumerate() {
                    let label = if n == 0 { *label } else { "" };
                    lines.push(Line::from(vec![Span::styled(format!("{label:<12}"), theme.dim), Span::raw(part)]));
                }
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
                match (m.done, lateness(m, &app.calendar)) {
                    (Some(done), Some(late)) => {
                        spans.push(Span::styled(format!("done {}, ", date(done)), theme.done));
                        let words = days_word(late.days, if late.working { "late, in working days" } else { "late" });
                        spans.push(Span::styled(format!("{words}  "), theme.due_soon));
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
            DocLine::History(item) => {
                // A record gone since the view was built (it is rebuilt on every reload) is skipped.
                let Some(entry) = history::entry(&app.data, &view.events, *item) else { continue };
                let room = width.saturating_sub(HISTORY_INDENT).max(10);
                // No-break spaces keep dates whole and tie each " · " to the word before it, so
                // a wrapped line ends with the separator rather than starting with it.
                let text = one_line(&entry.text).replace(" · ", "\u{a0}· ");
                for (n, part) in wrap(&text, room).into_iter().enumerate() {
                    let part = part.replace('\u{a0}', " ");
                    if n == 0 {
                        lines.push(Line::from(vec![
                            Span::raw(format!("{:<12}", date(entry.date))),
                            Span::styled(format!("{:<8}", entry.kind), theme.key),
                            Span::styled(format!("{:<10}", staff_label(app, entry.staff)), theme.dim),
                            Span::raw(part),
                        ]));
                    } else {
                        lines.push(Line::raw(format!("{:HISTORY_INDENT$}{part}", "")));
                    }
                }
            }
            DocLine::Empty(text) => lines.push(Line::styled(*text, theme.dim)),
            DocLine::Blank => lines.push(Line::raw("")),
        }
        if lines.len() <= height {
            whole += 1;
        }
    }
    view.drawn(whole.max(1));
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), area);
}

/// "1 day late", "12 days late".
fn days_word(days: i64, after: &str) -> String {
    let unit = if days == 1 { "day" } else { "days" };
    format!("{days} {unit} {after}")
}

/// Who recorded a history line, as "E Jenkins"; an id not on the staff list (an import's
/// "demo", a leaver) as it is.
fn staff_label(app: &App, staff: Option<&str>) -> String {
    match staff {
        Some(id) if app.data.county.staff.iter().any(|s| s.id == id) => {
            crate::ui::text::clip(&crate::ui::text::short_name(app.data.staff_name(id)), 9)
        }
        Some(id) => crate::ui::text::clip(id, 9),
        None => String::new(),
    }
}

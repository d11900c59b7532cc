//! The duty queue: each absent officer (when back, who is on duty, what is covered by name) and
//! their urgent work; what was handed to the person looking; work done today marked with who did it.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::action::Action;
use crate::app::panes::DutyCover;
use crate::app::panes::duty::DutyLine;
use crate::domain::ContactKind;
use crate::domain::duty::{DutyClass, DutyGroup, DutyItem, DutySection, DutyWhat};
use crate::ui::list::{ListRow, draw_list};
use crate::ui::text::{milestone_label, one_line, short_date};
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, pane: &DutyCover, theme: &Theme, area: Rect) {
    let [header, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let day = pane.shown_day.unwrap_or(app.today());
    let when = if day == app.today() { "today".to_string() } else { day.format("%a %-d %b %Y").to_string() };
    let title = format!("Duty queue for {when}");
    // As many of the keys as fit, the day's and answering first.
    let candidates: [(&[Action], &str); 8] = [
        (&[Action::PrevDay], "day before"),
        (&[Action::NextDay], "after"),
        (&[Action::Filter], pane.kind.label()),
        (&[Action::AnswerContact], "answer"),
        (&[Action::Absence], "absence"),
        (&[Action::Rota], "rota"),
        (&[Action::Cover], "cover"),
        (&[Action::PlanLeave], "plan leave"),
    ];
    let room = usize::from(header.width).saturating_sub(crate::ui::text::width(&title) + 3);
    let mut keys = String::new();
    for n in 1..=candidates.len() {
        let more = app.keymap.hint_line(&candidates[..n]);
        if crate::ui::text::width(&more) > room {
            break;
        }
        keys = more;
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, theme.heading),
            Span::styled(format!(" · {keys}"), theme.dim),
        ])),
        header,
    );
    if pane.list.lines.is_empty() {
        let whose = match &app.scope {
            crate::app::Scope::Team(team) => format!(" in {team}"),
            crate::app::Scope::Officer(id) => {
                app.data.county.staff.iter().find(|s| &s.id == id).map_or_else(String::new, |s| format!(" in {}", s.team))
            }
            _ => String::new(),
        };
        let other = if app.can_change_scope() && !whose.is_empty() {
            format!(" ({} shows another team)", app.keymap.hint(Action::Scope))
        } else {
            String::new()
        };
        let text = format!("Nobody{whose} is away {when}, and nothing was handed to you{other}.");
        frame.render_widget(Paragraph::new(text).style(theme.dim), list);
        return;
    }
    draw_list(frame, theme, list, &pane.list, &[], |line| {
        ListRow::Line(match line {
            DutyLine::Heading(s) => heading(app, &pane.sections[*s], theme),
            DutyLine::Item(s, i) => item_line(app, &pane.sections[*s].items[*i], day, theme),
            DutyLine::Nothing(s) => {
                let text = match pane.sections[*s].group {
                    DutyGroup::Absent { covered, .. } if covered > 0 => {
                        "  nothing urgent on the children no colleague covers"
                    }
                    _ => "  nothing urgent",
                };
                Line::styled(text, theme.dim)
            }
        })
    });
}

/// An absent officer (or who handed work over): when they are back, who is on duty, what is
/// covered by name.
fn heading<'a>(app: &App, section: &DutySection, theme: &Theme) -> Line<'a> {
    let data = &app.data;
    let open = section.items.iter().filter(|i| i.done.is_none()).count();
    let urgent_style = if open > 0 { theme.overdue } else { theme.base };
    match &section.group {
        DutyGroup::Absent { absence, duty, covered } => {
            let absence = &data.county.absences[*absence];
            let mut spans = vec![
                Span::styled(format!("{} ({})", data.staff_name(&absence.staff_id), absence.staff_id), theme.heading),
                Span::raw(format!(" · {} {}", absence.kind.label(), absence.until())),
                Span::styled(format!(" · {open} to do"), urgent_style),
            ];
            spans.push(match duty {
                Some(id) => Span::raw(format!(" · duty: {}", data.staff_name(id))),
                None => Span::styled(" · no duty officer: set the rota (R)", theme.warning),
            });
            if *covered > 0 {
                spans.push(Span::styled(format!(" · {covered} covered by name"), theme.dim));
            }
            Line::from(spans)
        }
        DutyGroup::HandedOver { absence } => {
            let absence = &data.county.absences[*absence];
            Line::from(vec![
                Span::styled(format!("Handed to you by {}", data.staff_name(&absence.staff_id)), theme.heading),
                Span::raw(format!(" · {} {}", absence.kind.label(), absence.until())),
                Span::styled(format!(" · {open} to do"), urgent_style),
            ])
        }
    }
}

/// One piece of work: its standing, what, when due, whose child, and (done today) who did it.
fn item_line<'a>(app: &App, item: &DutyItem, day: NaiveDate, theme: &Theme) -> Line<'a> {
    let data = &app.data;
    let county = &data.county;
    let (tag, style) = match (item.class, &item.done) {
        (_, Some(_)) => ("✓ done", theme.done),
        (DutyClass::Contact, None) if item.due < day => ("‼ overdue", theme.overdue),
        (DutyClass::Contact, None) => ("☎ to answer", theme.due_soon),
        (DutyClass::DueToday, None) => ("! today", theme.due_soon),
        (DutyClass::Overdue, None) => ("‼ overdue", theme.overdue),
        (DutyClass::DueSoon, None) => ("· soon", theme.upcoming),
    };
    let (what, detail) = match &item.what {
        DutyWhat::Contact(id) => match county.contacts.iter().find(|c| c.id == *id) {
            Some(c) => {
                let label = match c.kind {
                    ContactKind::PhoneMessage => "call back",
                    ContactKind::EmailReceived => "email reply",
                };
                (label.to_string(), one_line(&c.summary))
            }
            None => ("contact".to_string(), String::new()),
        },
        DutyWhat::Milestone(name, detail) => (milestone_label(*name).to_string(), one_line(detail)),
        DutyWhat::Handover(id) => match county.handovers.iter().find(|h| h.id == *id) {
            Some(h) => (h.what.clone(), one_line(&h.note)),
            None => ("hand-over".to_string(), String::new()),
        },
    };
    let child = &county.children[item.child];
    let mut spans = vec![
        Span::styled(format!("  {tag:<12}"), style),
        Span::raw(format!("{:<15} ", crate::ui::text::clip(&what, 15))),
        Span::raw(format!("{:<10}", short_date(item.due))),
        Span::raw(format!("{} ({})", data.rows[item.child].name, child.id)),
    ];
    if let Some(Some(by)) = &item.done {
        let on_cover = if child.officer.as_deref() == Some(by.as_str()) { "" } else { " on cover" };
        spans.push(Span::styled(format!(" · by {}{on_cover}", data.staff_name(by)), theme.done));
    }
    if !detail.is_empty() {
        spans.push(Span::styled(format!(" · {detail}"), theme.dim));
    }
    Line::from(spans)
}

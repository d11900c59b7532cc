//! A day's phone surgery: who is on, the call-backs booked, and the times still free.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::action::Action;
use crate::app::panes::SurgeryDay;
use crate::app::panes::surgery::SurgeryLine;
use crate::ui::list::{ListRow, draw_list};
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, pane: &SurgeryDay, theme: &Theme, area: Rect) {
    let [header, area] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let day = pane.shown_day.unwrap_or(app.today());
    let when = if day == app.today() { "today".to_string() } else { day.format("%a %-d %b %Y").to_string() };
    let title = format!("Phone surgery {when}");
    let keys = app.keymap.hint_line(&[
        (&[Action::PrevDay], "day before"),
        (&[Action::NextDay], "after"),
        (&[Action::EditDetails], "surgery times"),
        (&[Action::Book], "book"),
    ]);
    let line = Line::from(vec![Span::styled(title, theme.heading), Span::styled(format!(" · {keys}"), theme.dim)]);
    let fitted = crate::ui::list::fit_line(&line, usize::from(header.width));
    frame.render_widget(Paragraph::new(Line::from(fitted)), header);
    if pane.list.lines.is_empty() {
        let text = format!(
            "No phone surgery on {}. e sets weekly surgeries; b books a call-back for the selected child.",
            crate::ui::text::date(day)
        );
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    }
    let data = &app.data;
    draw_list(frame, theme, area, &pane.list, &[], |line| {
        ListRow::Line(match line {
                SurgeryLine::Officer(staff, booked, free) => {
                    let s = &data.county.staff[*staff];
                    let mut spans = vec![
                        Span::styled(format!("{} ({})", s.name, s.id), theme.heading),
                        Span::raw(format!(" · {booked} booked · {free} free")),
                    ];
                    // Call-backs booked with someone who is away need someone else to ring: who,
                    // the line under the bookings says.
                    if data.county.absences.iter().any(|a| a.staff_id == s.id && a.covers(day)) {
                        spans.push(Span::styled(" · ‼ away", theme.warning));
                    }
                    Line::from(spans)
                }
                SurgeryLine::Booking(b) => {
                    let booking = &data.county.bookings[*b];
                    let who = booking.child_id.as_ref().and_then(|id| data.child_index.get(id)).map_or_else(
                        || "no child named".to_string(),
                        |&c| format!("{} ({})", data.rows[c].name, data.county.children[c].id),
                    );
                    let mut spans = vec![
                        Span::styled(format!("  {}  ", booking.start.format("%H:%M")), theme.key),
                        Span::raw(format!("{who} · {} · ", booking.caller_number)),
                        Span::styled(booking.query.replace('\n', " "), theme.dim),
                    ];
                    if let Some(made) = booking.made {
                        spans.insert(1, Span::styled(format!("✓ made {} · ", made.format("%-d %b")), theme.done));
                    }
                    Line::from(spans)
                }
                SurgeryLine::Away(cover) => {
                    Line::styled(format!("  away, no free times: {cover} to ring these"), theme.warning)
                }
            SurgeryLine::Free(times) => Line::styled(format!("  free: {times}"), theme.dim),
        })
    });
}

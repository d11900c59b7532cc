//! A balancing proposal: one line per suggested move, taken ([x]) or left ([ ]), each saying both
//! officers' scores before and after; under it, where the moves taken leave everyone.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list::{ListRow, draw_list};
use super::text::{short_name, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::review::Review;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, review: &Review, area: Rect) {
    let data = &app.data;
    let name = |id: &str| data.staff_name(id).to_string();
    let width = area.width.saturating_sub(2).min(110);
    let inner_width = usize::from(width.saturating_sub(2));
    let mut footer: Vec<Line> = Vec::new();
    let outcome = review.outcome();
    let [low, high] = app.config.workload.norm.map(f64::from);
    let after: Vec<String> = outcome
        .iter()
        .map(|(id, before, after)| {
            let word = if *after > high {
                " (above)"
            } else if *after < low {
                " (below)"
            } else {
                ""
            };
            format!("{} {before:.1} → {after:.1}{word}", name(id))
        })
        .collect();
    let summary = format!(
        "{} of {} moves taken, norm {}–{}: {}",
        review.taken_count(),
        review.moves.len(),
        low,
        high,
        if after.is_empty() { "nobody moves".to_string() } else { after.join(" · ") }
    );
    for part in wrap(&summary, inner_width) {
        footer.push(Line::raw(part));
    }
    if let Some(error) = &review.error {
        for part in wrap(error, inner_width) {
            footer.push(Line::styled(part, theme.warning));
        }
    }
    let hints = app.keymap.hint_line(&[
        (&[Action::Up, Action::Down], "move"),
        (&[Action::Mark], "take or leave"),
        (&[Action::Accept], "make the moves taken"),
        (&[Action::Cancel], "cancel"),
    ]);
    footer.push(Line::styled(hints, theme.dim));
    let rows = review.moves.len() as u16;
    let height = rows + footer.len() as u16 + 3;
    let title = format!("Balance {} · reason: {}", review.team, crate::app::review::BALANCE_REASON);
    let inner = super::overlays::popup(frame, theme, area, width, height, &title);
    let [list, _gap, foot] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1), Constraint::Length(footer.len() as u16)])
            .areas(inner);
    let lines = review.lines();
    // Narrow, the officers go by initial and surname and the child without their id, so that both
    // sides' numbers stay in view.
    let narrow = inner_width < 100;
    let officer = |id: &str| if narrow { short_name(data.staff_name(id)) } else { name(id) };
    let arrow = if narrow { "→" } else { " → " };
    draw_list(frame, theme, list, &review.list, &[], |&i| {
        let m = &review.moves[i];
        let line = &lines[i];
        let child = &data.county.children[m.child];
        let style = if review.taken[i] { theme.base } else { theme.dim };
        let who = if narrow {
            format!("{} ({} {:.1}): ", data.rows[m.child].name, child.stage, m.weight)
        } else {
            format!("{} ({}, {}, {:.1}): ", data.rows[m.child].name, child.id, child.stage, m.weight)
        };
        ListRow::Line(Line::from(vec![
            Span::styled(if review.taken[i] { "[x] " } else { "[ ] " }, theme.key),
            Span::styled(who, style),
            Span::styled(
                format!(
                    "{} {:.1}{arrow}{:.1}; {} {:.1}{arrow}{:.1}",
                    officer(&m.from),
                    line.from.0,
                    line.from.1,
                    officer(&m.to),
                    line.to.0,
                    line.to.1
                ),
                style,
            ),
        ]))
    });
    frame.render_widget(Paragraph::new(footer), foot);
}

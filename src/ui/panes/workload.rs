//! The workload pane: one line per officer, the score beside a bar on a shared scale with the
//! norm marked, so that imbalance shows at a glance (and in words, without colour).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::action::Action;
use crate::app::panes::WorkloadView;
use crate::domain::workload::Load;
use crate::ui::list::{Column, ListRow, draw_list};
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, view: &WorkloadView, theme: &Theme, area: Rect) {
    let [hints, table] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let keys = app.keymap.hint_line(&[
        (&[Action::Open], "caseload"),
        (&[Action::SortNext], "sort"),
        (&[Action::Scope], "team"),
        (&[Action::Balance], "balance the team"),
    ]);
    frame.render_widget(Paragraph::new(Span::styled(keys, theme.dim)), hints);
    if view.list.lines.is_empty() {
        let text = "No officer holds children in this view (officers are staff with the role \"officer\").";
        frame.render_widget(Paragraph::new(text).style(theme.dim), table);
        return;
    }
    let wide = table.width >= 110;
    let first_team = view.list.lines.first().map(|&i| &view.loads[i].team);
    let one_team = view.list.lines.iter().all(|&i| Some(&view.loads[i].team) == first_team);
    let mut columns = vec![Column::new("Officer", Constraint::Length(if wide { 22 } else { 14 }))];
    if !one_team {
        columns.push(Column::new("Team", Constraint::Length(if wide { 14 } else { 10 })));
    }
    columns.push(Column::new("Held", Constraint::Length(4)));
    if wide {
        for title in ["Req", "Ass", "Drf", "Plan"] {
            columns.push(Column::new(title, Constraint::Length(4)));
        }
    }
    for title in ["Late", "Soon", "Msgs", "Cov"] {
        columns.push(Column::new(title, Constraint::Length(4)));
    }
    columns.push(Column::new("Away to", Constraint::Length(7)));
    columns.push(Column::new("Score", Constraint::Length(11)));
    columns.push(Column::new("", Constraint::Fill(1)));
    // Every bar on one scale, with room past the norm's top.
    let [low, high] = view.norm.map(f64::from);
    let top = view.loads.iter().map(|l| l.score).fold(high * 1.25, f64::max);
    let fixed: u16 = columns.iter().map(|c| if let Constraint::Length(n) = c.width { n + 1 } else { 1 }).sum();
    let bar_width = usize::from(table.width.saturating_sub(fixed + 1));
    draw_list(frame, theme, table, &view.list, &columns, |&i| {
        let load = &view.loads[i];
        let number = |n: usize, style| Span::styled(n.to_string(), if n > 0 { style } else { theme.dim });
        let mut cells = vec![Span::raw(load.name.clone())];
        if !one_team {
            cells.push(Span::raw(load.team.clone()));
        }
        cells.push(Span::raw(load.children.to_string()));
        if wide {
            for n in [load.requests, load.assessments, load.drafts, load.plans] {
                cells.push(number(n, theme.base));
            }
        }
        cells.push(number(load.overdue, theme.overdue));
        cells.push(number(load.due_soon, theme.due_soon));
        cells.push(number(load.open_contacts, theme.base));
        cells.push(number(load.covering, theme.base));
        cells.push(match (load.away, load.away_until) {
            (true, Some(to)) => Span::styled(to.format("%-d %b").to_string(), theme.warning),
            (true, None) => Span::styled("?", theme.warning),
            (false, _) => Span::raw(""),
        });
        let (word, style) = if load.score > high {
            ("above", theme.overdue)
        } else if load.score < low {
            ("below", theme.due_soon)
        } else {
            ("", theme.done)
        };
        cells.push(Span::styled(format!("{:>5.1} {word}", load.score), style));
        cells.push(Span::styled(bar(load, low, high, top, bar_width), style));
        ListRow::Cells(cells)
    });
}

/// The score as a bar `width` wide on a scale from 0 to `top`: filled up to the score, the norm's
/// range dotted where the bar does not reach, its ends marked.
fn bar(load: &Load, low: f64, high: f64, top: f64, width: usize) -> String {
    if width < 4 || top <= 0.0 {
        return String::new();
    }
    let cell = |value: f64| ((value / top) * width as f64).round() as usize;
    let (filled, low_at, high_at) = (cell(load.score), cell(low), cell(high).min(width - 1));
    (0..width)
        .map(|x| {
            if x < filled {
                '█'
            } else if x == low_at || x == high_at {
                '│'
            } else if x > low_at && x < high_at {
                '·'
            } else {
                ' '
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(score: f64) -> Load {
        Load {
            staff_id: "S1".into(),
            name: "A".into(),
            team: "T".into(),
            requests: 0,
            assessments: 0,
            drafts: 0,
            plans: 0,
            children: 0,
            overdue: 0,
            due_soon: 0,
            open_contacts: 0,
            transfers: 0,
            covering: 0,
            away: false,
            away_until: None,
            score,
        }
    }

    #[test]
    fn a_bar_fills_to_the_score_and_marks_the_norm() {
        // 0..100 over 10 cells: the norm 50–80 marked at cells 5 and 8.
        assert_eq!(bar(&load(30.0), 50.0, 80.0, 100.0, 10), "███  │··│ ");
        assert_eq!(bar(&load(90.0), 50.0, 80.0, 100.0, 10), "█████████ ");
        assert_eq!(bar(&load(90.0), 50.0, 80.0, 100.0, 3), "");
    }
}

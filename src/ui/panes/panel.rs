//! The panel queue: cases awaiting a panel or recently decided, grouped by panel date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::panes::PanelQueue;
use crate::app::panes::panel::PanelLine;
use crate::domain::{PanelOutcome, PanelQuestion, PanelSubmission};
use crate::ui::list::{ListRow, draw_list};
use crate::ui::text::{clip, date, short_date};
use crate::ui::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, pane: &PanelQueue, theme: &Theme, area: Rect) {
    if pane.list.lines.is_empty() {
        let text = "No case is awaiting a panel or was decided in the last four weeks.";
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    }
    let today = app.today();
    draw_list(frame, theme, area, &pane.list, &[], |line| {
        ListRow::Line(match line {
                PanelLine::Date(day, count) => {
                    let when = if *day > today {
                        "upcoming"
                    } else if *day == today {
                        "today"
                    } else {
                        "held"
                    };
                    let plural = if *count == 1 { "" } else { "s" };
                    Line::styled(format!("{} · {when} · {count} case{plural}", date(*day)), theme.heading)
                }
            PanelLine::Case(p) => case_line(app, theme, &app.data.county.panels[*p]),
        })
    });
}

fn case_line<'a>(app: &App, theme: &Theme, p: &PanelSubmission) -> Line<'a> {
    let name =
        app.data.child_index.get(&p.child_id).map_or_else(|| p.child_id.clone(), |&c| app.data.rows[c].name.clone());
    let question = match p.question {
        PanelQuestion::Assess => "assess?",
        PanelQuestion::IssuePlan => "issue a plan?",
        PanelQuestion::Amend => "amend?",
        PanelQuestion::Placement => "placement?",
        PanelQuestion::Band => "band?",
    };
    let (outcome, style) = match p.outcome {
        None => ("awaiting", theme.due_soon),
        Some(PanelOutcome::Agreed) => ("agreed", theme.done),
        Some(PanelOutcome::Declined) => ("declined", theme.base),
        Some(PanelOutcome::Deferred) => ("deferred", theme.overdue),
    };
    // Whether the family has been told comes before the detail, so narrow screens keep it.
    let sent = match (p.outcome, p.decision_sent) {
        (None, _) => Span::raw(""),
        (Some(_), Some(day)) => Span::styled(format!(" · sent {} by {}", short_date(day), p.sent_how), theme.dim),
        (Some(_), None) => Span::styled(" · ‼ not yet sent to family", theme.overdue),
    };
    let mut spans = vec![
        Span::raw(format!("  {:<24} ", clip(&format!("{name} ({})", p.child_id), 24))),
        Span::raw(format!("{question:<14}")),
        Span::styled(outcome, style),
        sent,
    ];
    if p.outcome == Some(PanelOutcome::Deferred) && !p.info_needed.is_empty() {
        spans.push(Span::raw(format!(" · needs {}", p.info_needed)));
    }
    Line::from(spans)
}

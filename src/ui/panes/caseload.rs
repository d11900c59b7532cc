//! The caseload pane: whose children, counts against the norm, and the table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::action::Action;
use crate::app::panes::CaseloadView;
use crate::app::panes::caseload::{Scope, SortKey};
use crate::ui::list::{Column, ListRow, draw_list};
use crate::ui::text::{days_left, milestone_label, short_date, short_name};
use crate::ui::theme::{Theme, status_tag};

pub fn draw(frame: &mut Frame, app: &App, view: &CaseloadView, theme: &Theme, area: Rect) {
    let [header, filters, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let counts = &view.counts;
    let mut spans = vec![
        Span::styled(app.scope.label(&app.data), theme.heading),
        Span::raw(format!(" · {} {} · ", counts.children, if counts.children == 1 { "child" } else { "children" })),
        Span::styled(
            format!("{} overdue", counts.overdue),
            if counts.overdue > 0 { theme.overdue } else { theme.base },
        ),
        Span::raw(" · "),
        Span::styled(
            format!("{} due soon", counts.due_soon),
            if counts.due_soon > 0 { theme.due_soon } else { theme.base },
        ),
    ];
    if let Scope::Officer(id) = &app.scope
        && let Some(away) = app.data.county.away(id, app.today())
    {
        spans.push(Span::styled(format!(" · {} {}", away.kind.label(), away.until()), theme.warning));
    }
    for (officer, n, to) in &view.covering {
        spans.push(Span::styled(
            format!(" · ↻ {n} cover for {} until {}", app.data.staff_name(officer), to.format("%a %-d %b")),
            theme.key,
        ));
    }
    if let Some(score) = view.officer_score {
        // The norm is for the workload score, as on the workload pane.
        let [low, high] = app.config.workload.norm;
        let side = if score > f64::from(high) {
            "above"
        } else if score < f64::from(low) {
            "below"
        } else {
            "inside"
        };
        spans.push(Span::styled(format!(" · score {score:.1}, {side} {low}–{high}"), theme.dim));
    }
    if !view.marked.is_empty() {
        spans.push(Span::styled(format!(" · {} marked", view.marked.len()), theme.key));
    }
    // Cut with "…" when it does not all fit.
    let fitted = crate::ui::list::fit_line(&Line::from(spans), usize::from(header.width));
    frame.render_widget(Paragraph::new(Line::from(fitted)), header);

    let mut line = Vec::new();
    if view.searching || !view.search.is_empty() {
        line.push(Span::styled("search: ", theme.key));
        line.push(Span::raw(view.search.clone()));
        if view.searching {
            line.push(Span::styled("▏", theme.key));
        }
        line.push(Span::raw("  "));
    }
    if !view.filters.is_empty() {
        line.push(Span::styled("filters: ", theme.key));
        line.push(Span::raw(view.filters.describe()));
        line.push(Span::raw("  "));
    }
    if line.is_empty() {
        // How to move about, then how to record work: as many as fit.
        let candidates: [(&[Action], &str); 9] = [
            (&[Action::Search], "search"),
            (&[Action::Filter], "filter"),
            (&[Action::SortNext], "sort"),
            (&[Action::Open], "timeline"),
            (&[Action::RecordContact], "contact"),
            (&[Action::RecordStep], "step"),
            (&[Action::Panel], "panel"),
            (&[Action::Book], "book"),
            (&[Action::Help], "all keys"),
        ];
        let room = usize::from(filters.width);
        let mut hints = String::new();
        for n in 1..=candidates.len() {
            let more = app.keymap.hint_line(&candidates[..n]);
            if crate::ui::text::width(&more) > room {
                break;
            }
            hints = more;
        }
        line.push(Span::styled(hints, theme.dim));
    } else {
        line.push(Span::styled(format!("showing {}", view.visible().len()), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(line)), filters);
    draw_table(frame, app, view, theme, table_area);
}

fn draw_table(frame: &mut Frame, app: &App, view: &CaseloadView, theme: &Theme, area: Rect) {
    let wide = area.width >= 110;
    if view.visible().is_empty() {
        let text = if view.counts.children == 0 {
            "No children in this caseload."
        } else if view.filters.is_empty() {
            "No child here matches the search (Enter says if one matches elsewhere; Esc clears it)."
        } else {
            "No child matches the search and filters (x clears them)."
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    }
    let arrow = |key: SortKey| {
        if view.sort == key { if view.descending { " ▼" } else { " ▲" } } else { "" }
    };
    // Beyond one officer's caseload, who holds each child: beside the age when there is room,
    // in its place when there is not.
    let officers = !matches!(app.scope, Scope::Officer(_) | Scope::Unallocated);
    // Narrower than 80 columns, age and stage give way so that the next milestone, its full
    // date and the days left are never cut; narrower still, the status is its symbol alone.
    let narrow = area.width < 78;
    let tiny = area.width < 64;
    // Wide, names take what most need and the setting the rest.
    let name_width = if wide { Constraint::Length(20) } else { Constraint::Min(12) };
    let mut columns = vec![Column::new(format!("Name{}", arrow(SortKey::Name)), name_width)];
    if (wide || !officers) && !narrow {
        columns.push(Column::new(format!("Age{}", arrow(SortKey::Age)), Constraint::Length(7)));
    }
    if officers {
        columns.push(Column::new("Officer", Constraint::Length(if wide { 16 } else { 10 })));
    }
    if wide {
        columns.push(Column::new(format!("Setting{}", arrow(SortKey::Setting)), Constraint::Fill(1)));
    }
    if !narrow {
        columns.push(Column::new(format!("Stage{}", arrow(SortKey::Stage)), Constraint::Length(10)));
    }
    columns.extend([
        Column::new(format!("Next{}", arrow(SortKey::Next)), Constraint::Length(15)),
        Column::new(format!("Due{}", arrow(SortKey::Due)), Constraint::Length(9)),
        Column::new("Days", Constraint::Length(5)),
    ]);
    if tiny {
        columns.push(Column::new("", Constraint::Length(1)));
    } else {
        columns.push(Column::new(format!("Status{}", arrow(SortKey::Status)), Constraint::Length(10)));
    }
    draw_list(frame, theme, area, &view.list, &columns, |&child| {
        let record = &app.data.county.children[child];
        let row = &app.data.rows[child];
        // Marked to move (✓); covered for an absent colleague (↻).
        let covering = matches!(&app.scope, Scope::Officer(id) if app.data.cover_of(child).is_some_and(|c| &c.cover_id == id));
        let name = if view.marked.contains(&record.id) {
            Span::styled(format!("✓ {}", row.name), theme.key)
        } else if covering {
            Span::styled(format!("↻ {}", row.name), theme.key)
        } else {
            Span::raw(row.name.as_str())
        };
        let mut cells = vec![name];
        if (wide || !officers) && !narrow {
            cells.push(Span::raw(row.age_label.as_str()));
        }
        if officers {
            cells.push(match record.officer.as_deref() {
                Some(id) if wide => Span::raw(app.data.staff_name(id)),
                Some(id) => Span::raw(short_name(app.data.staff_name(id))),
                None => Span::styled("none", theme.warning),
            });
        }
        if wide {
            cells.push(Span::raw(row.setting.as_str()));
        }
        if !narrow {
            cells.push(Span::raw(record.stage.as_str()));
        }
        match &row.next {
            Some(next) => cells.extend([
                Span::raw(milestone_label(next.name)),
                Span::raw(short_date(next.due)),
                Span::raw(days_left(next.days_left)),
            ]),
            None => cells.extend([Span::raw("—"), Span::raw(""), Span::raw("")]),
        }
        cells.push(match row.status {
            // The symbol alone (‼ ! · ✓) when there is no room for the word.
            Some(status) if tiny => Span::styled(status_tag(status).chars().next().unwrap_or(' ').to_string(), theme.status(status)),
            Some(status) => Span::styled(status_tag(status), theme.status(status)),
            None => Span::raw(""),
        });
        ListRow::Cells(cells)
    });
}

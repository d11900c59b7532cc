//! The timeline pane: the focused child's details, milestones and history, scrollable.
//! Long rules, details and history entries wrap, so nothing that explains a date is cut off.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::history::HistoryItem;
use crate::app::panes::TimelineView;
use crate::app::panes::timeline::{DocLine, days_late};
use crate::ui::text::{date, milestone_label, one_line, width as text_width, wrap};
use crate::ui::theme::{Theme, status_tag};
use crate::domain::casework::detail_label;
use crate::domain::{
    Booking, Contact, ContactKind, Dispute, DisputeKind, OrderKind, PanelOutcome, PanelQuestion, PanelSubmission, Step,
    StepKind,
};

/// Where wrapped text continues: a rule under "why:", a milestone's detail under its name, a
/// history entry under its text.
const RULE_INDENT: &str = "  why: ";
const MILESTONE_INDENT: usize = 11;
const HISTORY_INDENT: usize = 26;

pub fn draw(frame: &mut Frame, app: &App, view: &TimelineView, theme: &Theme, area: Rect) {
    let Some(child) = view.child else {
        let text = "No child selected: choose one on the caseload (1) and press Enter.";
        frame.render_widget(Paragraph::new(text).style(theme.dim), area);
        return;
    };
    let height = area.height as usize;
    let width = area.width as usize;
    view.drawn(height);
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
                lines.push(Line::from(vec![Span::styled(format!("{label:<12}"), theme.dim), Span::raw(value.clone())]));
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
            DocLine::History(item) => {
                // A record gone since the view was built (it is rebuilt on every reload) is skipped.
                let Some(entry) = history_entry(app, *item) else { continue };
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
                            Span::styled(format!("{:<6}", entry.staff.unwrap_or("")), theme.dim),
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
    }
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), area);
}

/// One history entry as the pane shows it.
struct Entry<'a> {
    date: NaiveDate,
    /// A short word for the kind of record (fits an 8-cell column).
    kind: &'static str,
    /// Who recorded it, where the record says.
    staff: Option<&'a str>,
    text: String,
}

fn history_entry(app: &App, item: HistoryItem) -> Option<Entry<'_>> {
    let county = &app.data.county;
    Some(match item {
        HistoryItem::Event(i) => {
            let event = app.panes.timeline.events.get(i)?;
            Entry {
                date: event.date,
                kind: event.kind.as_str(),
                staff: event.staff_id.as_deref(),
                text: event.summary.clone(),
            }
        }
        HistoryItem::Step(i) => {
            let step = county.steps.get(i)?;
            Entry { date: step.date, kind: "step", staff: step.recorded_by.as_deref(), text: step_text(step) }
        }
        HistoryItem::Contact(i) => {
            let contact = county.contacts.get(i)?;
            Entry {
                date: contact.received,
                kind: "contact",
                staff: contact.staff_id.as_deref(),
                text: contact_text(contact),
            }
        }
        HistoryItem::Panel(i) => {
            let panel = county.panels.get(i)?;
            let text = panel_text(panel, app.today());
            Entry { date: panel.panel_date, kind: "panel", staff: panel.submitted_by.as_deref(), text }
        }
        HistoryItem::Dispute(i) => {
            let dispute = county.disputes.get(i)?;
            Entry { date: dispute.registered, kind: "dispute", staff: None, text: dispute_text(dispute) }
        }
        HistoryItem::Booking(i) => {
            let booking = county.bookings.get(i)?;
            let text = booking_text(booking, app.data.staff_name(&booking.officer_id));
            Entry { date: booking.date, kind: "surgery", staff: booking.booked_by.as_deref(), text }
        }
    })
}

/// A date inside a history line, kept on one line when the text wraps.
fn when(day: NaiveDate) -> String {
    date(day).replace(' ', "\u{a0}")
}

/// "1 day late", "12 days late".
fn days_word(days: i64, after: &str) -> String {
    let unit = if days == 1 { "day" } else { "days" };
    format!("{days} {unit} {after}")
}

/// Pieces of a history line, joined with " · ".
fn joined(parts: Vec<String>) -> String {
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" · ")
}

/// e.g. "assessment agreed", "advice requested · health", "ceased · SEN2 5 · transferred to
/// another LA in England".
fn step_text(step: &Step) -> String {
    use StepKind::*;
    let detail = step.detail.trim();
    let decision = |agreed: &str, declined: &str| match detail {
        "agreed" => agreed.to_string(),
        "declined" => declined.to_string(),
        other => joined(vec![agreed.to_string(), other.to_string()]),
    };
    let what = match step.kind {
        AssessDecision => decision("assessment agreed", "decided not to assess"),
        IssueDecision => decision("decided to issue a plan", "decided not to issue a plan"),
        AdviceRequested => joined(vec!["advice requested".into(), detail_label(step.kind, detail)]),
        AdviceReceived => joined(vec!["advice received".into(), detail_label(step.kind, detail)]),
        ReviewDecision => joined(vec!["review decision".into(), detail_label(step.kind, detail)]),
        Ceased if detail.is_empty() => "ceased".into(),
        Ceased => format!("ceased · SEN2 {}", detail_label(step.kind, detail)),
        Exception if detail.is_empty() => "20-week exception".into(),
        Exception => format!("20-week exception · Reg 10(4) {}", detail_label(step.kind, detail)),
        DraftSent => joined(vec!["draft plan sent".into(), detail.into()]),
        FinalIssued => joined(vec!["final plan issued".into(), detail.into()]),
        ReviewMeeting => joined(vec!["review meeting".into(), detail.into()]),
        ReviewReport => joined(vec!["review report received".into(), detail.into()]),
        AmendmentsProposed => joined(vec!["amendments proposed".into(), detail.into()]),
        AmendedIssued => joined(vec!["amended plan issued".into(), detail.into()]),
    };
    match step.until {
        Some(until) => format!("{what} · until {}", when(until)),
        None => what,
    }
}

/// e.g. "phone message · Mum asked about transport · answered 25 Nov 2026".
fn contact_text(contact: &Contact) -> String {
    let kind = match contact.kind {
        ContactKind::PhoneMessage => "phone message",
        ContactKind::EmailReceived => "email received",
    };
    let mut parts = vec![kind.to_string(), contact.summary.trim().to_string()];
    if let Some(promised) = contact.promised {
        parts.push(format!("family told to expect an answer by {}", when(promised)));
    }
    match contact.answered {
        Some(answered) => parts.push(format!("answered {}", when(answered))),
        None if contact.promised.is_none() => parts.push("not answered yet".into()),
        None => {}
    }
    joined(parts)
}

/// e.g. "band · deferred · needs: updated EP advice · decision sent 21 Nov 2026 by email".
fn panel_text(panel: &PanelSubmission, today: NaiveDate) -> String {
    let question = match panel.question {
        PanelQuestion::Assess => "whether to assess",
        PanelQuestion::IssuePlan => "whether to issue a plan",
        PanelQuestion::Amend => "amendments",
        PanelQuestion::Placement => "placement",
        PanelQuestion::Band => "band",
    };
    let mut parts = vec![question.to_string()];
    if panel.resubmission_of.is_some() {
        parts.push("resubmitted".into());
    }
    match panel.outcome {
        Some(outcome) => {
            parts.push(outcome.as_str().to_string());
            if outcome == PanelOutcome::Deferred && !panel.info_needed.trim().is_empty() {
                parts.push(format!("needs: {}", panel.info_needed.trim()));
            }
        }
        None if panel.panel_date >= today => parts.push("awaiting the panel".into()),
        None => parts.push("outcome not recorded".into()),
    }
    match panel.decision_sent {
        Some(sent) if panel.sent_how.trim().is_empty() => parts.push(format!("decision sent {}", when(sent))),
        Some(sent) => parts.push(format!("decision sent {} by {}", when(sent), panel.sent_how.trim())),
        None if panel.outcome.is_some() => parts.push("decision not sent yet".into()),
        None => {}
    }
    joined(parts)
}

/// e.g. "appeal registered · LA response 5 Nov 2026 · hearing 13 Nov 2026 · order: amend the
/// plan, 13 Nov 2026 · Appeal against sections B, F and I".
fn dispute_text(dispute: &Dispute) -> String {
    let (opened, hearing) = match dispute.kind {
        DisputeKind::Mediation => ("mediation requested", "meeting"),
        DisputeKind::Appeal => ("appeal registered", "hearing"),
    };
    let mut parts = vec![opened.to_string()];
    if let Some(responded) = dispute.responded {
        parts.push(format!("LA response {}", when(responded)));
    }
    if let Some(held) = dispute.hearing {
        parts.push(format!("{hearing} {}", when(held)));
    }
    if let Some(kind) = dispute.order_kind {
        let what = match kind {
            OrderKind::Amend => "amend the plan",
            OrderKind::Setting => "change the named setting",
            OrderKind::MakePlan => "make a plan",
            OrderKind::Assess => "assess",
        };
        parts.push(match dispute.order_date {
            Some(ordered) => format!("order: {what}, {}", when(ordered)),
            None => format!("order: {what}"),
        });
    }
    if let Some(complied) = dispute.complied {
        parts.push(format!("order carried out {}", when(complied)));
    }
    if let Some(closed) = dispute.closed {
        parts.push(format!("closed {}", when(closed)));
    }
    parts.push(dispute.detail.trim().to_string());
    joined(parts)
}

/// e.g. "call-back 14:15 with Theo Brown · When is the review?".
fn booking_text(booking: &Booking, officer: &str) -> String {
    joined(vec![
        format!("call-back {} with {officer}", booking.start.format("%H:%M")),
        booking.query.trim().to_string(),
    ])
}

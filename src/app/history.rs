//! A child's case history: the events on file (imported, or written with a contact or an edit)
//! merged with the work recorded in the product (statutory steps, contacts to answer, panels,
//! disputes and surgery call-backs), newest first. Items point into the records; `entry` gives
//! the words for one, so the pane formats only the ones it shows.

use std::cmp::Reverse;

use chrono::{NaiveDate, Timelike};

use super::data::CaseData;
use crate::domain::casework::detail_label;
use crate::domain::{
    Booking, CaseEvent, Contact, ContactKind, County, Dispute, DisputeKind, EventKind, OrderKind, PanelOutcome,
    PanelQuestion, PanelSubmission, Step, StepKind,
};

/// One entry of the case history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryItem {
    /// Index into the child's events (`TimelineView::events`).
    Event(usize),
    /// Index into `county.steps`.
    Step(usize),
    /// Index into `county.contacts`: a phone message or email to answer.
    Contact(usize),
    /// Index into `county.panels`.
    Panel(usize),
    /// Index into `county.disputes`.
    Dispute(usize),
    /// Index into `county.bookings`: a surgery call-back booked for the child.
    Booking(usize),
    /// Index into `county.requests`: a request for assessment received.
    Request(usize),
    /// Index into `county.allocations`: the child given to an officer.
    Allocation(usize),
}

/// Newest first; on one day, by kind of record, then the later recorded first.
type SortKey = (Reverse<NaiveDate>, u8, Reverse<i64>);

/// The history of `child_id`, newest first. `events` are the child's events, newest first (as
/// the store reads them). On one day, statutory steps come first, then panels, disputes,
/// contacts, call-backs and other events; within a kind, the later recorded first.
pub fn child_history(county: &County, child_id: &str, events: &[CaseEvent]) -> Vec<HistoryItem> {
    let mut keyed: Vec<(SortKey, HistoryItem)> = Vec::new();
    let mut push = |date: NaiveDate, rank: u8, order: i64, item: HistoryItem| {
        keyed.push(((Reverse(date), rank, Reverse(order)), item));
    };
    for (i, step) in county.steps.iter().enumerate().filter(|(_, s)| s.child_id == child_id) {
        push(step.date, 0, step.id, HistoryItem::Step(i));
    }
    for (i, panel) in county.panels.iter().enumerate().filter(|(_, p)| p.child_id == child_id) {
        push(panel.panel_date, 1, panel.id, HistoryItem::Panel(i));
    }
    for (i, dispute) in county.disputes.iter().enumerate().filter(|(_, d)| d.child_id == child_id) {
        push(dispute.registered, 2, dispute.id, HistoryItem::Dispute(i));
    }
    // Recording a phone message or email also writes an event with the same words: the contact,
    // which says whether it was answered, stands for both.
    let mut shown_as_contact = vec![false; events.len()];
    for (i, contact) in county.contacts.iter().enumerate().filter(|(_, c)| c.child_id == child_id) {
        let kind = match contact.kind {
            ContactKind::PhoneMessage => EventKind::Call,
            ContactKind::EmailReceived => EventKind::Email,
        };
        let twin = events.iter().zip(&shown_as_contact).position(|(event, shown)| {
            !shown
                && event.date == contact.received
                && event.kind == kind
                && event.staff_id == contact.staff_id
                && event.summary.trim() == contact.summary.trim()
        });
        if let Some(e) = twin {
            shown_as_contact[e] = true;
        }
        push(contact.received, 3, contact.id, HistoryItem::Contact(i));
    }
    for (i, booking) in county.bookings.iter().enumerate() {
        if booking.child_id.as_deref() == Some(child_id) {
            let seconds = i64::from(booking.start.num_seconds_from_midnight());
            push(booking.date, 4, seconds, HistoryItem::Booking(i));
        }
    }
    for (i, request) in county.requests.iter().enumerate().filter(|(_, r)| r.child_id == child_id) {
        push(request.received, 0, request.id, HistoryItem::Request(i));
    }
    for (i, allocation) in county.allocations.iter().enumerate().filter(|(_, a)| a.child_id == child_id) {
        push(allocation.from, 6, allocation.id, HistoryItem::Allocation(i));
    }
    for (i, event) in events.iter().enumerate() {
        if !shown_as_contact[i] {
            // Already newest first: keep the store's order.
            push(event.date, 5, -(i as i64), HistoryItem::Event(i));
        }
    }
    // Stable, so equal keys keep the order they were collected in.
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, item)| item).collect()
}

/// One history entry as the timeline shows it.
pub struct HistoryEntry<'a> {
    pub date: NaiveDate,
    /// A short word for the kind of record (fits an 8-cell column).
    pub kind: &'static str,
    /// Who recorded it, where the record says.
    pub staff: Option<&'a str>,
    pub text: String,
}

/// The words for `item`, one of the history of the child whose `events` these are; `None` if the
/// record has gone since the history was built.
pub fn entry<'a>(data: &'a CaseData, events: &'a [CaseEvent], item: HistoryItem) -> Option<HistoryEntry<'a>> {
    let county = &data.county;
    Some(match item {
        HistoryItem::Event(i) => {
            let event = events.get(i)?;
            HistoryEntry {
                date: event.date,
                kind: event.kind.as_str(),
                staff: event.staff_id.as_deref(),
                text: event.summary.clone(),
            }
        }
        HistoryItem::Step(i) => {
            let step = county.steps.get(i)?;
            HistoryEntry { date: step.date, kind: "step", staff: step.recorded_by.as_deref(), text: step_text(step) }
        }
        HistoryItem::Contact(i) => {
            let contact = county.contacts.get(i)?;
            HistoryEntry {
                date: contact.received,
                kind: "contact",
                staff: contact.staff_id.as_deref(),
                text: contact_text(contact, |id| data.staff_name(id).to_string()),
            }
        }
        HistoryItem::Panel(i) => {
            let panel = county.panels.get(i)?;
            let text = panel_text(panel, data.today);
            HistoryEntry { date: panel.panel_date, kind: "panel", staff: panel.submitted_by.as_deref(), text }
        }
        HistoryItem::Dispute(i) => {
            let dispute = county.disputes.get(i)?;
            HistoryEntry { date: dispute.registered, kind: "dispute", staff: None, text: dispute_text(dispute) }
        }
        HistoryItem::Booking(i) => {
            let booking = county.bookings.get(i)?;
            let text = booking_text(booking, data.staff_name(&booking.officer_id));
            HistoryEntry { date: booking.date, kind: "surgery", staff: booking.booked_by.as_deref(), text }
        }
        HistoryItem::Request(i) => {
            let request = county.requests.get(i)?;
            let text = format!("request for an EHC needs assessment from {}", request.requested_by.label());
            HistoryEntry { date: request.received, kind: "request", staff: request.recorded_by.as_deref(), text }
        }
        HistoryItem::Allocation(i) => {
            let allocation = county.allocations.get(i)?;
            let to = allocation.officer_id.as_deref().map_or("nobody (unallocated)", |id| data.staff_name(id));
            // Who held them before: the allocation that ended as this one began.
            let before = county
                .allocations
                .iter()
                .filter(|a| a.child_id == allocation.child_id && a.id != allocation.id && a.to == Some(allocation.from))
                .find_map(|a| a.officer_id.as_deref())
                .map(|id| format!(" from {}", data.staff_name(id)))
                .unwrap_or_default();
            let text = joined(vec![format!("allocated to {to}{before}"), allocation.reason.clone()]);
            HistoryEntry { date: allocation.from, kind: "officer", staff: allocation.by_staff.as_deref(), text }
        }
    })
}

/// A date inside a history line ("23 Nov 2026"), kept on one line when the text wraps.
fn when(day: NaiveDate) -> String {
    day.format("%-d\u{a0}%b\u{a0}%Y").to_string()
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

/// e.g. "phone message · Mum asked about transport · answered 25 Nov 2026 by Matilda Fox".
fn contact_text(contact: &Contact, name: impl Fn(&str) -> String) -> String {
    let kind = match contact.kind {
        ContactKind::PhoneMessage => "phone message",
        ContactKind::EmailReceived => "email received",
    };
    let mut parts = vec![kind.to_string(), contact.summary.trim().to_string()];
    if let Some(promised) = contact.promised {
        parts.push(format!("family told to expect an answer by {}", when(promised)));
    }
    match contact.answered {
        Some(answered) => {
            let by = contact.answered_by.as_deref().map_or_else(String::new, |id| format!(" by {}", name(id)));
            let said =
                if contact.answer.trim().is_empty() { String::new() } else { format!(": {}", contact.answer.trim()) };
            parts.push(format!("answered {}{by}{said}", when(answered)));
        }
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
    let mut parts =
        vec![format!("call-back {} with {officer}", booking.start.format("%H:%M")), booking.query.trim().to_string()];
    if let Some(made) = booking.made {
        let said = if booking.said.trim().is_empty() { String::new() } else { format!(": {}", booking.said.trim()) };
        parts.push(format!("made {}{said}", when(made)));
    }
    joined(parts)
}

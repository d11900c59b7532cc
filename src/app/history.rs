//! A child's case history: the events on file (imported, or written with a contact or an edit)
//! merged with the work recorded in the product (statutory steps, contacts to answer, panels,
//! disputes and surgery call-backs), newest first. Items point into the records; the pane
//! formats only the ones it shows.

use std::cmp::Reverse;

use chrono::{NaiveDate, Timelike};

use crate::domain::{CaseEvent, ContactKind, County, EventKind};

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

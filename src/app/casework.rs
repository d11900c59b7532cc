//! The casework action layer: what the interface's forms and the command line both call.
//! Validate against the records in memory, write in one transaction, say what happened.

use chrono::NaiveDate;

use crate::domain::casework::{
    ContactEntry, FieldError, StepEntry, apply_step, validate_answer, validate_contact, validate_promise,
};
use crate::domain::casework::{
    DetailsEntry, apply_details, describe_changes, validate_panel_decision, validate_submission,
};
use crate::domain::milestones::answer_days;
use crate::domain::{Calendar, ContactKind, County, PanelOutcome, PanelQuestion, PanelSubmission, RulesConfig};
use crate::store::{Store, StoreError};

/// Something an officer records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Contact {
        child_id: String,
        entry: ContactEntry,
        date: NaiveDate,
        summary: String,
    },
    Answer {
        contact_id: i64,
        date: NaiveDate,
    },
    Promise {
        contact_id: i64,
        date: NaiveDate,
    },
    Step {
        child_id: String,
        step: StepEntry,
    },
    /// Edit a child's setting, postcode, need, band or year-group override.
    Details {
        child_id: String,
        details: DetailsEntry,
    },
    /// Book a 15-minute call-back into an officer's phone surgery.
    Book {
        officer_id: String,
        date: NaiveDate,
        start: chrono::NaiveTime,
        child_id: Option<String>,
        caller_number: String,
        query: String,
    },
    /// Set an officer's weekly surgeries.
    Surgeries {
        officer_id: String,
        blocks: Vec<(u8, chrono::NaiveTime, u32)>,
    },
    /// Register a mediation request or an appeal.
    NewDispute {
        child_id: String,
        kind: crate::domain::DisputeKind,
        date: NaiveDate,
        detail: String,
    },
    /// A dispute as it now stands (hearing, response, order, compliance, closing).
    Dispute {
        dispute: crate::domain::Dispute,
    },
    /// Put a child to a panel.
    Submit {
        child_id: String,
        panel_date: NaiveDate,
        question: PanelQuestion,
        papers: String,
    },
    /// What a panel decided, and/or that the decision and reasons were sent to the family.
    PanelDecision {
        panel_id: i64,
        outcome: Option<PanelOutcome>,
        info_needed: String,
        sent: Option<(NaiveDate, String)>,
    },
}

#[derive(Debug)]
pub enum RecordError {
    /// The entry is wrong: nothing was saved; the field says where.
    Invalid(FieldError),
    /// The person recording may not do this (the reason says who may).
    NotAllowed(String),
    Store(StoreError),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Invalid(e) => write!(f, "{e}"),
            RecordError::NotAllowed(why) => write!(f, "not allowed: {why}"),
            RecordError::Store(e) => write!(f, "not saved: {e}"),
        }
    }
}

impl From<FieldError> for RecordError {
    fn from(e: FieldError) -> Self {
        RecordError::Invalid(e)
    }
}

impl From<StoreError> for RecordError {
    fn from(e: StoreError) -> Self {
        RecordError::Store(e)
    }
}

/// The settings an entry is judged by.
pub struct Rules<'a> {
    pub today: NaiveDate,
    /// The time of day, when `today` is the real today; `None` under `--today`.
    pub now: Option<chrono::NaiveTime>,
    pub calendar: &'a Calendar,
    pub rules: &'a RulesConfig,
}

fn human(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

/// Checks and saves `entry` as `actor` (a staff id); returns a sentence saying what was done.
pub fn record(
    store: &mut Store,
    county: &County,
    entry: &Entry,
    actor: &str,
    ctx: &Rules,
) -> Result<String, RecordError> {
    let find_child = |id: &str| {
        county
            .children
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| FieldError { field: "child", message: format!("no child has id {id}") })
    };
    let find_contact = |id: i64| {
        county
            .contacts
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| FieldError { field: "contact", message: format!("no contact has id {id}") })
    };
    let recorder = county
        .staff
        .iter()
        .find(|s| s.id == actor)
        .ok_or_else(|| RecordError::NotAllowed(format!("{actor} is not in the staff list")))?;
    super::permissions::check(recorder, super::permissions::Work::of(entry)).map_err(RecordError::NotAllowed)?;
    match entry {
        Entry::Contact { child_id, entry, date, summary } => {
            let child = find_child(child_id)?;
            validate_contact(child, *date, summary, ctx.today)?;
            let id = store.add_contact(child_id, *entry, *date, summary.trim(), actor)?;
            let name = child.full_name();
            Ok(match (entry.opens(), id) {
                (Some(kind), Some(id)) => {
                    let due = ctx.calendar.add_working_days(*date, answer_days(kind, ctx.rules));
                    let what = if kind == ContactKind::PhoneMessage { "call back" } else { "reply" };
                    format!("{} {id} for {name}: {what} by {}", kind.noun(), human(due))
                }
                _ => format!("{} recorded for {name}", entry.as_str().replace('-', " ")),
            })
        }
        Entry::Answer { contact_id, date } => {
            let contact = find_contact(*contact_id)?;
            validate_answer(contact, *date, ctx.today)?;
            store.answer_contact(*contact_id, *date, actor)?;
            Ok(format!("{} answered on {}", contact_name(county, contact), human(*date)))
        }
        Entry::Promise { contact_id, date } => {
            let contact = find_contact(*contact_id)?;
            validate_promise(contact, *date, ctx.calendar, ctx.today)?;
            store.promise_contact(*contact_id, *date, actor)?;
            Ok(format!("{}: family told to expect an answer by {}", contact_name(county, contact), human(*date)))
        }
        Entry::Book { officer_id, date, start, child_id, caller_number, query } => {
            if let Some(id) = child_id {
                find_child(id)?;
            }
            let officer = county.staff.iter().find(|s| &s.id == officer_id).ok_or_else(|| FieldError {
                field: "officer",
                message: format!("no member of staff has id {officer_id}"),
            })?;
            county.diary(ctx.calendar, ctx.today, ctx.now).validate_booking(
                officer_id,
                *date,
                *start,
                caller_number,
                query,
            )?;
            let booking = crate::domain::Booking {
                id: 0,
                officer_id: officer_id.clone(),
                date: *date,
                start: *start,
                child_id: child_id.clone(),
                caller_number: caller_number.trim().to_string(),
                query: query.trim().to_string(),
                booked_by: Some(actor.to_string()),
            };
            let id = store.add_booking(&booking, actor)?;
            Ok(format!("call-back {id} booked with {} on {} at {}", officer.name, human(*date), start.format("%H:%M")))
        }
        Entry::Surgeries { officer_id, blocks } => {
            let officer = county.staff.iter().find(|s| &s.id == officer_id).ok_or_else(|| FieldError {
                field: "officer",
                message: format!("no member of staff has id {officer_id}"),
            })?;
            let mut current: Vec<(u8, chrono::NaiveTime, u32)> = county
                .slots
                .iter()
                .filter(|s| &s.officer_id == officer_id)
                .map(|s| (s.weekday, s.start, s.minutes))
                .collect();
            current.sort();
            let mut wanted = blocks.clone();
            wanted.sort();
            if current == wanted {
                return Err(FieldError { field: "surgeries", message: "nothing has changed".into() }.into());
            }
            let outside = crate::domain::surgery::bookings_outside(officer_id, blocks, &county.bookings, ctx.today);
            store.set_surgeries(officer_id, blocks, actor)?;
            let slots: Vec<crate::domain::SurgerySlot> = blocks
                .iter()
                .map(|&(weekday, start, minutes)| crate::domain::SurgerySlot {
                    id: 0,
                    officer_id: officer_id.clone(),
                    weekday,
                    start,
                    minutes,
                })
                .collect();
            let weekly = crate::domain::surgery::describe_blocks(officer_id, &slots);
            let mut text = if weekly.is_empty() {
                format!("{} has no phone surgeries now", officer.name)
            } else {
                format!("{}'s surgeries: {weekly}", officer.name)
            };
            if !outside.is_empty() {
                let times: Vec<String> = outside
                    .iter()
                    .map(|b| format!("{} {}", b.date.format("%a %-d %b"), b.start.format("%H:%M")))
                    .collect();
                text.push_str(&format!(
                    "; {} booked call-back(s) still stand outside them: {}",
                    outside.len(),
                    times.join(", ")
                ));
            }
            Ok(text)
        }
        Entry::NewDispute { child_id, kind, date, detail } => {
            let child = find_child(child_id)?;
            crate::domain::casework::validate_new_dispute(child, *kind, *date, detail, &county.disputes, ctx.today)?;
            let dispute = crate::domain::Dispute {
                id: 0,
                child_id: child_id.clone(),
                kind: *kind,
                registered: *date,
                hearing: None,
                responded: None,
                order_kind: None,
                order_date: None,
                complied: None,
                closed: None,
                detail: detail.trim().to_string(),
            };
            let id = store.add_dispute(&dispute, actor)?;
            Ok(format!("{kind} {id} registered for {} on {}", child.full_name(), human(*date)))
        }
        Entry::Dispute { dispute } => {
            let before = county
                .disputes
                .iter()
                .find(|d| d.id == dispute.id)
                .ok_or_else(|| FieldError { field: "dispute", message: format!("no dispute has id {}", dispute.id) })?;
            let child = find_child(&before.child_id)?;
            let after = crate::domain::casework::apply_dispute(child, before, dispute, ctx.today)?;
            store.update_dispute(before, &after, actor)?;
            Ok(format!("{} {} updated for {}", after.kind, after.id, child.full_name()))
        }
        Entry::Details { child_id, details } => {
            let child = find_child(child_id)?;
            let after = apply_details(child, details, ctx.rules.bands.count(), ctx.today)?;
            let note = describe_changes(child, &after);
            store.update_child_details(child, &after, &note, ctx.today, actor)?;
            Ok(format!("{} · {}", child.full_name(), note))
        }
        Entry::Submit { child_id, panel_date, question, papers } => {
            let child = find_child(child_id)?;
            validate_submission(child, *panel_date, *question, papers, &county.panels, ctx.calendar, ctx.today)?;
            // A deferred case goes back to panel as a resubmission of the deferral.
            let resubmitted: Vec<i64> = county.panels.iter().filter_map(|p| p.resubmission_of).collect();
            let deferred = county
                .panels
                .iter()
                .filter(|p| {
                    &p.child_id == child_id && p.outcome == Some(PanelOutcome::Deferred) && !resubmitted.contains(&p.id)
                })
                .map(|p| p.id)
                .max();
            let submission = PanelSubmission {
                id: 0,
                child_id: child_id.clone(),
                panel_date: *panel_date,
                question: *question,
                papers: papers.trim().to_string(),
                submitted_by: Some(actor.to_string()),
                outcome: None,
                info_needed: String::new(),
                decision_sent: None,
                sent_how: String::new(),
                resubmission_of: deferred,
            };
            let id = store.add_panel_submission(&submission, actor)?;
            let again = if deferred.is_some() { " (resubmitted)" } else { "" };
            Ok(format!("{} submitted to the panel of {}{again} as case {id}", child.full_name(), human(*panel_date)))
        }
        Entry::PanelDecision { panel_id, outcome, info_needed, sent } => {
            let panel = county
                .panels
                .iter()
                .find(|p| p.id == *panel_id)
                .ok_or_else(|| FieldError { field: "panel", message: format!("no panel case has id {panel_id}") })?;
            let sent_ref = sent.as_ref().map(|(d, how)| (*d, how.as_str()));
            validate_panel_decision(panel, *outcome, info_needed, sent_ref, ctx.today)?;
            let mut after = panel.clone();
            if let Some(outcome) = outcome {
                after.outcome = Some(*outcome);
            }
            if !info_needed.trim().is_empty() {
                after.info_needed = info_needed.trim().to_string();
            }
            if let Some((date, how)) = sent {
                after.decision_sent = Some(*date);
                after.sent_how = how.trim().to_string();
            }
            store.update_panel(panel, &after, actor)?;
            let mut text = format!("panel case {panel_id}: {}", after.outcome.map_or("", |o| o.as_str()));
            if let Some(date) = after.decision_sent {
                text.push_str(&format!(", decision sent to the family {} by {}", human(date), after.sent_how));
            }
            Ok(text)
        }
        Entry::Step { child_id, step } => {
            let child = find_child(child_id)?;
            let steps: Vec<_> = county.steps.iter().filter(|s| &s.child_id == child_id).cloned().collect();
            let after = apply_step(child, &steps, step, ctx.today)?;
            store.add_step(child, &after, step, actor)?;
            let mut text = format!("{} recorded for {}", step.kind.as_str().replace('_', " "), child.full_name());
            if after.stage != child.stage {
                text.push_str(&format!("; stage now {}", after.stage));
            }
            Ok(text)
        }
    }
}

/// "Holly Stewart's phone message of 20 Nov", for messages about a contact.
fn contact_name(county: &County, contact: &crate::domain::Contact) -> String {
    let child = county
        .children
        .iter()
        .find(|c| c.id == contact.child_id)
        .map_or_else(|| contact.child_id.clone(), |c| c.full_name());
    format!("{child}'s {} of {}", contact.kind.noun(), contact.received.format("%-d %b"))
}

/// What a destructive entry will do, to be confirmed before it is saved: ceasing a plan, or a
/// decision not to assess or not to issue, which closes the case.
pub fn needs_confirmation(county: &County, entry: &Entry, today: NaiveDate) -> Option<String> {
    let Entry::Step { child_id, step } = entry else { return None };
    // A step that would be refused anyway is not worth confirming: saving shows why.
    let child = county.children.iter().find(|c| &c.id == child_id)?;
    let steps: Vec<crate::domain::Step> = county.steps.iter().filter(|s| &s.child_id == child_id).cloned().collect();
    apply_step(child, &steps, step, today).ok()?;
    let name = county.children.iter().find(|c| &c.id == child_id).map_or_else(|| child_id.clone(), |c| c.full_name());
    match step.kind {
        crate::domain::StepKind::Ceased => {
            let reason = crate::domain::casework::detail_label(step.kind, &step.detail);
            Some(format!("This ceases {name}'s plan (SEN2 reason {reason}); the case leaves the caseload."))
        }
        crate::domain::StepKind::AssessDecision | crate::domain::StepKind::IssueDecision
            if step.detail == "declined" =>
        {
            Some(format!(
                "A decision not to proceed closes {name}'s case; the family must be told of their right to appeal."
            ))
        }
        _ => None,
    }
}

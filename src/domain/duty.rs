//! The duty queue: for a day, each absent officer's urgent work (their children no colleague is
//! covering by name) and what officers on leave handed over to the person looking.
//!
//! **Rule here**: calls and emails to return come first (families' top complaint is an officer
//! they cannot reach), then what falls due that day, then what is overdue, then what falls due
//! within the next few working days (`duty_days`, 5 by default). Work done that day stays on the
//! queue, marked done, so the line acted on does not move from under the person acting.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::absence::{HandTo, HandoverItem};
use super::calendar::Calendar;
use super::milestones::{Milestone, MilestoneName, Status, contact_due};
use super::model::{Contact, County, Stage};
use super::settings::RulesConfig;

/// Where an item stands in the queue, first first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum DutyClass {
    /// A phone message or email to answer.
    Contact,
    DueToday,
    Overdue,
    DueSoon,
}

/// What an item is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum DutyWhat {
    /// `county.contacts` id.
    Contact(i64),
    /// A milestone of the child, by name (and its detail, where a child has several).
    Milestone(MilestoneName, String),
    /// `county.handovers` id.
    Handover(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DutyItem {
    /// Index into `county.children`.
    pub child: usize,
    pub what: DutyWhat,
    pub class: DutyClass,
    pub due: NaiveDate,
    /// Done on the day (and by whom, where known).
    pub done: Option<Option<String>>,
}

/// A heading of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum DutyGroup {
    /// `county.absences[absence]`: their team's duty officer that day, and how many of their
    /// children colleagues cover by name (their work is on the colleagues' own lists).
    Absent { absence: usize, duty: Option<String>, covered: usize },
    /// What `county.absences[absence]`'s officer handed to the person looking.
    HandedOver { absence: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DutySection {
    pub group: DutyGroup,
    pub items: Vec<DutyItem>,
}

/// Which items the queue shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DutyKind {
    #[default]
    All,
    /// Calls and emails to return.
    Contacts,
    /// Statutory and service milestones.
    Milestones,
}

impl DutyKind {
    pub const ALL: [DutyKind; 3] = [DutyKind::All, DutyKind::Contacts, DutyKind::Milestones];

    pub fn label(self) -> &'static str {
        match self {
            DutyKind::All => "everything",
            DutyKind::Contacts => "calls and emails",
            DutyKind::Milestones => "deadlines",
        }
    }

    fn shows(self, what: &DutyWhat) -> bool {
        match (self, what) {
            (DutyKind::All, _) | (_, DutyWhat::Handover(_)) => true,
            (DutyKind::Contacts, what) => matches!(what, DutyWhat::Contact(_)),
            (DutyKind::Milestones, what) => matches!(what, DutyWhat::Milestone(..)),
        }
    }
}

/// What the queue is for: the day, whose hand-overs, which team, which kinds.
#[derive(Debug, Clone, Copy)]
pub struct DutyView<'a> {
    pub day: NaiveDate,
    /// The person looking (hand-overs to them, and to the duty officer when they are it).
    pub me: Option<&'a str>,
    pub team: Option<&'a str>,
    pub kind: DutyKind,
}

/// The queue for `view`: absent officers by name, then what was handed to the person looking.
pub fn duty_queue(
    county: &County,
    milestones: &[Vec<Milestone>],
    calendar: &Calendar,
    rules: &RulesConfig,
    view: DutyView,
) -> Vec<DutySection> {
    let day = view.day;
    let horizon = calendar.add_working_days(day, rules.duty_days);
    let team_of = |id: &str| county.staff.iter().find(|s| s.id == id).map_or("", |s| s.team.as_str());
    let name_of =
        |id: &str| county.staff.iter().find(|s| s.id == id).map_or_else(|| id.to_string(), |s| s.name.clone());
    let mut absent: Vec<usize> = (0..county.absences.len())
        .filter(|&i| county.absences[i].covers(day))
        .filter(|&i| view.team.is_none_or(|t| team_of(&county.absences[i].staff_id) == t))
        .collect();
    absent.sort_by_key(|&i| name_of(&county.absences[i].staff_id));
    let contacts = if absent.is_empty() { HashMap::new() } else { contacts_by_child(county) };
    let mut sections = Vec::new();
    for a in absent {
        let officer = county.absences[a].staff_id.as_str();
        let mut items = Vec::new();
        let mut covered = 0;
        for (child, record) in county.children.iter().enumerate() {
            if record.officer.as_deref() != Some(officer) || record.stage == Stage::Ceased {
                continue;
            }
            if county.cover_for(&record.id, day).is_some() {
                covered += 1;
                continue;
            }
            let theirs = contacts.get(record.id.as_str()).map_or(&[][..], Vec::as_slice);
            items.extend(child_items(theirs, milestones, calendar, rules, child, day, horizon));
        }
        items.retain(|i| view.kind.shows(&i.what));
        sort(&mut items, county);
        let duty = county.duty_officer(team_of(officer), day).map(str::to_string);
        sections.push(DutySection { group: DutyGroup::Absent { absence: a, duty, covered }, items });
    }
    if let Some(me) = view.me {
        for (a, absence) in county.absences.iter().enumerate().filter(|(_, a)| a.covers(day)) {
            let team = team_of(&absence.staff_id);
            let mut items: Vec<DutyItem> = county
                .handovers
                .iter()
                .filter(|h| h.absence_id == absence.id && h.to != HandTo::Before)
                .filter(|h| h.receiver(team, day, &county.rota, &county.staff, &county.absences) == Some(me))
                .filter_map(|h| {
                    let child = county.children.iter().position(|c| c.id == h.child_id)?;
                    let done = handover_done(county, milestones, h, child, day);
                    let class = if h.due < day {
                        DutyClass::Overdue
                    } else if h.due == day {
                        DutyClass::DueToday
                    } else {
                        DutyClass::DueSoon
                    };
                    let class = if h.item == HandoverItem::Contact { DutyClass::Contact } else { class };
                    // What was done before today is off the list.
                    match done {
                        Some(d) if d < day => None,
                        Some(_) => Some(DutyItem {
                            child,
                            what: DutyWhat::Handover(h.id),
                            class,
                            due: h.due,
                            done: Some(None),
                        }),
                        None => Some(DutyItem { child, what: DutyWhat::Handover(h.id), class, due: h.due, done: None }),
                    }
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            sort(&mut items, county);
            sections.push(DutySection { group: DutyGroup::HandedOver { absence: a }, items });
        }
    }
    sections
}

/// A child's items for the duty queue on `day`: contacts open (or answered that day), and
/// milestones overdue or due by `horizon` (or done that day).
/// Each child's contacts, read once rather than once per child.
fn contacts_by_child(county: &County) -> HashMap<&str, Vec<&Contact>> {
    let mut by_child: HashMap<&str, Vec<&Contact>> = HashMap::new();
    for contact in &county.contacts {
        by_child.entry(contact.child_id.as_str()).or_default().push(contact);
    }
    by_child
}

fn child_items(
    contacts: &[&Contact],
    milestones: &[Vec<Milestone>],
    calendar: &Calendar,
    rules: &RulesConfig,
    child: usize,
    day: NaiveDate,
    horizon: NaiveDate,
) -> Vec<DutyItem> {
    let mut items = Vec::new();
    for contact in contacts {
        let done = match contact.answered {
            Some(answered) if answered == day => Some(contact.answered_by.clone()),
            Some(_) => continue,
            None => None,
        };
        let due = contact_due(contact, calendar, rules);
        items.push(DutyItem { child, what: DutyWhat::Contact(contact.id), class: DutyClass::Contact, due, done });
    }
    for m in milestones.get(child).into_iter().flatten() {
        if m.advisory || matches!(m.name, MilestoneName::CallBack | MilestoneName::EmailReply | MilestoneName::PlanEnd)
        {
            continue;
        }
        let done = match (m.status, m.done) {
            (Status::Done, Some(done)) if done == day => Some(None),
            (Status::Done, _) => continue,
            _ => None,
        };
        let class = if m.due == day {
            DutyClass::DueToday
        } else if m.due < day {
            DutyClass::Overdue
        } else if m.due <= horizon {
            DutyClass::DueSoon
        } else {
            continue;
        };
        items.push(DutyItem { child, what: DutyWhat::Milestone(m.name, m.detail.clone()), class, due: m.due, done });
    }
    items
}

/// When a hand-over's item was done, as far as the records show: a contact answered, a
/// milestone met, a panel or call-back whose day has passed.
pub fn handover_done(
    county: &County,
    milestones: &[Vec<Milestone>],
    handover: &super::absence::Handover,
    child: usize,
    day: NaiveDate,
) -> Option<NaiveDate> {
    match handover.item {
        HandoverItem::Contact => {
            let id: i64 = handover.item_ref.parse().ok()?;
            county.contacts.iter().find(|c| c.id == id).and_then(|c| c.answered)
        }
        HandoverItem::Milestone => milestones
            .get(child)?
            .iter()
            .find(|m| m.name.as_str() == handover.item_ref && m.due == handover.due)
            .and_then(|m| if m.status == Status::Done { Some(m.done.unwrap_or(day)) } else { None }),
        HandoverItem::Panel | HandoverItem::Booking => (handover.due < day).then_some(handover.due),
    }
}

/// Calls first, then due today, overdue, due soon; soonest first; then by child.
fn sort(items: &mut [DutyItem], county: &County) {
    items.sort_by(|a, b| {
        (a.class, a.due, &county.children[a.child].last_name, &county.children[a.child].first_name, a.child).cmp(&(
            b.class,
            b.due,
            &county.children[b.child].last_name,
            &county.children[b.child].first_name,
            b.child,
        ))
    });
}

/// Something that falls due while an officer is away, for their leave plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeaveItem {
    /// Index into `county.children`.
    pub child: usize,
    pub item: HandoverItem,
    /// The milestone's name, or the contact's, panel case's or booking's id.
    pub item_ref: String,
    /// "annual review", "call back: Mum asked about transport".
    pub what: String,
    pub due: NaiveDate,
}

/// Everything on `officer`'s caseload that falls due from `from` to `to`: open milestones, phone
/// messages and emails waiting (whenever they fall due: someone must answer them), panels their
/// children go to, and call-backs booked in their surgery; soonest first.
pub fn leave_items(
    county: &County,
    milestones: &[Vec<Milestone>],
    calendar: &Calendar,
    rules: &RulesConfig,
    officer: &str,
    (from, to): (NaiveDate, NaiveDate),
) -> Vec<LeaveItem> {
    let mut items = Vec::new();
    let contacts = contacts_by_child(county);
    for (child, record) in county.children.iter().enumerate() {
        if record.officer.as_deref() != Some(officer) || record.stage == Stage::Ceased {
            continue;
        }
        let theirs = contacts.get(record.id.as_str()).into_iter().flatten();
        for contact in theirs.filter(|c| c.answered.is_none()) {
            let due = contact_due(contact, calendar, rules);
            let what = format!("{}: {}", contact.kind.noun(), contact.summary.replace('\n', " "));
            items.push(LeaveItem { child, item: HandoverItem::Contact, item_ref: contact.id.to_string(), what, due });
        }
        for m in milestones.get(child).into_iter().flatten() {
            let skip = m.advisory
                || m.status == Status::Done
                || matches!(m.name, MilestoneName::CallBack | MilestoneName::EmailReply | MilestoneName::PlanEnd);
            if skip || m.due < from || m.due > to {
                continue;
            }
            let what = if m.detail.is_empty() {
                m.name.as_str().replace('_', " ")
            } else {
                format!("{}: {}", m.name.as_str().replace('_', " "), m.detail.replace('\n', " "))
            };
            items.push(LeaveItem {
                child,
                item: HandoverItem::Milestone,
                item_ref: m.name.as_str().to_string(),
                what,
                due: m.due,
            });
        }
        for panel in county.panels.iter().filter(|p| p.child_id == record.id && p.outcome.is_none()) {
            if panel.panel_date >= from && panel.panel_date <= to {
                let what = format!("panel: {}", panel.question.as_str().replace('_', " "));
                items.push(LeaveItem {
                    child,
                    item: HandoverItem::Panel,
                    item_ref: panel.id.to_string(),
                    what,
                    due: panel.panel_date,
                });
            }
        }
    }
    for booking in county.bookings.iter().filter(|b| b.officer_id == officer && b.date >= from && b.date <= to) {
        let Some(child) = booking.child_id.as_ref().and_then(|id| county.children.iter().position(|c| &c.id == id))
        else {
            continue;
        };
        let what = format!("call-back {}: {}", booking.start.format("%H:%M"), booking.query.replace('\n', " "));
        items.push(LeaveItem {
            child,
            item: HandoverItem::Booking,
            item_ref: booking.id.to_string(),
            what,
            due: booking.date,
        });
    }
    items.sort_by(|a, b| (a.due, a.child, &a.item_ref).cmp(&(b.due, b.child, &b.item_ref)));
    items
}

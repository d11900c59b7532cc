//! The handback: what was done on an officer's caseload while they were away — by whom, what and
//! when, from the audit log by the working day of each save — and what became of what they handed
//! over. Shown to them on return until they acknowledge it, and on request after.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::audit_words::describe;
use crate::domain::duty::handover_done;
use crate::domain::{Absence, County, HandTo, Milestone};
use crate::store::{Store, StoreError};

/// One thing done on the caseload while the officer was away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandbackLine {
    pub day: NaiveDate,
    /// Who did it (their name).
    pub by: String,
    pub child_id: String,
    pub child: String,
    pub what: String,
}

/// A hand-over and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandoverOutcome {
    pub child_id: String,
    pub child: String,
    pub what: String,
    pub due: NaiveDate,
    /// "the duty officer", "Finley Murray", "you, before going".
    pub to: String,
    pub done: Option<NaiveDate>,
}

/// Who covered some of the officer's children, and for how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverSummary {
    pub cover: String,
    pub children: usize,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Handback {
    pub absence: Absence,
    pub covers: Vec<CoverSummary>,
    pub done: Vec<HandbackLine>,
    pub handovers: Vec<HandoverOutcome>,
}

/// Bookkeeping that the cover summary says once, rather than a line per child.
const SAID_ONCE: &[&str] = &["give_cover", "end_cover", "set_task", "reassign_task", "close_task"];

/// The most lines read for one handback (a long absence on a busy caseload).
const MOST: usize = 2000;

/// The handback of `absence` as the records stand: the work of others on the officer's children
/// from the absence's first day to its last (or `today`, while it lasts).
pub fn handback(
    store: &Store,
    county: &County,
    milestones: &[Vec<Milestone>],
    absence: &Absence,
    today: NaiveDate,
) -> Result<Handback, StoreError> {
    let officer = absence.staff_id.as_str();
    let last = absence.to.unwrap_or(today).min(today);
    let children: Vec<&crate::domain::Child> =
        county.children.iter().filter(|c| c.officer.as_deref() == Some(officer)).collect();
    let names: HashMap<&str, &str> = county.staff.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
    let ids: Vec<&str> = children.iter().map(|c| c.id.as_str()).collect();
    let rows = store.audit_of_children(&ids, absence.from, last, officer, MOST)?;
    let mut done: Vec<HandbackLine> = rows
        .iter()
        .filter(|row| !SAID_ONCE.contains(&row.action.as_str()))
        .filter_map(|row| {
            let child = children.iter().find(|c| Some(c.id.as_str()) == row.child_id.as_deref())?;
            let by = row.staff_id.as_deref().map_or("someone", |id| names.get(id).copied().unwrap_or(id)).to_string();
            Some(HandbackLine {
                day: row.day.unwrap_or(absence.from),
                by,
                child_id: child.id.clone(),
                child: child.full_name(),
                what: describe(row, &names),
            })
        })
        .collect();
    done.sort_by(|a, b| (a.day, &a.child).cmp(&(b.day, &b.child)));
    let handovers = county
        .handovers
        .iter()
        .filter(|h| h.absence_id == absence.id)
        .map(|h| {
            let child = county.children.iter().position(|c| c.id == h.child_id);
            let to = match h.to {
                HandTo::Before => "you, before going".to_string(),
                HandTo::Duty => "the duty officer".to_string(),
                HandTo::Colleague => {
                    h.to_staff.as_deref().map_or("a colleague", |id| names.get(id).copied().unwrap_or(id)).to_string()
                }
            };
            HandoverOutcome {
                child_id: h.child_id.clone(),
                child: child.map_or_else(|| h.child_id.clone(), |c| county.children[c].full_name()),
                what: h.what.clone(),
                due: h.due,
                to,
                done: child.and_then(|c| handover_done(county, milestones, h, c, today)),
            }
        })
        .collect();
    let mut covers: Vec<CoverSummary> = Vec::new();
    for c in county.covers.iter().filter(|c| c.absence_id == Some(absence.id) && c.to >= c.from) {
        let cover = names.get(c.cover_id.as_str()).copied().unwrap_or(&c.cover_id).to_string();
        let to = c.to.min(last);
        match covers.iter_mut().find(|s| s.cover == cover && s.from == c.from && s.to == to) {
            Some(summary) => summary.children += 1,
            None => covers.push(CoverSummary { cover, children: 1, from: c.from, to }),
        }
    }
    Ok(Handback { absence: absence.clone(), covers, done, handovers })
}

/// The absences of `officer` over by `today` whose handback they have not yet acknowledged.
pub fn waiting<'a>(county: &'a County, officer: &str, today: NaiveDate) -> Option<&'a Absence> {
    county
        .absences
        .iter()
        .filter(|a| a.staff_id == officer && a.over(today) && a.acknowledged.is_none())
        .max_by_key(|a| a.from)
}

impl Handback {
    /// The handback in words, a line each: who covered, what each colleague did and when, what
    /// became of each hand-over, and when it was read.
    pub fn lines(&self, county: &County) -> Vec<String> {
        let name =
            |id: &str| county.staff.iter().find(|s| s.id == id).map_or_else(|| id.to_string(), |s| s.name.clone());
        let back = self;
        let a = &back.absence;
        let mut text = format!(
            "While {} was {} ({} to {}):\n",
            name(&a.staff_id),
            a.kind.label(),
            a.from.format("%a %-d %b"),
            a.to.map_or_else(|| "now".to_string(), |d| d.format("%a %-d %b").to_string())
        );
        for c in &back.covers {
            text.push_str(&format!(
                "  {} covered {} of your children, {} to {}\n",
                c.cover,
                c.children,
                c.from.format("%a %-d %b"),
                c.to.format("%a %-d %b")
            ));
        }
        for line in &back.done {
            text.push_str(&format!(
                "  {}  {:<18} {} ({}): {}\n",
                line.day.format("%a %-d %b"),
                line.by,
                line.child,
                line.child_id,
                line.what
            ));
        }
        if back.done.is_empty() {
            text.push_str("  nobody else recorded anything on your caseload\n");
        }
        if !back.handovers.is_empty() {
            text.push_str("Handed over:\n");
            for h in &back.handovers {
                let state =
                    h.done.map_or_else(|| "not done".to_string(), |d| format!("done {}", d.format("%a %-d %b")));
                text.push_str(&format!(
                    "  {}  {} ({}): {} → {} · {state}\n",
                    h.due.format("%a %-d %b"),
                    h.child,
                    h.child_id,
                    h.what,
                    h.to
                ));
            }
        }
        if let Some(day) = a.acknowledged {
            text.push_str(&format!("Read on {}.\n", day.format("%a %-d %b %Y")));
        }
        text.lines().map(str::to_string).collect()
    }
}

//! Milestones for a whole county at once, and the open deadlines across it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::calendar::Calendar;
use super::milestones::{CaseRecords, Milestone, Status, milestones_for};
use super::model::{ChildRecord, County};
use super::settings::RulesConfig;

/// Every child's milestones, in the same order as `county.children`.
pub fn county_milestones(
    county: &County,
    today: NaiveDate,
    calendar: &Calendar,
    rules: &RulesConfig,
) -> Vec<Vec<Milestone>> {
    let steps = group_by_child(&county.steps);
    let contacts = group_by_child(&county.contacts);
    let disputes = group_by_child(&county.disputes);
    let panels = group_by_child(&county.panels);
    let live: Vec<_> = county.tasks.iter().filter(|t| county.task_live(t, today)).cloned().collect();
    let tasks = group_by_child(&live);
    county
        .children
        .iter()
        .map(|child| {
            let id = child.id.as_str();
            let records = CaseRecords {
                steps: steps.get(id).map(Vec::as_slice).unwrap_or(&[]),
                contacts: contacts.get(id).map(Vec::as_slice).unwrap_or(&[]),
                disputes: disputes.get(id).map(Vec::as_slice).unwrap_or(&[]),
                panels: panels.get(id).map(Vec::as_slice).unwrap_or(&[]),
                tasks: tasks.get(id).map(Vec::as_slice).unwrap_or(&[]),
            };
            milestones_for(child, records, today, calendar, rules)
        })
        .collect()
}

/// One child's milestones (`county.children[index]`), their records found by scanning the county's
/// lists: for the few children a colleague's save touches, not for the whole county.
pub fn child_milestones(
    county: &County,
    index: usize,
    today: NaiveDate,
    calendar: &Calendar,
    rules: &RulesConfig,
) -> Vec<Milestone> {
    let child = &county.children[index];
    let id = child.id.as_str();
    let steps: Vec<_> = county.steps.iter().filter(|r| r.child_id() == id).cloned().collect();
    let contacts: Vec<_> = county.contacts.iter().filter(|r| r.child_id() == id).cloned().collect();
    let disputes: Vec<_> = county.disputes.iter().filter(|r| r.child_id() == id).cloned().collect();
    let panels: Vec<_> = county.panels.iter().filter(|r| r.child_id() == id).cloned().collect();
    let tasks: Vec<_> =
        county.tasks.iter().filter(|r| r.child_id() == id && county.task_live(r, today)).cloned().collect();
    let records =
        CaseRecords { steps: &steps, contacts: &contacts, disputes: &disputes, panels: &panels, tasks: &tasks };
    milestones_for(child, records, today, calendar, rules)
}

/// Clones each child's records into its own list, so the rules engine sees contiguous slices.
fn group_by_child<T: ChildRecord + Clone>(items: &[T]) -> HashMap<&str, Vec<T>> {
    let mut map: HashMap<&str, Vec<T>> = HashMap::new();
    for item in items {
        map.entry(item.child_id()).or_default().push(item.clone());
    }
    map
}

/// The first milestone still to do (statutory before advisory), if any.
pub fn next_open(milestones: &[Milestone]) -> Option<&Milestone> {
    milestones.iter().filter(|m| m.status != Status::Done).min_by_key(|m| (m.advisory, m.due))
}

/// Is this milestone open (not done)?
pub fn is_open(m: &Milestone) -> bool {
    m.status != Status::Done
}

//! The demo's absences and cover, recorded the way staff record them — through the casework
//! layer, each on the day it would have been done (so the audit log, the handback and the duty
//! pane read as they would in a real team): a duty rota; an officer off sick today with no cover;
//! one on leave who planned it and whose children a colleague covers; and one back today after
//! sickness, with what the duty officer did meanwhile waiting for them to read.

use chrono::NaiveDate;

use crate::casework::{
    AnswerContact, EndAbsence, Entry, GiveCover, PlanItem, PlanLeave, RecordAbsence, RecordContact, Records, RotaDay,
    Rules, SetRota,
};
use crate::domain::casework::ContactEntry;
use crate::domain::county::county_milestones;
use crate::domain::duty::leave_items;
use crate::domain::{AbsenceKind, Calendar, County, HandTo, HandoverItem, Role, RulesConfig, Staff, Stage};
use crate::store::Store;

/// Records the demo's absences, rota and cover into `store`, which holds the generated county.
pub fn record_absences(
    store: &mut Store,
    calendar: &Calendar,
    rules: &RulesConfig,
    today: NaiveDate,
) -> Result<(), String> {
    let county = store.load_county().map_err(|e| e.to_string())?;
    let Some(manager) = county.staff.iter().find(|s| s.role == Role::Manager).map(|s| s.id.clone()) else {
        return Ok(());
    };
    let back = |n: u32| working_days_before(calendar, today, n);
    let ahead = |n: u32| calendar.add_working_days(calendar.next_working_day_on_or_after(today), n);
    let save = |store: &mut Store, entry: Entry, actor: &str, day: NaiveDate| -> Result<String, String> {
        let rules = Rules { today: day, now: None, calendar, rules };
        store.save(&entry, actor, &rules).map_err(|e| format!("demo: {e}"))
    };

    // Three officers holding children, from the teams the README's story names where the county
    // has them (a small demo may have one officer a team).
    let mut pool = officers(&county);
    let mut pick = |team: &str| {
        let at = pool.iter().position(|s| s.team == team).unwrap_or(0);
        (!pool.is_empty()).then(|| pool.remove(at))
    };
    let returning = pick("South Post-14");
    let away = pick("South Pre-14");
    let sick = pick("North Pre-14");
    let senior_of =
        |team: &str| county.staff.iter().find(|s| s.team == team && s.role == Role::Senior).map(|s| s.id.clone());

    // An officer off sick from today with nobody covering; their team has a weekly rota.
    if let Some(sick) = sick {
        let team = sick.team.clone();
        let other = county
            .staff
            .iter()
            .find(|s| s.team == team && s.id != sick.id && s.role == Role::Officer)
            .map(|s| s.id.clone());
        if let (Some(other), Some(senior)) = (other.or_else(|| senior_of(&team)), senior_of(&team)) {
            for (weekday, who) in [(1, &other), (2, &senior), (3, &other), (4, &senior), (5, &other)] {
                let entry = SetRota { team: team.clone(), day: RotaDay::Weekday(weekday), staff_id: Some(who.clone()) };
                save(store, Entry::Rota(entry), &manager, back(15))?;
            }
        }
        let entry = RecordAbsence {
            staff_id: sick.id.clone(),
            kind: AbsenceKind::Sickness,
            from: today,
            to: None,
            note: "rang in this morning".into(),
        };
        save(store, Entry::Absence(entry), &manager, today)?;
    }

    // South Pre-14: an officer on leave since two working days ago, who planned it three weeks
    // ahead and handed some work over; their senior gave their children to a colleague.
    let colleague = away.and_then(|away| {
        let at = pool.iter().position(|s| s.team == away.team).unwrap_or(0);
        (!pool.is_empty()).then(|| pool.remove(at))
    });
    let senior = away.and_then(|away| senior_of(&away.team));
    if let (Some(away), Some(colleague), Some(senior)) = (away, colleague, senior) {
        let (from, to, planned_on) = (back(2), ahead(7), back(15));
        let entry = RecordAbsence {
            staff_id: away.id.clone(),
            kind: AbsenceKind::Leave,
            from,
            to: Some(to),
            note: "annual leave".into(),
        };
        save(store, Entry::Absence(entry), &away.id, planned_on)?;
        let county = store.load_county().map_err(|e| e.to_string())?;
        let absence_id = county.absences.iter().find(|a| a.staff_id == away.id).map_or(0, |a| a.id);
        let milestones = county_milestones(&county, planned_on, calendar, rules);
        let items: Vec<PlanItem> = leave_items(&county, &milestones, calendar, rules, &away.id, (from, to))
            .into_iter()
            .filter(|item| item.item == HandoverItem::Milestone)
            .take(3)
            .zip([
                (HandTo::Before, None, ""),
                (HandTo::Duty, None, "the family know; school expect a call"),
                // Hand-overs stay within the team.
                if colleague.team == away.team {
                    (HandTo::Colleague, Some(colleague.id.clone()), "Mum prefers calls after 3pm")
                } else {
                    (HandTo::Duty, None, "Mum prefers calls after 3pm")
                },
            ])
            .map(|(item, (to, to_staff, note))| PlanItem {
                child_id: county.children[item.child].id.clone(),
                item: item.item,
                item_ref: item.item_ref,
                what: item.what,
                due: item.due,
                to,
                to_staff,
                note: note.into(),
            })
            .collect();
        if !items.is_empty() {
            save(store, Entry::Leave(PlanLeave { absence_id, items }), &away.id, back(10))?;
        }
        let cover = GiveCover { absence_id, children: None, cover_id: colleague.id.clone(), from, to };
        save(store, Entry::Cover(cover), &senior, from)?;
    }

    // South Post-14: an officer back today after a week off sick; the team's duty officer took a
    // phone message about one of their children and rang back.
    let duty = returning.and_then(|r| senior_of(&r.team));
    if let (Some(returning), Some(duty)) = (returning, duty) {
        let (from, last) = (back(7), back(1));
        let entry = RecordAbsence {
            staff_id: returning.id.clone(),
            kind: AbsenceKind::Sickness,
            from,
            to: None,
            note: String::new(),
        };
        save(store, Entry::Absence(entry), &manager, from)?;
        let child = county
            .children
            .iter()
            .find(|c| c.officer.as_deref() == Some(returning.id.as_str()) && c.stage == Stage::Plan)
            .map(|c| c.id.clone());
        if let Some(child_id) = child {
            let summary = "Dad rang: taxi to college has not come two mornings running";
            let entry = RecordContact {
                child_id: child_id.clone(),
                entry: ContactEntry::PhoneMessage,
                date: back(5),
                summary: summary.into(),
            };
            save(store, Entry::Contact(entry), &duty, back(5))?;
            let county = store.load_county().map_err(|e| e.to_string())?;
            let contact = county.contacts.iter().find(|c| c.child_id == child_id && c.summary == summary).map(|c| c.id);
            if let Some(contact_id) = contact {
                let answer = "Rang Dad back: transport rebooked; he will ring if the taxi fails again".to_string();
                let entry = AnswerContact { contact_id, date: back(4), answer, seen: None };
                save(store, Entry::Answer(entry), &duty, back(4))?;
            }
            let entry = RecordContact {
                child_id,
                entry: ContactEntry::Call,
                date: back(4),
                summary: "Rang transport: taxi rebooked from Monday; Dad told".into(),
            };
            save(store, Entry::Contact(entry), &duty, back(4))?;
        }
        let county = store.load_county().map_err(|e| e.to_string())?;
        if let Some(absence) = county.absences.iter().find(|a| a.staff_id == returning.id) {
            let entry = EndAbsence { absence_id: absence.id, back: today, seen: None };
            save(store, Entry::EndAbsence(entry), &manager, last)?;
        }
    }
    Ok(())
}

/// The officers holding children, in staff order.
fn officers(county: &County) -> Vec<&Staff> {
    county
        .staff
        .iter()
        .filter(|s| s.role == Role::Officer)
        .filter(|s| county.children.iter().any(|c| c.officer.as_deref() == Some(s.id.as_str())))
        .collect()
}
/// The working day `n` working days before `day`.
fn working_days_before(calendar: &Calendar, day: NaiveDate, n: u32) -> NaiveDate {
    let mut day = day;
    let mut left = n;
    while left > 0 {
        day = day.pred_opt().unwrap_or(day);
        if calendar.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

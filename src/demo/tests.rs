//! The demo county's shape and consistency.

use std::collections::HashSet;

use super::*;
use crate::domain::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn same_seed_same_county_other_seed_other_county() {
    let today = day(2026, 11, 23);
    let (a, ea) = generate(300, 1, today, 5);
    let (b, eb) = generate(300, 1, today, 5);
    assert_eq!(a.children, b.children);
    assert_eq!(a.staff, b.staff);
    assert_eq!((a.panels, a.absences, a.contacts, a.steps), (b.panels, b.absences, b.contacts, b.steps));
    assert_eq!(ea, eb);
    let (c, _) = generate(300, 2, today, 5);
    assert_ne!(a.children, c.children);
}

#[test]
fn records_hang_together() {
    for today in [day(2026, 11, 23), day(2028, 2, 29)] {
        let (county, events) = generate(600, 7, today, 6);
        assert_eq!(county.children.len(), 600);
        assert_eq!(events.len(), 600 * 6);
        let ids: HashSet<&str> = county.children.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), 600, "child ids are unique");
        let staff: HashSet<&str> = county.staff.iter().map(|s| s.id.as_str()).collect();
        let officers: HashSet<&str> =
            county.staff.iter().filter(|s| s.role == Role::Officer).map(|s| s.id.as_str()).collect();
        assert!(county.staff.iter().all(|s| s.login.is_none()), "a demo database: nobody signs in as themselves");
        for c in &county.children {
            assert!(c.officer.as_deref().is_none_or(|o| officers.contains(o)), "{}", c.id);
            assert!(c.date_of_birth <= today);
            for date in [c.request_date, c.assess_decision_date, c.draft_date, c.plan_date, c.last_review_date]
                .into_iter()
                .flatten()
            {
                assert!(date <= today && date >= c.date_of_birth, "{} {date}", c.id);
            }
            if c.stage.is_open_request() {
                assert!(c.request_date.is_some(), "{}", c.id);
            }
            if c.stage == Stage::Plan {
                assert!(c.plan_date.is_some(), "{}", c.id);
            }
            assert!(c.band.is_none_or(|b| (1..=9).contains(&b)));
        }
        for e in &events {
            assert!(ids.contains(e.child_id.as_str()));
            assert!(e.date <= today);
            assert!(e.staff_id.as_deref().is_none_or(|s| staff.contains(s)));
        }
        assert!(events.windows(2).all(|w| w[0].child_id != w[1].child_id || w[0].date <= w[1].date));
        assert!(county.panels.len() >= 5);
        assert!(county.panels.iter().all(|p| ids.contains(p.child_id.as_str())));
        assert!(county.panels.iter().all(|p| p.outcome.is_none() == (p.panel_date >= today)));
        assert!(!county.contacts.is_empty());
        assert!(county.contacts.iter().all(|c| ids.contains(c.child_id.as_str()) && c.received <= today));
        let step_ids: HashSet<i64> = county.steps.iter().map(|s| s.id).collect();
        assert_eq!(step_ids.len(), county.steps.len());
    }
}

#[test]
fn shares_look_like_an_authority() {
    let (county, _) = generate(5000, 1, day(2026, 11, 23), 0);
    let share = |stage: Stage| county.children.iter().filter(|c| c.stage == stage).count() as f64 / 50.0;
    assert!((83.0..91.0).contains(&share(Stage::Plan)), "plans {}", share(Stage::Plan));
    assert!((2.5..6.0).contains(&share(Stage::Request)), "requests {}", share(Stage::Request));
    let officers: Vec<&Staff> = county.staff.iter().filter(|s| s.role == Role::Officer).collect();
    let mean = county.children.iter().filter(|c| c.officer.is_some()).count() / officers.len();
    assert!((150..=280).contains(&mean), "mean caseload {mean}");
    let unallocated = county.children.iter().filter(|c| c.officer.is_none()).count();
    assert!((20..=150).contains(&unallocated), "{unallocated}");
    assert!(county.children.iter().any(|c| !c.first_name.is_ascii()));
}

#[test]
fn the_demos_absences_are_recorded_for_a_county_of_any_size() {
    let today = day(2026, 11, 23);
    let calendar = Calendar::england_and_wales();
    for children in [60, 400, 1200] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = crate::store::Store::open(&dir.path().join("demo.db")).expect("open");
        let (county, events) = generate(children, 1, today, 2);
        store.replace_all(&county, &events, Some("demo"), today).expect("write");
        record_absences(&mut store, &calendar, &RulesConfig::default(), today).expect("recorded");
        let county = store.load_county().expect("load");
        let sick_today = county.absences.iter().filter(|a| a.from == today && a.to.is_none()).count();
        let back_today = county.absences.iter().filter(|a| a.over(today) && a.acknowledged.is_none()).count();
        assert_eq!((county.absences.len(), sick_today, back_today), (3, 1, 1), "{children} children");
        assert!(county.covers.iter().any(|c| c.active(today, &county.absences)), "{children}: someone covers");
        assert!(!county.handovers.is_empty(), "{children}: hand-overs");
    }
}

#[test]
fn the_demo_hangs_together_stage_by_stage() {
    let today = day(2026, 11, 23);
    let (county, events) = generate(3000, 1, today, 8);
    let by_id: std::collections::HashMap<&str, &Child> = county.children.iter().map(|c| (c.id.as_str(), c)).collect();
    for contact in &county.contacts {
        let child = by_id[contact.child_id.as_str()];
        if !matches!(child.stage, Stage::Request | Stage::Assessment) {
            assert!(
                !contact.summary.contains("when the draft is due"),
                "{} at {}: {}",
                child.id,
                child.stage,
                contact.summary
            );
        }
    }
    for event in &events {
        let child = by_id[event.child_id.as_str()];
        if child.plan_date.is_none() {
            assert!(!event.summary.contains("Amended plan"), "{} ({}): {}", child.id, child.stage, event.summary);
            assert!(!event.summary.contains("Annual review"), "{} ({}): {}", child.id, child.stage, event.summary);
        }
    }
    for child in &county.children {
        let year = crate::domain::year_group::year_group(child.date_of_birth, today, child.year_group_override);
        if child.setting.as_deref().is_some_and(|s| s.contains("Infant School")) {
            assert!(year <= 2, "{} in Year {year} at {:?}", child.id, child.setting);
        }
        if child.setting.as_deref().is_some_and(|s| s.contains("Junior School")) {
            assert!((3..=6).contains(&year), "{} in Year {year} at {:?}", child.id, child.setting);
        }
    }
}

//! Several people, one database: saves made at the same moment both land, and a save made from
//! a form opened before a colleague's change is refused with the colleague's name, not written
//! over it.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use caseload::app::Overlay;
use caseload::app::update::handle_key;
use caseload::casework::{EditDetails, Entry, RecordError, Rules, record};
use caseload::domain::casework::{Change, DetailsEntry};
use caseload::domain::*;
use caseload::store::Store;
use common::{TODAY, day, erase, key, select_child, type_text};
use ratatui::crossterm::event::KeyCode;

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

/// A test database (no logins: `--as` says who records) holding `county`.
fn database(dir: &Path, county: &County) -> PathBuf {
    let path = dir.join("county.db");
    Store::open(&path).expect("open").replace_all(county, &[], Some("test"), day(TODAY)).expect("seed");
    path
}

/// Starts `caseload ARGS --as STAFF` without waiting for it.
fn start(db: &Path, staff: &str, args: &[String]) -> Child {
    Command::new(BIN)
        .args(args)
        .args(["--as", staff, "--today", TODAY, "--db"])
        .arg(db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts")
}

fn finish(process: Child) {
    let output = process.wait_with_output().expect("ends");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

fn child(db: &Path, id: &str) -> caseload::domain::Child {
    let county = Store::open(db).expect("open").load_county().expect("load");
    county.children.into_iter().find(|c| c.id == id).expect("the child")
}

#[test]
fn two_processes_changing_different_fields_of_one_child_both_keep_their_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path(), &common::county_without_logins());
    for round in 0..100u32 {
        let setting = format!("Setting {round}");
        let band = (round % 9 + 1).to_string();
        // Theo Brown (S1) holds Zoë (C3); James Hall (S4) manages the team.
        let officer = start(&db, "S1", &["child", "edit", "C3", "--setting", &setting].map(str::to_string));
        let manager = start(&db, "S4", &["child", "edit", "C3", "--band", &band].map(str::to_string));
        finish(officer);
        finish(manager);
        let zoe = child(&db, "C3");
        assert_eq!(zoe.setting.as_deref(), Some(setting.as_str()), "round {round}: the setting was lost");
        assert_eq!(zoe.band.map(|b| b.to_string()), Some(band), "round {round}: the band was lost");
    }
}

#[test]
fn two_steps_recorded_at_once_leave_the_child_at_the_right_stage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut county = common::county_without_logins();
    // Thirty children in assessment, each with health advice asked for on 1 Oct.
    let template = county.children[0].clone();
    county.children = (0..30)
        .map(|n| caseload::domain::Child {
            id: format!("A{n}"),
            stage: Stage::Assessment,
            request_date: Some(day("2026-09-01")),
            assess_decision_date: Some(day("2026-09-20")),
            ..template.clone()
        })
        .collect();
    county.steps = (0..30)
        .map(|n| common::recorded_step(n + 1, &format!("A{n}"), StepKind::AdviceRequested, "2026-10-01", "health"))
        .collect();
    county.contacts.clear();
    county.allocations.clear();
    county.panels.clear();
    county.bookings.clear();
    let db = database(dir.path(), &county);
    for n in 0..30 {
        let id = format!("A{n}");
        // The draft goes out while someone records the advice: whichever comes second sees the first.
        let draft = start(&db, "S1", &["step", &id, "draft_sent", "--date", TODAY].map(str::to_string));
        let advice = start(
            &db,
            "S1",
            &["step", &id, "advice_received", "--detail", "health", "--date", TODAY].map(str::to_string),
        );
        finish(draft);
        let _ = advice.wait_with_output().expect("ends"); // refused if the draft went first
        let child = child(&db, &id);
        assert_eq!((child.stage, child.draft_date), (Stage::Draft, Some(day(TODAY))), "{id}");
    }
}

#[test]
fn a_form_opened_before_a_colleagues_save_is_refused_with_their_name_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path(), &common::county());
    let mut store = Store::open(&db).expect("open");
    let mut app = common::app_as("S1");
    // Theo opens Zoë's details and starts changing her setting.
    select_child(&mut app, "C3");
    handle_key(&mut app, &key(KeyCode::Char('e')), &mut store);
    erase(&mut app, &mut store, 40);
    type_text(&mut app, &mut store, "Hillside Academy");

    // Meanwhile James Hall (S4), the manager, changes her band.
    let calendar = Calendar::england_and_wales();
    let settings = RulesConfig::default();
    let rules = Rules { today: day(TODAY), now: None, calendar: &calendar, rules: &settings };
    let band = EditDetails {
        child_id: "C3".into(),
        details: DetailsEntry { band: Change::Set(Some(7)), ..DetailsEntry::default() },
        seen: None,
    };
    record(&mut store, &Entry::Details(band), "S4", &rules).expect("the manager's change");

    // Theo's save is refused: nothing of his is written over the manager's change.
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("the form stays open: {:?}", app.message) };
    let error = form.error.as_ref().expect("the refusal is shown");
    assert!(error.message.starts_with("changed by James Hall at "), "{}", error.message);
    assert!(error.message.ends_with("since you opened it: reloaded, check and save again"), "{}", error.message);
    assert_eq!(form.value("setting"), "Hillside Academy", "what was typed stays");
    assert_eq!(child(&db, "C3").setting.as_deref(), Some("Millbrook Primary School"), "nothing of Theo's saved");
    assert_eq!(child(&db, "C3").band, Some(7));
    assert_eq!(app.data.county.children[app.data.child_index["C3"]].band, Some(7), "the interface reloaded");

    // Having checked, Theo saves again: his setting and the manager's band both stand.
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "saved: {:?}", app.message);
    let zoe = child(&db, "C3");
    assert_eq!((zoe.setting.as_deref(), zoe.band), (Some("Hillside Academy"), Some(7)));
}

#[test]
fn the_command_line_is_refused_a_stale_record_too() {
    // The command line reads and writes in one transaction, so it never works from a stale copy;
    // a save that names the version it saw is refused if the record has moved on.
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path(), &common::county_without_logins());
    let mut store = Store::open(&db).expect("open");
    let calendar = Calendar::england_and_wales();
    let settings = RulesConfig::default();
    let rules = Rules { today: day(TODAY), now: None, calendar: &calendar, rules: &settings };
    let edit = |band: u8, seen: Option<i64>| {
        Entry::Details(EditDetails {
            child_id: "C3".into(),
            details: DetailsEntry { band: Change::Set(Some(band)), ..DetailsEntry::default() },
            seen,
        })
    };
    record(&mut store, &edit(4, Some(0)), "S1", &rules).expect("version 0 is current");
    match record(&mut store, &edit(5, Some(0)), "S1", &rules) {
        Err(RecordError::Stale { by, .. }) => assert_eq!(by, "Theo Brown"),
        other => panic!("expected a stale refusal, got {other:?}"),
    }
    assert_eq!(child(&db, "C3").band, Some(4));
    record(&mut store, &edit(5, Some(1)), "S1", &rules).expect("version 1 is current");
}

#[test]
fn a_colleagues_save_is_read_back_for_that_child_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path(), &common::county_without_logins());
    let mut store = Store::open(&db).expect("open");
    let mut app = common::app_as("S1");
    app.seen_change = store.last_change().expect("last change");
    let calendar = Calendar::england_and_wales();
    let settings = RulesConfig::default();
    let rules = Rules { today: day(TODAY), now: None, calendar: &calendar, rules: &settings };
    let message = caseload::casework::RecordContact {
        child_id: "C3".into(),
        entry: caseload::domain::casework::ContactEntry::PhoneMessage,
        date: day(TODAY),
        summary: "Dad rang about the review".into(),
    };
    record(&mut store, &Entry::Contact(message), "S5", &rules).expect("business support take the message");

    let changes = store.changes_since(app.seen_change).expect("changes");
    assert!(!changes.everything);
    assert_eq!(changes.child_ids, vec!["C3".to_string()]);
    assert_eq!(changes.contacts.len(), 1);
    caseload::app::update::reload(&mut app, &store);
    let zoe = &app.data.rows[app.data.child_index["C3"]];
    assert_eq!(zoe.next.as_ref().map(|n| n.name), Some(MilestoneName::CallBack), "Zoë's row shows the call-back");
    assert_eq!(app.data.county.contacts.len(), 2, "the fixture's contact and the new one");
    assert!(store.changes_since(app.seen_change).expect("nothing more").is_empty());
}

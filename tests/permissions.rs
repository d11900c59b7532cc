//! Who may record what, at the casework layer (the same for the interface and the command line):
//! officers their own children and those they cover, seniors their team's, managers anyone's;
//! business support take messages, bookings and panel decisions but record no casework.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use caseload::app::Pane;
use caseload::app::update::handle_key;
use caseload::casework::*;
use caseload::domain::casework::{ContactEntry, StepEntry};
use caseload::domain::*;
use caseload::store::Store;
use common::{TODAY, day, key};
use ratatui::crossterm::event::KeyCode;

/// The test county (no logins) with a South team: officer Nia Cole (S6) holding Ava Reid (C7).
fn county() -> County {
    let mut county = common::county_without_logins();
    county.staff.push(Staff {
        id: "S6".into(),
        name: "Nia Cole".into(),
        role: Role::Officer,
        team: "South Pre-14".into(),
        login: None,
    });
    let mut ava = county.children[2].clone();
    (ava.id, ava.first_name, ava.last_name, ava.officer) =
        ("C7".into(), "Ava".into(), "Reid".into(), Some("S6".into()));
    county.children.push(ava);
    county
}

fn database(dir: &Path) -> PathBuf {
    let path = dir.join("county.db");
    Store::open(&path).expect("open").replace_all(&county(), &[], Some("test"), day(TODAY)).expect("seed");
    path
}

fn attempt(db: &Path, who: &str, entry: Entry) -> Result<String, RecordError> {
    let calendar = Calendar::england_and_wales();
    let settings = RulesConfig::default();
    let rules = Rules { today: day(TODAY), now: None, calendar: &calendar, rules: &settings };
    record(&mut Store::open(db).expect("open"), &entry, who, &rules)
}

/// A review meeting for `child` (all the test children with plans can have one).
fn review(child: &str) -> Entry {
    Entry::Step(RecordStep {
        child_id: child.into(),
        step: StepEntry { kind: StepKind::ReviewMeeting, date: day("2026-11-20"), until: None, detail: String::new() },
        seen: None,
        confirmed: false,
    })
}

fn note(child: &str) -> Entry {
    Entry::Contact(RecordContact {
        child_id: child.into(),
        entry: ContactEntry::Note,
        date: day(TODAY),
        summary: "rang the school".into(),
    })
}

fn refused(result: Result<String, RecordError>) -> String {
    match result {
        Err(RecordError::NotAllowed(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn officers_record_on_their_own_children_and_those_they_cover() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    // Theo Brown (S1) holds Logan (C2); Priya Shah (S2) holds Ibrahim (C4) and is away, Matilda
    // Fox (S3, a senior) covering.
    attempt(&db, "S1", review("C2")).expect("his own child");
    assert!(refused(attempt(&db, "S1", review("C4"))).contains("held by Priya Shah"));
    assert!(refused(attempt(&db, "S6", review("C2"))).contains("held by Theo Brown"));
    attempt(&db, "S1", note("C4")).expect("anyone takes a message for any child");
}

#[test]
fn cover_lets_an_officer_record_on_an_absent_colleagues_child() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut covered = county();
    covered.covers.push(Cover {
        id: 1,
        child_id: "C4".into(),
        officer_id: "S2".into(),
        cover_id: "S1".into(),
        from: day(TODAY),
        to: day("2026-11-25"),
        absence_id: Some(1),
        set_by: None,
    });
    let db = dir.path().join("county.db");
    Store::open(&db).expect("open").replace_all(&covered, &[], Some("test"), day(TODAY)).expect("seed");
    attempt(&db, "S1", review("C4")).expect("Theo covers Priya");
}

#[test]
fn seniors_record_on_their_team_managers_on_anyone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    attempt(&db, "S3", review("C4")).expect("the senior's team");
    assert!(refused(attempt(&db, "S3", review("C7"))).contains("in South Pre-14"));
    attempt(&db, "S4", review("C7")).expect("a manager, any child");
}

#[test]
fn business_support_take_messages_but_record_no_casework() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    attempt(&db, "S5", note("C7")).expect("a message");
    assert!(refused(attempt(&db, "S5", review("C2"))).contains("officers, seniors and managers"));
    let decision = Entry::PanelDecision(RecordPanelDecision {
        panel_id: 2,
        outcome: None,
        info_needed: String::new(),
        sent: Some((day("2026-11-20"), "letter".into())),
        seen: None,
        confirmed: false,
    });
    attempt(&db, "S5", decision).expect("the panel's letter");
}

#[test]
fn the_command_line_is_refused_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(["step", "C4", "review_meeting", "--date", "2026-11-20", "--as", "S1", "--today", TODAY, "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("not allowed: this child is held by Priya Shah"), "{said}");
}

#[test]
fn the_interface_says_so_before_a_form_opens() {
    // Theo, an officer, looks at the duty pane: Priya is away and Ibrahim's call-back is urgent.
    let mut app = common::app_as("S1");
    app.pane = Pane::Duty;
    app.refresh_views();
    let line =
        app.panes.duty.list.lines.iter().position(|l| matches!(l, caseload::app::panes::duty::DutyLine::Item(..)));
    app.panes.duty.list.selected = line.expect("an urgent line");
    handle_key(&mut app, &key(KeyCode::Char('t')), &mut common::FakeRecords);
    assert!(app.overlay.is_none(), "no step form");
    let said = app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default();
    assert!(said.contains("held by Priya Shah"), "{said}");
    // Taking a message is anyone's.
    handle_key(&mut app, &key(KeyCode::Char('c')), &mut common::FakeRecords);
    assert!(app.overlay.is_some(), "the contact form opens");
}

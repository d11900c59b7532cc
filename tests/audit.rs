//! The audit log shows who saw and changed what: opening a child's record is logged, rows cannot
//! be changed or deleted, and `caseload audit` filters by child, person and date and says what
//! changed.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use caseload::app::update::handle_key;
use caseload::store::Store;
use common::{TODAY, day, key, select_child};
use ratatui::crossterm::event::KeyCode;

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

fn database(dir: &Path) -> PathBuf {
    let path = dir.join("county.db");
    Store::open(&path)
        .expect("open")
        .replace_all(&common::county_without_logins(), &common::events(), Some("test"), day(TODAY))
        .expect("seed");
    path
}

fn run(db: &Path, args: &[&str]) -> String {
    let output =
        Command::new(BIN).args(args).args(["--as", "S1", "--today", TODAY, "--db"]).arg(db).output().expect("runs");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn views(db: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut statement =
        conn.prepare("SELECT staff_id, child_id FROM audit WHERE action = 'view_child' ORDER BY id").expect("sql");
    statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").map(|r| r.expect("row")).collect()
}

#[test]
fn opening_a_record_is_logged_in_the_interface_and_on_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    let mut store = Store::open(&db).expect("open");
    let mut app = common::app_as("S1");
    select_child(&mut app, "C2");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    // Moving about the timeline, or a reload, is not another opening.
    handle_key(&mut app, &key(KeyCode::Down), &mut store);
    caseload::app::update::reload(&mut app, &store);
    assert_eq!(views(&db), vec![("S1".to_string(), "C2".to_string())]);

    run(&db, &["render", "--pane", "timeline", "--child", "C3"]);
    run(&db, &["contact", "list", "--child", "C4"]);
    let children: Vec<String> = views(&db).into_iter().map(|(_, child)| child).collect();
    assert_eq!(children, ["C2", "C3", "C4"]);
}

#[test]
fn audit_rows_cannot_be_changed_or_deleted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    run(&db, &["contact", "add", "C3", "--kind", "note", "--summary", "rang school"]);
    let conn = rusqlite::Connection::open(&db).expect("open");
    let count = || conn.query_row("SELECT count(*) FROM audit", [], |r| r.get::<_, i64>(0)).expect("count");
    let before = count();
    let changed = conn.execute("UPDATE audit SET staff_id = 'S4'", []);
    assert!(changed.unwrap_err().to_string().contains("audit rows cannot be changed"));
    let deleted = conn.execute("DELETE FROM audit", []);
    assert!(deleted.unwrap_err().to_string().contains("audit rows cannot be deleted"));
    assert_eq!(count(), before);
}

#[test]
fn the_audit_filters_by_child_person_and_date_and_says_what_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    run(&db, &["child", "edit", "C3", "--band", "5"]);
    run(&db, &["step", "C2", "review_meeting", "--date", "2026-11-19"]);
    let zoe = run(&db, &["audit", "--child", "C3"]);
    assert!(zoe.contains("Theo Brown (S1)"), "{zoe}");
    assert!(zoe.contains("Zoë Łukasiewicz (C3) · band 3 → 5"), "{zoe}");
    assert!(!zoe.contains("review meeting"), "{zoe}");
    let logan = run(&db, &["audit", "--child", "C2"]);
    assert!(logan.contains("review meeting 19 Nov 2026"), "{logan}");
    assert!(run(&db, &["audit", "--staff", "S4"]).contains("Nothing in the audit log matches"));
    assert!(run(&db, &["audit", "--until", "2020-01-01"]).contains("Nothing in the audit log matches"));
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();
    assert!(run(&db, &["audit", "--since", &today, "--staff", "S1"]).contains("band 3 → 5"));
    let json: serde_json::Value = serde_json::from_str(&run(&db, &["audit", "--child", "C3", "--json"])).expect("json");
    assert_eq!(json[0]["before"]["band"], 3);
    assert_eq!(json[0]["after"]["band"], 5);
    assert_eq!(json[0]["account"].as_str().map(str::is_empty), Some(false), "the account that ran it");
}

//! Importing over a database that holds a county: managers only, said out loud first, confirmed,
//! never emptying it, with a backup kept before anything goes.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use caseload::store::Store;
use common::{TODAY, day};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sample")
}

/// A test database (no logins: --as says who) holding the test county.
fn database(dir: &Path) -> PathBuf {
    let path = dir.join("county.db");
    Store::open(&path)
        .expect("open")
        .replace_all(&common::county_without_logins(), &common::events(), Some("test"), day(TODAY))
        .expect("seed");
    path
}

fn import(db: &Path, from: &Path, who: &str, extra: &[&str]) -> Output {
    Command::new(BIN)
        .args(["import", "--today", TODAY, "--as", who, "--db"])
        .arg(db)
        .arg(from)
        .args(extra)
        .output()
        .expect("runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn children(db: &Path) -> usize {
    Store::open(db).expect("open").child_count().expect("count")
}

#[test]
fn only_a_manager_replaces_the_county() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    let output = import(&db, &sample(), "S1", &["--replace", "--confirm"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("not allowed: only managers import over or restore the database"),
        "{}",
        stderr(&output)
    );
    assert_eq!(children(&db), 6, "nothing changed");
}

#[test]
fn replace_says_what_goes_and_waits_for_confirm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    let output = import(&db, &sample(), "S4", &["--replace"]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(
        said.contains(
            "--replace would remove everything the database holds: 6 children, 5 staff, 2 case history events"
        ),
        "{said}"
    );
    assert!(said.contains("contacts") && said.contains("panel cases") && said.contains("surgery call-backs"), "{said}");
    assert!(said.contains("Add --confirm to go ahead"), "{said}");
    assert_eq!(children(&db), 6, "nothing changed");
    let without_replace = import(&db, &sample(), "S4", &[]);
    assert!(stderr(&without_replace).contains("--replace removes all of it"), "{}", stderr(&without_replace));
}

#[test]
fn a_file_with_no_children_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("folder");
    std::fs::copy(sample().join("staff.csv"), empty.join("staff.csv")).expect("copy");
    let header = std::fs::read_to_string(sample().join("children.csv")).expect("read");
    std::fs::write(empty.join("children.csv"), header.lines().next().expect("a header")).expect("write");
    let output = import(&db, &empty, "S4", &["--replace", "--confirm"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("holds no children: importing it would remove every child"),
        "{}",
        stderr(&output)
    );
    assert_eq!(children(&db), 6, "nothing changed");
}

#[test]
fn a_confirmed_replace_keeps_a_backup_first_and_records_who_ran_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path());
    let output = import(&db, &sample(), "S4", &["--replace", "--confirm"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("kept a backup of the database as it was"), "{}", stderr(&output));
    let backup = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains("before-import-"))
        .expect("a backup beside the database");
    assert_eq!(children(&backup), 6, "the backup holds the county as it was");
    assert!(children(&db) > 6, "the sample replaced it");
    let conn = rusqlite::Connection::open(&db).expect("open");
    let who: Option<String> = conn
        .query_row("SELECT staff_id FROM audit WHERE action = 'replace_all' ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
        .expect("an audit row");
    assert_eq!(who.as_deref(), Some("S4"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).expect("metadata").permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner only: {mode:o}");
    }
}

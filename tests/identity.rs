//! Who is recording: on a database whose staff have logins, the operating-system account that
//! runs the program (never `$USER`, never `--as`); saves are checked against the real date.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use caseload::store::Store;
use common::{TODAY, day};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

/// The account running these tests, as the system names it.
fn me() -> String {
    let output = Command::new("id").arg("-un").output().expect("id runs");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// The test county with Theo Brown (S1) signing in as `login`, and everyone else as themselves.
fn database(dir: &Path, login: &str) -> PathBuf {
    let mut county = common::county();
    for staff in &mut county.staff {
        staff.login = Some(if staff.id == "S1" { login.to_string() } else { format!("{}-account", staff.id) });
    }
    let path = dir.join("county.db");
    Store::open(&path).expect("open").replace_all(&county, &[], Some("test"), day(TODAY)).expect("seed");
    path
}

fn run(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).arg("--db").arg(db);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn audit_names(db: &Path) -> Vec<(Option<String>, Option<String>)> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut statement = conn.prepare("SELECT staff_id, account FROM audit WHERE action <> 'replace_all'").expect("sql");
    statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").map(|r| r.expect("row")).collect()
}

const NOTE: &[&str] = &["contact", "add", "C3", "--kind", "note", "--summary", "spoke to school"];

#[test]
fn the_account_running_the_program_is_who_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let account = me();
    let db = database(dir.path(), &account);
    // $USER claims to be someone else: it is not asked.
    let output = run(&db, NOTE, &[("USER", "S4-account"), ("LOGNAME", "S4-account")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(audit_names(&db), vec![(Some("S1".to_string()), Some(account))]);
}

#[test]
fn as_is_refused_where_staff_have_logins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path(), &me());
    let output = run(&db, &[NOTE, &["--as", "S4"]].concat(), &[]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("--as S4: on this database everyone is who they sign in as"), "{message}");
    assert!(audit_names(&db).is_empty(), "nothing saved");
}

#[test]
fn an_account_not_on_the_staff_list_is_refused_with_who_to_ask() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path(), "somebody-else");
    let output = run(&db, NOTE, &[("USER", "S1-account")]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains(&format!("the account \"{}\" is not on the staff list", me())), "{message}");
    assert!(message.contains("ask James Hall to add it"), "{message}");
    assert!(audit_names(&db).is_empty(), "nothing saved");
}

#[test]
fn today_may_look_ahead_but_saves_are_checked_against_the_real_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = database(dir.path(), &me());
    // Looking ahead is fine.
    let output = run(&db, &["deadlines", "--today", "2030-01-01"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Recording the future is not, whatever --today says.
    let output = run(&db, &[NOTE, &["--today", "2030-01-01", "--date", "2029-06-01"]].concat(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("--date: 1 Jun 2029 is in the future"), "{}", stderr(&output));
    assert!(audit_names(&db).is_empty(), "nothing saved");
}

#[test]
fn as_names_who_records_on_a_test_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("county.db");
    Store::open(&path)
        .expect("open")
        .replace_all(&common::county_without_logins(), &[], Some("test"), day(TODAY))
        .expect("seed");
    let output = run(&path, &[NOTE, &["--as", "S1", "--today", TODAY]].concat(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(audit_names(&path)[0].0.as_deref(), Some("S1"));
    // Without --as, nobody can be named.
    let output = run(&path, &[NOTE, &["--today", TODAY]].concat(), &[]);
    assert!(stderr(&output).contains("pass --as STAFF_ID"), "{}", stderr(&output));
}

//! Import, export and the store, against the shared sample and bad files.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use caseload::store::Store;
use caseload::store::import::read_import_dir;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(path)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

fn sample_store(dir: &Path) -> Store {
    let set = read_import_dir(&data("sample"), today()).expect("the sample is valid");
    let mut store = Store::open(&dir.join("county.db")).expect("open");
    store.import(&set, false, Some("test"), today()).expect("import");
    store
}

/// bad/README.md: each folder and the errors it must be refused with.
const BAD: &[(&str, &[&str])] = &[
    ("bad_date", &["children.csv:4: date_of_birth \"2019-02-30\" is not a date"]),
    ("duplicate_child_id", &["children.csv:5: child_id \"C100002\" is a duplicate (first at line 3)"]),
    ("unknown_officer", &["children.csv:3: officer \"S099\" is not in staff.csv"]),
    ("missing_required_column", &["children.csv:1: required column \"stage\" is missing"]),
    ("bad_stage", &["children.csv:5: stage \"final\" is not one of request, assessment, draft, plan, ceased"]),
    ("future_request_date", &["children.csv:4: request_date \"2099-01-10\" is in the future"]),
    ("wrong_quoting", &["events.csv:5: unterminated quoted field"]),
    ("quote_in_unquoted_field", &["events.csv:5: quote inside an unquoted field"]),
    ("missing_plan_date", &["children.csv:5: plan_date is required for stage plan"]),
    ("bad_band", &["children.csv:2: band \"10\" is not 1-9"]),
    ("event_unknown_child", &["events.csv:4: child_id \"C100009\" is not in children.csv"]),
    (
        "bad_event_kind",
        &["events.csv:5: kind \"visit\" is not one of note, call, email, letter, meeting, panel, review"],
    ),
    (
        "two_errors",
        &[
            "children.csv:3: assess_decision_date \"2026-13-01\" is not a date",
            "children.csv:5: officer \"S007\" is not in staff.csv",
        ],
    ),
];

#[test]
fn every_bad_folder_is_refused_with_its_error() {
    let folders: Vec<String> = std::fs::read_dir(data("bad"))
        .expect("bad/ exists")
        .filter_map(std::result::Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folders.len(), BAD.len(), "a bad case without an expectation: {folders:?}");
    for (folder, expected) in BAD {
        let report = read_import_dir(&data(&format!("bad/{folder}")), today()).expect_err(folder);
        let got: Vec<String> = report.errors.iter().map(std::string::ToString::to_string).collect();
        assert_eq!(got, *expected, "{folder}");
    }
}

#[test]
fn a_refused_import_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = sample_store(dir.path());
    let before = (store.child_count().expect("count"), store.event_count().expect("count"));
    drop(store);
    let bin = env!("CARGO_BIN_EXE_caseload");
    for (folder, expected) in BAD {
        let output = std::process::Command::new(bin)
            .args(["import", "--replace", "--today", "2026-11-23", "--db"])
            .arg(dir.path().join("county.db"))
            .arg(data(&format!("bad/{folder}")))
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{folder}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        for line in *expected {
            assert!(stderr.contains(line), "{folder}: {stderr}");
        }
        assert!(stderr.contains("nothing was imported"), "{stderr}");
    }
    let store = Store::open(&dir.path().join("county.db")).expect("open");
    assert_eq!((store.child_count().expect("count"), store.event_count().expect("count")), before);
}

#[test]
fn the_sample_imports_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = sample_store(dir.path());
    let county = store.load_county().expect("load");
    assert_eq!(county.staff.len(), 17);
    assert_eq!(county.children.len(), 300);
    assert_eq!(store.event_count().expect("count"), 1500);
    let charlie = county.children.iter().find(|c| c.id == "C100001").expect("C100001");
    assert_eq!(charlie.last_name, "Ashworth-Hale");
    assert_eq!(charlie.plan_date, NaiveDate::from_ymd_opt(2017, 11, 3));
    assert_eq!(charlie.band, Some(6));
    // Quotes, new lines and non-ASCII letters survive.
    let events = store.events_for_child("C100001").expect("history");
    assert!(events.iter().any(|e| e.summary == "Mrs Hughes:\n\"Thanks, Zoë & Łukasz\""), "{events:#?}");
    assert!(events.windows(2).all(|w| w[0].date >= w[1].date), "newest first");
    // The import is in the audit log.
    let audit = store.audit_rows(5).expect("audit");
    assert_eq!(audit[0].action, "replace_all");
    assert_eq!(audit[0].staff_id.as_deref(), Some("test"));
}

#[test]
fn a_second_import_needs_replace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = sample_store(dir.path());
    let set = read_import_dir(&data("sample"), today()).expect("valid");
    let error = store.import(&set, false, None, today()).expect_err("refused").to_string();
    assert!(error.contains("already holds 300 children"), "{error}");
    assert_eq!(store.import(&set, true, None, today()).expect("replaced").children, 300);
    assert_eq!(store.event_count().expect("count"), 1500, "replaced, not doubled");
}

#[test]
fn export_round_trips_to_identical_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = sample_store(dir.path());
    let first = dir.path().join("first");
    store.export_dir(&first, false).expect("export");
    let set = read_import_dir(&first, today()).expect("an export imports");
    let mut again = Store::open(&dir.path().join("again.db")).expect("open");
    again.import(&set, false, None, today()).expect("import");
    let second = dir.path().join("second");
    again.export_dir(&second, false).expect("export");
    for file in ["staff.csv", "children.csv", "events.csv"] {
        let a = std::fs::read(first.join(file)).expect("read");
        let b = std::fs::read(second.join(file)).expect("read");
        assert!(a == b, "{file} differs after a round trip");
    }
    // The same records as the original sample.
    assert_eq!(again.load_county().expect("load").children, store.load_county().expect("load").children);
    // No overwriting without force.
    let error = store.export_dir(&first, false).expect_err("refused").to_string();
    assert!(error.contains("--force"), "{error}");
    store.export_dir(&first, true).expect("forced");
}

#[test]
fn missing_files_and_folders_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = read_import_dir(dir.path(), today()).expect_err("empty folder");
    let lines: Vec<String> = report.errors.iter().map(std::string::ToString::to_string).collect();
    assert!(lines[0].starts_with("staff.csv: not found in"), "{lines:?}");
    assert!(lines[1].starts_with("children.csv: not found in"), "{lines:?}");
    let report = read_import_dir(&dir.path().join("nope"), today()).expect_err("no folder");
    assert!(report.errors[0].to_string().ends_with("no such folder"));
}

#[test]
fn rows_with_several_problems_and_odd_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("staff.csv"),
        "staff_id,name,role,team,login,extra\r\nS1,Ann,officer,North,ann,x\r\nS1,Bob,boss,North,ann,y\r\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("children.csv"),
        "child_id,first_name,last_name,date_of_birth,stage,officer,primary_need\nC1,A,B,2015-01-01,plan,S1,asd\nC2,,B,2030-01-01,request,S1,XYZ\nC3,A\n",
    )
    .expect("write");
    let report = read_import_dir(dir.path(), today()).expect_err("refused");
    let lines: Vec<String> = report.errors.iter().map(std::string::ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "staff.csv:3: role \"boss\" is not one of officer, senior, manager, admin",
            "staff.csv:3: staff_id \"S1\" is a duplicate (first at line 2)",
            "staff.csv:3: login \"ann\" is a duplicate (first at line 2)",
            "children.csv:4: has 2 fields, the header has 7",
            "children.csv:2: plan_date is required for stage plan",
            "children.csv:3: first_name is required",
            "children.csv:3: date_of_birth \"2030-01-01\" is in the future",
            "children.csv:3: primary_need \"XYZ\" is not one of ASD, SLCN, SEMH, SPLD, MLD, SLD, PMLD, PD, HI, VI, MSI, DS, OTH, NSA",
            "children.csv:3: request_date is required for stage request",
        ]
    );
}

#[test]
fn database_files_are_private_and_newer_schemas_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("private").join("county.db");
    drop(Store::open(&path).expect("open"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "database file mode");
        let dir_mode = std::fs::metadata(path.parent().expect("parent")).expect("stat").permissions().mode() & 0o777;
        assert_eq!(dir_mode, 0o700, "database folder mode");
    }
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", 99).expect("set version");
    }
    let error = Store::open(&path).err().expect("refused").to_string();
    assert!(error.contains("schema version 99"), "{error}");
}

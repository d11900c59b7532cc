//! Recording casework through the built binary: choices in either spelling, clear refusals that
//! name the option and save nothing, and help for every argument.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use caseload::domain::Stage;
use caseload::store::Store;
use common::{TODAY, day};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

/// The test county in a fresh database.
fn county_db(dir: &Path) -> PathBuf {
    let path = dir.join("county.db");
    let mut store = Store::open(&path).expect("open");
    // A test database: nobody has a login, so --as says who records.
    store.replace_all(&common::county_without_logins(), &common::events(), Some("test"), day(TODAY)).expect("seed");
    path
}

/// Runs `caseload ARGS` as officer S1 on the test day.
fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN).args(args).args(["--as", "S1", "--today", TODAY, "--db"]).arg(db).output().expect("runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn saved(db: &Path, args: &[&str]) -> String {
    let output = run(db, args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn audited(db: &Path) -> usize {
    Store::open(db).expect("open").audit_rows(10_000).expect("audit").len()
}

fn stage(db: &Path, child: &str) -> Option<Stage> {
    let county = Store::open(db).expect("open").load_county().expect("load");
    county.children.iter().find(|c| c.id == child).map(|c| c.stage)
}

fn help(args: &[&str]) -> String {
    let output = Command::new(BIN).args(args).arg("--help").output().expect("runs");
    assert!(output.status.success(), "{args:?} --help");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn choices_take_either_spelling_in_any_case() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = county_db(dir.path());
    for kind in ["phone-message", "Phone_Message", "email_received", "EMAIL-SENT"] {
        saved(&db, &["contact", "add", "C1", "--kind", kind, "--summary", "about transport"]);
    }
    let out = saved(&db, &["step", "C1", "Assess-Decision", "--detail", "AGREED", "--date", "2026-11-20"]);
    assert!(out.contains("stage now assessment"), "{out}");
    saved(&db, &["step", "C1", "advice_requested", "--detail", "social-care", "--date", "2026-11-20"]);
    saved(&db, &["step", "C1", "advice-received", "--detail", "Social_Care"]);
    saved(&db, &["panel", "submit", "C3", "--date", "2026-12-03", "--question", "AMEND", "--papers", "EP advice"]);
    saved(&db, &["panel", "decision", "2", "--sent", TODAY, "--how", "Letter"]);
    saved(&db, &["dispute", "add", "C2", "--kind", "APPEAL"]);
    saved(&db, &["dispute", "update", "1", "--order", "make-plan", "--order-date", TODAY]);
    // Stored in the one spelling, whichever was typed.
    let county = Store::open(&db).expect("open").load_county().expect("load");
    assert!(county.steps.iter().any(|s| s.detail == "social_care"), "{:?}", county.steps);
    assert_eq!(county.panels.iter().find(|p| p.id == 2).map(|p| p.sent_how.as_str()), Some("letter"));
    // Help and errors show one spelling.
    let contact = help(&["contact", "add"]);
    assert!(contact.contains("phone_message") && !contact.contains("phone-message"), "{contact}");
    let refused = run(&db, &["contact", "add", "C1", "--kind", "phone-mesage", "--summary", "x"]);
    assert!(stderr(&refused).contains("phone_message, call, email_received"), "{}", stderr(&refused));
    assert!(!stderr(&refused).contains("phone-message"), "{}", stderr(&refused));
}

#[test]
fn a_bad_cease_reason_is_refused_with_the_reasons_before_any_confirmation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = county_db(dir.path());
    let before = audited(&db);
    for extra in [&[][..], &["--confirm"][..]] {
        let refused = run(&db, &[&["step", "C3", "ceased", "--detail", "12"][..], extra].concat());
        let text = stderr(&refused);
        assert_eq!(refused.status.code(), Some(1), "{text}");
        assert!(text.contains("--detail 12: not a SEN2 ceasing reason"), "{text}");
        assert!(text.contains("1 · reached the maximum age") && text.contains("9 · other"), "{text}");
        assert!(!text.contains("--confirm"), "{text}");
    }
    let missing = stderr(&run(&db, &["step", "C3", "ceased"]));
    assert!(missing.contains("--detail is needed") && missing.contains("2 · needs met without a plan"), "{missing}");
    // Anything else wrong is said before confirmation is asked for, too.
    let future = stderr(&run(&db, &["step", "C3", "ceased", "--detail", "2", "--date", "2026-12-01"]));
    assert!(future.contains("--date: 1 Dec 2026 is in the future") && !future.contains("--confirm"), "{future}");
    assert_eq!((audited(&db), stage(&db, "C3")), (before, Some(Stage::Plan)), "nothing saved");

    let asked = stderr(&run(&db, &["step", "C3", "ceased", "--detail", "2"]));
    assert!(asked.contains("needs met without a plan") && asked.contains("Add --confirm"), "{asked}");
    assert_eq!(stage(&db, "C3"), Some(Stage::Plan));
    saved(&db, &["step", "C3", "ceased", "--detail", "2", "--confirm"]);
    assert_eq!(stage(&db, "C3"), Some(Stage::Ceased));
}

#[test]
fn bad_input_names_the_option_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = county_db(dir.path());
    let before = audited(&db);
    let cases: &[(&[&str], &str)] = &[
        (&["contact", "add", "C1", "--kind", "fax", "--summary", "x"], "'--kind <KIND>'"),
        (
            &["contact", "add", "C1", "--kind", "call", "--summary", "x", "--date", "2026-13-01"],
            "'--date <YYYY-MM-DD>'",
        ),
        (&["contact", "add", "C1", "--kind", "call", "--summary", "x", "--date", "23/11/2026"], "not a date like"),
        (&["contact", "add", "C1", "--kind", "call", "--summary", "x", "--date", "2026-11-30"], "--date: 30 Nov 2026"),
        (&["contact", "add", "C1", "--kind", "call", "--summary", " "], "--summary:"),
        (&["contact", "promise", "1", "--date", "2026-11-20"], "--date:"),
        (&["step", "C1", "assess_decision", "--detail", "maybe"], "--detail maybe: not a decision"),
        (&["step", "C1", "exception", "--detail", "e", "--until", TODAY], "a · school closed 4+ weeks"),
        (&["step", "C1", "exception", "--detail", "a"], "--until:"),
        (&["step", "C1", "final-plan"], "'<KIND>'"),
        (&["panel", "submit", "C1", "--date", "2026-12-03", "--question", "maybe", "--papers", "x"], "--question"),
        (&["panel", "submit", "C3", "--date", "2026-11-02", "--question", "band", "--papers", "x"], "--date:"),
        (&["panel", "decision", "2", "--sent", TODAY], "--how"),
        (&["panel", "decision", "2", "--sent", TODAY, "--how", "pigeon"], "'--how <HOW>'"),
        (&["panel", "decision", "2", "--outcome", "maybe"], "'--outcome <OUTCOME>'"),
        (&["dispute", "add", "C2", "--kind", "complaint"], "'--kind <KIND>'"),
        (&["dispute", "update", "1", "--order", "fine"], "'--order <ORDER>'"),
        (
            &[
                "surgery",
                "book",
                "--officer",
                "S1",
                "--date",
                TODAY,
                "--time",
                "2pm",
                "--number",
                "01234 567890",
                "--query",
                "x",
            ],
            "'--time <HH:MM>'",
        ),
        (&["surgery", "set", "S1", "sat 10:00-11:00"], "Monday to Friday"),
        (&["child", "edit", "C1", "--band", "x"], "--band x"),
        (&["child", "edit", "C1", "--need", "XYZ"], "--need XYZ"),
        (&["child", "edit", "C1", "--year-group", "20"], "--year-group:"),
    ];
    for (args, says) in cases {
        let output = run(&db, args);
        assert!(!output.status.success(), "{args:?} was accepted");
        assert!(stderr(&output).contains(says), "{args:?}: {}", stderr(&output));
    }
    assert_eq!(audited(&db), before, "nothing was saved");
}

#[test]
fn every_argument_and_option_has_help() {
    let commands: &[&[&str]] = &[
        &["import"],
        &["export"],
        &["deadlines"],
        &["report"],
        &["demo"],
        &["render"],
        &["contact", "add"],
        &["contact", "answer"],
        &["contact", "promise"],
        &["contact", "list"],
        &["step"],
        &["panel", "submit"],
        &["panel", "decision"],
        &["panel", "list"],
        &["child", "edit"],
        &["surgery", "set"],
        &["surgery", "book"],
        &["surgery", "list"],
        &["dispute", "add"],
        &["dispute", "update"],
        &["dispute", "list"],
        &["audit"],
    ];
    for command in commands {
        let text = help(command);
        // An argument line is its name, two spaces, then what it is for.
        for line in text.lines().filter(|l| l.starts_with("  ") && l.trim_start().starts_with(['-', '<'])) {
            let described = line.trim().split_once("  ").is_some_and(|(_, about)| !about.trim().is_empty());
            assert!(described, "{command:?}: no help for {}", line.trim());
        }
        assert!(!text.contains("<DATE>"), "{command:?}: dates show their format\n{text}");
    }
    let step = help(&["step"]);
    for meaning in
        ["1 · reached the maximum age", "9 · other", "a · school closed 4+ weeks", "d · child or family away"]
    {
        assert!(step.contains(meaning), "{meaning}\n{step}");
    }
    assert!(step.contains("--detail <DETAIL>") && step.contains("--confirm"), "{step}");
    let update = help(&["dispute", "update"]);
    assert!(update.contains("--order-date <YYYY-MM-DD>  When the tribunal made its order"), "{update}");
    assert!(update.contains("--closed <YYYY-MM-DD>") && update.contains("make_plan"), "{update}");
    assert!(help(&["dispute", "add"]).contains("<CHILD>  The child's id"));
    assert!(help(&["panel", "submit"]).contains("[possible values: assess, issue_plan, amend, placement, band]"));
}

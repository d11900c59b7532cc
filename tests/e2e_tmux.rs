//! Drives the real binary in a tmux pseudo-terminal: the demo's first screen, a search, the
//! timeline, a clean quit with exit status 0, and the shell's screen back afterwards.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");
const TODAY: &str = "2026-11-23";

struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", self.session.as_str()];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.session])
    }

    /// Waits (up to 20 s, generous for a loaded CI machine) until the screen contains `text`.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "never saw {text:?}; screen was:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

#[test]
fn demo_opens_searches_shows_a_timeline_and_quits_cleanly() {
    if !tmux_available() {
        assert!(std::env::var_os("CI").is_none(), "tmux is part of the CI machine image and must be there");
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("demo.db");
    let status_file = dir.path().join("status");
    // Build the demo database first, outside the terminal.
    let built = Command::new(BIN)
        .args(["demo", "--print", "--children", "400", "--today", TODAY, "--db"])
        .arg(&db)
        .output()
        .expect("demo runs");
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));

    let tmux = Tmux { socket: format!("caseload-e2e-{}", std::process::id()), session: "e2e".into() };
    let command = format!(
        "env -u USER -u LOGNAME -u USERNAME {bin} demo --today {TODAY} --db {db}; echo $? > {status}; echo DONE; sleep 30",
        bin = BIN,
        db = shell_path(&db),
        status = shell_path(&status_file),
    );
    tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", &command]);

    // The demo's staff are fictional, so it asks who to be.
    tmux.wait_for("Who are you?");
    tmux.keys(&["Manager"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("signed in as");
    assert!(screen.contains("Caseload"), "{screen}");
    assert!(screen.contains("children"), "{screen}");

    // Whole authority, then search for a child by id from the first row.
    tmux.keys(&["v"]);
    tmux.wait_for("Whose caseload?");
    tmux.keys(&["whole", "Enter"]);
    tmux.wait_for("whole authority");
    tmux.keys(&["/", "C1000", "Enter"]);
    tmux.wait_for("matching");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Statutory milestones");
    assert!(screen.contains("Timeline ·"), "{screen}");

    tmux.keys(&["3"]);
    tmux.wait_for("Panel queue ─");
    tmux.keys(&["4"]);
    tmux.wait_for("Duty cover ─");
    tmux.keys(&["q"]);
    let screen = tmux.wait_for("DONE");
    let status = std::fs::read_to_string(&status_file).expect("exit status written");
    assert_eq!(status.trim(), "0", "exit status; screen:\n{screen}");
    // The alternate screen is gone: no pane border remains.
    assert!(!screen.contains("Caseload ─"), "terminal not restored:\n{screen}");
}

fn shell_path(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn a_phone_message_recorded_in_the_interface_shows_its_call_back_on_the_caseload() {
    if !tmux_available() {
        assert!(std::env::var_os("CI").is_none(), "tmux is part of the CI machine image and must be there");
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let county = dir.path().join("county");
    std::fs::create_dir(&county).expect("folder");
    // A test database: no logins, so --as says who is who.
    std::fs::write(county.join("staff.csv"), "staff_id,name,role,team\nS1,Theo Brown,officer,North\n").expect("write");
    std::fs::write(
        county.join("children.csv"),
        "child_id,first_name,last_name,date_of_birth,officer,stage,plan_date,last_review_date\n\
         C1,Holly,Stewart,2015-04-18,S1,plan,2020-03-01,2026-10-01\n",
    )
    .expect("write");
    let db = dir.path().join("county.db");
    let imported =
        Command::new(BIN).args(["import", "--today", TODAY, "--db"]).arg(&db).arg(&county).output().expect("runs");
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));

    let status_file = dir.path().join("status");
    let tmux = Tmux { socket: format!("caseload-e2e-contact-{}", std::process::id()), session: "e2e".into() };
    let command = format!(
        "{BIN} --as S1 --today {TODAY} --db {db}; echo $? > {status}; echo DONE; sleep 30",
        db = shell_path(&db),
        status = shell_path(&status_file),
    );
    tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", &command]);
    let screen = tmux.wait_for("Holly Stewart");
    assert!(!screen.contains("call back"), "{screen}");
    tmux.keys(&["c"]);
    tmux.wait_for("Record a contact");
    // Kind is already "phone message"; go to the summary and type it.
    tmux.keys(&["Tab", "Tab"]);
    tmux.keys(&["-l", "Mum asked about transport"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("call back by Wed 25 Nov 2026");
    // Mon 23 Nov 2026 + 2 working days = Wed 25 Nov.
    let row = screen.lines().find(|l| l.contains("Holly Stewart")).expect("the child's row");
    assert!(row.contains("call back") && row.contains("25 Nov 26"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("DONE");
    assert_eq!(std::fs::read_to_string(&status_file).expect("status").trim(), "0");
}

#[test]
fn a_colleagues_save_shows_within_two_seconds_while_keys_are_being_pressed() {
    if !tmux_available() {
        assert!(std::env::var_os("CI").is_none(), "tmux is part of the CI machine image and must be there");
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let county = dir.path().join("county");
    std::fs::create_dir(&county).expect("folder");
    // A test database: no logins, so --as says who is who.
    std::fs::write(
        county.join("staff.csv"),
        "staff_id,name,role,team\nS1,Theo Brown,officer,North\nS2,Priya Shah,officer,North\n",
    )
    .expect("write");
    std::fs::write(
        county.join("children.csv"),
        "child_id,first_name,last_name,date_of_birth,officer,stage,plan_date,last_review_date\n\
         C1,Holly,Stewart,2015-04-18,S1,plan,2020-03-01,2026-10-01\n\
         C2,Logan,Wright,2014-02-11,S1,plan,2021-03-01,2026-09-01\n\
         C3,Zara,Khan,2013-06-30,S1,plan,2019-03-01,2026-08-01\n",
    )
    .expect("write");
    let db = dir.path().join("county.db");
    let imported =
        Command::new(BIN).args(["import", "--today", TODAY, "--db"]).arg(&db).arg(&county).output().expect("runs");
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));

    let tmux = Tmux { socket: format!("caseload-e2e-colleague-{}", std::process::id()), session: "e2e".into() };
    let command = format!("{BIN} --as S1 --today {TODAY} --db {db}; sleep 30", db = shell_path(&db));
    tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "24", &command]);
    let screen = tmux.wait_for("Holly Stewart");
    assert!(!screen.contains("call back"), "{screen}");

    // Priya takes a phone message for Holly from her own session, while Theo keeps moving up
    // and down his list.
    let saved = Command::new(BIN)
        .args(["contact", "add", "C1", "--kind", "phone_message", "--summary", "Mum rang", "--as", "S2"])
        .args(["--today", TODAY, "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert!(saved.status.success(), "{}", String::from_utf8_lossy(&saved.stderr));
    let start = Instant::now();
    let mut down = true;
    loop {
        tmux.keys(&[if down { "Down" } else { "Up" }]);
        down = !down;
        let screen = tmux.screen();
        if screen.lines().any(|l| l.contains("Holly Stewart") && l.contains("call back")) {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(2), "not shown within 2 s of the save:\n{screen}");
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux.keys(&["q"]);
}

#[test]
fn back_at_work_the_demo_officer_reads_the_handback_first_and_it_stays_read_after_a_restart() {
    if !tmux_available() {
        assert!(std::env::var_os("CI").is_none(), "tmux is part of the CI machine image and must be there");
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("demo.db");
    let built = Command::new(BIN)
        .args(["demo", "--print", "--children", "400", "--today", TODAY, "--db"])
        .arg(&db)
        .output()
        .expect("demo runs");
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    // The demo's officer back today after a week off sick.
    let county = caseload::store::Store::open(&db).expect("open").load_county().expect("load");
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a date");
    let back = county.absences.iter().find(|a| a.to.is_some_and(|to| to < today)).expect("someone back today");
    let name = county.staff.iter().find(|s| s.id == back.staff_id).expect("on the staff list").name.clone();
    let tmux = Tmux { socket: format!("caseload-handback-{}", std::process::id()), session: "e2e".into() };
    let command = format!(
        "env -u USER -u LOGNAME -u USERNAME {bin} demo --today {TODAY} --db {db}; echo FIRST; \
         {bin} demo --today {TODAY} --db {db}; echo DONE; sleep 30",
        bin = BIN,
        db = shell_path(&db),
    );
    tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", &command]);

    // The picker says who is away.
    tmux.wait_for("Who are you?");
    tmux.wait_for("· off sick");
    tmux.keys(&[name.as_str()]);
    tmux.keys(&["Enter"]);
    // Waited for in full: the screen can be caught half drawn.
    tmux.wait_for("While you were away");
    tmux.wait_for(&format!("While {name} was off sick"));
    tmux.wait_for("mark read");
    tmux.keys(&["Enter"]);
    tmux.wait_for("handback acknowledged");
    // The second run's picker replaces the first run's screen.
    tmux.keys(&["q"]);

    // Signed in again: straight to the caseload; H shows the handback, read.
    tmux.wait_for("Who are you?");
    tmux.keys(&[name.as_str()]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("signed in as");
    assert!(!screen.contains("While you were away"), "{screen}");
    tmux.keys(&["H"]);
    let screen = tmux.wait_for("Read on Mon 23 Nov 2026");
    assert!(screen.contains("Handback"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.keys(&["q"]);
    tmux.wait_for("DONE");
}

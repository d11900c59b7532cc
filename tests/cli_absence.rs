//! Explore.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use caseload::store::Store;
use common::{TODAY, day};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

struct Place {
    dir: TempDir,
    db: PathBuf,
    config: PathBuf,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("county.db");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, caseload::config::EXAMPLE).expect("write the configuration");
        let mut store = Store::open(&db).expect("open");
        store.replace_all(&common::county_without_logins(), &common::events(), Some("test"), day(TODAY)).expect("seed");
        Place { dir, db, config }
    }

    fn run_on(&self, today: &str, who: Option<&str>, args: &[&str]) -> Output {
        let mut command = Command::new(BIN);
        command.args(args).args(["--today", today, "--db"]).arg(&self.db).arg("--config").arg(&self.config);
        if let Some(who) = who {
            command.args(["--as", who]);
        }
        for var in ["CASELOAD_DB", "CASELOAD_TODAY", "CASELOAD_CONFIG"] {
            command.env_remove(var);
        }
        let home = self.dir.path().join("home");
        command.env("HOME", &home).env("XDG_CONFIG_HOME", &home).env("XDG_DATA_HOME", &home);
        command.output().expect("runs")
    }
}

fn show(p: &Place, today: &str, who: Option<&str>, args: &[&str]) {
    let o = p.run_on(today, who, args);
    println!("$ {args:?} as {who:?} on {today} -> {:?}\n{}{}", o.status.code(), String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
}

#[test]
fn explore() {
    let p = Place::new();
    show(&p, TODAY, Some("S4"), &["absence", "add", "--staff", "S1", "--kind", "sickness", "--from", "2026-12-14"]);
    show(&p, TODAY, Some("S5"), &["contact", "add", "C3", "--kind", "phone_message", "--summary", "Dad rang"]);
    show(&p, TODAY, Some("S5"), &["contact", "add", "C1", "--kind", "email_received", "--summary", "School emailed"]);
    show(&p, "2026-12-17", Some("S3"), &["duty"]);
    let p = Place::new();
    show(&p, TODAY, Some("S1"), &["absence", "add", "--kind", "leave", "--to", "2026-11-27"]);
    show(&p, TODAY, Some("S1"), &["leave", "plan"]);
    show(&p, TODAY, Some("S1"), &["leave", "plan", "--item", "1=S2"]);
    show(&p, TODAY, Some("S1"), &["leave", "plan", "--item", "1=duty:ring mum", "--item", "2=before"]);
    show(&p, TODAY, Some("S1"), &["leave", "plan"]);
    show(&p, TODAY, Some("S1"), &["leave", "plan", "--item", "3=S2:papers in tray"]);
    show(&p, TODAY, Some("S1"), &["leave", "plan"]);
    show(&p, "2026-11-26", Some("S2"), &["duty"]);
    show(&p, "2026-11-26", Some("S3"), &["duty"]);
    let p = Place::new();
    show(&p, TODAY, Some("S4"), &["absence", "add", "--staff", "S1", "--kind", "sickness", "--from", "2026-11-09", "--to", "2026-11-13"]);
    show(&p, "2026-11-11", Some("S5"), &["contact", "add", "C2", "--kind", "call", "--summary", "Mum rang about the review"]);
    show(&p, TODAY, Some("S1"), &["handback"]);
    show(&p, TODAY, Some("S1"), &["handback", "--json"]);
    show(&p, TODAY, Some("S1"), &["handback", "--ack"]);
    show(&p, TODAY, Some("S1"), &["handback"]);
    show(&p, TODAY, Some("S1"), &["absence", "list", "--all"]);
}

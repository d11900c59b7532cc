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
    show(&p, TODAY, Some("S1"), &["absence", "add", "--kind", "sickness"]);
    show(&p, TODAY, Some("S1"), &["absence", "add", "--staff", "S2", "--kind", "leave", "--from", "2026-12-07"]);
    show(&p, TODAY, Some("S1"), &["absence", "add", "--kind", "leave", "--from", "2026-12-14", "--to", "2026-12-18"]);
    show(&p, TODAY, Some("S4"), &["absence", "add", "--staff", "S1", "--kind", "sickness", "--from", TODAY, "--to", "2026-12-04"]);
    show(&p, TODAY, None, &["absence", "list"]);
    show(&p, TODAY, None, &["deadlines"]);
    show(&p, TODAY, None, &["rota"]);
    show(&p, TODAY, Some("S1"), &["rota", "set", "--team", "North Pre-14", "--weekday", "wed", "--staff", "S1"]);
    show(&p, TODAY, Some("S3"), &["rota", "set", "--team", "North Pre-14", "--weekday", "wed", "--staff", "S1"]);
    show(&p, TODAY, Some("S4"), &["rota", "set", "--team", "North Pre-14", "--date", "2026-11-27", "--staff", "S2"]);
    show(&p, TODAY, None, &["rota"]);
    show(&p, TODAY, Some("S3"), &["cover", "give", "3", "--to", "S2", "--until", "2026-12-04"]);
    show(&p, TODAY, Some("S3"), &["cover", "give", "3", "--to", "S3", "--until", "2026-12-04"]);
    show(&p, TODAY, None, &["cover", "list"]);
    show(&p, TODAY, None, &["todo", "list"]);
    show(&p, TODAY, Some("S3"), &["duty"]);
    show(&p, "2026-12-07", Some("S3"), &["duty"]);
    show(&p, "2026-12-07", Some("S3"), &["cover", "list"]);
    show(&p, TODAY, Some("S3"), &["duty", "--json"]);
}

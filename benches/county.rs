//! How caseload behaves on the largest authority: 20,000 children and a million events.
//!
//!     cargo bench --bench county            (CASELOAD_BENCH_CHILDREN=N to change the size)
//!
//! Each figure is the median of repeated runs (with the fastest and slowest), beside its target.
//! It asserts nothing, so it is never part of `cargo test`.

// Benchmark code: a setup failure should stop the run and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use caseload::app::App;
use caseload::app::action::Action;
use caseload::app::keymap::Keymap;
use caseload::app::update::{apply, handle_key, reload, settle};
use caseload::casework::{Entry, RecordContact, Rules, record};
use caseload::config::{Config, ThemeName};
use caseload::domain::casework::ContactEntry;
use caseload::domain::{Calendar, RulesConfig};
use caseload::store::Store;
use caseload::ui::render_text;
use caseload::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");

/// Runs `f` `runs` times and prints the median, fastest and slowest beside `target`.
fn measure(label: &str, target: &str, runs: usize, mut f: impl FnMut()) {
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    report(label, target, times);
}

fn report(label: &str, target: &str, mut times: Vec<Duration>) {
    let runs = times.len();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<52} {:>9.2} ms  ({:.2}–{:.2}, {runs} runs)   target {target}",
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1])
    );
}

fn once<T>(label: &str, target: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = f();
    println!("{label:<52} {:>9.1} ms  (once)   target {target}", start.elapsed().as_secs_f64() * 1000.0);
    value
}

fn main() {
    let children: usize = std::env::var("CASELOAD_BENCH_CHILDREN").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let (county, events) = once(&format!("generate {children} children × 50 events"), "-", || {
        caseload::demo::generate(children, 1, today, 50)
    });
    let mut store = Store::open(&db).expect("open");
    once(&format!("write {} events in one transaction", events.len()), "-", || {
        store.replace_all(&county, &events, Some("bench"), today).expect("write");
    });
    drop(events);
    let loaded = once("load the county (no history)", "-", || store.load_county().expect("load"));
    let config = Config::default();
    let keymap = Keymap::from_config(&config).expect("keys");
    let calendar = Calendar::england_and_wales();
    let mut app =
        once("milestones + rows for every child", "-", || App::new(loaded, today, config, keymap, calendar.clone()));
    app.seen_change = store.last_change().expect("last change");
    let manager =
        app.data.county.staff.iter().position(|s| s.role == caseload::domain::Role::Manager).expect("a manager");
    app.sign_in(manager);
    app.scope = caseload::app::Scope::Authority;
    measure("refresh every pane over the whole authority", "-", 5, || app.refresh_views());
    for pane in caseload::app::Pane::ALL {
        measure(&format!("  refresh {}", pane.name()), "-", 5, || app.refresh_pane(*pane));
    }

    let theme = Theme::new(ThemeName::Default, false);
    measure("one key + one 200×60 frame", "≤ 16 ms", 200, || {
        apply(&mut app, Action::Down, &mut store);
        std::hint::black_box(render_text(&app, &theme, 200, 60));
    });
    handle_key(&mut app, &KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE), &mut store);
    let mut letters = "smithjonesbrown".chars().cycle();
    measure("search keystroke over the authority", "≤ 16 ms", 15, || {
        let c = letters.next().unwrap_or('a');
        handle_key(&mut app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &mut store);
    });
    handle_key(&mut app, &KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &mut store);
    app.focus_child = app.panes.caseload.selected_child();
    measure("open a timeline (history query)", "≤ 5 ms", 20, || {
        app.panes.timeline.child = None;
        apply(&mut app, Action::ShowPane(caseload::app::Pane::Timeline), &mut store);
        settle(&mut app, &store);
    });
    measure("one timeline frame", "≤ 16 ms", 20, || {
        std::hint::black_box(render_text(&app, &theme, 200, 60));
    });

    // A colleague saves; the open session takes it in.
    let settings = RulesConfig::default();
    let rules = Rules { today, now: None, calendar: &calendar, rules: &settings };
    let colleague = app.data.county.staff.iter().find(|s| s.role == caseload::domain::Role::Admin).expect("admin");
    let colleague = colleague.id.clone();
    let ids: Vec<String> = app.data.county.children.iter().step_by(97).map(|c| c.id.clone()).collect();
    // Only the taking-in is timed: the save is the colleague's, in their own process.
    let mut times = Vec::new();
    for child_id in ids.iter().take(21) {
        let entry = Entry::Contact(RecordContact {
            child_id: child_id.clone(),
            entry: ContactEntry::PhoneMessage,
            date: today,
            summary: "rang about transport".into(),
        });
        record(&mut store, &entry, &colleague, &rules).expect("saved");
        let start = Instant::now();
        reload(&mut app, &store);
        times.push(start.elapsed());
    }
    report("apply one colleague's save to the open session", "≤ 5 ms", times);
    drop(store);
    command_line_save(&db, &ids, &colleague);
}

/// One `caseload contact add`, from process start to exit, on the 20,000-child database.
fn command_line_save(db: &Path, ids: &[String], colleague: &str) {
    let mut next = ids.iter().cycle();
    measure("one command-line save, from process start", "≤ 15 ms", 20, || {
        let child = next.next().cloned().unwrap_or_default();
        let output = Command::new(BIN)
            .args(["contact", "add", &child, "--kind", "note", "--summary", "bench", "--as", colleague])
            .args(["--today", "2026-11-23", "--db"])
            .arg(db)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    });
}

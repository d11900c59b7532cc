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
    // The demo's absences, rota, cover and hand-overs, recorded through the casework layer.
    once("record the demo's absences and cover", "-", || {
        caseload::demo::record_absences(&mut store, &Calendar::england_and_wales(), &RulesConfig::default(), today)
            .expect("absences");
    });
    let loaded = once("load the county (no history)", "-", || store.load_county().expect("load"));
    // The shipped example: the demo county's team table, for the finder and balancing.
    let config = Config::parse(caseload::config::EXAMPLE).expect("the example configuration");
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

    measure("the duty queue (an officer off sick, one on leave)", "≤ 16 ms", 20, || {
        app.refresh_pane(caseload::app::Pane::Duty);
    });

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
    senior_work(&mut app, &mut store, &rules, &theme);
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

/// The workload pane, a team's balancing suggestions and a reallocation of 250 children.
fn senior_work(app: &mut App, store: &mut Store, rules: &Rules, theme: &Theme) {
    use caseload::app::{Overlay, Pane, Scope};
    use caseload::casework::{Allocate, ChildMove};
    use caseload::domain::Role;

    app.scope = Scope::Authority;
    app.pane = Pane::Caseload;
    app.refresh_views();
    measure("workload pane opens (built + one 200×60 frame)", "≤ 20 ms", 20, || {
        app.pane = Pane::Caseload;
        app.refresh_views();
        apply(app, Action::ShowPane(Pane::Workload), store);
        std::hint::black_box(render_text(app, theme, 200, 60));
    });

    // The team with the most officers.
    let county = &app.data.county;
    let officers = |team: &str| county.staff.iter().filter(|s| s.role == Role::Officer && s.team == team).count();
    let team = county.staff.iter().map(|s| s.team.clone()).max_by_key(|t| officers(t)).expect("a team");
    let size = officers(&team);
    app.scope = Scope::Team(team.clone());
    app.pane = Pane::Workload;
    app.refresh_views();
    let mut suggested = 0;
    measure(&format!("balancing suggestions for a {size}-officer team"), "≤ 200 ms", 10, || {
        apply(app, Action::Balance, store);
        if let Some(Overlay::Review(review)) = &app.overlay {
            suggested = review.moves.len();
        }
        app.overlay = None;
    });
    println!("{:<52} {suggested:>9} moves", "  (suggested)");

    // 250 of the team's children to its least-loaded officer and back, each with the open
    // session taking the change in.
    let county = &app.data.county;
    let holders: Vec<(String, String)> = county
        .children
        .iter()
        .filter(|c| c.stage != caseload::domain::Stage::Ceased)
        .filter_map(|c| {
            let officer = c.officer.as_ref()?;
            county.staff.iter().any(|s| &s.id == officer && s.team == team).then(|| (c.id.clone(), officer.clone()))
        })
        .take(250)
        .collect();
    let to = county
        .staff
        .iter()
        .find(|s| s.role == Role::Officer && s.team == team && !holders.iter().any(|(_, o)| o == &s.id))
        .map(|s| s.id.clone())
        .unwrap_or_else(|| holders[0].1.clone());
    let manager = county.staff.iter().find(|s| s.role == Role::Manager).expect("a manager").id.clone();
    let mut there = false;
    let mut times = Vec::new();
    for _ in 0..6 {
        let moves = holders
            .iter()
            .filter(|(_, from)| from != &to)
            .map(|(child, from)| ChildMove {
                child_id: child.clone(),
                to: if there { from.clone() } else { to.clone() },
                seen: None,
            })
            .collect::<Vec<_>>();
        let entry = Entry::Allocate(Allocate { moves, reason: "bench".into(), date: rules.today });
        let start = Instant::now();
        record(store, &entry, &manager, rules).expect("moved");
        reload(app, store);
        times.push(start.elapsed());
        there = !there;
    }
    report(&format!("reallocate {} children + the open session's reload", holders.len()), "≤ 100 ms", times);
}

//! How caseload behaves on the largest authority: 20,000 children and a million events.
//!
//!     cargo bench --bench county            (CASELOAD_BENCH_CHILDREN=N to change the size)
//!
//! Prints timings; it asserts nothing, so it is never part of `cargo test`.

// Benchmark code: a setup failure should stop the run and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use chrono::NaiveDate;

use caseload::app::App;
use caseload::app::action::Action;
use caseload::app::keymap::Keymap;
use caseload::app::update::{apply, handle_key, settle};
use caseload::config::{Config, ThemeName};
use caseload::domain::Calendar;
use caseload::store::Store;
use caseload::ui::render_text;
use caseload::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn time<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = f();
    println!("{label:<48} {:>9.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    value
}

fn main() {
    let children: usize = std::env::var("CASELOAD_BENCH_CHILDREN").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
    let dir = tempfile::tempdir().expect("temp dir");
    let (county, events) = time(&format!("generate {children} children × 50 events"), || {
        caseload::demo::generate(children, 1, today, 50)
    });
    let mut store = Store::open(&dir.path().join("bench.db")).expect("open");
    time(&format!("write {} events in one transaction", events.len()), || {
        store.replace_all(&county, &events, Some("bench"), today).expect("write");
    });
    drop(events);
    let loaded = time("load the county (no history)", || store.load_county().expect("load"));
    let config = Config::default();
    let keymap = Keymap::from_config(&config).expect("keys");
    let mut app = time("milestones + rows for every child", || {
        App::new(loaded, today, config, keymap, Calendar::england_and_wales())
    });
    let manager =
        app.data.county.staff.iter().position(|s| s.role == caseload::domain::Role::Manager).expect("a manager");
    app.sign_in(manager);
    app.scope = caseload::app::Scope::Authority;
    time("refresh the whole-authority caseload view", || app.refresh_views());
    let theme = Theme::new(ThemeName::Default, false);
    let frames = 200;
    let start = Instant::now();
    for _ in 0..frames {
        apply(&mut app, Action::Down, &mut store);
        std::hint::black_box(render_text(&app, &theme, 200, 60));
    }
    println!(
        "{:<48} {:>9.3} ms",
        "one key + one 200×60 frame (mean)",
        start.elapsed().as_secs_f64() * 1000.0 / frames as f64
    );
    handle_key(&mut app, &KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE), &mut store);
    let start = Instant::now();
    for c in "smith".chars() {
        handle_key(&mut app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &mut store);
    }
    println!(
        "{:<48} {:>9.3} ms",
        "search keystroke over the authority (mean)",
        start.elapsed().as_secs_f64() * 1000.0 / 5.0
    );
    app.focus_child = app.panes.caseload.selected_child();
    time("open a timeline (history query)", || {
        apply(&mut app, Action::ShowPane(caseload::app::Pane::Timeline), &mut store);
        settle(&mut app, &store);
    });
    time("one timeline frame", || render_text(&app, &theme, 200, 60));
}

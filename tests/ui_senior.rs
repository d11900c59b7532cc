//! The senior's work with the keyboard alone, on a real database: registering a request (its team
//! found from age and postcode, allocated to the least-loaded officer), the workload pane,
//! balancing a team from a proposal taken in part, moving marked children with a reason, the
//! "tell the family and school" to-do marked done, and all of it there after a restart.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use caseload::app::keymap::Keymap;
use caseload::app::update::settle;
use caseload::app::{App, Overlay, Pane, Scope};
use caseload::config::{Config, ThemeName};
use caseload::domain::{Calendar, Child, County, MilestoneName, Role, Staff, Stage, TaskKind};
use caseload::store::Store;
use caseload::ui::render_text;
use caseload::ui::theme::Theme;
use common::{TODAY, choose, day, focus, form, press, said, type_text};
use ratatui::crossterm::event::KeyCode;

/// A small norm, so that a handful of children is a workload; North Pre-14 serves WR1.
const CONFIG: &str = r#"
[workload]
norm = [3, 6]

[[teams]]
name = "North Pre-14"
phase = "pre-14"
districts = ["WR1", "WR2"]

[[teams]]
name = "North Post-14"
phase = "post-14"
districts = ["WR1", "WR2"]
"#;

/// The test county with Nia Cole (S6), a North Pre-14 officer holding nobody, and six settled
/// Year 5 plans for Theo Brown (S1): nothing due for months, nothing near a panel.
fn county() -> County {
    let mut county = common::county_without_logins();
    county.staff.push(Staff {
        id: "S6".into(),
        name: "Nia Cole".into(),
        role: Role::Officer,
        team: "North Pre-14".into(),
        login: None,
    });
    let template = county.children[1].clone();
    for n in 0..6 {
        county.children.push(Child {
            id: format!("C1{n}"),
            first_name: ["Ada", "Ben", "Cara", "Dev", "Eli", "Fay"][n].into(),
            last_name: "Settled".into(),
            date_of_birth: day("2017-01-15"),
            officer: Some("S1".into()),
            stage: Stage::Plan,
            request_date: Some(day("2025-11-03")),
            assess_decision_date: Some(day("2025-12-10")),
            draft_date: Some(day("2026-03-01")),
            plan_date: Some(day("2026-06-01")),
            last_review_date: None,
            ..template.clone()
        });
    }
    // As an import records them: every allocated child with their officer, from the test day.
    county.allocations.clear();
    county
}

fn open(db: &Path, who: &str) -> (App, Store) {
    let store = Store::open(db).expect("open");
    let config = Config::parse(CONFIG).expect("config");
    let keymap = Keymap::from_config(&config).expect("keys");
    let mut app =
        App::new(store.load_county().expect("load"), day(TODAY), config, keymap, Calendar::england_and_wales());
    app.seen_change = store.last_change().expect("last change");
    let me = app.find_staff(who).expect("staff");
    app.sign_in(me);
    (app, store)
}

fn seeded(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("county.db");
    Store::open(&db).expect("open").replace_all(&county(), &[], Some("test"), day(TODAY)).expect("seed");
    db
}

#[test]
fn a_request_is_registered_with_its_team_found_and_allocated_by_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path());
    let (mut app, mut store) = open(&db, "S4");
    press(&mut app, &mut store, KeyCode::Char('n'));
    focus(&mut app, &mut store, "first name");
    type_text(&mut app, &mut store, "Poppy");
    focus(&mut app, &mut store, "last name");
    type_text(&mut app, &mut store, "Marsh");
    focus(&mut app, &mut store, "date of birth");
    type_text(&mut app, &mut store, "2017-05-04");
    focus(&mut app, &mut store, "postcode");
    type_text(&mut app, &mut store, "WR2 4XY");
    let info = form(&app).info.join("\n");
    assert!(info.contains("Team: North Pre-14 (Year 5, pre-14)"), "{info}");
    // Priya is away; Nia holds nobody.
    assert!(info.contains("Least loaded in North Pre-14: Nia Cole"), "{info}");
    focus(&mut app, &mut store, "received");
    common::erase(&mut app, &mut store, 10);
    type_text(&mut app, &mut store, "2026-11-16");
    choose(&mut app, &mut store, "asked by", "school");
    // The team's least-loaded officer is the first offered after "not yet".
    focus(&mut app, &mut store, "officer");
    press(&mut app, &mut store, KeyCode::Right);
    assert_eq!(form(&app).value("officer"), "S6");
    press(&mut app, &mut store, KeyCode::Enter);
    assert!(app.overlay.is_none(), "saved: {:?}", app.overlay);
    assert!(said(&app).contains("request from the school or setting registered for Poppy Marsh"), "{}", said(&app));

    // After a restart: there, with Nia, the 6-week clock from the day it was received.
    drop((app, store));
    let (app, _store) = open(&db, "S4");
    let poppy = app.data.county.children.iter().position(|c| c.first_name == "Poppy").expect("registered");
    let child = &app.data.county.children[poppy];
    assert_eq!((child.stage, child.officer.as_deref()), (Stage::Request, Some("S6")));
    let decision = app.data.milestones[poppy].iter().find(|m| m.name == MilestoneName::AssessDecision).expect("clock");
    assert_eq!(decision.due, day("2026-12-28"), "received 16 Nov + 6 weeks");
    assert!(app.data.county.requests.iter().any(|r| r.child_id == child.id && r.received == day("2026-11-16")));
}

#[test]
fn someone_already_on_file_is_said_at_once_and_not_registered_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path());
    let (mut app, mut store) = open(&db, "S5");
    let before = app.data.county.children.len();
    press(&mut app, &mut store, KeyCode::Char('n'));
    focus(&mut app, &mut store, "first name");
    type_text(&mut app, &mut store, "holly");
    focus(&mut app, &mut store, "last name");
    type_text(&mut app, &mut store, "STEWART");
    focus(&mut app, &mut store, "date of birth");
    type_text(&mut app, &mut store, "18/04/2018");
    let info = form(&app).info.join("\n");
    assert!(info.contains("Already on file (C1, request)"), "{info}");
    // Business support register but do not allocate.
    assert_eq!(form(&app).fields.iter().find(|f| f.key == "officer").map(|_| form(&app).value("officer")), Some(""));
    press(&mut app, &mut store, KeyCode::Enter);
    let error = form(&app).error.clone().expect("refused");
    assert!(error.message.contains("already on file (C1"), "{}", error.message);
    press(&mut app, &mut store, KeyCode::Esc);
    drop(store);
    let (app, _store) = open(&db, "S5");
    assert_eq!(app.data.county.children.len(), before);
}

#[test]
fn a_manager_balances_a_team_moves_marked_children_and_the_new_officer_tells_the_family() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path());
    let (mut app, mut store) = open(&db, "S4");

    // The workload pane: Theo above the norm, Nia below.
    press(&mut app, &mut store, KeyCode::Char('6'));
    assert_eq!(app.pane, Pane::Workload);
    let theme = Theme::new(ThemeName::Mono, true);
    let screen = render_text(&app, &theme, 120, 30);
    assert!(screen.contains("Theo Brown") && screen.contains("above"), "{screen}");
    assert!(screen.contains("Nia Cole") && screen.contains("below"), "{screen}");

    // B: four moves to Nia (Priya is away), the heaviest first: Zoë, whose phase transfer falls
    // this year, then three settled plans; never Holly (a panel on Thursday) or Logan (overdue).
    press(&mut app, &mut store, KeyCode::Char('B'));
    let Some(Overlay::Review(review)) = &app.overlay else { panic!("no proposal: {}", said(&app)) };
    assert!(review.moves.iter().all(|m| m.from == "S1" && m.to == "S6"), "{:?}", review.moves);
    let suggested: Vec<&str> = review.children.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(suggested, ["C3", "C10", "C11", "C12"]);
    let screen = render_text(&app, &theme, 120, 30);
    assert!(screen.contains("Theo Brown 10.0 → 8.5; Nia Cole 0.0 → 1.5"), "{screen}");
    // Leave Zoë with Theo: the rest read again without her move.
    press(&mut app, &mut store, KeyCode::Char(' '));
    let Some(Overlay::Review(review)) = &app.overlay else { panic!("closed") };
    assert_eq!(review.taken_count(), 3);
    assert_eq!(review.outcome(), vec![("S1".to_string(), 10.0, 7.0), ("S6".to_string(), 0.0, 3.0)]);
    let screen = render_text(&app, &theme, 120, 30);
    assert!(screen.contains("[ ] Zoë"), "{screen}");
    assert!(screen.contains("Ada Settled (C10, plan, 1.0): Theo Brown 10.0 → 9.0; Nia Cole 0.0 → 1.0"), "{screen}");
    press(&mut app, &mut store, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{}", said(&app));
    assert!(said(&app).starts_with("3 children moved (balancing the team's workload)"), "{}", said(&app));

    // Mark two more of Theo's on the caseload and move them with a reason.
    press(&mut app, &mut store, KeyCode::Char('1'));
    app.scope = Scope::Officer("S1".into());
    app.refresh_views();
    for id in ["C13", "C14"] {
        common::select_child(&mut app, id);
        press(&mut app, &mut store, KeyCode::Char('m'));
    }
    press(&mut app, &mut store, KeyCode::Char('r'));
    assert_eq!(form(&app).value("children"), "C13,C14");
    choose(&mut app, &mut store, "officer", "S6");
    let info = form(&app).info.join("\n");
    assert!(info.contains("Theo Brown: 7.0 → 5.0 (6 → 4 children)"), "{info}");
    assert!(info.contains("Nia Cole: 3.0 → 5.0 (3 → 5 children)"), "{info}");
    press(&mut app, &mut store, KeyCode::Enter);
    assert_eq!(form(&app).error.as_ref().map(|e| e.field), Some("reason"), "a reason is needed");
    focus(&mut app, &mut store, "reason");
    type_text(&mut app, &mut store, "Theo joins the tribunal team");
    press(&mut app, &mut store, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert!(app.panes.caseload.marked.is_empty(), "moved children are no longer marked");

    // After a restart: each moved child's history and a to-do for Nia, shown on her list.
    drop((app, store));
    let (mut app, mut store) = open(&db, "S6");
    let c13 = common::select_child(&mut app, "C13");
    let allocation = app.data.county.allocations.iter().find(|a| a.child_id == "C13" && a.to.is_none()).expect("held");
    assert_eq!(
        (allocation.officer_id.as_deref(), allocation.reason.as_str(), allocation.by_staff.as_deref()),
        (Some("S6"), "Theo joins the tribunal team", Some("S4"))
    );
    let task = app.data.county.tasks.iter().find(|t| t.child_id == "C13").expect("a to-do");
    assert_eq!(
        (task.kind, task.staff_id.as_deref(), task.due),
        (TaskKind::TellNewOfficer, Some("S6"), day("2026-11-30"))
    );
    assert_eq!(app.data.county.tasks.len(), 5, "one per child moved");
    assert!(app.data.milestones[c13].iter().any(|m| m.name == MilestoneName::TellFamily));
    press(&mut app, &mut store, KeyCode::Enter);
    settle(&mut app, &store);
    let screen = render_text(&app, &theme, 120, 40);
    assert!(screen.contains("allocated to Nia Cole from Theo Brown · Theo joins the tribunal team"), "{screen}");
    assert!(screen.contains("tell family"), "{screen}");

    // Nia tells the family: `a` offers the to-do.
    press(&mut app, &mut store, KeyCode::Char('a'));
    assert!(form(&app).value("contact").starts_with("todo:"), "{:?}", form(&app).fields);
    press(&mut app, &mut store, KeyCode::Enter);
    assert!(app.overlay.is_none(), "{}", said(&app));
    assert!(said(&app).contains("family and school told"), "{}", said(&app));
    let task = app.data.county.tasks.iter().find(|t| t.child_id == "C13").expect("a to-do");
    assert_eq!(task.done, Some(day(TODAY)));
}

#[test]
fn officers_see_their_own_workload_and_cannot_move_children() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path());
    let (mut app, mut store) = open(&db, "S1");
    press(&mut app, &mut store, KeyCode::Char('6'));
    assert_eq!(app.panes.workload.list.lines.len(), 1, "their own line");
    press(&mut app, &mut store, KeyCode::Char('B'));
    assert!(app.overlay.is_none());
    assert!(said(&app).contains("allocated by seniors"), "{}", said(&app));
    press(&mut app, &mut store, KeyCode::Char('1'));
    press(&mut app, &mut store, KeyCode::Char('r'));
    assert!(app.overlay.is_none());
    assert!(said(&app).contains("allocated by seniors"), "{}", said(&app));
    // Enter on their line: their own caseload.
    press(&mut app, &mut store, KeyCode::Char('6'));
    press(&mut app, &mut store, KeyCode::Enter);
    assert_eq!((app.pane, &app.scope), (Pane::Caseload, &Scope::Officer("S1".into())));
}

#[test]
fn a_senior_balances_only_their_own_team() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("county.db");
    let mut county = county();
    county.staff.push(Staff {
        id: "S7".into(),
        name: "Omar Shah".into(),
        role: Role::Senior,
        team: "South Pre-14".into(),
        login: None,
    });
    Store::open(&db).expect("open").replace_all(&county, &[], Some("test"), day(TODAY)).expect("seed");
    let (mut app, mut store) = open(&db, "S7");
    press(&mut app, &mut store, KeyCode::Char('6'));
    app.scope = Scope::Team("North Pre-14".into());
    app.refresh_views();
    press(&mut app, &mut store, KeyCode::Char('B'));
    assert!(app.overlay.is_none());
    assert!(said(&app).contains("seniors balance their own team (South Pre-14)"), "{}", said(&app));
}

//! Absence, duty and cover with the keyboard alone, on a real database (issue 12's "done when"):
//! a manager marks an officer off sick, sets the duty officer and gives the caseload to a colleague
//! for two weeks (who sees it as cover, with a to-do per child, until the end date alone takes it
//! back); the duty officer answers an absent officer's call-back from the duty pane and the
//! selection stays on it; an officer plans leave and hands items over; back at work, the officer
//! reads the handback first and marks it read. Every step is checked again after a restart. Also
//! the queue's order and who may do what.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use caseload::app::keymap::Keymap;
use caseload::app::update::{handle_key, settle};
use caseload::app::{App, Overlay, Pane, Scope};
use caseload::casework::{Entry, GiveCover, RecordAbsence, RecordContact, RecordError, RecordStep, Records, Rules};
use caseload::config::Config;
use caseload::domain::casework::{ContactEntry, StepEntry};
use caseload::domain::duty::{DutyClass, DutyGroup, DutyKind, DutyView, DutyWhat, duty_queue};
use caseload::domain::*;
use caseload::store::Store;
use common::{TODAY, choose, day, focus, form, press, said, type_text};
use ratatui::crossterm::event::KeyCode;

/// The test county with nobody away yet, Nia Cole (S6) a second North Pre-14 officer to cover,
/// and a phone message waiting on Logan (C2, Theo's).
fn county() -> County {
    let mut county = common::county_without_logins();
    county.absences.clear();
    county.staff.push(Staff {
        id: "S6".into(),
        name: "Nia Cole".into(),
        role: Role::Officer,
        team: "North Pre-14".into(),
        login: None,
    });
    county.contacts.push(Contact {
        id: 2,
        child_id: "C2".into(),
        kind: ContactKind::PhoneMessage,
        received: day(TODAY),
        summary: "Dad asked when the review is".into(),
        promised: None,
        answered: None,
        staff_id: Some("S5".into()),
        answered_by: None,
        answer: String::new(),
    });
    county
}

fn seeded(dir: &Path, county: &County) -> PathBuf {
    let db = dir.join("county.db");
    Store::open(&db).expect("open").replace_all(county, &[], Some("test"), day(TODAY)).expect("seed");
    db
}

/// The interface as `who` on `today`, read from the database as a fresh start would.
fn open(db: &Path, who: &str, today: &str) -> (App, Store) {
    let store = Store::open(db).expect("open");
    let config = Config::default();
    let keymap = Keymap::from_config(&config).expect("keys");
    let mut app =
        App::new(store.load_county().expect("load"), day(today), config, keymap, Calendar::england_and_wales());
    app.seen_change = store.last_change().expect("last change");
    app.save_today = day(today);
    let me = app.find_staff(who).expect("staff");
    app.sign_in(me);
    settle(&mut app, &store);
    (app, store)
}

/// Empties a text or date field and types `text`.
fn fill(app: &mut App, store: &mut Store, field: &str, text: &str) {
    focus(app, store, field);
    handle_key(
        app,
        &ratatui::crossterm::event::KeyEvent::new(KeyCode::Char('u'), ratatui::crossterm::event::KeyModifiers::CONTROL),
        store,
    );
    type_text(app, store, text);
}

fn save(app: &mut App, store: &mut Store) {
    press(app, store, KeyCode::Enter);
    if let Some(Overlay::Form(form)) = &app.overlay {
        panic!("not saved: {:?}", form.error);
    }
}

/// Moves the duty pane's selection to the heading of `officer`'s absence.
fn select_heading(app: &mut App, store: &mut Store, officer: &str) {
    press(app, store, KeyCode::Home);
    for _ in 0..50 {
        let target = app.target();
        if target.absence.is_some_and(|a| app.data.county.absences[a].staff_id == officer) {
            return;
        }
        press(app, store, KeyCode::Down);
    }
    panic!("no duty heading for {officer}");
}

#[test]
fn a_manager_marks_an_officer_sick_sets_the_duty_officer_and_gives_cover_for_two_weeks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path(), &county());
    let (mut app, mut store) = open(&db, "S4", TODAY);
    press(&mut app, &mut store, KeyCode::Char('4'));
    assert_eq!(app.pane, Pane::Duty);

    // Theo Brown off sick from today, not known until when.
    press(&mut app, &mut store, KeyCode::Char('A'));
    choose(&mut app, &mut store, "officer", "S1");
    assert_eq!(form(&app).value("kind"), "sickness", "a manager most often records sickness");
    save(&mut app, &mut store);
    assert!(said(&app).contains("Theo Brown off sick from Mon 23 Nov 2026 until further notice"), "{}", said(&app));

    // Nia on duty for the team today.
    press(&mut app, &mut store, KeyCode::Char('R'));
    assert_eq!(form(&app).value("team"), "North Pre-14");
    choose(&mut app, &mut store, "officer", "S6");
    save(&mut app, &mut store);
    assert!(said(&app).contains("Nia Cole is duty officer for North Pre-14 on Mon 23 Nov 2026"), "{}", said(&app));
    assert_eq!(app.data.county.duty_officer("North Pre-14", day(TODAY)), Some("S6"));

    // Theo's heading on the duty pane; C gives all his children to Nia for two weeks.
    select_heading(&mut app, &mut store, "S1");
    press(&mut app, &mut store, KeyCode::Char('C'));
    assert_eq!(form(&app).value("children"), "", "all of his children");
    assert_eq!(form(&app).value("to"), "2026-12-04", "ten working days");
    choose(&mut app, &mut store, "cover", "S6");
    save(&mut app, &mut store);
    assert!(said(&app).contains("all 3 of Theo Brown's children covered by Nia Cole"), "{}", said(&app));
    // Theo's surgery call-back today (Zoë, C3) is Nia's to ring now.
    press(&mut app, &mut store, KeyCode::Char('5'));
    let away = app.panes.surgery.list.lines.iter().find_map(|line| match line {
        caseload::app::panes::surgery::SurgeryLine::Away(who) => Some(who.clone()),
        _ => None,
    });
    assert_eq!(away.as_deref(), Some("Nia Cole"), "{:?}", app.panes.surgery.list.lines);

    // After a restart, Nia's caseload holds Theo's open cases marked as cover, with a to-do each.
    drop((app, store));
    let (app, _store) = open(&db, "S6", TODAY);
    assert_eq!(app.scope, Scope::Officer("S6".into()));
    let shown: Vec<&str> =
        app.panes.caseload.visible().iter().map(|&i| app.data.county.children[i].id.as_str()).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    for id in ["C1", "C2", "C3"] {
        assert!(shown.contains(&id), "{id} in {shown:?}");
        let cover = app.data.cover_of(app.data.child_index[id]).expect("covered");
        assert_eq!((cover.cover_id.as_str(), cover.to), ("S6", day("2026-12-04")));
    }
    assert_eq!(app.panes.caseload.covering, vec![("S1".to_string(), 3, day("2026-12-04"))]);
    let theme = caseload::ui::theme::Theme::new(caseload::config::ThemeName::Mono, true);
    let header = caseload::ui::render_text(&app, &theme, 140, 10);
    assert!(header.contains("↻ 3 cover for Theo Brown until Fri 4 Dec"), "{header}");
    let todos: Vec<&Task> = app
        .data
        .county
        .tasks
        .iter()
        .filter(|t| t.kind == TaskKind::TellCover && t.staff_id.as_deref() == Some("S6") && t.done.is_none())
        .collect();
    assert_eq!(todos.len(), 3, "one to-do per child: {todos:?}");

    // The last day of cover, and the working day after: the dates alone end it.
    let (app, _store) = open(&db, "S6", "2026-12-04");
    assert_eq!(app.panes.caseload.visible().len(), 3);
    let (app, _store) = open(&db, "S6", "2026-12-07");
    assert!(app.panes.caseload.visible().is_empty(), "cover over: Nia holds nobody");
    assert!(app.data.cover_of(app.data.child_index["C2"]).is_none());
    let (app, _store) = open(&db, "S4", "2026-12-07");
    let theo = app.data.county.away("S1", day("2026-12-07")).expect("still off sick");
    assert_eq!(theo.to, None);
}

#[test]
fn the_duty_officer_answers_a_call_back_from_the_duty_pane_and_the_selection_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Priya (S2) is off sick; Matilda (S3), the team's senior, is on duty.
    let db = seeded(dir.path(), &common::county_without_logins());
    let (mut app, mut store) = open(&db, "S3", TODAY);
    press(&mut app, &mut store, KeyCode::Char('4'));
    press(&mut app, &mut store, KeyCode::Home);
    for _ in 0..20 {
        if app.target().contact == Some(1) {
            break;
        }
        press(&mut app, &mut store, KeyCode::Down);
    }
    assert_eq!(app.target().contact, Some(1), "Priya's call-back is on the queue");
    let position = app.panes.duty.list.selected;
    press(&mut app, &mut store, KeyCode::Char('a'));
    assert_eq!(form(&app).value("contact"), "1", "the line's own contact");
    // What was said is kept with the answer.
    focus(&mut app, &mut store, "said");
    type_text(&mut app, &mut store, "Rang Mum: taxi from Monday");
    save(&mut app, &mut store);
    assert!(said(&app).contains("answered"), "{}", said(&app));
    assert_eq!(app.panes.duty.list.selected, position, "the selection stays on the line acted on");
    assert_eq!(app.target().contact, Some(1));

    drop((app, store));
    let (app, store) = open(&db, "S3", TODAY);
    let contact = app.data.county.contacts.iter().find(|c| c.id == 1).expect("contact");
    assert_eq!((contact.answered, contact.answered_by.as_deref()), (Some(day(TODAY)), Some("S3")));
    // Ibrahim's case history names who answered, not a staff id.
    let (mut app, mut store) = (app, store);
    app.focus_child = Some(app.data.child_index["C4"]);
    press(&mut app, &mut store, KeyCode::Char('2'));
    let theme = caseload::ui::theme::Theme::new(caseload::config::ThemeName::Mono, true);
    let screen = caseload::ui::render_text(&app, &theme, 160, 60);
    assert!(screen.contains("answered 23 Nov 2026 by Matilda Fox: Rang Mum: taxi from Monday"), "{screen}");
    let contact = app.data.county.contacts.iter().find(|c| c.id == 1).expect("contact");
    assert_eq!(contact.answer, "Rang Mum: taxi from Monday");
}

#[test]
fn an_officer_plans_leave_and_hands_items_over_to_the_duty_officer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path(), &county());
    let (mut app, mut store) = open(&db, "S1", TODAY);
    press(&mut app, &mut store, KeyCode::Char('A'));
    assert_eq!(form(&app).value("officer"), "S1");
    assert_eq!(form(&app).value("kind"), "leave");
    fill(&mut app, &mut store, "from", "2026-12-07");
    fill(&mut app, &mut store, "to", "2026-12-11");
    save(&mut app, &mut store);

    press(&mut app, &mut store, KeyCode::Char('L'));
    let Some(Overlay::Plan(plan)) = &app.overlay else { panic!("no leave plan: {}", said(&app)) };
    let first = plan.lines.iter().position(|l| l.item == HandoverItem::Contact && l.item_ref == "2");
    assert_eq!(first, Some(0), "the phone message waiting comes first: {:?}", plan.lines);
    // → twice: the duty officer; a note typed straight in.
    press(&mut app, &mut store, KeyCode::Right);
    press(&mut app, &mut store, KeyCode::Right);
    type_text(&mut app, &mut store, "ring Dad after 3");
    press(&mut app, &mut store, KeyCode::Enter);
    assert!(app.overlay.is_none(), "saved: {:?}", app.overlay);
    assert!(said(&app).contains("1 to the duty officer"), "{}", said(&app));

    drop((app, store));
    let (app, _store) = open(&db, "S3", "2026-12-07");
    let handover = app.data.county.handovers.first().expect("saved");
    assert_eq!(
        (handover.to, handover.note.as_str(), handover.child_id.as_str()),
        (HandTo::Duty, "ring Dad after 3", "C2")
    );
    // On the first day of the leave it is on the duty officer's queue.
    let handed = app.panes.duty.sections.iter().find(|s| matches!(s.group, DutyGroup::HandedOver { .. }));
    let handed = handed.expect("a hand-over section for Matilda");
    assert!(handed.items.iter().any(|i| matches!(i.what, DutyWhat::Handover(_))), "{handed:?}");
}

#[test]
fn back_at_work_the_handback_comes_first_until_it_is_marked_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path(), &common::county_without_logins());
    // While Priya (S2) is off, 23–25 Nov, Matilda rings about Ibrahim (C4); Priya's own save
    // before she went is not in the handback.
    let mut store = Store::open(&db).expect("open");
    let calendar = Calendar::england_and_wales();
    let rules = RulesConfig::default();
    let on = |d: &str| Rules { today: day(d), now: None, calendar: &calendar, rules: &rules };
    let call = |summary: &str, date: &str| {
        Entry::Contact(RecordContact {
            child_id: "C4".into(),
            entry: ContactEntry::Call,
            date: day(date),
            summary: summary.into(),
        })
    };
    store.save(&call("Priya: review booked", "2026-11-20"), "S2", &on("2026-11-20")).expect("before");
    store.save(&call("Rang Mum about transport", "2026-11-24"), "S3", &on("2026-11-24")).expect("during");
    drop(store);

    let (mut app, mut store) = open(&db, "S2", "2026-11-26");
    let Some(Overlay::Handback(view)) = &app.overlay else { panic!("no handback: {:?}", app.overlay) };
    let text = view.lines.clone().expect("read").join("\n");
    assert!(text.contains("While Priya Shah was off sick (Mon 23 Nov to Wed 25 Nov)"), "{text}");
    assert!(text.contains("Tue 24 Nov  Matilda Fox"), "{text}");
    assert!(text.contains("Ibrahim Dean (C4): call: Rang Mum about transport"), "{text}");
    assert!(!text.contains("review booked"), "her own work is not handed back: {text}");
    // Other keys do nothing until it is read or put off.
    press(&mut app, &mut store, KeyCode::Char('4'));
    assert!(matches!(app.overlay, Some(Overlay::Handback(_))));
    press(&mut app, &mut store, KeyCode::Enter);
    assert!(app.overlay.is_none());
    assert!(said(&app).contains("handback acknowledged"), "{}", said(&app));

    drop((app, store));
    let (mut app, mut store) = open(&db, "S2", "2026-11-26");
    assert!(app.overlay.is_none(), "read: not shown again on signing in");
    press(&mut app, &mut store, KeyCode::Char('H'));
    let Some(Overlay::Handback(view)) = &app.overlay else { panic!("H shows it: {}", said(&app)) };
    assert!(view.read);
    assert!(view.lines.as_ref().expect("read").iter().any(|l| l.starts_with("Read on Thu 26 Nov 2026")));
}

#[test]
fn who_may_record_absences_and_give_cover() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seeded(dir.path(), &county());
    let mut store = Store::open(&db).expect("open");
    let calendar = Calendar::england_and_wales();
    let rules = RulesConfig::default();
    let today = Rules { today: day(TODAY), now: None, calendar: &calendar, rules: &rules };
    let absence = |who: &str, kind: AbsenceKind| {
        Entry::Absence(RecordAbsence { staff_id: who.into(), kind, from: day(TODAY), to: None, note: String::new() })
    };
    let refused = |result: Result<String, RecordError>| match result {
        Err(RecordError::NotAllowed(why)) => why,
        other => panic!("not refused: {other:?}"),
    };
    // Officers record their own planned leave, not their own sickness or a colleague's.
    let why = refused(store.save(&absence("S1", AbsenceKind::Sickness), "S1", &today));
    assert!(why.contains("a senior or manager records sickness"), "{why}");
    refused(store.save(&absence("S6", AbsenceKind::Leave), "S1", &today));
    // Business support hold no caseload and record nobody's.
    refused(store.save(&absence("S1", AbsenceKind::Sickness), "S5", &today));
    // The team's senior records sickness; an officer may not give cover.
    store.save(&absence("S1", AbsenceKind::Sickness), "S3", &today).expect("the senior");
    let absence_id = store.load_county().expect("load").absences[0].id;
    let cover = Entry::Cover(GiveCover {
        absence_id,
        children: Some(vec!["C2".into()]),
        cover_id: "S6".into(),
        from: day(TODAY),
        to: day("2026-11-27"),
    });
    let why = refused(store.save(&cover, "S2", &today));
    assert!(why.contains("seniors and managers"), "{why}");
    // Before cover Nia may not record a step on Logan; with it she may; once it ends, not again.
    let step = |date: &str| {
        Entry::Step(RecordStep {
            child_id: "C2".into(),
            step: StepEntry { kind: StepKind::ReviewMeeting, date: day(date), until: None, detail: String::new() },
            seen: None,
            confirmed: false,
        })
    };
    refused(store.save(&step(TODAY), "S6", &today));
    store.save(&cover, "S3", &today).expect("the senior gives cover");
    store.save(&step(TODAY), "S6", &today).expect("cover may record");
    let later = Rules { today: day("2026-11-30"), ..today };
    refused(store.save(&step("2026-11-30"), "S6", &later));
}

#[test]
fn the_duty_queue_puts_calls_first_then_due_today_then_overdue_then_due_soon() {
    let mut county = common::county_without_logins();
    // Priya's children: Ibrahim (C4) with a phone message, and three more whose next milestones
    // fall overdue, today and in three working days.
    let template = county.children[3].clone();
    let plan = |id: &str, reviewed: &str| Child {
        id: id.into(),
        last_review_date: Some(day(reviewed)),
        plan_date: Some(day("2019-01-15")),
        ..template.clone()
    };
    county.children.push(plan("C7", "2024-10-01"));
    county.children.push(plan("C8", "2025-11-23"));
    county.children.push(plan("C9", "2025-11-26"));
    let calendar = Calendar::england_and_wales();
    let rules = RulesConfig::default();
    let milestones = caseload::domain::county::county_milestones(&county, day(TODAY), &calendar, &rules);
    let view = DutyView { day: day(TODAY), me: Some("S3"), team: None, kind: DutyKind::All };
    let sections = duty_queue(&county, &milestones, &calendar, &rules, view);
    let priya = sections.iter().find(|s| matches!(s.group, DutyGroup::Absent { .. })).expect("Priya's section");
    let classes: Vec<DutyClass> = priya.items.iter().map(|i| i.class).collect();
    let mut sorted = classes.clone();
    sorted.sort();
    assert_eq!(classes, sorted, "in order of class: {:?}", priya.items);
    assert_eq!(classes.first(), Some(&DutyClass::Contact), "the call-back first, although not yet due");
    for class in [DutyClass::DueToday, DutyClass::Overdue, DutyClass::DueSoon] {
        assert!(classes.contains(&class), "{class:?} in {classes:?}");
    }
    // Calls only: the milestones go.
    let calls = duty_queue(&county, &milestones, &calendar, &rules, DutyView { kind: DutyKind::Contacts, ..view });
    let priya = calls.iter().find(|s| matches!(s.group, DutyGroup::Absent { .. })).expect("Priya's section");
    assert!(priya.items.iter().all(|i| i.class == DutyClass::Contact), "{:?}", priya.items);
}

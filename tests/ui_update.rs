//! Feeding keys and actions to the update function, checking the state (no terminal).

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use caseload::app::Overlay;
use caseload::app::Pane;
use caseload::app::Scope;
use caseload::app::action::Action;
use caseload::app::update::{Records, apply, handle_key, who_am_i_picker};
use caseload::domain::Stage;
use common::{FakeRecords, app, app_as};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn type_text(app: &mut caseload::app::App, text: &str) {
    for c in text.chars() {
        handle_key(app, &key(KeyCode::Char(c)), &mut FakeRecords);
    }
}

fn visible_ids(app: &caseload::app::App) -> Vec<String> {
    app.panes.caseload.list.lines.iter().map(|&i| app.data.county.children[i].id.clone()).collect()
}

#[test]
fn an_officer_sees_their_own_active_caseload() {
    let app = app_as("S1");
    assert_eq!(app.scope, Scope::Officer("S1".into()));
    let mut ids = visible_ids(&app);
    ids.sort();
    // C6 is ceased: it leaves the caseload but stays on record.
    assert_eq!(ids, vec!["C1", "C2", "C3"]);
    assert_eq!(app.panes.caseload.counts.children, 3);
}

#[test]
fn a_senior_starts_on_their_team_and_may_change_scope() {
    let mut app = app_as("S3");
    assert_eq!(app.scope, Scope::Team("North Pre-14".into()));
    assert_eq!(app.panes.caseload.counts.children, 4);
    apply(&mut app, Action::Scope, &mut FakeRecords);
    assert!(matches!(app.overlay, Some(Overlay::Picker(..))));
    type_text(&mut app, "unalloc");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    assert_eq!(app.scope, Scope::Unallocated);
    assert_eq!(visible_ids(&app), vec!["C5"]);
}

#[test]
fn an_officer_may_not_change_scope() {
    let mut app = app_as("S1");
    apply(&mut app, Action::Scope, &mut FakeRecords);
    assert!(app.overlay.is_none());
    assert_eq!(app.scope, Scope::Officer("S1".into()));
    assert!(app.message.as_ref().is_some_and(|(text, _)| text.contains("only seniors")));
}

#[test]
fn search_narrows_by_name_or_id_and_escape_clears_it() {
    let mut app = app_as("S4");
    apply(&mut app, Action::Scope, &mut FakeRecords);
    type_text(&mut app, "whole");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    assert_eq!(app.panes.caseload.list.lines.len(), 6);

    handle_key(&mut app, &key(KeyCode::Char('/')), &mut FakeRecords);
    assert!(app.panes.caseload.searching);
    type_text(&mut app, "zoë");
    assert_eq!(visible_ids(&app), vec!["C3"]);
    handle_key(&mut app, &key(KeyCode::Backspace), &mut FakeRecords);
    type_text(&mut app, "e");
    assert_eq!(visible_ids(&app), vec!["C3"], "accent-free spelling finds Zoë");
    handle_key(&mut app, &key(KeyCode::Backspace), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Backspace), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Backspace), &mut FakeRecords);
    type_text(&mut app, "c4");
    assert_eq!(visible_ids(&app), vec!["C4"]);
    // Enter keeps the search; letters are then keys again.
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    assert!(!app.panes.caseload.searching);
    assert_eq!(app.panes.caseload.list.lines.len(), 1);
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert_eq!(app.panes.caseload.list.lines.len(), 6);
}

#[test]
fn enter_opens_the_timeline_with_the_childs_history() {
    let mut app = app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('/')), &mut FakeRecords);
    type_text(&mut app, "holly");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Timeline);
    let child = app.panes.timeline.child.expect("a child is loaded");
    assert_eq!(app.data.county.children[child].id, "C1");
    assert_eq!(app.panes.timeline.events.len(), 2);
    assert!(app.panes.timeline.events[0].date > app.panes.timeline.events[1].date, "newest first");
    // Esc goes back to the caseload.
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Caseload);
}

#[test]
fn number_keys_and_tab_switch_panes() {
    let mut app = app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('3')), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Panel);
    handle_key(&mut app, &key(KeyCode::Tab), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Duty);
    handle_key(&mut app, &key(KeyCode::Tab), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Surgery);
    handle_key(&mut app, &key(KeyCode::Tab), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Workload);
    handle_key(&mut app, &key(KeyCode::Tab), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Caseload);
    handle_key(&mut app, &KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Workload);
}

#[test]
fn filters_cycle_and_clear() {
    let mut app = app_as("S1");
    apply(&mut app, Action::Filter, &mut FakeRecords);
    // First row is the stage: Right moves from "any" to the first stage, request.
    handle_key(&mut app, &key(KeyCode::Right), &mut FakeRecords);
    assert_eq!(app.panes.caseload.filters.stage, Some(Stage::Request));
    assert_eq!(visible_ids(&app), vec!["C1"]);
    handle_key(&mut app, &key(KeyCode::Left), &mut FakeRecords);
    assert_eq!(app.panes.caseload.filters.stage, None);
    handle_key(&mut app, &key(KeyCode::Left), &mut FakeRecords);
    assert_eq!(app.panes.caseload.filters.stage, Some(Stage::Ceased));
    assert!(app.panes.caseload.list.lines.is_empty(), "ceased children are outside an officer's caseload");
    handle_key(&mut app, &key(KeyCode::Char('x')), &mut FakeRecords);
    assert!(app.panes.caseload.filters.is_empty());
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert!(app.overlay.is_none());
}

#[test]
fn sorting_by_name_and_reversing() {
    let mut app = app_as("S1");
    // Default sort is by due date; s moves to status, then name (wrapping).
    while app.panes.caseload.sort != caseload::app::panes::caseload::SortKey::Name {
        handle_key(&mut app, &key(KeyCode::Char('s')), &mut FakeRecords);
    }
    assert_eq!(visible_ids(&app), vec!["C3", "C1", "C2"], "by last name: Łukasiewicz, Stewart, Wright");
    handle_key(&mut app, &KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT), &mut FakeRecords);
    assert_eq!(visible_ids(&app), vec!["C2", "C1", "C3"]);
}

#[test]
fn the_who_am_i_picker_signs_in_and_cannot_be_dismissed_unsigned() {
    let mut app = app();
    let picker = who_am_i_picker(&app);
    app.overlay = Some(Overlay::Picker(caseload::app::PickerPurpose::WhoAmI, picker));
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert!(app.overlay.is_some());
    assert!(app.me.is_none());
    type_text(&mut app, "priya");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    assert!(app.overlay.is_none());
    assert_eq!(app.scope, Scope::Officer("S2".into()));
}

#[test]
fn quit_keys() {
    let mut app = app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('q')), &mut FakeRecords);
    assert!(app.quit);
    let mut app = app_as("S1");
    handle_key(&mut app, &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), &mut FakeRecords);
    assert!(app.quit);
}

#[test]
fn the_panel_queue_and_duty_cover_are_derived() {
    let app = app_as("S3");
    use caseload::app::panes::{duty::DutyLine, panel::PanelLine};
    // Two panel dates, one case each; selection starts at the first upcoming panel's case.
    assert_eq!(app.panes.panel.list.lines.len(), 4);
    assert!(matches!(app.panes.panel.list.lines[app.panes.panel.list.selected], PanelLine::Case(0)));
    // S2 is away today: her heading, then Ibrahim's call-back.
    assert!(matches!(app.panes.duty.list.lines[0], DutyLine::Heading(0)));
    assert!(matches!(app.panes.duty.list.lines[1], DutyLine::Item(0, 0)));
}

#[test]
fn escape_backs_out_step_by_step_then_quits() {
    let mut app = app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('2')), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Caseload);
    handle_key(&mut app, &key(KeyCode::Char('/')), &mut FakeRecords);
    type_text(&mut app, "holly");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert!(app.panes.caseload.search.is_empty() && !app.quit);
    apply(&mut app, Action::Filter, &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Right), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert!(!app.panes.caseload.filters.is_empty() && !app.quit, "Esc closes the menu, keeping the filter");
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert!(app.panes.caseload.filters.is_empty() && !app.quit);
    // With nothing left to go back from, Esc says how to quit rather than quitting.
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert!(!app.quit);
    assert_eq!(app.message.as_ref().map(|m| m.0.as_str()), Some("nothing to go back from; q quits"));
}

#[test]
fn reload_keeps_the_focused_child() {
    let mut app = app_as("S1");
    let c3 = app.data.child_index["C3"];
    app.focus_child = Some(c3);
    caseload::app::update::reload(&mut app, &FakeRecords);
    assert_eq!(app.focus_child.map(|i| app.data.county.children[i].id.clone()), Some("C3".to_string()));
}

#[test]
fn a_reload_rebuilds_the_timeline_where_the_reader_was() {
    // The interface reloads by itself when someone else saves: no key follows to rebuild it.
    let mut app = app_as("S1");
    let holly = app.data.child_index["C1"];
    app.focus_child = Some(holly);
    handle_key(&mut app, &key(KeyCode::Char('2')), &mut FakeRecords);
    app.panes.timeline.scroll = 5;
    caseload::app::update::reload(&mut app, &FakeRecords);
    assert_eq!(app.panes.timeline.child, Some(holly));
    assert_eq!(app.panes.timeline.scroll, 5);
    assert_eq!(app.panes.timeline.events.len(), 2, "history read again");
}

#[test]
fn the_history_merges_records_and_events_newest_first() {
    use caseload::app::history::{HistoryItem, child_history};
    use caseload::domain::*;
    let mut county = common::county();
    let step = |id, kind, date: &str, detail: &str| common::recorded_step(id, "C1", kind, date, detail);
    county.steps = vec![
        step(1, StepKind::AssessDecision, "2026-10-01", "agreed"),
        step(2, StepKind::AdviceRequested, "2026-10-01", "health"),
        step(3, StepKind::AdviceRequested, "2026-10-05", "education"),
        step(4, StepKind::AdviceRequested, "2026-10-01", "social_care"),
    ];
    // The 1 Oct call was a phone message recorded in the product: one entry, not two.
    county.contacts.push(Contact {
        id: 2,
        child_id: "C1".into(),
        kind: ContactKind::PhoneMessage,
        received: common::day("2026-10-01"),
        summary: "Mum: \"any news?\"\nExplained the 6 weeks.".into(),
        promised: None,
        answered: Some(common::day("2026-10-02")),
        staff_id: Some("S1".into()),
        answered_by: None,
        answer: String::new(),
    });
    let events = FakeRecords.history("C1").expect("history");
    let history = child_history(&county, "C1", &events);
    let panel = county.panels.iter().position(|p| p.child_id == "C1").expect("C1 goes to panel");
    let contact = county.contacts.len() - 1;
    assert_eq!(
        history,
        vec![
            HistoryItem::Panel(panel),
            // Allocated to Theo when the county was imported, on the test day.
            HistoryItem::Allocation(0),
            HistoryItem::Step(2),
            // One day: steps, later recorded first, then the contact.
            HistoryItem::Step(3),
            HistoryItem::Step(1),
            HistoryItem::Step(0),
            HistoryItem::Contact(contact),
            HistoryItem::Event(1),
        ]
    );
}

#[test]
fn esc_from_a_timeline_goes_back_to_the_pane_it_was_opened_from() {
    // Matilda, on duty, opens Ibrahim's timeline from his call-back on the duty pane.
    let mut app = app_as("S3");
    handle_key(&mut app, &key(KeyCode::Char('4')), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Down), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Timeline);
    let child = app.panes.timeline.child.expect("a child is loaded");
    assert_eq!(app.data.county.children[child].id, "C4");
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Duty, "back to the duty pane, on the same line");
    assert!(matches!(
        app.panes.duty.list.lines[app.panes.duty.list.selected],
        caseload::app::panes::duty::DutyLine::Item(0, 0)
    ));
    // From the panel queue too.
    handle_key(&mut app, &key(KeyCode::Char('3')), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Timeline);
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert_eq!(app.pane, Pane::Panel);
}

#[test]
fn sorting_by_age_sorts_by_age() {
    let mut app = app_as("S4");
    handle_key(&mut app, &key(KeyCode::Char('v')), &mut FakeRecords);
    type_text(&mut app, "whole");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    // s moves to the next column: Name, then Age.
    while app.panes.caseload.sort != caseload::app::panes::caseload::SortKey::Age {
        handle_key(&mut app, &key(KeyCode::Char('s')), &mut FakeRecords);
    }
    let ages = |app: &caseload::app::App| -> Vec<chrono::NaiveDate> {
        app.panes.caseload.visible().iter().map(|&i| app.data.county.children[i].date_of_birth).collect()
    };
    let ascending = ages(&app);
    assert!(ascending.len() > 3);
    assert!(ascending.windows(2).all(|w| w[0] >= w[1]), "youngest (latest born) first: {ascending:?}");
    handle_key(&mut app, &key(KeyCode::Char('S')), &mut FakeRecords);
    let descending = ages(&app);
    assert!(descending.windows(2).all(|w| w[0] <= w[1]), "oldest first: {descending:?}");
}

#[test]
fn the_step_form_opens_on_the_step_next_due() {
    let mut app = app_as("S1");
    let step_chosen = |app: &caseload::app::App| match &app.overlay {
        Some(Overlay::Form(form)) => form.value("step").to_string(),
        other => panic!("no form: {other:?}"),
    };
    // Holly (C1): a request whose decision to assess is due.
    common::select_child(&mut app, "C1");
    handle_key(&mut app, &key(KeyCode::Char('t')), &mut FakeRecords);
    assert_eq!(step_chosen(&app), "assess_decision");
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    // Logan (C2), his review meeting held on 16 Nov: the school's report is next due, so the
    // form opens on it rather than on the first step of the list (a review meeting).
    let mut county = common::county();
    county.steps.push(common::recorded_step(9, "C2", caseload::domain::StepKind::ReviewMeeting, "2026-11-16", ""));
    county.children[1].last_review_date = Some(common::day("2026-11-16"));
    let config = caseload::config::Config::default();
    let keymap = caseload::app::keymap::Keymap::from_config(&config).expect("keys");
    let mut app = caseload::app::App::new(
        county,
        common::day(common::TODAY),
        config,
        keymap,
        caseload::domain::Calendar::england_and_wales(),
    );
    let me = app.find_staff("S1").expect("staff");
    app.sign_in(me);
    common::select_child(&mut app, "C2");
    handle_key(&mut app, &key(KeyCode::Char('t')), &mut FakeRecords);
    let c2 = app.data.child_index["C2"];
    assert_eq!(step_chosen(&app), "review_report", "{:#?}", app.data.milestones[c2]);
}

#[test]
fn p_records_what_is_next_for_a_childs_panel_case() {
    let title = |app: &caseload::app::App| match &app.overlay {
        Some(Overlay::Form(form)) => form.title.clone(),
        other => panic!("no form: {other:?}"),
    };
    // Logan (C2) was deferred at the panel of 19 Nov and the family has not been told: p opens
    // that decision (to record the letter), not a new submission.
    let mut app = app_as("S1");
    common::select_child(&mut app, "C2");
    handle_key(&mut app, &key(KeyCode::Char('p')), &mut FakeRecords);
    assert!(title(&app).starts_with("Panel decision · Logan Wright · 19 Nov 2026"), "{}", title(&app));
    // Holly (C1) waits for the panel of 26 Nov: its decision.
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    common::select_child(&mut app, "C1");
    handle_key(&mut app, &key(KeyCode::Char('p')), &mut FakeRecords);
    assert!(title(&app).starts_with("Panel decision · Holly Stewart · 26 Nov 2026"), "{}", title(&app));

    // Once the family has the letter, Logan's case goes back as a resubmission, with what the
    // panel asked for.
    let mut county = common::county();
    county.panels[1].decision_sent = Some(common::day("2026-11-20"));
    let config = caseload::config::Config::default();
    let keymap = caseload::app::keymap::Keymap::from_config(&config).expect("keys");
    let calendar = caseload::domain::Calendar::england_and_wales();
    let mut app = caseload::app::App::new(county, common::day(common::TODAY), config, keymap, calendar);
    let me = app.find_staff("S1").expect("staff");
    app.sign_in(me);
    common::select_child(&mut app, "C2");
    handle_key(&mut app, &key(KeyCode::Char('p')), &mut FakeRecords);
    assert!(title(&app).starts_with("Resubmit to panel · Logan Wright (deferred 19 Nov"), "{}", title(&app));
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("a form") };
    assert_eq!((form.value("question"), form.value("papers")), ("band", "updated EP advice"));
    // The same from the panel queue, on that deferred case.
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    handle_key(&mut app, &key(KeyCode::Char('3')), &mut FakeRecords);
    while !matches!(app.panes.panel.list.selected_line(), Some(caseload::app::panes::panel::PanelLine::Case(1))) {
        handle_key(&mut app, &key(KeyCode::Up), &mut FakeRecords);
    }
    handle_key(&mut app, &key(KeyCode::Char('p')), &mut FakeRecords);
    assert!(title(&app).starts_with("Resubmit to panel · Logan Wright"), "{}", title(&app));
}

#[test]
fn the_panel_queue_keeps_the_case_acted_on_selected_when_it_is_rebuilt() {
    use caseload::app::panes::panel::PanelLine;
    let mut app = app_as("S3");
    handle_key(&mut app, &key(KeyCode::Char('3')), &mut FakeRecords);
    // It opens on the next panel's first case (26 Nov); move to the 19 Nov case above it.
    let first = app.panes.panel.list.selected;
    assert!(matches!(app.panes.panel.list.lines[first], PanelLine::Case(0)), "{:?}", app.panes.panel.list.lines);
    while !matches!(app.panes.panel.list.lines[app.panes.panel.list.selected], PanelLine::Case(1)) {
        handle_key(&mut app, &key(KeyCode::Up), &mut FakeRecords);
    }
    let chosen = app.panes.panel.list.selected;
    // A save (anyone's) rebuilds every pane: the selection stays on that case.
    app.refresh_views();
    assert_eq!(app.panes.panel.list.selected, chosen);
    assert!(matches!(app.panes.panel.list.lines[chosen], PanelLine::Case(1)));
}

#[test]
fn a_search_says_when_matches_lie_outside_the_view() {
    // Theo's caseload has no Ibrahim (Priya's): the search says one is elsewhere.
    let mut app = app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('/')), &mut FakeRecords);
    type_text(&mut app, "ibrahim");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    let said = app.message.as_ref().map(|(t, _)| t.clone()).unwrap_or_default();
    assert!(said.starts_with("0 matching \"ibrahim\"; 1 more outside this view"), "{said}");
    // A manager is told how to widen the view.
    let mut app = app_as("S4");
    handle_key(&mut app, &key(KeyCode::Char('/')), &mut FakeRecords);
    type_text(&mut app, "amira");
    handle_key(&mut app, &key(KeyCode::Enter), &mut FakeRecords);
    let said = app.message.as_ref().map(|(t, _)| t.clone()).unwrap_or_default();
    assert!(said.contains("1 more outside this view: v for the whole authority"), "{said}");
}

#[test]
fn the_surgery_pane_shows_any_working_day() {
    use caseload::app::panes::surgery::SurgeryLine;
    let mut app = app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('5')), &mut FakeRecords);
    // Today, Monday 23 Nov: Theo's surgery with Zoë's call-back booked.
    assert!(app.panes.surgery.list.lines.iter().any(|l| matches!(l, SurgeryLine::Booking(_))));
    // Tuesday: no surgery.
    handle_key(&mut app, &key(KeyCode::Char(']')), &mut FakeRecords);
    assert_eq!(app.panes.surgery.shown_day, Some(common::day("2026-11-24")));
    assert!(app.panes.surgery.list.lines.is_empty());
    // The Monday after: his surgery again, nothing booked, every time free.
    for _ in 0..4 {
        handle_key(&mut app, &key(KeyCode::Char(']')), &mut FakeRecords);
    }
    assert_eq!(app.panes.surgery.shown_day, Some(common::day("2026-11-30")));
    assert!(
        matches!(app.panes.surgery.list.lines.first(), Some(SurgeryLine::Officer(_, 0, 4))),
        "{:?}",
        app.panes.surgery.list.lines
    );
    // Esc: back to today.
    handle_key(&mut app, &key(KeyCode::Esc), &mut FakeRecords);
    assert_eq!(app.panes.surgery.shown_day, Some(common::day(common::TODAY)));
}

#[test]
fn a_row_whose_next_milestone_is_advisory_still_says_its_status() {
    // Amira (C5): assessment refused on 20 Nov, so all that is open is the family's appeal
    // deadline (advisory): the row says "upcoming" rather than nothing.
    let mut county = common::county();
    county.children[4].stage = caseload::domain::Stage::Ceased;
    county.children[4].assess_decision_date = Some(common::day("2026-11-20"));
    county.steps.push(common::recorded_step(
        9,
        "C5",
        caseload::domain::StepKind::AssessDecision,
        "2026-11-20",
        "declined",
    ));
    let config = caseload::config::Config::default();
    let keymap = caseload::app::keymap::Keymap::from_config(&config).expect("keys");
    let calendar = caseload::domain::Calendar::england_and_wales();
    let app = caseload::app::App::new(county, common::day(common::TODAY), config, keymap, calendar);
    let row = &app.data.rows[app.data.child_index["C5"]];
    let next = row.next.as_ref().expect("the appeal deadline");
    assert_eq!(next.name, caseload::domain::MilestoneName::AppealDeadline);
    assert_eq!(row.status, Some(caseload::domain::Status::Upcoming));
}

//! A small fictional county for interface tests, and an in-memory history source.
#![allow(dead_code)]

use chrono::NaiveDate;

use caseload::app::App;
use caseload::app::keymap::Keymap;
use caseload::app::update::handle_key;
use caseload::casework::{Entry, RecordError, Records, Rules};
use caseload::config::Config;
use caseload::domain::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
}

pub const TODAY: &str = "2026-11-23";

fn staff(id: &str, name: &str, role: Role, team: &str) -> Staff {
    Staff { id: id.into(), name: name.into(), role, team: team.into(), login: Some(id.to_lowercase()) }
}

fn child(id: &str, first: &str, last: &str, dob: &str, officer: Option<&str>, stage: Stage) -> Child {
    Child {
        id: id.into(),
        first_name: first.into(),
        last_name: last.into(),
        date_of_birth: day(dob),
        postcode: Some("WR1 1AA".into()),
        setting: Some("Millbrook Primary School".into()),
        primary_need: Some(Need::Asd),
        officer: officer.map(Into::into),
        stage,
        request_date: None,
        assess_decision_date: None,
        draft_date: None,
        plan_date: None,
        last_review_date: None,
        band: Some(3),
        year_group_override: None,
    }
}

pub fn county() -> County {
    let mut county = county_as_imported();
    // As an import records them: each allocated child with their officer from the test day.
    county.allocations = county
        .children
        .iter()
        .filter(|c| c.officer.is_some())
        .enumerate()
        .map(|(n, c)| Allocation {
            id: n as i64 + 1,
            child_id: c.id.clone(),
            officer_id: c.officer.clone(),
            from: day(TODAY),
            to: None,
            reason: "imported".into(),
            by_staff: Some("test".into()),
        })
        .collect();
    county
}

fn county_as_imported() -> County {
    let mut children = vec![
        // A request received 2 Sep 2026: the assessment decision (6 weeks) is overdue.
        Child {
            request_date: Some(day("2026-09-02")),
            ..child("C1", "Holly", "Stewart", "2018-04-18", Some("S1"), Stage::Request)
        },
        // A plan whose annual review is overdue (last review Oct 2025).
        Child {
            plan_date: Some(day("2020-06-01")),
            last_review_date: Some(day("2025-10-01")),
            ..child("C2", "Logan", "Wright", "2012-11-02", Some("S1"), Stage::Plan)
        },
        // A plan reviewed recently: nothing urgent.
        Child {
            plan_date: Some(day("2021-03-10")),
            last_review_date: Some(day("2026-09-29")),
            ..child("C3", "Zoë", "Łukasiewicz", "2015-10-09", Some("S1"), Stage::Plan)
        },
        // Another officer's child, with a phone message to return.
        Child {
            plan_date: Some(day("2019-01-15")),
            last_review_date: Some(day("2026-03-01")),
            ..child("C4", "Ibrahim", "Dean", "2009-05-23", Some("S2"), Stage::Plan)
        },
        // Unallocated new request.
        Child {
            request_date: Some(day("2026-11-16")),
            primary_need: None,
            ..child("C5", "Amira", "O'Brien", "2021-02-28", None, Stage::Request)
        },
        Child {
            plan_date: Some(day("2015-09-01")),
            ..child("C6", "Oscar", "Hall", "2000-01-01", Some("S1"), Stage::Ceased)
        },
    ];
    children[1].setting = Some("Elective home education".into());
    County {
        staff: vec![
            staff("S1", "Theo Brown", Role::Officer, "North Pre-14"),
            staff("S2", "Priya Shah", Role::Officer, "North Pre-14"),
            staff("S3", "Matilda Fox", Role::Senior, "North Pre-14"),
            staff("S4", "James Hall", Role::Manager, "North Pre-14"),
            staff("S5", "Ann Lee", Role::Admin, "Assessment"),
        ],
        children,
        steps: vec![],
        contacts: vec![Contact {
            id: 1,
            child_id: "C4".into(),
            kind: ContactKind::PhoneMessage,
            received: day("2026-11-20"),
            summary: "Mum asked about transport".into(),
            promised: None,
            answered: None,
            staff_id: Some("S5".into()),
            answered_by: None,
            answer: String::new(),
        }],
        absences: vec![Absence {
            id: 1,
            staff_id: "S2".into(),
            kind: AbsenceKind::Sickness,
            from: day("2026-11-23"),
            to: Some(day("2026-11-25")),
            note: String::new(),
            recorded_by: None,
            acknowledged: None,
        }],
        panels: vec![
            PanelSubmission {
                id: 1,
                child_id: "C1".into(),
                panel_date: day("2026-11-26"),
                question: PanelQuestion::Assess,
                papers: "school report; parental views".into(),
                submitted_by: Some("S1".into()),
                outcome: None,
                info_needed: String::new(),
                decision_sent: None,
                sent_how: String::new(),
                resubmission_of: None,
            },
            PanelSubmission {
                id: 2,
                child_id: "C2".into(),
                panel_date: day("2026-11-19"),
                question: PanelQuestion::Band,
                papers: "review report".into(),
                submitted_by: Some("S1".into()),
                outcome: Some(PanelOutcome::Deferred),
                info_needed: "updated EP advice".into(),
                decision_sent: None,
                sent_how: String::new(),
                resubmission_of: None,
            },
        ],
        slots: vec![SurgerySlot {
            id: 1,
            officer_id: "S1".into(),
            weekday: 1,
            start: chrono::NaiveTime::from_hms_opt(14, 0, 0).expect("valid"),
            minutes: 60,
        }],
        bookings: vec![Booking {
            id: 1,
            officer_id: "S1".into(),
            date: day("2026-11-23"),
            start: chrono::NaiveTime::from_hms_opt(14, 15, 0).expect("valid"),
            child_id: Some("C3".into()),
            caller_number: "07700 900123".into(),
            query: "When is the review?".into(),
            booked_by: Some("S5".into()),
            made: None,
            said: String::new(),
        }],
        disputes: vec![],
        versions: Default::default(),
        requests: vec![],
        allocations: vec![],
        tasks: vec![],
        // Priya is off with nobody covering by name: her team's duty officer (Matilda, its
        // senior, with no rota set) stands in.
        covers: vec![],
        rota: vec![],
        handovers: vec![],
    }
}

pub fn events() -> Vec<CaseEvent> {
    vec![
        CaseEvent {
            child_id: "C1".into(),
            date: day("2026-09-02"),
            kind: EventKind::Letter,
            staff_id: Some("S1".into()),
            summary: "Request for assessment from school (SENCo).".into(),
        },
        CaseEvent {
            child_id: "C1".into(),
            date: day("2026-10-01"),
            kind: EventKind::Call,
            staff_id: Some("S1".into()),
            summary: "Mum: \"any news?\"\nExplained the 6 weeks.".into(),
        },
    ]
}

/// History from `events()`, newest first, as the store gives it.
pub struct FakeRecords;

impl Records for FakeRecords {
    fn history(&self, child_id: &str) -> Result<Vec<CaseEvent>, String> {
        let mut events: Vec<CaseEvent> = events().into_iter().filter(|e| e.child_id == child_id).collect();
        events.sort_by_key(|e| std::cmp::Reverse(e.date));
        Ok(events)
    }
    fn county(&self) -> Result<(County, i64), String> {
        Ok((county(), 0))
    }
    /// The test records keep no audit log.
    fn viewed(&self, _: &str, _: &str) -> Result<(), String> {
        Ok(())
    }
    /// The fixture never changes: whatever is asked for, it is read whole again.
    fn changes(&self, seen: i64) -> Result<Changes, String> {
        Ok(Changes { seen, everything: true, ..Changes::default() })
    }
    /// The test records keep no audit log: nothing was done by others.
    fn handback(
        &self,
        _: &County,
        _: &[Vec<caseload::domain::Milestone>],
        absence: &caseload::domain::Absence,
        _: NaiveDate,
    ) -> Result<caseload::casework::handback::Handback, String> {
        Ok(caseload::casework::handback::Handback {
            absence: absence.clone(),
            covers: vec![],
            done: vec![],
            handovers: vec![],
        })
    }
    fn save(&mut self, _: &Entry, _: &str, _: &Rules) -> Result<String, RecordError> {
        Err(RecordError::Store(caseload::store::StoreError::Other("the test records are read-only".into())))
    }
}

pub fn app() -> App {
    let config = Config::default();
    let keymap = Keymap::from_config(&config).expect("default keys are valid");
    App::new(county(), day(TODAY), config, keymap, Calendar::england_and_wales())
}

/// The app signed in as staff `id`.
pub fn app_as(id: &str) -> App {
    let mut app = app();
    let index = app.find_staff(id).expect("fixture staff exists");
    app.sign_in(index);
    app
}

/// A statutory step recorded by S1 for `child_id`.
pub fn recorded_step(id: i64, child_id: &str, kind: StepKind, date: &str, detail: &str) -> Step {
    Step {
        id,
        child_id: child_id.into(),
        kind,
        date: day(date),
        until: None,
        detail: detail.into(),
        recorded_by: Some("S1".into()),
    }
}

/// The test county with nobody's login on the staff list: a test database, on which `--as`
/// says who is recording.
pub fn county_without_logins() -> County {
    let mut county = county();
    for staff in &mut county.staff {
        staff.login = None;
    }
    county
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Selects child `id` on the caseload pane; returns its index.
pub fn select_child(app: &mut App, id: &str) -> usize {
    let child = app.data.child_index[id];
    let position = app.panes.caseload.list.lines.iter().position(|&i| i == child).expect("in the caseload");
    app.panes.caseload.select(position);
    child
}

/// Backspace `count` times in the focused field.
pub fn erase(app: &mut App, records: &mut dyn Records, count: usize) {
    for _ in 0..count {
        handle_key(app, &key(KeyCode::Backspace), records);
    }
}

pub fn type_text(app: &mut App, records: &mut dyn Records, text: &str) {
    for c in text.chars() {
        handle_key(app, &key(KeyCode::Char(c)), records);
    }
}

/// A key pressed, with `records` behind the save.
pub fn press(app: &mut App, records: &mut dyn Records, code: KeyCode) {
    handle_key(app, &key(code), records);
}

/// What the status bar says.
pub fn said(app: &App) -> String {
    app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default()
}

/// The open form.
pub fn form(app: &App) -> &caseload::app::forms::Form {
    match &app.overlay {
        Some(caseload::app::Overlay::Form(form)) => form,
        other => panic!("no form open: {other:?}; said {}", said(app)),
    }
}

/// Tab to field `key` of the open form.
pub fn focus(app: &mut App, records: &mut dyn Records, field: &str) {
    for _ in 0..20 {
        let form = form(app);
        if form.fields[form.focus].key == field {
            return;
        }
        press(app, records, KeyCode::Tab);
    }
    panic!("no field {field}");
}

/// → on a choice until its value is `value`.
pub fn choose(app: &mut App, records: &mut dyn Records, field: &str, value: &str) {
    focus(app, records, field);
    for _ in 0..30 {
        if form(app).value(field) == value {
            return;
        }
        press(app, records, KeyCode::Right);
    }
    panic!("{field} never offers {value}");
}

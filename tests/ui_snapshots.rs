//! Every pane drawn to a test backend at 80×24 and a wide size, as plain text.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use caseload::app::action::Action;
use caseload::app::panes::timeline::DocLine;
use caseload::app::update::{apply, settle};
use caseload::app::{App, Pane};
use caseload::config::ThemeName;
use caseload::ui::render_text;
use caseload::ui::theme::Theme;
use common::{FakeRecords, app_as};

fn frame(app: &App, width: u16, height: u16) -> String {
    render_text(app, &Theme::new(ThemeName::Mono, true), width, height)
}

fn show(mut app: App, pane: Pane) -> App {
    app.show(pane);
    settle(&mut app, &FakeRecords);
    app
}

#[test]
fn caseload_pane() {
    let app = app_as("S1");
    insta::assert_snapshot!("caseload_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("caseload_140x40", frame(&app, 140, 40));
}

#[test]
fn timeline_pane() {
    let mut app = app_as("S1");
    let holly = app.data.child_index["C1"];
    app.focus_child = Some(holly);
    let app = show(app, Pane::Timeline);
    insta::assert_snapshot!("timeline_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("timeline_140x40", frame(&app, 140, 40));
}

#[test]
fn panel_pane() {
    let app = show(app_as("S3"), Pane::Panel);
    insta::assert_snapshot!("panel_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("panel_140x40", frame(&app, 140, 40));
}

#[test]
fn duty_pane() {
    let app = show(app_as("S3"), Pane::Duty);
    insta::assert_snapshot!("duty_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("duty_140x40", frame(&app, 140, 40));
}

#[test]
fn workload_pane() {
    // A senior sees their team; a manager the authority, with a Team column when wide.
    let app = show(app_as("S3"), Pane::Workload);
    insta::assert_snapshot!("workload_80x24", frame(&app, 80, 24));
    let mut app = app_as("S4");
    app.scope = caseload::app::Scope::Authority;
    app.refresh_views();
    let app = show(app, Pane::Workload);
    insta::assert_snapshot!("workload_140x40", frame(&app, 140, 40));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut app = app_as("S1");
    apply(&mut app, Action::Help, &mut FakeRecords);
    insta::assert_snapshot!("help_80x24", frame(&app, 80, 24));
}

#[test]
fn never_panics_at_any_size() {
    let mut apps = Vec::new();
    for &pane in Pane::ALL {
        apps.push(show(app_as("S3"), pane));
    }
    let mut with_help = app_as("S3");
    apply(&mut with_help, Action::Help, &mut FakeRecords);
    apps.push(with_help);
    let mut with_filter = app_as("S3");
    apply(&mut with_filter, Action::Filter, &mut FakeRecords);
    apps.push(with_filter);
    let mut with_picker = app_as("S3");
    apply(&mut with_picker, Action::Scope, &mut FakeRecords);
    apps.push(with_picker);
    for app in &apps {
        for width in [1u16, 2, 5, 10, 20, 39, 40, 41, 60, 80, 81, 120, 250] {
            for height in [1u16, 2, 3, 5, 7, 8, 9, 12, 24, 60] {
                let text = frame(app, width, height);
                assert!(text.lines().count() <= height as usize);
                assert!(text.lines().all(|l| caseload::ui::text_width(l) <= width as usize));
            }
        }
    }
}

#[test]
fn surgery_pane() {
    let app = show(app_as("S1"), Pane::Surgery);
    insta::assert_snapshot!("surgery_80x24", frame(&app, 80, 24));
}

/// Logan (C2) with a term's recorded work: review steps, contacts, panels, an appeal with a
/// tribunal order and a call-back booked, merged with the events on file.
fn logan_with_recorded_work() -> App {
    use caseload::domain::*;
    use common::day;
    let mut county = common::county();
    let step = |id, kind, date: &str, detail: &str| common::recorded_step(id, "C2", kind, date, detail);
    county.steps = vec![
        step(1, StepKind::ReviewMeeting, "2026-11-02", ""),
        // The school's report was due on 16 Nov.
        step(2, StepKind::ReviewReport, "2026-11-19", ""),
    ];
    county.contacts.push(Contact {
        id: 2,
        child_id: "C2".into(),
        kind: ContactKind::PhoneMessage,
        received: day("2026-11-09"),
        summary: "Dad asked when the tribunal order will be carried out".into(),
        promised: None,
        answered: Some(day("2026-11-13")),
        staff_id: Some("S5".into()),
        answered_by: Some("S1".into()),
        answer: String::new(),
    });
    county.contacts.push(Contact {
        id: 3,
        child_id: "C2".into(),
        kind: ContactKind::EmailReceived,
        received: day("2026-11-16"),
        summary: "Tutor's invoice for October".into(),
        promised: Some(day("2026-11-30")),
        answered: None,
        staff_id: Some("S1".into()),
        answered_by: None,
        answer: String::new(),
    });
    county.panels.push(PanelSubmission {
        id: 3,
        child_id: "C2".into(),
        panel_date: day("2026-12-03"),
        question: PanelQuestion::Band,
        papers: "review report; EP advice".into(),
        submitted_by: Some("S1".into()),
        outcome: None,
        info_needed: String::new(),
        decision_sent: None,
        sent_how: String::new(),
        resubmission_of: Some(2),
    });
    county.disputes.push(Dispute {
        id: 1,
        child_id: "C2".into(),
        kind: DisputeKind::Appeal,
        registered: day("2026-06-15"),
        hearing: Some(day("2026-10-20")),
        responded: Some(day("2026-07-20")),
        order_kind: Some(OrderKind::Setting),
        order_date: Some(day("2026-10-20")),
        // Two weeks allowed: due 3 Nov.
        complied: Some(day("2026-11-10")),
        closed: None,
        detail: "Appeal against section I".into(),
    });
    county.bookings.push(Booking {
        id: 2,
        officer_id: "S1".into(),
        date: day("2026-11-24"),
        start: chrono::NaiveTime::from_hms_opt(10, 15, 0).expect("valid"),
        child_id: Some("C2".into()),
        caller_number: "07700 900456".into(),
        query: "Dad wants to talk about transport to the new setting".into(),
        booked_by: Some("S5".into()),
        made: None,
        said: String::new(),
    });
    let mut app = common::app_as("S1");
    app.data = caseload::app::data::CaseData::build(county, app.today(), &app.calendar, &app.config.rules);
    app.refresh_views();
    app.focus_child = Some(app.data.child_index["C2"]);
    app.pane = Pane::Timeline;
    settle(&mut app, &LoganRecords);
    app
}

/// The fixture's records, with two events on file for Logan.
struct LoganRecords;

impl caseload::casework::Records for LoganRecords {
    fn history(&self, child_id: &str) -> Result<Vec<caseload::domain::CaseEvent>, String> {
        use caseload::domain::{CaseEvent, EventKind};
        let event = |date: &str, kind, summary: &str| CaseEvent {
            child_id: "C2".into(),
            date: common::day(date),
            kind,
            staff_id: Some("S1".into()),
            summary: summary.into(),
        };
        Ok(if child_id == "C2" {
            vec![
                event("2026-11-13", EventKind::Call, "Rang Dad back: the new setting starts on 30 Nov."),
                event("2026-11-02", EventKind::Review, "Annual review at home: section I to change."),
            ]
        } else {
            Vec::new()
        })
    }
    fn county(&self) -> Result<(caseload::domain::County, i64), String> {
        FakeRecords.county()
    }
    fn changes(&self, seen: i64) -> Result<caseload::domain::Changes, String> {
        FakeRecords.changes(seen)
    }
    fn viewed(&self, child: &str, staff: &str) -> Result<(), String> {
        FakeRecords.viewed(child, staff)
    }
    fn handback(
        &self,
        county: &caseload::domain::County,
        milestones: &[Vec<caseload::domain::Milestone>],
        absence: &caseload::domain::Absence,
        today: chrono::NaiveDate,
    ) -> Result<caseload::casework::handback::Handback, String> {
        FakeRecords.handback(county, milestones, absence, today)
    }
    fn save(
        &mut self,
        entry: &caseload::casework::Entry,
        actor: &str,
        rules: &caseload::casework::Rules,
    ) -> Result<String, caseload::casework::RecordError> {
        FakeRecords.save(entry, actor, rules)
    }
}

#[test]
fn timeline_with_recorded_work() {
    let mut app = logan_with_recorded_work();
    insta::assert_snapshot!("timeline_recorded_work_120x40", frame(&app, 120, 40));
    // At 80×24, scrolled to the history: long entries wrap under the text column.
    let heading =
        app.panes.timeline.lines.iter().position(|l| matches!(l, DocLine::Heading("Case history, newest first")));
    app.panes.timeline.scroll = heading.expect("a history heading");
    insta::assert_snapshot!("timeline_recorded_work_history_80x24", frame(&app, 80, 24));
}

#[test]
fn at_sixty_columns_dates_and_numbers_are_whole_and_cut_text_ends_in_an_ellipsis() {
    let app = app_as("S1");
    let screen = frame(&app, 60, 14);
    // The due dates keep their year; the days left and the status bar's date are whole.
    for (date, days) in [("14 Oct 26", "-40"), ("1 Oct 26", "-53")] {
        assert!(screen.contains(date), "{date} in\n{screen}");
        assert!(screen.contains(days), "{days} in\n{screen}");
    }
    assert!(screen.contains("Mon 23 Nov 2026"), "{screen}");
    // A cell too long for its column ends in "…", never mid-word without it.
    for line in screen.lines().filter(|l| l.starts_with('│')) {
        let inner = line.trim_end_matches('│');
        let last = inner.trim_end().chars().last().unwrap_or(' ');
        assert!(inner.ends_with(' ') || last == '…' || !last.is_alphanumeric() || inner.chars().count() < 59, "{line}");
    }
}

//! Recording casework: validation refuses and saves nothing; accepted entries are saved in one
//! transaction with an audit row, survive a restart and show in the milestones and panes.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use caseload::app::Overlay;
use caseload::app::update::handle_key;
use caseload::casework::*;
use caseload::domain::casework::{Change, ContactEntry, DetailsEntry, DisputeChange, StepEntry};
use caseload::domain::county::county_milestones;
use caseload::domain::*;
use caseload::store::Store;
use common::{TODAY, day, erase, key, select_child, type_text};
use ratatui::crossterm::event::KeyCode;

/// A test database (nobody has a login, so the command line takes --as) with the test county.
fn store_at(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).expect("open");
    store.replace_all(&common::county_without_logins(), &common::events(), Some("test"), day(TODAY)).expect("seed");
    store
}

fn save(store: &mut Store, entry: Entry) -> Result<String, RecordError> {
    let calendar = Calendar::england_and_wales();
    let rules = RulesConfig::default();
    record(store, &entry, "S1", &Rules { now: None, today: day(TODAY), calendar: &calendar, rules: &rules })
}

fn step(kind: StepKind, date: &str, detail: &str) -> StepEntry {
    StepEntry { kind, date: day(date), until: None, detail: detail.into() }
}

fn milestone(store: &Store, child: &str, name: MilestoneName) -> Option<Milestone> {
    let county = store.load_county().expect("load");
    let ms = county_milestones(&county, day(TODAY), &Calendar::england_and_wales(), &RulesConfig::default());
    let index = county.children.iter().position(|c| c.id == child).expect("child");
    ms[index].iter().find(|m| m.name == name).cloned()
}

/// An update setting every field of a dispute as `d` has it.
fn update(d: &Dispute) -> Entry {
    let change = DisputeChange {
        hearing: Change::Set(d.hearing),
        responded: Change::Set(d.responded),
        order_kind: Change::Set(d.order_kind),
        order_date: Change::Set(d.order_date),
        complied: Change::Set(d.complied),
        closed: Change::Set(d.closed),
    };
    Entry::Dispute(UpdateDispute { dispute_id: d.id, change, seen: None })
}

fn invalid(result: Result<String, RecordError>) -> (&'static str, String) {
    match result {
        Err(RecordError::Invalid(e)) => (e.field, e.message),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_phone_message_opens_a_call_back_that_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("county.db");
    let mut store = store_at(&path);
    let done = save(
        &mut store,
        Entry::Contact(RecordContact {
            child_id: "C3".into(),
            entry: ContactEntry::PhoneMessage,
            date: day("2026-11-23"),
            summary: "Dad asked about the review".into(),
        }),
    )
    .expect("saved");
    assert!(done.contains("call back by Wed 25 Nov 2026"), "{done}");
    drop(store);

    let store = Store::open(&path).expect("reopen");
    let call = milestone(&store, "C3", MilestoneName::CallBack).expect("a call-back");
    assert_eq!((call.due, call.status), (day("2026-11-25"), Status::DueSoon));
    assert_eq!(call.detail, "Dad asked about the review");
    let history = store.events_for_child("C3").expect("history");
    assert_eq!(history[0].summary, "Dad asked about the review");
    assert_eq!(history[0].kind, EventKind::Call);
    let audit = store.audit_rows(1).expect("audit");
    assert_eq!((audit[0].action.as_str(), audit[0].staff_id.as_deref()), ("record_contact", Some("S1")));
}

#[test]
fn contacts_are_answered_or_given_a_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    // Contact 1 (fixture): C4's phone message of 20 Nov.
    let (field, message) =
        invalid(save(&mut store, Entry::Promise(PromiseAnswer { contact_id: 1, date: day("2026-11-23"), seen: None })));
    assert_eq!(field, "date");
    assert!(message.contains("after today"), "{message}");
    let (field, message) =
        invalid(save(&mut store, Entry::Promise(PromiseAnswer { contact_id: 1, date: day("2026-11-28"), seen: None })));
    assert_eq!((field, message.as_str()), ("date", "Saturday 28 Nov 2026 is not a working day"));
    let promised =
        save(&mut store, Entry::Promise(PromiseAnswer { contact_id: 1, date: day("2026-11-30"), seen: None }))
            .expect("promised");
    assert_eq!(promised, "Ibrahim Dean's phone message of 20 Nov: family told to expect an answer by Mon 30 Nov 2026");
    assert_eq!(milestone(&store, "C4", MilestoneName::CallBack).expect("open").due, day("2026-11-30"));
    let (field, _) = invalid(save(
        &mut store,
        Entry::Answer(AnswerContact { contact_id: 1, date: day("2026-11-19"), answer: String::new(), seen: None }),
    ));
    assert_eq!(field, "date", "before it was received");
    save(
        &mut store,
        Entry::Answer(AnswerContact {
            contact_id: 1,
            date: day("2026-11-23"),
            answer: "rang back: transport agreed".into(),
            seen: None,
        }),
    )
    .expect("answered");
    assert_eq!(milestone(&store, "C4", MilestoneName::CallBack).expect("kept").status, Status::Done);
    let (field, _) = invalid(save(
        &mut store,
        Entry::Answer(AnswerContact {
            contact_id: 1,
            date: day("2026-11-23"),
            answer: "rang back: transport agreed".into(),
            seen: None,
        }),
    ));
    assert_eq!(field, "contact", "already answered");
    let (field, _) = invalid(save(
        &mut store,
        Entry::Answer(AnswerContact { contact_id: 99, date: day("2026-11-23"), answer: String::new(), seen: None }),
    ));
    assert_eq!(field, "contact");
}

#[test]
fn bad_entries_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let before = (
        store.event_count().expect("count"),
        store.audit_rows(100).expect("audit").len(),
        store.load_county().expect("load"),
    );
    let contact = |date: &str, summary: &str| {
        Entry::Contact(RecordContact {
            child_id: "C1".into(),
            entry: ContactEntry::EmailReceived,
            date: day(date),
            summary: summary.into(),
        })
    };
    assert_eq!(invalid(save(&mut store, contact("2026-11-24", "x"))).0, "date", "future");
    assert_eq!(invalid(save(&mut store, contact("2010-01-01", "x"))).0, "date", "before birth");
    assert_eq!(invalid(save(&mut store, contact("2026-11-23", "  "))).0, "summary");
    let unknown = Entry::Contact(RecordContact {
        child_id: "C99".into(),
        entry: ContactEntry::Note,
        date: day(TODAY),
        summary: "x".into(),
    });
    assert_eq!(invalid(save(&mut store, unknown)).0, "child");
    let early = Entry::Step(RecordStep {
        child_id: "C1".into(),
        step: step(StepKind::AssessDecision, "2026-08-01", "agreed"),
        seen: None,
        confirmed: true,
    });
    assert_eq!(invalid(save(&mut store, early)).0, "date", "before the request");
    let wrong_stage = Entry::Step(RecordStep {
        child_id: "C1".into(),
        step: step(StepKind::FinalIssued, TODAY, ""),
        seen: None,
        confirmed: true,
    });
    assert_eq!(invalid(save(&mut store, wrong_stage)).0, "step");
    let no_detail = Entry::Step(RecordStep {
        child_id: "C1".into(),
        step: step(StepKind::AssessDecision, TODAY, "maybe"),
        seen: None,
        confirmed: true,
    });
    assert_eq!(invalid(save(&mut store, no_detail)).0, "detail");
    let after = (
        store.event_count().expect("count"),
        store.audit_rows(100).expect("audit").len(),
        store.load_county().expect("load"),
    );
    assert_eq!(before.0, after.0);
    assert_eq!(before.1, after.1);
    assert_eq!(before.2.children, after.2.children);
    assert_eq!(before.2.steps, after.2.steps);
}

#[test]
fn a_request_goes_all_the_way_to_a_final_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let child =
        |store: &Store| store.load_county().expect("load").children.into_iter().find(|c| c.id == "C1").expect("C1");
    let go = |store: &mut Store, kind, date: &str, detail: &str| {
        save(
            store,
            Entry::Step(RecordStep {
                child_id: "C1".into(),
                step: step(kind, date, detail),
                seen: None,
                confirmed: true,
            }),
        )
    };
    assert_eq!(milestone(&store, "C1", MilestoneName::AssessDecision).expect("open").status, Status::Overdue);
    go(&mut store, StepKind::AssessDecision, "2026-10-05", "agreed").expect("decided");
    assert_eq!(child(&store).stage, Stage::Assessment);
    assert_eq!(milestone(&store, "C1", MilestoneName::AssessDecision).expect("kept").done, Some(day("2026-10-05")));
    go(&mut store, StepKind::AdviceRequested, "2026-10-06", "educational_psychologist").expect("asked");
    let advice = milestone(&store, "C1", MilestoneName::AdviceDue).expect("advice due");
    assert_eq!(advice.due, day("2026-11-17"));
    let (field, _) = invalid(go(&mut store, StepKind::AdviceReceived, "2026-11-01", "health"));
    assert_eq!(field, "detail", "health advice was never requested");
    go(&mut store, StepKind::AdviceReceived, "2026-11-10", "educational_psychologist").expect("received");
    // An exception (Reg 10(4)(d), family away) needs its end date, and then moves the 20 weeks.
    let plan_due = milestone(&store, "C1", MilestoneName::FinalPlan).expect("open").due;
    assert_eq!(invalid(go(&mut store, StepKind::Exception, "2026-10-12", "d")).0, "until");
    // (d) needs a continuous period of at least 4 weeks: two weeks away is no exception.
    let short = StepEntry { until: Some(day("2026-10-25")), ..step(StepKind::Exception, "2026-10-12", "d") };
    let (field, message) = invalid(save(
        &mut store,
        Entry::Step(RecordStep { child_id: "C1".into(), step: short, seen: None, confirmed: true }),
    ));
    assert_eq!(field, "until");
    assert!(message.contains("at least 4 weeks"), "{message}");
    let away = StepEntry { until: Some(day("2026-11-08")), ..step(StepKind::Exception, "2026-10-12", "d") };
    // Only an exception has an end date.
    let odd = StepEntry { until: Some(day("2026-10-25")), ..step(StepKind::DraftSent, "2026-11-16", "") };
    assert_eq!(
        invalid(save(
            &mut store,
            Entry::Step(RecordStep { child_id: "C1".into(), step: odd, seen: None, confirmed: true })
        ))
        .0,
        "until"
    );
    save(&mut store, Entry::Step(RecordStep { child_id: "C1".into(), step: away, seen: None, confirmed: true }))
        .expect("exception");
    let moved = milestone(&store, "C1", MilestoneName::FinalPlan).expect("open");
    assert_eq!(moved.due, plan_due + chrono::Duration::days(28), "four weeks away");
    assert!(moved.rule.contains("the product's aid, not a statutory date"), "{}", moved.rule);
    assert!(moved.rule.contains("exception"), "{}", moved.rule);
    assert_eq!(milestone(&store, "C1", MilestoneName::AdviceDue).expect("kept").status, Status::Done);
    go(&mut store, StepKind::DraftSent, "2026-11-16", "").expect("draft");
    assert_eq!(child(&store).stage, Stage::Draft);
    // Reg 13(1): not before the 15 days are over (16 Nov is day 1, 30 Nov the last).
    let (field, message) = invalid(go(&mut store, StepKind::FinalIssued, "2026-11-23", ""));
    assert_eq!(field, "date");
    assert!(message.contains("1 Dec 2026"), "{message}");
    assert_eq!(child(&store).stage, Stage::Draft, "nothing changed");
    let later = Rules {
        now: None,
        today: day("2026-12-02"),
        calendar: &Calendar::england_and_wales(),
        rules: &RulesConfig::default(),
    };
    let entry = Entry::Step(RecordStep {
        child_id: "C1".into(),
        step: step(StepKind::FinalIssued, "2026-12-01", ""),
        seen: None,
        confirmed: true,
    });
    record(&mut store, &entry, "S1", &later).expect("final plan");
    let c1 = child(&store);
    assert_eq!((c1.stage, c1.plan_date), (Stage::Plan, Some(day("2026-12-01"))));
    let audit = store.audit_rows(1).expect("audit");
    assert_eq!(audit[0].before.as_ref().and_then(|b| b["stage"].as_str()), Some("draft"));
    assert_eq!(audit[0].after.as_ref().and_then(|a| a["stage"].as_str()), Some("plan"));
}

#[test]
fn an_annual_review_through_amendment_and_a_plan_ceased() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let go = |store: &mut Store, kind, date: &str, detail: &str| {
        save(
            store,
            Entry::Step(RecordStep {
                child_id: "C2".into(),
                step: step(kind, date, detail),
                seen: None,
                confirmed: true,
            }),
        )
    };
    assert_eq!(invalid(go(&mut store, StepKind::AmendedIssued, "2026-11-20", "")).0, "step", "no proposals yet");
    assert_eq!(invalid(go(&mut store, StepKind::ReviewMeeting, "2025-09-01", "")).0, "date", "before the last review");
    go(&mut store, StepKind::ReviewMeeting, "2026-11-02", "").expect("meeting");
    assert_eq!(milestone(&store, "C2", MilestoneName::ReviewDecision).expect("open").due, day("2026-11-30"));
    assert_eq!(milestone(&store, "C2", MilestoneName::AnnualReview).expect("next").due, day("2027-11-02"));
    go(&mut store, StepKind::ReviewReport, "2026-11-10", "").expect("report");
    go(&mut store, StepKind::ReviewDecision, "2026-11-20", "amend").expect("decision");
    assert_eq!(milestone(&store, "C2", MilestoneName::AnnualReview).expect("next").due, day("2027-11-20"));
    go(&mut store, StepKind::AmendmentsProposed, "2026-11-20", "").expect("proposed");
    assert_eq!(milestone(&store, "C2", MilestoneName::AmendedPlan).expect("open").due, day("2027-01-15"));
    // Reg 22(3): not before the family's 15 days from the proposals (20 Nov is day 1).
    let (field, message) = invalid(go(&mut store, StepKind::AmendedIssued, "2026-11-23", ""));
    assert_eq!(field, "date");
    assert!(message.contains("can be issued from 5 Dec 2026"), "{message}");
    assert_eq!(milestone(&store, "C2", MilestoneName::AmendedPlan).expect("still open").status, Status::Upcoming);
    assert_eq!(invalid(go(&mut store, StepKind::Ceased, TODAY, "12")).0, "detail", "SEN2 reasons are 1-9");
    go(&mut store, StepKind::Ceased, TODAY, "3").expect("ceased");
    let county = store.load_county().expect("load");
    assert_eq!(county.children.iter().find(|c| c.id == "C2").map(|c| c.stage), Some(Stage::Ceased));
    // The family may appeal against ceasing for two months: until then the plan is maintained and
    // its reviews go on (DOMAIN.md "Disputes"; the expiry is in tests/domain_rules.rs).
    assert!(milestone(&store, "C2", MilestoneName::AnnualReview).is_some(), "maintained while appealable");
    assert!(milestone(&store, "C2", MilestoneName::AppealDeadline).is_some(), "the family's deadline shows");
}

#[test]
fn the_contact_form_saves_and_every_pane_sees_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    app.data = caseload::app::data::CaseData::build(
        store.load_county().expect("load"),
        day(TODAY),
        &app.calendar,
        &app.config.rules,
    );
    app.refresh_views();
    // Select Zoë (C3), whose next milestone is months away.
    select_child(&mut app, "C3");
    handle_key(&mut app, &key(KeyCode::Char('c')), &mut store);
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    // Enter with no summary: refused, the form stays, the error names the field.
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("the form stays open") };
    assert_eq!(form.error.as_ref().map(|e| e.field), Some("summary"));
    for c in "Mum rang about transport".chars() {
        handle_key(&mut app, &key(KeyCode::Char(c)), &mut store);
    }
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "saved and closed");
    let zoe = app.data.child_index["C3"];
    let next = app.data.rows[zoe].next.as_ref().expect("a next milestone");
    assert_eq!((next.name, next.due), (MilestoneName::CallBack, day("2026-11-25")));
    assert!(app.message.as_ref().is_some_and(|(text, _)| text.contains("call back by Wed 25 Nov 2026")));
    // Answering: today; choosing to give the family a date moves it to the working day after
    // the call-back is due (23 Nov + 2 working days = Wed 25 Nov, so Thu 26 Nov).
    handle_key(&mut app, &key(KeyCode::Char('a')), &mut store);
    let date = |app: &caseload::app::App| match &app.overlay {
        Some(Overlay::Form(form)) => form.fields.iter().find(|f| f.key == "date").map(|f| f.kind.clone()),
        _ => panic!("the answer form is open"),
    };
    use caseload::app::forms::FieldKind;
    assert_eq!(date(&app), Some(FieldKind::Date(TODAY.into())));
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    assert_eq!(date(&app), Some(FieldKind::Date("2026-11-26".into())));
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "promised: {:?}", app.message);
    let next = app.data.rows[app.data.child_index["C3"]].next.as_ref().expect("a next milestone");
    assert_eq!((next.name, next.due), (MilestoneName::CallBack, day("2026-11-26")));
    // A business-support member may record contacts but not statutory steps.
    let mut admin = common::app_as("S5");
    handle_key(&mut admin, &key(KeyCode::Char('t')), &mut store);
    assert!(admin.overlay.is_none());
}

#[test]
fn panels_submission_decision_and_resubmission() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    // Fixture: case 2 (C2, 19 Nov) deferred for updated EP advice, decision not yet sent.
    let decide = |store: &mut Store, outcome, needs: &str, sent: Option<(&str, &str)>| {
        save(
            store,
            Entry::PanelDecision(RecordPanelDecision {
                panel_id: 2,
                outcome,
                info_needed: needs.into(),
                sent: sent.map(|(d, how)| (day(d), how.to_string())),
                seen: None,
                confirmed: false,
            }),
        )
    };
    assert_eq!(invalid(decide(&mut store, None, "", Some(("2026-11-18", "letter")))).0, "sent", "before the panel met");
    assert_eq!(invalid(decide(&mut store, None, "", Some(("2026-11-20", " ")))).0, "how");
    decide(&mut store, None, "", Some(("2026-11-20", "letter"))).expect("sent");
    let panel = store.load_county().expect("load").panels.into_iter().find(|p| p.id == 2).expect("case 2");
    assert_eq!((panel.decision_sent, panel.sent_how.as_str()), (Some(day("2026-11-20")), "letter"));
    assert_eq!(panel.outcome, Some(PanelOutcome::Deferred), "unchanged");
    // Saving it again unchanged writes nothing.
    let rows = store.audit_rows(1000).expect("audit").len();
    let said = decide(&mut store, Some(PanelOutcome::Deferred), "", Some(("2026-11-20", "letter"))).expect("same");
    assert!(said.contains("nothing changed"), "{said}");
    assert_eq!(store.audit_rows(1000).expect("audit").len(), rows, "no audit row for nothing");
    // A different outcome after the family was told needs confirming, and the letter is due again.
    let changed = |confirmed: bool| {
        Entry::PanelDecision(RecordPanelDecision {
            panel_id: 2,
            outcome: Some(PanelOutcome::Agreed),
            info_needed: String::new(),
            sent: None,
            seen: None,
            confirmed,
        })
    };
    match save(&mut store, changed(false)) {
        Err(RecordError::Unconfirmed(warning)) => assert!(warning.contains("telling them again"), "{warning}"),
        other => panic!("not asked to confirm: {other:?}"),
    }
    save(&mut store, changed(true)).expect("confirmed");
    let panel = store.load_county().expect("load").panels.into_iter().find(|p| p.id == 2).expect("case 2");
    assert_eq!((panel.outcome, panel.decision_sent), (Some(PanelOutcome::Agreed), None), "to tell again");
    let letter = milestone(&store, "C2", MilestoneName::PanelDecisionSent).expect("the letter is due again");
    assert_ne!(letter.status, Status::Done);
    // Back as it was, for what follows.
    let back = Entry::PanelDecision(RecordPanelDecision {
        panel_id: 2,
        outcome: Some(PanelOutcome::Deferred),
        info_needed: String::new(),
        sent: Some((day("2026-11-20"), "letter".into())),
        seen: None,
        confirmed: true,
    });
    save(&mut store, back).expect("restored");

    // Case 1 (C1, 26 Nov) has not met yet.
    let early = Entry::PanelDecision(RecordPanelDecision {
        panel_id: 1,
        outcome: Some(PanelOutcome::Agreed),
        info_needed: String::new(),
        sent: None,
        seen: None,
        confirmed: false,
    });
    assert_eq!(invalid(save(&mut store, early)).0, "outcome");

    // Resubmitting C2 links the new case to the deferral, which then leaves the queue.
    let submit = |date: &str, papers: &str| {
        Entry::Submit(SubmitToPanel {
            child_id: "C2".into(),
            panel_date: day(date),
            question: PanelQuestion::Band,
            papers: papers.into(),
        })
    };
    assert_eq!(invalid(save(&mut store, submit("2026-11-19", "EP advice"))).0, "panel date", "passed");
    assert_eq!(invalid(save(&mut store, submit("2026-12-03", ""))).0, "papers");
    assert_eq!(invalid(save(&mut store, submit("2026-12-05", "EP advice"))).0, "panel date", "a Saturday");
    assert_eq!(invalid(save(&mut store, submit("2026-12-25", "EP advice"))).0, "panel date", "Christmas Day");
    // The question must fit the stage: C2 has a plan, so the panel cannot be asked to assess.
    let assess = Entry::Submit(SubmitToPanel {
        child_id: "C2".into(),
        panel_date: day("2026-12-03"),
        question: PanelQuestion::Assess,
        papers: "EP advice".into(),
    });
    let (field, message) = invalid(save(&mut store, assess));
    assert_eq!(field, "question");
    assert!(message.contains("ask amend, placement, band"), "{message}");
    // C1 is still waiting for the panel of 26 Nov: one panel at a time.
    let again = Entry::Submit(SubmitToPanel {
        child_id: "C1".into(),
        panel_date: day("2026-12-03"),
        question: PanelQuestion::Assess,
        papers: "Request".into(),
    });
    let (field, message) = invalid(save(&mut store, again));
    assert_eq!(field, "panel date");
    assert!(message.contains("already waiting for the panel of 26 Nov 2026"), "{message}");
    // Until it is resubmitted the deferred case is on the officer's list, with what is needed.
    let waiting = milestone(&store, "C2", MilestoneName::PanelResubmission).expect("on the officer's list");
    assert_ne!(waiting.status, Status::Done);
    save(&mut store, submit("2026-12-03", "Updated EP advice")).expect("resubmitted");
    assert_eq!(milestone(&store, "C2", MilestoneName::PanelResubmission).expect("kept").status, Status::Done);
    let county = store.load_county().expect("load");
    let new = county.panels.iter().find(|p| p.child_id == "C2" && p.panel_date == day("2026-12-03")).expect("new case");
    assert_eq!(new.resubmission_of, Some(2));
    assert_eq!(invalid(save(&mut store, submit("2026-12-03", "again"))).0, "panel date", "already submitted");
    let audit = store.audit_rows(3).expect("audit");
    assert_eq!(audit[0].action, "submit_to_panel");
    assert_eq!(audit[1].action, "panel_decision");
}

#[test]
fn the_panel_form_records_a_decision_from_the_queue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S3");
    handle_key(&mut app, &key(KeyCode::Char('3')), &mut store);
    // The queue opens on the coming panel's case; move up to the deferred case of 19 Nov.
    handle_key(&mut app, &key(KeyCode::Up), &mut store);
    handle_key(&mut app, &key(KeyCode::Up), &mut store);
    handle_key(&mut app, &key(KeyCode::Char('p')), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("a form opens") };
    assert!(form.title.starts_with("Panel decision · Logan Wright"), "{}", form.title);
    // Sent: type today's date, how: letter.
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    for c in "2026-11-23".chars() {
        handle_key(&mut app, &key(KeyCode::Char(c)), &mut store);
    }
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "saved: {:?}", app.message);
    let panel = app.data.county.panels.iter().find(|p| p.id == 2).expect("case 2");
    assert_eq!((panel.decision_sent, panel.sent_how.as_str()), (Some(day("2026-11-23")), "letter"));
}

#[test]
fn details_and_band_changes_keep_their_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let county = store.load_county().expect("load");
    let zoe = county.children.iter().find(|c| c.id == "C3").expect("C3").clone();
    let change = |band: Option<u8>, year: Option<i32>| {
        Entry::Details(EditDetails {
            child_id: "C3".into(),
            details: DetailsEntry {
                band: Change::Set(band),
                year_group_override: Change::Set(year),
                ..DetailsEntry::default()
            },
            seen: None,
        })
    };
    assert_eq!(invalid(save(&mut store, change(Some(10), None))).0, "band");
    assert_eq!(invalid(save(&mut store, change(zoe.band, None))).0, "details", "nothing changed");
    assert_eq!(invalid(save(&mut store, change(zoe.band, Some(20)))).0, "year group");
    let done = save(&mut store, change(Some(5), Some(5))).expect("saved");
    assert!(done.contains("band 3 → 5") && done.contains("Year 5"), "{done}");
    let after = store.load_county().expect("load").children.into_iter().find(|c| c.id == "C3").expect("C3");
    assert_eq!((after.band, after.year_group_override), (Some(5), Some(5)));
    assert!(store.events_for_child("C3").expect("history")[0].summary.starts_with("Details changed: band 3 → 5"));
    let audit = &store.audit_rows(1).expect("audit")[0];
    assert_eq!(audit.action, "edit_details");
    assert_eq!(audit.before.as_ref().map(|b| b["band"].clone()), Some(serde_json::json!(3)));
    assert_eq!(audit.after.as_ref().map(|a| a["band"].clone()), Some(serde_json::json!(5)));
    // Taught a year behind: the phase transfer moves a year later (Year 6 → 7 becomes 2028).
    let transfer = milestone(&store, "C3", MilestoneName::PhaseTransfer).expect("transfer");
    assert_eq!(transfer.due, day("2028-02-15"));
}

#[test]
fn surgery_call_backs_are_booked_once_and_never_in_the_past() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let time = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).expect("valid");
    let book = |date: &str, start, number: &str| {
        Entry::Book(BookCallBack {
            officer_id: "S1".into(),
            date: day(date),
            start,
            child_id: Some("C1".into()),
            caller_number: number.into(),
            query: "Transport to school".into(),
        })
    };
    // Fixture: S1's surgery is Mondays 14:00-15:00; 14:15 today is booked.
    assert_eq!(invalid(save(&mut store, book(TODAY, time(14, 15), "07700 900555"))).0, "time", "double booking");
    assert_eq!(invalid(save(&mut store, book("2026-11-16", time(14, 0), "07700 900555"))).0, "time", "in the past");
    assert_eq!(
        invalid(save(&mut store, book("2026-11-24", time(14, 0), "07700 900555"))).0,
        "date",
        "no surgery on Tuesdays"
    );
    assert_eq!(invalid(save(&mut store, book(TODAY, time(14, 30), "123"))).0, "number");
    let done = save(&mut store, book(TODAY, time(14, 30), "07700 900555")).expect("booked");
    assert!(done.contains("Mon 23 Nov 2026 at 14:30"), "{done}");
    // The time of day counts when it is known: at 14:40, 14:45 is the only one left.
    let calendar = Calendar::england_and_wales();
    let rules = RulesConfig::default();
    let at = Rules { today: day(TODAY), now: Some(time(14, 40)), calendar: &calendar, rules: &rules };
    let late = record(&mut store, &book(TODAY, time(14, 0), "07700 900555"), "S5", &at);
    assert_eq!(invalid(late).0, "time");
    // An officer away that day cannot take call-backs (S2 is away 23-25 Nov).
    let surgeries = SetSurgeries { officer_id: "S2".into(), blocks: vec![(2, time(10, 0), 60)], seen: None };
    record(&mut store, &Entry::Surgeries(surgeries), "S4", &at).expect("a manager sets anyone's surgeries");
    let away = Entry::Book(BookCallBack {
        officer_id: "S2".into(),
        date: day("2026-11-24"),
        start: time(10, 0),
        child_id: None,
        caller_number: "07700 900555".into(),
        query: "x".into(),
    });
    let (field, message) = invalid(save(&mut store, away));
    assert_eq!(field, "date");
    assert_eq!(message, "Priya Shah is away on 24 Nov; Matilda Fox is on duty");
    assert_eq!(store.audit_rows(1).expect("audit")[0].action, "set_surgeries");
}

#[test]
fn the_booking_form_offers_the_next_free_call_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S5");
    app.focus_child = Some(app.data.child_index["C3"]);
    handle_key(&mut app, &key(KeyCode::Char('2')), &mut store);
    handle_key(&mut app, &key(KeyCode::Char('b')), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("a form opens") };
    let value = |key: &str| match form.fields.iter().find(|f| f.key == key).map(|f| &f.kind) {
        Some(caseload::app::forms::FieldKind::Date(text) | caseload::app::forms::FieldKind::Text(text)) => text.clone(),
        _ => String::new(),
    };
    // Under --today the clock is not read: 14:00 today is the first free call-back.
    assert_eq!((value("date"), value("time")), ("2026-11-23".to_string(), "14:00".to_string()));
    for _ in 0..3 {
        handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    }
    for c in "07700 900777".chars() {
        handle_key(&mut app, &key(KeyCode::Char(c)), &mut store);
    }
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    for c in "Dad: when is the review?".chars() {
        handle_key(&mut app, &key(KeyCode::Char(c)), &mut store);
    }
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "{:?}", app.message);
    assert_eq!(app.data.county.bookings.len(), 2);
    // S1's surgery pane shows both call-backs today.
    let theo = common::app_as("S1");
    let mut theo = theo;
    theo.data = caseload::app::data::CaseData::build(
        store.load_county().expect("load"),
        day(TODAY),
        &theo.calendar,
        &theo.config.rules,
    );
    theo.refresh_views();
    let booked = theo
        .panes
        .surgery
        .list
        .lines
        .iter()
        .filter(|l| matches!(l, caseload::app::panes::surgery::SurgeryLine::Booking(_)))
        .count();
    assert_eq!(booked, 2);
}

#[test]
fn appeals_run_from_registration_to_a_complied_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let new = |kind, date: &str| {
        Entry::NewDispute(RegisterDispute { child_id: "C2".into(), kind, date: day(date), detail: "section I".into() })
    };
    assert_eq!(invalid(save(&mut store, new(DisputeKind::Appeal, "2026-11-24"))).0, "date", "future");
    save(&mut store, new(DisputeKind::Appeal, "2026-10-01")).expect("registered");
    assert_eq!(invalid(save(&mut store, new(DisputeKind::Appeal, "2026-10-02"))).0, "kind", "one open appeal");
    // 30 working days from Thu 1 Oct 2026: Thu 12 Nov.
    let response = milestone(&store, "C2", MilestoneName::AppealResponse).expect("response due");
    assert_eq!((response.due, response.status), (day("2026-11-12"), Status::Overdue));
    let current = || store_dispute(&dir.path().join("county.db"));
    let mut d = current();
    d.responded = Some(day("2026-11-10"));
    d.order_kind = Some(OrderKind::Amend);
    d.order_date = Some(day("2026-11-20"));
    d.complied = Some(day("2026-11-19"));
    assert_eq!(invalid(save(&mut store, update(&d))).0, "complied", "before the order");
    d.complied = None;
    save(&mut store, update(&d)).expect("updated");
    assert_eq!(milestone(&store, "C2", MilestoneName::AppealResponse).expect("kept").status, Status::Done);
    // Reg 44: amend the plan within 5 weeks of the order.
    assert_eq!(milestone(&store, "C2", MilestoneName::OrderCompliance).expect("order").due, day("2026-12-25"));
    d.complied = Some(day("2026-11-23"));
    d.closed = Some(day("2026-11-23"));
    save(&mut store, update(&d)).expect("closed");
    assert_eq!(milestone(&store, "C2", MilestoneName::OrderCompliance).expect("kept").status, Status::Done);
    assert_eq!(store.audit_rows(1).expect("audit")[0].action, "update_dispute");
}

#[test]
fn an_appeal_can_be_registered_while_mediation_is_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    select_child(&mut app, "C2");
    let keys = |app: &caseload::app::App| match &app.overlay {
        Some(Overlay::Form(form)) => form.fields.iter().map(|f| f.key).collect::<Vec<_>>(),
        _ => panic!("the dispute form is open: {:?}", app.message),
    };
    // A mediation must say what it is about.
    handle_key(&mut app, &key(KeyCode::Char('d')), &mut store);
    assert_eq!(keys(&app), vec!["kind", "date", "detail"]);
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("still open") };
    assert_eq!(form.error.as_ref().map(|e| e.field), Some("detail"));
    assert_eq!(form.focus, 2, "the cursor goes to the field to fix");
    type_text(&mut app, &mut store, "refusal to name the school");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "mediation registered: {:?}", app.message);
    // Now the form offers the open mediation (meeting and close only) or a new appeal.
    handle_key(&mut app, &key(KeyCode::Char('d')), &mut store);
    assert_eq!(keys(&app), vec!["record", "hearing", "closed"]);
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    assert_eq!(keys(&app), vec!["record", "kind", "date", "detail"]);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("open") };
    assert!(
        matches!(&form.fields[1].kind, caseload::app::forms::FieldKind::Choice { options, .. } if options.len() == 1)
    );
    handle_key(&mut app, &key(KeyCode::BackTab), &mut store);
    type_text(&mut app, &mut store, "section I");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "appeal registered: {:?}", app.message);
    let county = store.load_county().expect("load");
    let open: Vec<DisputeKind> = county.disputes.iter().filter(|d| d.closed.is_none()).map(|d| d.kind).collect();
    assert_eq!(open, vec![DisputeKind::Mediation, DisputeKind::Appeal]);
    // Both open: the form switches between them, the appeal first, and nothing new to register.
    handle_key(&mut app, &key(KeyCode::Char('d')), &mut store);
    assert_eq!(keys(&app), vec!["record", "hearing", "responded", "order", "order date", "complied", "closed"]);
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    assert_eq!(keys(&app), vec!["record", "hearing", "closed"]);
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    assert_eq!(keys(&app)[1], "hearing");
    assert_eq!(keys(&app).len(), 7, "back to the appeal");
}

#[test]
fn an_open_form_saves_to_its_own_record_when_colleagues_save_meanwhile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let appeal = |child: &str, kind| {
        Entry::NewDispute(RegisterDispute { child_id: child.into(), kind, date: day("2026-10-01"), detail: "x".into() })
    };
    save(&mut store, appeal("C2", DisputeKind::Appeal)).expect("Logan's appeal");
    let mut app = common::app_as("S1");
    caseload::app::update::reload(&mut app, &store);
    select_child(&mut app, "C2");
    handle_key(&mut app, &key(KeyCode::Char('d')), &mut store);
    // A colleague registers a dispute for Holly (C1), which sorts before Logan's, and the
    // interface reloads under the open form.
    save(&mut store, appeal("C1", DisputeKind::Mediation)).expect("Holly's mediation");
    caseload::app::update::reload(&mut app, &store);
    // Record (the appeal) → Hearing → Response.
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    type_text(&mut app, &mut store, "2026-11-20");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "saved: {:?}", app.message);
    let county = store.load_county().expect("load");
    let responded = |child: &str| county.disputes.iter().find(|d| d.child_id == child).and_then(|d| d.responded);
    assert_eq!(responded("C2"), Some(day("2026-11-20")), "Logan's appeal has the response");
    assert_eq!(responded("C1"), None, "Holly's mediation is untouched");
}

fn store_dispute(path: &std::path::Path) -> Dispute {
    Store::open(path).expect("open").load_county().expect("load").disputes.into_iter().next().expect("a dispute")
}

#[test]
fn a_version_1_database_is_migrated_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut store = Store::open(&dir.path().join("fresh.db")).expect("fresh");
        store.replace_all(&common::county(), &[], None, day(TODAY)).expect("seed");
    }
    // Roll a fresh database back to version 1 by undoing what versions 8 to 2 added, with
    // an absence as version 5 kept them (its cover on the absence, for the whole caseload).
    let fresh = dir.path().join("fresh.db");
    {
        let conn = rusqlite::Connection::open(&fresh).expect("raw");
        conn.execute_batch(
            "ALTER TABLE surgery_bookings DROP COLUMN made; ALTER TABLE surgery_bookings DROP COLUMN said;",
        )
        .expect("undo version 8");
        conn.execute_batch("ALTER TABLE contacts DROP COLUMN answer;").expect("undo version 7");
        conn.execute_batch(
            "DROP TABLE handovers; DROP TABLE duty_rota; DROP TABLE covers; DROP TABLE absences;
             CREATE TABLE absences (id INTEGER PRIMARY KEY, staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
                 kind TEXT NOT NULL, from_date TEXT NOT NULL, to_date TEXT NOT NULL,
                 cover_staff_id TEXT REFERENCES staff(id));
             INSERT INTO absences VALUES (1, 'S2', 'unexpected', '2026-11-23', '2026-11-25', 'S3');
             ALTER TABLE contacts DROP COLUMN answered_by; ALTER TABLE audit DROP COLUMN day;",
        )
        .expect("undo version 6");
        conn.execute_batch("DROP TABLE meta;").expect("undo version 5");
        conn.execute_batch("DROP TABLE requests; DROP TABLE tasks;").expect("undo version 4");
        let mut undo_3 = String::from(
            "DROP TRIGGER audit_kept_unchanged; DROP TRIGGER audit_kept_whole; DROP INDEX audit_child;
             DROP INDEX audit_staff; DROP INDEX bookings_child; ALTER TABLE audit DROP COLUMN child_id;
             ALTER TABLE audit DROP COLUMN account;",
        );
        for table in ["children", "contacts", "panel_submissions", "disputes", "staff"] {
            for column in ["version", "changed_by", "changed_at"] {
                undo_3.push_str(&format!("ALTER TABLE {table} DROP COLUMN {column};"));
            }
        }
        conn.execute_batch(&undo_3).expect("undo version 3");
        conn.execute_batch(
            "ALTER TABLE disputes DROP COLUMN responded; ALTER TABLE disputes DROP COLUMN complied;
             ALTER TABLE disputes DROP COLUMN closed; PRAGMA user_version = 1;
             INSERT INTO disputes (child_id, kind, registered, detail) VALUES ('C2', 'appeal', '2026-10-01', '');",
        )
        .expect("roll back");
    }
    let store = Store::open(&fresh).expect("migrates");
    // The absence's cover became cover of each child Priya holds, for the absence.
    let county = store.load_county().expect("load");
    assert_eq!((county.absences[0].kind, county.absences[0].to), (AbsenceKind::Sickness, Some(day("2026-11-25"))));
    let covers: Vec<(&str, &str, i64)> =
        county.covers.iter().map(|c| (c.child_id.as_str(), c.cover_id.as_str(), c.absence_id.unwrap_or(0))).collect();
    assert_eq!(covers, [("C4", "S3", 1)]);
    let disputes = store.load_county().expect("load").disputes;
    assert_eq!(disputes.len(), 1);
    assert_eq!(disputes[0].closed, None);
    let version: i64 = rusqlite::Connection::open(&fresh)
        .expect("raw")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, caseload::store::schema::SCHEMA_VERSION);
}

#[test]
fn ceasing_a_plan_asks_for_confirmation_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    select_child(&mut app, "C2");
    handle_key(&mut app, &key(KeyCode::Char('t')), &mut store);
    // Step: cycle to "ceased" (the last step for a plan); no reason is preselected.
    handle_key(&mut app, &key(KeyCode::Left), &mut store);
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("still open") };
    assert_eq!(form.error.as_ref().map(|e| e.field), Some("detail"), "a reason must be chosen");
    assert!(form.confirm.is_none());
    // The cursor is on the reason: → picks SEN2 reason 1.
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("still open") };
    assert!(form.confirm.as_ref().is_some_and(|w| w.contains("ceases Logan Wright's plan")), "{:?}", form.confirm);
    assert_eq!(
        store.load_county().expect("load").children.iter().find(|c| c.id == "C2").map(|c| c.stage),
        Some(Stage::Plan)
    );
    // Any other key withdraws it; Enter twice saves.
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "{:?}", app.message);
    assert_eq!(
        store.load_county().expect("load").children.iter().find(|c| c.id == "C2").map(|c| c.stage),
        Some(Stage::Ceased)
    );

    // The command line needs --confirm.
    let bin = env!("CARGO_BIN_EXE_caseload");
    let db = dir.path().join("county.db");
    let run = |extra: &[&str]| {
        std::process::Command::new(bin)
            .args(["step", "C3", "ceased", "--detail", "2", "--as", "S1", "--today", TODAY, "--db"])
            .arg(&db)
            .args(extra)
            .output()
            .expect("runs")
    };
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--confirm"));
    assert!(run(&["--confirm"]).status.success());
}

#[test]
fn the_step_form_asks_for_an_end_date_only_for_an_exception_and_takes_british_dates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    select_child(&mut app, "C1");
    handle_key(&mut app, &key(KeyCode::Char('t')), &mut store);
    let keys = |app: &caseload::app::App| match &app.overlay {
        Some(Overlay::Form(form)) => form.fields.iter().map(|f| f.key).collect::<Vec<_>>(),
        _ => panic!("the step form is open"),
    };
    assert_eq!(keys(&app), vec!["step", "date", "detail"], "a decision to assess has no end date");
    handle_key(&mut app, &key(KeyCode::Right), &mut store);
    assert_eq!(keys(&app), vec!["step", "date", "detail", "until"], "an exception has one");
    // Dates typed the British way are read; what is typed is never dropped.
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    erase(&mut app, &mut store, "2026-11-23".len());
    type_text(&mut app, &mut store, "12/10/2026");
    for _ in 0..2 {
        handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    }
    type_text(&mut app, &mut store, "25th Oct");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("still open") };
    let error = form.error.as_ref().expect("a bad date is explained");
    assert_eq!(error.field, "until");
    assert!(error.message.contains("\"25th Oct\" is not a date"), "{}", error.message);
    erase(&mut app, &mut store, "25th Oct".len());
    type_text(&mut app, &mut store, "08/11/2026");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "saved: {:?}", app.message);
    let county = store.load_county().expect("load");
    let exception = county.steps.iter().find(|s| s.kind == StepKind::Exception).expect("recorded");
    assert_eq!((exception.date, exception.until), (day("2026-10-12"), Some(day("2026-11-08"))));
}

/// Selects the child on the caseload, as the arrow keys would; returns its index.

#[test]
fn officers_set_their_weekly_surgeries_from_the_surgery_pane() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('5')), &mut store);
    handle_key(&mut app, &key(KeyCode::Char('e')), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("a form opens: {:?}", app.message) };
    let weekly = |form: &caseload::app::forms::Form| match &form.fields[1].kind {
        caseload::app::forms::FieldKind::Text(text) => text.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(weekly(form), "mon 14:00-15:00", "the current surgeries, ready to edit");
    let audited = store.audit_rows(100).expect("audit").len();
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("the form stays open") };
    assert_eq!(form.error.as_ref().map(|e| e.message.as_str()), Some("nothing has changed"));
    assert_eq!(store.audit_rows(100).expect("audit").len(), audited, "nothing saved");
    let typed = weekly(form).len();
    erase(&mut app, &mut store, typed);
    // Overlapping blocks are refused beside the field and nothing changes.
    type_text(&mut app, &mut store, "tue 10:00-11:00, tue 10:30-11:30");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("the form stays open") };
    let error = form.error.as_ref().expect("an error");
    assert_eq!(error.field, "surgeries");
    assert!(error.message.contains("overlap"), "{}", error.message);
    assert_eq!(store.load_county().expect("load").slots.len(), 1);
    erase(&mut app, &mut store, "10:30-11:30".len());
    type_text(&mut app, &mut store, "14:00-14:30");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "saved: {:?}", app.message);
    let message = app.message.as_ref().map(|m| m.0.clone()).unwrap_or_default();
    // Today's 14:15 call-back was promised to a family: it stands, and the officer is told.
    assert!(message.contains("tue 10:00-11:00, tue 14:00-14:30"), "{message}");
    assert!(message.contains("1 booked call-back(s) still stand outside them: Mon 23 Nov 14:15"), "{message}");
    // ... and it stays on today's surgery pane, with no free times beside it.
    use caseload::app::panes::surgery::SurgeryLine;
    assert!(
        app.panes.surgery.list.lines.iter().any(|l| matches!(l, SurgeryLine::Booking(_))),
        "{:?}",
        app.panes.surgery.list.lines
    );
    assert!(
        app.panes.surgery.list.lines.contains(&SurgeryLine::Free("none".into())),
        "{:?}",
        app.panes.surgery.list.lines
    );
    // It survives a restart, and the audit log has it.
    drop(store);
    let store = Store::open(&dir.path().join("county.db")).expect("reopen");
    let county = store.load_county().expect("load");
    assert_eq!(caseload::domain::surgery::describe_blocks("S1", &county.slots), "tue 10:00-11:00, tue 14:00-14:30");
    assert_eq!(county.bookings.len(), 1);
    let audit = &store.audit_rows(1).expect("audit")[0];
    assert_eq!((audit.action.as_str(), audit.staff_id.as_deref()), ("set_surgeries", Some("S1")));
}

#[test]
fn the_command_line_obeys_the_same_permissions_as_the_interface() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let calendar = Calendar::england_and_wales();
    let rules = RulesConfig::default();
    let ctx = Rules { now: None, today: day(TODAY), calendar: &calendar, rules: &rules };
    let time = chrono::NaiveTime::from_hms_opt(10, 0, 0).expect("valid");
    let surgeries = |officer: &str| {
        Entry::Surgeries(SetSurgeries { officer_id: officer.into(), blocks: vec![(2, time, 60)], seen: None })
    };
    let audited = store.audit_rows(100).expect("audit").len();
    let not_allowed = |result: Result<String, RecordError>| matches!(result, Err(RecordError::NotAllowed(_)));
    assert!(not_allowed(record(&mut store, &surgeries("S2"), "S1", &ctx)), "only their own");
    assert!(not_allowed(record(&mut store, &surgeries("S1"), "S9", &ctx)), "not on the staff list");
    let decision = Entry::Step(RecordStep {
        child_id: "C1".into(),
        step: step(StepKind::AssessDecision, TODAY, "agreed"),
        seen: None,
        confirmed: true,
    });
    assert!(not_allowed(record(&mut store, &decision, "S5", &ctx)), "business support");
    assert_eq!(store.audit_rows(100).expect("audit").len(), audited, "nothing was saved");
    record(&mut store, &surgeries("S2"), "S5", &ctx).expect("business support set anyone's surgeries");
    record(&mut store, &decision, "S1", &ctx).expect("the officer records the decision");
}

#[test]
fn steps_and_contacts_recorded_on_the_timeline_show_in_its_history_at_once() {
    use caseload::app::history::HistoryItem;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    // Holly (C1), a request waiting for the decision to assess: open her timeline.
    let holly = select_child(&mut app, "C1");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert_eq!(app.panes.timeline.child, Some(holly));
    let before = app.panes.timeline.history.len();

    // t, Enter: the first step at this stage, the decision to assess, agreed today.
    handle_key(&mut app, &key(KeyCode::Char('t')), &mut store);
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "{:?}", app.message);
    // c: a phone message (the first kind), then a call (one to the right).
    for (right, summary) in [(0, "Mum rang about the decision letter"), (1, "Rang Mum back: letter is in the post")] {
        handle_key(&mut app, &key(KeyCode::Char('c')), &mut store);
        for _ in 0..right {
            handle_key(&mut app, &key(KeyCode::Right), &mut store);
        }
        handle_key(&mut app, &key(KeyCode::Tab), &mut store);
        handle_key(&mut app, &key(KeyCode::Tab), &mut store);
        type_text(&mut app, &mut store, summary);
        handle_key(&mut app, &key(KeyCode::Enter), &mut store);
        assert!(app.overlay.is_none(), "{:?}", app.message);
    }

    let holly = app.data.child_index["C1"];
    assert_eq!(app.panes.timeline.child, Some(holly), "still on Holly's timeline");
    // The step, the phone message (standing for its own event) and the call: three more items.
    assert_eq!(app.panes.timeline.history.len(), before + 3, "{:?}", app.panes.timeline.history);
    // After Thursday's panel (still to come), today's work: the statutory step first.
    assert!(
        matches!(
            app.panes.timeline.history[..4],
            [HistoryItem::Panel(_), HistoryItem::Step(_), HistoryItem::Contact(_), HistoryItem::Event(_)]
        ),
        "{:?}",
        app.panes.timeline.history
    );

    // Scroll so the whole history is in view at 80×24.
    app.panes.timeline.scroll = app.panes.timeline.lines.len().saturating_sub(12);
    let theme = caseload::ui::theme::Theme::new(caseload::config::ThemeName::Mono, true);
    let screen = caseload::ui::render_text(&app, &theme, 80, 24);
    assert!(screen.contains("23 Nov 2026 step    T Brown   assessment agreed"), "who recorded it: {screen}");
    assert!(screen.contains("23 Nov 2026 contact T Brown   phone message · Mum rang about the decision"), "{screen}");
    assert_eq!(screen.matches("Mum rang about the decision").count(), 1, "shown once: {screen}");
    assert!(screen.contains("23 Nov 2026 call    T Brown   Rang Mum back: letter is in the post"), "{screen}");
    assert!(screen.contains("not answered yet"), "{screen}");
}

#[test]
fn a_milestone_met_after_its_due_date_says_how_late() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    // Holly (C1): request of 2 Sep 2026, so the decision to assess was due on 14 Oct.
    select_child(&mut app, "C1");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    handle_key(&mut app, &key(KeyCode::Char('t')), &mut store);
    handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    // Decided on 20 Nov: 37 days after the 6 weeks ran out.
    erase(&mut app, &mut store, "2026-11-23".len());
    type_text(&mut app, &mut store, "2026-11-20");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "{:?}", app.message);
    let theme = caseload::ui::theme::Theme::new(caseload::config::ThemeName::Mono, true);
    let screen = caseload::ui::render_text(&app, &theme, 80, 24);
    assert!(screen.contains("✓ done     assess decision 14 Oct 2026 done 20 Nov 2026, 37 days late"), "{screen}");

    // Met on its last day: only the date.
    let meeting = Entry::Step(RecordStep {
        child_id: "C2".into(),
        step: step(StepKind::ReviewMeeting, "2026-11-02", ""),
        seen: None,
        confirmed: true,
    });
    save(&mut store, meeting).expect("meeting");
    let report = Entry::Step(RecordStep {
        child_id: "C2".into(),
        step: step(StepKind::ReviewReport, "2026-11-16", ""),
        seen: None,
        confirmed: true,
    });
    save(&mut store, report).expect("report");
    app.focus_child = Some(app.data.child_index["C2"]);
    caseload::app::update::reload(&mut app, &store);
    let screen = caseload::ui::render_text(&app, &theme, 120, 40);
    let line = screen.lines().find(|l| l.contains("review report   16 Nov 2026")).expect("the review report");
    assert!(line.contains("✓ done") && line.contains("done 16 Nov 2026") && !line.contains("late"), "{line}");
}

#[test]
fn a_booked_call_back_is_marked_made_with_what_was_said_or_moved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("county.db");
    let mut store = store_at(&db);
    // Fixture: call-back 1, Theo's surgery today 14:15, about Zoë (C3).
    let made = |date: &str, said: &str| {
        Entry::CallBackMade(CallBackMade { booking_id: 1, date: day(date), said: said.into() })
    };
    assert_eq!(invalid(save(&mut store, made("2026-11-24", ""))).0, "date", "not in the future");
    let said = save(&mut store, made(TODAY, "Rang Mum: review on 10 Dec")).expect("made");
    assert!(said.contains("made on"), "{said}");
    let booking = store.load_county().expect("load").bookings.into_iter().find(|b| b.id == 1).expect("kept");
    assert_eq!((booking.made, booking.said.as_str()), (Some(day(TODAY)), "Rang Mum: review on 10 Dec"));
    assert_eq!(invalid(save(&mut store, made(TODAY, "again"))).0, "booking", "made once");
    // A made call-back is not moved; another one is, to a free time, never onto a taken one.
    let moved = |id: i64, date: &str, time: &str| {
        Entry::MoveCallBack(MoveCallBack {
            booking_id: id,
            date: day(date),
            start: chrono::NaiveTime::parse_from_str(time, "%H:%M").expect("time"),
        })
    };
    assert_eq!(invalid(save(&mut store, moved(1, "2026-11-30", "14:00"))).0, "booking");
    let book = Entry::Book(BookCallBack {
        officer_id: "S1".into(),
        date: day("2026-11-30"),
        start: chrono::NaiveTime::from_hms_opt(14, 30, 0).expect("time"),
        child_id: Some("C2".into()),
        caller_number: "07700 900456".into(),
        query: "transport".into(),
    });
    save(&mut store, book).expect("booked");
    let id = store.load_county().expect("load").bookings.iter().map(|b| b.id).max().expect("an id");
    save(&mut store, moved(id, "2026-11-30", "14:45")).expect("moved");
    let booking = store.load_county().expect("load").bookings.into_iter().find(|b| b.id == id).expect("kept");
    assert_eq!(booking.start.format("%H:%M").to_string(), "14:45");
    // Tuesday has no surgery.
    assert!(matches!(save(&mut store, moved(id, "2026-12-01", "14:00")), Err(RecordError::Invalid(_))));
}

#[test]
fn a_call_back_is_marked_made_from_the_surgery_pane() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let mut app = common::app_as("S1");
    handle_key(&mut app, &key(KeyCode::Char('5')), &mut store);
    while !matches!(
        app.panes.surgery.list.selected_line(),
        Some(caseload::app::panes::surgery::SurgeryLine::Booking(_))
    ) {
        handle_key(&mut app, &key(KeyCode::Down), &mut store);
    }
    handle_key(&mut app, &key(KeyCode::Char('a')), &mut store);
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("the call-back form: {:?}", app.message) };
    assert!(form.title.starts_with("Call-back · Zoë Łukasiewicz"), "{}", form.title);
    for _ in 0..2 {
        handle_key(&mut app, &key(KeyCode::Tab), &mut store);
    }
    common::type_text(&mut app, &mut store, "Review set for 10 Dec");
    handle_key(&mut app, &key(KeyCode::Enter), &mut store);
    assert!(app.overlay.is_none(), "saved: {:?}", app.overlay);
    let booking = store.load_county().expect("load").bookings.into_iter().find(|b| b.id == 1).expect("kept");
    assert_eq!((booking.made, booking.said.as_str()), (Some(day(TODAY)), "Review set for 10 Dec"));
}

#[test]
fn a_tribunal_order_to_assess_reopens_a_refused_case_so_the_steps_can_follow() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_at(&dir.path().join("county.db"));
    let step_entry = |kind: StepKind, date: &str, detail: &str| {
        Entry::Step(RecordStep { child_id: "C1".into(), step: step(kind, date, detail), seen: None, confirmed: true })
    };
    // Holly (C1): assessment refused on 14 Oct; the family appeals on 2 Nov.
    save(&mut store, step_entry(StepKind::AssessDecision, "2026-10-14", "declined")).expect("refused");
    let stage =
        |store: &Store| store.load_county().expect("load").children.into_iter().find(|c| c.id == "C1").map(|c| c.stage);
    assert_eq!(stage(&store), Some(Stage::Ceased));
    let appeal = RegisterDispute {
        child_id: "C1".into(),
        kind: DisputeKind::Appeal,
        date: day("2026-11-02"),
        detail: "refusal to assess".into(),
    };
    save(&mut store, Entry::NewDispute(appeal)).expect("appeal");
    assert!(milestone(&store, "C1", MilestoneName::AppealResponse).is_some(), "the response is due on a refused case");
    let id = store.load_county().expect("load").disputes.iter().find(|d| d.child_id == "C1").expect("saved").id;
    // The tribunal orders an assessment on 20 Nov: the case reopens, assessing.
    let order = UpdateDispute {
        dispute_id: id,
        change: caseload::domain::casework::DisputeChange {
            hearing: caseload::domain::casework::Change::Set(Some(day("2026-11-18"))),
            order_kind: caseload::domain::casework::Change::Set(Some(OrderKind::Assess)),
            order_date: caseload::domain::casework::Change::Set(Some(day("2026-11-20"))),
            ..Default::default()
        },
        seen: None,
    };
    let said = save(&mut store, Entry::Dispute(order)).expect("ordered");
    assert!(said.contains("reopens the case at stage assessment"), "{said}");
    assert_eq!(stage(&store), Some(Stage::Assessment));
    // And the assessment's steps can now be recorded.
    save(&mut store, step_entry(StepKind::AdviceRequested, "2026-11-23", "educational_psychologist")).expect("advice");
}

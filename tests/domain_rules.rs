//! The statutory rules, tested from DOMAIN.md (not from the program's own output).

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;

use caseload::domain::casework::{StepEntry, apply_step};
use caseload::domain::milestones::{add_months_clamped, plan_end};
use caseload::domain::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
}

fn child(stage: Stage) -> Child {
    Child {
        id: "C1".into(),
        first_name: "Test".into(),
        last_name: "Child".into(),
        date_of_birth: d("2015-03-10"),
        postcode: None,
        setting: None,
        primary_need: None,
        officer: Some("S1".into()),
        stage,
        request_date: None,
        assess_decision_date: None,
        draft_date: None,
        plan_date: None,
        last_review_date: None,
        band: None,
        year_group_override: None,
    }
}

fn step(kind: StepKind, date: &str, detail: &str) -> Step {
    Step { id: 0, child_id: "C1".into(), kind, date: d(date), until: None, detail: detail.into(), recorded_by: None }
}

fn run(child: &Child, steps: &[Step], contacts: &[Contact], today: &str) -> Vec<Milestone> {
    let records = CaseRecords { steps, contacts, ..CaseRecords::default() };
    milestones_for(child, records, d(today), &Calendar::england_and_wales(), &RulesConfig::default())
}

fn find(ms: &[Milestone], name: MilestoneName) -> &Milestone {
    ms.iter().find(|m| m.name == name).unwrap_or_else(|| panic!("no {name} in {ms:#?}"))
}

fn has(ms: &[Milestone], name: MilestoneName) -> bool {
    ms.iter().any(|m| m.name == name)
}

#[test]
fn twenty_weeks_from_the_request() {
    // DOMAIN.md: request received Mon 2 Mar 2026 → 13 Apr / 22 Jun / 20 Jul 2026.
    let c = Child { request_date: Some(d("2026-03-02")), ..child(Stage::Request) };
    let ms = run(&c, &[], &[], "2026-03-03");
    assert_eq!(find(&ms, MilestoneName::AssessDecision).due, d("2026-04-13"));
    assert_eq!(find(&ms, MilestoneName::IssueDecision).due, d("2026-06-22"));
    assert_eq!(find(&ms, MilestoneName::FinalPlan).due, d("2026-07-20"));
    assert!(ms.iter().all(|m| m.status == Status::Upcoming));
    // Calendar weeks, never working days: Easter 2026 (3 and 6 April) moves nothing.
}

#[test]
fn statuses_at_their_boundaries() {
    // assess_decision due 13 Apr 2026.
    let c = Child { request_date: Some(d("2026-03-02")), ..child(Stage::Request) };
    let status_on = |today: &str| find(&run(&c, &[], &[], today), MilestoneName::AssessDecision).status;
    assert_eq!(status_on("2026-04-14"), Status::Overdue, "due yesterday");
    assert_eq!(status_on("2026-04-13"), Status::DueSoon, "due today");
    // From Thu 26 Mar 2026, 13 Apr is exactly 10 working days on (Good Friday 3 Apr and Easter
    // Monday 6 Apr are not counted); from 25 Mar it is 11.
    assert_eq!(status_on("2026-03-26"), Status::DueSoon, "exactly 10 working days");
    assert_eq!(status_on("2026-03-25"), Status::Upcoming, "11 working days");
    // Once decided, it is done whatever the date.
    let decided = Child { assess_decision_date: Some(d("2026-04-20")), ..c.clone() };
    let m = find(&run(&decided, &[], &[], "2026-05-01"), MilestoneName::AssessDecision).clone();
    assert_eq!((m.status, m.done), (Status::Done, Some(d("2026-04-20"))));
}

#[test]
fn draft_comment_period_is_fifteen_days_beginning_with_service() {
    // DOMAIN.md: draft served 10 Nov 2026 → comments close 24 Nov 2026.
    let c = Child {
        request_date: Some(d("2026-07-01")),
        assess_decision_date: Some(d("2026-08-01")),
        draft_date: Some(d("2026-11-10")),
        ..child(Stage::Draft)
    };
    let ms = run(&c, &[], &[], "2026-11-23");
    let comments = find(&ms, MilestoneName::DraftCommentsClose);
    assert_eq!(comments.due, d("2026-11-24"));
    assert_eq!(comments.status, Status::DueSoon);
    // The draft shows the LA decided to issue.
    assert_eq!(find(&ms, MilestoneName::IssueDecision).done, Some(d("2026-11-10")));
    // 20 weeks from 1 Jul 2026 = 18 Nov 2026: the final plan is late.
    assert_eq!(find(&ms, MilestoneName::FinalPlan).due, d("2026-11-18"));
    assert_eq!(find(&ms, MilestoneName::FinalPlan).status, Status::Overdue);
    // After 24 Nov the period has run.
    let later = run(&c, &[], &[], "2026-11-25");
    assert_eq!(find(&later, MilestoneName::DraftCommentsClose).status, Status::Done);
}

#[test]
fn annual_review_twelve_months_on_with_leap_days() {
    // DOMAIN.md: plan first issued 29 Feb 2024, no review since → 28 Feb 2025.
    let c = Child { plan_date: Some(d("2024-02-29")), ..child(Stage::Plan) };
    let ms = run(&c, &[], &[], "2025-03-01");
    let review = find(&ms, MilestoneName::AnnualReview);
    assert_eq!(review.due, d("2025-02-28"));
    assert_eq!(review.status, Status::Overdue);
    // From the last review meeting where there is one; month ends clamp.
    let reviewed = Child { last_review_date: Some(d("2025-08-31")), ..c.clone() };
    assert_eq!(find(&run(&reviewed, &[], &[], "2025-09-01"), MilestoneName::AnnualReview).due, d("2026-08-31"));
    // Rule here: from the LA's review decision where recorded.
    let steps =
        [step(StepKind::ReviewMeeting, "2025-10-01", ""), step(StepKind::ReviewDecision, "2025-10-20", "maintain")];
    assert_eq!(find(&run(&c, &steps, &[], "2025-11-01"), MilestoneName::AnnualReview).due, d("2026-10-20"));
    assert_eq!(add_months_clamped(d("2026-08-31"), 6), d("2027-02-28"));
    assert_eq!(add_months_clamped(d("2027-08-31"), 6), d("2028-02-29"));
}

#[test]
fn under_fives_get_an_advisory_review_that_is_never_overdue() {
    let c = Child { date_of_birth: d("2023-01-15"), plan_date: Some(d("2026-06-01")), ..child(Stage::Plan) };
    let ms = run(&c, &[], &[], "2026-11-23");
    let advisory = find(&ms, MilestoneName::EarlyYearsReview);
    assert_eq!(advisory.due, d("2026-12-01"));
    assert!(advisory.advisory);
    assert_eq!(advisory.status, Status::DueSoon);
    // Once its date has passed it is simply gone, never overdue.
    let later = run(&c, &[], &[], "2026-12-02");
    assert!(!has(&later, MilestoneName::EarlyYearsReview));
    assert_eq!(find(&later, MilestoneName::AnnualReview).status, Status::Upcoming);
    // Over 5 at the six-month point: no advisory review.
    let older = Child { date_of_birth: d("2021-01-15"), ..c };
    assert!(!has(&run(&older, &[], &[], "2026-11-23"), MilestoneName::EarlyYearsReview));
}

#[test]
fn review_meeting_report_decision_and_amendments() {
    // DOMAIN.md: review meeting 3 Dec 2026 → report 17 Dec, decision 31 Dec 2026.
    let c = Child { plan_date: Some(d("2020-01-10")), last_review_date: Some(d("2026-12-03")), ..child(Stage::Plan) };
    let steps = vec![step(StepKind::ReviewMeeting, "2026-12-03", "")];
    let ms = run(&c, &steps, &[], "2026-12-04");
    assert_eq!(find(&ms, MilestoneName::ReviewReportDue).due, d("2026-12-17"));
    assert_eq!(find(&ms, MilestoneName::ReviewDecision).due, d("2026-12-31"));
    // DOMAIN.md: amendments proposed with the decision on 31 Dec 2026 → amended plan 25 Feb 2027.
    let mut steps = steps;
    steps.push(step(StepKind::ReviewDecision, "2026-12-31", "amend"));
    steps.push(step(StepKind::AmendmentsProposed, "2026-12-31", ""));
    let ms = run(&c, &steps, &[], "2027-01-04");
    assert_eq!(find(&ms, MilestoneName::ReviewDecision).status, Status::Done);
    assert_eq!(find(&ms, MilestoneName::ReviewReportDue).status, Status::Overdue);
    assert_eq!(find(&ms, MilestoneName::AmendedPlan).due, d("2027-02-25"));
    steps.push(step(StepKind::AmendedIssued, "2027-02-20", ""));
    assert_eq!(find(&run(&c, &steps, &[], "2027-03-01"), MilestoneName::AmendedPlan).done, Some(d("2027-02-20")));
}

#[test]
fn imported_last_review_does_not_open_review_paperwork() {
    let c = Child { plan_date: Some(d("2020-01-10")), last_review_date: Some(d("2026-09-29")), ..child(Stage::Plan) };
    let ms = run(&c, &[], &[], "2026-11-23");
    assert!(!has(&ms, MilestoneName::ReviewDecision));
    assert!(!has(&ms, MilestoneName::ReviewReportDue));
    assert_eq!(find(&ms, MilestoneName::AnnualReview).due, d("2027-09-29"));
}

#[test]
fn call_backs_and_emails_in_working_days() {
    let contact = |kind, received: &str| Contact {
        id: 1,
        child_id: "C1".into(),
        kind,
        received: d(received),
        summary: "Mum asked about transport".into(),
        promised: None,
        answered: None,
        staff_id: None,
        answered_by: None,
        answer: String::new(),
    };
    let c = child(Stage::Plan);
    // DOMAIN.md: phone message Wed 23 Dec 2026 → Tue 29 Dec 2026.
    let ms = run(&c, &[], &[contact(ContactKind::PhoneMessage, "2026-12-23")], "2026-12-23");
    let call = find(&ms, MilestoneName::CallBack);
    assert_eq!(call.due, d("2026-12-29"));
    assert_eq!(call.detail, "Mum asked about transport");
    // DOMAIN.md: email Thu 25 Mar 2027 → Mon 5 Apr 2027.
    let ms = run(&c, &[], &[contact(ContactKind::EmailReceived, "2027-03-25")], "2027-03-25");
    assert_eq!(find(&ms, MilestoneName::EmailReply).due, d("2027-04-05"));
    // The family told to expect an answer later: that date stands.
    let promised = Contact { promised: Some(d("2027-04-12")), ..contact(ContactKind::EmailReceived, "2027-03-25") };
    assert_eq!(find(&run(&c, &[], &[promised], "2027-04-06"), MilestoneName::EmailReply).status, Status::DueSoon);
    // Answered: done.
    let answered = Contact { answered: Some(d("2026-12-24")), ..contact(ContactKind::PhoneMessage, "2026-12-23") };
    assert_eq!(find(&run(&c, &[], &[answered], "2027-01-10"), MilestoneName::CallBack).status, Status::Done);
    // A configurable standard: 3 working days.
    let rules = RulesConfig { call_back_days: 3, ..RulesConfig::default() };
    let message = [contact(ContactKind::PhoneMessage, "2026-12-23")];
    let records = CaseRecords { contacts: &message, ..CaseRecords::default() };
    let ms = milestones_for(&c, records, d("2026-12-23"), &Calendar::england_and_wales(), &rules);
    assert_eq!(find(&ms, MilestoneName::CallBack).due, d("2026-12-30"));
}

#[test]
fn phase_transfers_follow_the_cohort_rule() {
    let planned = |dob: &str| Child { date_of_birth: d(dob), plan_date: Some(d("2020-01-10")), ..child(Stage::Plan) };
    // Born 31 Aug 2012: Reception Sept 2016, so Year 12 in Sept 2028 → 31 Mar 2028.
    // (DOMAIN.md's worked example says 2027; its own cohort rule gives 2028.) Today they are in
    // Year 10, so the next transfer is into Year 12.
    let ms = run(&planned("2012-08-31"), &[], &[], "2026-11-23");
    let transfer = find(&ms, MilestoneName::PhaseTransfer);
    assert_eq!(transfer.due, d("2028-03-31"));
    assert_eq!(transfer.detail, "Year 11 → Year 12");
    // Born 1 Sep 2012: one cohort later → 31 Mar 2029.
    assert_eq!(
        find(&run(&planned("2012-09-01"), &[], &[], "2026-11-23"), MilestoneName::PhaseTransfer).due,
        d("2029-03-31")
    );
    // In Year 6 now (born 2015/16): secondary transfer, 15 February 2027.
    let y6 = run(&planned("2015-10-01"), &[], &[], "2026-11-23");
    assert_eq!(find(&y6, MilestoneName::PhaseTransfer).due, d("2027-02-15"));
    // After the deadline, not done: overdue, not skipped.
    let late = run(&planned("2015-10-01"), &[], &[], "2027-03-01");
    assert_eq!(find(&late, MilestoneName::PhaseTransfer).status, Status::Overdue);
    // A review decision to maintain the plan does not name the new setting: still open.
    let maintained = [step(StepKind::ReviewDecision, "2026-11-20", "maintain")];
    let kept = run(&planned("2015-10-01"), &maintained, &[], "2026-11-23");
    assert_eq!(find(&kept, MilestoneName::PhaseTransfer).done, None);
    // An amended plan in the year before the move meets it.
    let done = run(&planned("2015-10-01"), &[step(StepKind::AmendedIssued, "2027-02-01", "")], &[], "2027-03-01");
    assert_eq!(find(&done, MilestoneName::PhaseTransfer).done, Some(d("2027-02-01")));
    // Taught a year behind (override Year 5 instead of 6): the transfer is a year later.
    let held_back = Child { year_group_override: Some(5), ..planned("2015-10-01") };
    assert_eq!(find(&run(&held_back, &[], &[], "2026-11-23"), MilestoneName::PhaseTransfer).due, d("2028-02-15"));
    // Configurable transfer years: a middle-school area (Y5, Y9) and no Y3.
    let rules = RulesConfig { transfer_years: vec![0, 5, 9, 12], ..RulesConfig::default() };
    let ms = milestones_for(
        &planned("2017-10-01"),
        CaseRecords::default(),
        d("2026-11-23"),
        &Calendar::england_and_wales(),
        &rules,
    );
    // Born 2017/18: Year 4 in 2026/27 → Year 5 in Sept 2027.
    assert_eq!(find(&ms, MilestoneName::PhaseTransfer).due, d("2027-02-15"));
}

#[test]
fn plan_end_at_25() {
    // DOMAIN.md: born 15 Oct 2001 → 31 Jul 2027.
    assert_eq!(plan_end(d("2001-10-15")), d("2027-07-31"));
    // Turning 25 in August: the next 31 July, before the 26th birthday.
    assert_eq!(plan_end(d("2001-08-15")), d("2027-07-31"));
    // Turning 25 on 31 July: that day.
    assert_eq!(plan_end(d("2001-07-31")), d("2026-07-31"));
    assert_eq!(plan_end(d("2004-02-29")), d("2029-07-31"));
    let c = Child { date_of_birth: d("2001-10-15"), plan_date: Some(d("2018-01-10")), ..child(Stage::Plan) };
    assert_eq!(find(&run(&c, &[], &[], "2026-11-23"), MilestoneName::PlanEnd).due, d("2027-07-31"));
}

#[test]
fn exceptions_extend_the_twenty_weeks() {
    let c = Child {
        request_date: Some(d("2026-03-02")),
        assess_decision_date: Some(d("2026-04-10")),
        ..child(Stage::Assessment)
    };
    // Reg 10(4)(d): family away 1–28 June (28 days).
    let away = Step { until: Some(d("2026-06-28")), ..step(StepKind::Exception, "2026-06-01", "d") };
    let ms = run(&c, &[away], &[], "2026-07-01");
    let final_plan = find(&ms, MilestoneName::FinalPlan);
    assert_eq!(final_plan.due, d("2026-08-17"));
    assert!(final_plan.rule.contains("exception"), "{}", final_plan.rule);
    // Dates the wrong way round add nothing.
    let odd = Step { until: Some(d("2026-05-01")), ..step(StepKind::Exception, "2026-06-01", "d") };
    assert_eq!(find(&run(&c, &[odd], &[], "2026-07-01"), MilestoneName::FinalPlan).due, d("2026-07-20"));
}

#[test]
fn advice_requests_each_have_six_weeks() {
    let c = Child {
        request_date: Some(d("2026-09-01")),
        assess_decision_date: Some(d("2026-10-05")),
        ..child(Stage::Assessment)
    };
    let steps = [
        step(StepKind::AdviceRequested, "2026-10-05", "educational_psychologist"),
        step(StepKind::AdviceRequested, "2026-10-05", "health"),
        step(StepKind::AdviceReceived, "2026-11-02", "health"),
    ];
    let ms = run(&c, &steps, &[], "2026-11-23");
    let advice: Vec<&Milestone> = ms.iter().filter(|m| m.name == MilestoneName::AdviceDue).collect();
    assert_eq!(advice.len(), 2);
    let ep = advice.iter().find(|m| m.detail == "educational psychologist").expect("EP advice");
    assert_eq!((ep.due, ep.status), (d("2026-11-16"), Status::Overdue));
    let health = advice.iter().find(|m| m.detail == "health").expect("health advice");
    assert_eq!(health.done, Some(d("2026-11-02")));
}

#[test]
fn declined_decisions_close_the_process() {
    let c = Child { request_date: Some(d("2026-03-02")), ..child(Stage::Request) };
    let ms = run(&c, &[step(StepKind::AssessDecision, "2026-04-01", "declined")], &[], "2026-11-23");
    assert_eq!(find(&ms, MilestoneName::AssessDecision).status, Status::Done);
    assert!(!has(&ms, MilestoneName::IssueDecision));
    assert!(!has(&ms, MilestoneName::FinalPlan));
}

#[test]
fn a_plan_without_recorded_assessment_dates_shows_nothing_late() {
    // A plan with a request on record but no decision date: the stage shows it happened.
    let c = Child {
        request_date: Some(d("2025-01-06")),
        plan_date: Some(d("2025-05-20")),
        last_review_date: None,
        ..child(Stage::Plan)
    };
    let ms = run(&c, &[], &[], "2026-11-23");
    let decision = find(&ms, MilestoneName::AssessDecision);
    assert_eq!((decision.status, decision.done), (Status::Done, None));
    assert_eq!(find(&ms, MilestoneName::FinalPlan).done, Some(d("2025-05-20")));
    // No review since the plan: 20 May 2026 has passed.
    assert_eq!(find(&ms, MilestoneName::AnnualReview).status, Status::Overdue);
}

#[test]
fn ceased_plans_have_nothing_open() {
    let c = Child {
        request_date: Some(d("2018-01-10")),
        plan_date: Some(d("2018-05-01")),
        last_review_date: Some(d("2020-04-01")),
        ..child(Stage::Ceased)
    };
    let contact = Contact {
        id: 1,
        child_id: "C1".into(),
        kind: ContactKind::PhoneMessage,
        received: d("2026-11-20"),
        summary: String::new(),
        promised: None,
        answered: None,
        staff_id: None,
        answered_by: None,
        answer: String::new(),
    };
    let ms = run(&c, &[], &[contact], "2026-11-23");
    assert!(!ms.is_empty(), "history stays on record");
    assert!(ms.iter().all(|m| m.status == Status::Done), "{ms:#?}");
}

#[test]
fn milestones_are_sorted_by_due_date() {
    let c = Child { request_date: Some(d("2026-03-02")), ..child(Stage::Request) };
    let ms = run(&c, &[], &[], "2026-03-03");
    assert!(ms.windows(2).all(|w| w[0].due <= w[1].due));
}

#[test]
fn top_up_committed_by_the_band_table() {
    let banded = |id: &str, band: Option<u8>, stage: Stage| Child { id: id.into(), band, ..child(stage) };
    let county = County {
        children: vec![
            banded("C1", Some(1), Stage::Plan),
            banded("C2", Some(3), Stage::Plan),
            banded("C3", None, Stage::Plan),
            banded("C4", Some(2), Stage::Ceased),
            banded("C5", Some(5), Stage::Plan),
        ],
        ..County::default()
    };
    let milestones = vec![Vec::new(); county.children.len()];
    let table = BandTable::TopUps(vec![1600, 3100, 4500]);
    let report = caseload::domain::report::headline(&county, &milestones, d("2026-11-23"), &table);
    // Only active plans count: 1,600 + 4,500; band 5 is beyond a three-band table.
    assert_eq!(report.top_up_per_year, Some(6100));
    assert_eq!(report.plans_outside_band_table, 1);
    assert_eq!(report.plans_by_band.get("none"), Some(&1));
    assert_eq!(report.plans_by_band.get("2"), None, "a ceased plan is not counted");
    let counted = caseload::domain::report::headline(&county, &milestones, d("2026-11-23"), &BandTable::Count(9));
    assert_eq!(counted.top_up_per_year, None, "no amounts configured, no total");
}

#[test]
fn panel_decisions_go_to_the_family_and_deferred_cases_come_back() {
    let c = Child { request_date: Some(d("2026-09-01")), ..child(Stage::Request) };
    let panel = |id: i64, date: &str, outcome: Option<PanelOutcome>| PanelSubmission {
        id,
        child_id: "C1".into(),
        panel_date: d(date),
        question: PanelQuestion::Assess,
        papers: "request and school report".into(),
        submitted_by: None,
        outcome,
        info_needed: String::new(),
        decision_sent: None,
        sent_how: String::new(),
        resubmission_of: None,
    };
    let run_with = |panels: &[PanelSubmission], today: &str| {
        let records = CaseRecords { panels, ..CaseRecords::default() };
        milestones_for(&c, records, d(today), &Calendar::england_and_wales(), &RulesConfig::default())
    };
    // A panel still to meet asks nothing yet.
    let coming = [panel(1, "2026-11-26", None)];
    assert!(!has(&run_with(&coming, "2026-11-23"), MilestoneName::PanelDecisionSent));
    // Met on Thursday 19 Nov, deferred for EP advice: the letter is due 3 working days on
    // (Tue 24 Nov), the resubmission 20 working days on (Thu 17 Dec).
    let deferred =
        PanelSubmission { info_needed: "EP advice".into(), ..panel(1, "2026-11-19", Some(PanelOutcome::Deferred)) };
    let ms = run_with(std::slice::from_ref(&deferred), "2026-11-23");
    let letter = find(&ms, MilestoneName::PanelDecisionSent);
    assert_eq!((letter.due, letter.status), (d("2026-11-24"), Status::DueSoon));
    let again = find(&ms, MilestoneName::PanelResubmission);
    assert_eq!((again.due, again.detail.as_str()), (d("2026-12-17"), "needs: EP advice"));
    // Sent and resubmitted: both done.
    let sent = PanelSubmission { decision_sent: Some(d("2026-11-20")), ..deferred };
    let resubmitted = PanelSubmission { resubmission_of: Some(1), ..panel(2, "2026-12-03", None) };
    let ms = run_with(&[sent, resubmitted], "2026-11-23");
    assert_eq!(find(&ms, MilestoneName::PanelDecisionSent).done, Some(d("2026-11-20")));
    assert_eq!(find(&ms, MilestoneName::PanelResubmission).status, Status::Done);
}

#[test]
fn postcodes_must_be_shaped_like_uk_postcodes() {
    use caseload::domain::casework::normalise_postcode;
    for (typed, kept) in [("ng7 2rd", "NG7 2RD"), ("SW1A1AA", "SW1A 1AA"), ("m1 1ae", "M1 1AE"), ("B33 8TH", "B33 8TH")]
    {
        assert_eq!(normalise_postcode(typed).as_deref(), Some(kept), "{typed}");
    }
    for typed in ["", "NG7", "12345", "NG7 2R", "NGG7 2RD", "NG7 RD2", "N€7 2RD"] {
        assert_eq!(normalise_postcode(typed), None, "{typed}");
    }
}

#[test]
fn details_are_checked_before_they_change() {
    use caseload::domain::casework::{Change, DetailsEntry, apply_details};
    // Born 10 Mar 2015: Year 7 in 2026/27.
    let before = child(Stage::Plan);
    let entry = |postcode: &str, year: Option<i32>| DetailsEntry {
        postcode: Change::Set(Some(postcode.into())),
        year_group_override: Change::Set(year),
        ..DetailsEntry::default()
    };
    let today = d("2026-11-23");
    let after = apply_details(&before, &entry("ng7 2rd", Some(6)), 9, today).expect("a year behind");
    assert_eq!((after.postcode.as_deref(), after.year_group_override), (Some("NG7 2RD"), Some(6)));
    let refused = apply_details(&before, &entry("NG7 2RD", Some(2)), 9, today).expect_err("5 years out");
    assert_eq!(refused.field, "year group");
    assert!(refused.message.contains("Year 2 is 5 years from their age group (Year 7)"), "{}", refused.message);
    assert_eq!(apply_details(&before, &entry("not a postcode", None), 9, today).expect_err("bad").field, "postcode");
}

#[test]
fn tribunal_working_days_leave_out_christmas_to_new_year_and_august() {
    // HESC Rules r.12: the LA's 30 working days to respond to an appeal skip 25 Dec–1 Jan and
    // every day in August, as well as weekends and bank holidays.
    let calendar = Calendar::england_and_wales();
    // DOMAIN.md's worked example: registered Mon 14 Dec 2026 → Tue 2 Feb 2027 (8 days before
    // Christmas, none from 25 Dec to 1 Jan, 22 from Mon 4 Jan).
    assert_eq!(calendar.add_tribunal_working_days(d("2026-12-14"), 30), d("2027-02-02"));
    // Ordinary working days would give Thu 28 Jan (28 Dec and 1 Jan are bank holidays anyway).
    assert_eq!(calendar.add_working_days(d("2026-12-14"), 30), d("2027-01-28"));
    // August is left out whole: registered Fri 17 Jul 2026, 10 working days to 31 Jul, then the
    // count resumes on Tue 1 Sep (31 Aug is a bank holiday too): the 30th is Mon 28 Sep.
    assert_eq!(calendar.add_tribunal_working_days(d("2026-07-17"), 30), d("2026-09-28"));
    for day in ["2026-08-03", "2026-12-29", "2027-01-01", "2026-12-31"] {
        assert!(!calendar.is_tribunal_working_day(d(day)), "{day}");
    }
    assert!(calendar.is_tribunal_working_day(d("2027-01-04")));
}

#[test]
fn the_sixteen_weeks_bind_only_a_decision_not_to_issue() {
    // Reg 10(1): a decision NOT to issue must be notified within 16 weeks of the request (here
    // 22 Jun 2026). A decision to issue has no such limit (the plan's 20 weeks are the duty).
    let request = d("2026-03-02");
    let assessing = Child { request_date: Some(request), ..child(Stage::Assessment) };
    let agreed = step(StepKind::AssessDecision, "2026-04-10", "agreed");
    let late_timeline = |m: &Milestone| caseload::app::panes::timeline::days_late(m);

    // Decided to issue on 1 Jul, after week 16: done, and never late.
    let to_issue = step(StepKind::IssueDecision, "2026-07-01", "agreed");
    let ms = run(&assessing, &[agreed.clone(), to_issue], &[], "2026-07-02");
    let issue = find(&ms, MilestoneName::IssueDecision);
    assert_eq!((issue.status, issue.done), (Status::Done, Some(d("2026-07-01"))));
    assert_eq!(late_timeline(issue), None, "a decision to issue is never late against Reg 10(1)");

    // A plan issued (or imported) after week 16 says the same.
    let issued = Child { plan_date: Some(d("2026-07-15")), ..child(Stage::Plan) };
    let issued = Child { request_date: Some(request), ..issued };
    let ms = run(&issued, &[], &[], "2026-08-01");
    assert_eq!(late_timeline(find(&ms, MilestoneName::IssueDecision)), None);

    // A decision not to issue after week 16 is late, by the days past it.
    let refused = step(StepKind::IssueDecision, "2026-07-01", "declined");
    let ms = run(&assessing, &[agreed.clone(), refused], &[], "2026-07-02");
    assert_eq!(late_timeline(find(&ms, MilestoneName::IssueDecision)), Some(9));

    // Still assessing after week 16 with no decision: not overdue here — too late to refuse —
    // and the final plan's date says so.
    let ms = run(&assessing, &[agreed], &[], "2026-07-02");
    assert!(ms.iter().all(|m| m.name != MilestoneName::IssueDecision || m.status != Status::Overdue), "{ms:#?}");
    assert!(find(&ms, MilestoneName::FinalPlan).rule.contains("too late to refuse"), "{ms:#?}");
    // Before week 16 the decision is simply due.
    let ms = run(&assessing, &[], &[], "2026-06-15");
    assert_eq!(find(&ms, MilestoneName::IssueDecision).status, Status::DueSoon);
}

#[test]
fn an_eighteen_year_old_is_in_year_fourteen_not_post_nineteen() {
    // Year = age on the 31 August before the school year − 4: born 15 Oct 2007, 18 on 31 Aug
    // 2026, so in Year 14 (a third sixth-form year) in 2026/27; Post-19 from age 19 on.
    assert_eq!(year_group::year_group(d("2007-10-15"), d("2026-11-23"), None), 14);
    assert_eq!(year_group::year_group_label(14), "Year 14");
    assert_eq!(year_group::year_group_label(year_group::year_group(d("2006-10-15"), d("2026-11-23"), None)), "Post-19");
}

#[test]
fn lateness_against_a_working_day_standard_is_in_working_days() {
    // A phone message on Wed 18 Nov 2026 is due back Fri 20 Nov (2 working days); returned on
    // Mon 23 Nov it is 1 working day late, not 3 days.
    let c = Child { plan_date: Some(d("2020-01-10")), ..child(Stage::Plan) };
    let message = Contact {
        id: 1,
        child_id: "C1".into(),
        kind: ContactKind::PhoneMessage,
        received: d("2026-11-18"),
        summary: "rang".into(),
        promised: None,
        answered: Some(d("2026-11-23")),
        staff_id: None,
        answered_by: None,
        answer: String::new(),
    };
    let ms = run(&c, &[], &[message], "2026-11-24");
    let call_back = find(&ms, MilestoneName::CallBack);
    assert_eq!(call_back.due, d("2026-11-20"));
    let late = caseload::app::panes::timeline::lateness(call_back, &Calendar::england_and_wales()).expect("late");
    assert_eq!((late.days, late.working), (1, true));
    assert!(!MilestoneName::AnnualReview.in_working_days(), "calendar periods keep calendar days");
}

#[test]
fn the_twenty_week_share_is_reported_with_and_without_exceptions() {
    // DOMAIN.md: report timeliness both with and without exceptions, as the DfE does. Three plans
    // issued in the last 12 months: one in 20 weeks; one late after an exception (Reg 10(4)(c));
    // one late with none. With exceptions: 1 of 3 in time; without them: 1 of the 2 left.
    let plan = |id: &str, request: &str, issued: &str| Child {
        id: id.into(),
        request_date: Some(d(request)),
        plan_date: Some(d(issued)),
        ..child(Stage::Plan)
    };
    let county = County {
        children: vec![
            plan("C1", "2026-01-05", "2026-05-18"),
            plan("C2", "2026-01-05", "2026-07-20"),
            plan("C3", "2026-02-02", "2026-08-17"),
        ],
        steps: vec![Step {
            id: 1,
            child_id: "C2".into(),
            kind: StepKind::Exception,
            date: d("2026-03-02"),
            until: Some(d("2026-04-13")),
            detail: "c".into(),
            recorded_by: None,
        }],
        ..County::default()
    };
    let milestones: Vec<Vec<Milestone>> = vec![Vec::new(); 3];
    let report = report::headline(&county, &milestones, d("2026-11-23"), &BandTable::Count(9));
    assert_eq!((report.plans_issued_last_12_months, report.plans_issued_within_20_weeks_last_12_months), (3, 1));
    assert_eq!(report.percent_within_20_weeks_last_12_months, Some(33.3));
    assert_eq!(
        (
            report.plans_issued_without_exception_last_12_months,
            report.plans_issued_within_20_weeks_excluding_exceptions_last_12_months
        ),
        (2, 1)
    );
    assert_eq!(report.percent_within_20_weeks_excluding_exceptions_last_12_months, Some(50.0));
}

#[test]
fn exceptions_a_b_and_d_need_four_continuous_weeks() {
    // Reg 10(4)(a), (b), (d): a closure or absence of at least 4 weeks; (c) has no length.
    let c = Child {
        request_date: Some(d("2026-03-02")),
        assess_decision_date: Some(d("2026-04-10")),
        ..child(Stage::Assessment)
    };
    let entry = |detail: &str, until: &str| caseload::domain::casework::StepEntry {
        kind: StepKind::Exception,
        date: d("2026-06-01"),
        until: Some(d(until)),
        detail: detail.into(),
    };
    let today = d("2026-07-01");
    for reason in ["a", "b", "d"] {
        let short = caseload::domain::casework::apply_step(&c, &[], &entry(reason, "2026-06-27"), today);
        let error = short.expect_err("27 days is not 4 weeks");
        assert_eq!(error.field, "until");
        assert!(error.message.contains("at least 4 weeks"), "{}", error.message);
        assert!(caseload::domain::casework::apply_step(&c, &[], &entry(reason, "2026-06-28"), today).is_ok());
    }
    assert!(caseload::domain::casework::apply_step(&c, &[], &entry("c", "2026-06-05"), today).is_ok());
    // The date the product plans by is labelled as its own aid: the law lifts the limit.
    let away = Step { until: Some(d("2026-06-28")), ..step(StepKind::Exception, "2026-06-01", "d") };
    let rule = find(&run(&c, &[away], &[], "2026-07-01"), MilestoneName::FinalPlan).rule.clone();
    assert!(rule.contains("the product's aid, not a statutory date"), "{rule}");
}

#[test]
fn a_review_decision_to_amend_starts_the_amendment_clock_and_the_family_has_fifteen_days() {
    // DOMAIN.md's worked example: a review decision to amend on 29 Oct 2027 with no separate
    // proposal date → the amended plan by 24 Dec 2027 (Reg 22: proposals go with the decision).
    let c = Child { plan_date: Some(d("2025-01-10")), last_review_date: Some(d("2027-10-01")), ..child(Stage::Plan) };
    let meeting = step(StepKind::ReviewMeeting, "2027-10-01", "");
    let decision = step(StepKind::ReviewDecision, "2027-10-29", "amend");
    let ms = run(&c, &[meeting.clone(), decision.clone()], &[], "2027-11-01");
    let amended = find(&ms, MilestoneName::AmendedPlan);
    assert_eq!(amended.due, d("2027-12-24"));
    assert!(amended.rule.contains("review decision to amend 29 Oct 2027"), "{}", amended.rule);
    // A decision to maintain starts nothing.
    let maintain = step(StepKind::ReviewDecision, "2027-10-29", "maintain");
    assert!(!has(&run(&c, &[meeting.clone(), maintain], &[], "2027-11-01"), MilestoneName::AmendedPlan));

    // Reg 22(3): 15 days for the family's representations, beginning with the proposals (29 Oct
    // is day 1, 12 Nov the last): the amended plan can be issued from 13 Nov.
    let steps = [meeting, decision];
    let issue =
        |date: &str| StepEntry { kind: StepKind::AmendedIssued, date: d(date), until: None, detail: String::new() };
    let early = apply_step(&c, &steps, &issue("2027-11-12"), d("2027-11-30")).expect_err("too early");
    assert_eq!(early.field, "date");
    assert!(early.message.contains("13 Nov 2027"), "{}", early.message);
    assert!(apply_step(&c, &steps, &issue("2027-11-13"), d("2027-11-30")).is_ok());
}

#[test]
fn advice_never_received_stays_owed_whatever_stage_the_case_reaches() {
    // Reg 8: advice requested is owed until it comes; the case moving on to a draft or a plan does
    // not make it done, and it can be recorded received then.
    let requested = step(StepKind::AdviceRequested, "2026-04-15", "health");
    for stage in [Stage::Draft, Stage::Plan] {
        let c = Child {
            request_date: Some(d("2026-03-02")),
            assess_decision_date: Some(d("2026-04-10")),
            draft_date: Some(d("2026-06-15")),
            plan_date: (stage == Stage::Plan).then(|| d("2026-07-15")),
            ..child(stage)
        };
        let ms = run(&c, std::slice::from_ref(&requested), &[], "2026-08-01");
        let advice = find(&ms, MilestoneName::AdviceDue);
        assert_eq!((advice.due, advice.status, advice.done), (d("2026-05-27"), Status::Overdue, None), "{stage:?}");
        let received =
            StepEntry { kind: StepKind::AdviceReceived, date: d("2026-07-30"), until: None, detail: "health".into() };
        assert!(apply_step(&c, std::slice::from_ref(&requested), &received, d("2026-08-01")).is_ok(), "{stage:?}");
        let got = step(StepKind::AdviceReceived, "2026-07-30", "health");
        let ms = run(&c, &[requested.clone(), got], &[], "2026-08-01");
        assert_eq!(find(&ms, MilestoneName::AdviceDue).done, Some(d("2026-07-30")));
    }
}

#[test]
fn a_phase_transfer_only_where_the_child_changes_setting() {
    // DOMAIN.md: by default Y6→Y7 and Y11→Y12 for everyone, Reception for children in an
    // early-years setting, Y2→Y3 only where the area has infant schools (configured).
    let in_setting = |dob: &str, setting: &str| Child {
        date_of_birth: d(dob),
        plan_date: Some(d("2025-01-10")),
        setting: Some(setting.into()),
        ..child(Stage::Plan)
    };
    // Year 2 in 2026/27 (born 2019/20) at a primary school: no 15 February deadline this year;
    // the next is into Year 7.
    let y2 = run(&in_setting("2019-10-01", "Oakridge Primary School"), &[], &[], "2026-11-23");
    assert_eq!(find(&y2, MilestoneName::PhaseTransfer).due, d("2031-02-15"));
    // Where infant schools are configured (transfer into Year 3), the Year 2 child has one.
    let rules = RulesConfig { transfer_years: vec![0, 3, 7, 12], ..RulesConfig::default() };
    let records = CaseRecords::default();
    let calendar = Calendar::england_and_wales();
    let child = in_setting("2019-10-01", "Hillside Infant School");
    let ms = milestones_for(&child, records, d("2026-11-23"), &calendar, &rules);
    assert_eq!(find(&ms, MilestoneName::PhaseTransfer).due, d("2027-02-15"));
    // A nursery-age child (born 2022/23, Reception in Sept 2027) at a nursery: 15 Feb 2027.
    let nursery = run(&in_setting("2022-10-01", "Little Acorns Nursery"), &[], &[], "2026-11-23");
    let reception = find(&nursery, MilestoneName::PhaseTransfer);
    assert_eq!((reception.due, reception.detail.as_str()), (d("2027-02-15"), "early years → Reception"));
    // The same child in a primary school's nursery class stays on: nothing until Year 7.
    let class = run(&in_setting("2022-10-01", "Oakridge Primary School"), &[], &[], "2026-11-23");
    assert_eq!(find(&class, MilestoneName::PhaseTransfer).due, d("2034-02-15"));
}

#[test]
fn records_that_contradict_themselves_are_refused() {
    let c = Child { plan_date: Some(d("2024-01-10")), last_review_date: Some(d("2026-11-02")), ..child(Stage::Plan) };
    let today = d("2026-11-23");
    let entry = |kind: StepKind, date: &str, detail: &str| StepEntry {
        kind,
        date: d(date),
        until: None,
        detail: detail.into(),
    };
    let meeting = step(StepKind::ReviewMeeting, "2026-11-02", "");
    let decided = step(StepKind::ReviewDecision, "2026-11-16", "maintain");
    // The same step twice.
    let again =
        apply_step(&c, std::slice::from_ref(&meeting), &entry(StepKind::ReviewMeeting, "2026-11-02", ""), today);
    assert_eq!(again.expect_err("a second identical step").field, "step");
    // A second, different decision for the same review meeting (Reg 20(10): one decision).
    let steps = [meeting.clone(), decided];
    let error =
        apply_step(&c, &steps, &entry(StepKind::ReviewDecision, "2026-11-20", "amend"), today).expect_err("two");
    assert!(error.message.contains("already has its decision (maintain"), "{}", error.message);
    // Amendments proposed on a plan never reviewed.
    let unreviewed = Child { last_review_date: None, ..c.clone() };
    let error =
        apply_step(&unreviewed, &[], &entry(StepKind::AmendmentsProposed, "2026-11-20", ""), today).expect_err("none");
    assert!(error.message.contains("has not been reviewed"), "{}", error.message);
    // ... or dated before an earlier proposal.
    let proposed = step(StepKind::AmendmentsProposed, "2026-11-18", "");
    let steps = [meeting, proposed];
    let error =
        apply_step(&c, &steps, &entry(StepKind::AmendmentsProposed, "2026-11-10", ""), today).expect_err("early");
    assert_eq!(error.field, "date");
    assert!(apply_step(&c, &steps, &entry(StepKind::AmendmentsProposed, "2026-11-20", ""), today).is_ok());
}

#[test]
fn the_familys_appeal_deadline_follows_every_appealable_decision() {
    // DOMAIN.md "Disputes": the later of decision + 2 months and a mediation certificate + 1
    // month; one falling 25 Dec–1 Jan moves to the first working day after 1 Jan, one in August
    // to the first working day after 31 Aug. Advisory: it is the family's deadline.
    let with = |child: &Child, steps: &[Step], disputes: &[Dispute], today: &str| {
        let records = CaseRecords { steps, disputes, ..CaseRecords::default() };
        milestones_for(child, records, d(today), &Calendar::england_and_wales(), &RulesConfig::default())
    };
    let request = Child { request_date: Some(d("2026-09-01")), ..child(Stage::Ceased) };
    // A refusal to assess on 14 Oct 2026: by 14 Dec 2026 — on a declined (ceased) case too.
    let refused = step(StepKind::AssessDecision, "2026-10-14", "declined");
    let ms = with(&request, std::slice::from_ref(&refused), &[], "2026-11-23");
    let appeal = find(&ms, MilestoneName::AppealDeadline);
    assert_eq!((appeal.due, appeal.advisory, appeal.status), (d("2026-12-14"), true, Status::Upcoming));
    // 25 Oct + 2 months = 25 Dec: moved to Mon 4 Jan 2027 (1 Jan a bank holiday, then a weekend).
    let christmas = step(StepKind::AssessDecision, "2026-10-25", "declined");
    assert_eq!(
        find(&with(&request, &[christmas], &[], "2026-11-23"), MilestoneName::AppealDeadline).due,
        d("2027-01-04")
    );
    // A plan issued 10 Jun 2026: 10 Aug → Tue 1 Sep 2026 (31 Aug is a bank holiday).
    let plan = Child { plan_date: Some(d("2026-06-10")), ..child(Stage::Plan) };
    let issued = step(StepKind::FinalIssued, "2026-06-10", "");
    assert_eq!(find(&with(&plan, &[issued], &[], "2026-07-01"), MilestoneName::AppealDeadline).due, d("2026-09-01"));
    // A mediation certificate of 20 Oct after a refusal of 1 Sep: 20 Nov beats 1 Nov.
    let refused = step(StepKind::AssessDecision, "2026-09-01", "declined");
    let mediation = Dispute {
        id: 1,
        child_id: "C1".into(),
        kind: DisputeKind::Mediation,
        registered: d("2026-09-10"),
        hearing: Some(d("2026-10-06")),
        responded: None,
        order_kind: None,
        order_date: None,
        complied: None,
        closed: Some(d("2026-10-20")),
        detail: String::new(),
    };
    let ms = with(&request, std::slice::from_ref(&refused), std::slice::from_ref(&mediation), "2026-11-02");
    assert_eq!(find(&ms, MilestoneName::AppealDeadline).due, d("2026-11-20"));
    // A decision not to amend after a review (CFA s.51(2)(e)) is appealable; a plan imported or
    // transferred in, with no decision recorded here, has none.
    let plan =
        Child { plan_date: Some(d("2024-01-10")), last_review_date: Some(d("2026-10-05")), ..child(Stage::Plan) };
    let maintain = step(StepKind::ReviewDecision, "2026-10-20", "maintain");
    assert_eq!(find(&with(&plan, &[maintain], &[], "2026-11-23"), MilestoneName::AppealDeadline).due, d("2026-12-21"));
    assert!(!with(&plan, &[], &[], "2024-01-20").iter().any(|m| m.name == MilestoneName::AppealDeadline));
    // An appeal registered in time meets it.
    let appeal =
        Dispute { id: 2, kind: DisputeKind::Appeal, registered: d("2026-11-05"), closed: None, ..mediation.clone() };
    let ms = with(&request, &[refused], &[mediation, appeal], "2026-11-23");
    assert_eq!(find(&ms, MilestoneName::AppealDeadline).done, Some(d("2026-11-05")));
}

#[test]
fn an_appeal_on_a_declined_or_ceased_case_keeps_its_deadlines() {
    // DOMAIN.md "Disputes": a case that is declined or ceased keeps its dispute deadlines.
    let declined = Child { request_date: Some(d("2026-09-01")), ..child(Stage::Ceased) };
    let appeal = Dispute {
        id: 1,
        child_id: "C1".into(),
        kind: DisputeKind::Appeal,
        registered: d("2026-11-02"),
        hearing: None,
        responded: None,
        order_kind: None,
        order_date: None,
        complied: None,
        closed: None,
        detail: "refusal to assess".into(),
    };
    let records = CaseRecords { disputes: std::slice::from_ref(&appeal), ..CaseRecords::default() };
    let ms =
        milestones_for(&declined, records, d("2026-11-23"), &Calendar::england_and_wales(), &RulesConfig::default());
    let response = find(&ms, MilestoneName::AppealResponse);
    assert_eq!((response.due, response.status), (d("2026-12-14"), Status::Upcoming));
}

#[test]
fn overlapping_exceptions_count_each_day_once_and_a_late_one_not_at_all() {
    // Request 2 Mar 2026: 20 weeks end 20 Jul. (d) 1–28 Jun and (c) 15 Jun–12 Jul overlap: 42 days
    // in all (1 Jun–12 Jul), not 28 + 28.
    let c = Child {
        request_date: Some(d("2026-03-02")),
        assess_decision_date: Some(d("2026-04-10")),
        ..child(Stage::Assessment)
    };
    let away = Step { until: Some(d("2026-06-28")), ..step(StepKind::Exception, "2026-06-01", "d") };
    let personal = Step { until: Some(d("2026-07-12")), ..step(StepKind::Exception, "2026-06-15", "c") };
    let ms = run(&c, &[away, personal], &[], "2026-07-01");
    assert_eq!(find(&ms, MilestoneName::FinalPlan).due, d("2026-08-31"), "20 Jul + 42 days");
    // An exception beginning after the 20 weeks had passed cannot have held the plan up.
    let late = Step { until: Some(d("2026-09-30")), ..step(StepKind::Exception, "2026-08-03", "b") };
    let ms = run(&c, &[late], &[], "2026-08-10");
    let final_plan = find(&ms, MilestoneName::FinalPlan);
    assert_eq!((final_plan.due, final_plan.status), (d("2026-07-20"), Status::Overdue));
}

#[test]
fn year_three_is_a_transfer_only_from_an_infant_school() {
    let rules = RulesConfig { transfer_years: vec![0, 3, 7, 12], ..RulesConfig::default() };
    let at = |setting: &str| Child {
        date_of_birth: d("2019-10-01"),
        plan_date: Some(d("2025-01-10")),
        setting: Some(setting.into()),
        ..child(Stage::Plan)
    };
    let due = |c: &Child| {
        let ms = milestones_for(c, CaseRecords::default(), d("2026-11-23"), &Calendar::england_and_wales(), &rules);
        find(&ms, MilestoneName::PhaseTransfer).due
    };
    assert_eq!(due(&at("Hillside Infant School")), d("2027-02-15"), "infant → junior");
    assert_eq!(due(&at("Oak Primary School")), d("2031-02-15"), "a primary school keeps its children to Year 6");
}

#[test]
fn one_report_per_review_and_one_amended_plan_per_proposal() {
    let c = Child { plan_date: Some(d("2024-01-10")), last_review_date: Some(d("2026-10-05")), ..child(Stage::Plan) };
    let today = d("2026-11-23");
    let entry = |kind: StepKind, date: &str| StepEntry { kind, date: d(date), until: None, detail: String::new() };
    let meeting = step(StepKind::ReviewMeeting, "2026-10-05", "");
    let report = step(StepKind::ReviewReport, "2026-10-12", "");
    let error = apply_step(&c, &[meeting.clone(), report], &entry(StepKind::ReviewReport, "2026-10-13"), today)
        .expect_err("a second report");
    assert!(error.message.contains("already has its report"), "{}", error.message);
    let proposed = step(StepKind::AmendmentsProposed, "2026-10-19", "");
    let issued = step(StepKind::AmendedIssued, "2026-11-09", "");
    let steps = [meeting, proposed, issued];
    let error = apply_step(&c, &steps, &entry(StepKind::AmendedIssued, "2026-11-10"), today).expect_err("twice");
    assert!(error.message.contains("was issued on 9 Nov 2026"), "{}", error.message);
    // New amendments after the amended plan need a new review first.
    let error = apply_step(&c, &steps, &entry(StepKind::AmendmentsProposed, "2026-11-16"), today).expect_err("review");
    assert!(error.message.contains("record a new review meeting first"), "{}", error.message);
}

#[test]
fn a_plan_is_maintained_while_its_ceasing_can_be_appealed_or_is_under_appeal() {
    // DOMAIN.md "Disputes": while an appeal against ceasing can still be made or is under way,
    // the LA keeps maintaining the plan (reviews go on).
    let ceased =
        Child { plan_date: Some(d("2020-06-01")), last_review_date: Some(d("2025-10-01")), ..child(Stage::Ceased) };
    let cease = step(StepKind::Ceased, "2026-11-20", "2");
    let with = |disputes: &[Dispute], today: &str| {
        let steps = std::slice::from_ref(&cease);
        let records = CaseRecords { steps, disputes, ..CaseRecords::default() };
        milestones_for(&ceased, records, d(today), &Calendar::england_and_wales(), &RulesConfig::default())
    };
    // Three days after ceasing: the overdue review still stands.
    let review = with(&[], "2026-11-23").into_iter().find(|m| m.name == MilestoneName::AnnualReview);
    assert_eq!(review.map(|m| m.status), Some(Status::Overdue));
    // The family's two months have passed (20 Jan 2027) with no appeal: the plan has ceased.
    assert!(!has(&with(&[], "2027-02-01"), MilestoneName::AnnualReview));
    // Under appeal (registered 10 Jan 2027, not closed): reviews go on.
    let appeal = Dispute {
        id: 1,
        child_id: "C1".into(),
        kind: DisputeKind::Appeal,
        registered: d("2027-01-10"),
        hearing: None,
        responded: None,
        order_kind: None,
        order_date: None,
        complied: None,
        closed: None,
        detail: "ceasing".into(),
    };
    assert!(has(&with(std::slice::from_ref(&appeal), "2027-02-01"), MilestoneName::AnnualReview));
}

//! What follows a panel (the decision letter, a resubmission) and a dispute (mediation, the LA's
//! response to an appeal, a tribunal's orders): deadlines that run in working days, tribunal
//! working days or weeks from an event rather than from the request.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{Builder, Done, MilestoneName, human_date};
use crate::domain::calendar::Calendar;
use crate::domain::model::{Child, Dispute, DisputeKind, OrderKind, PanelOutcome, PanelSubmission, Step, StepKind};
use crate::domain::settings::RulesConfig;

/// After a panel: its decision and reasons go to the family within `panel_decision_days` working
/// days of the meeting; a deferred case is resubmitted, with what the panel asked for, within
/// `panel_resubmit_days` working days (both local service standards, DOMAIN.md "Panels").
pub(super) fn panel_follow_up(out: &mut Builder, panels: &[PanelSubmission], calendar: &Calendar, rules: &RulesConfig) {
    for panel in panels {
        let met = panel.outcome.is_some() || panel.panel_date <= out.today;
        if met {
            out.push(
                MilestoneName::PanelDecisionSent,
                calendar.add_working_days(panel.panel_date, rules.panel_decision_days),
                panel.decision_sent,
                false,
                format!(
                    "panel {} + {} working days to send the decision and reasons (service standard)",
                    human_date(panel.panel_date),
                    rules.panel_decision_days
                ),
                panel.question.as_str().replace('_', " "),
            );
        }
        if panel.outcome == Some(PanelOutcome::Deferred) {
            let again = panels.iter().find(|p| p.resubmission_of == Some(panel.id));
            // Resubmitted: done on the day it went back to panel, or today if that is still to come.
            let done = again.map(|p| p.panel_date.min(out.today));
            out.push(
                MilestoneName::PanelResubmission,
                calendar.add_working_days(panel.panel_date, rules.panel_resubmit_days),
                done,
                false,
                format!(
                    "deferred at panel {} + {} working days to resubmit (service standard)",
                    human_date(panel.panel_date),
                    rules.panel_resubmit_days
                ),
                if panel.info_needed.trim().is_empty() {
                    "information the panel asked for".to_string()
                } else {
                    format!("needs: {}", panel.info_needed.trim())
                },
            );
        }
    }
}

/// Mediation, the LA's response to an appeal, and carrying out a tribunal's order (DOMAIN.md
/// "Disputes"). A closed dispute keeps what was done and has nothing open.
pub(super) fn dispute_deadlines(out: &mut Builder, child: &Child, d: &Dispute, calendar: &Calendar) {
    let closed = d.closed.is_some();
    let done_or_closed = |date: Option<NaiveDate>| match (date, d.closed) {
        (Some(date), _) => Done::On(date),
        (None, Some(_)) => Done::Undated,
        (None, None) => Done::Open,
    };
    let after = |days: u64| d.registered.checked_add_days(Days::new(days)).unwrap_or(d.registered);
    match d.kind {
        DisputeKind::Mediation => out.push(
            MilestoneName::MediationMeeting,
            after(30),
            done_or_closed(d.hearing),
            false,
            format!("mediation requested {} + 30 days to arrange it", human_date(d.registered)),
            d.detail.clone(),
        ),
        DisputeKind::Appeal => out.push(
            MilestoneName::AppealResponse,
            calendar.add_tribunal_working_days(d.registered, 30),
            done_or_closed(d.responded),
            false,
            format!(
                "appeal registered {} + 30 tribunal working days for the LA's response (not 25 Dec–1 Jan or \
                 August: HESC Rules r.12)",
                human_date(d.registered)
            ),
            d.detail.clone(),
        ),
    }
    let (Some(kind), Some(ordered)) = (d.order_kind, d.order_date) else {
        return;
    };
    let by = |days: u64| ordered.checked_add_days(Days::new(days)).unwrap_or(ordered);
    let order =
        |what: &str, weeks: u64| format!("tribunal order of {} + {weeks} weeks: {what} (Reg 44)", human_date(ordered));
    // The first stage of a two-stage order is met by the record itself.
    let first_stage = |date: Option<NaiveDate>| match date.filter(|x| *x >= ordered) {
        Some(date) => Done::On(date),
        None if closed => Done::Undated,
        None => done_or_closed(d.complied),
    };
    let stages: Vec<(&str, u64, Done)> = match kind {
        OrderKind::Amend => vec![("amend the plan", 5, done_or_closed(d.complied))],
        OrderKind::Setting => vec![("change the named setting", 2, done_or_closed(d.complied))],
        OrderKind::MakePlan => vec![
            ("issue a draft plan", 5, first_stage(child.draft_date)),
            ("issue the final plan", 11, done_or_closed(d.complied)),
        ],
        OrderKind::Assess => vec![
            ("tell the family the LA will assess", 2, first_stage(child.assess_decision_date)),
            ("issue the final plan", 14, done_or_closed(d.complied)),
        ],
    };
    for (what, weeks, done) in stages {
        out.push(MilestoneName::OrderCompliance, by(weeks * 7), done, false, order(what, weeks), what.to_string());
    }
}

/// The family's last day to appeal against the latest appealable decision (a refusal to assess or
/// to issue, a plan or amended plan issued, a decision to cease): the later of the decision + 2
/// months and a mediation certificate + 1 month, moved out of 25 Dec–1 Jan and August (DOMAIN.md
/// "Disputes"). Advisory: it is the family's deadline, met by an appeal registered after it.
pub(super) fn appeal_deadline(out: &mut Builder, steps: &[Step], disputes: &[Dispute], calendar: &Calendar) {
    // A decision not to amend after a review is appealable too (CFA s.51(2)(e)). Only decisions
    // recorded here: an imported or transferred-in plan's was another time's, or authority's.
    let appealable = |s: &&Step| match s.kind {
        StepKind::AssessDecision | StepKind::IssueDecision => s.detail.trim() == "declined",
        StepKind::ReviewDecision => s.detail.trim() == "maintain",
        StepKind::FinalIssued | StepKind::AmendedIssued | StepKind::Ceased => true,
        _ => false,
    };
    let Some(latest) = steps.iter().filter(appealable).max_by_key(|s| s.date) else {
        return;
    };
    let (decided, what) = (latest.date, decision_words(latest));
    let mut due = decided.checked_add_months(Months::new(2)).unwrap_or(decided);
    let certificate = disputes
        .iter()
        .filter(|d| d.kind == DisputeKind::Mediation && d.registered >= decided)
        .filter_map(|d| d.closed)
        .max();
    if let Some(certificate) = certificate {
        due = due.max(certificate.checked_add_months(Months::new(1)).unwrap_or(certificate));
    }
    let due = out_of_closures(due, calendar);
    let appealed = disputes
        .iter()
        .filter(|d| d.kind == DisputeKind::Appeal && d.registered >= decided && d.registered <= due)
        .map(|d| d.registered)
        .min();
    let mut rule = format!("{what} {} + 2 months", human_date(decided));
    if let Some(certificate) = certificate {
        rule.push_str(&format!(", or mediation certificate {} + 1 month if later", human_date(certificate)));
    }
    rule.push_str(": the family's last day to appeal (not 25 Dec–1 Jan or August), advisory");
    out.push(MilestoneName::AppealDeadline, due, appealed, true, rule, what.to_string());
}

fn decision_words(step: &Step) -> &'static str {
    match step.kind {
        StepKind::AssessDecision => "refusal to assess",
        StepKind::IssueDecision => "refusal to issue a plan",
        StepKind::FinalIssued => "the plan issued",
        StepKind::AmendedIssued => "the amended plan issued",
        StepKind::ReviewDecision => "the decision not to amend after review",
        _ => "the decision to cease",
    }
}

/// A deadline falling 25 Dec–1 Jan moves to the first working day after 1 Jan; one in August to
/// the first working day after 31 August; one on any other day that is not a working day to the
/// next working day (HESC Rules r.12).
fn out_of_closures(day: NaiveDate, calendar: &Calendar) -> NaiveDate {
    let moved = match (day.month(), day.day()) {
        (12, 25..) => NaiveDate::from_ymd_opt(day.year() + 1, 1, 2),
        (1, 1) => NaiveDate::from_ymd_opt(day.year(), 1, 2),
        (8, _) => NaiveDate::from_ymd_opt(day.year(), 9, 1),
        _ => Some(day),
    };
    calendar.next_working_day_on_or_after(moved.unwrap_or(day))
}

/// Whether a plan's ceasing can still be appealed (the family's deadline has not passed) or is
/// under appeal (an appeal registered since, not closed).
pub(super) fn ceasing_open_to_appeal(
    steps: &[Step],
    disputes: &[Dispute],
    calendar: &Calendar,
    today: NaiveDate,
) -> bool {
    let Some(ceased) = steps.iter().filter(|s| s.kind == StepKind::Ceased).map(|s| s.date).max() else {
        return false;
    };
    let deadline = out_of_closures(ceased.checked_add_months(Months::new(2)).unwrap_or(ceased), calendar);
    let appealed =
        disputes.iter().any(|d| d.kind == DisputeKind::Appeal && d.registered >= ceased && d.closed.is_none());
    today <= deadline || appealed
}

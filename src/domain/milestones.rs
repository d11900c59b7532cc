//! Statutory milestones for one child (DOMAIN.md "Statutory milestones").
//! IMPLEMENTATION PENDING (helper).

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::Calendar;
use super::model::{Child, Contact, Step};
use super::rules::RulesConfig;

super::model::word_enum!(
    /// Milestone names, exactly as DOMAIN.md spells them.
    MilestoneName {
        AssessDecision => "assess_decision",
        AdviceDue => "advice_due",
        IssueDecision => "issue_decision",
        DraftCommentsClose => "draft_comments_close",
        FinalPlan => "final_plan",
        AnnualReview => "annual_review",
        EarlyYearsReview => "early_years_review",
        ReviewReportDue => "review_report_due",
        ReviewDecision => "review_decision",
        AmendedPlan => "amended_plan",
        PhaseTransfer => "phase_transfer",
        CallBack => "call_back",
        EmailReply => "email_reply",
        PlanEnd => "plan_end",
    }
);

super::model::word_enum!(
    Status {
        Done => "done",
        Overdue => "overdue",
        DueSoon => "due_soon",
        Upcoming => "upcoming",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub name: MilestoneName,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    pub status: Status,
    /// Advisory only (under-5 six-monthly review): never overdue, never counted as late.
    pub advisory: bool,
    /// The rule behind the date, for people: e.g. "request 2 Mar 2026 + 20 weeks (Reg 13(2))".
    pub rule: String,
    /// What it is about, where a child can have several (advice kind, contact summary…).
    pub detail: String,
}

/// Every milestone of one child, sorted by due date.
pub fn milestones_for(
    child: &Child,
    steps: &[Step],
    contacts: &[Contact],
    today: NaiveDate,
    calendar: &Calendar,
    rules: &RulesConfig,
) -> Vec<Milestone> {
    let _ = (child, steps, contacts, today, calendar, rules);
    Vec::new()
}

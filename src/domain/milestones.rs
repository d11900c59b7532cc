//! Statutory milestones for one child (DOMAIN.md "Statutory milestones").
//!
//! Assessment periods are calendar weeks from the day the request was received; service
//! standards (call-backs, emails) are working days. **Rules here**, where the law leaves room:
//! - a step whose date is not on record but which the child's stage shows has happened (say, a
//!   plan issued for a child whose decision date was never recorded) is `done` with no date;
//! - an imported `last_review_date` is a completed review: it anchors the next annual review but
//!   does not open `review_report_due`/`review_decision`, which follow review meetings recorded
//!   as steps (the interchange format carries no decision date);
//! - an exception under Reg 10(4) moves `final_plan` later by the exception's length;
//! - the phase transfer is the next one into a configured year, due 15 February of the year of
//!   transfer (31 March into Year 12), and done by an amended plan or review decision in the
//!   academic year before it.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use super::calendar::Calendar;
use super::model::{Child, Contact, ContactKind, Dispute, PanelSubmission, Stage, Step, StepKind, Task, TaskKind};
use super::settings::RulesConfig;
use super::year_group::{academic_year_start, age_years, override_offset, year_group_in, year_group_label};

mod follow_up;

use follow_up::{appeal_deadline, ceasing_open_to_appeal, dispute_deadlines, panel_follow_up};

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
        MediationMeeting => "mediation_meeting",
        AppealResponse => "appeal_response",
        OrderCompliance => "order_compliance",
        ReviewDecision => "review_decision",
        AmendedPlan => "amended_plan",
        PhaseTransfer => "phase_transfer",
        CallBack => "call_back",
        EmailReply => "email_reply",
        PanelDecisionSent => "panel_decision_sent",
        PanelResubmission => "panel_resubmission",
        TellFamily => "tell_family",
        PlanEnd => "plan_end",
        AppealDeadline => "appeal_deadline",
    }
);

impl MilestoneName {
    /// Set in working days (service standards, tribunal steps) rather than calendar periods:
    /// lateness against them is counted in working days too.
    pub fn in_working_days(self) -> bool {
        matches!(
            self,
            MilestoneName::CallBack
                | MilestoneName::EmailReply
                | MilestoneName::PanelDecisionSent
                | MilestoneName::PanelResubmission
                | MilestoneName::TellFamily
                | MilestoneName::AppealResponse
        )
    }
}

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

/// One child's records beyond the child's own row, as the rules read them.
#[derive(Debug, Clone, Copy, Default)]
pub struct CaseRecords<'a> {
    pub steps: &'a [Step],
    pub contacts: &'a [Contact],
    pub disputes: &'a [Dispute],
    pub panels: &'a [PanelSubmission],
    /// To-dos set by the product (telling a family who their new officer is).
    pub tasks: &'a [Task],
}

/// Every milestone of one child, sorted by due date.
pub fn milestones_for(
    child: &Child,
    records: CaseRecords,
    today: NaiveDate,
    calendar: &Calendar,
    rules: &RulesConfig,
) -> Vec<Milestone> {
    let CaseRecords { steps, contacts, disputes, panels, tasks } = records;
    // While an appeal against ceasing can still be made or is under way, the plan is maintained:
    // its reviews go on (DOMAIN.md "Disputes").
    let maintained = child.stage == Stage::Ceased && ceasing_open_to_appeal(steps, disputes, calendar, today);
    let mut out = Builder {
        list: Vec::new(),
        today,
        soon_limit: calendar.add_working_days(today, rules.due_soon_working_days),
        ceased: child.stage == Stage::Ceased && !maintained,
    };
    assessment(&mut out, child, steps);
    if maintained {
        reviews(&mut out, &Child { stage: Stage::Plan, ..child.clone() }, steps, today, rules);
        out.ceased = true;
    } else {
        reviews(&mut out, child, steps, today, rules);
    }
    for contact in contacts {
        let name = match contact.kind {
            ContactKind::PhoneMessage => MilestoneName::CallBack,
            ContactKind::EmailReceived => MilestoneName::EmailReply,
        };
        let (what, days) = (contact.kind.noun(), answer_days(contact.kind, rules));
        let standard = calendar.add_working_days(contact.received, days);
        let due = contact_due(contact, calendar, rules);
        let rule = match contact.promised {
            Some(promised) if promised > standard => format!(
                "{what} {} + {days} working days, family told to expect an answer by {}",
                human_date(contact.received),
                human_date(promised)
            ),
            _ => format!("{what} {} + {days} working days (service standard)", human_date(contact.received)),
        };
        out.push(name, due, contact.answered, false, rule, contact.summary.clone());
    }
    // A dispute's deadlines stand on any case, a declined or ceased one included.
    let ceased = std::mem::replace(&mut out.ceased, false);
    for dispute in disputes {
        dispute_deadlines(&mut out, child, dispute, calendar);
    }
    appeal_deadline(&mut out, steps, disputes, calendar);
    out.ceased = ceased;
    panel_follow_up(&mut out, panels, calendar, rules);
    for task in tasks {
        let (days, who) = match task.kind {
            TaskKind::TellNewOfficer => (rules.tell_family_days, "who their new officer is"),
            TaskKind::TellCover => (rules.tell_cover_days, "who is covering while their officer is away"),
        };
        out.push(
            MilestoneName::TellFamily,
            task.due,
            task.done,
            false,
            format!(
                "{days} working days from {} to tell the family and school {who} (service standard)",
                human_date(task.created)
            ),
            task.detail.clone(),
        );
    }
    if child.stage == Stage::Plan {
        let end = plan_end(child.date_of_birth);
        out.push(
            MilestoneName::PlanEnd,
            end,
            None,
            false,
            format!(
                "end of the academic year in which they turn 25 (born {}; CFA s.46)",
                human_date(child.date_of_birth)
            ),
            String::new(),
        );
    }
    let mut list = out.list;
    list.sort_by_key(|m| (m.due, m.name));
    list
}

/// Collects milestones, working out each one's status.
struct Builder {
    list: Vec<Milestone>,
    today: NaiveDate,
    soon_limit: NaiveDate,
    /// A ceased plan keeps its history but has nothing open.
    ceased: bool,
}

/// When a milestone was met.
#[derive(Clone, Copy)]
enum Done {
    Open,
    On(NaiveDate),
    /// The child's stage shows it happened, but no date is on record.
    Undated,
}

impl From<Option<NaiveDate>> for Done {
    fn from(date: Option<NaiveDate>) -> Done {
        date.map_or(Done::Open, Done::On)
    }
}

impl Builder {
    fn push(
        &mut self,
        name: MilestoneName,
        due: NaiveDate,
        done: impl Into<Done>,
        advisory: bool,
        rule: String,
        detail: String,
    ) {
        let done = done.into();
        let (status, done_date, rule) = match done {
            Done::On(date) => (Status::Done, Some(date), rule),
            Done::Undated => (Status::Done, None, format!("{rule}; done, date not recorded")),
            Done::Open if self.ceased => return,
            Done::Open if due < self.today && !advisory => (Status::Overdue, None, rule),
            // Advisory reviews are never late.
            Done::Open if due < self.today => return,
            Done::Open if due <= self.soon_limit => (Status::DueSoon, None, rule),
            Done::Open => (Status::Upcoming, None, rule),
        };
        self.list.push(Milestone { name, due, done: done_date, status, advisory, rule, detail });
    }
}

fn latest(steps: &[Step], kind: StepKind) -> Option<&Step> {
    steps.iter().filter(|s| s.kind == kind).max_by_key(|s| s.date)
}

fn latest_on_or_after(steps: &[Step], kind: StepKind, since: NaiveDate) -> Option<NaiveDate> {
    steps.iter().filter(|s| s.kind == kind && s.date >= since).map(|s| s.date).max()
}

/// The `issue_decision` milestone's detail when the decision was not to issue: the one decision
/// Reg 10(1)'s 16 weeks bind, and so the only one that can be late against them.
pub const DECIDED_NOT_TO_ISSUE: &str = "decided not to issue";

fn declined(step: Option<&Step>) -> bool {
    step.is_some_and(|s| s.detail.trim().eq_ignore_ascii_case("declined"))
}

/// The 20 weeks: deciding to assess, advice, deciding to issue, the draft and the final plan.
fn assessment(out: &mut Builder, child: &Child, steps: &[Step]) {
    // A case reopened by a new request starts again: the earlier case's steps are its history.
    let current: Vec<Step> =
        steps.iter().filter(|s| child.request_date.is_none_or(|request| s.date >= request)).cloned().collect();
    let steps = current.as_slice();
    let stage = child.stage;
    let past_request = matches!(stage, Stage::Assessment | Stage::Draft | Stage::Plan | Stage::Ceased);
    let past_assessment = matches!(stage, Stage::Draft | Stage::Plan | Stage::Ceased);
    let past_draft = matches!(stage, Stage::Plan | Stage::Ceased);
    let done_or = |date: Option<NaiveDate>, closed: bool| match date {
        Some(date) => Done::On(date),
        None if closed => Done::Undated,
        None => Done::Open,
    };

    if let Some(request) = child.request_date {
        let from_request = |days: u64| request.checked_add_days(Days::new(days)).unwrap_or(request);
        let assess_step = latest(steps, StepKind::AssessDecision);
        let assess_done = child.assess_decision_date.or(assess_step.map(|s| s.date));
        out.push(
            MilestoneName::AssessDecision,
            from_request(42),
            done_or(assess_done, past_request),
            false,
            format!("request received {} + 6 weeks (Regs 4, 5(1))", human_date(request)),
            String::new(),
        );
        if !declined(assess_step) {
            let issue_step = latest(steps, StepKind::IssueDecision);
            let issue_done = issue_step.map(|s| s.date).or(child.draft_date).or(child.plan_date);
            // Reg 10(1) binds only a decision not to issue: a decision to issue is never late
            // against it, and once week 16 has passed undecided it is too late to refuse (the
            // live duty is the final plan).
            let sixteen_weeks = from_request(112);
            let too_late_to_refuse = issue_done.is_none() && !past_assessment && sixteen_weeks < out.today;
            if !too_late_to_refuse {
                let detail = match (declined(issue_step), issue_done.is_some() || past_assessment) {
                    (true, _) => DECIDED_NOT_TO_ISSUE,
                    (false, true) => "decided to issue",
                    (false, false) => "",
                };
                out.push(
                    MilestoneName::IssueDecision,
                    sixteen_weeks,
                    done_or(issue_done, past_assessment),
                    false,
                    format!(
                        "request received {} + 16 weeks: a decision not to issue is due by then (Reg 10(1))",
                        human_date(request)
                    ),
                    detail.to_string(),
                );
            }
            if !declined(issue_step) {
                let exception_days = exception_days(steps, from_request(140));
                let mut rule = format!("request received {} + 20 weeks (Reg 13(2))", human_date(request));
                if too_late_to_refuse {
                    rule.push_str(&format!(
                        "; the 16 weeks to decide not to issue ended {}: too late to refuse",
                        human_date(sixteen_weeks)
                    ));
                }
                if exception_days > 0 {
                    rule.push_str(&format!(
                        "; an exception (Reg 10(4)) lifts the 20-week limit: this planning date adds its \
                         {exception_days} days (the product's aid, not a statutory date)"
                    ));
                }
                out.push(
                    MilestoneName::FinalPlan,
                    from_request(140 + exception_days),
                    done_or(child.plan_date, past_draft),
                    false,
                    rule,
                    String::new(),
                );
            }
        }
    }

    for request in steps.iter().filter(|s| s.kind == StepKind::AdviceRequested) {
        let received = steps
            .iter()
            .filter(|s| s.kind == StepKind::AdviceReceived && s.detail == request.detail && s.date >= request.date)
            .map(|s| s.date)
            .min();
        // Reg 8: advice asked for stays owed, whatever stage the case has reached, until it comes.
        out.push(
            MilestoneName::AdviceDue,
            request.date.checked_add_days(Days::new(42)).unwrap_or(request.date),
            done_or(received, false),
            false,
            format!("advice requested {} + 6 weeks (Reg 8)", human_date(request.date)),
            request.detail.replace('_', " "),
        );
    }

    if let Some(draft) = child.draft_date {
        let closes = draft.checked_add_days(Days::new(14)).unwrap_or(draft);
        // A period that ends rather than a task: it is done once it has run, or the plan is out.
        let done = child.plan_date.or((out.today > closes).then_some(closes));
        out.push(
            MilestoneName::DraftCommentsClose,
            closes,
            done,
            false,
            format!(
                "draft sent {}: 15 days for comments, beginning that day; no final plan before (Reg 13(1))",
                human_date(draft)
            ),
            String::new(),
        );
    }
}

/// When amendments were last proposed: a separate proposal, or else a review decision to amend
/// (which goes out with the proposed amendments, Reg 22); and whether it was the decision.
pub fn amendments_proposed(steps: &[Step]) -> Option<(NaiveDate, bool)> {
    let proposal = latest(steps, StepKind::AmendmentsProposed).map(|s| s.date);
    let decision =
        steps.iter().filter(|s| s.kind == StepKind::ReviewDecision && s.detail.trim() == "amend").map(|s| s.date).max();
    match (proposal, decision) {
        (Some(p), Some(d)) if d > p => Some((d, true)),
        (Some(p), _) => Some((p, false)),
        (None, Some(d)) => Some((d, true)),
        (None, None) => None,
    }
}

/// Annual reviews, review paperwork and decisions, amendments and phase transfers.
fn reviews(out: &mut Builder, child: &Child, steps: &[Step], today: NaiveDate, rules: &RulesConfig) {
    // Reviews belong to a plan: none while a (re)opened request is being assessed.
    if child.stage.is_open_request() {
        return;
    }
    if let Some(meeting) = latest(steps, StepKind::ReviewMeeting).map(|s| s.date) {
        let report = latest_on_or_after(steps, StepKind::ReviewReport, meeting);
        let decision = latest_on_or_after(steps, StepKind::ReviewDecision, meeting);
        out.push(
            MilestoneName::ReviewReportDue,
            meeting.checked_add_days(Days::new(14)).unwrap_or(meeting),
            report,
            false,
            format!("review meeting {} + 2 weeks: the school's report (Reg 20(7))", human_date(meeting)),
            String::new(),
        );
        out.push(
            MilestoneName::ReviewDecision,
            meeting.checked_add_days(Days::new(28)).unwrap_or(meeting),
            decision,
            false,
            format!(
                "review meeting {} + 4 weeks: maintain, amend or cease, told to the family (Reg 20(10))",
                human_date(meeting)
            ),
            String::new(),
        );
    }
    if let Some((proposed, with_decision)) = amendments_proposed(steps) {
        let what = if with_decision { "review decision to amend" } else { "amendments proposed" };
        out.push(
            MilestoneName::AmendedPlan,
            proposed.checked_add_days(Days::new(56)).unwrap_or(proposed),
            latest_on_or_after(steps, StepKind::AmendedIssued, proposed),
            false,
            format!("{what} {} + 8 weeks (Reg 22)", human_date(proposed)),
            String::new(),
        );
    }
    let Some(plan) = child.plan_date else { return };
    if child.stage != Stage::Plan {
        return;
    }
    // The previous review: its decision where recorded, else its meeting.
    let meeting =
        [child.last_review_date, latest(steps, StepKind::ReviewMeeting).map(|s| s.date)].into_iter().flatten().max();
    let decision = latest(steps, StepKind::ReviewDecision).map(|s| s.date);
    let review = match (meeting, decision) {
        (Some(m), Some(d)) if d >= m => Some((d, "the review decision of")),
        (Some(m), _) => Some((m, "the review meeting of")),
        (None, Some(d)) => Some((d, "the review decision of")),
        (None, None) => None,
    };
    let (anchor, anchor_words) = match review {
        Some((date, words)) if date >= plan => (date, words),
        _ => (plan, "the plan first issued on"),
    };
    out.push(
        MilestoneName::AnnualReview,
        add_months_clamped(anchor, 12),
        Done::Open,
        false,
        format!("12 months after {anchor_words} {} (CFA s.44, Reg 18)", human_date(anchor)),
        String::new(),
    );
    let six_months = add_months_clamped(anchor, 6);
    if age_years(child.date_of_birth, six_months) < 5 && six_months >= today {
        out.push(
            MilestoneName::EarlyYearsReview,
            six_months,
            Done::Open,
            true,
            format!(
                "under 5: consider a review every 3–6 months; 6 months after {} (CoP 9.178), advisory",
                human_date(anchor)
            ),
            String::new(),
        );
    }
    phase_transfer(out, child, steps, today, rules);
}

fn phase_transfer(out: &mut Builder, child: &Child, steps: &[Step], today: NaiveDate, rules: &RulesConfig) {
    let offset = override_offset(child.date_of_birth, today, child.year_group_override);
    let this_year = academic_year_start(today);
    // A transfer only where the child changes setting: into Reception from an early-years
    // setting (a child already in a school's nursery class or at home has none to name).
    let early_years = child.setting.as_deref().is_some_and(is_early_years_setting);
    // Into Year 3 only from an infant school (a primary school keeps its children).
    let infant = child.setting.as_deref().is_some_and(|s| s.to_lowercase().contains("infant"));
    let next = (this_year + 1..=this_year + 20).find_map(|september| {
        let year = year_group_in(child.date_of_birth, september) - offset;
        let changes = match year {
            0 => early_years,
            3 => infant,
            _ => true,
        };
        (rules.transfer_years.contains(&year) && changes).then_some((september, year))
    });
    let Some((september, year)) = next else {
        return;
    };
    let into_post16 = year == 12;
    let Some(deadline) =
        NaiveDate::from_ymd_opt(september, if into_post16 { 3 } else { 2 }, if into_post16 { 31 } else { 15 })
    else {
        return;
    };
    let window_start = NaiveDate::from_ymd_opt(september - 1, 9, 1).unwrap_or(deadline);
    let done = steps
        .iter()
        // Only an amended plan naming the new setting meets it; a decision to maintain does not.
        .filter(|s| s.kind == StepKind::AmendedIssued)
        .filter(|s| s.date >= window_start && s.date <= deadline)
        .map(|s| s.date)
        .max();
    let from = year_group_label(year - 1);
    let to = year_group_label(year);
    let detail = if year == 0 { format!("early years → {to}") } else { format!("{from} → {to}") };
    out.push(
        MilestoneName::PhaseTransfer,
        deadline,
        done,
        false,
        format!(
            "moves to {to} in September {september}: plan amended naming the new setting by {} (Reg 18)",
            human_date(deadline)
        ),
        detail,
    );
}

/// Whether a setting's name is an early-years provider's (a nursery, pre-school, playgroup,
/// childminder, children's centre…), from which a child moves to a school for Reception.
pub fn is_early_years_setting(name: &str) -> bool {
    let name = name.to_lowercase();
    [
        "nursery",
        "pre-school",
        "preschool",
        "playgroup",
        "childminder",
        "early years",
        "children's centre",
        "kindergarten",
    ]
    .iter()
    .any(|word| name.contains(word))
        && !name.contains("primary")
        && !name.contains("infant")
}

/// The service standard for answering, in working days (`call_back`, `email_reply`).
pub fn answer_days(kind: ContactKind, rules: &RulesConfig) -> u32 {
    match kind {
        ContactKind::PhoneMessage => rules.call_back_days,
        ContactKind::EmailReceived => rules.email_reply_days,
    }
}

/// When a phone message or email must be answered: the service standard in working days, or
/// the later date the family was told to expect.
pub fn contact_due(contact: &Contact, calendar: &Calendar, rules: &RulesConfig) -> NaiveDate {
    let standard = calendar.add_working_days(contact.received, answer_days(contact.kind, rules));
    contact.promised.filter(|p| *p > standard).unwrap_or(standard)
}

/// The days the exceptions cover, each day once where periods overlap, counting only those that
/// began by the 20-week date (`deadline`): one beginning after it cannot have held the plan up.
fn exception_days(steps: &[Step], deadline: NaiveDate) -> u64 {
    let mut periods: Vec<(NaiveDate, NaiveDate)> = steps
        .iter()
        .filter(|s| s.kind == StepKind::Exception && s.date <= deadline)
        .filter_map(|s| s.until.filter(|until| *until >= s.date).map(|until| (s.date, until)))
        .collect();
    periods.sort();
    let mut days = 0;
    let mut covered_to: Option<NaiveDate> = None;
    for (from, until) in periods {
        let from = match covered_to {
            Some(to) if from <= to => to.succ_opt().unwrap_or(to),
            _ => from,
        };
        if from <= until {
            days += exception_length(from, until);
        }
        covered_to = Some(covered_to.map_or(until, |to| to.max(until)));
    }
    days
}

/// Days an exception lasted, both ends included; 0 if the dates are the wrong way round.
fn exception_length(from: NaiveDate, until: NaiveDate) -> u64 {
    u64::try_from((until - from).num_days() + 1).unwrap_or(0)
}

/// The first 31 July on or after the 25th birthday, and never after the day before the 26th.
pub fn plan_end(dob: NaiveDate) -> NaiveDate {
    let turns_25 = add_months_clamped(dob, 300);
    let july = NaiveDate::from_ymd_opt(turns_25.year(), 7, 31).unwrap_or(turns_25);
    let end =
        if july >= turns_25 { july } else { NaiveDate::from_ymd_opt(turns_25.year() + 1, 7, 31).unwrap_or(turns_25) };
    let before_26 = add_months_clamped(dob, 312).pred_opt().unwrap_or(end);
    end.min(before_26)
}

/// `months` calendar months later, clamped to the month's end (29 Feb 2024 + 12 → 28 Feb 2025).
pub fn add_months_clamped(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

/// "2 Mar 2026".
pub fn human_date(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

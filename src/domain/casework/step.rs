//! Statutory steps: which fit a stage, their details, and what each does to the child's record.

use chrono::{Days, NaiveDate};

use super::{FieldError, error, human, past_date};
use crate::domain::model::*;

/// A statutory step as entered, before it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepEntry {
    pub kind: StepKind,
    pub date: NaiveDate,
    pub until: Option<NaiveDate>,
    pub detail: String,
}

/// Which steps make sense for a child at its stage, in the order they usually happen.
pub fn steps_for_stage(stage: Stage) -> &'static [StepKind] {
    use StepKind::*;
    match stage {
        Stage::Request => &[AssessDecision, Exception],
        Stage::Assessment => &[AdviceRequested, AdviceReceived, IssueDecision, DraftSent, Exception],
        // Advice asked for during the assessment can still arrive (and be recorded) later.
        Stage::Draft => &[FinalIssued, AdviceReceived, Exception],
        Stage::Plan => {
            &[ReviewMeeting, ReviewReport, ReviewDecision, AmendmentsProposed, AmendedIssued, AdviceReceived, Ceased]
        }
        Stage::Ceased => &[],
    }
}

/// The choices for a step's detail, where it has fixed ones.
pub fn detail_choices(kind: StepKind) -> &'static [&'static str] {
    match kind {
        StepKind::AssessDecision | StepKind::IssueDecision => &["agreed", "declined"],
        StepKind::AdviceRequested | StepKind::AdviceReceived => {
            &["education", "health", "social_care", "educational_psychologist", "other"]
        }
        StepKind::ReviewDecision => &["maintain", "amend", "cease"],
        StepKind::Exception => &["a", "b", "c", "d"],
        // SEN2 reasons for ceasing a plan.
        StepKind::Ceased => &["1", "2", "3", "4", "5", "6", "7", "8", "9"],
        _ => &[],
    }
}

/// What a fixed detail means, for people: SEN2 ceasing reasons and Reg 10(4) exceptions are codes.
pub fn detail_label(kind: StepKind, value: &str) -> String {
    let meaning = match (kind, value) {
        // The DfE's SEN2 return, item 4.6 (reason the EHC plan ended).
        (StepKind::Ceased, "1") => "reached the maximum age",
        (StepKind::Ceased, "2") => "needs met without a plan",
        (StepKind::Ceased, "3") => "moved on to higher education",
        (StepKind::Ceased, "4") => "moved on to paid employment",
        (StepKind::Ceased, "5") => "transferred to another LA in England",
        (StepKind::Ceased, "6") => "no longer wishes to engage",
        (StepKind::Ceased, "7") => "moved outside England",
        (StepKind::Ceased, "8") => "deceased",
        (StepKind::Ceased, "9") => "other",
        // SEN and Disability Regulations 2014, Reg 10(4).
        (StepKind::Exception, "a") => "school closed 4+ weeks",
        (StepKind::Exception, "b") => "early-years provider closed 4+ weeks",
        (StepKind::Exception, "c") => "exceptional personal circumstances",
        (StepKind::Exception, "d") => "child or family away 4+ weeks",
        _ => return value.replace('_', " "),
    };
    format!("{value} · {meaning}")
}

/// Checks a step against the child's record: allowed at this stage, dated, in order.
/// Returns the child's row as it will be after the step.
pub fn apply_step(child: &Child, steps: &[Step], entry: &StepEntry, today: NaiveDate) -> Result<Child, FieldError> {
    use StepKind::*;
    if !steps_for_stage(child.stage).contains(&entry.kind) {
        return Err(error(
            "step",
            format!("{} cannot be recorded at stage {}", entry.kind.as_str().replace('_', " "), child.stage),
        ));
    }
    past_date("date", entry.date, child, today)?;
    // The same step twice is a slip, not a second event.
    if steps.iter().any(|s| s.kind == entry.kind && s.date == entry.date && s.detail.trim() == entry.detail.trim()) {
        return Err(error(
            "step",
            format!("{} of {} is already recorded", entry.kind.as_str().replace('_', " "), human(entry.date)),
        ));
    }
    if entry.until.is_some() && entry.kind != StepKind::Exception {
        return Err(error("until", "only an exception (a)-(d) has an end date"));
    }
    let choices = detail_choices(entry.kind);
    if !choices.is_empty() && !choices.contains(&entry.detail.as_str()) {
        return Err(error("detail", format!("choose one of {}", choices.join(", "))));
    }
    let not_before = |what: &str, earlier: Option<NaiveDate>| -> Result<(), FieldError> {
        match earlier {
            Some(earlier) if entry.date < earlier => {
                Err(error("date", format!("{} is before the {what} ({})", human(entry.date), human(earlier))))
            }
            _ => Ok(()),
        }
    };
    let latest = |kind: StepKind| steps.iter().filter(|s| s.kind == kind).map(|s| s.date).max();
    let mut after = child.clone();
    match entry.kind {
        AssessDecision => {
            not_before("request", child.request_date)?;
            after.assess_decision_date = Some(entry.date);
            after.stage = if entry.detail == "agreed" { Stage::Assessment } else { Stage::Ceased };
        }
        AdviceRequested => not_before("decision to assess", child.assess_decision_date)?,
        AdviceReceived => {
            let asked =
                steps.iter().filter(|s| s.kind == AdviceRequested && s.detail == entry.detail).map(|s| s.date).max();
            if asked.is_none() {
                return Err(error("detail", format!("no {} advice was requested", entry.detail.replace('_', " "))));
            }
            not_before("advice request", asked)?;
        }
        IssueDecision => {
            not_before("decision to assess", child.assess_decision_date)?;
            if entry.detail == "declined" {
                after.stage = Stage::Ceased;
            }
        }
        DraftSent => {
            not_before("decision to assess", child.assess_decision_date)?;
            after.draft_date = Some(entry.date);
            after.stage = Stage::Draft;
        }
        FinalIssued => {
            let draft = child.draft_date.ok_or_else(|| error("step", "no draft plan has been sent"))?;
            // Reg 13(1): at least 15 days for comments, beginning with the day the draft was served.
            let earliest = draft.checked_add_days(Days::new(15)).unwrap_or(draft);
            if entry.date < earliest {
                return Err(error(
                    "date",
                    format!(
                        "the family has until {} to comment on the draft of {}; the final plan can be issued from {}",
                        human(earliest.pred_opt().unwrap_or(earliest)),
                        human(draft),
                        human(earliest)
                    ),
                ));
            }
            after.plan_date = Some(entry.date);
            after.stage = Stage::Plan;
        }
        Exception => {
            not_before("request", child.request_date)?;
            match entry.until {
                Some(until) if until < entry.date => {
                    return Err(error("until", format!("{} is before the exception began", human(until))));
                }
                // Reg 10(4)(a), (b) and (d) need a continuous period of at least 4 weeks; (c),
                // exceptional personal circumstances, has no length.
                Some(until)
                    if matches!(entry.detail.trim(), "a" | "b" | "d") && (until - entry.date).num_days() + 1 < 28 =>
                {
                    let days = (until - entry.date).num_days() + 1;
                    return Err(error(
                        "until",
                        format!(
                            "{days} days from {} to {}: exception ({}) needs a continuous period of at least 4 weeks \
                             (Reg 10(4)); a shorter one is no exception",
                            human(entry.date),
                            human(until),
                            entry.detail.trim()
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    return Err(error("until", "say when the exception ended (or is expected to)"));
                }
            }
        }
        ReviewMeeting => {
            not_before("plan", child.plan_date)?;
            not_before("last review meeting", child.last_review_date)?;
            after.last_review_date = Some(entry.date);
        }
        ReviewReport | ReviewDecision => {
            let meeting = latest(ReviewMeeting).or(child.last_review_date);
            let Some(meeting) = meeting else {
                return Err(error("step", "record the review meeting first"));
            };
            not_before("review meeting", Some(meeting))?;
            // One report per review meeting.
            if entry.kind == ReviewReport
                && let Some(had) =
                    steps.iter().filter(|s| s.kind == ReviewReport && s.date >= meeting).map(|s| s.date).max()
            {
                return Err(error(
                    "step",
                    format!("the review meeting of {} already has its report ({})", human(meeting), human(had)),
                ));
            }
            // One decision per review meeting: a different one contradicts it.
            if entry.kind == ReviewDecision
                && let Some(made) =
                    steps.iter().filter(|s| s.kind == ReviewDecision && s.date >= meeting).max_by_key(|s| s.date)
            {
                return Err(error(
                    "detail",
                    format!(
                        "the review meeting of {} already has its decision ({}, {}); a different one needs a new \
                         review meeting",
                        human(meeting),
                        made.detail,
                        human(made.date)
                    ),
                ));
            }
        }
        AmendmentsProposed => {
            not_before("plan", child.plan_date)?;
            // Amendments follow a review (Reg 22): a plan never reviewed has nothing to amend from.
            let reviewed = latest(ReviewMeeting).or(child.last_review_date);
            let Some(reviewed) = reviewed else {
                return Err(error("step", "this plan has not been reviewed: record the review meeting first"));
            };
            // An amended plan already followed the last review: the next amendments follow a new one.
            if let Some(issued) = latest(AmendedIssued).filter(|issued| *issued >= reviewed) {
                return Err(error(
                    "step",
                    format!(
                        "the amended plan of {} followed the review of {}: record a new review meeting first",
                        human(issued),
                        human(reviewed)
                    ),
                ));
            }
            not_before("amendments proposed earlier", latest(AmendmentsProposed))?;
        }
        AmendedIssued => {
            let (proposed, _) = crate::domain::milestones::amendments_proposed(steps)
                .ok_or_else(|| error("step", "no amendments have been proposed (nor a review decision to amend)"))?;
            not_before("proposed amendments", Some(proposed))?;
            if let Some(issued) = latest(AmendedIssued).filter(|issued| *issued >= proposed) {
                return Err(error(
                    "step",
                    format!(
                        "the amended plan was issued on {} for the amendments of {}",
                        human(issued),
                        human(proposed)
                    ),
                ));
            }
            // Reg 22(3): the family has 15 days from the proposals to make representations.
            let earliest = proposed.checked_add_days(Days::new(15)).unwrap_or(proposed);
            if entry.date < earliest {
                return Err(error(
                    "date",
                    format!(
                        "the family has until {} to respond to the amendments proposed on {} (Reg 22(3)); the amended \
                         plan can be issued from {}",
                        human(earliest.pred_opt().unwrap_or(earliest)),
                        human(proposed),
                        human(earliest)
                    ),
                ));
            }
        }
        Ceased => {
            not_before("plan", child.plan_date)?;
            after.stage = Stage::Ceased;
        }
    }
    Ok(after)
}

/// What a step that closes the case will do, to be confirmed before it is saved: ceasing a plan,
/// or a decision not to assess or not to issue.
pub fn confirmation_needed(child: &Child, step: &StepEntry) -> Option<String> {
    let name = child.full_name();
    match step.kind {
        StepKind::Ceased => {
            let reason = detail_label(step.kind, &step.detail);
            Some(format!("This ceases {name}'s plan (SEN2 reason {reason}); the case leaves the caseload."))
        }
        StepKind::AssessDecision | StepKind::IssueDecision if step.detail == "declined" => Some(format!(
            "A decision not to proceed closes {name}'s case; the family must be told of their right to appeal."
        )),
        _ => None,
    }
}

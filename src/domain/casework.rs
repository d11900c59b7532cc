//! Casework entries and the rules they must satisfy before anything is saved. Pure: the store
//! writes what these functions accept, and the interface shows their errors beside the field.

use chrono::{Days, NaiveDate};

use super::calendar::Calendar;
use super::model::*;

/// What an officer records about a contact with a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactEntry {
    /// A message to ring back: opens a `call_back` (2 working days by default).
    PhoneMessage,
    Call,
    /// An email to answer: opens an `email_reply` (5 working days by default).
    EmailReceived,
    EmailSent,
    Letter,
    Meeting,
    Note,
}

impl ContactEntry {
    pub const ALL: [ContactEntry; 7] = [
        ContactEntry::PhoneMessage,
        ContactEntry::Call,
        ContactEntry::EmailReceived,
        ContactEntry::EmailSent,
        ContactEntry::Letter,
        ContactEntry::Meeting,
        ContactEntry::Note,
    ];

    /// The command-line word.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactEntry::PhoneMessage => "phone-message",
            ContactEntry::Call => "call",
            ContactEntry::EmailReceived => "email-received",
            ContactEntry::EmailSent => "email-sent",
            ContactEntry::Letter => "letter",
            ContactEntry::Meeting => "meeting",
            ContactEntry::Note => "note",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactEntry::PhoneMessage => "phone message (to call back)",
            ContactEntry::Call => "call",
            ContactEntry::EmailReceived => "email received (to answer)",
            ContactEntry::EmailSent => "email sent",
            ContactEntry::Letter => "letter",
            ContactEntry::Meeting => "meeting",
            ContactEntry::Note => "note",
        }
    }

    pub fn parse(text: &str) -> Option<ContactEntry> {
        ContactEntry::ALL.into_iter().find(|e| e.as_str() == text.trim().to_ascii_lowercase().replace('_', "-"))
    }

    /// The history entry it makes.
    pub fn event_kind(self) -> EventKind {
        match self {
            ContactEntry::PhoneMessage | ContactEntry::Call => EventKind::Call,
            ContactEntry::EmailReceived | ContactEntry::EmailSent => EventKind::Email,
            ContactEntry::Letter => EventKind::Letter,
            ContactEntry::Meeting => EventKind::Meeting,
            ContactEntry::Note => EventKind::Note,
        }
    }

    /// The contact it opens, if it needs an answer.
    pub fn opens(self) -> Option<ContactKind> {
        match self {
            ContactEntry::PhoneMessage => Some(ContactKind::PhoneMessage),
            ContactEntry::EmailReceived => Some(ContactKind::EmailReceived),
            _ => None,
        }
    }
}

/// A problem with one field of an entry: shown beside that field, and nothing is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError { field, message: message.into() }
}

fn human(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// A date that has happened: not after today, not before the child was born.
fn past_date(field: &'static str, date: NaiveDate, child: &Child, today: NaiveDate) -> Result<(), FieldError> {
    if date > today {
        return Err(error(field, format!("{} is in the future", human(date))));
    }
    if date < child.date_of_birth {
        return Err(error(field, format!("{} is before {} was born", human(date), child.first_name)));
    }
    Ok(())
}

pub fn validate_contact(child: &Child, date: NaiveDate, summary: &str, today: NaiveDate) -> Result<(), FieldError> {
    past_date("date", date, child, today)?;
    if summary.trim().is_empty() {
        return Err(error("summary", "say what it was about"));
    }
    Ok(())
}

/// Answering (or promising an answer to) an open contact.
pub fn validate_answer(contact: &Contact, date: NaiveDate, today: NaiveDate) -> Result<(), FieldError> {
    if contact.answered.is_some() {
        return Err(error("contact", "already answered"));
    }
    if date > today {
        return Err(error("date", format!("{} is in the future", human(date))));
    }
    if date < contact.received {
        return Err(error(
            "date",
            format!("{} is before the contact was received ({})", human(date), human(contact.received)),
        ));
    }
    Ok(())
}

/// Telling the family when to expect an answer: a date after today.
pub fn validate_promise(
    contact: &Contact,
    date: NaiveDate,
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if contact.answered.is_some() {
        return Err(error("contact", "already answered"));
    }
    if date <= today {
        return Err(error("date", "the date the family can expect an answer must be after today"));
    }
    if !calendar.is_working_day(date) {
        return Err(error("date", format!("{} is not a working day", date.format("%A %-d %b %Y"))));
    }
    Ok(())
}

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
        Stage::Draft => &[FinalIssued, Exception],
        Stage::Plan => &[ReviewMeeting, ReviewReport, ReviewDecision, AmendmentsProposed, AmendedIssued, Ceased],
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
            if meeting.is_none() {
                return Err(error("step", "record the review meeting first"));
            }
            not_before("review meeting", meeting)?;
        }
        AmendmentsProposed => not_before("plan", child.plan_date)?,
        AmendedIssued => {
            let proposed =
                latest(AmendmentsProposed).ok_or_else(|| error("step", "no amendments have been proposed"))?;
            not_before("proposed amendments", Some(proposed))?;
        }
        Ceased => {
            not_before("plan", child.plan_date)?;
            after.stage = Stage::Ceased;
        }
    }
    Ok(after)
}

/// What a panel can be asked at each stage, the usual question first.
pub fn panel_questions_for(stage: Stage) -> &'static [PanelQuestion] {
    use PanelQuestion::*;
    match stage {
        Stage::Request => &[Assess],
        Stage::Assessment => &[IssuePlan, Placement, Band],
        Stage::Draft => &[Placement, Band],
        Stage::Plan => &[Amend, Placement, Band],
        Stage::Ceased => &[],
    }
}

/// Putting a child to a panel: a question that fits the child's stage, a panel on a working
/// day still to come, the papers listed, and not while another panel is still to decide.
pub fn validate_submission(
    child: &Child,
    panel_date: NaiveDate,
    question: PanelQuestion,
    papers: &str,
    existing: &[PanelSubmission],
    calendar: &Calendar,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if child.stage == Stage::Ceased {
        return Err(error("child", "the plan has ceased"));
    }
    let questions = panel_questions_for(child.stage);
    if !questions.contains(&question) {
        let ask: Vec<String> = questions.iter().map(|q| q.as_str().replace('_', " ")).collect();
        return Err(error(
            "question",
            format!("not a question for stage {}; at this stage ask {}", child.stage, ask.join(", ")),
        ));
    }
    if panel_date < today {
        return Err(error("panel date", format!("{} has passed; choose a coming panel", human(panel_date))));
    }
    if !calendar.is_working_day(panel_date) {
        return Err(error("panel date", format!("{} is not a working day", panel_date.format("%A %-d %b %Y"))));
    }
    if papers.trim().is_empty() {
        return Err(error("papers", "list the papers going to the panel"));
    }
    if existing.iter().any(|p| p.child_id == child.id && p.panel_date == panel_date) {
        return Err(error("panel date", format!("already submitted to the panel of {}", human(panel_date))));
    }
    if let Some(waiting) = existing.iter().find(|p| p.child_id == child.id && p.outcome.is_none()) {
        return Err(error(
            "panel date",
            format!(
                "already waiting for the panel of {} ({}); record its decision first",
                human(waiting.panel_date),
                waiting.question.as_str().replace('_', " ")
            ),
        ));
    }
    Ok(())
}

/// Recording what a panel decided and that the family was told.
pub fn validate_panel_decision(
    panel: &PanelSubmission,
    outcome: Option<PanelOutcome>,
    info_needed: &str,
    sent: Option<(NaiveDate, &str)>,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if panel.panel_date > today {
        return Err(error(
            "outcome",
            format!("the panel meets on {}; record its decision after that", human(panel.panel_date)),
        ));
    }
    let outcome = outcome.or(panel.outcome).ok_or_else(|| error("outcome", "record the panel's decision first"))?;
    if outcome == PanelOutcome::Deferred && info_needed.trim().is_empty() && panel.info_needed.trim().is_empty() {
        return Err(error("needs", "say what information the panel needs"));
    }
    if let Some((date, how)) = sent {
        if date > today {
            return Err(error("sent", format!("{} is in the future", human(date))));
        }
        if date < panel.panel_date {
            return Err(error(
                "sent",
                format!("{} is before the panel met ({})", human(date), human(panel.panel_date)),
            ));
        }
        if how.trim().is_empty() {
            return Err(error("how", "say how the family was told"));
        }
    }
    Ok(())
}

/// Changes to a child's details, checked; returns the row as it will be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailsEntry {
    pub setting: Option<String>,
    pub postcode: Option<String>,
    pub primary_need: Option<Need>,
    pub band: Option<u8>,
    pub year_group_override: Option<i32>,
}

/// A UK postcode in its usual form ("ng7 2rd" → "NG7 2RD"), or `None` if it is not shaped
/// like one: an outward code (A9, A99, AA9, AA99, A9A, AA9A) then an inward code (9AA).
pub fn normalise_postcode(text: &str) -> Option<String> {
    let compact: String = text.split_whitespace().collect::<String>().to_ascii_uppercase();
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let shape: String = outward
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_alphabetic() {
                'A'
            } else {
                '?'
            }
        })
        .collect();
    let outward_ok = matches!(shape.as_str(), "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A");
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

/// Children are taught at most this many years out of their age group.
const MAX_YEARS_OUT_OF_GROUP: i32 = 2;

pub fn apply_details(child: &Child, entry: &DetailsEntry, bands: u8, today: NaiveDate) -> Result<Child, FieldError> {
    if let Some(band) = entry.band
        && !(1..=bands).contains(&band)
    {
        return Err(error("band", format!("bands run from 1 to {bands}")));
    }
    if let Some(year) = entry.year_group_override
        && !(-1..=14).contains(&year)
    {
        return Err(error("year group", "choose Nursery to Year 14, or as for their age"));
    }
    if entry.year_group_override != child.year_group_override {
        let expected =
            super::year_group::year_group_in(child.date_of_birth, super::year_group::academic_year_start(today));
        if let Some(year) = entry.year_group_override
            && (year - expected).abs() > MAX_YEARS_OUT_OF_GROUP
        {
            return Err(error(
                "year group",
                format!(
                    "{} is {} years from their age group ({}); at most {MAX_YEARS_OUT_OF_GROUP} out of year group",
                    super::year_group::year_group_label(year),
                    (year - expected).abs(),
                    super::year_group::year_group_label(expected)
                ),
            ));
        }
    }
    let clean = |text: &Option<String>| text.as_ref().map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let mut after = child.clone();
    after.setting = clean(&entry.setting);
    after.postcode = match clean(&entry.postcode) {
        // An imported postcode that was never checked may stay as it is until someone edits it.
        Some(text) if Some(&text) == child.postcode.as_ref() => Some(text),
        Some(text) => Some(
            normalise_postcode(&text)
                .ok_or_else(|| error("postcode", format!("\"{text}\" is not a UK postcode (like NG7 2RD)")))?,
        ),
        None => None,
    };
    after.primary_need = entry.primary_need;
    after.band = entry.band;
    after.year_group_override = entry.year_group_override;
    if after == *child {
        return Err(error("details", "nothing has changed"));
    }
    Ok(after)
}

/// "band 3 → 5; setting … → …": what changed, for the case history.
pub fn describe_changes(before: &Child, after: &Child) -> String {
    let show = |v: Option<String>| v.unwrap_or_else(|| "none".to_string());
    let mut parts = Vec::new();
    if before.band != after.band {
        parts.push(format!(
            "band {} → {}",
            show(before.band.map(|b| b.to_string())),
            show(after.band.map(|b| b.to_string()))
        ));
    }
    if before.setting != after.setting {
        parts.push(format!("setting {} → {}", show(before.setting.clone()), show(after.setting.clone())));
    }
    if before.primary_need != after.primary_need {
        parts.push(format!(
            "primary need {} → {}",
            show(before.primary_need.map(|n| n.to_string())),
            show(after.primary_need.map(|n| n.to_string()))
        ));
    }
    if before.year_group_override != after.year_group_override {
        let year = |y: Option<i32>| y.map_or_else(|| "as for age".to_string(), super::year_group::year_group_label);
        parts.push(format!("year group {} → {}", year(before.year_group_override), year(after.year_group_override)));
    }
    if before.postcode != after.postcode {
        parts.push(format!("postcode {} → {}", show(before.postcode.clone()), show(after.postcode.clone())));
    }
    format!("Details changed: {}.", parts.join("; "))
}

/// A mediation or appeal as it now stands, checked; returns the record to save.
pub fn apply_dispute(
    child: &Child,
    before: &Dispute,
    after: &Dispute,
    today: NaiveDate,
) -> Result<Dispute, FieldError> {
    let happened = |field: &'static str, date: Option<NaiveDate>| -> Result<(), FieldError> {
        match date {
            Some(date) if date > today => Err(error(field, format!("{} is in the future", human(date)))),
            Some(date) if date < before.registered => {
                Err(error(field, format!("{} is before the dispute began ({})", human(date), human(before.registered))))
            }
            _ => Ok(()),
        }
    };
    // A hearing or mediation meeting may be booked ahead; the rest has happened.
    if let Some(hearing) = after.hearing.filter(|h| *h < before.registered) {
        return Err(error("hearing", format!("{} is before the dispute began", human(hearing))));
    }
    happened("responded", after.responded)?;
    happened("order date", after.order_date)?;
    happened("complied", after.complied)?;
    happened("closed", after.closed)?;
    if after.kind == DisputeKind::Mediation && (after.order_kind.is_some() || after.responded.is_some()) {
        return Err(error("order", "mediation has no tribunal order or response; register an appeal"));
    }
    if after.order_kind.is_some() != after.order_date.is_some() {
        return Err(error("order date", "an order needs both what was ordered and its date"));
    }
    if after.complied.is_some() && after.order_kind.is_none() {
        return Err(error("complied", "there is no order to comply with"));
    }
    if let (Some(order), Some(done)) = (after.order_date, after.complied)
        && done < order
    {
        return Err(error("complied", format!("{} is before the order ({})", human(done), human(order))));
    }
    let _ = child;
    if after == before {
        return Err(error("dispute", "nothing has changed"));
    }
    Ok(after.clone())
}

/// Registering a mediation request or an appeal.
pub fn validate_new_dispute(
    child: &Child,
    kind: DisputeKind,
    date: NaiveDate,
    detail: &str,
    existing: &[Dispute],
    today: NaiveDate,
) -> Result<(), FieldError> {
    past_date("date", date, child, today)?;
    // A mediation is about a decision or part of the plan; the mediator and the family need to know which.
    if kind == DisputeKind::Mediation && detail.trim().is_empty() {
        return Err(error("detail", "say what the mediation is about (e.g. refusal to assess, section I)"));
    }
    if existing.iter().any(|d| d.child_id == child.id && d.kind == kind && d.closed.is_none()) {
        return Err(error("kind", format!("{} already has an open {kind}; update it instead", child.first_name)));
    }
    Ok(())
}

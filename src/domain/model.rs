//! The records of a SEND service, as plain data shared by the rules engine, the store and the UI.
//!
//! Enums carry their interchange spelling (`as_str`/`parse`), so the CSV format, the database
//! and the JSON output all use the same words.

use chrono::NaiveDate;
use serde::Serialize;

pub use super::absence::{Absence, AbsenceKind, Cover, HandTo, Handover, HandoverItem, RotaEntry};

/// Defines a string-backed enum with `ALL`, `as_str`, `parse` (case-insensitive) and `Display`.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// Parses the interchange word, ignoring ASCII case and surrounding spaces.
            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(text))
            }

            /// The accepted words joined with ", " (for error messages).
            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("\"{text}\" is not one of {}", $name::choices()))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use word_enum;

word_enum!(
    /// What a member of staff may do.
    Role {
        Officer => "officer",
        Senior => "senior",
        Manager => "manager",
        Admin => "admin",
    }
);

impl Role {
    /// As a sentence says it: "a senior", "business support".
    pub fn described(self) -> &'static str {
        match self {
            Role::Officer => "an officer",
            Role::Senior => "a senior",
            Role::Manager => "a manager",
            Role::Admin => "business support",
        }
    }
}

word_enum!(
    /// Where a child is in the statutory process.
    Stage {
        Request => "request",
        Assessment => "assessment",
        Draft => "draft",
        Plan => "plan",
        Ceased => "ceased",
    }
);

impl Stage {
    /// Request, assessment and draft: the 20 weeks are running.
    pub fn is_open_request(self) -> bool {
        matches!(self, Stage::Request | Stage::Assessment | Stage::Draft)
    }
    /// Counts towards an officer's caseload (DOMAIN.md: a ceased plan leaves it).
    pub fn is_active(self) -> bool {
        self != Stage::Ceased
    }
}

word_enum!(
    /// SEN2 primary need codes (FORMAT.md), plus NSA.
    Need {
        Asd => "ASD",
        Slcn => "SLCN",
        Semh => "SEMH",
        Spld => "SPLD",
        Mld => "MLD",
        Sld => "SLD",
        Pmld => "PMLD",
        Pd => "PD",
        Hi => "HI",
        Vi => "VI",
        Msi => "MSI",
        Ds => "DS",
        Oth => "OTH",
        Nsa => "NSA",
    }
);

word_enum!(
    /// Kinds of case history event (events.csv).
    EventKind {
        Note => "note",
        Call => "call",
        Email => "email",
        Letter => "letter",
        Meeting => "meeting",
        Panel => "panel",
        Review => "review",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Staff {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub team: String,
    /// Operating-system user name, when known.
    pub login: Option<String>,
}

/// A child or young person, with the case dates the interchange format carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Child {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: NaiveDate,
    pub postcode: Option<String>,
    pub setting: Option<String>,
    pub primary_need: Option<Need>,
    /// `staff.id` of the allocated case officer; `None` = unallocated.
    pub officer: Option<String>,
    pub stage: Stage,
    /// Request for an EHC needs assessment received (week 0 of the 20 weeks).
    pub request_date: Option<NaiveDate>,
    pub assess_decision_date: Option<NaiveDate>,
    pub draft_date: Option<NaiveDate>,
    /// Final plan first issued.
    pub plan_date: Option<NaiveDate>,
    /// Last annual review meeting.
    pub last_review_date: Option<NaiveDate>,
    /// Top-up funding band 1–9.
    pub band: Option<u8>,
    /// National Curriculum year when taught out of year group (e.g. a summer-born late start).
    pub year_group_override: Option<i32>,
}

impl Child {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// One entry of case history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseEvent {
    pub child_id: String,
    pub date: NaiveDate,
    pub kind: EventKind,
    pub staff_id: Option<String>,
    pub summary: String,
}

word_enum!(
    /// A dated statutory step beyond the dates held on the child's row.
    StepKind {
        AssessDecision => "assess_decision",
        AdviceRequested => "advice_requested",
        AdviceReceived => "advice_received",
        IssueDecision => "issue_decision",
        DraftSent => "draft_sent",
        FinalIssued => "final_issued",
        ReviewMeeting => "review_meeting",
        ReviewReport => "review_report",
        ReviewDecision => "review_decision",
        AmendmentsProposed => "amendments_proposed",
        AmendedIssued => "amended_issued",
        Ceased => "ceased",
        Exception => "exception",
    }
);

word_enum!(
    /// Who is asked for advice during an assessment (Reg 6).
    AdviceKind {
        Education => "education",
        Health => "health",
        SocialCare => "social_care",
        EducationalPsychologist => "educational_psychologist",
        Other => "other",
    }
);

word_enum!(
    /// The exceptions to the 20 weeks, Reg 10(4)(a)–(d).
    ExceptionKind {
        SchoolClosure => "a",
        EarlyYearsClosure => "b",
        PersonalCircumstances => "c",
        AwayFromArea => "d",
    }
);

word_enum!(
    ReviewOutcome {
        Maintain => "maintain",
        Amend => "amend",
        Cease => "cease",
    }
);

/// A statutory step recorded for a child. `detail` depends on `kind`:
/// - `assess_decision`, `issue_decision`: `agreed` or `declined`;
/// - `advice_requested`, `advice_received`: an [`AdviceKind`] word;
/// - `review_decision`: a [`ReviewOutcome`] word;
/// - `ceased`: the SEN2 reason code 1–9;
/// - `exception`: an [`ExceptionKind`] letter, with `until` the end of the exception;
/// - others: free text (may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub id: i64,
    pub child_id: String,
    pub kind: StepKind,
    pub date: NaiveDate,
    pub until: Option<NaiveDate>,
    pub detail: String,
    /// Staff id of whoever recorded it, when known.
    pub recorded_by: Option<String>,
}

word_enum!(
    /// A contact that the service standards say must be answered.
    ContactKind {
        PhoneMessage => "phone_message",
        EmailReceived => "email_received",
    }
);

impl ContactKind {
    /// What people call it: "phone message", "email".
    pub fn noun(self) -> &'static str {
        match self {
            ContactKind::PhoneMessage => "phone message",
            ContactKind::EmailReceived => "email",
        }
    }
}

/// An open (or answered) contact with a family: a phone message or email to answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub id: i64,
    pub child_id: String,
    pub kind: ContactKind,
    pub received: NaiveDate,
    pub summary: String,
    /// The date the family was told to expect an answer, when more time is needed.
    pub promised: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
    /// Who took it.
    pub staff_id: Option<String>,
    /// Who answered it (on cover, perhaps).
    pub answered_by: Option<String>,
    /// What was said when it was answered.
    pub answer: String,
}

word_enum!(
    PanelQuestion {
        Assess => "assess",
        IssuePlan => "issue_plan",
        Amend => "amend",
        Placement => "placement",
        Band => "band",
    }
);

word_enum!(
    PanelOutcome {
        Agreed => "agreed",
        Declined => "declined",
        Deferred => "deferred",
    }
);

/// A case put to a multi-professional panel, and what it decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PanelSubmission {
    pub id: i64,
    pub child_id: String,
    pub panel_date: NaiveDate,
    pub question: PanelQuestion,
    pub papers: String,
    pub submitted_by: Option<String>,
    pub outcome: Option<PanelOutcome>,
    /// What the panel needs before it decides (deferred cases).
    pub info_needed: String,
    pub decision_sent: Option<NaiveDate>,
    pub sent_how: String,
    /// The earlier submission this one resubmits.
    pub resubmission_of: Option<i64>,
}

word_enum!(
    DisputeKind {
        Mediation => "mediation",
        Appeal => "appeal",
    }
);

word_enum!(
    /// What a tribunal ordered the LA to do (Reg 44).
    OrderKind {
        Amend => "amend",
        Setting => "setting",
        MakePlan => "make_plan",
        Assess => "assess",
    }
);

/// A mediation or an appeal to the SEND tribunal, and how far it has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dispute {
    pub id: i64,
    pub child_id: String,
    pub kind: DisputeKind,
    /// Mediation requested, or the appeal registered with the tribunal.
    pub registered: NaiveDate,
    /// The mediation meeting, or the tribunal hearing.
    pub hearing: Option<NaiveDate>,
    /// The LA's response to the appeal.
    pub responded: Option<NaiveDate>,
    pub order_kind: Option<OrderKind>,
    pub order_date: Option<NaiveDate>,
    /// The order carried out.
    pub complied: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    pub detail: String,
}

/// A weekly phone-surgery block of an officer's, split into 15-minute call-backs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurgerySlot {
    pub id: i64,
    pub officer_id: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub start: chrono::NaiveTime,
    pub minutes: u32,
}

/// A call-back booked into a surgery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Booking {
    pub id: i64,
    pub officer_id: String,
    pub date: NaiveDate,
    pub start: chrono::NaiveTime,
    pub child_id: Option<String>,
    pub caller_number: String,
    pub query: String,
    pub booked_by: Option<String>,
    /// The day the call was made, and what was said.
    pub made: Option<NaiveDate>,
    pub said: String,
}

word_enum!(
    /// Who asked for an EHC needs assessment.
    Requester {
        Parent => "parent",
        YoungPerson => "young_person",
        School => "school",
        Professional => "professional",
    }
);

impl Requester {
    /// As people say it.
    pub fn label(self) -> &'static str {
        match self {
            Requester::Parent => "a parent",
            Requester::YoungPerson => "the young person",
            Requester::School => "the school or setting",
            Requester::Professional => "another professional",
        }
    }
}

/// A request for an EHC needs assessment, as received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    pub id: i64,
    pub child_id: String,
    pub received: NaiveDate,
    pub requested_by: Requester,
    pub recorded_by: Option<String>,
}

/// Who held a child, from when to when, and why it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation {
    pub id: i64,
    pub child_id: String,
    /// `None`: unallocated.
    pub officer_id: Option<String>,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub reason: String,
    pub by_staff: Option<String>,
}

word_enum!(
    /// Work the product sets someone to do (`tell_new_officer`: tell the family and school who
    /// their new officer is).
    TaskKind {
        TellNewOfficer => "tell_new_officer",
        TellCover => "tell_cover",
    }
);

/// A to-do on a child's case, due by a service standard and shown until done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    pub id: i64,
    pub child_id: String,
    pub kind: TaskKind,
    pub created: NaiveDate,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    /// Who it is for.
    pub staff_id: Option<String>,
    /// What it is about ("now with Theo Brown").
    pub detail: String,
}

/// A record that belongs to one child (a step, a contact, a panel case, a dispute…).
pub trait ChildRecord {
    fn child_id(&self) -> &str;
}

macro_rules! child_record {
    ($($t:ty),+) => {$(
        impl ChildRecord for $t {
            fn child_id(&self) -> &str {
                &self.child_id
            }
        }
    )+};
}
child_record!(Step, Contact, PanelSubmission, Dispute, CaseEvent, Request, Allocation, Task);

/// An editable record, named for its version: every save bumps it, and a save made from a copy
/// older than the record is refused rather than overwriting a colleague's change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Child(String),
    Contact(i64),
    Panel(i64),
    Dispute(i64),
    Task(i64),
    Absence(i64),
    /// A member of staff's own settings (their weekly surgeries).
    Staff(String),
}

/// A whole authority's records as loaded into memory (case history is loaded per child).
#[derive(Debug, Clone, Default)]
pub struct County {
    pub staff: Vec<Staff>,
    pub children: Vec<Child>,
    pub steps: Vec<Step>,
    pub contacts: Vec<Contact>,
    pub absences: Vec<Absence>,
    pub panels: Vec<PanelSubmission>,
    pub slots: Vec<SurgerySlot>,
    pub bookings: Vec<Booking>,
    pub disputes: Vec<Dispute>,
    pub requests: Vec<Request>,
    pub allocations: Vec<Allocation>,
    pub tasks: Vec<Task>,
    pub covers: Vec<Cover>,
    pub rota: Vec<RotaEntry>,
    pub handovers: Vec<Handover>,
    /// The version of each editable record, as loaded.
    pub versions: std::collections::HashMap<RecordRef, i64>,
}

/// What colleagues changed since a session last looked: the children named, read again with all
/// their records, and the whole lists that changed. With `everything`, the county is read again.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// The last change read: the next look starts after it.
    pub seen: i64,
    /// So much changed (an import, say) that the county should be read again.
    pub everything: bool,
    /// The children changed; those missing from `children` are no longer on file.
    pub child_ids: Vec<String>,
    pub children: Vec<Child>,
    pub steps: Vec<Step>,
    pub contacts: Vec<Contact>,
    pub panels: Vec<PanelSubmission>,
    pub disputes: Vec<Dispute>,
    pub requests: Vec<Request>,
    pub allocations: Vec<Allocation>,
    pub tasks: Vec<Task>,
    pub staff: Option<Vec<Staff>>,
    pub slots: Option<Vec<SurgerySlot>>,
    pub bookings: Option<Vec<Booking>>,
    pub absences: Option<Vec<Absence>>,
    pub covers: Option<Vec<Cover>>,
    pub rota: Option<Vec<RotaEntry>>,
    pub handovers: Option<Vec<Handover>>,
    /// The versions of the records read again.
    pub versions: Vec<(RecordRef, i64)>,
}

impl Changes {
    /// The staff list changed (someone's team, say).
    pub fn staff_changed(&self) -> bool {
        self.staff.is_some()
    }

    pub fn is_empty(&self) -> bool {
        !self.everything
            && self.child_ids.is_empty()
            && self.staff.is_none()
            && self.slots.is_none()
            && self.bookings.is_none()
            && self.absences.is_none()
            && self.covers.is_none()
            && self.rota.is_none()
            && self.handovers.is_none()
    }
}

impl County {
    /// The version of `record` as loaded (0 for one never saved since import).
    pub fn version(&self, record: &RecordRef) -> i64 {
        self.versions.get(record).copied().unwrap_or(0)
    }

    /// `staff_id`'s absence on `day`, if they are away.
    pub fn away(&self, staff_id: &str, day: NaiveDate) -> Option<&Absence> {
        self.absences.iter().find(|a| a.staff_id == staff_id && a.covers(day))
    }

    /// Whether to-do `task` still asks something on `day`: telling a family who covers is moot
    /// once every cover given for the child has ended (by its date or with the absence).
    pub fn task_live(&self, task: &Task, day: NaiveDate) -> bool {
        task.done.is_some()
            || task.kind != TaskKind::TellCover
            || self.covers.iter().any(|c| {
                c.child_id == task.child_id
                    && day <= c.to
                    && c.absence_id.is_none_or(|id| self.absences.iter().any(|a| a.id == id && !a.over(day)))
            })
    }

    /// How the leave plan of `absence_id` hands over `item`, if it does.
    pub fn planned(&self, absence_id: i64, item: &super::duty::LeaveItem) -> Option<&super::absence::Handover> {
        let child_id = &self.children.get(item.child)?.id;
        self.handovers.iter().find(|h| {
            h.absence_id == absence_id && &h.child_id == child_id && h.item == item.item && h.item_ref == item.item_ref
        })
    }

    /// The cover in force for `child_id` on `day`.
    pub fn cover_for(&self, child_id: &str, day: NaiveDate) -> Option<&Cover> {
        self.covers.iter().find(|c| c.child_id == child_id && c.active(day, &self.absences))
    }

    /// What working out cover needs.
    pub fn cover_facts(&self) -> super::absence::CoverFacts<'_> {
        super::absence::CoverFacts {
            staff: &self.staff,
            absences: &self.absences,
            covers: &self.covers,
            rota: &self.rota,
            handovers: &self.handovers,
        }
    }

    /// The duty officer of `team` on `day`.
    pub fn duty_officer(&self, team: &str, day: NaiveDate) -> Option<&str> {
        super::absence::duty_officer(team, day, &self.rota, &self.staff, &self.absences)
    }
}

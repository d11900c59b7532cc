//! The casework layer, shared by the interface and the command line: for each kind of record,
//! who may record it, the rules it is checked against (`domain::casework`) and the store write.
//! One file per kind; `record` only dispatches. No terminal and no argument parsing here.

mod absence;
mod allocation;
mod arrival;
pub mod audit_words;
mod contact;
mod cover;
mod details;
mod dispute;
pub mod handback;
mod leave;
mod panel;
pub mod permissions;
mod step;
mod surgery;
mod task;

use chrono::NaiveDate;

use crate::domain::casework::FieldError;
use crate::domain::{Calendar, CaseEvent, Changes, Child, County, RecordRef, RulesConfig, Staff};
use crate::store::{Store, StoreError, Tx};
pub use absence::{AcknowledgeHandback, EndAbsence, RecordAbsence, RotaDay, SetRota, weekday_name};
pub use allocation::{Allocate, ChildMove};
pub use arrival::RegisterChild;
pub use contact::{AnswerContact, PromiseAnswer, RecordContact};
pub use cover::{EndCover, GiveCover};
pub use details::EditDetails;
pub use dispute::{RegisterDispute, UpdateDispute};
pub use leave::{PlanItem, PlanLeave};
pub use panel::{RecordPanelDecision, SubmitToPanel};
use permissions::{Holder, Work};
pub use step::RecordStep;
pub use surgery::{BookCallBack, CallBackMade, MoveCallBack, SetSurgeries};
pub use task::CompleteTask;

/// Something recorded, of any kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Contact(RecordContact),
    Answer(AnswerContact),
    Promise(PromiseAnswer),
    Step(RecordStep),
    Details(EditDetails),
    Book(BookCallBack),
    CallBackMade(CallBackMade),
    MoveCallBack(MoveCallBack),
    Surgeries(SetSurgeries),
    NewDispute(RegisterDispute),
    Dispute(UpdateDispute),
    Submit(SubmitToPanel),
    PanelDecision(RecordPanelDecision),
    Register(RegisterChild),
    Allocate(Allocate),
    Task(CompleteTask),
    Absence(RecordAbsence),
    EndAbsence(EndAbsence),
    Acknowledge(AcknowledgeHandback),
    Rota(SetRota),
    Cover(GiveCover),
    EndCover(EndCover),
    Leave(PlanLeave),
}

/// `RecordContact { .. }.into()` and the like.
macro_rules! entry_from {
    ($($variant:ident($kind:ty)),+ $(,)?) => {$(
        impl From<$kind> for Entry {
            fn from(entry: $kind) -> Entry {
                Entry::$variant(entry)
            }
        }
    )+};
}
entry_from!(
    Contact(RecordContact),
    Answer(AnswerContact),
    Promise(PromiseAnswer),
    Step(RecordStep),
    Details(EditDetails),
    Book(BookCallBack),
    CallBackMade(CallBackMade),
    MoveCallBack(MoveCallBack),
    Surgeries(SetSurgeries),
    NewDispute(RegisterDispute),
    Dispute(UpdateDispute),
    Submit(SubmitToPanel),
    PanelDecision(RecordPanelDecision),
    Register(RegisterChild),
    Allocate(Allocate),
    Task(CompleteTask),
    Absence(RecordAbsence),
    EndAbsence(EndAbsence),
    Acknowledge(AcknowledgeHandback),
    Rota(SetRota),
    Cover(GiveCover),
    EndCover(EndCover),
    Leave(PlanLeave),
);

impl Entry {
    /// The kind of record, to ask who may record it and to save it.
    fn kind(&self) -> &dyn Casework {
        match self {
            Entry::Contact(e) => e,
            Entry::Answer(e) => e,
            Entry::Promise(e) => e,
            Entry::Step(e) => e,
            Entry::Details(e) => e,
            Entry::Book(e) => e,
            Entry::CallBackMade(e) => e,
            Entry::MoveCallBack(e) => e,
            Entry::Surgeries(e) => e,
            Entry::NewDispute(e) => e,
            Entry::Dispute(e) => e,
            Entry::Submit(e) => e,
            Entry::PanelDecision(e) => e,
            Entry::Register(e) => e,
            Entry::Allocate(e) => e,
            Entry::Task(e) => e,
            Entry::Absence(e) => e,
            Entry::EndAbsence(e) => e,
            Entry::Acknowledge(e) => e,
            Entry::Rota(e) => e,
            Entry::Cover(e) => e,
            Entry::EndCover(e) => e,
            Entry::Leave(e) => e,
        }
    }

    /// The kind of work this is, for the permissions table.
    pub fn work(&self) -> Work<'_> {
        self.kind().work()
    }
}

/// One kind of casework: who may record it, and how it is checked and saved.
trait Casework {
    fn work(&self) -> Work<'_>;
    /// Checks the entry against the records as they are in the save's transaction, and writes it;
    /// says what was done.
    fn record(&self, ctx: &Ctx) -> Result<String, RecordError>;
}

#[derive(Debug)]
pub enum RecordError {
    /// The entry is wrong: nothing was saved; the field says where.
    Invalid(FieldError),
    /// The person recording may not do this (the reason says who may).
    NotAllowed(String),
    /// The record changed since the form was opened: nothing was saved.
    Stale {
        by: String,
        at: String,
    },
    /// The entry closes a case and needs confirming (a second Enter, `--confirm`); says what it does.
    Unconfirmed(String),
    Store(StoreError),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Invalid(e) => write!(f, "{e}"),
            RecordError::NotAllowed(why) => write!(f, "not allowed: {why}"),
            RecordError::Stale { by, at } => {
                write!(f, "changed by {by} at {at} since you opened it: reloaded, check and save again")
            }
            RecordError::Unconfirmed(warning) => f.write_str(warning),
            RecordError::Store(e) => write!(f, "not saved: {e}"),
        }
    }
}

impl From<FieldError> for RecordError {
    fn from(e: FieldError) -> Self {
        RecordError::Invalid(e)
    }
}

impl From<StoreError> for RecordError {
    fn from(e: StoreError) -> Self {
        RecordError::Store(e)
    }
}

/// The settings an entry is judged by.
pub struct Rules<'a> {
    /// The day the entry is checked against ("not in the future"): the real date on a
    /// database with staff logins, whatever `--today` says.
    pub today: NaiveDate,
    /// The time of day, when `today` is the real today; `None` under `--today`.
    pub now: Option<chrono::NaiveTime>,
    pub calendar: &'a Calendar,
    pub rules: &'a RulesConfig,
}

/// Checks and saves `entry` as `actor` (a staff id), in one write transaction that reads what it
/// depends on; returns a sentence saying what was done.
pub fn record(store: &mut Store, entry: &Entry, actor: &str, rules: &Rules) -> Result<String, RecordError> {
    store.write_on(Some(rules.today), |tx| {
        let staff = tx
            .staff_member(actor)?
            .ok_or_else(|| RecordError::NotAllowed(format!("{actor} is not in the staff list")))?;
        let kind = entry.kind();
        permissions::check(&staff, kind.work(), None).map_err(RecordError::NotAllowed)?;
        kind.record(&Ctx { tx, staff, rules })
    })
}

/// What a save works with: the transaction, who is saving, and the rules.
struct Ctx<'a, 'b> {
    tx: &'a Tx<'b>,
    staff: Staff,
    rules: &'a Rules<'a>,
}

impl Ctx<'_, '_> {
    fn actor(&self) -> &str {
        &self.staff.id
    }

    /// The child with `id`, as it is now, or the error that names the field.
    fn child(&self, id: &str) -> Result<Child, RecordError> {
        self.tx.child(id)?.ok_or_else(|| FieldError { field: "child", message: format!("no child has id {id}") }.into())
    }

    /// The absence with `id`, or the error that names the field.
    fn absence(&self, id: i64) -> Result<crate::domain::Absence, RecordError> {
        self.tx
            .absence(id)?
            .ok_or_else(|| FieldError { field: "absence", message: format!("no absence has id {id}") }.into())
    }

    /// The booked call-back with `id`, or the error that names the field.
    fn booking(&self, id: i64) -> Result<crate::domain::Booking, RecordError> {
        self.tx
            .booking(id)?
            .ok_or_else(|| FieldError { field: "booking", message: format!("no call-back has id {id}") }.into())
    }

    /// Whether the person saving may do `work` (not about one child).
    fn allowed(&self, work: Work) -> Result<(), RecordError> {
        permissions::check(&self.staff, work, None).map_err(RecordError::NotAllowed)
    }

    /// The member of staff with `id`, or the error that names the field.
    fn staff_member(&self, id: &str) -> Result<Staff, RecordError> {
        self.tx
            .staff_member(id)?
            .ok_or_else(|| FieldError { field: "officer", message: format!("no member of staff has id {id}") }.into())
    }

    /// Whether the person saving may do `work` on `child`, as the records stand.
    fn may(&self, work: Work, child: &Child) -> Result<(), RecordError> {
        let (staff, absences, covers, rota, handovers) =
            (self.tx.staff()?, self.tx.absences()?, self.tx.covers()?, self.tx.rota()?, self.tx.all_handovers()?);
        let facts = crate::domain::absence::CoverFacts {
            staff: &staff,
            absences: &absences,
            covers: &covers,
            rota: &rota,
            handovers: &handovers,
        };
        let holder = Holder::of(child, &facts, self.rules.today);
        permissions::check(&self.staff, work, Some(&holder)).map_err(RecordError::NotAllowed)
    }

    /// Refuses the save if `record` changed since it was `seen` (in a form opened earlier).
    fn unchanged_since(&self, record: &RecordRef, seen: Option<i64>) -> Result<(), RecordError> {
        let (Some(seen), Some(stamp)) = (seen, self.tx.stamp(record)?) else { return Ok(()) };
        if stamp.version == seen {
            return Ok(());
        }
        let by = match stamp.by.as_deref() {
            Some(id) => self.tx.staff_member(id)?.map_or_else(|| id.to_string(), |s| s.name),
            None => "someone else".to_string(),
        };
        Err(RecordError::Stale { by, at: local_time(stamp.at.as_deref()) })
    }
}

/// "14:05" in local time, from a UTC RFC 3339 stamp.
fn local_time(stamp: Option<&str>) -> String {
    stamp
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map_or_else(|| "an unknown time".to_string(), |t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
}

/// Where the interface reads what it does not hold in memory, and saves what is recorded: the
/// store, or a stand-in in tests.
pub trait Records {
    /// One child's case history, newest first.
    fn history(&self, child_id: &str) -> Result<Vec<CaseEvent>, String>;
    /// Everything, read again, with the newest change it includes.
    fn county(&self) -> Result<(County, i64), String>;
    /// What was changed after change `seen`, with the records touched read again.
    fn changes(&self, seen: i64) -> Result<Changes, String>;
    /// Notes in the audit log that `staff_id` opened `child_id`'s record.
    fn viewed(&self, child_id: &str, staff_id: &str) -> Result<(), String>;
    /// Checks and saves an entry (see `record`).
    fn save(&mut self, entry: &Entry, actor: &str, rules: &Rules) -> Result<String, RecordError>;
    /// What was done on an officer's caseload during `absence` (see `handback::handback`).
    fn handback(
        &self,
        county: &County,
        milestones: &[Vec<crate::domain::Milestone>],
        absence: &crate::domain::Absence,
        today: NaiveDate,
    ) -> Result<handback::Handback, String>;
}

impl Records for Store {
    fn history(&self, child_id: &str) -> Result<Vec<CaseEvent>, String> {
        self.events_for_child(child_id).map_err(|e| e.to_string())
    }
    fn county(&self) -> Result<(County, i64), String> {
        // The newest change first: anything saved while the county is read is read again later.
        let seen = self.last_change().map_err(|e| e.to_string())?;
        Ok((self.load_county().map_err(|e| e.to_string())?, seen))
    }
    fn handback(
        &self,
        county: &County,
        milestones: &[Vec<crate::domain::Milestone>],
        absence: &crate::domain::Absence,
        today: NaiveDate,
    ) -> Result<handback::Handback, String> {
        handback::handback(self, county, milestones, absence, today).map_err(|e| e.to_string())
    }
    fn changes(&self, seen: i64) -> Result<Changes, String> {
        self.changes_since(seen).map_err(|e| e.to_string())
    }
    fn viewed(&self, child_id: &str, staff_id: &str) -> Result<(), String> {
        self.record_view(child_id, staff_id).map_err(|e| e.to_string())
    }
    fn save(&mut self, entry: &Entry, actor: &str, rules: &Rules) -> Result<String, RecordError> {
        record(self, entry, actor, rules)
    }
}

/// "Mon 23 Nov 2026", in what the layer says it did.
/// A refusal naming the field that is wrong.
fn invalid(field: &'static str, message: impl Into<String>) -> RecordError {
    FieldError { field, message: message.into() }.into()
}

fn human(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

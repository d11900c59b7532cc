//! The casework layer, shared by the interface and the command line: for each kind of record,
//! who may record it, the rules it is checked against (`domain::casework`) and the store write.
//! One file per kind; `record` only dispatches. No terminal and no argument parsing here.

mod contact;
mod details;
mod dispute;
mod panel;
pub mod permissions;
mod step;
mod surgery;

use chrono::NaiveDate;

use crate::domain::casework::FieldError;
use crate::domain::{Calendar, CaseEvent, County, RulesConfig};
use crate::store::{Store, StoreError};
pub use contact::{AnswerContact, PromiseAnswer, RecordContact};
pub use details::EditDetails;
pub use dispute::{RegisterDispute, UpdateDispute};
pub use panel::{RecordPanelDecision, SubmitToPanel};
use permissions::Work;
pub use step::{RecordStep, check_step, needs_confirmation};
pub use surgery::{BookCallBack, SetSurgeries};

/// Something recorded, of any kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Contact(RecordContact),
    Answer(AnswerContact),
    Promise(PromiseAnswer),
    Step(RecordStep),
    Details(EditDetails),
    Book(BookCallBack),
    Surgeries(SetSurgeries),
    NewDispute(RegisterDispute),
    Dispute(UpdateDispute),
    Submit(SubmitToPanel),
    PanelDecision(RecordPanelDecision),
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
    Surgeries(SetSurgeries),
    NewDispute(RegisterDispute),
    Dispute(UpdateDispute),
    Submit(SubmitToPanel),
    PanelDecision(RecordPanelDecision),
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
            Entry::Surgeries(e) => e,
            Entry::NewDispute(e) => e,
            Entry::Dispute(e) => e,
            Entry::Submit(e) => e,
            Entry::PanelDecision(e) => e,
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
    /// Checks the entry against `county` and saves it as `actor`; says what was done.
    fn record(&self, store: &mut Store, county: &County, actor: &str, rules: &Rules) -> Result<String, RecordError>;
}

#[derive(Debug)]
pub enum RecordError {
    /// The entry is wrong: nothing was saved; the field says where.
    Invalid(FieldError),
    /// The person recording may not do this (the reason says who may).
    NotAllowed(String),
    Store(StoreError),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Invalid(e) => write!(f, "{e}"),
            RecordError::NotAllowed(why) => write!(f, "not allowed: {why}"),
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
    pub today: NaiveDate,
    /// The time of day, when `today` is the real today; `None` under `--today`.
    pub now: Option<chrono::NaiveTime>,
    pub calendar: &'a Calendar,
    pub rules: &'a RulesConfig,
}

/// Checks and saves `entry` as `actor` (a staff id); returns a sentence saying what was done.
pub fn record(
    store: &mut Store,
    county: &County,
    entry: &Entry,
    actor: &str,
    rules: &Rules,
) -> Result<String, RecordError> {
    let recorder = county
        .staff
        .iter()
        .find(|s| s.id == actor)
        .ok_or_else(|| RecordError::NotAllowed(format!("{actor} is not in the staff list")))?;
    permissions::check(recorder, entry.work()).map_err(RecordError::NotAllowed)?;
    entry.kind().record(store, county, actor, rules)
}

/// Where the interface reads what it does not hold in memory, and saves what is recorded: the
/// store, or a stand-in in tests.
pub trait Records {
    /// One child's case history, newest first.
    fn history(&self, child_id: &str) -> Result<Vec<CaseEvent>, String>;
    /// Everything, read again (after a change).
    fn county(&self) -> Result<County, String>;
    /// Checks and saves an entry (see `record`).
    fn save(&mut self, county: &County, entry: &Entry, actor: &str, rules: &Rules) -> Result<String, RecordError>;
}

impl Records for Store {
    fn history(&self, child_id: &str) -> Result<Vec<CaseEvent>, String> {
        self.events_for_child(child_id).map_err(|e| e.to_string())
    }
    fn county(&self) -> Result<County, String> {
        self.load_county().map_err(|e| e.to_string())
    }
    fn save(&mut self, county: &County, entry: &Entry, actor: &str, rules: &Rules) -> Result<String, RecordError> {
        record(self, county, entry, actor, rules)
    }
}

/// A child in `county` by id, or the error that names the field.
fn find_child<'a>(county: &'a County, id: &str) -> Result<&'a crate::domain::Child, FieldError> {
    county
        .children
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| FieldError { field: "child", message: format!("no child has id {id}") })
}

/// A member of staff in `county` by id, or the error that names the field.
fn find_staff<'a>(county: &'a County, id: &str) -> Result<&'a crate::domain::Staff, FieldError> {
    county
        .staff
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| FieldError { field: "officer", message: format!("no member of staff has id {id}") })
}

/// "Mon 23 Nov 2026", in what the layer says it did.
fn human(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

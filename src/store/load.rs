//! Reading records into memory.

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, ValueRef};

use super::{Result, Store};
use crate::domain::*;

/// A column holding one of the domain's words (role, stage, kind…).
struct Word<T>(T);

macro_rules! word_from_sql {
    ($($t:ty),+) => {$(
        impl FromSql for Word<$t> {
            fn column_result(value: ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                <$t>::parse(text).map(Word).ok_or_else(|| FromSqlError::Other(format!("unknown word {text:?}").into()))
            }
        }
    )+};
}
word_from_sql!(
    Role,
    Stage,
    Need,
    EventKind,
    StepKind,
    ContactKind,
    AbsenceKind,
    PanelQuestion,
    PanelOutcome,
    DisputeKind,
    OrderKind
);

/// The columns `contact_row` reads, in order.
pub(super) const CONTACT_COLUMNS: &str = "id, child_id, kind, received, summary, promised, answered, staff_id";

pub(super) fn contact_row(r: &Row) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        child_id: r.get(1)?,
        kind: word(r, 2)?,
        received: r.get(3)?,
        summary: r.get(4)?,
        promised: r.get(5)?,
        answered: r.get(6)?,
        staff_id: r.get(7)?,
    })
}

fn word<T>(row: &Row, index: usize) -> rusqlite::Result<T>
where
    Word<T>: FromSql,
{
    row.get::<_, Word<T>>(index).map(|w| w.0)
}

fn optional_word<T>(row: &Row, index: usize) -> rusqlite::Result<Option<T>>
where
    Word<T>: FromSql,
{
    Ok(row.get::<_, Option<Word<T>>>(index)?.map(|w| w.0))
}

impl Store {
    /// Everything but the case history.
    pub fn load_county(&self) -> Result<County> {
        let conn = &self.conn;
        let staff = conn
            .prepare("SELECT id, name, role, team, login FROM staff ORDER BY id")?
            .query_map([], |r| {
                Ok(Staff { id: r.get(0)?, name: r.get(1)?, role: word(r, 2)?, team: r.get(3)?, login: r.get(4)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let children = conn
            .prepare(
                "SELECT id, first_name, last_name, date_of_birth, postcode, setting, primary_need, officer_id, stage,
                        request_date, assess_decision_date, draft_date, plan_date, last_review_date, band,
                        year_group_override
                 FROM children ORDER BY id",
            )?
            .query_map([], |r| {
                Ok(Child {
                    id: r.get(0)?,
                    first_name: r.get(1)?,
                    last_name: r.get(2)?,
                    date_of_birth: r.get(3)?,
                    postcode: r.get(4)?,
                    setting: r.get(5)?,
                    primary_need: optional_word(r, 6)?,
                    officer: r.get(7)?,
                    stage: word(r, 8)?,
                    request_date: r.get(9)?,
                    assess_decision_date: r.get(10)?,
                    draft_date: r.get(11)?,
                    plan_date: r.get(12)?,
                    last_review_date: r.get(13)?,
                    band: r.get(14)?,
                    year_group_override: r.get(15)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let steps = conn
            .prepare(
                "SELECT id, child_id, kind, date, until, detail, recorded_by FROM steps ORDER BY child_id, date, id",
            )?
            .query_map([], |r| {
                Ok(Step {
                    id: r.get(0)?,
                    child_id: r.get(1)?,
                    kind: word(r, 2)?,
                    date: r.get(3)?,
                    until: r.get(4)?,
                    detail: r.get(5)?,
                    recorded_by: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let contacts = conn
            .prepare(&format!("SELECT {CONTACT_COLUMNS} FROM contacts ORDER BY child_id, received, id"))?
            .query_map([], contact_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let absences = conn
            .prepare(
                "SELECT id, staff_id, kind, from_date, to_date, cover_staff_id FROM absences ORDER BY from_date, id",
            )?
            .query_map([], |r| {
                Ok(Absence {
                    id: r.get(0)?,
                    staff_id: r.get(1)?,
                    kind: word(r, 2)?,
                    from: r.get(3)?,
                    to: r.get(4)?,
                    cover_staff_id: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let panels = conn
            .prepare(
                "SELECT id, child_id, panel_date, question, papers, submitted_by, outcome, info_needed,
                        decision_sent, sent_how, resubmission_of
                 FROM panel_submissions ORDER BY panel_date, id",
            )?
            .query_map([], |r| {
                Ok(PanelSubmission {
                    id: r.get(0)?,
                    child_id: r.get(1)?,
                    panel_date: r.get(2)?,
                    question: word(r, 3)?,
                    papers: r.get(4)?,
                    submitted_by: r.get(5)?,
                    outcome: optional_word(r, 6)?,
                    info_needed: r.get(7)?,
                    decision_sent: r.get(8)?,
                    sent_how: r.get(9)?,
                    resubmission_of: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let slots = conn
            .prepare(
                "SELECT id, officer_id, weekday, start, minutes FROM surgery_slots ORDER BY officer_id, weekday, start",
            )?
            .query_map([], |r| {
                Ok(SurgerySlot {
                    id: r.get(0)?,
                    officer_id: r.get(1)?,
                    weekday: r.get(2)?,
                    start: r.get(3)?,
                    minutes: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let bookings = conn
            .prepare(
                "SELECT id, officer_id, date, start, child_id, caller_number, query, booked_by FROM surgery_bookings
                 ORDER BY date, start, officer_id",
            )?
            .query_map([], |r| {
                Ok(Booking {
                    id: r.get(0)?,
                    officer_id: r.get(1)?,
                    date: r.get(2)?,
                    start: r.get(3)?,
                    child_id: r.get(4)?,
                    caller_number: r.get(5)?,
                    query: r.get(6)?,
                    booked_by: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let disputes = conn
            .prepare(
                "SELECT id, child_id, kind, registered, hearing, responded, order_kind, order_date, complied, closed, detail
                 FROM disputes ORDER BY child_id, registered, id",
            )?
            .query_map([], |r| {
                Ok(Dispute {
                    id: r.get(0)?,
                    child_id: r.get(1)?,
                    kind: word(r, 2)?,
                    registered: r.get(3)?,
                    hearing: r.get(4)?,
                    responded: r.get(5)?,
                    order_kind: optional_word(r, 6)?,
                    order_date: r.get(7)?,
                    complied: r.get(8)?,
                    closed: r.get(9)?,
                    detail: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(County { staff, children, steps, contacts, absences, panels, slots, bookings, disputes })
    }

    /// One child's case history, newest first.
    pub fn events_for_child(&self, child_id: &str) -> Result<Vec<CaseEvent>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT child_id, date, kind, staff_id, summary FROM events WHERE child_id = ?1 ORDER BY date DESC, id DESC",
        )?;
        let events = statement
            .query_map([child_id], |r| {
                Ok(CaseEvent {
                    child_id: r.get(0)?,
                    date: r.get::<_, NaiveDate>(1)?,
                    kind: word(r, 2)?,
                    staff_id: r.get(3)?,
                    summary: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(events)
    }
}

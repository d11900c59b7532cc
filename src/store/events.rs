//! Case history: notes, calls, emails, letters, meetings, panels and reviews on file. Read one
//! child at a time (a million of them at the largest authority).

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::words::word;
use super::{Result, Store};
use crate::domain::CaseEvent;

super::words::word_from_sql!(crate::domain::EventKind);

pub(super) fn insert_all(conn: &Connection, events: &[CaseEvent]) -> Result<()> {
    let mut insert =
        conn.prepare("INSERT INTO events (child_id, date, kind, staff_id, summary) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for e in events {
        insert.execute(params![e.child_id, e.date, e.kind.as_str(), e.staff_id, e.summary])?;
    }
    Ok(())
}

impl Store {
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

    pub fn event_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))? as usize)
    }
}

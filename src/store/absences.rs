//! Absences: who is away, of what kind, from when to when (open-ended until ended), and when the
//! officer, back, acknowledged what was done on their caseload meanwhile.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::audit::json as json_of;
use super::words::word;
use super::{Result, Tx};
use crate::domain::{Absence, RecordRef};

super::words::word_from_sql!(crate::domain::AbsenceKind);

const COLUMNS: &str = "id, staff_id, kind, from_date, to_date, note, recorded_by, acknowledged";

fn absence_row(r: &Row) -> rusqlite::Result<Absence> {
    Ok(Absence {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        kind: word(r, 2)?,
        from: r.get(3)?,
        to: r.get(4)?,
        note: r.get(5)?,
        recorded_by: r.get(6)?,
        acknowledged: r.get(7)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Absence>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM absences ORDER BY from_date, id"))?
        .query_map([], absence_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, absences: &[Absence]) -> Result<()> {
    let mut insert =
        conn.prepare(&format!("INSERT INTO absences ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))?;
    for a in absences {
        insert.execute(params![
            a.id,
            a.staff_id,
            a.kind.as_str(),
            a.from,
            a.to,
            a.note,
            a.recorded_by,
            a.acknowledged
        ])?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Every absence on record.
    pub fn absences(&self) -> Result<Vec<Absence>> {
        load(&self.conn)
    }

    pub fn absence(&self, id: i64) -> Result<Option<Absence>> {
        let sql = format!("SELECT {COLUMNS} FROM absences WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], absence_row).optional()?)
    }

    /// Records an absence; returns its id.
    pub fn add_absence(&self, absence: &Absence, actor: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO absences (staff_id, kind, from_date, to_date, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![absence.staff_id, absence.kind.as_str(), absence.from, absence.to, absence.note, actor],
        )?;
        let id = self.conn.last_insert_rowid();
        let after = Absence { id, recorded_by: Some(actor.to_string()), ..absence.clone() };
        let key = id.to_string();
        self.audit(actor, "add_absence", "absence", Some(&key), None, None, json_of(&after).as_ref())?;
        Ok(id)
    }

    /// Changes an absence (as read in this transaction): its end, or that its handback was read.
    pub fn update_absence(&self, before: &Absence, after: &Absence, action: &str, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE absences SET to_date = ?2, acknowledged = ?3 WHERE id = ?1",
            params![before.id, after.to, after.acknowledged],
        )?;
        self.bump(&RecordRef::Absence(before.id), actor)?;
        let key = before.id.to_string();
        self.audit(actor, action, "absence", Some(&key), None, json_of(before).as_ref(), json_of(after).as_ref())
    }

    /// Removes an absence that has not begun (recorded in error, or leave cancelled).
    pub fn cancel_absence(&self, before: &Absence, actor: &str) -> Result<()> {
        self.conn.execute("DELETE FROM absences WHERE id = ?1", [before.id])?;
        let key = before.id.to_string();
        self.audit(actor, "cancel_absence", "absence", Some(&key), None, json_of(before).as_ref(), None)
    }
}

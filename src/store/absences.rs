//! Absences: who is away, when, and who covers them.

use rusqlite::{Connection, params};

use super::words::word;
use super::{Result, Tx};
use crate::domain::Absence;

super::words::word_from_sql!(crate::domain::AbsenceKind);

pub(super) fn load(conn: &Connection) -> Result<Vec<Absence>> {
    Ok(conn
        .prepare("SELECT id, staff_id, kind, from_date, to_date, cover_staff_id FROM absences ORDER BY from_date, id")?
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
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, absences: &[Absence]) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO absences (id, staff_id, kind, from_date, to_date, cover_staff_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for a in absences {
        insert.execute(params![a.id, a.staff_id, a.kind.as_str(), a.from, a.to, a.cover_staff_id])?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Every absence on record.
    pub fn absences(&self) -> Result<Vec<Absence>> {
        load(&self.conn)
    }
}

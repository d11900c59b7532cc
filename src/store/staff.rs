//! Staff: who works in the service, their role, team and login.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::words::word;
use super::{Result, Store, Tx};
use crate::domain::Staff;

super::words::word_from_sql!(crate::domain::Role);

fn staff_row(r: &Row) -> rusqlite::Result<Staff> {
    Ok(Staff { id: r.get(0)?, name: r.get(1)?, role: word(r, 2)?, team: r.get(3)?, login: r.get(4)? })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Staff>> {
    Ok(conn
        .prepare("SELECT id, name, role, team, login FROM staff ORDER BY id")?
        .query_map([], staff_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, staff: &[Staff]) -> Result<()> {
    let mut insert = conn.prepare("INSERT INTO staff (id, name, role, team, login) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for s in staff {
        insert.execute(params![s.id, s.name, s.role.as_str(), s.team, s.login])?;
    }
    Ok(())
}

impl Store {
    /// The staff id that owns `login` or is `id`, if any.
    pub fn staff_id_for(&self, id_or_login: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM staff WHERE id = ?1 OR login = ?1 ORDER BY id = ?1 DESC LIMIT 1",
                [id_or_login],
                |r| r.get(0),
            )
            .optional()?)
    }
}

impl Tx<'_> {
    /// Everyone on the staff list.
    pub fn staff(&self) -> Result<Vec<Staff>> {
        load(&self.conn)
    }

    pub fn staff_member(&self, id: &str) -> Result<Option<Staff>> {
        Ok(self
            .conn
            .query_row("SELECT id, name, role, team, login FROM staff WHERE id = ?1", [id], staff_row)
            .optional()?)
    }
}

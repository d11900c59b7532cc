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
    /// Whether any member of staff has a login: then everyone is who their account says, and
    /// nobody may act as someone else. The demo and test databases have none.
    pub fn has_logins(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM staff WHERE coalesce(login, '') <> '')", [], |r| r.get(0))?)
    }

    /// The member of staff whose login is `login`.
    pub fn staff_with_login(&self, login: &str) -> Result<Option<Staff>> {
        Ok(self
            .conn
            .query_row("SELECT id, name, role, team, login FROM staff WHERE login = ?1", [login], staff_row)
            .optional()?)
    }

    /// The member of staff with id `id`.
    pub fn staff_member(&self, id: &str) -> Result<Option<Staff>> {
        Ok(self
            .conn
            .query_row("SELECT id, name, role, team, login FROM staff WHERE id = ?1", [id], staff_row)
            .optional()?)
    }

    /// How many are on the staff list (none in a new database).
    pub fn staff_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM staff", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// The managers' names, to say who to ask.
    pub fn manager_names(&self) -> Result<Vec<String>> {
        Ok(self
            .conn
            .prepare("SELECT name FROM staff WHERE role = 'manager' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?)
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

//! Cover: an absent officer's children given to a colleague for a period.

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

use super::audit::json as json_of;
use super::{Result, Tx};
use crate::domain::Cover;

const COLUMNS: &str = "id, child_id, officer_id, cover_id, from_date, to_date, absence_id, set_by";

fn cover_row(r: &Row) -> rusqlite::Result<Cover> {
    Ok(Cover {
        id: r.get(0)?,
        child_id: r.get(1)?,
        officer_id: r.get(2)?,
        cover_id: r.get(3)?,
        from: r.get(4)?,
        to: r.get(5)?,
        absence_id: r.get(6)?,
        set_by: r.get(7)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Cover>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM covers ORDER BY from_date, id"))?
        .query_map([], cover_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, covers: &[Cover]) -> Result<()> {
    let mut insert =
        conn.prepare(&format!("INSERT INTO covers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))?;
    for c in covers {
        insert.execute(params![c.id, c.child_id, c.officer_id, c.cover_id, c.from, c.to, c.absence_id, c.set_by])?;
    }
    Ok(())
}

impl Tx<'_> {
    pub fn covers(&self) -> Result<Vec<Cover>> {
        load(&self.conn)
    }

    /// Gives a child to a colleague for a period; returns the cover's id.
    pub fn add_cover(&self, cover: &Cover, actor: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO covers (child_id, officer_id, cover_id, from_date, to_date, absence_id, set_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![cover.child_id, cover.officer_id, cover.cover_id, cover.from, cover.to, cover.absence_id, actor],
        )?;
        let id = self.conn.last_insert_rowid();
        let after = Cover { id, set_by: Some(actor.to_string()), ..cover.clone() };
        let key = id.to_string();
        self.audit(actor, "give_cover", "cover", Some(&key), Some(&cover.child_id), None, json_of(&after).as_ref())?;
        Ok(id)
    }

    /// Ends a cover (as read in this transaction) after `last_day`.
    pub fn end_cover(&self, before: &Cover, last_day: NaiveDate, actor: &str) -> Result<()> {
        self.conn.execute("UPDATE covers SET to_date = ?2 WHERE id = ?1", params![before.id, last_day])?;
        let after = Cover { to: last_day, ..before.clone() };
        let key = before.id.to_string();
        self.audit(
            actor,
            "end_cover",
            "cover",
            Some(&key),
            Some(&before.child_id),
            json_of(before).as_ref(),
            json_of(&after).as_ref(),
        )
    }
}

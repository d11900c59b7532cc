//! Hand-overs: what an officer going on leave passes to the duty officer or a colleague.

use rusqlite::{Connection, Row, params};

use super::audit::json as json_of;
use super::words::word;
use super::{Result, Tx};
use crate::domain::Handover;

super::words::word_from_sql!(crate::domain::HandTo);
super::words::word_from_sql!(crate::domain::HandoverItem);

const COLUMNS: &str = "id, absence_id, child_id, item, item_ref, what, due, hand_to, to_staff, note";

fn handover_row(r: &Row) -> rusqlite::Result<Handover> {
    Ok(Handover {
        id: r.get(0)?,
        absence_id: r.get(1)?,
        child_id: r.get(2)?,
        item: word(r, 3)?,
        item_ref: r.get(4)?,
        what: r.get(5)?,
        due: r.get(6)?,
        to: word(r, 7)?,
        to_staff: r.get(8)?,
        note: r.get(9)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Handover>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM handovers ORDER BY due, id"))?
        .query_map([], handover_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts a hand-over, keeping its id when `with_id` (a county written whole); returns the id.
fn insert(conn: &Connection, h: &Handover, with_id: bool) -> Result<i64> {
    let id = with_id.then_some(h.id);
    conn.execute(
        &format!("INSERT INTO handovers ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        params![
            id,
            h.absence_id,
            h.child_id,
            h.item.as_str(),
            h.item_ref,
            h.what,
            h.due,
            h.to.as_str(),
            h.to_staff,
            h.note
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(super) fn insert_all(conn: &Connection, handovers: &[Handover]) -> Result<()> {
    for h in handovers {
        insert(conn, h, true)?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Every hand-over, of every leave plan.
    pub fn all_handovers(&self) -> Result<Vec<Handover>> {
        load(&self.conn)
    }

    pub fn handovers(&self, absence_id: i64) -> Result<Vec<Handover>> {
        Ok(load(&self.conn)?.into_iter().filter(|h| h.absence_id == absence_id).collect())
    }

    /// Replaces an absence's leave plan with `plan`.
    pub fn set_handovers(&self, absence_id: i64, plan: &[Handover], actor: &str) -> Result<()> {
        let before = self.handovers(absence_id)?;
        self.conn.execute("DELETE FROM handovers WHERE absence_id = ?1", [absence_id])?;
        for h in plan {
            insert(&self.conn, &Handover { absence_id, ..h.clone() }, false)?;
        }
        let key = absence_id.to_string();
        self.audit(
            actor,
            "plan_leave",
            "handover",
            Some(&key),
            None,
            json_of(&before).as_ref(),
            json_of(&plan).as_ref(),
        )
    }
}

//! Disputes: mediation and tribunal appeals, and how far each has gone.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::audit::json as json_of;
use super::words::{optional_word, word};
use super::{Result, Tx};
use crate::domain::{Dispute, RecordRef};

super::words::word_from_sql!(crate::domain::DisputeKind, crate::domain::OrderKind);

const COLUMNS: &str =
    "id, child_id, kind, registered, hearing, responded, order_kind, order_date, complied, closed, detail";

fn dispute_row(r: &Row) -> rusqlite::Result<Dispute> {
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
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Dispute>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM disputes ORDER BY child_id, registered, id"))?
        .query_map([], dispute_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, disputes: &[Dispute]) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO disputes (id, child_id, kind, registered, hearing, responded, order_kind, order_date,
             complied, closed, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for d in disputes {
        insert.execute(params![
            d.id,
            d.child_id,
            d.kind.as_str(),
            d.registered,
            d.hearing,
            d.responded,
            d.order_kind.map(super::super::domain::model::OrderKind::as_str),
            d.order_date,
            d.complied,
            d.closed,
            d.detail
        ])?;
    }
    Ok(())
}

/// One child's disputes, oldest first.
pub(super) fn of_child(conn: &Connection, child_id: &str) -> Result<Vec<Dispute>> {
    let sql = format!("SELECT {COLUMNS} FROM disputes WHERE child_id = ?1 ORDER BY registered, id");
    Ok(conn.prepare_cached(&sql)?.query_map([child_id], dispute_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Tx<'_> {
    pub fn dispute(&self, id: i64) -> Result<Option<Dispute>> {
        let sql = format!("SELECT {COLUMNS} FROM disputes WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], dispute_row).optional()?)
    }

    /// One child's disputes, oldest first.
    pub fn disputes_of(&self, child_id: &str) -> Result<Vec<Dispute>> {
        of_child(&self.conn, child_id)
    }

    /// Records a new mediation or appeal; returns its id.
    pub fn add_dispute(&self, dispute: &Dispute, actor: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO disputes (child_id, kind, registered, detail) VALUES (?1, ?2, ?3, ?4)",
            params![dispute.child_id, dispute.kind.as_str(), dispute.registered, dispute.detail],
        )?;
        let id = self.conn.last_insert_rowid();
        let after = Dispute { id, ..dispute.clone() };
        let key = id.to_string();
        self.audit(
            actor,
            "register_dispute",
            "dispute",
            Some(&key),
            Some(&after.child_id),
            None,
            json_of(&after).as_ref(),
        )?;
        Ok(id)
    }

    /// Saves how far a dispute has gone (`after`, worked out from `before` as read in this transaction).
    pub fn update_dispute(&self, before: &Dispute, after: &Dispute, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE disputes SET hearing = ?2, responded = ?3, order_kind = ?4, order_date = ?5, complied = ?6,
                 closed = ?7, detail = ?8 WHERE id = ?1",
            params![
                after.id,
                after.hearing,
                after.responded,
                after.order_kind.map(super::super::domain::model::OrderKind::as_str),
                after.order_date,
                after.complied,
                after.closed,
                after.detail
            ],
        )?;
        self.bump(&RecordRef::Dispute(after.id), actor)?;
        let key = after.id.to_string();
        self.audit(
            actor,
            "update_dispute",
            "dispute",
            Some(&key),
            Some(&after.child_id),
            json_of(before).as_ref(),
            json_of(after).as_ref(),
        )
    }
}

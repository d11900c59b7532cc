//! Disputes: mediation and tribunal appeals, and how far each has gone.

use rusqlite::{Connection, params};

use super::words::{optional_word, word};
use super::{Result, Store, audit};
use crate::domain::Dispute;

super::words::word_from_sql!(crate::domain::DisputeKind, crate::domain::OrderKind);

pub(super) fn load(conn: &Connection) -> Result<Vec<Dispute>> {
    Ok(conn
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

impl Store {
    /// Records a new mediation or appeal; returns its id.
    pub fn add_dispute(&mut self, dispute: &Dispute, actor: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO disputes (child_id, kind, registered, detail) VALUES (?1, ?2, ?3, ?4)",
            params![dispute.child_id, dispute.kind.as_str(), dispute.registered, dispute.detail],
        )?;
        let id = tx.last_insert_rowid();
        let mut after = dispute.clone();
        after.id = id;
        audit::record_change(&tx, actor, "register_dispute", "dispute", &id.to_string(), None, &after)?;
        tx.commit()?;
        Ok(id)
    }

    /// Saves how far a dispute has gone.
    pub fn update_dispute(&mut self, before: &Dispute, after: &Dispute, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
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
        audit::record_change(&tx, actor, "update_dispute", "dispute", &after.id.to_string(), Some(before), after)?;
        tx.commit()?;
        Ok(())
    }
}

//! Allocations: who held each child, from when to when, and why it changed.

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

use super::audit::json as json_of;
use super::{Result, Tx};
use crate::domain::{Allocation, Child};

const COLUMNS: &str = "id, child_id, officer_id, from_date, to_date, reason, by_staff";

fn allocation_row(r: &Row) -> rusqlite::Result<Allocation> {
    Ok(Allocation {
        id: r.get(0)?,
        child_id: r.get(1)?,
        officer_id: r.get(2)?,
        from: r.get(3)?,
        to: r.get(4)?,
        reason: r.get(5)?,
        by_staff: r.get(6)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Allocation>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM allocations ORDER BY child_id, from_date, id"))?
        .query_map([], allocation_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn of_child(conn: &Connection, child_id: &str) -> Result<Vec<Allocation>> {
    let sql = format!("SELECT {COLUMNS} FROM allocations WHERE child_id = ?1 ORDER BY from_date, id");
    Ok(conn.prepare_cached(&sql)?.query_map([child_id], allocation_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts allocations as they are; with none given, each allocated child's officer from `today`.
pub(super) fn insert_all(
    conn: &Connection,
    allocations: &[Allocation],
    children: &[Child],
    actor: Option<&str>,
    today: NaiveDate,
) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO allocations (child_id, officer_id, from_date, to_date, reason, by_staff)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    if allocations.is_empty() {
        for c in children.iter().filter(|c| c.officer.is_some()) {
            insert.execute(params![c.id, c.officer, today, None::<NaiveDate>, "imported", actor])?;
        }
    }
    for a in allocations {
        insert.execute(params![a.child_id, a.officer_id, a.from, a.to, a.reason, a.by_staff])?;
    }
    Ok(())
}

impl Tx<'_> {
    /// The allocation a child has now (the one not ended), if any.
    pub fn current_allocation(&self, child_id: &str) -> Result<Option<Allocation>> {
        Ok(of_child(&self.conn, child_id)?.into_iter().rev().find(|a| a.to.is_none()))
    }

    /// Moves a child (as read in this transaction) to `officer` from `date`: the child's row, the
    /// end of the allocation they had, the new one, an audit row. Returns the new allocation.
    pub fn allocate(
        &self,
        child: &Child,
        officer: Option<&str>,
        date: NaiveDate,
        reason: &str,
        actor: &str,
    ) -> Result<Allocation> {
        self.conn.execute("UPDATE children SET officer_id = ?2 WHERE id = ?1", params![child.id, officer])?;
        self.conn.execute(
            "UPDATE allocations SET to_date = ?2 WHERE child_id = ?1 AND to_date IS NULL",
            params![child.id, date],
        )?;
        self.conn.execute(
            "INSERT INTO allocations (child_id, officer_id, from_date, reason, by_staff) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![child.id, officer, date, reason, actor],
        )?;
        let allocation = Allocation {
            id: self.conn.last_insert_rowid(),
            child_id: child.id.clone(),
            officer_id: officer.map(str::to_string),
            from: date,
            to: None,
            reason: reason.to_string(),
            by_staff: Some(actor.to_string()),
        };
        self.bump(&crate::domain::RecordRef::Child(child.id.clone()), actor)?;
        let before = serde_json::json!({ "officer": child.officer });
        self.audit(
            actor,
            "allocate",
            "child",
            Some(&child.id),
            Some(&child.id),
            Some(&before),
            json_of(&allocation).as_ref(),
        )?;
        Ok(allocation)
    }
}

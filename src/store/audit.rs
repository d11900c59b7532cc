//! The audit log: who changed what, when, with the record before and after.

use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::Value;

use super::{Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    /// UTC, RFC 3339: when it really happened (not `--today`).
    pub at: String,
    pub staff_id: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Who did what to which record, for one audit row.
pub struct Row<'a> {
    /// The member of staff, where known.
    pub staff_id: Option<&'a str>,
    /// The operating-system account that ran the program.
    pub account: Option<&'a str>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<&'a str>,
    /// The child the change concerns, if any: other sessions read it to reload only that child.
    pub child_id: Option<&'a str>,
}

/// Adds an audit row inside the caller's transaction.
pub fn record(conn: &Connection, row: &Row, before: Option<&Value>, after: Option<&Value>) -> Result<()> {
    let at = super::words::now_utc();
    conn.execute(
        "INSERT INTO audit (at, staff_id, account, action, entity, entity_id, child_id, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![at, row.staff_id, row.account, row.action, row.entity, row.entity_id, row.child_id, before, after],
    )?;
    Ok(())
}

/// A record as JSON, for an audit row's before and after.
pub(super) fn json<T: Serialize>(record: &T) -> Option<Value> {
    serde_json::to_value(record).ok()
}

impl Store {
    /// The newest `limit` audit rows, newest first.
    pub fn audit_rows(&self, limit: usize) -> Result<Vec<AuditRow>> {
        let mut statement = self.conn.prepare(
            "SELECT id, at, staff_id, action, entity, entity_id, before, after FROM audit ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = statement
            .query_map([limit as i64], |r| {
                Ok(AuditRow {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    staff_id: r.get(2)?,
                    action: r.get(3)?,
                    entity: r.get(4)?,
                    entity_id: r.get(5)?,
                    before: r.get(6)?,
                    after: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

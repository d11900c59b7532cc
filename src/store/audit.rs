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

/// Adds an audit row inside the caller's transaction. `child_id` names the child the change
/// concerns, if any: other sessions read it to reload only that child.
#[allow(clippy::too_many_arguments)]
pub fn record(
    conn: &Connection,
    staff_id: Option<&str>,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
    child_id: Option<&str>,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<()> {
    let at = super::words::now_utc();
    conn.execute(
        "INSERT INTO audit (at, staff_id, action, entity, entity_id, child_id, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![at, staff_id, action, entity, entity_id, child_id, before, after],
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

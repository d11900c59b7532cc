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
    /// The operating-system account that ran the program.
    pub account: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    /// The child the row concerns, if any.
    pub child_id: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// The working day the change was for (the save clock's), where noted.
    pub day: Option<chrono::NaiveDate>,
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
    /// The working day the change was for (the save clock's: `--today` on a test database).
    pub day: Option<chrono::NaiveDate>,
}

/// Adds an audit row inside the caller's transaction.
pub fn record(conn: &Connection, row: &Row, before: Option<&Value>, after: Option<&Value>) -> Result<()> {
    let at = super::words::now_utc();
    conn.execute(
        "INSERT INTO audit (at, staff_id, account, action, entity, entity_id, child_id, before, after, day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            at,
            row.staff_id,
            row.account,
            row.action,
            row.entity,
            row.entity_id,
            row.child_id,
            before,
            after,
            row.day
        ],
    )?;
    Ok(())
}

fn audit_row(r: &rusqlite::Row) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        id: r.get(0)?,
        at: r.get(1)?,
        staff_id: r.get(2)?,
        account: r.get(3)?,
        action: r.get(4)?,
        entity: r.get(5)?,
        entity_id: r.get(6)?,
        child_id: r.get(7)?,
        before: r.get(8)?,
        after: r.get(9)?,
        day: r.get(10)?,
    })
}

/// A record as JSON, for an audit row's before and after.
pub(super) fn json<T: Serialize>(record: &T) -> Option<Value> {
    serde_json::to_value(record).ok()
}

/// Which audit rows to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub child_id: Option<String>,
    pub staff_id: Option<String>,
    /// From this day (UTC), inclusive.
    pub since: Option<chrono::NaiveDate>,
    /// To this day (UTC), inclusive.
    pub until: Option<chrono::NaiveDate>,
    pub limit: usize,
}

impl Store {
    /// The newest `limit` audit rows, newest first.
    pub fn audit_rows(&self, limit: usize) -> Result<Vec<AuditRow>> {
        self.audit(&AuditFilter { limit, ..AuditFilter::default() })
    }

    /// The audit rows `filter` asks for, newest first.
    pub fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditRow>> {
        let mut sql = String::from(
            "SELECT id, at, staff_id, account, action, entity, entity_id, child_id, before, after, day FROM audit WHERE 1 = 1",
        );
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        let mut condition = |clause: &str, value: String| {
            values.push(rusqlite::types::Value::Text(value));
            sql.push_str(&format!(" AND {clause} ?{}", values.len()));
        };
        if let Some(child) = &filter.child_id {
            condition("child_id =", child.clone());
        }
        if let Some(staff) = &filter.staff_id {
            condition("staff_id =", staff.clone());
        }
        if let Some(since) = filter.since {
            condition("at >=", since.format("%Y-%m-%d").to_string());
        }
        if let Some(until) = filter.until.and_then(|d| d.succ_opt()) {
            condition("at <", until.format("%Y-%m-%d").to_string());
        }
        sql.push_str(&format!(" ORDER BY id DESC LIMIT {}", filter.limit));
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement
            .query_map(rusqlite::params_from_iter(values), audit_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// What people other than `officer` changed on `children` from `from` to `to` (by the working
    /// day of each save), oldest first, at most `limit` rows.
    pub fn audit_of_children(
        &self,
        children: &[&str],
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        officer: &str,
        limit: usize,
    ) -> Result<Vec<AuditRow>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, at, staff_id, account, action, entity, entity_id, child_id, before, after, day FROM audit
             WHERE child_id = ?1 AND coalesce(day, substr(at, 1, 10)) BETWEEN ?2 AND ?3
               AND coalesce(staff_id, '') != ?4 AND action NOT LIKE 'view%'
             ORDER BY id",
        )?;
        let mut rows = Vec::new();
        for child in children {
            let found = statement.query_map(rusqlite::params![child, from, to, officer], audit_row)?;
            rows.extend(found.collect::<rusqlite::Result<Vec<_>>>()?);
            if rows.len() >= limit {
                rows.truncate(limit);
                break;
            }
        }
        rows.sort_by_key(|r| r.id);
        Ok(rows)
    }

    /// Notes that `staff_id` opened `child_id`'s record (the timeline, or one child's details
    /// printed): the authority can show who saw a child's record, not only who changed it.
    pub fn record_view(&self, child_id: &str, staff_id: &str) -> Result<()> {
        let row = Row {
            staff_id: Some(staff_id),
            account: self.account.as_deref(),
            action: "view_child",
            entity: "child",
            entity_id: Some(child_id),
            child_id: Some(child_id),
            day: None,
        };
        record(&self.conn, &row, None, None)
    }
}

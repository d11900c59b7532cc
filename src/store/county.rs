//! The whole county at once: loading everything but the case history, and replacing every
//! record in one transaction (import, the demo).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

use super::{
    Result, Store, absences, allocations, audit, children, contacts, covers, disputes, events, handovers, panels,
    requests, rota, staff, steps, surgeries, tasks,
};
use crate::domain::{CaseEvent, County, RecordRef};

/// Data tables, children's dependants first, so deleting in this order respects foreign keys.
const DATA_TABLES: &[&str] = &[
    "handovers",
    "covers",
    "duty_rota",
    "events",
    "requests",
    "tasks",
    "steps",
    "contacts",
    "panel_submissions",
    "allocations",
    "surgery_bookings",
    "surgery_slots",
    "disputes",
    "absences",
    "children",
    "staff",
];

impl Store {
    /// Everything but the case history.
    pub fn load_county(&self) -> Result<County> {
        let conn = &self.conn;
        Ok(County {
            staff: staff::load(conn)?,
            children: children::load(conn)?,
            steps: steps::load(conn)?,
            contacts: contacts::load(conn)?,
            absences: absences::load(conn)?,
            panels: panels::load(conn)?,
            slots: surgeries::load_slots(conn)?,
            bookings: surgeries::load_bookings(conn)?,
            disputes: disputes::load(conn)?,
            requests: requests::load(conn)?,
            allocations: allocations::load(conn)?,
            tasks: tasks::load(conn)?,
            covers: covers::load(conn)?,
            rota: rota::load(conn)?,
            handovers: handovers::load(conn)?,
            versions: load_versions(conn)?,
        })
    }

    /// Replaces every record with `county` and `events` in one transaction, with an audit row.
    /// Each allocated child gets an allocation starting `today`. The audit log is kept.
    pub fn replace_all(
        &mut self,
        county: &County,
        events: &[CaseEvent],
        actor: Option<&str>,
        today: NaiveDate,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let before = json!({ "children": tx.query_row("SELECT count(*) FROM children", [], |r| r.get::<_, i64>(0))? });
        for table in DATA_TABLES {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        // A county imported over the demo is no longer the demo (the demo marks itself again).
        tx.execute("DELETE FROM meta WHERE key = 'demo'", [])?;
        // Building the history index once at the end is much faster than keeping it up to date
        // through a million inserts; it is back before the transaction commits.
        tx.execute("DROP INDEX IF EXISTS events_child_date", [])?;
        staff::insert_all(&tx, &county.staff)?;
        children::insert_all(&tx, &county.children)?;
        allocations::insert_all(&tx, &county.allocations, &county.children, actor, today)?;
        requests::insert_all(&tx, &county.requests)?;
        tasks::insert_all(&tx, &county.tasks)?;
        events::insert_all(&tx, events)?;
        steps::insert_all(&tx, &county.steps, actor)?;
        contacts::insert_all(&tx, &county.contacts)?;
        absences::insert_all(&tx, &county.absences)?;
        covers::insert_all(&tx, &county.covers)?;
        rota::insert_all(&tx, &county.rota)?;
        handovers::insert_all(&tx, &county.handovers)?;
        panels::insert_all(&tx, &county.panels)?;
        surgeries::insert_all(&tx, &county.slots, &county.bookings)?;
        disputes::insert_all(&tx, &county.disputes)?;
        let after = json!({
            "staff": county.staff.len(),
            "children": county.children.len(),
            "events": events.len(),
            "steps": county.steps.len(),
            "contacts": county.contacts.len(),
            "absences": county.absences.len(),
            "panels": county.panels.len(),
        });
        tx.execute("CREATE INDEX IF NOT EXISTS events_child_date ON events(child_id, date)", [])?;
        let row = audit::Row {
            staff_id: actor,
            account: self.account.as_deref(),
            action: "replace_all",
            entity: "county",
            entity_id: None,
            child_id: None,
            day: Some(today),
        };
        audit::record(&tx, &row, Some(&before), Some(&after))?;
        tx.commit()?;
        Ok(())
    }
}

/// The version of every record saved since it was imported (the rest are at 0).
fn load_versions(conn: &Connection) -> Result<HashMap<RecordRef, i64>> {
    let mut versions = HashMap::new();
    type Key = fn(rusqlite::types::Value) -> Option<RecordRef>;
    let tables: [(&str, Key); 7] = [
        ("tasks", |v| integer(v).map(RecordRef::Task)),
        ("absences", |v| integer(v).map(RecordRef::Absence)),
        ("children", |v| text(v).map(RecordRef::Child)),
        ("staff", |v| text(v).map(RecordRef::Staff)),
        ("contacts", |v| integer(v).map(RecordRef::Contact)),
        ("panel_submissions", |v| integer(v).map(RecordRef::Panel)),
        ("disputes", |v| integer(v).map(RecordRef::Dispute)),
    ];
    for (table, record) in tables {
        let mut statement = conn.prepare(&format!("SELECT id, version FROM {table} WHERE version > 0"))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            if let Some(key) = record(row.get(0)?) {
                versions.insert(key, row.get(1)?);
            }
        }
    }
    Ok(versions)
}

fn text(value: rusqlite::types::Value) -> Option<String> {
    match value {
        rusqlite::types::Value::Text(text) => Some(text),
        _ => None,
    }
}

fn integer(value: rusqlite::types::Value) -> Option<i64> {
    match value {
        rusqlite::types::Value::Integer(n) => Some(n),
        _ => None,
    }
}

//! What colleagues changed since a session last looked, read from the audit log (every save
//! writes a row there, in its own transaction, naming the child it concerns): only those
//! children are read again, so one colleague's save costs an open session next to nothing.

use std::collections::BTreeSet;

use rusqlite::Connection;

use super::{
    Result, Store, absences, allocations, children, contacts, covers, disputes, handovers, panels, requests, rota,
    staff, steps, surgeries, tasks,
};
use crate::domain::{Changes, RecordRef};

/// More children changed than this at once (a bulk import, say): read everything again.
const MANY: usize = 2000;

impl Store {
    /// The newest change on record, where a session that has just loaded everything starts.
    pub fn last_change(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT coalesce(max(id), 0) FROM audit", [], |r| r.get(0))?)
    }

    /// The changes saved after change `seen`, with the records they touched read again.
    pub fn changes_since(&self, seen: i64) -> Result<Changes> {
        let mut changes = Changes { seen, ..Changes::default() };
        let mut child_ids = BTreeSet::new();
        let (mut staff, mut slots, mut bookings, mut absences) = (false, false, false, false);
        let (mut covers, mut rota, mut handovers) = (false, false, false);
        {
            let mut statement = self.conn.prepare_cached(
                "SELECT id, entity, child_id FROM audit WHERE id > ?1 AND action NOT LIKE 'view%' ORDER BY id",
            )?;
            let mut rows = statement.query([seen])?;
            while let Some(row) = rows.next()? {
                changes.seen = row.get(0)?;
                let entity: String = row.get(1)?;
                if let Some(child) = row.get::<_, Option<String>>(2)? {
                    child_ids.insert(child);
                }
                match entity.as_str() {
                    "child" | "contact" | "panel" | "dispute" | "request" | "task" => {}
                    "booking" => bookings = true,
                    "staff" => (staff, slots) = (true, true),
                    "absence" => absences = true,
                    "cover" => covers = true,
                    "rota" => rota = true,
                    "handover" => handovers = true,
                    // An import, a restore, or something this build does not know: read it all.
                    _ => changes.everything = true,
                }
            }
        }
        if changes.everything || child_ids.len() > MANY {
            changes.everything = true;
            return Ok(changes);
        }
        let conn = &self.conn;
        for id in child_ids {
            if let Some(child) = children::get(conn, &id)? {
                changes.children.push(child);
                changes.steps.extend(steps::of_child(conn, &id)?);
                changes.contacts.extend(contacts::of_child(conn, &id)?);
                changes.panels.extend(panels::of_child(conn, &id)?);
                changes.disputes.extend(disputes::of_child(conn, &id)?);
                changes.requests.extend(requests::of_child(conn, &id)?);
                changes.allocations.extend(allocations::of_child(conn, &id)?);
                changes.tasks.extend(tasks::of_child(conn, &id)?);
                changes.versions.extend(versions_of_child(conn, &id)?);
            }
            changes.child_ids.push(id);
        }
        if staff {
            changes.staff = Some(staff::load(conn)?);
            let mut statement = conn.prepare_cached("SELECT id, version FROM staff")?;
            let versions = statement.query_map([], |r| Ok((RecordRef::Staff(r.get(0)?), r.get(1)?)))?;
            changes.versions.extend(versions.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        if slots {
            changes.slots = Some(surgeries::load_slots(conn)?);
        }
        if bookings {
            changes.bookings = Some(surgeries::load_bookings(conn)?);
        }
        if absences {
            changes.absences = Some(absences::load(conn)?);
            let mut statement = conn.prepare_cached("SELECT id, version FROM absences")?;
            let versions = statement.query_map([], |r| Ok((RecordRef::Absence(r.get(0)?), r.get(1)?)))?;
            changes.versions.extend(versions.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        if covers {
            changes.covers = Some(covers::load(conn)?);
        }
        if rota {
            changes.rota = Some(rota::load(conn)?);
        }
        if handovers {
            changes.handovers = Some(handovers::load(conn)?);
        }
        Ok(changes)
    }
}

/// The versions of a child's row and of their contacts, panel cases and disputes.
fn versions_of_child(conn: &Connection, id: &str) -> Result<Vec<(RecordRef, i64)>> {
    let mut versions = Vec::new();
    versions.push((RecordRef::Child(id.to_string()), {
        let mut statement = conn.prepare_cached("SELECT version FROM children WHERE id = ?1")?;
        statement.query_row([id], |r| r.get(0))?
    }));
    type Key = fn(i64) -> RecordRef;
    let tables: [(&str, Key); 4] = [
        ("contacts", RecordRef::Contact),
        ("panel_submissions", RecordRef::Panel),
        ("disputes", RecordRef::Dispute),
        ("tasks", RecordRef::Task),
    ];
    for (table, record) in tables {
        let mut statement = conn.prepare_cached(&format!("SELECT id, version FROM {table} WHERE child_id = ?1"))?;
        let rows = statement.query_map([id], |r| Ok((record(r.get(0)?), r.get(1)?)))?;
        versions.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    }
    Ok(versions)
}

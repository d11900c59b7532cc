//! Statutory steps: decisions, advice, drafts, reviews, amendments, ceasing, exceptions.

use rusqlite::{Connection, Row, params};
use serde_json::json;

use super::audit::json as json_of;
use super::words::word;
use super::{Result, Tx};
use crate::domain::casework::StepEntry;
use crate::domain::{Child, RecordRef, Step};

super::words::word_from_sql!(crate::domain::StepKind);

const COLUMNS: &str = "id, child_id, kind, date, until, detail, recorded_by";

fn step_row(r: &Row) -> rusqlite::Result<Step> {
    Ok(Step {
        id: r.get(0)?,
        child_id: r.get(1)?,
        kind: word(r, 2)?,
        date: r.get(3)?,
        until: r.get(4)?,
        detail: r.get(5)?,
        recorded_by: r.get(6)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Step>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM steps ORDER BY child_id, date, id"))?
        .query_map([], step_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts steps as they are; a step with no recorder is put down to `actor` (who imports them).
pub(super) fn insert_all(conn: &Connection, steps: &[Step], actor: Option<&str>) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO steps (id, child_id, kind, date, until, detail, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for s in steps {
        let by = s.recorded_by.as_deref().or(actor);
        insert.execute(params![s.id, s.child_id, s.kind.as_str(), s.date, s.until, s.detail, by])?;
    }
    Ok(())
}

/// One child's steps, oldest first.
pub(super) fn of_child(conn: &Connection, child_id: &str) -> Result<Vec<Step>> {
    let sql = format!("SELECT {COLUMNS} FROM steps WHERE child_id = ?1 ORDER BY date, id");
    Ok(conn.prepare_cached(&sql)?.query_map([child_id], step_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Tx<'_> {
    /// One child's steps, oldest first.
    pub fn steps_of(&self, child_id: &str) -> Result<Vec<Step>> {
        of_child(&self.conn, child_id)
    }

    /// Records a statutory step and the child's row as it now stands (`after`, from
    /// `domain::casework::apply_step` on the child as read in this transaction). Returns the
    /// step's id.
    pub fn add_step(&self, before: &Child, after: &Child, entry: &StepEntry, actor: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO steps (child_id, kind, date, until, detail, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![after.id, entry.kind.as_str(), entry.date, entry.until, entry.detail, actor, self.now],
        )?;
        let step_id = self.conn.last_insert_rowid();
        self.conn.execute(
            "UPDATE children SET stage = ?2, assess_decision_date = ?3, draft_date = ?4, plan_date = ?5,
                 last_review_date = ?6,
                 ceased_date = CASE WHEN ?2 = 'ceased' AND stage <> 'ceased' THEN ?7 ELSE ceased_date END,
                 cease_reason = CASE WHEN ?2 = 'ceased' AND stage <> 'ceased' THEN ?8 ELSE cease_reason END
             WHERE id = ?1",
            params![
                after.id,
                after.stage.as_str(),
                after.assess_decision_date,
                after.draft_date,
                after.plan_date,
                after.last_review_date,
                entry.date,
                entry.detail
            ],
        )?;
        self.bump(&RecordRef::Child(after.id.clone()), actor)?;
        let mut after_json = serde_json::to_value(after).unwrap_or_default();
        if let Some(object) = after_json.as_object_mut() {
            object.insert(
                "step".into(),
                json!({ "id": step_id, "kind": entry.kind.as_str(), "date": entry.date, "until": entry.until, "detail": entry.detail }),
            );
        }
        self.audit(
            actor,
            "record_step",
            "child",
            Some(&after.id),
            Some(&after.id),
            json_of(before).as_ref(),
            Some(&after_json),
        )?;
        Ok(step_id)
    }
}

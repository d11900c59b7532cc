//! Panel cases: a child put to a panel, what it decided, and when the family was told.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::audit::json as json_of;
use super::words::{optional_word, word};
use super::{Result, Tx};
use crate::domain::{PanelSubmission, RecordRef};

super::words::word_from_sql!(crate::domain::PanelQuestion, crate::domain::PanelOutcome);

const COLUMNS: &str = "id, child_id, panel_date, question, papers, submitted_by, outcome, info_needed,
    decision_sent, sent_how, resubmission_of";

fn panel_row(r: &Row) -> rusqlite::Result<PanelSubmission> {
    Ok(PanelSubmission {
        id: r.get(0)?,
        child_id: r.get(1)?,
        panel_date: r.get(2)?,
        question: word(r, 3)?,
        papers: r.get(4)?,
        submitted_by: r.get(5)?,
        outcome: optional_word(r, 6)?,
        info_needed: r.get(7)?,
        decision_sent: r.get(8)?,
        sent_how: r.get(9)?,
        resubmission_of: r.get(10)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<PanelSubmission>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM panel_submissions ORDER BY panel_date, id"))?
        .query_map([], panel_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, panels: &[PanelSubmission]) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO panel_submissions (id, child_id, panel_date, question, papers, submitted_by, outcome,
             info_needed, decision_sent, sent_how, resubmission_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for p in panels {
        insert.execute(params![
            p.id,
            p.child_id,
            p.panel_date,
            p.question.as_str(),
            p.papers,
            p.submitted_by,
            p.outcome.map(super::super::domain::model::PanelOutcome::as_str),
            p.info_needed,
            p.decision_sent,
            p.sent_how,
            p.resubmission_of,
        ])?;
    }
    Ok(())
}

/// One child's panel cases, oldest panel first.
pub(super) fn of_child(conn: &Connection, child_id: &str) -> Result<Vec<PanelSubmission>> {
    let sql = format!("SELECT {COLUMNS} FROM panel_submissions WHERE child_id = ?1 ORDER BY panel_date, id");
    Ok(conn.prepare_cached(&sql)?.query_map([child_id], panel_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Tx<'_> {
    pub fn panel(&self, id: i64) -> Result<Option<PanelSubmission>> {
        let sql = format!("SELECT {COLUMNS} FROM panel_submissions WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], panel_row).optional()?)
    }

    /// One child's panel cases, oldest panel first.
    pub fn panels_of(&self, child_id: &str) -> Result<Vec<PanelSubmission>> {
        of_child(&self.conn, child_id)
    }

    /// Puts a child to a panel (`resubmission_of` links a deferred case going back). Returns its id.
    pub fn add_panel_submission(&self, submission: &PanelSubmission, actor: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO panel_submissions (child_id, panel_date, question, papers, submitted_by, resubmission_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                submission.child_id,
                submission.panel_date,
                submission.question.as_str(),
                submission.papers,
                actor,
                submission.resubmission_of
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        let after = PanelSubmission { id, submitted_by: Some(actor.to_string()), ..submission.clone() };
        let key = id.to_string();
        self.audit(
            actor,
            "submit_to_panel",
            "panel",
            Some(&key),
            Some(&after.child_id),
            None,
            json_of(&after).as_ref(),
        )?;
        Ok(id)
    }

    /// Records a panel's outcome and/or that its decision was sent to the family.
    pub fn update_panel(&self, before: &PanelSubmission, after: &PanelSubmission, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE panel_submissions SET outcome = ?2, info_needed = ?3, decision_sent = ?4, sent_how = ?5 WHERE id = ?1",
            params![after.id, after.outcome.map(super::super::domain::model::PanelOutcome::as_str), after.info_needed, after.decision_sent, after.sent_how],
        )?;
        self.bump(&RecordRef::Panel(after.id), actor)?;
        let key = after.id.to_string();
        self.audit(
            actor,
            "panel_decision",
            "panel",
            Some(&key),
            Some(&after.child_id),
            json_of(before).as_ref(),
            json_of(after).as_ref(),
        )
    }
}

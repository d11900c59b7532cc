//! Panel cases: a child put to a panel, what it decided, and when the family was told.

use rusqlite::{Connection, params};

use super::words::{optional_word, word};
use super::{Result, Store, audit};
use crate::domain::PanelSubmission;

super::words::word_from_sql!(crate::domain::PanelQuestion, crate::domain::PanelOutcome);

pub(super) fn load(conn: &Connection) -> Result<Vec<PanelSubmission>> {
    Ok(conn
        .prepare(
            "SELECT id, child_id, panel_date, question, papers, submitted_by, outcome, info_needed,
                    decision_sent, sent_how, resubmission_of
             FROM panel_submissions ORDER BY panel_date, id",
        )?
        .query_map([], |r| {
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
        })?
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

impl Store {
    /// Puts a child to a panel; a deferred case not yet resubmitted is linked as resubmitted.
    pub fn add_panel_submission(&mut self, submission: &PanelSubmission, actor: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
        tx.execute(
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
        let id = tx.last_insert_rowid();
        let mut after = submission.clone();
        after.id = id;
        after.submitted_by = Some(actor.to_string());
        audit::record_change(&tx, actor, "submit_to_panel", "panel", &id.to_string(), None, &after)?;
        tx.commit()?;
        Ok(id)
    }

    /// Records a panel's outcome and/or that its decision was sent to the family, in one transaction.
    pub fn update_panel(&mut self, before: &PanelSubmission, after: &PanelSubmission, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE panel_submissions SET outcome = ?2, info_needed = ?3, decision_sent = ?4, sent_how = ?5 WHERE id = ?1",
            params![after.id, after.outcome.map(super::super::domain::model::PanelOutcome::as_str), after.info_needed, after.decision_sent, after.sent_how],
        )?;
        audit::record_change(&tx, actor, "panel_decision", "panel", &after.id.to_string(), Some(before), after)?;
        tx.commit()?;
        Ok(())
    }
}

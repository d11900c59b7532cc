//! Casework writes. Each is one transaction with an audit row (who, when, before and after).
//! Callers validate first (`domain::casework`); these functions only write.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::{Result, Store, StoreError, audit};
use crate::domain::casework::{ContactEntry, StepEntry};
use crate::domain::{Child, Contact};

impl Store {
    /// Records a contact in the child's history; a phone message or email received also opens
    /// a contact to answer. Returns the open contact's id.
    pub fn add_contact(
        &mut self,
        child_id: &str,
        entry: ContactEntry,
        date: NaiveDate,
        summary: &str,
        actor: &str,
    ) -> Result<Option<i64>> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO events (child_id, date, kind, staff_id, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![child_id, date, entry.event_kind().as_str(), actor, summary],
        )?;
        let contact = match entry.opens() {
            Some(kind) => {
                tx.execute(
                    "INSERT INTO contacts (child_id, kind, received, summary, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![child_id, kind.as_str(), date, summary, actor],
                )?;
                Some(tx.last_insert_rowid())
            }
            None => None,
        };
        let after = json!({ "entry": entry.as_str(), "date": date, "summary": summary, "contact_id": contact });
        audit::record(&tx, Some(actor), "record_contact", "child", Some(child_id), None, Some(&after))?;
        tx.commit()?;
        Ok(contact)
    }

    pub fn contact(&self, id: i64) -> Result<Option<Contact>> {
        let sql = format!("SELECT {} FROM contacts WHERE id = ?1", super::load::CONTACT_COLUMNS);
        Ok(self.conn.query_row(&sql, [id], super::load::contact_row).optional()?)
    }

    /// Marks a contact answered on `date`.
    pub fn answer_contact(&mut self, id: i64, date: NaiveDate, actor: &str) -> Result<()> {
        self.update_contact(id, "answered", date, actor, "answer_contact")
    }

    /// Records the date the family was told to expect an answer.
    pub fn promise_contact(&mut self, id: i64, date: NaiveDate, actor: &str) -> Result<()> {
        self.update_contact(id, "promised", date, actor, "promise_answer")
    }

    fn update_contact(&mut self, id: i64, column: &str, date: NaiveDate, actor: &str, action: &str) -> Result<()> {
        let before = self.contact(id)?.ok_or_else(|| StoreError::Other(format!("no contact {id}")))?;
        let tx = self.conn.transaction()?;
        tx.execute(&format!("UPDATE contacts SET {column} = ?1 WHERE id = ?2"), params![date, id])?;
        let mut after = before.clone();
        if column == "answered" {
            after.answered = Some(date);
        } else {
            after.promised = Some(date);
        }
        audit::record_change(&tx, actor, action, "contact", &id.to_string(), Some(&before), &after)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a statutory step and the child's row as it now stands (`after`, from
    /// `domain::casework::apply_step`). Returns the step's id.
    pub fn add_step(&mut self, before: &Child, after: &Child, entry: &StepEntry, actor: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let recorded_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        tx.execute(
            "INSERT INTO steps (child_id, kind, date, until, detail, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![after.id, entry.kind.as_str(), entry.date, entry.until, entry.detail, actor, recorded_at],
        )?;
        let step_id = tx.last_insert_rowid();
        tx.execute(
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
        let before_json = serde_json::to_value(before).ok();
        let mut after_json = serde_json::to_value(after).unwrap_or_default();
        if let Some(object) = after_json.as_object_mut() {
            object.insert(
                "step".into(),
                json!({ "id": step_id, "kind": entry.kind.as_str(), "date": entry.date, "until": entry.until, "detail": entry.detail }),
            );
        }
        audit::record(
            &tx,
            Some(actor),
            "record_step",
            "child",
            Some(&after.id),
            before_json.as_ref(),
            Some(&after_json),
        )?;
        tx.commit()?;
        Ok(step_id)
    }

    /// The staff id that owns `login` or is `id`, if any.
    pub fn staff_id_for(&self, id_or_login: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM staff WHERE id = ?1 OR login = ?1 ORDER BY id = ?1 DESC LIMIT 1",
                [id_or_login],
                |r| r.get(0),
            )
            .optional()?)
    }
}

impl Store {
    /// Puts a child to a panel; a deferred case not yet resubmitted is linked as resubmitted.
    pub fn add_panel_submission(&mut self, submission: &crate::domain::PanelSubmission, actor: &str) -> Result<i64> {
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
    pub fn update_panel(
        &mut self,
        before: &crate::domain::PanelSubmission,
        after: &crate::domain::PanelSubmission,
        actor: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE panel_submissions SET outcome = ?2, info_needed = ?3, decision_sent = ?4, sent_how = ?5 WHERE id = ?1",
            params![after.id, after.outcome.map(|o| o.as_str()), after.info_needed, after.decision_sent, after.sent_how],
        )?;
        audit::record_change(&tx, actor, "panel_decision", "panel", &after.id.to_string(), Some(before), after)?;
        tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// Saves a child's edited details, with an audit row and a note in the case history.
    pub fn update_child_details(
        &mut self,
        before: &Child,
        after: &Child,
        note: &str,
        today: NaiveDate,
        actor: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE children SET setting = ?2, postcode = ?3, primary_need = ?4, band = ?5, year_group_override = ?6 WHERE id = ?1",
            params![
                after.id,
                after.setting,
                after.postcode,
                after.primary_need.map(|n| n.as_str()),
                after.band,
                after.year_group_override
            ],
        )?;
        tx.execute(
            "INSERT INTO events (child_id, date, kind, staff_id, summary) VALUES (?1, ?2, 'note', ?3, ?4)",
            params![after.id, today, actor, note],
        )?;
        audit::record_change(&tx, actor, "edit_details", "child", &after.id, Some(before), after)?;
        tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// Books a call-back. The database refuses a second booking of the same officer and time,
    /// so two people booking at once cannot both succeed.
    pub fn add_booking(&mut self, booking: &crate::domain::Booking, actor: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let inserted = tx.execute(
            "INSERT INTO surgery_bookings (officer_id, date, start, child_id, caller_number, query, booked_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                booking.officer_id,
                booking.date,
                booking.start.format("%H:%M").to_string(),
                booking.child_id,
                booking.caller_number,
                booking.query,
                actor,
                created
            ],
        );
        match inserted {
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::ConstraintViolation => {
                return Err(StoreError::Other("that call-back has just been booked by someone else".into()));
            }
            other => {
                other?;
            }
        }
        let id = tx.last_insert_rowid();
        let mut after = booking.clone();
        after.id = id;
        audit::record_change(&tx, actor, "book_call_back", "booking", &id.to_string(), None, &after)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces an officer's weekly surgery blocks.
    pub fn set_surgeries(&mut self, officer: &str, blocks: &[(u8, chrono::NaiveTime, u32)], actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let before: Vec<String> = {
            let mut statement = tx
                .prepare("SELECT weekday || ' ' || start || ' ' || minutes FROM surgery_slots WHERE officer_id = ?1")?;
            statement.query_map([officer], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        tx.execute("DELETE FROM surgery_slots WHERE officer_id = ?1", [officer])?;
        for (weekday, start, minutes) in blocks {
            tx.execute(
                "INSERT INTO surgery_slots (officer_id, weekday, start, minutes) VALUES (?1, ?2, ?3, ?4)",
                params![officer, weekday, start.format("%H:%M").to_string(), minutes],
            )?;
        }
        let after: Vec<String> = blocks.iter().map(|(w, s, m)| format!("{w} {} {m}", s.format("%H:%M"))).collect();
        audit::record(
            &tx,
            Some(actor),
            "set_surgeries",
            "staff",
            Some(officer),
            Some(&json!(before)),
            Some(&json!(after)),
        )?;
        tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// Records a new mediation or appeal; returns its id.
    pub fn add_dispute(&mut self, dispute: &crate::domain::Dispute, actor: &str) -> Result<i64> {
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
    pub fn update_dispute(
        &mut self,
        before: &crate::domain::Dispute,
        after: &crate::domain::Dispute,
        actor: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE disputes SET hearing = ?2, responded = ?3, order_kind = ?4, order_date = ?5, complied = ?6,
                 closed = ?7, detail = ?8 WHERE id = ?1",
            params![
                after.id,
                after.hearing,
                after.responded,
                after.order_kind.map(|k| k.as_str()),
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

//! Bulk writes: a whole county in one transaction.

use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use super::{Result, Store, audit};
use crate::domain::{CaseEvent, County};

/// Data tables, children's dependants first, so deleting in this order respects foreign keys.
const DATA_TABLES: &[&str] = &[
    "events",
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
        // Building the history index once at the end is much faster than keeping it up to date
        // through a million inserts; it is back before the transaction commits.
        tx.execute("DROP INDEX IF EXISTS events_child_date", [])?;
        {
            let mut insert =
                tx.prepare("INSERT INTO staff (id, name, role, team, login) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            for s in &county.staff {
                insert.execute(params![s.id, s.name, s.role.as_str(), s.team, s.login])?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO children (id, first_name, last_name, date_of_birth, postcode, setting, primary_need,
                     officer_id, stage, request_date, assess_decision_date, draft_date, plan_date, last_review_date,
                     band, year_group_override)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?;
            let mut allocate =
                tx.prepare("INSERT INTO allocations (child_id, officer_id, from_date, reason, by_staff) VALUES (?1, ?2, ?3, 'imported', ?4)")?;
            for c in &county.children {
                insert.execute(params![
                    c.id,
                    c.first_name,
                    c.last_name,
                    c.date_of_birth,
                    c.postcode,
                    c.setting,
                    c.primary_need.map(|n| n.as_str()),
                    c.officer,
                    c.stage.as_str(),
                    c.request_date,
                    c.assess_decision_date,
                    c.draft_date,
                    c.plan_date,
                    c.last_review_date,
                    c.band,
                    c.year_group_override,
                ])?;
                if let Some(officer) = &c.officer {
                    allocate.execute(params![c.id, officer, today, actor])?;
                }
            }
            let mut insert =
                tx.prepare("INSERT INTO events (child_id, date, kind, staff_id, summary) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            for e in events {
                insert.execute(params![e.child_id, e.date, e.kind.as_str(), e.staff_id, e.summary])?;
            }
            let mut insert =
                tx.prepare("INSERT INTO steps (id, child_id, kind, date, until, detail, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
            for s in &county.steps {
                let by = s.recorded_by.as_deref().or(actor);
                insert.execute(params![s.id, s.child_id, s.kind.as_str(), s.date, s.until, s.detail, by])?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO contacts (id, child_id, kind, received, summary, promised, answered, staff_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for c in &county.contacts {
                insert.execute(params![
                    c.id,
                    c.child_id,
                    c.kind.as_str(),
                    c.received,
                    c.summary,
                    c.promised,
                    c.answered,
                    c.staff_id
                ])?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO absences (id, staff_id, kind, from_date, to_date, cover_staff_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for a in &county.absences {
                insert.execute(params![a.id, a.staff_id, a.kind.as_str(), a.from, a.to, a.cover_staff_id])?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO panel_submissions (id, child_id, panel_date, question, papers, submitted_by, outcome,
                     info_needed, decision_sent, sent_how, resubmission_of)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            for p in &county.panels {
                insert.execute(params![
                    p.id,
                    p.child_id,
                    p.panel_date,
                    p.question.as_str(),
                    p.papers,
                    p.submitted_by,
                    p.outcome.map(|o| o.as_str()),
                    p.info_needed,
                    p.decision_sent,
                    p.sent_how,
                    p.resubmission_of,
                ])?;
            }
        }
        {
            let mut insert = tx.prepare(
                "INSERT INTO surgery_slots (id, officer_id, weekday, start, minutes) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for s in &county.slots {
                insert.execute(params![
                    s.id,
                    s.officer_id,
                    s.weekday,
                    s.start.format("%H:%M").to_string(),
                    s.minutes
                ])?;
            }
            let mut insert = tx.prepare(
                "INSERT INTO surgery_bookings (id, officer_id, date, start, child_id, caller_number, query, booked_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            let created = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            for b in &county.bookings {
                insert.execute(params![
                    b.id,
                    b.officer_id,
                    b.date,
                    b.start.format("%H:%M").to_string(),
                    b.child_id,
                    b.caller_number,
                    b.query,
                    b.booked_by,
                    created
                ])?;
            }
        }
        {
            let mut insert = tx.prepare(
                "INSERT INTO disputes (id, child_id, kind, registered, hearing, responded, order_kind, order_date,
                     complied, closed, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            for d in &county.disputes {
                insert.execute(params![
                    d.id,
                    d.child_id,
                    d.kind.as_str(),
                    d.registered,
                    d.hearing,
                    d.responded,
                    d.order_kind.map(|k| k.as_str()),
                    d.order_date,
                    d.complied,
                    d.closed,
                    d.detail
                ])?;
            }
        }
        let after = json!({
            "staff": county.staff.len(),
            "children": county.children.len(),
            "events": events.len(),
            "steps": county.steps.len(),
            "contacts": county.contacts.len(),
            "absences": county.absences.len(),
            "panels": county.panels.len(),
        });
        audit::record(&tx, actor, "replace_all", "county", None, Some(&before), Some(&after))?;
        tx.commit()?;
        Ok(())
    }
}

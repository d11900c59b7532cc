//! Children and young people: their row (details and case dates) and who holds them.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::audit::json;
use super::words::{optional_word, word};
use super::{Result, Store, Tx};
use crate::domain::{Child, RecordRef};

super::words::word_from_sql!(crate::domain::Stage, crate::domain::Need);

const COLUMNS: &str = "id, first_name, last_name, date_of_birth, postcode, setting, primary_need, officer_id, stage,
    request_date, assess_decision_date, draft_date, plan_date, last_review_date, band, year_group_override";

fn child_row(r: &Row) -> rusqlite::Result<Child> {
    Ok(Child {
        id: r.get(0)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        date_of_birth: r.get(3)?,
        postcode: r.get(4)?,
        setting: r.get(5)?,
        primary_need: optional_word(r, 6)?,
        officer: r.get(7)?,
        stage: word(r, 8)?,
        request_date: r.get(9)?,
        assess_decision_date: r.get(10)?,
        draft_date: r.get(11)?,
        plan_date: r.get(12)?,
        last_review_date: r.get(13)?,
        band: r.get(14)?,
        year_group_override: r.get(15)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Child>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM children ORDER BY id"))?
        .query_map([], child_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Inserts every child; each allocated child gets an allocation starting `today`.
pub(super) fn insert_all(conn: &Connection, children: &[Child], actor: Option<&str>, today: NaiveDate) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO children (id, first_name, last_name, date_of_birth, postcode, setting, primary_need,
             officer_id, stage, request_date, assess_decision_date, draft_date, plan_date, last_review_date,
             band, year_group_override)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    let mut allocate = conn.prepare(
        "INSERT INTO allocations (child_id, officer_id, from_date, reason, by_staff) VALUES (?1, ?2, ?3, 'imported', ?4)",
    )?;
    for c in children {
        insert.execute(params![
            c.id,
            c.first_name,
            c.last_name,
            c.date_of_birth,
            c.postcode,
            c.setting,
            c.primary_need.map(super::super::domain::model::Need::as_str),
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
    Ok(())
}

impl Store {
    /// Number of children held (0 for a new database).
    pub fn child_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM children", [], |r| r.get::<_, i64>(0))? as usize)
    }
}

pub(super) fn get(conn: &Connection, id: &str) -> Result<Option<Child>> {
    let sql = format!("SELECT {COLUMNS} FROM children WHERE id = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([id], child_row).optional()?)
}

impl Tx<'_> {
    pub fn child(&self, id: &str) -> Result<Option<Child>> {
        get(&self.conn, id)
    }

    /// Saves a child's edited details (`after`, worked out from `before` as read in this
    /// transaction), with a note in the case history and an audit row.
    pub fn update_child_details(
        &self,
        before: &Child,
        after: &Child,
        note: &str,
        today: NaiveDate,
        actor: &str,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE children SET setting = ?2, postcode = ?3, primary_need = ?4, band = ?5, year_group_override = ?6 WHERE id = ?1",
            params![
                after.id,
                after.setting,
                after.postcode,
                after.primary_need.map(super::super::domain::model::Need::as_str),
                after.band,
                after.year_group_override
            ],
        )?;
        self.conn.execute(
            "INSERT INTO events (child_id, date, kind, staff_id, summary) VALUES (?1, ?2, 'note', ?3, ?4)",
            params![after.id, today, actor, note],
        )?;
        self.bump(&RecordRef::Child(after.id.clone()), actor)?;
        self.audit(
            actor,
            "edit_details",
            "child",
            Some(&after.id),
            Some(&after.id),
            json(before).as_ref(),
            json(after).as_ref(),
        )
    }
}

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

/// Inserts every child.
pub(super) fn insert_all(conn: &Connection, children: &[Child]) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO children (id, first_name, last_name, date_of_birth, postcode, setting, primary_need,
             officer_id, stage, request_date, assess_decision_date, draft_date, plan_date, last_review_date,
             band, year_group_override)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
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

    /// The children allocated to `officer`.
    pub fn children_of(&self, officer: &str) -> Result<Vec<Child>> {
        let sql = format!("SELECT {COLUMNS} FROM children WHERE officer_id = ?1 ORDER BY id");
        Ok(self.conn.prepare(&sql)?.query_map([officer], child_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Children born on `dob`, to find someone already on file.
    pub fn children_born(&self, dob: NaiveDate) -> Result<Vec<Child>> {
        let sql = format!("SELECT {COLUMNS} FROM children WHERE date_of_birth = ?1 ORDER BY id");
        Ok(self.conn.prepare(&sql)?.query_map([dob], child_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// An id for a child new to the service: the authority's numbering ("C" and a number) one past
    /// the highest on file.
    pub fn next_child_id(&self) -> Result<String> {
        let highest: Option<i64> = self.conn.query_row(
            "SELECT max(CAST(substr(id, 2) AS INTEGER)) FROM children WHERE id GLOB 'C[0-9]*'",
            [],
            |r| r.get(0),
        )?;
        Ok(format!("C{}", highest.unwrap_or(100_000) + 1))
    }

    /// Adds a child new to the service, as given (an allocation and a request are the caller's).
    pub fn add_child(&self, child: &Child, actor: &str) -> Result<()> {
        insert_all(&self.conn, std::slice::from_ref(child))?;
        self.audit(actor, "add_child", "child", Some(&child.id), Some(&child.id), None, json(child).as_ref())
    }

    /// Saves a child's case dates and stage (a request received, a case reopened) as `after`,
    /// worked out from `before` as read in this transaction.
    pub fn update_case(&self, before: &Child, after: &Child, action: &str, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE children SET stage = ?2, request_date = ?3, assess_decision_date = ?4, draft_date = ?5,
                 plan_date = ?6, last_review_date = ?7, postcode = ?8, setting = ?9, primary_need = ?10 WHERE id = ?1",
            params![
                after.id,
                after.stage.as_str(),
                after.request_date,
                after.assess_decision_date,
                after.draft_date,
                after.plan_date,
                after.last_review_date,
                after.postcode,
                after.setting,
                after.primary_need.map(super::super::domain::model::Need::as_str)
            ],
        )?;
        self.bump(&RecordRef::Child(after.id.clone()), actor)?;
        self.audit(
            actor,
            action,
            "child",
            Some(&after.id),
            Some(&after.id),
            json(before).as_ref(),
            json(after).as_ref(),
        )
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

    /// Reopens a declined or ceased case at `after.stage` on a tribunal's order, noted in the case
    /// history, with an audit row.
    pub fn reopen_by_order(
        &self,
        before: &Child,
        after: &Child,
        note: &str,
        day: NaiveDate,
        actor: &str,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE children SET stage = ?2, ceased_date = NULL, cease_reason = NULL WHERE id = ?1",
            params![after.id, after.stage.as_str()],
        )?;
        self.conn.execute(
            "INSERT INTO events (child_id, date, kind, staff_id, summary) VALUES (?1, ?2, 'note', ?3, ?4)",
            params![after.id, day, actor, note],
        )?;
        self.bump(&RecordRef::Child(after.id.clone()), actor)?;
        self.audit(
            actor,
            "reopen_by_order",
            "child",
            Some(&after.id),
            Some(&after.id),
            json(before).as_ref(),
            json(after).as_ref(),
        )
    }
}

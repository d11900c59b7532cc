//! To-dos the product sets, due by a service standard and shown until done.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::audit::json as json_of;
use super::words::word;
use super::{Result, Tx};
use crate::domain::{RecordRef, Task};

super::words::word_from_sql!(crate::domain::TaskKind);

const COLUMNS: &str = "id, child_id, kind, created, due, done, staff_id, detail";

fn task_row(r: &Row) -> rusqlite::Result<Task> {
    Ok(Task {
        id: r.get(0)?,
        child_id: r.get(1)?,
        kind: word(r, 2)?,
        created: r.get(3)?,
        due: r.get(4)?,
        done: r.get(5)?,
        staff_id: r.get(6)?,
        detail: r.get(7)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Task>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM tasks ORDER BY child_id, due, id"))?
        .query_map([], task_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn of_child(conn: &Connection, child_id: &str) -> Result<Vec<Task>> {
    let sql = format!("SELECT {COLUMNS} FROM tasks WHERE child_id = ?1 ORDER BY due, id");
    Ok(conn.prepare_cached(&sql)?.query_map([child_id], task_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, tasks: &[Task]) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO tasks (id, child_id, kind, created, due, done, staff_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for t in tasks {
        insert.execute(params![t.id, t.child_id, t.kind.as_str(), t.created, t.due, t.done, t.staff_id, t.detail])?;
    }
    Ok(())
}

impl Tx<'_> {
    pub fn task(&self, id: i64) -> Result<Option<Task>> {
        let sql = format!("SELECT {COLUMNS} FROM tasks WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], task_row).optional()?)
    }

    /// Sets a to-do; returns its id.
    pub fn add_task(&self, task: &Task, actor: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO tasks (child_id, kind, created, due, staff_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![task.child_id, task.kind.as_str(), task.created, task.due, task.staff_id, task.detail],
        )?;
        let id = self.conn.last_insert_rowid();
        let after = Task { id, ..task.clone() };
        let key = id.to_string();
        self.audit(actor, "set_task", "task", Some(&key), Some(&task.child_id), None, json_of(&after).as_ref())?;
        Ok(id)
    }

    /// A child's to-dos not yet done.
    pub fn open_tasks(&self, child_id: &str) -> Result<Vec<Task>> {
        Ok(of_child(&self.conn, child_id)?.into_iter().filter(|t| t.done.is_none()).collect())
    }

    /// Gives a to-do (as read in this transaction) to someone else, set on `created` and due on
    /// `due`, saying `detail`.
    pub fn reassign_task(&self, before: &Task, after: &Task, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE tasks SET staff_id = ?2, created = ?3, due = ?4, detail = ?5 WHERE id = ?1",
            params![before.id, after.staff_id, after.created, after.due, after.detail],
        )?;
        self.bump(&RecordRef::Task(before.id), actor)?;
        let key = before.id.to_string();
        self.audit(
            actor,
            "reassign_task",
            "task",
            Some(&key),
            Some(&before.child_id),
            json_of(before).as_ref(),
            json_of(after).as_ref(),
        )
    }

    /// Closes a to-do (as read in this transaction) no longer needed, on `date`, saying why.
    pub fn close_task(&self, before: &Task, date: NaiveDate, why: &str, actor: &str) -> Result<()> {
        let detail = format!("{} ({why})", before.detail);
        self.conn.execute("UPDATE tasks SET done = ?2, detail = ?3 WHERE id = ?1", params![before.id, date, detail])?;
        self.bump(&RecordRef::Task(before.id), actor)?;
        let after = Task { done: Some(date), detail, ..before.clone() };
        let key = before.id.to_string();
        self.audit(
            actor,
            "close_task",
            "task",
            Some(&key),
            Some(&before.child_id),
            json_of(before).as_ref(),
            json_of(&after).as_ref(),
        )
    }

    /// Marks a to-do (as read in this transaction) done on `date`.
    pub fn complete_task(&self, before: &Task, date: NaiveDate, actor: &str) -> Result<()> {
        self.conn.execute("UPDATE tasks SET done = ?2 WHERE id = ?1", params![before.id, date])?;
        self.bump(&RecordRef::Task(before.id), actor)?;
        let after = Task { done: Some(date), ..before.clone() };
        let key = before.id.to_string();
        self.audit(
            actor,
            "complete_task",
            "task",
            Some(&key),
            Some(&before.child_id),
            json_of(before).as_ref(),
            json_of(&after).as_ref(),
        )
    }
}

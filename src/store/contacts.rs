//! Contacts to answer: phone messages and emails, with the date promised and the date answered.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::json;

use super::audit::json as json_of;
use super::words::word;
use super::{Result, Tx};
use crate::domain::casework::ContactEntry;
use crate::domain::{Contact, RecordRef};

super::words::word_from_sql!(crate::domain::ContactKind);

/// The columns `contact_row` reads, in order.
const COLUMNS: &str = "id, child_id, kind, received, summary, promised, answered, staff_id, answered_by, answer";

fn contact_row(r: &Row) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        child_id: r.get(1)?,
        kind: word(r, 2)?,
        received: r.get(3)?,
        summary: r.get(4)?,
        promised: r.get(5)?,
        answered: r.get(6)?,
        staff_id: r.get(7)?,
        answered_by: r.get(8)?,
        answer: r.get(9)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Contact>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM contacts ORDER BY child_id, received, id"))?
        .query_map([], contact_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, contacts: &[Contact]) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO contacts (id, child_id, kind, received, summary, promised, answered, staff_id, answered_by,
         answer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for c in contacts {
        insert.execute(params![
            c.id,
            c.child_id,
            c.kind.as_str(),
            c.received,
            c.summary,
            c.promised,
            c.answered,
            c.staff_id,
            c.answered_by,
            c.answer
        ])?;
    }
    Ok(())
}

/// One child's contacts, oldest first.
pub(super) fn of_child(conn: &Connection, child_id: &str) -> Result<Vec<Contact>> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE child_id = ?1 ORDER BY received, id");
    Ok(conn.prepare_cached(&sql)?.query_map([child_id], contact_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Tx<'_> {
    /// Records a contact in the child's history; a phone message or email received also opens
    /// a contact to answer. Returns the open contact's id.
    pub fn add_contact(
        &self,
        child_id: &str,
        entry: ContactEntry,
        date: NaiveDate,
        summary: &str,
        actor: &str,
    ) -> Result<Option<i64>> {
        self.conn.execute(
            "INSERT INTO events (child_id, date, kind, staff_id, summary) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![child_id, date, entry.event_kind().as_str(), actor, summary],
        )?;
        let contact = match entry.opens() {
            Some(kind) => {
                self.conn.execute(
                    "INSERT INTO contacts (child_id, kind, received, summary, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![child_id, kind.as_str(), date, summary, actor],
                )?;
                Some(self.conn.last_insert_rowid())
            }
            None => None,
        };
        let after = json!({ "entry": entry.as_str(), "date": date, "summary": summary, "contact_id": contact });
        self.audit(actor, "record_contact", "child", Some(child_id), Some(child_id), None, Some(&after))?;
        Ok(contact)
    }

    pub fn contact(&self, id: i64) -> Result<Option<Contact>> {
        let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], contact_row).optional()?)
    }

    /// Marks a contact (as read in this transaction) answered on `date`, with what was said.
    pub fn answer_contact(&self, before: &Contact, date: NaiveDate, answer: &str, actor: &str) -> Result<()> {
        let after = Contact {
            answered: Some(date),
            answered_by: Some(actor.to_string()),
            answer: answer.to_string(),
            ..before.clone()
        };
        self.conn.execute(
            "UPDATE contacts SET answered_by = ?1, answer = ?2 WHERE id = ?3",
            params![actor, answer, before.id],
        )?;
        self.save_contact(before, &after, "answered", date, actor, "answer_contact")
    }

    /// Records the date the family was told to expect an answer.
    pub fn promise_contact(&self, before: &Contact, date: NaiveDate, actor: &str) -> Result<()> {
        let after = Contact { promised: Some(date), ..before.clone() };
        self.save_contact(before, &after, "promised", date, actor, "promise_answer")
    }

    fn save_contact(
        &self,
        before: &Contact,
        after: &Contact,
        column: &str,
        date: NaiveDate,
        actor: &str,
        action: &str,
    ) -> Result<()> {
        self.conn.execute(&format!("UPDATE contacts SET {column} = ?1 WHERE id = ?2"), params![date, before.id])?;
        self.bump(&RecordRef::Contact(before.id), actor)?;
        let id = before.id.to_string();
        self.audit(
            actor,
            action,
            "contact",
            Some(&id),
            Some(&before.child_id),
            json_of(before).as_ref(),
            json_of(after).as_ref(),
        )
    }
}

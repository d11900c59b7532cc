//! Contacts to answer: phone messages and emails, with the date promised and the date answered.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::json;

use super::words::word;
use super::{Result, Store, StoreError, audit};
use crate::domain::Contact;
use crate::domain::casework::ContactEntry;

super::words::word_from_sql!(crate::domain::ContactKind);

/// The columns `contact_row` reads, in order.
const COLUMNS: &str = "id, child_id, kind, received, summary, promised, answered, staff_id";

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
        "INSERT INTO contacts (id, child_id, kind, received, summary, promised, answered, staff_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
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
            c.staff_id
        ])?;
    }
    Ok(())
}

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
        let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], contact_row).optional()?)
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
}

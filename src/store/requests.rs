//! Requests for an EHC needs assessment, as received, with who asked.

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

use super::audit::json as json_of;
use super::words::word;
use super::{Result, Tx};
use crate::domain::{Request, Requester};

super::words::word_from_sql!(crate::domain::Requester);

const COLUMNS: &str = "id, child_id, received, requested_by, recorded_by";

fn request_row(r: &Row) -> rusqlite::Result<Request> {
    Ok(Request {
        id: r.get(0)?,
        child_id: r.get(1)?,
        received: r.get(2)?,
        requested_by: word(r, 3)?,
        recorded_by: r.get(4)?,
    })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<Request>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM requests ORDER BY child_id, received, id"))?
        .query_map([], request_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn of_child(conn: &Connection, child_id: &str) -> Result<Vec<Request>> {
    let sql = format!("SELECT {COLUMNS} FROM requests WHERE child_id = ?1 ORDER BY received, id");
    Ok(conn.prepare_cached(&sql)?.query_map([child_id], request_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, requests: &[Request]) -> Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO requests (id, child_id, received, requested_by, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in requests {
        insert.execute(params![r.id, r.child_id, r.received, r.requested_by.as_str(), r.recorded_by])?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Records a request as received; the child's row is the caller's to set.
    pub fn add_request(&self, child_id: &str, received: NaiveDate, by: Requester, actor: &str) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO requests (child_id, received, requested_by, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![child_id, received, by.as_str(), actor, self.now],
        )?;
        let id = self.conn.last_insert_rowid();
        let after =
            Request { id, child_id: child_id.into(), received, requested_by: by, recorded_by: Some(actor.into()) };
        let key = id.to_string();
        self.audit(actor, "register_request", "request", Some(&key), Some(child_id), None, json_of(&after).as_ref())?;
        Ok(id)
    }
}

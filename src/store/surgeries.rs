//! Phone surgeries: officers' weekly blocks and the call-backs booked into them.

use chrono::NaiveTime;
use rusqlite::{Connection, params};
use serde_json::json;

use super::words::now_utc;
use super::{Result, Store, StoreError, audit};
use crate::domain::{Booking, SurgerySlot};

pub(super) fn load_slots(conn: &Connection) -> Result<Vec<SurgerySlot>> {
    Ok(conn
        .prepare(
            "SELECT id, officer_id, weekday, start, minutes FROM surgery_slots ORDER BY officer_id, weekday, start",
        )?
        .query_map([], |r| {
            Ok(SurgerySlot {
                id: r.get(0)?,
                officer_id: r.get(1)?,
                weekday: r.get(2)?,
                start: r.get(3)?,
                minutes: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn load_bookings(conn: &Connection) -> Result<Vec<Booking>> {
    Ok(conn
        .prepare(
            "SELECT id, officer_id, date, start, child_id, caller_number, query, booked_by FROM surgery_bookings
             ORDER BY date, start, officer_id",
        )?
        .query_map([], |r| {
            Ok(Booking {
                id: r.get(0)?,
                officer_id: r.get(1)?,
                date: r.get(2)?,
                start: r.get(3)?,
                child_id: r.get(4)?,
                caller_number: r.get(5)?,
                query: r.get(6)?,
                booked_by: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, slots: &[SurgerySlot], bookings: &[Booking]) -> Result<()> {
    let mut insert = conn
        .prepare("INSERT INTO surgery_slots (id, officer_id, weekday, start, minutes) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for s in slots {
        insert.execute(params![s.id, s.officer_id, s.weekday, s.start.format("%H:%M").to_string(), s.minutes])?;
    }
    let mut insert = conn.prepare(
        "INSERT INTO surgery_bookings (id, officer_id, date, start, child_id, caller_number, query, booked_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let created = now_utc();
    for b in bookings {
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
    Ok(())
}

impl Store {
    /// Books a call-back. The database refuses a second booking of the same officer and time,
    /// so two people booking at once cannot both succeed.
    pub fn add_booking(&mut self, booking: &Booking, actor: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
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
                now_utc()
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
    pub fn set_surgeries(&mut self, officer: &str, blocks: &[(u8, NaiveTime, u32)], actor: &str) -> Result<()> {
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

//! Phone surgeries: officers' weekly blocks and the call-backs booked into them.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::json;

use super::audit::json as json_of;
use super::words::now_utc;
use super::{Result, StoreError, Tx};
use crate::domain::{Booking, RecordRef, SurgerySlot};

fn slot_row(r: &Row) -> rusqlite::Result<SurgerySlot> {
    Ok(SurgerySlot { id: r.get(0)?, officer_id: r.get(1)?, weekday: r.get(2)?, start: r.get(3)?, minutes: r.get(4)? })
}

const BOOKING_COLUMNS: &str = "id, officer_id, date, start, child_id, caller_number, query, booked_by, made, said";

fn booking_row(r: &Row) -> rusqlite::Result<Booking> {
    Ok(Booking {
        id: r.get(0)?,
        officer_id: r.get(1)?,
        date: r.get(2)?,
        start: r.get(3)?,
        child_id: r.get(4)?,
        caller_number: r.get(5)?,
        query: r.get(6)?,
        booked_by: r.get(7)?,
        made: r.get(8)?,
        said: r.get(9)?,
    })
}

pub(super) fn load_slots(conn: &Connection) -> Result<Vec<SurgerySlot>> {
    Ok(conn
        .prepare(
            "SELECT id, officer_id, weekday, start, minutes FROM surgery_slots ORDER BY officer_id, weekday, start",
        )?
        .query_map([], slot_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn load_bookings(conn: &Connection) -> Result<Vec<Booking>> {
    Ok(conn
        .prepare(&format!("SELECT {BOOKING_COLUMNS} FROM surgery_bookings ORDER BY date, start, officer_id"))?
        .query_map([], booking_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, slots: &[SurgerySlot], bookings: &[Booking]) -> Result<()> {
    let mut insert = conn
        .prepare("INSERT INTO surgery_slots (id, officer_id, weekday, start, minutes) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for s in slots {
        insert.execute(params![s.id, s.officer_id, s.weekday, s.start.format("%H:%M").to_string(), s.minutes])?;
    }
    let mut insert = conn.prepare(
        "INSERT INTO surgery_bookings (id, officer_id, date, start, child_id, caller_number, query, booked_by, created_at,
         made, said) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
            created,
            b.made,
            b.said
        ])?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Every officer's weekly surgeries.
    pub fn slots(&self) -> Result<Vec<SurgerySlot>> {
        load_slots(&self.conn)
    }

    /// The call-backs booked on `from` or later.
    pub fn booking(&self, id: i64) -> Result<Option<Booking>> {
        let sql = format!("SELECT {BOOKING_COLUMNS} FROM surgery_bookings WHERE id = ?1");
        Ok(self.conn.query_row(&sql, [id], booking_row).optional()?)
    }

    pub fn bookings_from(&self, from: NaiveDate) -> Result<Vec<Booking>> {
        let sql = format!("SELECT {BOOKING_COLUMNS} FROM surgery_bookings WHERE date >= ?1 ORDER BY date, start");
        Ok(self.conn.prepare(&sql)?.query_map([from], booking_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Books a call-back. The database refuses a second booking of the same officer and time.
    pub fn add_booking(&self, booking: &Booking, actor: &str) -> Result<i64> {
        let inserted = self.conn.execute(
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
                self.now
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
        let id = self.conn.last_insert_rowid();
        let after = Booking { id, ..booking.clone() };
        let key = id.to_string();
        self.audit(
            actor,
            "book_call_back",
            "booking",
            Some(&key),
            booking.child_id.as_deref(),
            None,
            json_of(&after).as_ref(),
        )?;
        Ok(id)
    }

    /// Moves a call-back (as read in this transaction) to `officer` at `start` the same day.
    pub fn move_booking(&self, before: &Booking, officer: &str, start: NaiveTime, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE surgery_bookings SET officer_id = ?2, start = ?3 WHERE id = ?1",
            params![before.id, officer, start.format("%H:%M").to_string()],
        )?;
        let after = Booking { officer_id: officer.to_string(), start, ..before.clone() };
        let key = before.id.to_string();
        self.audit(
            actor,
            "move_call_back",
            "booking",
            Some(&key),
            before.child_id.as_deref(),
            json_of(before).as_ref(),
            json_of(&after).as_ref(),
        )
    }

    /// Moves a call-back to another day and time with the same officer.
    pub fn reschedule_booking(&self, before: &Booking, date: NaiveDate, start: NaiveTime, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE surgery_bookings SET date = ?2, start = ?3 WHERE id = ?1",
            params![before.id, date, start.format("%H:%M").to_string()],
        )?;
        let after = Booking { date, start, ..before.clone() };
        self.booking_audit(before, &after, "move_call_back", actor)
    }

    /// Marks a call-back made on `date`, with what was said.
    pub fn mark_booking_made(&self, before: &Booking, date: NaiveDate, said: &str, actor: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE surgery_bookings SET made = ?2, said = ?3 WHERE id = ?1",
            params![before.id, date, said],
        )?;
        let after = Booking { made: Some(date), said: said.to_string(), ..before.clone() };
        self.booking_audit(before, &after, "call_back_made", actor)
    }

    fn booking_audit(&self, before: &Booking, after: &Booking, action: &str, actor: &str) -> Result<()> {
        let key = before.id.to_string();
        self.audit(
            actor,
            action,
            "booking",
            Some(&key),
            before.child_id.as_deref(),
            json_of(before).as_ref(),
            json_of(after).as_ref(),
        )
    }

    /// Replaces an officer's weekly surgery blocks.
    pub fn set_surgeries(&self, officer: &str, blocks: &[(u8, NaiveTime, u32)], actor: &str) -> Result<()> {
        let before: Vec<String> = {
            let mut statement = self
                .conn
                .prepare("SELECT weekday || ' ' || start || ' ' || minutes FROM surgery_slots WHERE officer_id = ?1")?;
            statement.query_map([officer], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        self.conn.execute("DELETE FROM surgery_slots WHERE officer_id = ?1", [officer])?;
        for (weekday, start, minutes) in blocks {
            self.conn.execute(
                "INSERT INTO surgery_slots (officer_id, weekday, start, minutes) VALUES (?1, ?2, ?3, ?4)",
                params![officer, weekday, start.format("%H:%M").to_string(), minutes],
            )?;
        }
        self.bump(&RecordRef::Staff(officer.to_string()), actor)?;
        let after: Vec<String> = blocks.iter().map(|(w, s, m)| format!("{w} {} {m}", s.format("%H:%M"))).collect();
        self.audit(actor, "set_surgeries", "staff", Some(officer), None, Some(&json!(before)), Some(&json!(after)))
    }
}

//! The duty rota: who is duty officer for each team, by weekday or on one date.

use rusqlite::{Connection, Row, params};

use super::audit::json as json_of;
use super::{Result, Tx};
use crate::domain::RotaEntry;

const COLUMNS: &str = "id, team, weekday, date, staff_id";

fn rota_row(r: &Row) -> rusqlite::Result<RotaEntry> {
    Ok(RotaEntry { id: r.get(0)?, team: r.get(1)?, weekday: r.get(2)?, date: r.get(3)?, staff_id: r.get(4)? })
}

pub(super) fn load(conn: &Connection) -> Result<Vec<RotaEntry>> {
    Ok(conn
        .prepare(&format!("SELECT {COLUMNS} FROM duty_rota ORDER BY team, date, weekday, id"))?
        .query_map([], rota_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_all(conn: &Connection, rota: &[RotaEntry]) -> Result<()> {
    let mut insert = conn.prepare(&format!("INSERT INTO duty_rota ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"))?;
    for r in rota {
        insert.execute(params![r.id, r.team, r.weekday, r.date, r.staff_id])?;
    }
    Ok(())
}

impl Tx<'_> {
    pub fn rota(&self) -> Result<Vec<RotaEntry>> {
        load(&self.conn)
    }

    /// Sets who is on duty for the entry's team on its weekday or date, replacing whoever was;
    /// with no one (`staff_id` empty) the line goes.
    pub fn set_rota(&self, entry: &RotaEntry, actor: &str) -> Result<()> {
        let before: Vec<RotaEntry> = self
            .rota()?
            .into_iter()
            .filter(|r| r.team == entry.team && r.weekday == entry.weekday && r.date == entry.date)
            .collect();
        self.conn.execute(
            "DELETE FROM duty_rota WHERE team = ?1 AND weekday IS ?2 AND date IS ?3",
            params![entry.team, entry.weekday, entry.date],
        )?;
        if !entry.staff_id.is_empty() {
            self.conn.execute(
                "INSERT INTO duty_rota (team, weekday, date, staff_id) VALUES (?1, ?2, ?3, ?4)",
                params![entry.team, entry.weekday, entry.date, entry.staff_id],
            )?;
        }
        self.audit(
            actor,
            "set_rota",
            "rota",
            Some(&entry.team),
            None,
            json_of(&before).as_ref(),
            json_of(entry).as_ref(),
        )
    }
}

//! Facts about the database itself: that it holds the fictional demo county, whose settings
//! (the team table) apply when the configuration has none.

use rusqlite::OptionalExtension;

use super::{Result, Store};

const DEMO: &str = "demo";

impl Store {
    /// Notes that the database holds the demo county.
    pub fn mark_demo(&self) -> Result<()> {
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, 'yes')", [DEMO])?;
        Ok(())
    }

    /// Whether the database holds the demo county.
    pub fn is_demo(&self) -> Result<bool> {
        let value: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [DEMO], |r| r.get(0)).optional()?;
        Ok(value.is_some())
    }
}

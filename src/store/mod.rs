//! SQLite store: schema and migrations, one file per kind of record (its loading, bulk insert and
//! casework writes), the whole county at once, import/export and the audit log. Only this module
//! talks to the database.

mod absences;
mod allocations;
pub mod audit;
mod changes;
mod children;
mod contacts;
mod county;
mod covers;
pub mod csv_strict;
mod disputes;
mod events;
pub mod export;
mod handovers;
pub mod import;
mod meta;
mod panels;
mod requests;
mod rota;
pub mod schema;
mod staff;
mod steps;
mod surgeries;
mod tasks;
mod words;

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::domain::RecordRef;

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug)]
pub enum StoreError {
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// The database was written by a newer caseload; refuse rather than damage it.
    TooNew {
        found: i64,
        supported: i64,
    },
    /// Anything else worth telling the user in one sentence.
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "database error: {e}"),
            StoreError::Io(e) => write!(f, "{e}"),
            StoreError::TooNew { found, supported } => write!(
                f,
                "this database is schema version {found}, newer than this caseload understands ({supported}); upgrade caseload"
            ),
            StoreError::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

pub struct Store {
    conn: Connection,
    /// The operating-system account running the program, written on every audit row.
    account: Option<String>,
    /// Who the files it creates beside the database are for.
    access: Access,
}

/// Who may open the database's files, at the operating-system level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// One person's database: files readable by their owner only (0600, folders 0700).
    Owner,
    /// A team install: files for the caseload group (0660, the folder 2770), which only the
    /// set-group-id program runs as; staff are not in the group.
    Group,
}

/// One write transaction (`BEGIN IMMEDIATE`): no other connection can write between what is read
/// through it and what it writes, so a save always works from the records as they are.
pub struct Tx<'a> {
    conn: rusqlite::Transaction<'a>,
    account: Option<&'a str>,
    /// When it began: the time every change it makes is stamped with.
    now: String,
    /// The working day the changes are for, noted in the audit log.
    day: Option<chrono::NaiveDate>,
}

/// Who changed a record last, and when, with its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub version: i64,
    pub by: Option<String>,
    /// UTC, RFC 3339.
    pub at: Option<String>,
}

impl Store {
    /// Runs `work` in one write transaction, committed if it succeeds and rolled back if not.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.write_on(None, work)
    }

    /// As `write`, for the working day `day` (what was done on someone's caseload while they
    /// were away is read by it).
    pub fn write_on<T, E: From<StoreError>>(
        &mut self,
        day: Option<chrono::NaiveDate>,
        work: impl FnOnce(&Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let account = self.account.as_deref();
        let conn = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(StoreError::from)?;
        let tx = Tx { conn, account, now: words::now_utc(), day };
        let value = work(&tx)?;
        tx.conn.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Opens (creating and migrating) the database file. A new file and its folder are made
    /// readable by their owner only: the records are about children.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, Access::Owner)
    }

    /// Opens the database file, creating it (and its folder) for `access` if new.
    pub fn open_with(path: &Path, access: Access) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            create_private_dir(dir, access)?;
        }
        create_private_file(path, access)?;
        let conn = Connection::open(path)?;
        let mut store = Store::setup(conn, true)?;
        store.access = access;
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, false)
    }

    fn setup(mut conn: Connection, on_disk: bool) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        if on_disk {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn, account: None, access: Access::Owner })
    }

    /// What has been recorded in caseload that the interchange format does not carry (so an
    /// import with `--replace` discards it): "12 statutory steps", "3 contacts"…
    pub fn recorded_beyond_format(&self) -> Result<Vec<String>> {
        const TABLES: &[(&str, &str)] = &[
            ("steps", "statutory steps"),
            ("contacts", "contacts"),
            ("panel_submissions", "panel cases"),
            ("surgery_slots", "surgery blocks"),
            ("surgery_bookings", "surgery call-backs"),
            ("disputes", "disputes"),
            ("absences", "absences"),
        ];
        let mut held = Vec::new();
        for (table, label) in TABLES {
            let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            if n > 0 {
                held.push(format!("{n} {label}"));
            }
        }
        Ok(held)
    }

    /// Everything the database holds that replacing it removes: "1,200 children", "14,400 case
    /// history events", "12 statutory steps"…
    pub fn holdings(&self) -> Result<Vec<String>> {
        const TABLES: &[(&str, &str)] = &[
            ("children", "children"),
            ("staff", "staff"),
            ("events", "case history events"),
            ("steps", "statutory steps"),
            ("contacts", "contacts"),
            ("panel_submissions", "panel cases"),
            ("disputes", "disputes"),
            ("surgery_slots", "surgery blocks"),
            ("surgery_bookings", "surgery call-backs"),
            ("absences", "absences"),
        ];
        let mut held = Vec::new();
        for (table, label) in TABLES {
            let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            if n > 0 {
                held.push(format!("{n} {label}"));
            }
        }
        Ok(held)
    }

    /// The database file, if it is one (not in memory).
    pub fn path(&self) -> Option<std::path::PathBuf> {
        self.conn.path().filter(|p| !p.is_empty()).map(std::path::PathBuf::from)
    }

    /// Names the operating-system account running the program, for the audit log.
    pub fn set_account(&mut self, account: Option<String>) {
        self.account = account;
    }

    /// The account running the program, as the audit log records it.
    pub fn account(&self) -> Option<&str> {
        self.account.as_deref()
    }

    /// Copies the database, consistent as of one moment even while others write, into `path`
    /// (readable as the database is: by its owner, or in a team install by the group), with
    /// SQLite's online backup, and checks the copy.
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        self.backup_for(path, self.access)
    }

    /// As `backup_to`, with the copy readable by `access`.
    pub fn backup_for(&self, path: &Path, access: Access) -> Result<()> {
        create_private_file(path, access)?;
        let mut copy = Connection::open(path)?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        }
        let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Other(format!("the copy in {} does not check out: {check}", path.display())));
        }
        Ok(())
    }

    /// Changes whenever another connection commits (SQLite's `data_version`): a cheap way to
    /// notice a colleague's changes without reading any table.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// The table and key value that hold `record`.
fn record_key(record: &RecordRef) -> (&'static str, Value) {
    match record {
        RecordRef::Child(id) => ("children", Value::Text(id.clone())),
        RecordRef::Contact(id) => ("contacts", Value::Integer(*id)),
        RecordRef::Panel(id) => ("panel_submissions", Value::Integer(*id)),
        RecordRef::Dispute(id) => ("disputes", Value::Integer(*id)),
        RecordRef::Task(id) => ("tasks", Value::Integer(*id)),
        RecordRef::Absence(id) => ("absences", Value::Integer(*id)),
        RecordRef::Staff(id) => ("staff", Value::Text(id.clone())),
    }
}

impl Tx<'_> {
    /// When the transaction began (UTC, RFC 3339).
    pub fn now(&self) -> &str {
        &self.now
    }

    /// The version of `record`, who changed it last and when; `None` if there is no such record.
    pub fn stamp(&self, record: &RecordRef) -> Result<Option<Stamp>> {
        let (table, key) = record_key(record);
        let sql = format!("SELECT version, changed_by, changed_at FROM {table} WHERE id = ?1");
        Ok(self
            .conn
            .query_row(&sql, [key], |r| Ok(Stamp { version: r.get(0)?, by: r.get(1)?, at: r.get(2)? }))
            .optional()?)
    }

    /// Marks `record` changed by `actor` now: its version goes up by one.
    fn bump(&self, record: &RecordRef, actor: &str) -> Result<()> {
        let (table, key) = record_key(record);
        let sql = format!("UPDATE {table} SET version = version + 1, changed_by = ?2, changed_at = ?3 WHERE id = ?1");
        self.conn.execute(&sql, params![key, actor, self.now])?;
        Ok(())
    }

    /// Adds an audit row.
    #[allow(clippy::too_many_arguments)]
    fn audit(
        &self,
        actor: &str,
        action: &str,
        entity: &str,
        entity_id: Option<&str>,
        child_id: Option<&str>,
        before: Option<&serde_json::Value>,
        after: Option<&serde_json::Value>,
    ) -> Result<()> {
        let row = audit::Row {
            staff_id: Some(actor),
            account: self.account,
            action,
            entity,
            entity_id,
            child_id,
            day: self.day,
        };
        audit::record(&self.conn, &row, before, after)
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path, access: Access) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let mode = match access {
        Access::Owner => 0o700,
        Access::Group => 0o2770,
    };
    std::fs::DirBuilder::new().recursive(true).mode(mode).create(dir)?;
    // The set-group-id bit is not taken from the mode by mkdir: set it so new files are the group's.
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode))?;
    Ok(())
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path, _access: Access) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    Ok(())
}

/// Creates the file for `access` if it does not exist (SQLite gives its -wal and -shm files the
/// same permissions). An existing file is left as it is.
#[cfg(unix)]
fn create_private_file(path: &Path, access: Access) -> Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mode = match access {
        Access::Owner => 0o600,
        Access::Group => 0o660,
    };
    match std::fs::OpenOptions::new().write(true).create_new(true).mode(mode).open(path) {
        // The umask may have taken bits the team needs.
        Ok(_) => Ok(std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn create_private_file(_path: &Path, _access: Access) -> Result<()> {
    Ok(())
}

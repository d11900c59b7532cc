//! Exporting the interchange format: canonical order and quoting, so import → export →
//! import gives identical files.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Result, Store, StoreError};

const FILES: [&str; 3] = ["staff.csv", "children.csv", "events.csv"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub dir: PathBuf,
    pub staff: usize,
    pub children: usize,
    pub events: usize,
}

impl fmt::Display for ExportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "exported {} staff, {} children, {} events to {}",
            self.staff,
            self.children,
            self.events,
            self.dir.display()
        )
    }
}

fn writer(path: &Path) -> Result<csv::Writer<fs::File>> {
    let file = create_private(path)?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(file))
}

#[cfg(unix)]
fn create_private(path: &Path) -> Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    Ok(fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> Result<fs::File> {
    Ok(fs::File::create(path)?)
}

fn csv_error(e: csv::Error) -> StoreError {
    StoreError::Other(format!("cannot write CSV: {e}"))
}

fn text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

impl Store {
    /// Writes staff.csv, children.csv and events.csv into `dir` (created if missing). Existing
    /// files are only overwritten with `force`; a failure leaves no half-written file behind.
    pub fn export_dir(&self, dir: &Path, force: bool) -> Result<ExportSummary> {
        fs::create_dir_all(dir)?;
        if !force && let Some(existing) = FILES.iter().find(|f| dir.join(f).exists()) {
            return Err(StoreError::Other(format!(
                "{} already exists; use --force to overwrite",
                dir.join(existing).display()
            )));
        }
        let temp = |name: &str| dir.join(format!(".{name}.partial"));
        let result = self.write_files(&temp("staff.csv"), &temp("children.csv"), &temp("events.csv"));
        match result {
            Ok((staff, children, events)) => {
                for name in FILES {
                    fs::rename(temp(name), dir.join(name))?;
                }
                Ok(ExportSummary { dir: dir.to_path_buf(), staff, children, events })
            }
            Err(e) => {
                for name in FILES {
                    let _ = fs::remove_file(temp(name));
                }
                Err(e)
            }
        }
    }

    fn write_files(
        &self,
        staff_path: &Path,
        children_path: &Path,
        events_path: &Path,
    ) -> Result<(usize, usize, usize)> {
        let county = self.load_county()?;
        let mut out = writer(staff_path)?;
        out.write_record(["staff_id", "name", "role", "team", "login"]).map_err(csv_error)?;
        for s in &county.staff {
            out.write_record([s.id.as_str(), &s.name, s.role.as_str(), &s.team, s.login.as_deref().unwrap_or("")])
                .map_err(csv_error)?;
        }
        out.flush()?;

        let mut out = writer(children_path)?;
        out.write_record([
            "child_id",
            "first_name",
            "last_name",
            "date_of_birth",
            "postcode",
            "setting",
            "primary_need",
            "officer",
            "stage",
            "request_date",
            "assess_decision_date",
            "draft_date",
            "plan_date",
            "last_review_date",
            "band",
        ])
        .map_err(csv_error)?;
        for c in &county.children {
            out.write_record([
                c.id.clone(),
                c.first_name.clone(),
                c.last_name.clone(),
                text(Some(c.date_of_birth)),
                c.postcode.clone().unwrap_or_default(),
                c.setting.clone().unwrap_or_default(),
                c.primary_need.map(|n| n.as_str().to_string()).unwrap_or_default(),
                c.officer.clone().unwrap_or_default(),
                c.stage.as_str().to_string(),
                text(c.request_date),
                text(c.assess_decision_date),
                text(c.draft_date),
                text(c.plan_date),
                text(c.last_review_date),
                c.band.map(|b| b.to_string()).unwrap_or_default(),
            ])
            .map_err(csv_error)?;
        }
        out.flush()?;

        let mut out = writer(events_path)?;
        out.write_record(["child_id", "date", "kind", "staff_id", "summary"]).map_err(csv_error)?;
        let mut statement = self
            .conn
            .prepare("SELECT child_id, date, kind, staff_id, summary FROM events ORDER BY child_id, date, id")?;
        let mut rows = statement.query([])?;
        let mut events = 0;
        while let Some(row) = rows.next()? {
            let fields: [String; 5] = [
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get::<_, Option<String>>(3)?.unwrap_or_default(),
                row.get(4)?,
            ];
            out.write_record(&fields).map_err(csv_error)?;
            events += 1;
        }
        out.flush()?;
        Ok((county.staff.len(), county.children.len(), events))
    }
}

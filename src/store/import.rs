//! Importing the interchange format (FORMAT.md): parse and validate everything first, then
//! write in one transaction. Nothing is written unless every row is valid.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use super::csv_strict::{self, Record};
use super::{Result, Store, StoreError};
use crate::domain::{CaseEvent, Child, County, EventKind, Need, Role, Staff, Stage};

/// One problem, as `file:line: message` (line 0: the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// Every problem found; an import with any of them writes nothing.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub errors: Vec<ImportError>,
}

/// A validated import, ready to write.
#[derive(Debug, Clone, Default)]
pub struct ImportSet {
    pub staff: Vec<Staff>,
    pub children: Vec<Child>,
    pub events: Vec<CaseEvent>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub staff: usize,
    pub children: usize,
    pub events: usize,
    /// What `--replace` discarded that the files do not carry ("12 statutory steps"…).
    pub discarded: Vec<String>,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "imported {} staff, {} children, {} events", self.staff, self.children, self.events)?;
        if !self.discarded.is_empty() {
            write!(f, "\nreplaced the earlier records, including {}", self.discarded.join(", "))?;
        }
        Ok(())
    }
}

const STAFF_COLUMNS: &[(&str, bool)] =
    &[("staff_id", true), ("name", true), ("role", true), ("team", true), ("login", false)];
const CHILD_COLUMNS: &[(&str, bool)] = &[
    ("child_id", true),
    ("first_name", true),
    ("last_name", true),
    ("date_of_birth", true),
    ("postcode", false),
    ("setting", false),
    ("primary_need", false),
    ("officer", false),
    ("stage", true),
    ("request_date", false),
    ("assess_decision_date", false),
    ("draft_date", false),
    ("plan_date", false),
    ("last_review_date", false),
    ("band", false),
];
const EVENT_COLUMNS: &[(&str, bool)] =
    &[("child_id", true), ("date", true), ("kind", true), ("staff_id", false), ("summary", true)];

/// A row's cells by column name; empty cells read as `None`.
struct Row<'r> {
    line: usize,
    cells: &'r [String],
    columns: &'r HashMap<&'static str, usize>,
    problems: Vec<String>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> Option<&str> {
        self.columns.get(column).and_then(|&i| self.cells.get(i)).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let value = self.get(column).map(str::to_string);
        if value.is_none() {
            self.problems.push(format!("{column} is required"));
        }
        value
    }

    /// A date column; `past_only` refuses dates after `today`.
    fn date(&mut self, column: &str, today: NaiveDate, past_only: bool) -> Option<NaiveDate> {
        let text = self.get(column)?.to_string();
        match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(date) if past_only && date > today => {
                self.problems.push(format!("{column} \"{text}\" is in the future"));
                None
            }
            Ok(date) => Some(date),
            Err(_) => {
                self.problems.push(format!("{column} \"{text}\" is not a date"));
                None
            }
        }
    }

    fn word<T>(&mut self, column: &str, parse: fn(&str) -> Option<T>, choices: String) -> Option<T> {
        let text = self.get(column)?.to_string();
        let value = parse(&text);
        if value.is_none() {
            self.problems.push(format!("{column} \"{text}\" is not one of {choices}"));
        }
        value
    }
}

/// Reads and checks a folder; nothing touches the database.
pub fn read_import_dir(dir: &Path, today: NaiveDate) -> std::result::Result<ImportSet, ImportReport> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        errors.push(ImportError { file: dir.display().to_string(), line: 0, message: "no such folder".into() });
        return Err(ImportReport { errors });
    }
    let staff_sheet = open_sheet(dir, "staff.csv", STAFF_COLUMNS, true, &mut errors, &mut warnings);
    // Ids present in a file count as present even when their row has a problem, so one bad
    // row is reported once, not again by every row that refers to it.
    let staff_ids = staff_sheet.as_ref().map(|sheet| ids_in(sheet, "staff_id")).unwrap_or_default();
    let staff = staff_sheet.map(|records| read_staff(records, &mut errors)).unwrap_or_default();

    let child_sheet = open_sheet(dir, "children.csv", CHILD_COLUMNS, true, &mut errors, &mut warnings);
    let child_ids = child_sheet.as_ref().map(|sheet| ids_in(sheet, "child_id")).unwrap_or_default();
    let children =
        child_sheet.map(|records| read_children(records, &staff_ids, today, &mut errors)).unwrap_or_default();

    let event_sheet = open_sheet(dir, "events.csv", EVENT_COLUMNS, false, &mut errors, &mut warnings);
    let events =
        event_sheet.map(|records| read_events(records, &staff_ids, &child_ids, today, &mut errors)).unwrap_or_default();

    if errors.is_empty() { Ok(ImportSet { staff, children, events, warnings }) } else { Err(ImportReport { errors }) }
}

/// Reads a file and checks its header. `None` when it cannot be read at all.
fn open_sheet(
    dir: &Path,
    file: &'static str,
    expected: &[(&'static str, bool)],
    required: bool,
    errors: &mut Vec<ImportError>,
    warnings: &mut Vec<String>,
) -> Option<Sheet> {
    let path = dir.join(file);
    let text = match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                errors.push(ImportError { file: file.into(), line, message: "is not UTF-8 text".into() });
                return None;
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if required {
                errors.push(ImportError {
                    file: file.into(),
                    line: 0,
                    message: format!("not found in {}", dir.display()),
                });
            }
            return None;
        }
        Err(e) => {
            errors.push(ImportError { file: file.into(), line: 0, message: format!("cannot be read: {e}") });
            return None;
        }
    };
    let (mut records, csv_errors) = csv_strict::parse(&text);
    for e in csv_errors {
        errors.push(ImportError { file: file.into(), line: e.line, message: e.message });
    }
    if records.is_empty() || records[0].line != 1 {
        errors.push(ImportError { file: file.into(), line: 1, message: "has no header row".into() });
        return None;
    }
    let header = records.remove(0);
    let mut columns = HashMap::new();
    for (index, name) in header.fields.iter().enumerate() {
        let name = name.trim();
        match expected.iter().find(|(column, _)| *column == name) {
            Some((column, _)) if columns.contains_key(column) => {
                errors.push(ImportError {
                    file: file.into(),
                    line: 1,
                    message: format!("column \"{name}\" appears twice"),
                });
            }
            Some((column, _)) => {
                columns.insert(*column, index);
            }
            None => warnings.push(format!("{file}:1: unknown column \"{name}\" ignored")),
        }
    }
    let mut complete = true;
    for (column, needed) in expected {
        if *needed && !columns.contains_key(column) {
            errors.push(ImportError {
                file: file.into(),
                line: 1,
                message: format!("required column \"{column}\" is missing"),
            });
            complete = false;
        }
    }
    let width = header.fields.len();
    records.retain(|record| {
        if record.fields.len() == width {
            return true;
        }
        errors.push(ImportError {
            file: file.into(),
            line: record.line,
            message: format!("has {} fields, the header has {width}", record.fields.len()),
        });
        false
    });
    complete.then_some((columns, records, file))
}

/// A header-checked file: where its columns are, its records, and its name.
type Sheet = (HashMap<&'static str, usize>, Vec<Record>, &'static str);

/// Every non-empty value of `column` in a sheet.
fn ids_in((columns, records, _): &Sheet, column: &str) -> HashSet<String> {
    let Some(&index) = columns.get(column) else {
        return HashSet::new();
    };
    records.iter().filter_map(|r| r.fields.get(index)).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect()
}

/// Runs `read` over each record, turning its problems into errors on the record's line.
fn rows<T>(
    (columns, records, file): Sheet,
    errors: &mut Vec<ImportError>,
    mut read: impl FnMut(&mut Row) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for record in &records {
        let mut row = Row { line: record.line, cells: &record.fields, columns: &columns, problems: Vec::new() };
        let value = read(&mut row);
        for message in row.problems {
            errors.push(ImportError { file: file.to_string(), line: record.line, message });
        }
        if let Some(value) = value {
            out.push(value);
        }
    }
    out
}

fn read_staff(sheet: Sheet, errors: &mut Vec<ImportError>) -> Vec<Staff> {
    let mut first_id: HashMap<String, usize> = HashMap::new();
    let mut first_login: HashMap<String, usize> = HashMap::new();
    rows(sheet, errors, |row| {
        let id = row.required("staff_id");
        let name = row.required("name");
        let role = row.word("role", Role::parse, Role::choices());
        if row.get("role").is_none() {
            row.problems.push("role is required".into());
        }
        let team = row.required("team");
        let login = row.get("login").map(str::to_string);
        if let Some(id) = &id
            && let Some(first) = first_id.insert(id.clone(), row.line)
        {
            first_id.insert(id.clone(), first);
            row.problems.push(format!("staff_id \"{id}\" is a duplicate (first at line {first})"));
        }
        if let Some(login) = &login
            && let Some(first) = first_login.insert(login.clone(), row.line)
        {
            first_login.insert(login.clone(), first);
            row.problems.push(format!("login \"{login}\" is a duplicate (first at line {first})"));
        }
        if !row.problems.is_empty() {
            return None;
        }
        Some(Staff { id: id?, name: name?, role: role?, team: team?, login })
    })
}

fn read_children(
    sheet: Sheet,
    staff_ids: &HashSet<String>,
    today: NaiveDate,
    errors: &mut Vec<ImportError>,
) -> Vec<Child> {
    let mut first_id: HashMap<String, usize> = HashMap::new();
    rows(sheet, errors, |row| {
        let id = row.required("child_id");
        if let Some(id) = &id
            && let Some(first) = first_id.insert(id.clone(), row.line)
        {
            first_id.insert(id.clone(), first);
            row.problems.push(format!("child_id \"{id}\" is a duplicate (first at line {first})"));
        }
        let first_name = row.required("first_name");
        let last_name = row.required("last_name");
        let dob = row.date("date_of_birth", today, true);
        if row.get("date_of_birth").is_none() {
            row.problems.push("date_of_birth is required".into());
        }
        let need = row.word("primary_need", Need::parse, Need::choices());
        let officer = row.get("officer").map(str::to_string);
        if let Some(officer) = &officer
            && !staff_ids.contains(officer.as_str())
        {
            row.problems.push(format!("officer \"{officer}\" is not in staff.csv"));
        }
        let stage = row.word("stage", Stage::parse, Stage::choices());
        if row.get("stage").is_none() {
            row.problems.push("stage is required".into());
        }
        let request = row.date("request_date", today, true);
        let decision = row.date("assess_decision_date", today, true);
        let draft = row.date("draft_date", today, true);
        let plan = row.date("plan_date", today, true);
        let review = row.date("last_review_date", today, true);
        let band = row.get("band").map(str::to_string).and_then(|text| match text.parse::<u8>() {
            Ok(band @ 1..=9) => Some(band),
            _ => {
                row.problems.push(format!("band \"{text}\" is not 1-9"));
                None
            }
        });
        if let Some(stage) = stage {
            if stage.is_open_request() && row.get("request_date").is_none() {
                row.problems.push(format!("request_date is required for stage {stage}"));
            }
            if stage == Stage::Plan && row.get("plan_date").is_none() {
                row.problems.push("plan_date is required for stage plan".into());
            }
        }
        // Dates that cannot be true of one child.
        if let Some(dob) = dob {
            for (column, date) in [("request_date", request), ("plan_date", plan)] {
                if let Some(date) = date.filter(|d| *d < dob) {
                    row.problems.push(format!("{column} \"{date}\" is before date_of_birth"));
                }
            }
        }
        if let (Some(request), Some(plan)) = (request, plan)
            && plan < request
        {
            row.problems.push(format!("plan_date \"{plan}\" is before request_date"));
        }
        if !row.problems.is_empty() {
            return None;
        }
        Some(Child {
            id: id?,
            first_name: first_name?,
            last_name: last_name?,
            date_of_birth: dob?,
            postcode: row.get("postcode").map(str::to_string),
            setting: row.get("setting").map(str::to_string),
            primary_need: need,
            officer,
            stage: stage?,
            request_date: request,
            assess_decision_date: decision,
            draft_date: draft,
            plan_date: plan,
            last_review_date: review,
            band,
            year_group_override: None,
        })
    })
}

fn read_events(
    sheet: Sheet,
    staff_ids: &HashSet<String>,
    child_ids: &HashSet<String>,
    today: NaiveDate,
    errors: &mut Vec<ImportError>,
) -> Vec<CaseEvent> {
    rows(sheet, errors, |row| {
        let child_id = row.required("child_id");
        if let Some(child) = &child_id
            && !child_ids.contains(child.as_str())
        {
            row.problems.push(format!("child_id \"{child}\" is not in children.csv"));
        }
        let date = row.date("date", today, true);
        if row.get("date").is_none() {
            row.problems.push("date is required".into());
        }
        let kind = row.word("kind", EventKind::parse, EventKind::choices());
        if row.get("kind").is_none() {
            row.problems.push("kind is required".into());
        }
        let staff_id = row.get("staff_id").map(str::to_string);
        if let Some(staff) = &staff_id
            && !staff_ids.contains(staff.as_str())
        {
            row.problems.push(format!("staff_id \"{staff}\" is not in staff.csv"));
        }
        // The summary is free text: keep it exactly, only refuse it empty.
        let summary = row.columns.get("summary").and_then(|&i| row.cells.get(i)).cloned().unwrap_or_default();
        if summary.trim().is_empty() {
            row.problems.push("summary is required".into());
        }
        if !row.problems.is_empty() {
            return None;
        }
        Some(CaseEvent { child_id: child_id?, date: date?, kind: kind?, staff_id, summary })
    })
}

impl Store {
    /// Writes a validated import. A database that already holds children is only replaced
    /// when `replace` says so.
    pub fn import(
        &mut self,
        set: &ImportSet,
        replace: bool,
        actor: Option<&str>,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        let held = self.child_count()?;
        let discarded = self.recorded_beyond_format()?;
        if held > 0 && !replace {
            let beyond = if discarded.is_empty() {
                String::new()
            } else {
                format!(", and {} recorded here that the files do not carry", discarded.join(", "))
            };
            return Err(StoreError::Other(format!(
                "the database already holds {held} children{beyond}; --replace discards all of it (export first to keep a copy)"
            )));
        }
        let county = County { staff: set.staff.clone(), children: set.children.clone(), ..County::default() };
        self.replace_all(&county, &set.events, actor, today)?;
        Ok(ImportSummary { staff: set.staff.len(), children: set.children.len(), events: set.events.len(), discarded })
    }
}

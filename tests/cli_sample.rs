//! `caseload import` of the shared sample, then `deadlines --json` and `report --json`, checked
//! against the rules of DOMAIN.md worked out here independently from children.csv.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use chrono::{Datelike, Days, Months, NaiveDate};

const BIN: &str = env!("CARGO_BIN_EXE_caseload");
const TODAY: &str = "2026-11-23";

fn caseload(db: &Path, args: &[&str]) -> String {
    let output = Command::new(BIN).args(args).arg("--db").arg(db).args(["--today", TODAY]).output().expect("runs");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sample")
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn plus_days(d: NaiveDate, n: u64) -> NaiveDate {
    d + Days::new(n)
}

/// The milestones DOMAIN.md says are open for one row of children.csv, with their due dates.
fn expected_open(row: &BTreeMap<String, String>, today: NaiveDate) -> BTreeSet<(String, NaiveDate)> {
    let get = |k: &str| row.get(k).map(String::as_str).unwrap_or("");
    let mut open = BTreeSet::new();
    let stage = get("stage");
    let request = date(get("request_date"));
    let dob = date(get("date_of_birth")).expect("sample dates are valid");
    if let Some(request) = request {
        // Weeks are calendar weeks from the request (Regs 4, 10, 13).
        if stage == "request" && get("assess_decision_date").is_empty() {
            open.insert(("assess_decision".into(), plus_days(request, 42)));
        }
        // Reg 10(1): a decision not to issue is due within 16 weeks; once they have passed
        // undecided it is too late to refuse, and nothing is open against them.
        if matches!(stage, "request" | "assessment") && plus_days(request, 112) >= today {
            open.insert(("issue_decision".into(), plus_days(request, 112)));
        }
        if matches!(stage, "request" | "assessment" | "draft") {
            open.insert(("final_plan".into(), plus_days(request, 140)));
        }
    }
    if let Some(draft) = date(get("draft_date"))
        && stage == "draft"
        && plus_days(draft, 14) >= today
    {
        open.insert(("draft_comments_close".into(), plus_days(draft, 14)));
    }
    if stage == "plan" {
        let plan = date(get("plan_date")).expect("plans have a date");
        let anchor = date(get("last_review_date")).map_or(plan, |review| review.max(plan));
        open.insert(("annual_review".into(), anchor.checked_add_months(Months::new(12)).expect("valid")));
        // Plan end: the first 31 July on or after the 25th birthday.
        let turns_25 = dob.checked_add_months(Months::new(300)).expect("valid");
        let july = NaiveDate::from_ymd_opt(turns_25.year(), 7, 31).expect("valid");
        let end =
            if july >= turns_25 { july } else { NaiveDate::from_ymd_opt(turns_25.year() + 1, 7, 31).expect("valid") };
        open.insert(("plan_end".into(), end));
        // Next transfer where the child changes setting: into Y7 or Y12, or into Reception from
        // an early-years setting (a nursery, pre-school…). The cohort born 1 Sep Y – 31 Aug Y+1
        // starts Reception in September Y+5; deadline 15 Feb (31 Mar into Y12) of that year.
        let setting = get("setting").to_lowercase();
        let early_years =
            ["nursery", "pre-school", "preschool", "playgroup", "childminder"].iter().any(|w| setting.contains(w))
                && !setting.contains("primary")
                && !setting.contains("infant");
        let cohort = if dob.month() >= 9 { dob.year() } else { dob.year() - 1 };
        let this_year = if today.month() >= 9 { today.year() } else { today.year() - 1 };
        if let Some((september, year)) = (this_year + 1..this_year + 21)
            .map(|s| (s, s - cohort - 5))
            .find(|(_, y)| [7, 12].contains(y) || (*y == 0 && early_years))
        {
            let deadline = if year == 12 {
                NaiveDate::from_ymd_opt(september, 3, 31)
            } else {
                NaiveDate::from_ymd_opt(september, 2, 15)
            };
            open.insert(("phase_transfer".into(), deadline.expect("valid")));
        }
    }
    open
}

#[test]
fn deadlines_json_gives_each_child_the_milestones_the_rules_say() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("county.db");
    let out = caseload(&db, &["import", sample().to_str().expect("path")]);
    assert!(out.contains("imported 17 staff, 300 children, 1500 events"), "{out}");
    let today = date(TODAY).expect("valid");

    let mut reader = csv::Reader::from_path(sample().join("children.csv")).expect("children.csv");
    let headers = reader.headers().expect("header").clone();
    let mut expected: BTreeMap<String, BTreeSet<(String, NaiveDate)>> = BTreeMap::new();
    let mut officers: BTreeMap<String, String> = BTreeMap::new();
    for record in reader.records() {
        let record = record.expect("valid CSV");
        let row: BTreeMap<String, String> =
            headers.iter().map(String::from).zip(record.iter().map(String::from)).collect();
        officers.insert(row["child_id"].clone(), row["officer"].clone());
        expected.insert(row["child_id"].clone(), expected_open(&row, today));
    }

    let json: serde_json::Value = serde_json::from_str(&caseload(&db, &["deadlines", "--json"])).expect("JSON");
    let rows = json.as_array().expect("an array");
    let mut got: BTreeMap<String, BTreeSet<(String, NaiveDate)>> = BTreeMap::new();
    let mut last_due = None;
    for row in rows {
        let child = row["child_id"].as_str().expect("child_id").to_string();
        let milestone = row["milestone"].as_str().expect("milestone").to_string();
        let due = date(row["due"].as_str().expect("due")).expect("YYYY-MM-DD");
        assert!(row["name"].as_str().is_some_and(|n| !n.is_empty()));
        assert_eq!(row["officer"].as_str().unwrap_or(""), officers[&child], "{child}");
        let status = row["status"].as_str().expect("status");
        let advisory = row["advisory"].as_bool().expect("advisory");
        if due < today {
            assert_eq!(status, "overdue", "{child} {milestone}");
        } else {
            assert!(matches!(status, "due_soon" | "upcoming"), "{child} {milestone}: {status}");
        }
        assert!(last_due.is_none_or(|d| d <= due), "sorted by due date");
        last_due = Some(due);
        if !advisory {
            got.entry(child).or_default().insert((milestone, due));
        }
    }
    expected.retain(|_, open| !open.is_empty());
    for (child, open) in &expected {
        assert_eq!(got.get(child), Some(open), "open milestones of {child}");
    }
    assert_eq!(got.len(), expected.len(), "no child has milestones the rules do not give");

    // Filters: one officer's, and within a window (overdue always shown).
    let s006: serde_json::Value =
        serde_json::from_str(&caseload(&db, &["deadlines", "--json", "--officer", "S006"])).expect("JSON");
    assert!(s006.as_array().expect("array").iter().all(|r| r["officer"] == "S006"));
    let soon: serde_json::Value =
        serde_json::from_str(&caseload(&db, &["deadlines", "--json", "--within", "14"])).expect("JSON");
    let horizon = plus_days(today, 14);
    assert!(
        soon.as_array().expect("array").iter().all(|r| date(r["due"].as_str().expect("due")).expect("date") <= horizon)
    );
}

#[test]
fn report_json_counts_from_the_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("county.db");
    caseload(&db, &["import", sample().to_str().expect("path")]);
    let today = date(TODAY).expect("valid");
    let year_ago = date("2025-11-23").expect("valid");

    let mut reader = csv::Reader::from_path(sample().join("children.csv")).expect("children.csv");
    let headers = reader.headers().expect("header").clone();
    let (mut plans, mut open, mut over20, mut over30, mut issued, mut within, mut overdue_reviews) =
        (0, 0, 0, 0, 0, 0, 0);
    let mut loads: BTreeMap<String, u64> = BTreeMap::new();
    for record in reader.records() {
        let record = record.expect("valid CSV");
        let row: BTreeMap<&str, &str> = headers.iter().zip(record.iter()).collect();
        let stage = row["stage"];
        let request = date(row["request_date"]);
        let plan = date(row["plan_date"]);
        if stage == "plan" {
            plans += 1;
            let anchor = date(row["last_review_date"]).map_or(plan.expect("dated"), |r| r.max(plan.expect("dated")));
            if anchor.checked_add_months(Months::new(12)).expect("valid") < today {
                overdue_reviews += 1;
            }
        }
        if matches!(stage, "request" | "assessment" | "draft") {
            open += 1;
            let waited = (today - request.expect("open requests are dated")).num_days();
            over20 += u64::from(waited > 140);
            over30 += u64::from(waited > 210);
        }
        if let (Some(plan), Some(request)) = (plan, request)
            && plan > year_ago
            && plan <= today
        {
            issued += 1;
            within += u64::from((plan - request).num_days() <= 140);
        }
        if stage != "ceased" && !row["officer"].is_empty() {
            *loads.entry(row["officer"].to_string()).or_default() += 1;
        }
    }
    let report: serde_json::Value = serde_json::from_str(&caseload(&db, &["report", "--json"])).expect("JSON");
    assert_eq!(report["plans_active"], plans);
    assert_eq!(report["requests_open"], open);
    assert_eq!(report["assessments_over_20_weeks"], over20);
    assert_eq!(report["assessments_over_30_weeks"], over30);
    assert_eq!(report["plans_issued_last_12_months"], issued);
    assert_eq!(report["plans_issued_within_20_weeks_last_12_months"], within);
    let percent = report["percent_within_20_weeks_last_12_months"].as_f64().expect("a number");
    assert!((percent - within as f64 * 100.0 / issued as f64).abs() < 0.05, "{percent}");
    // The sample records no exception to the 20 weeks: without them the share is the same.
    assert_eq!(report["plans_issued_without_exception_last_12_months"], issued);
    assert_eq!(report["percent_within_20_weeks_excluding_exceptions_last_12_months"].as_f64(), Some(percent));
    assert_eq!(report["reviews_overdue"], overdue_reviews);
    for (officer, load) in &loads {
        assert_eq!(report["caseload_by_officer"][officer], *load, "{officer}");
    }
}

//! Absence and cover through the built binary: recording who is away (and who may), the duty
//! rota, cover given to a colleague for a period (its to-dos, its end by date alone or with the
//! absence), the duty queue's order and hand-overs, the leave plan, and the handback on return,
//! on a temporary database seeded with the small test county and fixed days.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use caseload::domain::*;
use caseload::store::Store;
use common::{TODAY, day};
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_caseload");
const NORTH: &str = "North Pre-14";

/// A temporary home for one test: the test county (S1 Theo Brown and S2 Priya Shah officers of
/// North Pre-14, S2 off sick 23–25 Nov as absence 1; S3 Matilda Fox its senior; S4 James Hall a
/// manager; S5 Ann Lee business support), with nobody's login, so `--as` says who acts.
struct Place {
    dir: TempDir,
    db: PathBuf,
    config: PathBuf,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("county.db");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, caseload::config::EXAMPLE).expect("write the configuration");
        let mut store = Store::open(&db).expect("open");
        let county = common::county_without_logins();
        store.replace_all(&county, &common::events(), Some("test"), day(TODAY)).expect("seed");
        Place { dir, db, config }
    }

    /// `caseload ARGS` on this database and configuration, with `today` as the day, as `who`.
    fn run_on(&self, today: &str, who: Option<&str>, args: &[&str]) -> Output {
        let mut command = Command::new(BIN);
        command.args(args).args(["--today", today, "--db"]).arg(&self.db).arg("--config").arg(&self.config);
        if let Some(who) = who {
            command.args(["--as", who]);
        }
        for var in ["CASELOAD_DB", "CASELOAD_TODAY", "CASELOAD_CONFIG"] {
            command.env_remove(var);
        }
        let home = self.dir.path().join("home");
        command.env("HOME", &home).env("XDG_CONFIG_HOME", &home).env("XDG_DATA_HOME", &home);
        command.output().expect("runs")
    }

    /// Runs on `today` as `who` and expects success; returns what it printed.
    fn ok_on(&self, today: &str, who: &str, args: &[&str]) -> String {
        let output = self.run_on(today, Some(who), args);
        assert!(output.status.success(), "{args:?} as {who} on {today}: {}{}", stdout(&output), stderr(&output));
        stdout(&output)
    }

    fn ok(&self, who: &str, args: &[&str]) -> String {
        self.ok_on(TODAY, who, args)
    }

    /// Runs on `today` as `who` and expects a refusal with exit code 1; returns what it said.
    fn refused_on(&self, today: &str, who: &str, args: &[&str]) -> String {
        let output = self.run_on(today, Some(who), args);
        assert_eq!(output.status.code(), Some(1), "{args:?} as {who}: {}{}", stdout(&output), stderr(&output));
        let said = stderr(&output);
        assert!(said.starts_with("not saved: "), "{said}");
        said
    }

    fn refused(&self, who: &str, args: &[&str]) -> String {
        self.refused_on(TODAY, who, args)
    }

    /// `ARGS --json` on `today` as `who`, parsed.
    fn json_on(&self, today: &str, who: &str, args: &[&str]) -> Value {
        let text = self.ok_on(today, who, &[args, &["--json"]].concat());
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} --json: {e}\n{text}"))
    }

    fn store(&self) -> Store {
        Store::open(&self.db).expect("open")
    }

    fn load(&self) -> County {
        self.store().load_county().expect("load")
    }

    fn audit_len(&self) -> usize {
        self.store().audit_rows(100_000).expect("audit").len()
    }

    /// The id of `staff`'s absence of `kind` (the only one).
    fn absence_id(&self, staff: &str, kind: AbsenceKind) -> i64 {
        let county = self.load();
        let found: Vec<&Absence> = county.absences.iter().filter(|a| a.staff_id == staff && a.kind == kind).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].id
    }

    /// A manager records Theo (S1) off sick from the test day, until further notice; its id.
    fn theo_off_sick(&self) -> i64 {
        self.ok("S4", &["absence", "add", "--staff", "S1", "--kind", "sickness", "--from", TODAY]);
        self.absence_id("S1", AbsenceKind::Sickness)
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The child ids `cover list` names (each line "Name (C1): …").
fn covered_children(listing: &str) -> Vec<String> {
    listing.lines().filter_map(|l| Some(l.split_once(" (")?.1.split_once(')')?.0.to_string())).collect()
}

/// The section of a `duty --json` queue headed by `county.absences[index]` being away.
fn absent_section(queue: &Value, index: usize) -> Option<&Value> {
    queue.as_array().expect("an array").iter().find(|s| s["group"]["Absent"]["absence"].as_u64() == Some(index as u64))
}

/// The id of `staff`'s absence (the queue's `absence`).
fn absence_index(county: &County, staff: &str) -> usize {
    county.absences.iter().find(|a| a.staff_id == staff).expect("an absence").id as usize
}

// ---------------------------------------------------------------------------------------------

#[test]
fn a_manager_records_sickness_and_an_officer_only_their_own_planned_leave() {
    let place = Place::new();
    let (absences, audit) = (place.load().absences, place.audit_len());

    // Theo's own sickness: refused, saying who records it; nothing written.
    let said = place.refused("S1", &["absence", "add", "--kind", "sickness", "--from", TODAY]);
    assert!(said.contains("not allowed") && said.contains("a senior or manager records sickness"), "{said}");
    // Nor a colleague's leave.
    let said = place.refused("S1", &["absence", "add", "--staff", "S2", "--kind", "leave", "--from", "2026-12-07"]);
    assert!(said.contains("officers record their own planned leave"), "{said}");
    assert_eq!(place.load().absences, absences);
    assert_eq!(place.audit_len(), audit, "a refusal leaves no audit line");

    // His own planned leave he may record.
    let said = place.ok("S1", &["absence", "add", "--kind", "leave", "--from", "2026-12-14", "--to", "2026-12-18"]);
    assert!(said.contains("Theo Brown on leave from Mon 14 Dec 2026 until Fri 18 Dec"), "{said}");
    assert!(said.contains("leave plan"), "{said}");

    // The manager records him off sick from today, to a last day.
    let said = place
        .ok("S4", &["absence", "add", "--staff", "S1", "--kind", "sickness", "--from", TODAY, "--to", "2026-12-04"]);
    assert!(said.contains("Theo Brown off sick from Mon 23 Nov 2026 until Fri 4 Dec"), "{said}");
    assert!(said.contains("urgent work goes to Matilda Fox"), "{said}");

    let listing = place.ok("S2", &["absence", "list"]);
    for line in [
        "Priya Shah (S2) off sick from Mon 23 Nov 2026 until Wed 25 Nov",
        "Theo Brown (S1) off sick from Mon 23 Nov 2026 until Fri 4 Dec",
        "Theo Brown (S1) on leave from Mon 14 Dec 2026 until Fri 18 Dec",
    ] {
        assert!(listing.contains(line), "{line} in\n{listing}");
    }

    let county = place.load();
    let theo: Vec<&Absence> = county.absences.iter().filter(|a| a.staff_id == "S1").collect();
    assert_eq!(theo.len(), 2, "{theo:?}");
    let sick = theo.iter().find(|a| a.kind == AbsenceKind::Sickness).expect("the sickness");
    assert_eq!((sick.from, sick.to, sick.recorded_by.as_deref()), (day(TODAY), Some(day("2026-12-04")), Some("S4")));
    let leave = theo.iter().find(|a| a.kind == AbsenceKind::Leave).expect("the leave");
    assert_eq!(
        (leave.from, leave.to, leave.recorded_by.as_deref()),
        (day("2026-12-14"), Some(day("2026-12-18")), Some("S1"))
    );
}

#[test]
fn rota_set_by_a_senior_or_manager_shows_in_the_rota_and_an_officer_is_refused() {
    let place = Place::new();
    // With no rota the team's senior is on duty.
    let before = place.ok("S1", &["rota"]);
    assert!(before.contains("North Pre-14\n  Mon 23 Nov  Matilda Fox\n"), "{before}");
    assert!(!before.contains("rota:"), "{before}");

    let said = place.refused("S1", &["rota", "set", "--team", NORTH, "--weekday", "wed", "--staff", "S1"]);
    assert!(said.contains("cover and the duty rota are arranged by seniors and managers"), "{said}");
    assert!(place.load().rota.is_empty());

    let said = place.ok("S3", &["rota", "set", "--team", NORTH, "--weekday", "wed", "--staff", "S1"]);
    assert!(said.contains("Theo Brown is duty officer for North Pre-14 every Wednesday"), "{said}");
    let said = place.ok("S4", &["rota", "set", "--team", NORTH, "--date", "2026-11-27", "--staff", "S2"]);
    assert!(said.contains("Priya Shah is duty officer for North Pre-14 on Fri 27 Nov 2026"), "{said}");
    // Priya is off sick on Tuesday 24th: refused for that date, naming why.
    let said = place.refused("S4", &["rota", "set", "--team", NORTH, "--date", "2026-11-24", "--staff", "S2"]);
    assert!(said.contains("--staff: Priya Shah is off sick on Tue 24 Nov 2026"), "{said}");
    // And a Saturday is no duty day.
    let said = place.refused("S4", &["rota", "set", "--team", NORTH, "--date", "2026-11-28", "--staff", "S1"]);
    assert!(said.contains("--date: Sat 28 Nov 2026 is not a working day"), "{said}");

    let rota = place.ok("S1", &["rota"]);
    for line in [
        "  Mon 23 Nov  Matilda Fox\n",
        "  Tue 24 Nov  Matilda Fox\n",
        "  Wed 25 Nov  Theo Brown\n",
        "  Thu 26 Nov  Matilda Fox\n",
        "  Fri 27 Nov  Priya Shah\n",
        "  rota: Theo Brown every Wednesday\n",
        "  rota: Priya Shah on Fri 27 Nov 2026\n",
    ] {
        assert!(rota.contains(line), "{line:?} in\n{rota}");
    }

    let mut lines: Vec<(String, Option<u32>, Option<chrono::NaiveDate>, String)> =
        place.load().rota.into_iter().map(|r| (r.team, r.weekday, r.date, r.staff_id)).collect();
    lines.sort();
    assert_eq!(
        lines,
        vec![
            (NORTH.to_string(), None, Some(day("2026-11-27")), "S2".to_string()),
            (NORTH.to_string(), Some(3), None, "S1".to_string()),
        ]
    );
}

#[test]
fn cover_goes_to_a_colleague_with_a_to_do_each_and_ends_by_date_alone() {
    let place = Place::new();
    let absence = place.theo_off_sick().to_string();

    // Priya is off sick herself for part of the period: refused, naming her; nothing written.
    let audit = place.audit_len();
    let said = place.refused("S3", &["cover", "give", &absence, "--to", "S2", "--until", "2026-12-04"]);
    assert!(said.contains("--to: Priya Shah is off sick from Mon 23 Nov 2026 until Wed 25 Nov"), "{said}");
    let said = place.refused("S1", &["cover", "give", &absence, "--to", "S3", "--until", "2026-12-04"]);
    assert!(said.contains("arranged by seniors and managers"), "{said}");
    let county = place.load();
    assert!(county.covers.is_empty() && county.tasks.is_empty(), "{:?} {:?}", county.covers, county.tasks);
    assert_eq!(place.audit_len(), audit);

    // Two weeks to Matilda: all three of Theo's open cases (not Oscar's ceased plan).
    let said = place.ok("S3", &["cover", "give", &absence, "--to", "S3", "--until", "2026-12-04"]);
    assert!(said.contains("all 3 of Theo Brown's children covered by Matilda Fox"), "{said}");
    let listing = place.ok("S1", &["cover", "list"]);
    assert_eq!(covered_children(&listing), ["C1", "C2", "C3"], "{listing}");
    assert_eq!(listing.matches("Matilda Fox covers for Theo Brown until Fri 4 Dec 2026").count(), 3, "{listing}");

    // One "tell the family and school" to-do a child, for Matilda.
    let todos = place.ok("S3", &["todo", "list", "--officer", "S3"]);
    assert_eq!(todos.matches("tell the family and school").count(), 3, "{todos}");
    for child in ["C1", "C2", "C3"] {
        assert!(todos.contains(&format!("  {child} ")), "{child} in\n{todos}");
    }
    let county = place.load();
    let mut tasks: Vec<(&str, TaskKind, Option<&str>)> =
        county.tasks.iter().map(|t| (t.child_id.as_str(), t.kind, t.staff_id.as_deref())).collect();
    tasks.sort_by_key(|t| t.0);
    let expected: Vec<_> = ["C1", "C2", "C3"].into_iter().map(|c| (c, TaskKind::TellCover, Some("S3"))).collect();
    assert_eq!(tasks, expected);
    let covers = county.covers.clone();

    // Covered by name: off the duty queue today, and still in force on its last day.
    let index = absence_index(&county, "S1");
    let queue = place.json_on(TODAY, "S3", &["duty"]);
    let theo = absent_section(&queue, index).expect("Theo's section");
    assert_eq!(theo["group"]["Absent"]["covered"], 3, "{theo}");
    assert_eq!(theo["items"].as_array().map(Vec::len), Some(0), "{theo}");
    assert_eq!(covered_children(&place.ok_on("2026-12-04", "S1", &["cover", "list"])).len(), 3);

    // The Monday after, with Theo still off and nothing run: no cover, his work back on duty.
    let listing = place.ok_on("2026-12-07", "S1", &["cover", "list"]);
    assert_eq!(listing, "No cover in force on Mon 7 Dec 2026.\n");
    let queue = place.json_on("2026-12-07", "S3", &["duty"]);
    let theo = absent_section(&queue, index).expect("Theo's section");
    assert_eq!(theo["group"]["Absent"]["covered"], 0, "{theo}");
    assert!(!theo["items"].as_array().expect("items").is_empty(), "{theo}");
    assert_eq!(place.load().covers, covers, "the cover records are as given: it ends by its dates");
    // Telling the families who covers is moot once cover is over: the to-dos leave the lists.
    assert_eq!(place.ok_on("2026-12-07", "S3", &["todo", "list"]), "No to-dos waiting.\n");
}

#[test]
fn ending_the_absence_early_ends_its_cover_and_closes_the_to_dos() {
    let place = Place::new();
    let absence = place.theo_off_sick().to_string();
    place.ok("S3", &["cover", "give", &absence, "--to", "S3", "--until", "2026-12-04"]);

    // Back on Friday 27th, a week early.
    let said = place.ok_on("2026-11-27", "S4", &["absence", "end", &absence]);
    assert!(said.contains("Theo Brown back on Fri 27 Nov 2026: cover given for the absence ends with it"), "{said}");

    assert_eq!(place.ok_on("2026-11-27", "S1", &["cover", "list"]), "No cover in force on Fri 27 Nov 2026.\n");
    let thursday = place.ok_on("2026-11-27", "S1", &["cover", "list", "--date", "2026-11-26"]);
    assert_eq!(covered_children(&thursday), ["C1", "C2", "C3"], "{thursday}");
    assert_eq!(place.ok_on("2026-11-27", "S3", &["todo", "list"]), "No to-dos waiting.\n");

    let county = place.load();
    let theo = county.absences.iter().find(|a| a.staff_id == "S1").expect("Theo's absence");
    assert_eq!(theo.to, Some(day("2026-11-26")));
    assert_eq!(county.tasks.len(), 3);
    assert!(county.tasks.iter().all(|t| t.done == Some(day("2026-11-27"))), "{:?}", county.tasks);
    let queue = place.json_on("2026-11-27", "S3", &["duty"]);
    assert!(absent_section(&queue, absence_index(&county, "S1")).is_none(), "{queue}");
}

#[test]
fn duty_json_puts_calls_first_then_due_today_then_overdue_then_due_soon() {
    let place = Place::new();
    place.ok("S4", &["absence", "add", "--staff", "S1", "--kind", "sickness", "--from", "2026-12-14"]);
    // A phone message and an email for Theo's children, still unanswered on the day.
    place.ok("S5", &["contact", "add", "C3", "--kind", "phone_message", "--summary", "Dad rang"]);
    place.ok("S5", &["contact", "add", "C1", "--kind", "email_received", "--summary", "School emailed"]);
    let county = place.load();
    let contacts: Vec<i64> = county.contacts.iter().filter(|c| c.child_id != "C4").map(|c| c.id).collect();
    assert_eq!(contacts.len(), 2);

    // Thu 17 Dec: Logan's panel resubmission falls due; his review, Holly's decision overdue;
    // Holly's issue decision (23 Dec) within the coming five working days.
    let queue = place.json_on("2026-12-17", "S3", &["duty"]);
    let theo = absent_section(&queue, absence_index(&county, "S1")).expect("Theo's section");
    let items = theo["items"].as_array().expect("items");
    let rank = |class: &str| ["Contact", "DueToday", "Overdue", "DueSoon"].iter().position(|c| *c == class);
    let order: Vec<(usize, String)> = items
        .iter()
        .map(|i| {
            let class = i["class"].as_str().expect("a class");
            (rank(class).unwrap_or_else(|| panic!("class {class}")), i["due"].as_str().expect("a due day").to_string())
        })
        .collect();
    assert!(order.is_sorted(), "calls, due today, overdue, due soon (each soonest first): {order:?}");
    for class in 0..4 {
        assert!(order.iter().any(|(c, _)| *c == class), "class {class} missing: {order:?}");
    }
    let calls: Vec<i64> = items.iter().filter_map(|i| i["what"]["Contact"].as_i64()).collect();
    assert_eq!(calls.len(), 2, "{items:?}");
    assert!(calls.iter().all(|id| contacts.contains(id)), "{calls:?}");
    let today: Vec<&Value> = items.iter().filter(|i| i["class"] == "DueToday").collect();
    assert!(today.iter().all(|i| i["due"] == "2026-12-17"), "{today:?}");

    // The same order in words.
    let text = place.ok_on("2026-12-17", "S3", &["duty"]);
    let at = |word: &str| text.find(word).unwrap_or_else(|| panic!("{word} in\n{text}"));
    assert!(at("to answer") < at("due today") && at("due today") < at("overdue") && at("overdue") < at("due soon"));
}

#[test]
fn a_hand_over_shows_on_its_receivers_duty_queue_only() {
    let place = Place::new();
    place.ok("S1", &["absence", "add", "--kind", "leave", "--to", "2026-11-27"]);
    let plan = place.ok("S1", &["leave", "plan"]);
    assert!(plan.contains("  3. Thu 26 Nov  Holly Stewart (C1)  panel: assess  → not planned"), "{plan}");
    place.ok("S1", &["leave", "plan", "--item", "3=S2:papers in tray"]);
    let county = place.load();
    let [handover] = county.handovers.as_slice() else { panic!("{:?}", county.handovers) };
    let index = absence_index(&county, "S1");

    let queue = place.json_on("2026-11-26", "S2", &["duty"]);
    let handed = queue.as_array().expect("an array").iter().find(|s| !s["group"]["HandedOver"].is_null());
    let handed = handed.unwrap_or_else(|| panic!("a hand-over to Priya: {queue}"));
    assert_eq!(handed["group"]["HandedOver"]["absence"], index as u64);
    let items = handed["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(
        (&items[0]["what"]["Handover"], &items[0]["class"]),
        (&Value::from(handover.id), &Value::from("DueToday"))
    );
    let text = place.ok_on("2026-11-26", "S2", &["duty"]);
    assert!(text.contains("Handed to you by Theo Brown") && text.contains("panel: assess · papers in tray"), "{text}");

    // Not to the duty officer, nor a manager.
    for who in ["S3", "S4"] {
        let queue = place.json_on("2026-11-26", who, &["duty"]);
        assert!(
            queue.as_array().expect("an array").iter().all(|s| s["group"]["HandedOver"].is_null()),
            "{who}: {queue}"
        );
    }
}

#[test]
fn leave_plan_numbers_the_items_saves_the_choices_and_refuses_a_colleague_away() {
    let place = Place::new();
    place.ok("S1", &["absence", "add", "--kind", "leave", "--to", "2026-11-27"]);
    let plan = place.ok("S1", &["leave", "plan"]);
    assert!(plan.starts_with("While Theo Brown is away from Mon 23 Nov until Fri 27 Nov:\n"), "{plan}");
    let items = [
        "  1. Mon 23 Nov  Zoë Łukasiewicz (C3)  call-back 14:15: When is the review?  → ",
        "  2. Tue 24 Nov  Logan Wright (C2)  panel decision sent: band  → ",
        "  3. Thu 26 Nov  Holly Stewart (C1)  panel: assess  → ",
    ];
    for item in items {
        assert!(plan.contains(&format!("{item}not planned\n")), "{item} in\n{plan}");
    }

    let said = place.ok("S1", &["leave", "plan", "--item", "1=duty:ring mum", "--item", "2=before"]);
    assert!(said.contains("1 to do before going, 1 to the duty officer, 0 to colleagues"), "{said}");
    let planned = place.ok("S1", &["leave", "plan"]);
    for (item, to) in items.iter().zip(["the duty officer (ring mum)", "before going", "not planned"]) {
        assert!(planned.contains(&format!("{item}{to}\n")), "{item}{to} in\n{planned}");
    }
    let handovers = place.load().handovers;
    let mut saved: Vec<(&str, HandoverItem, HandTo, &str)> =
        handovers.iter().map(|h| (h.child_id.as_str(), h.item, h.to, h.note.as_str())).collect();
    saved.sort_by_key(|h| h.0);
    assert_eq!(
        saved,
        [("C2", HandoverItem::Milestone, HandTo::Before, ""), ("C3", HandoverItem::Booking, HandTo::Duty, "ring mum")]
    );

    // The call-back to Priya, off sick that Monday: refused, the plan as it was.
    let said = place.refused("S1", &["leave", "plan", "--item", "1=S2", "--item", "2=before"]);
    assert!(said.contains("--item: ") && said.contains("Priya Shah is off sick on Mon 23 Nov 2026"), "{said}");
    assert_eq!(place.load().handovers, handovers);
    assert_eq!(place.ok("S1", &["leave", "plan"]), planned);
}

#[test]
fn handback_lists_what_others_did_while_away_and_ack_marks_it_read() {
    let place = Place::new();
    place.ok(
        "S4",
        &["absence", "add", "--staff", "S1", "--kind", "sickness", "--from", "2026-11-09", "--to", "2026-11-13"],
    );
    let absence = place.absence_id("S1", AbsenceKind::Sickness).to_string();
    place.ok_on(
        "2026-11-09",
        "S3",
        &["cover", "give", &absence, "--to", "S3", "--until", "2026-11-20", "--children", "C1,C2"],
    );
    place.ok_on(
        "2026-11-11",
        "S5",
        &["contact", "add", "C2", "--kind", "call", "--summary", "Mum rang about the review"],
    );
    // Theo's own note while off, and Ann's after his return: not others' work while away.
    place.ok_on("2026-11-12", "S1", &["contact", "add", "C3", "--kind", "note", "--summary", "Own note"]);
    place.ok_on("2026-11-16", "S5", &["contact", "add", "C3", "--kind", "note", "--summary", "After he was back"]);

    let back = place.ok("S1", &["handback"]);
    assert!(back.starts_with("While Theo Brown was off sick (Mon 9 Nov to Fri 13 Nov):\n"), "{back}");
    assert!(back.contains("  Matilda Fox covered 2 of your children, Mon 9 Nov to Fri 13 Nov\n"), "{back}");
    let line = back.lines().find(|l| l.contains("Mum rang about the review")).unwrap_or_else(|| panic!("{back}"));
    assert!(line.contains("Wed 11 Nov") && line.contains("Ann Lee") && line.contains("Logan Wright (C2)"), "{line}");
    assert!(!back.contains("Own note") && !back.contains("After he was back"), "{back}");
    assert!(back.contains("Not yet read: `caseload handback --ack`"), "{back}");

    let json = place.json_on(TODAY, "S1", &["handback"]);
    assert_eq!(json["absence"]["id"].as_i64().map(|id| id.to_string()), Some(absence.clone()));
    let done = json["done"].as_array().expect("done");
    assert_eq!(done.len(), 1, "{done:?}");
    assert_eq!(
        (&done[0]["day"], &done[0]["by"], &done[0]["child_id"]),
        (&"2026-11-11".into(), &"Ann Lee".into(), &"C2".into())
    );
    assert!(done[0]["what"].as_str().is_some_and(|w| w.contains("Mum rang about the review")), "{done:?}");
    assert_eq!(json["covers"][0]["children"], 2, "{json}");

    // Only Theo marks it read.
    let said = place.refused("S3", &["handback", "--absence", &absence, "--ack"]);
    assert!(said.contains("acknowledged by the officer who was away"), "{said}");
    let acknowledged =
        |place: &Place| place.load().absences.into_iter().find(|a| a.staff_id == "S1").and_then(|a| a.acknowledged);
    assert_eq!(acknowledged(&place), None);
    let said = place.ok("S1", &["handback", "--ack"]);
    assert!(said.contains("handback acknowledged"), "{said}");
    assert_eq!(acknowledged(&place), Some(day(TODAY)));
    let again = place.ok("S1", &["handback"]);
    assert!(again.contains("Read on Mon 23 Nov 2026.") && !again.contains("Not yet read"), "{again}");
    assert!(again.contains("Mum rang about the review"), "{again}");
}

#[test]
fn absence_end_never_lengthens_an_absence() {
    let place = Place::new();
    // Priya is off sick Mon 23 to Wed 25 Nov (absence 1) and on leave the week after.
    place.ok("S2", &["absence", "add", "--kind", "leave", "--from", "2026-11-30", "--to", "2026-12-04"]);
    let absences = place.load().absences;

    // "Back on 8 Dec" for the sickness that ended on the 25th: it cannot end later than it did.
    let said = place.refused("S3", &["absence", "end", "1", "--back", "2026-12-08"]);
    assert!(said.contains("--back: Priya Shah is already back"), "{said}");
    assert_eq!(place.load().absences, absences, "the sickness is not made to run over her leave");
}

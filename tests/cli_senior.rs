//! The senior's work (issue 11) through the built binary: registering requests and transfers in,
//! allocating and reallocating, the team's workloads and balancing, the team finder and the
//! to-dos, on temporary databases (the shared sample, or a small test county) and a fixed day.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;

use caseload::domain::*;
use caseload::store::Store;
use common::{TODAY, day};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_caseload");
const NORTH: &str = "North Pre-14";
const SOUTH: &str = "South Pre-14";

/// A temporary home for one test: its database, its configuration, and nothing of the real
/// machine's (home directory, `CASELOAD_*` settings).
struct Place {
    dir: TempDir,
    db: PathBuf,
    config: PathBuf,
}

impl Place {
    /// An empty database beside `config_text` as the configuration file.
    fn new(config_text: &str) -> Place {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("county.db");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, config_text).expect("write the configuration");
        Place { dir, db, config }
    }

    /// The test county and a few more (see `county`), the example configuration with a small norm.
    fn county() -> Place {
        let place = Place::new(&small_norm_config());
        let mut store = Store::open(&place.db).expect("open");
        store.replace_all(&county(), &common::events(), Some("test"), day(TODAY)).expect("seed");
        place
    }

    /// The shared sample imported, its logins left out so that `--as` says who records, with the
    /// example configuration.
    fn sample() -> Place {
        let place = Place::new(caseload::config::EXAMPLE);
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sample");
        let to = place.dir.path().join("sample");
        std::fs::create_dir(&to).expect("mkdir");
        for file in ["children.csv", "events.csv"] {
            std::fs::copy(from.join(file), to.join(file)).expect("copy the sample");
        }
        let staff = std::fs::read_to_string(from.join("staff.csv")).expect("read staff.csv");
        let mut lines = staff.lines();
        let mut without = format!("{}\n", lines.next().expect("a header"));
        assert!(without.trim_end().ends_with(",login"), "{without}");
        for line in lines {
            let (rest, _login) = line.rsplit_once(',').expect("a login column");
            without.push_str(&format!("{rest},\n"));
        }
        std::fs::write(to.join("staff.csv"), without).expect("write staff.csv");
        let output = place.run(None, &["import", to.to_str().expect("UTF-8 path")]);
        assert!(output.status.success(), "import: {}", stderr(&output));
        place
    }

    /// `caseload ARGS` on this database and configuration, on the test day, as `who`.
    fn run(&self, who: Option<&str>, args: &[&str]) -> Output {
        let mut command = Command::new(BIN);
        command.args(args).args(["--today", TODAY, "--db"]).arg(&self.db).arg("--config").arg(&self.config);
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

    /// Runs as `who` and expects success; returns what it printed.
    fn ok(&self, who: &str, args: &[&str]) -> String {
        let output = self.run(Some(who), args);
        assert!(output.status.success(), "{args:?} as {who}: {}", stderr(&output));
        stdout(&output)
    }

    /// Runs as `who` and expects a refusal with exit code 1; returns what it said.
    fn refused(&self, who: &str, args: &[&str]) -> String {
        let output = self.run(Some(who), args);
        assert_eq!(output.status.code(), Some(1), "{args:?} as {who}: {}{}", stdout(&output), stderr(&output));
        stderr(&output)
    }

    fn store(&self) -> Store {
        Store::open(&self.db).expect("open")
    }

    fn load(&self) -> County {
        self.store().load_county().expect("load")
    }

    /// Everything a refused command must leave as it was.
    fn snapshot(&self) -> (Vec<Child>, Vec<Allocation>, Vec<Task>, Vec<caseload::domain::Request>, usize) {
        let store = self.store();
        let county = store.load_county().expect("load");
        let audit = store.audit_rows(100_000).expect("audit").len();
        (county.children, county.allocations, county.tasks, county.requests, audit)
    }

    fn officer_of(&self, child: &str) -> Option<String> {
        self.load().children.into_iter().find(|c| c.id == child).and_then(|c| c.officer)
    }

    /// `team --json` (nobody need be named to read it).
    fn team_json(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let output = self.run(None, &[&["team", "--json"][..], extra].concat());
        assert!(output.status.success(), "team --json {extra:?}: {}", stderr(&output));
        let text = stdout(&output);
        serde_json::from_str::<serde_json::Value>(&text).expect("JSON").as_array().expect("an array").clone()
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The shipped example configuration with the norm set to [3, 6], to suit a small county.
fn small_norm_config() -> String {
    let example = caseload::config::EXAMPLE;
    let config = example.replace("norm = [170, 230]", "norm = [3, 6]");
    assert_ne!(config, example, "the example's norm line moved");
    config
}

fn staff(id: &str, name: &str, role: Role, team: &str) -> Staff {
    Staff { id: id.into(), name: name.into(), role, team: team.into(), login: None }
}

/// A Year 4 child in WR2 (North Pre-14's) with a plan reviewed in June: nothing due for months.
fn plan_child(id: &str, officer: &str, postcode: &str) -> Child {
    Child {
        id: id.into(),
        first_name: "Child".into(),
        last_name: id.into(),
        date_of_birth: day("2017-10-09"),
        postcode: Some(postcode.into()),
        setting: None,
        primary_need: None,
        officer: Some(officer.into()),
        stage: Stage::Plan,
        request_date: None,
        assess_decision_date: None,
        draft_date: None,
        plan_date: Some(day("2020-01-10")),
        last_review_date: Some(day("2026-06-01")),
        band: None,
        year_group_override: None,
    }
}

/// The test county (S1 Theo Brown and S2 Priya Shah officers of North Pre-14, S2 away and
/// covered, S3 Matilda Fox its senior, S4 James Hall a manager, S5 business support), with
/// officer S6 Nia Evans in North Pre-14, a South Pre-14 team (officer S7 Omar Price holding
/// C20, senior S8 Ruth Lane), and six more plans for Theo (C10–C15) and one (C16) in a
/// South district.
fn county() -> County {
    let mut county = common::county_without_logins();
    county.staff.push(staff("S6", "Nia Evans", Role::Officer, NORTH));
    county.staff.push(staff("S7", "Omar Price", Role::Officer, SOUTH));
    county.staff.push(staff("S8", "Ruth Lane", Role::Senior, SOUTH));
    for n in 10..=15 {
        county.children.push(plan_child(&format!("C{n}"), "S1", "WR2 4AA"));
    }
    county.children.push(plan_child("C16", "S1", "WR12 1AB"));
    county.children.push(plan_child("C20", "S7", "WR12 2AB"));
    // As an import records them: each allocated child's officer from the test day.
    county.allocations.clear();
    county
}

/// The ids of the open to-dos `todo list` prints (the first word of each line).
fn todo_ids(listing: &str) -> Vec<i64> {
    listing
        .lines()
        .filter(|l| !l.starts_with("No to-dos"))
        .map(|l| l.split_whitespace().next().expect("an id").parse().expect("a number"))
        .collect()
}

// ---------------------------------------------------------------------------------------------

#[test]
fn request_add_registers_a_child_and_a_bad_requester_changes_nothing() {
    let place = Place::sample();
    let before = place.snapshot();
    let highest = before.0.iter().filter_map(|c| c.id.strip_prefix('C')?.parse::<u64>().ok()).max().expect("ids");
    let next = format!("C{}", highest + 1);

    // Who asked, in a spelling clap does not know: refused by the parser, nothing opened or saved.
    let bad = ["request", "add", "--first", "Zoë", "--last", "Ashby", "--dob", "2016-02-02", "--by", "grandparent"];
    let output = place.run(Some("S016"), &bad);
    let text = stderr(&output);
    assert!(!output.status.success() && output.status.code() != Some(0), "{text}");
    assert!(text.contains("--by") && text.contains("grandparent"), "{text}");
    assert!(text.contains("parent, young_person, school, professional"), "{text}");
    let missing =
        place.run(Some("S016"), &["request", "add", "--first", "Zoë", "--last", "Ashby", "--dob", "2016-02-02"]);
    assert!(!missing.status.success() && stderr(&missing).contains("--by"), "{}", stderr(&missing));
    let need = place.refused(
        "S016",
        &[
            "request",
            "add",
            "--first",
            "Zoë",
            "--last",
            "Ashby",
            "--dob",
            "2016-02-02",
            "--by",
            "parent",
            "--need",
            "XYZ",
        ],
    );
    assert!(need.contains("--need XYZ: not one of"), "{need}");
    let postcode = place.refused(
        "S016",
        &[
            "request",
            "add",
            "--first",
            "Zoë",
            "--last",
            "Ashby",
            "--dob",
            "2016-02-02",
            "--by",
            "parent",
            "--postcode",
            "nowhere",
        ],
    );
    assert!(postcode.contains("--postcode:") && postcode.contains("not a UK postcode"), "{postcode}");
    let future = place.refused(
        "S016",
        &[
            "request",
            "add",
            "--first",
            "Zoë",
            "--last",
            "Ashby",
            "--dob",
            "2016-02-02",
            "--by",
            "parent",
            "--received",
            "2026-11-24",
        ],
    );
    assert!(future.contains("--received:") && future.contains("in the future"), "{future}");
    assert_eq!(place.snapshot(), before, "nothing saved");

    // Business support register (the example's register_roles include admin).
    let args = [
        "request",
        "add",
        "--first",
        "Zoë",
        "--last",
        "Ashby",
        "--dob",
        "2016-02-02",
        "--postcode",
        "wr2 4aa",
        "--by",
        "School",
        "--received",
        "2026-11-10",
        "--need",
        "slcn",
    ];
    let done = place.ok("S016", &args);
    assert_eq!(
        done.trim_end(),
        format!(
            "request from the school or setting registered for Zoë Ashby ({next}), not yet allocated: \
             received Tue 10 Nov 2026, decision to assess due Tue 22 Dec 2026"
        )
    );
    let county = place.load();
    assert_eq!(county.children.len(), before.0.len() + 1);
    let zoe = county.children.iter().find(|c| c.id == next).expect("registered");
    assert_eq!((zoe.stage, zoe.request_date, zoe.officer.as_deref()), (Stage::Request, Some(day("2026-11-10")), None));
    assert_eq!((zoe.postcode.as_deref(), zoe.primary_need), (Some("WR2 4AA"), Some(Need::Slcn)));
    let request = county.requests.iter().find(|r| r.child_id == next).expect("the request kept");
    assert_eq!((request.requested_by, request.recorded_by.as_deref()), (Requester::School, Some("S016")));

    // The same child again, however it is typed: refused.
    let again = place.refused(
        "S016",
        &["request", "add", "--first", "zoe", "--last", "ASHBY", "--dob", "2016-02-02", "--by", "parent", "--confirm"],
    );
    assert!(again.contains("--last:") && again.contains(&format!("already on file ({next}, request)")), "{again}");

    // Allocating at once: not for business support; a senior within their team.
    let kit = [
        "request",
        "add",
        "--first",
        "Kit",
        "--last",
        "Marsh",
        "--dob",
        "2017-05-05",
        "--by",
        "parent",
        "--officer",
        "S003",
    ];
    let why = place.refused("S016", &kit);
    assert!(why.contains("not allowed") && why.contains("allocated by seniors"), "{why}");
    let why = place.refused("S008", &kit);
    assert!(why.contains("not allowed") && why.contains("North Pre-14"), "South's senior: {why}");
    let done = place.ok("S002", &kit);
    assert!(done.contains("registered for Kit Marsh") && done.contains(", with Theo Brown:"), "{done}");
    assert_eq!(place.load().children.len(), before.0.len() + 2);
}

#[test]
fn request_add_reopens_a_closed_case_only_with_confirm() {
    let place = Place::sample();
    // A ceased case young enough to come back.
    let county = place.load();
    let closed = county
        .children
        .iter()
        .find(|c| c.stage == Stage::Ceased && c.date_of_birth > day("2003-01-01"))
        .expect("the sample has a closed case")
        .clone();
    let dob = closed.date_of_birth.to_string();
    let first = closed.first_name.to_uppercase();
    let args = ["request", "add", "--first", &first, "--last", &closed.last_name, "--dob", &dob, "--by", "parent"];
    let before = place.snapshot();
    let asked = place.refused("S002", &args);
    assert!(asked.contains(&format!("closed case ({})", closed.id)) && asked.contains("Add --confirm"), "{asked}");
    assert_eq!(place.snapshot(), before, "nothing saved until confirmed");
    let done = place.ok("S002", &[&args[..], &["--confirm"]].concat());
    assert!(done.contains(&format!("case reopened for {} ({})", closed.full_name(), closed.id)), "{done}");
    let county = place.load();
    assert_eq!(county.children.len(), before.0.len(), "reopened, not registered twice");
    let back = county.children.iter().find(|c| c.id == closed.id).expect("the same id");
    assert_eq!((back.stage, back.request_date), (Stage::Request, Some(day(TODAY))));
}

#[test]
fn child_add_transfers_a_child_in_with_their_plan() {
    let place = Place::county();
    let before = place.snapshot();
    let base = [
        "child",
        "add",
        "--first",
        "Maya",
        "--last",
        "Singh",
        "--dob",
        "2014-01-20",
        "--postcode",
        "WR12 3CD",
        "--plan-date",
        "2024-03-01",
    ];
    // The next review must be 12 months or more after the plan, and not with --last-review.
    let early = place.refused("S8", &[&base[..], &["--next-review", "2024-12-01"]].concat());
    assert!(early.contains("--next-review:") && early.contains("less than 12 months"), "{early}");
    let both =
        place.run(Some("S8"), &[&base[..], &["--next-review", "2027-02-10", "--last-review", "2026-02-10"]].concat());
    assert!(!both.status.success() && stderr(&both).contains("cannot be used with"), "{}", stderr(&both));
    assert_eq!(place.snapshot(), before);

    let done = place.ok("S8", &[&base[..], &["--next-review", "2027-02-10", "--officer", "S7"]].concat());
    assert_eq!(done.trim_end(), "Maya Singh (C21) transferred in, with Omar Price, with a plan of Fri 1 Mar 2024");
    let county = place.load();
    let maya = county.children.iter().find(|c| c.id == "C21").expect("added");
    assert_eq!(
        (maya.stage, maya.plan_date, maya.last_review_date, maya.request_date, maya.officer.as_deref()),
        (Stage::Plan, Some(day("2024-03-01")), Some(day("2026-02-10")), None, Some("S7"))
    );
    assert!(county.requests.is_empty(), "a transfer in is not a request");
    // Its next annual review is the one given.
    let deadlines = place.ok("S8", &["deadlines", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&deadlines).expect("JSON");
    let review = rows
        .as_array()
        .expect("an array")
        .iter()
        .find(|r| r.to_string().contains("C21") && r.to_string().contains("annual_review"))
        .unwrap_or_else(|| panic!("C21's annual review in {deadlines}"));
    assert!(review.to_string().contains("2027-02-10"), "{review}");
}

#[test]
fn allocate_and_reallocate_move_children_with_a_to_do_each() {
    let place = Place::county();
    let before = place.snapshot();
    // Officers do not allocate; a senior not from another team; children are held by officers.
    let why = place.refused("S1", &["allocate", "C5", "--to", "S1", "--reason", "new to the team"]);
    assert!(why.contains("not allowed: children are allocated by seniors"), "{why}");
    let why = place.refused("S3", &["allocate", "C20", "--to", "S6", "--reason", "new to the team"]);
    assert!(why.contains("own team (North Pre-14)") && why.contains("South Pre-14"), "{why}");
    let why = place.refused("S3", &["allocate", "C5", "--to", "S4", "--reason", "new to the team"]);
    assert!(why.contains("--to: James Hall is a manager"), "{why}");
    let why = place.refused("S3", &["allocate", "C99", "--to", "S6", "--reason", "new to the team"]);
    assert!(why.contains("no child has id C99"), "{why}");
    // All or nothing: C10 may move, C20 may not, so neither does.
    let why = place.refused("S3", &["reallocate", "--children", "C10,C20", "--to", "S6", "--reason", "cover"]);
    assert!(why.contains("South Pre-14"), "{why}");
    let why = place.refused("S3", &["reallocate", "--from", "S6", "--to", "S1", "--reason", "back"]);
    assert!(why.contains("--from S6: no child to move"), "{why}");
    assert_eq!(place.snapshot(), before, "nothing saved");

    let done = place.ok("S3", &["allocate", "C5", "--to", "S6", "--reason", "new to the team"]);
    assert_eq!(
        done.trim_end(),
        "1 child moved (new to the team): 1 to Nia Evans; each new officer has a to-do to tell the family and school by \
         Mon 30 Nov 2026"
    );
    assert_eq!(place.officer_of("C5").as_deref(), Some("S6"));
    // Every plan of Theo's (not his request, nor his closed case) to Nia.
    let done =
        place.ok("S3", &["reallocate", "--from", "S1", "--stage", "plan", "--to", "S6", "--reason", "Theo is leaving"]);
    assert!(done.starts_with("9 children moved (Theo is leaving): 9 to Nia Evans;"), "{done}");
    let county = place.load();
    let theo: Vec<&str> =
        county.children.iter().filter(|c| c.officer.as_deref() == Some("S1")).map(|c| c.id.as_str()).collect();
    assert_eq!(theo, ["C1", "C6"], "his request and his ceased case stay");
    let c3: Vec<(Option<&str>, Option<NaiveDate>, &str)> = county
        .allocations
        .iter()
        .filter(|a| a.child_id == "C3")
        .map(|a| (a.officer_id.as_deref(), a.to, a.reason.as_str()))
        .collect();
    assert_eq!(c3, [(Some("S1"), Some(day(TODAY)), "imported"), (Some("S6"), None, "Theo is leaving")]);
    // A manager moves across teams, but not dated before a child's current allocation began.
    let why = place.refused(
        "S4",
        &["reallocate", "--children", "C10,C20", "--to", "S2", "--reason", "cover", "--date", "2026-11-20"],
    );
    assert!(why.contains("--date:") && why.contains("since Mon 23 Nov 2026"), "{why}");
    let done = place.ok("S4", &["reallocate", "--children", "C10,C20", "--to", "S2", "--reason", "cover"]);
    assert!(
        done.starts_with("2 children moved (cover): 2 to Priya Shah;") && done.contains("Mon 30 Nov 2026"),
        "{done}"
    );
    assert_eq!((place.officer_of("C10").as_deref(), place.officer_of("C20").as_deref()), (Some("S2"), Some("S2")));

    // The to-dos: one per child moved, for their newest officer: C10's went with C10 to Priya.
    let all = place.ok("S3", &["todo", "list"]);
    assert_eq!(todo_ids(&all).len(), 11, "{all}");
    let priya = place.ok("S3", &["todo", "list", "--officer", "S2"]);
    assert_eq!(todo_ids(&priya).len(), 2, "{priya}");
    assert!(priya.lines().all(|l| l.contains("due 2026-11-30") && l.contains("now with Priya Shah")), "{priya}");
    let nia = place.ok("S3", &["todo", "list", "--officer", "S6"]);
    // C5 and Theo's eight plans still with her.
    assert_eq!(todo_ids(&nia).len(), 9, "{nia}");
    assert!(nia.lines().all(|l| l.contains("due 2026-11-30") && l.contains("now with Nia Evans")), "{nia}");
    assert!(nia.contains("Zoë Łukasiewicz"), "{nia}");

    let c5 = place.load().tasks.iter().find(|t| t.child_id == "C5").expect("C5's to-do").id;
    let id = c5.to_string();
    let why = place.refused("S6", &["todo", "done", &id, "--date", "2026-11-24"]);
    assert!(why.contains("--date:") && why.contains("in the future"), "{why}");
    let done = place.ok("S6", &["todo", "done", &id]);
    assert!(done.contains("Amira O'Brien's family and school told (now with Nia Evans) on Mon 23 Nov 2026"), "{done}");
    let task = place.load().tasks.into_iter().find(|t| t.id == c5).expect("kept");
    assert_eq!(task.done, Some(day(TODAY)));
    assert!(!todo_ids(&place.ok("S3", &["todo", "list"])).contains(&c5), "done, so no longer listed");
    assert!(place.refused("S6", &["todo", "done", &id]).contains("already done"));
    assert!(place.refused("S6", &["todo", "done", "999"]).contains("no to-do has id 999"));
    let nobody = place.ok("S3", &["todo", "list", "--officer", "S7"]);
    assert_eq!(nobody.trim_end(), "No to-dos waiting.");
}

#[test]
fn team_shows_each_officers_workload_against_the_norm() {
    let place = Place::county();
    let loads = place.team_json(&[]);
    let ids: Vec<&str> = loads.iter().map(|l| l["staff_id"].as_str().expect("staff_id")).collect();
    assert_eq!(ids, ["S1", "S2", "S6", "S7"], "officers only");
    for load in &loads {
        for field in ["staff_id", "name", "team", "children", "overdue", "due_soon", "open_contacts", "score"] {
            assert!(load.get(field).is_some_and(|v| !v.is_null()), "{field} in {load}");
        }
    }
    let by = |id: &str| loads.iter().find(|l| l["staff_id"] == id).expect("listed").clone();
    let theo = by("S1");
    // C1 (a request, 1.5), C2 (a plan, 1), C3 (a plan moving school next year, 1.5), seven plans.
    assert_eq!((theo["name"].as_str(), theo["team"].as_str()), (Some("Theo Brown"), Some(NORTH)));
    assert_eq!(
        (theo["children"].as_u64(), theo["requests"].as_u64(), theo["plans"].as_u64()),
        (Some(10), Some(1), Some(9))
    );
    assert_eq!(theo["score"].as_f64(), Some(11.0));
    assert_eq!((theo["overdue"].as_u64(), theo["transfers"].as_u64()), (Some(2), Some(1)), "{theo}");
    let priya = by("S2");
    assert_eq!((priya["children"].as_u64(), priya["open_contacts"].as_u64()), (Some(1), Some(1)));
    assert_eq!(priya["away_until"].as_str(), Some("2026-11-25"));
    assert_eq!((by("S6")["children"].as_u64(), by("S6")["score"].as_f64()), (Some(0), Some(0.0)));

    let south = place.team_json(&["--team", SOUTH]);
    assert_eq!(south.len(), 1);
    assert_eq!((south[0]["staff_id"].as_str(), south[0]["score"].as_f64()), (Some("S7"), Some(1.0)));

    let text = place.ok("S1", &["team", "--team", NORTH]);
    assert!(text.lines().next().expect("a header").contains("norm 3–6"), "{text}");
    let line = |name: &str| text.lines().find(|l| l.starts_with(name)).unwrap_or_else(|| panic!("{name} in {text}"));
    assert!(line("Theo Brown").contains("11.0  above"), "{text}");
    assert!(line("Nia Evans").contains("0.0  below"), "{text}");
    assert!(line("Priya Shah").contains("away until Wed 25 Nov"), "{text}");
    assert!(!text.contains("Omar Price"), "only North's officers: {text}");

    let output = place.run(Some("S1"), &["team", "--team", "Nowhere"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("--team Nowhere: no such team (teams: Assessment, North Pre-14, South Pre-14)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn team_balance_suggests_moves_within_the_team_and_applies_them() {
    let place = Place::county();
    let suggested = place.ok("S1", &["team", "balance", "--team", NORTH]);
    let lines: Vec<&str> = suggested.lines().collect();
    assert_eq!(lines.len(), 6, "{suggested}");
    assert_eq!(lines[0], "Zoë Łukasiewicz (C3, plan, weighs 1.5): Theo Brown 11.0 → 9.5; Nia Evans 0.0 → 1.5");
    for line in &lines[1..5] {
        assert!(line.contains("plan, weighs 1.0): Theo Brown") && line.contains("; Nia Evans"), "{suggested}");
    }
    assert!(lines[4].ends_with("Theo Brown 6.5 → 5.5; Nia Evans 4.5 → 5.5"), "{suggested}");
    assert_eq!(lines[5], "5 moves suggested; --apply makes them");
    // Not C1 or C2 (deadlines), nor C16 (a South district), nor to Priya (away), nor C20 (South's).
    for never in ["(C1,", "(C2,", "(C16,", "(C20,", "Priya Shah"] {
        assert!(!suggested.contains(never), "{never}: {suggested}");
    }
    let before = place.snapshot();
    assert_eq!(before.2.len(), 0, "suggesting saves nothing");

    // Who may apply them: not an officer, nor another team's senior.
    let why = place.refused("S1", &["team", "balance", "--team", NORTH, "--apply"]);
    assert!(why.contains("not allowed: children are allocated by seniors"), "{why}");
    let why = place.refused("S8", &["team", "balance", "--team", NORTH, "--apply"]);
    assert!(why.contains("own team (South Pre-14)"), "{why}");
    assert_eq!(place.snapshot(), before);

    let applied = place.ok("S3", &["team", "balance", "--team", NORTH, "--apply", "--reason", "evening out"]);
    assert!(
        applied.contains(
            "5 children moved (evening out): 5 to Nia Evans; each new officer has a to-do to tell the family and \
             school by Mon 30 Nov 2026"
        ),
        "{applied}"
    );
    for child in ["C3", "C10", "C11", "C12", "C13"] {
        assert_eq!(place.officer_of(child).as_deref(), Some("S6"), "{child}");
    }
    for child in ["C1", "C2", "C14", "C15", "C16"] {
        assert_eq!(place.officer_of(child).as_deref(), Some("S1"), "{child}");
    }
    let loads = place.team_json(&["--team", NORTH]);
    let score = |id: &str| loads.iter().find(|l| l["staff_id"] == id).and_then(|l| l["score"].as_f64());
    assert_eq!((score("S1"), score("S6"), score("S2")), (Some(5.5), Some(5.5), Some(1.0)));
    assert_eq!(todo_ids(&place.ok("S6", &["todo", "list", "--officer", "S6"])).len(), 5);
    let county = place.load();
    assert!(
        county.allocations.iter().filter(|a| a.reason == "evening out").all(|a| a.by_staff.as_deref() == Some("S3"))
    );

    let again = place.ok("S3", &["team", "balance", "--team", NORTH]);
    assert!(again.starts_with("North Pre-14: every officer here is inside the norm (3–6)"), "{again}");
    let output = place.run(Some("S3"), &["team", "balance"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("team balance needs --team TEAM"), "{}", stderr(&output));
}

#[test]
fn finder_names_the_team_for_an_age_and_a_postcode() {
    let place = Place::new(caseload::config::EXAMPLE);
    let find = |args: &[&str]| place.run(None, &[&["finder"][..], args].concat());
    let cases: [(&[&str], &str); 5] = [
        (&["--dob", "2012-08-31", "--postcode", "WR1 1AA"], "North Post-14 (post-14, Year 10 in WR1 1AA)"),
        (&["--dob", "2012-09-01", "--postcode", "wr1 1aa"], "North Pre-14 (pre-14, Year 9 in wr1 1aa)"),
        (&["--dob", "2017-10-09", "--postcode", "HR8 2AB"], "South Pre-14 (pre-14, Year 4 in HR8 2AB)"),
        (&["--year-group", "11", "--postcode", "WR15 3CD"], "South Post-14 (post-14, Year 11 in WR15 3CD)"),
        (&["--year-group", "-1", "--postcode", "WR10 3CD"], "South Pre-14 (pre-14, Nursery in WR10 3CD)"),
    ];
    for (args, says) in cases {
        let output = find(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        assert_eq!(stdout(&output).trim_end(), says, "{args:?}");
    }
    // The year group is the one on --today: in the summer before, the same child was in Year 9.
    let output = Command::new(BIN)
        .args(["finder", "--dob", "2012-08-31", "--postcode", "WR1 1AA", "--today", "2026-08-31", "--config"])
        .arg(&place.config)
        .env_remove("CASELOAD_TODAY")
        .env("HOME", place.dir.path())
        .output()
        .expect("runs");
    assert_eq!(stdout(&output).trim_end(), "North Pre-14 (pre-14, Year 9 in WR1 1AA)", "{}", stderr(&output));

    let unmatched = find(&["--dob", "2017-10-09", "--postcode", "B1 1AA"]);
    assert_eq!(unmatched.status.code(), Some(1));
    assert!(stdout(&unmatched).is_empty());
    assert_eq!(
        stderr(&unmatched).trim_end(),
        "caseload: no team matches Year 4 in B1: add the district to a team in config.toml"
    );
    let nonsense = find(&["--dob", "2017-10-09", "--postcode", "nowhere"]);
    assert_eq!(nonsense.status.code(), Some(1));
    assert!(stderr(&nonsense).contains("\"nowhere\" is not a UK postcode"), "{}", stderr(&nonsense));
    let neither = find(&["--postcode", "WR1 1AA"]);
    assert!(!neither.status.success() && stderr(&neither).contains("--dob"), "{}", stderr(&neither));

    // Without a team table, the finder says so.
    let bare = Place::new("terminology = \"SEND Officer\"\n");
    let output = bare.run(None, &["finder", "--dob", "2017-10-09", "--postcode", "WR1 1AA"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no team table is configured"), "{}", stderr(&output));
}

#[test]
fn team_json_counts_the_samples_children_as_children_csv_has_them() {
    let place = Place::sample();
    let loads = place.team_json(&[]);
    let csv = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sample/children.csv"))
        .expect("read the sample");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect("a column");
    let (officer, stage) = (column("officer"), column("stage"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let ids: Vec<&str> = loads.iter().map(|l| l["staff_id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["S003", "S006", "S009", "S012", "S015"], "the sample's officers");
    let weights = caseload::domain::workload::WorkloadSettings::default();
    for load in &loads {
        let id = load["staff_id"].as_str().expect("id");
        let held: Vec<&csv::StringRecord> =
            rows.iter().filter(|r| &r[officer] == id && &r[stage] != "ceased").collect();
        let at = |s: &str| held.iter().filter(|r| &r[stage] == s).count() as u64;
        let count = |field: &str| load[field].as_u64().expect("a count");
        assert_eq!(count("children"), held.len() as u64, "{id}");
        assert_eq!(
            (count("requests"), count("assessments"), count("drafts"), count("plans")),
            (at("request"), at("assessment"), at("draft"), at("plan")),
            "{id}"
        );
        let expected = weights.request * at("request") as f64
            + weights.assessment * at("assessment") as f64
            + weights.draft * at("draft") as f64
            + weights.plan * at("plan") as f64
            + weights.phase_transfer * count("transfers") as f64;
        assert!((load["score"].as_f64().expect("a score") - expected).abs() < 1e-9, "{id}: {load}");
    }
    // The locality teams hold one officer each: nothing to balance between.
    let output = place.ok("S002", &["team", "balance", "--team", NORTH]);
    assert!(output.starts_with("North Pre-14: one officer here today: nobody to move children between"), "{output}");
}

#[test]
fn every_option_of_the_seniors_commands_has_help() {
    let commands: &[&[&str]] = &[
        &["request", "add"],
        &["child", "add"],
        &["allocate"],
        &["reallocate"],
        &["team"],
        &["team", "balance"],
        &["finder"],
        &["todo", "list"],
        &["todo", "done"],
    ];
    for command in commands {
        let output = Command::new(BIN).args(*command).arg("--help").output().expect("runs");
        assert!(output.status.success(), "{command:?} --help");
        let text = stdout(&output);
        let options = text.lines().filter(|l| l.starts_with("  ") && l.trim_start().starts_with(['-', '<']));
        let mut seen = 0;
        for line in options {
            seen += 1;
            let described = line.trim().split_once("  ").is_some_and(|(_, about)| !about.trim().is_empty());
            assert!(described, "{command:?}: no help for {}", line.trim());
        }
        assert!(seen > 3, "{command:?}: {text}");
        assert!(!text.contains("<DATE>"), "{command:?}: dates show their format\n{text}");
    }
}

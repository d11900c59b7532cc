//! The command line.

mod choice;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Parser, Subcommand};

pub use choice::{Choice, step_detail};

use crate::app::Pane;
use crate::domain::casework::ContactEntry;
use crate::domain::{DisputeKind, Need, OrderKind, PanelOutcome, PanelQuestion, StepKind};

#[derive(Debug, Parser)]
#[command(
    name = "caseload",
    version,
    about = "Statutory casework for SEND teams: caseloads, deadlines, panels and duty cover",
    long_about = "Statutory casework for SEND teams: caseloads, deadlines, panels and duty cover.\n\n\
                  With no command, opens the terminal interface for the person logged in.\n\
                  Try `caseload demo` to explore a fictional county."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Database file [default: caseload.db in the platform data directory]
    #[arg(long, global = true, env = "CASELOAD_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Treat this date as today (YYYY-MM-DD), for reproducible output
    #[arg(long, global = true, env = "CASELOAD_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// Configuration file [default: config.toml in the platform config directory]
    #[arg(long, global = true, env = "CASELOAD_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Act as this member of staff (staff id) instead of the one matching your login
    #[arg(long = "as", global = true, value_name = "STAFF_ID")]
    pub as_staff: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import staff.csv, children.csv and events.csv from a folder (all or nothing)
    Import(ImportArgs),
    /// Export the database as staff.csv, children.csv and events.csv
    Export(ExportArgs),
    /// List open statutory milestones, soonest first
    Deadlines(DeadlinesArgs),
    /// The authority's headline figures
    Report(ReportArgs),
    /// Build (on first use) and open a fictional demo county
    Demo(DemoArgs),
    /// Print one frame of the interface as plain text (for scripts, docs and tests)
    Render(RenderArgs),
    /// Record and answer contacts with families (phone messages, emails, calls, letters…)
    #[command(subcommand)]
    Contact(ContactCommand),
    /// Record a statutory step for a child (decision to assess, draft, final plan, review…)
    #[command(after_help = choice::step_help())]
    Step(StepArgs),
    /// Submit children to panels and record their decisions
    #[command(subcommand)]
    Panel(PanelCommand),
    /// Change a child's details: setting, postcode, primary need, band, year group
    #[command(subcommand)]
    Child(ChildCommand),
    /// Phone surgeries: officers' weekly slots and booked call-backs
    #[command(subcommand)]
    Surgery(SurgeryCommand),
    /// Mediation and tribunal appeals
    #[command(subcommand)]
    Dispute(DisputeCommand),
    /// Show the audit log: who changed what, and when
    Audit(AuditArgs),
}

#[derive(Debug, Subcommand)]
pub enum PanelCommand {
    /// Put a child to a coming panel
    Submit {
        /// The child's id
        child: String,
        /// The panel's date (YYYY-MM-DD), a working day today or later; one open panel case per child
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// What the panel is asked to decide; it must fit the stage (assess at request; issue_plan, placement or band in assessment; amend, placement or band for a plan)
        #[arg(long, value_parser = Choice::new(PanelQuestion::ALL, PanelQuestion::as_str))]
        question: PanelQuestion,
        /// The papers going to the panel
        #[arg(long)]
        papers: String,
    },
    /// Record a panel's decision and/or that it was sent to the family
    Decision {
        /// The panel case id (see `caseload panel list`)
        id: i64,
        /// What the panel decided
        #[arg(long, value_parser = Choice::new(PanelOutcome::ALL, PanelOutcome::as_str))]
        outcome: Option<PanelOutcome>,
        /// What a deferred case needs before it goes back
        #[arg(long)]
        needs: Option<String>,
        /// When the decision and reasons were sent to the family (YYYY-MM-DD); give --how too
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "how")]
        sent: Option<NaiveDate>,
        /// How they were sent; give --sent too
        #[arg(long, value_parser = Choice::new(SENT_HOW, |w| w), requires = "sent")]
        how: Option<&'static str>,
    },
    /// List panel cases
    List,
}

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Record a contact; a phone message or email received opens one to answer
    Add {
        /// The child's id
        child: String,
        /// What kind of contact: a phone_message or email_received is one to answer
        #[arg(long, value_parser = Choice::new(&ContactEntry::ALL, ContactEntry::as_str))]
        kind: ContactEntry,
        /// What it was about
        #[arg(long)]
        summary: String,
        /// When it happened (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Mark a contact answered
    Answer {
        /// The contact's id (see `caseload contact list`)
        id: i64,
        /// When it was answered (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Record the date the family was told to expect an answer, when more time is needed
    Promise {
        /// The contact's id (see `caseload contact list`)
        id: i64,
        /// The date given to the family (YYYY-MM-DD), after today
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
    },
    /// List contacts still to answer
    List {
        /// Only this child's (child id)
        #[arg(long, value_name = "CHILD_ID")]
        child: Option<String>,
        /// Answered ones too
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Args)]
pub struct StepArgs {
    /// The child's id
    pub child: String,
    /// The step
    #[arg(value_parser = Choice::new(StepKind::ALL, StepKind::as_str))]
    pub kind: StepKind,
    /// When it happened (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The decision (agreed, declined), the advice, the review decision, the Reg 10(4)
    /// exception (a-d) or the SEN2 ceasing reason (1-9): see the list below
    #[arg(long)]
    pub detail: Option<String>,
    /// When an exception ended or is expected to (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Go ahead with a step that closes a case (ceasing a plan, a decision not to proceed)
    #[arg(long)]
    pub confirm: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// How many rows, newest first
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Which pane
    #[arg(long, default_value = "caseload", value_parser = Choice::new(&Pane::ALL, pane_word))]
    pub pane: Pane,
    /// Frame size as WIDTHxHEIGHT
    #[arg(long, default_value = "80x24", value_parser = parse_size)]
    pub size: (u16, u16),
    /// Focus this child (child id), e.g. for the timeline
    #[arg(long, value_name = "CHILD_ID")]
    pub child: Option<String>,
}

/// How a panel decision reaches the family, as the interface's panel form offers.
const SENT_HOW: &[&str] = &["email", "letter", "phone", "meeting"];

fn pane_word(pane: Pane) -> &'static str {
    match pane {
        Pane::Caseload => "caseload",
        Pane::Timeline => "timeline",
        Pane::Panel => "panel",
        Pane::Duty => "duty",
        Pane::Surgery => "surgery",
    }
}

pub fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let bad = || format!("\"{text}\" is not a size like 80x24");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u16, u16) = (w.trim().parse().map_err(|_| bad())?, h.trim().parse().map_err(|_| bad())?);
    if w == 0 || h == 0 || w > 1000 || h > 1000 {
        return Err(format!("\"{text}\": width and height must be 1-1000"));
    }
    Ok((w, h))
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Folder holding staff.csv, children.csv and (optionally) events.csv
    pub dir: PathBuf,
    /// Replace the records already in the database
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Folder to write into (created if missing)
    pub dir: PathBuf,
    /// Overwrite CSV files already in the folder
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    /// Only children allocated to this officer (staff id)
    #[arg(long, value_name = "STAFF_ID")]
    pub officer: Option<String>,
    /// Only children whose officer is in this team
    #[arg(long, value_name = "TEAM")]
    pub team: Option<String>,
    /// Only milestones due within this many days (overdue ones always shown)
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Number of children in the demo county
    #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(1..=50_000))]
    pub children: u32,
    /// Seed for the fictional county
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Rebuild the demo database even if it exists
    #[arg(long)]
    pub reset: bool,
    /// Print the demo's report and deadlines instead of opening the interface
    #[arg(long)]
    pub print: bool,
}

pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    use chrono::format::ParseErrorKind::{Impossible, OutOfRange};
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|e| match e.kind() {
        // Shaped like a date, but the 13th month or the 30th of February.
        OutOfRange | Impossible => "no such day (YYYY-MM-DD, e.g. 2026-11-23)".to_string(),
        _ => "not a date like 2026-11-23 (YYYY-MM-DD)".to_string(),
    })
}

pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| "not a time like 14:15 (HH:MM, 24-hour)".to_string())
}

#[derive(Debug, Subcommand)]
pub enum ChildCommand {
    /// Change details; anything not given stays as it is ("none" clears a value)
    Edit {
        /// The child's id
        child: String,
        /// The school or setting attended, or none
        #[arg(long)]
        setting: Option<String>,
        /// The home postcode, or none
        #[arg(long)]
        postcode: Option<String>,
        #[arg(long, help = format!("SEN2 primary need code, or none [possible values: {}]", Need::choices()))]
        need: Option<String>,
        /// Top-up band number (1 up to the bands configured), or none
        #[arg(long)]
        band: Option<String>,
        /// National Curriculum year taught in, -1 (Nursery) to 14, 0 being Reception; none: as for their age
        #[arg(long, allow_hyphen_values = true)]
        year_group: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SurgeryCommand {
    /// Set an officer's weekly surgeries, e.g. "tue 14:00-15:00" "thu 10:00-11:00" (none: no surgeries)
    Set {
        /// The officer's staff id
        officer: String,
        /// Weekly blocks like "tue 14:00-15:00", Monday to Friday in whole quarter hours; none: no surgeries
        #[arg(required = true)]
        blocks: Vec<String>,
    },
    /// Book a 15-minute call-back into an officer's surgery
    Book {
        /// The officer's staff id
        #[arg(long, value_name = "STAFF_ID")]
        officer: String,
        /// The day of the call-back (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// When the call-back starts (HH:MM): a free time in the officer's surgery (see `caseload surgery list`)
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        time: NaiveTime,
        /// The child it is about (child id)
        #[arg(long, value_name = "CHILD_ID")]
        child: Option<String>,
        /// The caller's telephone number
        #[arg(long)]
        number: String,
        /// What the call is about
        #[arg(long)]
        query: String,
    },
    /// Bookings and free call-backs on a day
    List {
        /// Only this officer's (staff id)
        #[arg(long, value_name = "STAFF_ID")]
        officer: Option<String>,
        /// The day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DisputeCommand {
    /// Register a mediation request or an appeal to the tribunal
    Add {
        /// The child's id
        child: String,
        /// A mediation request or a tribunal appeal
        #[arg(long, value_parser = Choice::new(DisputeKind::ALL, DisputeKind::as_str))]
        kind: DisputeKind,
        /// When it was requested or registered (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// What it is about (needed for a mediation, e.g. "refusal to assess")
        #[arg(long)]
        detail: Option<String>,
    },
    /// Record how far a dispute has gone (give only what is new)
    Update {
        /// The dispute's id (see `caseload dispute list`)
        id: i64,
        /// The mediation meeting or tribunal hearing (YYYY-MM-DD; may be ahead)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        hearing: Option<NaiveDate>,
        /// When the LA responded to the appeal (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        responded: Option<NaiveDate>,
        /// What the tribunal ordered (an appeal's order needs --order-date too)
        #[arg(long, value_parser = Choice::new(OrderKind::ALL, OrderKind::as_str))]
        order: Option<OrderKind>,
        /// When the tribunal made its order (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        order_date: Option<NaiveDate>,
        /// When the order was carried out (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        complied: Option<NaiveDate>,
        /// When the dispute ended: withdrawn, settled or decided (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        closed: Option<NaiveDate>,
    },
    /// List disputes
    List,
}

//! The command-line commands: each reads its arguments (`cli`), works through the casework
//! layer or the store, and prints. `run` dispatches.

mod absence;
mod allocate;
mod audit;
mod child;
mod contact;
mod data;
mod deadlines;
mod demo;
mod dispute;
mod interface;
mod panel;
mod record;
mod render;
mod report;
mod request;
mod step;
mod surgery;
mod team;
mod todo;
pub mod values;

use std::path::Path;

use color_eyre::eyre::Result;

use clap::{Parser, Subcommand};

pub use crate::context::Context;
use crate::context::GlobalArgs;
use crate::context::{default_db_path, demo_db_path};

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import staff.csv, children.csv and events.csv from a folder (all or nothing)
    Import(data::ImportArgs),
    /// Export the database as staff.csv, children.csv and events.csv
    Export(data::ExportArgs),
    /// List open statutory milestones, soonest first
    Deadlines(deadlines::DeadlinesArgs),
    /// The authority's headline figures
    Report(report::ReportArgs),
    /// Build (on first use) and open a fictional demo county
    Demo(demo::DemoArgs),
    /// Print one frame of the interface as plain text (for scripts, docs and tests)
    Render(render::RenderArgs),
    /// Record and answer contacts with families (phone messages, emails, calls, letters…)
    #[command(subcommand)]
    Contact(contact::ContactCommand),
    /// Record a statutory step for a child (decision to assess, draft, final plan, review…)
    #[command(after_help = values::step_help())]
    Step(step::StepArgs),
    /// Submit children to panels and record their decisions
    #[command(subcommand)]
    Panel(panel::PanelCommand),
    /// Change a child's details: setting, postcode, primary need, band, year group
    #[command(subcommand)]
    Child(child::ChildCommand),
    /// Phone surgeries: officers' weekly slots and booked call-backs
    #[command(subcommand)]
    Surgery(surgery::SurgeryCommand),
    /// Mediation and tribunal appeals
    #[command(subcommand)]
    Dispute(dispute::DisputeCommand),
    /// Show the audit log: who changed what, and when
    Audit(audit::AuditArgs),
    /// Register requests for assessment (a new child, or a closed case reopened)
    #[command(subcommand)]
    Request(request::RequestCommand),
    /// Give a child to an officer (an unallocated child, or one moving)
    Allocate(allocate::AllocateArgs),
    /// Move several children to an officer: a list, or an officer's (at a stage)
    Reallocate(allocate::ReallocateArgs),
    /// Each officer's workload against the norm; `team balance` suggests moves
    Team(team::TeamArgs),
    /// The team for a child's age (or year group) and postcode, from the team table
    Finder(team::FinderArgs),
    /// To-dos: telling a family and school who their new officer is, or who covers while they are away
    #[command(subcommand)]
    Todo(todo::TodoCommand),
    /// Who is away: record an absence, end one, list them
    #[command(subcommand)]
    Absence(absence::AbsenceCommand),
    /// The duty rota: who is duty officer for each team this week; `rota set` changes it
    Rota(absence::RotaArgs),
    /// The duty queue: absent officers' urgent work, calls first, and what was handed to you
    Duty(absence::DutyArgs),
    /// Give an absent officer's children to a colleague for a period, end it, list it
    #[command(subcommand)]
    Cover(absence::CoverCommand),
    /// Plan leave: what falls due while away, and who takes each thing
    #[command(subcommand)]
    Leave(absence::LeaveCommand),
    /// What was done on your caseload while you were away; --ack marks it read
    Handback(absence::HandbackArgs),
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        None => {
            let ctx = Context::new(&cli.global, default_db_path)?;
            interface::open(&ctx)
        }
        Some(Command::Import(args)) => data::import(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Export(args)) => data::export(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Deadlines(args)) => deadlines::run(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Report(args)) => report::run(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Demo(args)) => demo::run(&Context::new(&cli.global, demo_db_path)?.with_example_teams(), &args),
        Some(Command::Contact(command)) => contact::contact(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Step(args)) => step::step(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Panel(command)) => panel::panel(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Child(command)) => child::child(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Surgery(command)) => surgery::surgery(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Dispute(command)) => dispute::dispute(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Audit(args)) => audit::audit(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Render(args)) => render::run(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Request(command)) => request::request(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Allocate(args)) => allocate::allocate(&Context::new(&cli.global, default_db_path)?, args),
        Some(Command::Reallocate(args)) => allocate::reallocate(&Context::new(&cli.global, default_db_path)?, args),
        Some(Command::Team(args)) => team::team(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Finder(args)) => team::finder(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Todo(command)) => todo::todo(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Absence(command)) => absence::absence(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Rota(args)) => absence::rota(&Context::new(&cli.global, default_db_path)?, args),
        Some(Command::Duty(args)) => absence::duty(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Cover(command)) => absence::cover(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Leave(command)) => absence::leave(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Handback(args)) => absence::handback_command(&Context::new(&cli.global, default_db_path)?, &args),
    }
}

/// Writes command output. A reader that stops early (`caseload deadlines | head`) is not an
/// error: the output simply ends.
pub fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

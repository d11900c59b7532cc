//! The command-line commands, over the store and the rules engine.

mod audit;
mod child;
mod contact;
mod data;
mod deadlines;
mod demo;
mod dispute;
mod panel;
mod record;
mod report;
mod step;
mod surgery;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use color_eyre::eyre::{Result, WrapErr, eyre};

use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::Config;
use crate::domain::{Calendar, County, Milestone, county::county_milestones};
use crate::store::Store;

/// What every command needs: where the data is, what day it is, and the rules in force.
pub struct Context {
    pub db_path: PathBuf,
    pub today: NaiveDate,
    /// The time of day when `today` is the real today; `None` under `--today`, so that runs
    /// with a fixed date do not depend on the clock.
    pub now: Option<chrono::NaiveTime>,
    pub config: Config,
    pub calendar: Calendar,
    pub as_staff: Option<String>,
}

impl Context {
    pub fn new(global: &GlobalArgs, default_db: fn() -> Result<PathBuf>) -> Result<Context> {
        let config = Config::load(global.config.as_deref()).map_err(|e| eyre!("bad configuration: {e}"))?;
        let db_path = match &global.db {
            Some(path) => path.clone(),
            None => default_db()?,
        };
        Ok(Context {
            db_path,
            today: global.today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            now: global.today.is_none().then(|| chrono::Local::now().time()),
            config,
            calendar: Calendar::england_and_wales(),
            as_staff: global.as_staff.clone(),
        })
    }

    pub fn open_store(&self) -> Result<Store> {
        Store::open(&self.db_path).wrap_err_with(|| format!("cannot open the database {}", self.db_path.display()))
    }

    /// Opens the store and loads the county with every child's milestones.
    pub fn load(&self) -> Result<(Store, County, Vec<Vec<Milestone>>)> {
        let store = self.open_store()?;
        let county = store.load_county().wrap_err("cannot read the database")?;
        let milestones = county_milestones(&county, self.today, &self.calendar, &self.config.rules);
        Ok((store, county, milestones))
    }

    /// Who the audit log names: `--as`, else the operating-system login.
    pub fn actor(&self) -> Option<String> {
        self.as_staff.clone().or_else(os_login)
    }
}

/// The operating-system user name, as `staff.login` records it.
pub fn os_login() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"].iter().find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
}

fn project_dirs() -> Result<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "caseload")
        .ok_or_else(|| eyre!("cannot find a home directory for the database; pass --db PATH"))
}

/// The default database, in the platform data directory.
pub fn default_db_path() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().join("caseload.db"))
}

/// The demo database, beside the default one.
pub fn demo_db_path() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().join("demo.db"))
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        None => {
            let ctx = Context::new(&cli.global, default_db_path)?;
            crate::tui::open(&ctx)
        }
        Some(Command::Import(args)) => data::import(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Export(args)) => data::export(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Deadlines(args)) => deadlines::run(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Report(args)) => report::run(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Demo(args)) => demo::run(&Context::new(&cli.global, demo_db_path)?, &args),
        Some(Command::Contact(command)) => contact::contact(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Step(args)) => step::step(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Panel(command)) => panel::panel(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Child(command)) => child::child(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Surgery(command)) => surgery::surgery(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Dispute(command)) => dispute::dispute(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Audit(args)) => audit::audit(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Render(args)) => {
            let ctx = Context::new(&cli.global, default_db_path)?;
            crate::tui::render_command(&ctx, args.pane, args.size.0, args.size.1, args.child.as_deref())
        }
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

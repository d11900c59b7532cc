//! The command-line commands: each reads its arguments (`cli`), works through the casework
//! layer or the store, and prints. `run` dispatches.

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
mod step;
mod surgery;

use std::path::Path;

use color_eyre::eyre::Result;

use crate::cli::{Cli, Command};
pub use crate::context::Context;
use crate::context::{default_db_path, demo_db_path};

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
        Some(Command::Demo(args)) => demo::run(&Context::new(&cli.global, demo_db_path)?, &args),
        Some(Command::Contact(command)) => contact::contact(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Step(args)) => step::step(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Panel(command)) => panel::panel(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Child(command)) => child::child(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Surgery(command)) => surgery::surgery(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Dispute(command)) => dispute::dispute(&Context::new(&cli.global, default_db_path)?, command),
        Some(Command::Audit(args)) => audit::audit(&Context::new(&cli.global, default_db_path)?, &args),
        Some(Command::Render(args)) => render::run(&Context::new(&cli.global, default_db_path)?, &args),
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

//! `caseload import` and `caseload export`.

use color_eyre::eyre::{Result, WrapErr};

use super::{Context, display};
use std::path::PathBuf;

use crate::store::import::read_import_dir;
use clap::Args;

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

pub fn import(ctx: &Context, args: &ImportArgs) -> Result<i32> {
    let set = match read_import_dir(&args.dir, ctx.today) {
        Ok(set) => set,
        Err(report) => {
            for error in &report.errors {
                eprintln!("{error}");
            }
            eprintln!(
                "import refused: {} problem{} in {}; nothing was imported",
                report.errors.len(),
                if report.errors.len() == 1 { "" } else { "s" },
                display(&args.dir)
            );
            return Ok(1);
        }
    };
    for warning in &set.warnings {
        eprintln!("warning: {warning}");
    }
    let mut store = ctx.open_store()?;
    match store.import(&set, args.replace, ctx.actor().as_deref(), ctx.today) {
        Ok(summary) => {
            println!("{summary}");
            println!("into {}", display(&ctx.db_path));
            Ok(0)
        }
        Err(e) => {
            eprintln!("import refused: {e}");
            Ok(1)
        }
    }
}

pub fn export(ctx: &Context, args: &ExportArgs) -> Result<i32> {
    let store = ctx.open_store()?;
    let summary =
        store.export_dir(&args.dir, args.force).wrap_err_with(|| format!("export to {} failed", display(&args.dir)))?;
    println!("{summary}");
    Ok(0)
}

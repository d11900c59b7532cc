//! `caseload import` and `caseload export`.

use color_eyre::eyre::{Result, WrapErr};

use super::{Context, display};
use crate::cli::{ExportArgs, ImportArgs};
use crate::store::import::read_import_dir;

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

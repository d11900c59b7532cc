//! `caseload import` and `caseload export`.

use color_eyre::eyre::{Result, WrapErr};

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Context, display};
use crate::casework::permissions::{Work, check};
use crate::store::Store;
use crate::store::import::{ImportSet, read_import_dir};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Folder holding staff.csv, children.csv and (optionally) events.csv
    pub dir: PathBuf,
    /// Replace the records already in the database (managers only); says what it would remove
    #[arg(long)]
    pub replace: bool,
    /// Go ahead with --replace, once its list of what goes has been read (a backup is kept first)
    #[arg(long, requires = "replace")]
    pub confirm: bool,
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
    let actor = if store.staff_count()? == 0 {
        // The first import into a new database is open to whoever creates it.
        ctx.staff_id(&store).ok()
    } else {
        match replacing(ctx, &store, &set, args) {
            Ok(actor) => Some(actor),
            Err(why) => {
                eprintln!("import refused: {why}");
                return Ok(1);
            }
        }
    };
    if let Some(path) = store.path().filter(|_| store.child_count().unwrap_or(0) > 0) {
        let backup = backup_path(&path);
        store.backup_to(&backup).wrap_err("cannot keep a backup before replacing the database")?;
        eprintln!("kept a backup of the database as it was: {}", display(&backup));
    }
    match store.import(&set, args.replace, actor.as_deref(), ctx.today) {
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

/// Checks an import over a database that holds a county: a manager's, with `--replace`, not
/// emptying it, and confirmed once what goes has been said. Returns the manager's staff id.
fn replacing(ctx: &Context, store: &Store, set: &ImportSet, args: &ImportArgs) -> Result<String, String> {
    let held = store.holdings().map_err(|e| e.to_string())?;
    let actor = ctx.staff_id(store).map_err(|e| e.to_string())?;
    let staff = store
        .staff_member(&actor)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("{actor} is not on the staff list"))?;
    check(&staff, Work::Replace, None).map_err(|why| format!("not allowed: {why}"))?;
    if !args.replace {
        return Err(format!(
            "the database already holds {}; --replace removes all of it (export first to keep a copy)",
            held.join(", ")
        ));
    }
    if set.children.is_empty() {
        return Err(format!(
            "{} holds no children: importing it would remove every child; nothing was changed",
            display(&args.dir.join("children.csv"))
        ));
    }
    if !args.confirm {
        return Err(format!(
            "--replace would remove everything the database holds: {}; it would then hold {} staff and {} children \
             from {} (a backup of the database is kept first). Add --confirm to go ahead.",
            held.join(", "),
            set.staff.len(),
            set.children.len(),
            display(&args.dir)
        ));
    }
    Ok(actor)
}

/// Where a backup kept before a replacement goes: beside the database, named by the time.
fn backup_path(db: &Path) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = db.file_name().map_or_else(|| "caseload.db".into(), |n| n.to_string_lossy().into_owned());
    db.with_file_name(format!("{name}.before-import-{stamp}"))
}

pub fn export(ctx: &Context, args: &ExportArgs) -> Result<i32> {
    let store = ctx.open_store()?;
    let summary = crate::context::as_real_user(|| store.export_dir(&args.dir, args.force))
        .wrap_err_with(|| format!("export to {} failed", display(&args.dir)))?;
    println!("{summary}");
    Ok(0)
}

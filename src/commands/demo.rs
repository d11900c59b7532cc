//! `caseload demo`: a fictional county in its own database.

use color_eyre::eyre::{Result, WrapErr, eyre};

use super::{Context, display};
use crate::demo::generate;
use clap::Args;

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

/// History events per demo child: enough for a real-looking timeline.
const DEMO_EVENTS_PER_CHILD: usize = 12;

pub fn run(ctx: &Context, args: &DemoArgs) -> Result<i32> {
    if ctx.team {
        // The team's database is never the demo's to build over.
        return Err(color_eyre::eyre::eyre!(
            "the demo is not part of a team install: run `caseload demo` from an ordinary copy of the program"
        ));
    }
    ensure_demo(ctx, args)?;
    if args.print {
        let (_store, county, milestones) = ctx.load()?;
        let report = crate::domain::report::headline(&county, &milestones, ctx.today, &ctx.config.rules.bands);
        super::emit(&super::report::format_report(&report))?;
        return Ok(0);
    }
    super::interface::open_demo(ctx)
}

/// Builds the demo database unless it already holds a county (or `--reset` asks for a new one).
pub fn ensure_demo(ctx: &Context, args: &DemoArgs) -> Result<()> {
    let mut store = ctx.open_store()?;
    if !args.reset && store.child_count()? > 0 {
        // Built by an earlier version, perhaps: it is the demo's all the same.
        store.mark_demo()?;
        return Ok(());
    }
    let (county, events) = generate(args.children as usize, args.seed, ctx.today, DEMO_EVENTS_PER_CHILD);
    store.replace_all(&county, &events, Some("demo"), ctx.today).wrap_err("cannot write the demo database")?;
    store.mark_demo()?;
    crate::demo::record_absences(&mut store, &ctx.calendar, &ctx.config.rules, ctx.today)
        .map_err(|e| eyre!("cannot write the demo database: {e}"))?;
    eprintln!(
        "Built a fictional demo county: {} children, {} staff, {} events in {}",
        county.children.len(),
        county.staff.len(),
        events.len(),
        display(&ctx.db_path)
    );
    Ok(())
}

//! Placeholder until the terminal interface lands: prints the person's deadlines.
use color_eyre::eyre::Result;

use crate::commands::Context;

pub fn open(ctx: &Context) -> Result<i32> {
    let (_s, county, milestones) = ctx.load()?;
    let report = crate::domain::report::headline(&county, &milestones, ctx.today);
    print!("{}", crate::commands::format_report_pub(&report));
    Ok(0)
}

pub fn open_demo(ctx: &Context) -> Result<i32> {
    open(ctx)
}

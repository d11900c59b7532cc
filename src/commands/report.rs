//! `caseload report`: the headline figures.

use color_eyre::eyre::Result;

use super::{Context, emit};
use crate::domain::report::{Report, headline};
use clap::Args;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &ReportArgs) -> Result<i32> {
    let (_store, county, milestones) = ctx.load()?;
    let report = headline(&county, &milestones, ctx.today, &ctx.config.rules.bands);
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        emit(&format_report(&report))?;
    }
    Ok(0)
}

pub fn format_report(r: &Report) -> String {
    let percent =
        r.percent_within_20_weeks_last_12_months.map_or_else(|| "no plans issued".to_string(), |p| format!("{p:.1}%"));
    let mut out = format!(
        "Headline figures as at {today}\n\
         \x20 children and young people     {children}\n\
         \x20 active EHC plans              {plans}\n\
         \x20 open requests/assessments     {open}\n\
         \x20   waiting over 20 weeks       {over20}\n\
         \x20   waiting over 30 weeks       {over30}\n\
         \x20 plans issued, last 12 months  {issued} (request date on record)\n\
         \x20   within 20 weeks             {within} ({percent})\n\
         \x20   without exceptions          {within_plain} of {plain} ({percent_plain})\n\
         \x20 annual reviews overdue        {reviews}\n\
         \x20 unallocated                   {unallocated}\n",
        today = r.today.format("%-d %b %Y"),
        children = r.children,
        plans = r.plans_active,
        open = r.requests_open,
        over20 = r.assessments_over_20_weeks,
        over30 = r.assessments_over_30_weeks,
        issued = r.plans_issued_last_12_months,
        within = r.plans_issued_within_20_weeks_last_12_months,
        within_plain = r.plans_issued_within_20_weeks_excluding_exceptions_last_12_months,
        plain = r.plans_issued_without_exception_last_12_months,
        percent_plain = r
            .percent_within_20_weeks_excluding_exceptions_last_12_months
            .map_or_else(|| "none issued".to_string(), |p| format!("{p:.1}%")),
        reviews = r.reviews_overdue,
        unallocated = r.unallocated,
    );
    let loads: Vec<usize> = r.caseload_by_officer.values().copied().collect();
    if let (Some(min), Some(max)) = (loads.iter().min(), loads.iter().max()) {
        let mean = loads.iter().sum::<usize>() as f64 / loads.len() as f64;
        out.push_str(&format!(
            "  caseload per officer          {mean:.0} on average ({min}–{max}, {} officers)\n",
            loads.len()
        ));
    }
    if !r.plans_by_band.is_empty() {
        let bands: Vec<String> = r
            .plans_by_band
            .iter()
            .map(|(band, n)| if band == "none" { format!("{n} not banded") } else { format!("band {band}: {n}") })
            .collect();
        out.push_str(&format!("  active plans by band          {}\n", bands.join(" · ")));
    }
    if let Some(total) = r.top_up_per_year {
        out.push_str(&format!("  top-up committed              {} a year", crate::domain::settings::pounds(total)));
        if r.plans_outside_band_table > 0 {
            out.push_str(&format!(
                " (not counting {} plans in bands the configured table does not have)",
                r.plans_outside_band_table
            ));
        }
        out.push('\n');
    }
    out
}

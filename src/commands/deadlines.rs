//! `caseload deadlines`: open milestones, soonest first.

use chrono::Days;
use color_eyre::eyre::{Result, eyre};
use serde::Serialize;

use super::{Context, emit};
use crate::domain::{County, Milestone, county::is_open};
use crate::ui::text::clip;
use clap::Args;

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

#[derive(Debug, Serialize)]
pub struct DeadlineRow<'a> {
    pub child_id: &'a str,
    pub name: String,
    pub officer: Option<&'a str>,
    pub team: Option<&'a str>,
    pub milestone: &'static str,
    pub due: String,
    pub status: &'static str,
    pub advisory: bool,
    pub rule: &'a str,
    pub detail: &'a str,
}

pub fn run(ctx: &Context, args: &DeadlinesArgs) -> Result<i32> {
    let (_store, county, milestones) = ctx.load()?;
    if let Some(officer) = &args.officer
        && !county.staff.iter().any(|s| &s.id == officer)
    {
        return Err(eyre!("--officer {officer}: no member of staff has that id"));
    }
    if let Some(team) = &args.team
        && !county.staff.iter().any(|s| &s.team == team)
    {
        let mut teams: Vec<&str> = county.staff.iter().map(|s| s.team.as_str()).collect();
        teams.sort();
        teams.dedup();
        return Err(eyre!("--team {team}: no such team (teams: {})", teams.join(", ")));
    }
    let rows = open_deadlines(ctx, &county, &milestones, args);
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
        return Ok(0);
    }
    if rows.is_empty() {
        emit("No open deadlines.\n")?;
        return Ok(0);
    }
    let mut text = format!("{:<11} {:<9} {:<8} {:<26} {:<8} MILESTONE\n", "DUE", "STATUS", "CHILD", "NAME", "OFFICER");
    for row in &rows {
        let milestone = if row.detail.is_empty() {
            row.milestone.to_string()
        } else {
            format!("{} ({})", row.milestone, clip(row.detail, 30))
        };
        text.push_str(&format!(
            "{:<11} {:<9} {:<8} {:<26} {:<8} {}\n",
            row.due,
            row.status,
            row.child_id,
            clip(&row.name, 26),
            row.officer.unwrap_or("-"),
            milestone
        ));
    }
    text.push_str(&format!("{} open deadlines\n", rows.len()));
    emit(&text)?;
    Ok(0)
}

pub fn open_deadlines<'a>(
    ctx: &Context,
    county: &'a County,
    milestones: &'a [Vec<Milestone>],
    args: &DeadlinesArgs,
) -> Vec<DeadlineRow<'a>> {
    let team_of = |officer: &str| county.staff.iter().find(|s| s.id == officer).map(|s| s.team.as_str());
    let horizon = args.within.and_then(|days| ctx.today.checked_add_days(Days::new(days.into())));
    let mut rows: Vec<(&Milestone, DeadlineRow)> = Vec::new();
    for (child, child_milestones) in county.children.iter().zip(milestones) {
        let officer = child.officer.as_deref();
        let team = officer.and_then(team_of);
        if args.officer.as_deref().is_some_and(|o| Some(o) != officer) {
            continue;
        }
        if args.team.as_deref().is_some_and(|t| Some(t) != team) {
            continue;
        }
        for m in child_milestones.iter().filter(|m| is_open(m)) {
            if horizon.is_some_and(|h| m.due > h) {
                continue;
            }
            rows.push((
                m,
                DeadlineRow {
                    child_id: &child.id,
                    name: child.full_name(),
                    officer,
                    team,
                    milestone: m.name.as_str(),
                    due: m.due.format("%Y-%m-%d").to_string(),
                    status: m.status.as_str(),
                    advisory: m.advisory,
                    rule: &m.rule,
                    detail: &m.detail,
                },
            ));
        }
    }
    rows.sort_by(|(a, ra), (b, rb)| (a.due, ra.child_id, a.name).cmp(&(b.due, rb.child_id, b.name)));
    rows.into_iter().map(|(_, row)| row).collect()
}

//! `caseload team`: each officer's workload against the norm; `caseload team balance`: moves that
//! bring a team inside it; `caseload finder`: the team for a child's age and postcode.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use color_eyre::eyre::{Result, eyre};

use super::record::save;
use super::{Context, emit};
use crate::casework::{Allocate, ChildMove};
use crate::context::parse_date;
use crate::domain::teams::find_team;
use crate::domain::workload::{Load, balance, child_facts, why_no_moves, workloads};
use crate::domain::year_group::{year_group, year_group_label};

#[derive(Debug, Args)]
pub struct TeamArgs {
    /// Only this team's officers
    #[arg(long, global = true, value_name = "TEAM")]
    pub team: Option<String>,
    /// Print JSON (staff_id, name, team, children, overdue, due_soon, open_contacts, score…)
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<TeamCommand>,
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Moves that bring every officer of --team inside the norm, fewest first
    Balance {
        /// Make the moves (seniors within their team, managers anywhere)
        #[arg(long)]
        apply: bool,
        /// Why, for each child's allocation history (with --apply)
        #[arg(long, default_value = "balancing the team's workload")]
        reason: String,
    },
}

#[derive(Debug, Args)]
pub struct FinderArgs {
    /// Date of birth (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, required_unless_present = "year_group")]
    pub dob: Option<NaiveDate>,
    /// National Curriculum year instead of a date of birth (0 Reception, -1 Nursery)
    #[arg(long, allow_hyphen_values = true, conflicts_with = "dob",
          value_parser = clap::value_parser!(i32).range(-1..=14))]
    pub year_group: Option<i32>,
    /// Home postcode, or its district alone (WR1)
    #[arg(long)]
    pub postcode: String,
}

pub fn team(ctx: &Context, args: &TeamArgs) -> Result<i32> {
    let (_store, county, milestones) = ctx.load()?;
    // Team names may be typed in any case.
    let team = match &args.team {
        Some(typed) => match teams(&county).into_iter().find(|t| t.eq_ignore_ascii_case(typed.trim())) {
            Some(team) => Some(team),
            None => return Err(eyre!("--team {typed}: no such team (teams: {})", teams(&county).join(", "))),
        },
        None => None,
    };
    let facts = child_facts(&county, &milestones, ctx.today, &ctx.calendar, &ctx.config.workload);
    let loads = workloads(&county, &facts, &ctx.config.workload, ctx.today);
    let shown: Vec<&Load> = loads.iter().filter(|l| team.as_ref().is_none_or(|t| &l.team == t)).collect();
    if let Some(TeamCommand::Balance { apply, reason }) = &args.command {
        let Some(team) = &team else {
            return Err(eyre!("team balance needs --team TEAM (teams: {})", teams(&county).join(", ")));
        };
        let moves = balance(&county, &facts, &loads, team, &ctx.config.workload, &ctx.teams(), ctx.today);
        if moves.is_empty() {
            emit(&format!("{team}: {}\n", why_no_moves(&loads, team, &ctx.config.workload)))?;
            return Ok(0);
        }
        let name = |id: &str| county.staff.iter().find(|s| s.id == id).map_or(id.to_string(), |s| s.name.clone());
        let mut text = String::new();
        for m in &moves {
            let child = &county.children[m.child];
            text.push_str(&format!(
                "{} ({}, {}, weighs {:.1}): {} {:.1} → {:.1}; {} {:.1} → {:.1}\n",
                child.full_name(),
                child.id,
                child.stage,
                m.weight,
                name(&m.from),
                m.from_score.0,
                m.from_score.1,
                name(&m.to),
                m.to_score.0,
                m.to_score.1
            ));
        }
        emit(&text)?;
        if !apply {
            emit(&format!("{} moves suggested; --apply makes them\n", moves.len()))?;
            return Ok(0);
        }
        let moves = moves
            .iter()
            .map(|m| ChildMove { child_id: county.children[m.child].id.clone(), to: m.to.clone(), seen: None })
            .collect();
        return save(ctx, Allocate { moves, reason: reason.clone(), date: ctx.today }, &[]);
    }
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&shown)?))?;
        return Ok(0);
    }
    let [low, high] = ctx.config.workload.norm;
    let mut text = format!(
        "{:<24} {:<16} {:>5} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6}  norm {low}–{high}\n",
        "OFFICER", "TEAM", "HELD", "REQ", "ASS", "DRF", "PLAN", "LATE", "SOON", "MSGS", "COVER", "SCORE"
    );
    for l in &shown {
        let away = l.away_until.map_or_else(String::new, |d| format!("  away until {}", d.format("%a %-d %b")));
        let mark = if l.score > f64::from(high) {
            "  above"
        } else if l.score < f64::from(low) {
            "  below"
        } else {
            ""
        };
        text.push_str(&format!(
            "{:<24} {:<16} {:>5} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6.1}{mark}{away}\n",
            crate::ui::text::clip(&l.name, 24),
            crate::ui::text::clip(&l.team, 16),
            l.children,
            l.requests,
            l.assessments,
            l.drafts,
            l.plans,
            l.overdue,
            l.due_soon,
            l.open_contacts,
            l.covering,
            l.score
        ));
    }
    emit(&text)?;
    Ok(0)
}

fn teams(county: &crate::domain::County) -> Vec<String> {
    let mut teams: Vec<String> = county.staff.iter().map(|s| s.team.clone()).collect();
    teams.sort();
    teams.dedup();
    teams
}

pub fn finder(ctx: &Context, args: &FinderArgs) -> Result<i32> {
    let year = match (args.year_group, args.dob) {
        (Some(year), _) => year,
        (None, Some(dob)) => {
            let oldest = ctx.today.checked_sub_months(chrono::Months::new(26 * 12)).unwrap_or(ctx.today);
            if dob > ctx.today {
                return Err(eyre!("--dob {dob}: in the future"));
            }
            if dob <= oldest {
                return Err(eyre!("--dob {dob}: over 25, too old for an EHC plan"));
            }
            year_group(dob, ctx.today, None)
        }
        (None, None) => return Err(eyre!("give --dob or --year-group")),
    };
    match find_team(&ctx.teams(), year, &args.postcode) {
        Ok(rule) => {
            emit(&format!(
                "{} ({}, {} in {})\n",
                rule.name,
                rule.phase.as_str(),
                year_group_label(year),
                args.postcode.trim()
            ))?;
            Ok(0)
        }
        Err(why) => {
            eprintln!("caseload: {why}");
            Ok(1)
        }
    }
}

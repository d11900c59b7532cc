//! `caseload child edit`: change a child's setting, postcode, need, band or year group.

use color_eyre::eyre::Result;

use super::Context;
use super::record::{Flags, named, refuse, save};
use super::request::{ARRIVAL, ChildArgs};
use crate::casework::{EditDetails, RegisterChild};
use crate::context::parse_date;
use crate::domain::Need;
use crate::domain::casework::{Arrival, Change, DetailsEntry, last_review_before};
use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ChildCommand {
    /// Add a child transferring in with a plan made by another authority
    Add {
        #[command(flatten)]
        child: ChildArgs,
        /// When their plan was first issued (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        plan_date: NaiveDate,
        /// When it was last reviewed (YYYY-MM-DD), if it has been
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, conflicts_with = "next_review")]
        last_review: Option<NaiveDate>,
        /// When its next annual review is due (YYYY-MM-DD), if the last review's date is not known
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        next_review: Option<NaiveDate>,
        /// Reopen a closed case found by name and date of birth
        #[arg(long)]
        confirm: bool,
    },
    /// Change details; anything not given stays as it is ("none" clears a value)
    Edit {
        /// The child's id
        child: String,
        /// The school or setting attended, or none
        #[arg(long)]
        setting: Option<String>,
        /// The home postcode, or none
        #[arg(long)]
        postcode: Option<String>,
        #[arg(long, help = format!("SEN2 primary need code, or none [possible values: {}]", Need::choices()))]
        need: Option<String>,
        /// Top-up band number (1 up to the bands configured), or none
        #[arg(long)]
        band: Option<String>,
        /// National Curriculum year taught in, -1 (Nursery) to 14, 0 being Reception; none: as for their age
        #[arg(long, allow_hyphen_values = true)]
        year_group: Option<String>,
    },
}

const DETAILS: Flags = &[("band", "--band"), ("year group", "--year-group")];

/// Only the options given are changed: two people editing different fields at once both keep
/// their change.
pub fn child(ctx: &Context, command: ChildCommand) -> Result<i32> {
    let (child, setting, postcode, need, band, year_group) = match command {
        ChildCommand::Add { child, plan_date, last_review, next_review, confirm } => {
            return transfer_in(ctx, child, plan_date, last_review, next_review, confirm);
        }
        ChildCommand::Edit { child, setting, postcode, need, band, year_group } => {
            (child, setting, postcode, need, band, year_group)
        }
    };
    /// "none" (or nothing) clears a value; anything else is read by `parse`.
    fn given<T>(value: Option<String>, parse: impl Fn(&str) -> Option<T>) -> Result<Change<Option<T>>, String> {
        match value {
            None => Ok(Change::Keep),
            Some(v) if v.trim().is_empty() || v.trim().eq_ignore_ascii_case("none") => Ok(Change::Set(None)),
            Some(v) => parse(v.trim()).map(|value| Change::Set(Some(value))).ok_or(v),
        }
    }
    let details = DetailsEntry {
        setting: given(setting, |v| Some(v.to_string())).unwrap_or_default(),
        postcode: given(postcode, |v| Some(v.to_string())).unwrap_or_default(),
        primary_need: match given(need, Need::parse) {
            Ok(change) => change,
            Err(v) => return refuse(format!("--need {v}: not one of {}, or none", Need::choices())),
        },
        band: match given(band, |v| v.parse::<u8>().ok()) {
            Ok(change) => change,
            Err(v) => return refuse(format!("--band {v}: not a band number, or none")),
        },
        year_group_override: match given(year_group, |v| v.parse::<i32>().ok()) {
            Ok(change) => change,
            Err(v) => return refuse(format!("--year-group {v}: not a year (-1 Nursery to 14), or none")),
        },
    };
    save(ctx, EditDetails { child_id: child, details, seen: None }, DETAILS)
}

/// `child add`: a child transferring in with another authority's plan.
fn transfer_in(
    ctx: &Context,
    child: ChildArgs,
    plan_date: NaiveDate,
    last_review: Option<NaiveDate>,
    next_review: Option<NaiveDate>,
    confirm: bool,
) -> Result<i32> {
    let new = match child.new_child() {
        Ok(new) => new,
        Err(why) => return refuse(why),
    };
    let last_review = match (last_review, next_review) {
        (Some(last), _) => Some(last),
        (None, Some(next)) => match last_review_before(next, plan_date) {
            Ok(last) => last,
            Err(e) => return refuse(named(&e, ARRIVAL)),
        },
        (None, None) => None,
    };
    let arrival = Arrival::Transfer { plan_date, last_review };
    save(ctx, RegisterChild { child: new, arrival, officer: child.officer, id: child.id, confirmed: confirm }, ARRIVAL)
}

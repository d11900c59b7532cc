//! `caseload child edit`: change a child's setting, postcode, need, band or year group.

use color_eyre::eyre::Result;

use super::Context;
use super::record::{Flags, refuse, save};
use crate::casework::EditDetails;
use crate::domain::Need;
use crate::domain::casework::{Change, DetailsEntry};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ChildCommand {
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
    let ChildCommand::Edit { child, setting, postcode, need, band, year_group } = command;
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

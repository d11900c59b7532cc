//! `caseload child edit`: change a child's setting, postcode, need, band or year group.

use color_eyre::eyre::Result;

use super::Context;
use super::record::{Flags, refuse, save};
use crate::casework::EditDetails;
use crate::domain::Need;
use crate::domain::casework::DetailsEntry;
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

pub fn child(ctx: &Context, command: ChildCommand) -> Result<i32> {
    let ChildCommand::Edit { child, setting, postcode, need, band, year_group } = command;
    let (_store, county, _) = ctx.load()?;
    let Some(current) = county.children.iter().find(|c| c.id == child) else {
        return refuse(format!("no child has id {child}"));
    };
    let cleared = |v: &str| v.trim().eq_ignore_ascii_case("none") || v.trim().is_empty();
    let text = |given: Option<String>, now: &Option<String>| match given {
        Some(v) if cleared(&v) => None,
        Some(v) => Some(v),
        None => now.clone(),
    };
    let primary_need = match need {
        Some(v) if cleared(&v) => None,
        Some(v) => match Need::parse(&v) {
            Some(need) => Some(need),
            None => return refuse(format!("--need {v}: not one of {}, or none", Need::choices())),
        },
        None => current.primary_need,
    };
    let band = match band {
        Some(v) if cleared(&v) => None,
        Some(v) => match v.trim().parse::<u8>() {
            Ok(band) => Some(band),
            Err(_) => return refuse(format!("--band {v}: not a band number, or none")),
        },
        None => current.band,
    };
    let year_group_override = match year_group {
        Some(v) if cleared(&v) => None,
        Some(v) => match v.trim().parse::<i32>() {
            Ok(year) => Some(year),
            Err(_) => return refuse(format!("--year-group {v}: not a year (-1 Nursery to 14), or none")),
        },
        None => current.year_group_override,
    };
    let details = DetailsEntry {
        setting: text(setting, &current.setting),
        postcode: text(postcode, &current.postcode),
        primary_need,
        band,
        year_group_override,
    };
    save(ctx, EditDetails { child_id: child, details }, DETAILS)
}

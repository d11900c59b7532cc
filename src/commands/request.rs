//! `caseload request add`: register a request for an EHC needs assessment: a child new to the
//! service, or one whose case had closed (reopened, not registered twice).

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use color_eyre::eyre::Result;

use super::Context;
use super::record::{Flags, refuse, save};
use super::values::Choice;
use crate::casework::RegisterChild;
use crate::context::parse_date;
use crate::domain::casework::{Arrival, NewChild};
use crate::domain::{Need, Requester};

#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// Register a request received: the assessment clocks start from the day it was received
    Add {
        #[command(flatten)]
        child: ChildArgs,
        /// When the request was received (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        received: Option<NaiveDate>,
        /// Who asked
        #[arg(long, value_parser = Choice::new(Requester::ALL, Requester::as_str))]
        by: Requester,
        /// Reopen a closed case found by name and date of birth; register a request received
        /// over a year ago
        #[arg(long)]
        confirm: bool,
    },
}

/// A child's details as they arrive, shared with `child add`.
#[derive(Debug, Args)]
pub struct ChildArgs {
    /// First name
    #[arg(long, value_name = "NAME")]
    pub first: String,
    /// Last name
    #[arg(long, value_name = "NAME")]
    pub last: String,
    /// Date of birth (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub dob: NaiveDate,
    /// Home postcode
    #[arg(long)]
    pub postcode: Option<String>,
    /// School, college or nursery
    #[arg(long)]
    pub setting: Option<String>,
    #[arg(long, help = format!("SEN2 primary need code [possible values: {}]", Need::choices()))]
    pub need: Option<String>,
    /// Allocate to this officer at once (staff id; see `caseload team` and `caseload finder`)
    #[arg(long, value_name = "STAFF_ID")]
    pub officer: Option<String>,
    /// The authority's own id for the child [default: the next free, C and a number]
    #[arg(long, value_name = "CHILD_ID")]
    pub id: Option<String>,
}

impl ChildArgs {
    /// The details, or the option that is wrong.
    pub(super) fn new_child(&self) -> std::result::Result<NewChild, String> {
        let primary_need = match &self.need {
            Some(text) => {
                Some(Need::parse(text).ok_or_else(|| format!("--need {text}: not one of {}", Need::choices()))?)
            }
            None => None,
        };
        Ok(NewChild {
            first_name: self.first.clone(),
            last_name: self.last.clone(),
            date_of_birth: Some(self.dob),
            postcode: self.postcode.clone(),
            setting: self.setting.clone(),
            primary_need,
        })
    }
}

pub(super) const ARRIVAL: Flags = &[
    ("first name", "--first"),
    ("last name", "--last"),
    ("date of birth", "--dob"),
    ("postcode", "--postcode"),
    ("received", "--received"),
    ("asked by", "--by"),
    ("plan date", "--plan-date"),
    ("last review", "--last-review"),
    ("next review", "--next-review"),
    ("officer", "--officer"),
    ("id", "--id"),
];

pub fn request(ctx: &Context, command: RequestCommand) -> Result<i32> {
    let RequestCommand::Add { child, received, by, confirm } = command;
    let new = match child.new_child() {
        Ok(new) => new,
        Err(why) => return refuse(why),
    };
    let arrival = Arrival::Request { received: received.unwrap_or(ctx.today), by };
    save(ctx, RegisterChild { child: new, arrival, officer: child.officer, id: child.id, confirmed: confirm }, ARRIVAL)
}

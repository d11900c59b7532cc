//! `caseload allocate` and `caseload reallocate`: give children to an officer, with a reason, in
//! one transaction; each new officer gets a to-do to tell the family and school.

use chrono::NaiveDate;
use clap::Args;
use color_eyre::eyre::Result;

use super::Context;
use super::record::{Flags, refuse, save};
use crate::casework::{Allocate, ChildMove};
use crate::context::parse_date;
use crate::domain::Stage;

#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// The child (child id)
    pub child: String,
    /// The officer to give them to (staff id)
    #[arg(long, value_name = "STAFF_ID")]
    pub to: String,
    /// Why (it is kept in their allocation history)
    #[arg(long)]
    pub reason: String,
    /// From when (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ReallocateArgs {
    /// The officer to give them to (staff id)
    #[arg(long, value_name = "STAFF_ID")]
    pub to: String,
    /// Why (it is kept in each child's allocation history)
    #[arg(long)]
    pub reason: String,
    /// These children (child ids, separated by commas)
    #[arg(long, value_name = "C1,C2,…", value_delimiter = ',', required_unless_present = "from")]
    pub children: Vec<String>,
    /// Every child this officer holds (staff id), or those at --stage
    #[arg(long, value_name = "STAFF_ID", conflicts_with = "children")]
    pub from: Option<String>,
    /// With --from: only children at this stage
    #[arg(long, requires = "from", value_parser = super::values::Choice::new(Stage::ALL, Stage::as_str))]
    pub stage: Option<Stage>,
    /// From when (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

const MOVE: Flags = &[("officer", "--to"), ("reason", "--reason"), ("date", "--date"), ("children", "--children")];

pub fn allocate(ctx: &Context, args: AllocateArgs) -> Result<i32> {
    let moves = vec![ChildMove { child_id: args.child, to: args.to, seen: None }];
    save(ctx, Allocate { moves, reason: args.reason, date: args.date.unwrap_or(ctx.today) }, MOVE)
}

pub fn reallocate(ctx: &Context, args: ReallocateArgs) -> Result<i32> {
    let children = match &args.from {
        Some(from) if from == &args.to => return refuse(format!("--from and --to are both {from}")),
        Some(from) => {
            let (_store, county, _) = ctx.load()?;
            let ids: Vec<String> = county
                .children
                .iter()
                .filter(|c| c.officer.as_deref() == Some(from.as_str()) && c.stage != Stage::Ceased)
                .filter(|c| args.stage.is_none_or(|s| c.stage == s))
                .map(|c| c.id.clone())
                .collect();
            if ids.is_empty() {
                return refuse(format!("--from {from}: no child to move"));
            }
            ids
        }
        None => args.children.clone(),
    };
    let moves = children.into_iter().map(|child_id| ChildMove { child_id, to: args.to.clone(), seen: None }).collect();
    save(ctx, Allocate { moves, reason: args.reason, date: args.date.unwrap_or(ctx.today) }, MOVE)
}

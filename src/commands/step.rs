//! `caseload step`: record a statutory step; the steps that close a case need `--confirm`.

use color_eyre::eyre::Result;

use super::Context;
use super::record::{Flags, refuse, save};
use super::values::{Choice, step_detail};
use crate::casework::RecordStep;
use crate::context::parse_date;
use crate::domain::StepKind;
use crate::domain::casework::StepEntry;
use chrono::NaiveDate;
use clap::Args;

#[derive(Debug, Args)]
pub struct StepArgs {
    /// The child's id
    pub child: String,
    /// The step
    #[arg(value_parser = Choice::new(StepKind::ALL, StepKind::as_str))]
    pub kind: StepKind,
    /// When it happened (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The decision (agreed, declined), the advice, the review decision, the Reg 10(4)
    /// exception (a-d) or the SEN2 ceasing reason (1-9): see the list below
    #[arg(long)]
    pub detail: Option<String>,
    /// When an exception ended or is expected to (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Go ahead with a step that closes a case (ceasing a plan, a decision not to proceed)
    #[arg(long)]
    pub confirm: bool,
}

const STEP: Flags = &[("date", "--date"), ("until", "--until"), ("detail", "--detail")];

pub fn step(ctx: &Context, args: &StepArgs) -> Result<i32> {
    let detail = match step_detail(args.kind, args.detail.as_deref().unwrap_or("")) {
        Ok(detail) => detail,
        Err(why) => return refuse(why),
    };
    let step = StepEntry { kind: args.kind, date: args.date.unwrap_or(ctx.today), until: args.until, detail };
    // The casework layer checks everything before it asks for --confirm: it is asked only for a
    // step that would be saved.
    let entry = RecordStep { child_id: args.child.clone(), step, seen: None, confirmed: args.confirm };
    save(ctx, entry, STEP)
}

//! `caseload step`: record a statutory step; the steps that close a case need `--confirm`.

use color_eyre::eyre::Result;

use super::Context;
use super::record::{Flags, actor, named, refuse, save_loaded};
use super::values::{Choice, step_detail};
use crate::casework::{Entry, RecordError, RecordStep, check_step, needs_confirmation};
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
    let entry = RecordStep { child_id: args.child.clone(), step };
    let (mut store, county, _) = ctx.load()?;
    let actor = actor(ctx, &store)?;
    if !args.confirm {
        // Anything that would be refused is refused now: --confirm is only asked for a step
        // that would be saved.
        match check_step(&county, &actor, &entry, ctx.today) {
            Err(RecordError::Invalid(e)) => return refuse(named(&e, STEP)),
            Err(e) => return refuse(e),
            Ok(()) => {}
        }
        if let Some(warning) = needs_confirmation(&county, &entry, ctx.today) {
            return refuse(format!("{warning} Add --confirm to go ahead."));
        }
    }
    save_loaded(ctx, &mut store, &county, &actor, &Entry::Step(entry), STEP)
}

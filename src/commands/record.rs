//! What every recording command shares: who is recording, saving through the casework layer,
//! and refusals that name the option to change.

use color_eyre::eyre::{Result, eyre};

use super::{Context, emit};
use crate::casework::{Entry, RecordError, Rules, record};
use crate::domain::casework::FieldError;

/// Which option each field of a refusal comes from, so that the message names what to change.
pub(super) type Flags = &'static [(&'static str, &'static str)];

pub(super) fn named(e: &FieldError, flags: Flags) -> String {
    match flags.iter().find(|(field, _)| *field == e.field) {
        Some((_, flag)) => format!("{flag}: {}", e.message),
        None => e.to_string(),
    }
}

/// Bad input: says why, saves nothing, and exits 1.
pub(super) fn refuse(why: impl std::fmt::Display) -> Result<i32> {
    eprintln!("not saved: {why}");
    Ok(1)
}

/// Saves `entry` as the person running the command; refusals name the option from `flags`.
/// The casework layer reads only what the entry depends on, in the save's transaction.
pub(super) fn save(ctx: &Context, entry: impl Into<Entry>, flags: Flags) -> Result<i32> {
    let mut store = ctx.open_store()?;
    let actor = ctx.staff_id(&store)?;
    let (today, now) = ctx.save_clock(&store)?;
    let rules = Rules { today, now, calendar: &ctx.calendar, rules: &ctx.config.rules };
    match record(&mut store, &entry.into(), &actor, &rules) {
        Ok(done) => {
            emit(&format!("{done}\n"))?;
            Ok(0)
        }
        Err(RecordError::Invalid(e)) => refuse(named(&e, flags)),
        Err(RecordError::Unconfirmed(warning)) => refuse(format!("{warning} Add --confirm to go ahead.")),
        Err(e @ (RecordError::NotAllowed(_) | RecordError::Stale { .. })) => refuse(e),
        Err(e) => Err(eyre!("{e}")),
    }
}

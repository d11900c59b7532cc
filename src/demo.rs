//! A fictional demo county, deterministic for a seed and `today`. IMPLEMENTATION PENDING (helper).

use chrono::NaiveDate;

use crate::domain::{CaseEvent, County};

/// Makes a county of `children` children with `events_per_child` history events each.
pub fn generate(
    children: usize,
    seed: u64,
    today: NaiveDate,
    events_per_child: usize,
) -> (County, Vec<CaseEvent>) {
    let _ = (children, seed, today, events_per_child);
    (County::default(), Vec::new())
}

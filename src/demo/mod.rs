//! A fictional demo county with the shape of an English local authority's SEND caseload
//! (ported from shared/data/gen_county.py), plus today's absences, open phone messages and
//! emails, panels and assessment steps so that every pane has something to show.
//! Deterministic for a seed and `today`. Everyone in it is invented.

mod children;
mod cover;
mod history;
mod names;
mod rng;
mod staff;
#[cfg(test)]
mod tests;
mod today;

use chrono::{Days, NaiveDate};

pub use cover::record_absences;

use crate::domain::*;
use names::*;
use rng::Rng;

/// The teams: by area and phase, and Assessment for open requests.
const TEAMS: [&str; 5] = ["North Pre-14", "North Post-14", "South Pre-14", "South Post-14", "Assessment"];

/// A child as generated, with what the rest of the generator needs to know about them.
pub(crate) struct Draft {
    pub(crate) child: Child,
    pub(crate) team: usize,
}

pub(crate) struct Maker {
    pub(crate) today: NaiveDate,
}

impl Maker {
    pub(crate) fn ago(&self, days: i64) -> NaiveDate {
        if days >= 0 {
            self.today.checked_sub_days(Days::new(days as u64)).unwrap_or(self.today)
        } else {
            self.today.checked_add_days(Days::new(days.unsigned_abs())).unwrap_or(self.today)
        }
    }

    pub(crate) fn days_since(&self, day: NaiveDate) -> i64 {
        (self.today - day).num_days()
    }
}

pub(crate) fn plus(day: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        day.checked_add_days(Days::new(days as u64)).unwrap_or(day)
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs())).unwrap_or(day)
    }
}

/// Fills `{c}`, `{p}`, `{s}`, `{pro}`, `{n}`, `{w}`, `{b}` in a template.
pub(crate) fn fill(template: &str, rng: &mut Rng, child: &str, setting: &str, band: &str) -> String {
    let mut out = String::with_capacity(template.len() + 24);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        match &rest[open + 1..open + close] {
            "c" => out.push_str(child),
            "p" => out.push_str(rng.word(PARENTS)),
            "s" => out.push_str(setting),
            "pro" => out.push_str(rng.word(PROFESSIONALS)),
            "n" => out.push_str(&rng.range(9, 98).to_string()),
            "w" => out.push_str(&rng.range(6, 20).to_string()),
            "b" => out.push_str(band),
            other => out.push_str(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

pub(crate) fn pick_name(rng: &mut Rng, common: &[&str], rare: &[&str], rare_weight: f64) -> String {
    // Common names weigh 10 each, rare ones `rare_weight` each, as in gen_county.py.
    let common_total = common.len() as f64 * 10.0;
    let total = common_total + rare.len() as f64 * rare_weight;
    if rng.unit() * total < common_total { rng.pick(common).to_string() } else { rng.pick(rare).to_string() }
}

/// Makes a county of `children` children with `events_per_child` history events each.
pub fn generate(children: usize, seed: u64, today: NaiveDate, events_per_child: usize) -> (County, Vec<CaseEvent>) {
    let maker = Maker { today };
    let mut drafts = children::make_children(&maker, children, seed);
    let (staff, officers_by_team, seniors_by_team, managers_by_team, admins) = staff::make_staff(&drafts, seed);
    staff::allocate(&mut drafts, &officers_by_team, seed);
    let events =
        history::make_events(&maker, &drafts, events_per_child, seed, &seniors_by_team, &managers_by_team, &admins);
    let mut county = County { staff, children: Vec::new(), ..County::default() };
    today::extras(&maker, &mut county, &mut drafts, &officers_by_team, seed);
    county.children = drafts.into_iter().map(|d| d.child).collect();
    (county, events)
}

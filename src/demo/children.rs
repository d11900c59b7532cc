//! The children and young people: ages, needs, settings, stages and their dates.

use chrono::Datelike;

use super::names::*;
use super::rng::{Rng, cumulative};
use super::{Draft, Maker, pick_name, plus};
use crate::domain::*;

/// Share of children by age in years (0..=25), England-like: mostly 5–16.
const AGE_WEIGHTS: [f64; 26] = [
    0.2, 0.5, 1.2, 2.0, 3.0, 4.5, 5.5, 6.2, 6.6, 6.9, 7.1, 7.2, 7.2, 7.0, 6.8, 6.6, 5.5, 4.6, 3.5, 2.4, 1.4, 0.9, 0.6,
    0.4, 0.3, 0.15,
];
const STAGE_WEIGHTS: [(Stage, f64); 5] =
    [(Stage::Request, 4.0), (Stage::Assessment, 5.0), (Stage::Draft, 2.0), (Stage::Plan, 87.0), (Stage::Ceased, 2.0)];
/// England's SEN2 primary needs for EHC plans, per cent.
const NEED_WEIGHTS: [(Need, f64); 14] = [
    (Need::Asd, 33.0),
    (Need::Slcn, 22.0),
    (Need::Semh, 17.0),
    (Need::Mld, 8.0),
    (Need::Sld, 5.0),
    (Need::Pmld, 1.2),
    (Need::Spld, 4.0),
    (Need::Pd, 4.0),
    (Need::Hi, 1.6),
    (Need::Vi, 0.8),
    (Need::Msi, 0.3),
    (Need::Oth, 2.0),
    (Need::Nsa, 0.3),
    (Need::Ds, 0.8),
];
const BAND_WEIGHTS: [f64; 9] = [8.0, 14.0, 18.0, 17.0, 14.0, 11.0, 8.0, 6.0, 4.0];

fn band_shift(need: Option<Need>) -> i64 {
    match need {
        Some(Need::Pmld) => 4,
        Some(Need::Sld | Need::Msi) => 3,
        Some(Need::Ds) => 2,
        Some(Need::Pd | Need::Asd | Need::Semh) => 1,
        Some(Need::Spld | Need::Slcn) => -1,
        _ => 0,
    }
}

/// The children, in id order, with the shares of stages, ages and needs of gen_county.py.
pub(super) fn make_children(maker: &Maker, n: usize, seed: u64) -> Vec<Draft> {
    let mut rng = Rng::new(seed, "children");
    let age_cum = cumulative(&AGE_WEIGHTS);
    let stage_cum = cumulative(&STAGE_WEIGHTS.map(|(_, w)| w));
    let need_cum = cumulative(&NEED_WEIGHTS.map(|(_, w)| w));
    let band_cum = cumulative(&BAND_WEIGHTS);
    // A fixed pool of settings for this county, sized with it.
    let mut pool = |templates: &[&'static str], per: usize| -> Vec<String> {
        let size = (n / per).max(3);
        let mut out: Vec<String> = Vec::new();
        let mut tries = 0;
        while out.len() < size && tries < size * 50 {
            tries += 1;
            let name = rng.word(templates).replace("{p}", rng.word(PLACES)).replace("{s}", rng.word(SAINTS));
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    };
    let early = pool(EARLY, 400);
    let primary = pool(PRIMARY, 60);
    let secondary = pool(SECONDARY, 180);
    let special = pool(SPECIAL, 300);
    let college = pool(COLLEGE, 700);
    // Popular settings hold more children.
    let skewed = |rng: &mut Rng, settings: &[String]| -> String {
        let cum = cumulative(&(0..settings.len()).map(|i| 1.0 / ((i + 1) as f64).powf(0.6)).collect::<Vec<_>>());
        settings[rng.weighted(&cum)].clone()
    };

    let mut next_id = 100_000;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        next_id += rng.range(1, 3);
        let first = pick_name(&mut rng, FIRST_NAMES, FIRST_NAMES_RARE, 2.0);
        let last = pick_name(&mut rng, LAST_NAMES, LAST_NAMES_RARE, 2.0);
        let stage = STAGE_WEIGHTS[rng.weighted(&stage_cum)].0;
        let request_days = match stage {
            Stage::Request => Some(if rng.chance(0.85) { rng.range(0, 42) } else { rng.range(43, 70) }),
            Stage::Assessment => Some(match rng.unit() {
                r if r < 0.70 => rng.range(42, 140),
                r if r < 0.92 => rng.range(141, 210),
                _ => rng.range(211, 245),
            }),
            Stage::Draft => Some(match rng.unit() {
                r if r < 0.65 => rng.range(98, 140),
                r if r < 0.93 => rng.range(141, 210),
                _ => rng.range(211, 245),
            }),
            Stage::Plan | Stage::Ceased => None,
        };
        let age_years = rng.weighted(&age_cum) as f64;
        let mut age_days = (age_years * 365.25) as i64 + rng.range(0, 364);
        let mut min_age = match stage {
            Stage::Plan => 240,
            Stage::Ceased => 900,
            _ => 120,
        };
        if let Some(days) = request_days {
            min_age = min_age.max(days + 60);
        }
        if age_days < min_age {
            age_days = min_age + rng.range(0, 200);
        }
        if age_days > 26 * 365 - 5 {
            age_days = 26 * 365 - 5 - rng.range(0, 300);
        }
        let dob = maker.ago(age_days);
        let age = age_days as f64 / 365.25;
        let north = rng.chance(0.52);
        let districts = if north { NORTH_DISTRICTS } else { SOUTH_DISTRICTS };
        let postcode = format!(
            "{} {}{}{}",
            rng.pick(districts),
            rng.range(1, 9),
            *rng.pick(UNIT_LETTERS) as char,
            *rng.pick(UNIT_LETTERS) as char
        );
        let postcode = if rng.chance(0.01) { None } else { Some(postcode) };
        let mut need = Some(NEED_WEIGHTS[rng.weighted(&need_cum)].0);
        if (stage == Stage::Request && rng.chance(0.5)) || rng.chance(0.005) {
            need = None;
        }
        let special_p = 0.2
            + if matches!(need, Some(Need::Sld | Need::Pmld | Need::Msi)) { 0.6 } else { 0.0 }
            + if matches!(need, Some(Need::Asd | Need::Semh)) { 0.15 } else { 0.0 };
        let setting = if (stage == Stage::Ceased && rng.chance(0.5)) || rng.chance(0.03) {
            rng.word(NO_SETTING).to_string()
        } else if age < 4.5 {
            if rng.chance(0.8) { skewed(&mut rng, &early) } else { String::new() }
        } else if age < 19.0 && rng.chance(special_p) {
            skewed(&mut rng, &special)
        } else if age < 11.0 {
            // Infant schools take children to Year 2, junior schools from Year 3.
            let school = skewed(&mut rng, &primary);
            if crate::domain::year_group::year_group(dob, maker.today, None) >= 3 {
                school.replace("Infant School", "Junior School")
            } else {
                school.replace("Junior School", "Infant School")
            }
        } else if age < 16.0 {
            skewed(&mut rng, &secondary)
        } else if age < 19.0 {
            if rng.chance(0.3) { skewed(&mut rng, &secondary) } else { skewed(&mut rng, &college) }
        } else {
            match rng.unit() {
                r if r < 0.6 => skewed(&mut rng, &college),
                r if r < 0.75 => format!("Supported internship, {} Hospital", rng.word(PLACES)),
                _ => rng.word(NO_SETTING).to_string(),
            }
        };

        let mut child = Child {
            id: format!("C{next_id:06}"),
            first_name: first,
            last_name: last,
            date_of_birth: dob,
            postcode,
            setting: (!setting.is_empty()).then_some(setting),
            primary_need: need,
            officer: None,
            stage,
            request_date: None,
            assess_decision_date: None,
            draft_date: None,
            plan_date: None,
            last_review_date: None,
            band: None,
            year_group_override: None,
        };
        let band_draw = |rng: &mut Rng, shift: i64| (rng.weighted(&band_cum) as i64 + 1 + shift).clamp(1, 9) as u8;
        if let Some(days) = request_days {
            let request = maker.ago(days);
            child.request_date = Some(request);
            if matches!(stage, Stage::Assessment | Stage::Draft) {
                child.assess_decision_date = Some(plus(request, rng.range(28, 45)).min(maker.today));
            }
            if stage == Stage::Draft {
                let decision = child.assess_decision_date.unwrap_or(request);
                let draft = plus(request, rng.range(84, 126)).max(plus(decision, 14)).min(maker.today);
                child.draft_date = Some(draft);
                if rng.chance(0.4) {
                    child.band = Some(band_draw(&mut rng, band_shift(need) / 2));
                }
            }
        } else {
            // A plan issued within the last 10 years, after birth.
            let upper = if stage == Stage::Plan { 1 } else { 365 };
            let lower_offset = (age_days - (730).min(age_days / 2)).min(3652);
            let (lower, upper) = if lower_offset < upper { (upper + 30, upper) } else { (lower_offset, upper) };
            let span = lower - upper;
            let plan_days = upper + (span as f64 * rng.unit().powf(1.1)) as i64;
            let plan = maker.ago(plan_days.min(age_days - 30).max(upper));
            child.plan_date = Some(plan);
            // Recent plans often carry their assessment history.
            if rng.chance(if maker.days_since(plan) < 4 * 365 { 0.6 } else { 0.2 }) {
                let request = plus(plan, -rng.range(16 * 7, 30 * 7));
                if request > plus(dob, 14) {
                    let decision = plus(request, rng.range(28, 45));
                    child.request_date = Some(request);
                    child.assess_decision_date = Some(decision);
                    child.draft_date = Some(plus(plan, -rng.range(14, 35)).max(plus(decision, 7)));
                }
            }
            let since_plan = maker.days_since(plan);
            child.last_review_date = if stage == Stage::Plan {
                if since_plan <= 365 {
                    None
                } else if rng.chance(0.10) {
                    // Overdue: the last review more than 12 months ago.
                    let ago = if rng.chance(0.7) { rng.range(366, 425) } else { rng.range(426, 800) };
                    let review = maker.ago(ago);
                    (review >= plus(plan, 300)).then_some(review)
                } else {
                    let newest = maker.days_since(plus(plan, 300)).min(364);
                    (newest >= 0).then(|| maker.ago(rng.range(0, newest)))
                }
            } else if rng.chance(0.6) {
                let review = plus(plan, rng.range(300, 420));
                (review < maker.today).then_some(review)
            } else {
                None
            };
            if (stage == Stage::Plan && rng.chance(0.97)) || (stage == Stage::Ceased && rng.chance(0.5)) {
                child.band = Some(band_draw(&mut rng, band_shift(need)));
            }
        }
        // A few summer-born children are taught a year behind.
        if dob.month() >= 6 && dob.month() <= 8 && rng.chance(0.03) {
            let cohort = if dob.month() >= 9 { dob.year() } else { dob.year() - 1 };
            let this_year = if maker.today.month() >= 9 { maker.today.year() } else { maker.today.year() - 1 };
            let year = this_year - cohort - 5;
            if (1..=11).contains(&year) {
                child.year_group_override = Some(year - 1);
            }
        }
        let team = if stage.is_open_request() {
            4
        } else {
            match (north, age < 14.0) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            }
        };
        out.push(Draft { child, team });
    }
    out
}

//! The authority's headline figures (DOMAIN.md "Headline measures").

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::milestones::{Milestone, MilestoneName, Status};
use super::model::{County, Stage, StepKind};
use super::settings::BandTable;

/// Days in 20 and 30 calendar weeks.
const TWENTY_WEEKS: i64 = 140;
const THIRTY_WEEKS: i64 = 210;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub today: NaiveDate,
    pub children: usize,
    pub plans_active: usize,
    pub requests_open: usize,
    pub assessments_over_20_weeks: usize,
    pub assessments_over_30_weeks: usize,
    pub plans_issued_last_12_months: usize,
    pub plans_issued_within_20_weeks_last_12_months: usize,
    /// 0–100 to one decimal; `None` when no plan with a known request date was issued.
    pub percent_within_20_weeks_last_12_months: Option<f64>,
    /// The same over the plans whose assessment had no exception (Reg 10(4)) recorded, as the
    /// DfE also reports it.
    pub plans_issued_without_exception_last_12_months: usize,
    pub plans_issued_within_20_weeks_excluding_exceptions_last_12_months: usize,
    pub percent_within_20_weeks_excluding_exceptions_last_12_months: Option<f64>,
    pub reviews_overdue: usize,
    pub unallocated: usize,
    pub caseload_by_officer: BTreeMap<String, usize>,
    /// Active plans in each top-up band ("1"…"9", and "none" for plans not yet banded).
    pub plans_by_band: BTreeMap<String, usize>,
    /// The annual top-up the active plans' bands commit, in pounds, when the band table has amounts.
    pub top_up_per_year: Option<u64>,
    /// Active plans whose band is beyond the configured band table (not in `top_up_per_year`).
    pub plans_outside_band_table: usize,
}

/// `milestones` is in the same order as `county.children` (see `county_milestones`).
pub fn headline(county: &County, milestones: &[Vec<Milestone>], today: NaiveDate, bands: &BandTable) -> Report {
    // "Last 12 months" = plan date after the same day a year ago, up to today.
    let year_ago = today.checked_sub_months(Months::new(12)).unwrap_or(today);
    let mut report = Report {
        today,
        children: county.children.len(),
        plans_active: 0,
        requests_open: 0,
        assessments_over_20_weeks: 0,
        assessments_over_30_weeks: 0,
        plans_issued_last_12_months: 0,
        plans_issued_within_20_weeks_last_12_months: 0,
        percent_within_20_weeks_last_12_months: None,
        plans_issued_without_exception_last_12_months: 0,
        plans_issued_within_20_weeks_excluding_exceptions_last_12_months: 0,
        percent_within_20_weeks_excluding_exceptions_last_12_months: None,
        reviews_overdue: 0,
        unallocated: 0,
        caseload_by_officer: BTreeMap::new(),
        plans_by_band: BTreeMap::new(),
        top_up_per_year: (0..bands.count()).any(|b| bands.top_up(b + 1).is_some()).then_some(0),
        plans_outside_band_table: 0,
    };
    for staff in &county.staff {
        if staff.role == super::model::Role::Officer {
            report.caseload_by_officer.insert(staff.id.clone(), 0);
        }
    }
    // Children with an exception to the 20 weeks recorded, and when (to match it to the request).
    let mut exceptions: std::collections::HashMap<&str, Vec<NaiveDate>> = std::collections::HashMap::new();
    for step in county.steps.iter().filter(|s| s.kind == StepKind::Exception) {
        exceptions.entry(step.child_id.as_str()).or_default().push(step.date);
    }
    for (index, child) in county.children.iter().enumerate() {
        if child.stage == Stage::Plan {
            report.plans_active += 1;
            let band = child.band.map_or_else(|| "none".to_string(), |b| b.to_string());
            *report.plans_by_band.entry(band).or_insert(0) += 1;
            if child.band.is_some_and(|b| b > bands.count()) {
                report.plans_outside_band_table += 1;
            }
            if let (Some(total), Some(amount)) =
                (report.top_up_per_year.as_mut(), child.band.and_then(|b| bands.top_up(b)))
            {
                *total += u64::from(amount);
            }
            let overdue_review = milestones.get(index).is_some_and(|ms| {
                ms.iter().any(|m| m.name == MilestoneName::AnnualReview && !m.advisory && m.status == Status::Overdue)
            });
            if overdue_review {
                report.reviews_overdue += 1;
            }
        }
        if child.stage.is_open_request() {
            report.requests_open += 1;
            if let Some(request) = child.request_date {
                let waited = (today - request).num_days();
                if waited > TWENTY_WEEKS {
                    report.assessments_over_20_weeks += 1;
                }
                if waited > THIRTY_WEEKS {
                    report.assessments_over_30_weeks += 1;
                }
            }
        }
        if let (Some(plan), Some(request)) = (child.plan_date, child.request_date)
            && plan > year_ago
            && plan <= today
        {
            report.plans_issued_last_12_months += 1;
            let within = (plan - request).num_days() <= TWENTY_WEEKS;
            if within {
                report.plans_issued_within_20_weeks_last_12_months += 1;
            }
            let excepted = exceptions
                .get(child.id.as_str())
                .is_some_and(|dates| dates.iter().any(|d| request <= *d && *d <= plan));
            if !excepted {
                report.plans_issued_without_exception_last_12_months += 1;
                if within {
                    report.plans_issued_within_20_weeks_excluding_exceptions_last_12_months += 1;
                }
            }
        }
        if child.stage.is_active() {
            match &child.officer {
                Some(officer) => *report.caseload_by_officer.entry(officer.clone()).or_insert(0) += 1,
                None => report.unallocated += 1,
            }
        }
    }
    report.percent_within_20_weeks_last_12_months =
        share(report.plans_issued_within_20_weeks_last_12_months, report.plans_issued_last_12_months);
    report.percent_within_20_weeks_excluding_exceptions_last_12_months = share(
        report.plans_issued_within_20_weeks_excluding_exceptions_last_12_months,
        report.plans_issued_without_exception_last_12_months,
    );
    report
}

/// `part` of `whole` as a percentage to one decimal; `None` of nothing.
fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| ((part as f64 * 1000.0 / whole as f64).round()) / 10.0)
}

//! The county as the interface needs it: records, milestones and display strings, computed once
//! when data changes so that drawing a frame does no work proportional to the county.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::county::{county_milestones, next_open};
use crate::domain::year_group::{age_years, year_group, year_group_label};
use crate::domain::{Calendar, County, Milestone, MilestoneName, RulesConfig, Stage, Status};

/// One child's caseload row, ready to draw.
#[derive(Debug, Clone)]
pub struct ChildRow {
    pub name: String,
    /// Lower-case "id first last", as written and accent-folded, for incremental search.
    pub search_key: String,
    /// "last first" folded to lower-case ASCII, so Łukasiewicz sorts with the Ls.
    pub sort_name: String,
    /// The setting, folded the same way.
    pub sort_setting: String,
    pub age: u32,
    pub year_group: i32,
    /// e.g. "11 Y6": fits the table.
    pub age_label: String,
    /// e.g. "Year 6", "Reception", with "(out of year group)" when overridden.
    pub year_label: String,
    pub setting: String,
    pub next: Option<NextMilestone>,
    /// The worst open statutory status: overdue, due soon, upcoming; `None` if nothing is open.
    pub status: Option<Status>,
    pub overdue: usize,
    pub due_soon: usize,
    pub team: String,
}

#[derive(Debug, Clone)]
pub struct NextMilestone {
    pub name: MilestoneName,
    pub due: NaiveDate,
    pub days_left: i64,
    pub status: Status,
}

pub struct CaseData {
    pub county: County,
    /// Per child, in `county.children` order.
    pub milestones: Vec<Vec<Milestone>>,
    pub rows: Vec<ChildRow>,
    pub child_index: HashMap<String, usize>,
    pub staff_index: HashMap<String, usize>,
    /// Sorted, de-duplicated team names.
    pub teams: Vec<String>,
    pub today: NaiveDate,
}

impl CaseData {
    pub fn build(county: County, today: NaiveDate, calendar: &Calendar, rules: &RulesConfig) -> CaseData {
        let milestones = county_milestones(&county, today, calendar, rules);
        let staff_index: HashMap<String, usize> =
            county.staff.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        let child_index = county.children.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        let mut teams: Vec<String> = county.staff.iter().map(|s| s.team.clone()).collect();
        teams.sort();
        teams.dedup();
        let rows = county
            .children
            .iter()
            .zip(&milestones)
            .map(|(child, ms)| {
                let age = age_years(child.date_of_birth, today);
                let year = year_group(child.date_of_birth, today, child.year_group_override);
                let statutory = || ms.iter().filter(|m| !m.advisory && m.status != Status::Done);
                let overdue = statutory().filter(|m| m.status == Status::Overdue).count();
                let due_soon = statutory().filter(|m| m.status == Status::DueSoon).count();
                let status = statutory().map(|m| m.status).min_by_key(|s| status_rank(*s));
                let next = next_open(ms).map(|m| NextMilestone {
                    name: m.name,
                    due: m.due,
                    days_left: (m.due - today).num_days(),
                    status: m.status,
                });
                let team = child
                    .officer
                    .as_ref()
                    .and_then(|o| staff_index.get(o))
                    .map(|&i| county.staff[i].team.clone())
                    .unwrap_or_default();
                ChildRow {
                    name: format!("{} {}", child.first_name, child.last_name),
                    search_key: {
                        let plain = format!("{} {} {}", child.id, child.first_name, child.last_name);
                        // Both spellings, so "zoe" finds Zoë and "zoë" still works.
                        format!("{} {}", plain.to_lowercase(), fold(&plain))
                    },
                    sort_name: fold(&format!("{} {}", child.last_name, child.first_name)),
                    sort_setting: fold(child.setting.as_deref().unwrap_or("")),
                    age,
                    year_group: year,
                    age_label: format!("{age} {}", short_year(year)),
                    year_label: if child.year_group_override.is_some() {
                        format!("{} (taught out of year group)", year_group_label(year))
                    } else {
                        year_group_label(year)
                    },
                    setting: child.setting.clone().unwrap_or_default(),
                    next,
                    status,
                    overdue,
                    due_soon,
                    team,
                }
            })
            .collect();
        CaseData { county, milestones, rows, child_index, staff_index, teams, today }
    }

    pub fn staff_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.staff_index.get(id).map_or(id, |&i| self.county.staff[i].name.as_str())
    }

    /// Children counted in a caseload: allocated to `officer` and not ceased.
    pub fn caseload_of<'a>(&'a self, officer: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.county
            .children
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.officer.as_deref() == Some(officer) && c.stage != Stage::Ceased)
            .map(|(i, _)| i)
    }
}

/// Lower is more urgent.
pub fn status_rank(status: Status) -> u8 {
    match status {
        Status::Overdue => 0,
        Status::DueSoon => 1,
        Status::Upcoming => 2,
        Status::Done => 3,
    }
}

/// "N", "R", "Y1"…"Y13", "19+": a year group in three characters.
pub fn short_year(year: i32) -> String {
    match year {
        y if y < 0 => "N".to_string(),
        0 => "R".to_string(),
        y if y <= 13 => format!("Y{y}"),
        _ => "19+".to_string(),
    }
}

/// Lower-case ASCII for sorting: "Ó Briain" → "o briain".
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

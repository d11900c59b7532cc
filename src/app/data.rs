//! The county as the interface needs it: records, milestones and display strings, computed once
//! when data changes so that drawing a frame does no work proportional to the county.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::domain::county::{child_milestones, county_milestones, next_open};
use crate::domain::year_group::{age_years, year_group, year_group_label};
use crate::domain::{Calendar, Changes, ChildRecord, County, Milestone, MilestoneName, RulesConfig, Stage, Status};

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
    /// Each child's place in name order, and in setting order (name order among equals): sorting
    /// compares these numbers, not the names, so a refresh does not compare 20,000 strings.
    pub name_rank: Vec<u32>,
    pub setting_rank: Vec<u32>,
    /// The children covered by a colleague today: child index → index into `county.covers`.
    pub covered: HashMap<usize, usize>,
    pub today: NaiveDate,
}

impl CaseData {
    pub fn build(county: County, today: NaiveDate, calendar: &Calendar, rules: &RulesConfig) -> CaseData {
        let milestones = county_milestones(&county, today, calendar, rules);
        let mut data = CaseData {
            county,
            milestones,
            rows: Vec::new(),
            child_index: HashMap::new(),
            staff_index: HashMap::new(),
            teams: Vec::new(),
            name_rank: Vec::new(),
            setting_rank: Vec::new(),
            covered: HashMap::new(),
            today,
        };
        data.index_staff();
        data.child_index = data.county.children.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        data.rows = (0..data.county.children.len()).map(|i| data.row(i)).collect();
        data.rank();
        data.index_covers();
        data
    }

    /// Which children a colleague covers today (the covers are few: worked out on every change).
    fn index_covers(&mut self) {
        let county = &self.county;
        self.covered = county
            .covers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.active(self.today, &county.absences))
            .filter_map(|(i, c)| self.child_index.get(&c.child_id).map(|&child| (child, i)))
            .collect();
    }

    /// The cover of child `i` today, if a colleague covers them.
    pub fn cover_of(&self, i: usize) -> Option<&crate::domain::Cover> {
        self.covered.get(&i).and_then(|&c| self.county.covers.get(c))
    }

    /// Takes in what colleagues changed: the children named are replaced (with all their
    /// records) and only their milestones and rows worked out again; whole lists that changed
    /// are replaced. `changes.everything` is for the caller, which reads the county again.
    pub fn apply(&mut self, changes: Changes, calendar: &Calendar, rules: &RulesConfig) {
        let staff_changed = changes.staff_changed();
        let county = &mut self.county;
        if let Some(staff) = changes.staff {
            county.staff = staff;
        }
        if let Some(slots) = changes.slots {
            county.slots = slots;
        }
        if let Some(bookings) = changes.bookings {
            county.bookings = bookings;
        }
        if let Some(absences) = changes.absences {
            county.absences = absences;
        }
        if let Some(covers) = changes.covers {
            county.covers = covers;
        }
        if let Some(rota) = changes.rota {
            county.rota = rota;
        }
        if let Some(handovers) = changes.handovers {
            county.handovers = handovers;
        }
        county.versions.extend(changes.versions);
        let changed: HashSet<&str> = changes.child_ids.iter().map(String::as_str).collect();
        if !changed.is_empty() {
            county.steps.retain(|r| !changed.contains(r.child_id()));
            county.contacts.retain(|r| !changed.contains(r.child_id()));
            county.panels.retain(|r| !changed.contains(r.child_id()));
            county.disputes.retain(|r| !changed.contains(r.child_id()));
            county.requests.retain(|r| !changed.contains(r.child_id()));
            county.allocations.retain(|r| !changed.contains(r.child_id()));
            county.tasks.retain(|r| !changed.contains(r.child_id()));
            county.requests.extend(changes.requests);
            county.allocations.extend(changes.allocations);
            county.tasks.extend(changes.tasks);
            county.steps.extend(changes.steps);
            county.contacts.extend(changes.contacts);
            county.panels.extend(changes.panels);
            county.disputes.extend(changes.disputes);
            // The panel queue reads the panels in date order, as they load.
            county.panels.sort_by_key(|p| (p.panel_date, p.id));
        }
        let gone: Vec<&str> =
            changed.iter().copied().filter(|id| !changes.children.iter().any(|c| c.id == *id)).collect();
        if !gone.is_empty() {
            // A child removed: positions move, so everything indexed by them is rebuilt.
            self.county.children.retain(|c| !gone.contains(&c.id.as_str()));
            self.county.children.extend(changes.children);
            *self = CaseData::build(std::mem::take(&mut self.county), self.today, calendar, rules);
            return;
        }
        self.index_staff();
        let mut touched = Vec::new();
        for child in changes.children {
            match self.child_index.get(&child.id) {
                Some(&i) => {
                    self.county.children[i] = child;
                    touched.push(i);
                }
                None => {
                    self.child_index.insert(child.id.clone(), self.county.children.len());
                    touched.push(self.county.children.len());
                    self.county.children.push(child);
                    self.milestones.push(Vec::new());
                }
            }
        }
        for &i in &touched {
            self.milestones[i] = child_milestones(&self.county, i, self.today, calendar, rules);
        }
        let mut reorder = self.rows.len() < self.county.children.len();
        if reorder || staff_changed {
            // A new child gets a row; a change of staff can move children between teams.
            self.rows = (0..self.county.children.len()).map(|i| self.row(i)).collect();
        } else {
            for i in touched {
                let row = self.row(i);
                let old = &self.rows[i];
                reorder |= row.sort_name != old.sort_name || row.sort_setting != old.sort_setting;
                self.rows[i] = row;
            }
        }
        if reorder {
            self.rank();
        }
        self.index_covers();
    }

    /// Works out `name_rank` and `setting_rank` from the rows.
    fn rank(&mut self) {
        let rows = &self.rows;
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&a, &b| rows[a].sort_name.cmp(&rows[b].sort_name));
        self.name_rank = vec![0; rows.len()];
        for (rank, &i) in order.iter().enumerate() {
            self.name_rank[i] = rank as u32;
        }
        let names = &self.name_rank;
        order.sort_by(|&a, &b| rows[a].sort_setting.cmp(&rows[b].sort_setting).then(names[a].cmp(&names[b])));
        self.setting_rank = vec![0; rows.len()];
        for (rank, &i) in order.iter().enumerate() {
            self.setting_rank[i] = rank as u32;
        }
    }

    fn index_staff(&mut self) {
        self.staff_index = self.county.staff.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        let mut teams: Vec<String> = self.county.staff.iter().map(|s| s.team.clone()).collect();
        teams.sort();
        teams.dedup();
        self.teams = teams;
    }

    /// Child `i`'s row, from their record and milestones.
    fn row(&self, i: usize) -> ChildRow {
        let (child, ms, today) = (&self.county.children[i], &self.milestones[i], self.today);
        let age = age_years(child.date_of_birth, today);
        let year = year_group(child.date_of_birth, today, child.year_group_override);
        let statutory = || ms.iter().filter(|m| !m.advisory && m.status != Status::Done);
        let overdue = statutory().filter(|m| m.status == Status::Overdue).count();
        let due_soon = statutory().filter(|m| m.status == Status::DueSoon).count();
        // With nothing statutory open, an advisory milestone next (the family's appeal deadline,
        // an under-5 review) still says its status, never "overdue".
        let status = statutory()
            .map(|m| m.status)
            .min_by_key(|s| status_rank(*s))
            .or_else(|| next_open(ms).filter(|m| m.advisory && m.status != Status::Overdue).map(|m| m.status));
        let next = next_open(ms).map(|m| NextMilestone {
            name: m.name,
            due: m.due,
            days_left: (m.due - today).num_days(),
            status: m.status,
        });
        let team = child
            .officer
            .as_ref()
            .and_then(|o| self.staff_index.get(o))
            .map(|&s| self.county.staff[s].team.clone())
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

/// "N", "R", "Y1"…"Y14", "19+": a year group in three characters.
pub fn short_year(year: i32) -> String {
    match year {
        y if y < 0 => "N".to_string(),
        0 => "R".to_string(),
        y if y <= 14 => format!("Y{y}"),
        _ => "19+".to_string(),
    }
}

/// Lower-case ASCII for sorting: "Ó Briain" → "o briain".
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

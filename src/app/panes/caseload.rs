//! The caseload pane: whose children, which filters, what order, and the search.

use std::collections::BTreeSet;

use chrono::Datelike;

use super::{PaneState, Reply, Target, View};
use crate::app::action::Action;
use crate::app::data::{CaseData, status_rank};
use crate::app::list::ListState;
use crate::domain::{MilestoneName, Need, Stage, Status};

/// Whose children the caseload pane shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Officer(String),
    Team(String),
    Unallocated,
    Authority,
}

impl Scope {
    pub fn label(&self, data: &CaseData) -> String {
        match self {
            Scope::Officer(id) => data.staff_name(id).to_string(),
            Scope::Team(team) => format!("team {team}"),
            Scope::Unallocated => "unallocated children".to_string(),
            Scope::Authority => "whole authority".to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Age,
    Setting,
    Stage,
    Next,
    Due,
    Status,
}

impl SortKey {
    pub const ALL: [SortKey; 7] =
        [SortKey::Name, SortKey::Age, SortKey::Setting, SortKey::Stage, SortKey::Next, SortKey::Due, SortKey::Status];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Age => "age",
            SortKey::Setting => "setting",
            SortKey::Stage => "stage",
            SortKey::Next => "next milestone",
            SortKey::Due => "due date",
            SortKey::Status => "status",
        }
    }

    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub stage: Option<Stage>,
    pub status: Option<Status>,
    pub team: Option<String>,
    pub need: Option<Need>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// "stage plan · status overdue", for the header.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(stage) = self.stage {
            parts.push(format!("stage {stage}"));
        }
        if let Some(status) = self.status {
            parts.push(format!("status {}", status_word(status)));
        }
        if let Some(team) = &self.team {
            parts.push(format!("team {team}"));
        }
        if let Some(need) = self.need {
            parts.push(format!("need {need}"));
        }
        parts.join(" · ")
    }
}

pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Done => "done",
        Status::Overdue => "overdue",
        Status::DueSoon => "due soon",
        Status::Upcoming => "upcoming",
    }
}

/// Counts for the caseload header, over the scope before filters and search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScopeCounts {
    pub children: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

/// Rows in the filter menu.
pub const FILTER_ROWS: [&str; 4] = ["Stage", "Status", "Team", "Primary need"];

#[derive(Debug, Clone)]
pub struct CaseloadView {
    pub filters: Filters,
    pub sort: SortKey,
    pub descending: bool,
    pub search: String,
    /// Typing into the search box.
    pub searching: bool,
    /// The children shown (indices into `county.children`), in order.
    pub list: ListState<usize>,
    pub counts: ScopeCounts,
    /// Children marked to move together (ids: they outlast a reload).
    pub marked: BTreeSet<String>,
    /// On one officer's caseload, their workload score (read against the norm in the header).
    pub officer_score: Option<f64>,
    /// On one officer's caseload, the children they cover for absent colleagues: whose, how
    /// many, until when.
    pub covering: Vec<(String, usize, chrono::NaiveDate)>,
}

impl Default for CaseloadView {
    fn default() -> Self {
        CaseloadView {
            filters: Filters::default(),
            sort: SortKey::Due,
            descending: false,
            search: String::new(),
            searching: false,
            list: ListState::default(),
            counts: ScopeCounts::default(),
            marked: BTreeSet::new(),
            officer_score: None,
            covering: Vec::new(),
        }
    }
}

impl CaseloadView {
    pub const TITLE: &'static str = "Caseload";

    /// The children shown, in order.
    pub fn visible(&self) -> &[usize] {
        &self.list.lines
    }

    pub fn selected_child(&self) -> Option<usize> {
        self.list.selected_line().copied()
    }

    /// Recomputes the children shown and the counts, keeping the same child selected where possible.
    pub fn refresh(&mut self, data: &CaseData, scope: &Scope) {
        let keep = self.selected_child();
        let in_scope: Vec<usize> = (0..data.county.children.len()).filter(|&i| in_scope(scope, data, i)).collect();
        self.counts = ScopeCounts {
            children: in_scope.len(),
            overdue: in_scope.iter().filter(|&&i| data.rows[i].status == Some(Status::Overdue)).count(),
            due_soon: in_scope.iter().filter(|&&i| data.rows[i].status == Some(Status::DueSoon)).count(),
        };
        let needle = self.search.trim().to_lowercase();
        let mut visible: Vec<usize> = in_scope
            .into_iter()
            .filter(|&i| self.passes_filters(data, i))
            .filter(|&i| needle.is_empty() || data.rows[i].search_key.contains(&needle))
            .collect();
        // Every key ends with the child's place in name order, so no two are equal; each is
        // worked out once, not at every comparison.
        let mut keyed: Vec<(u64, u32, usize)> =
            visible.iter().map(|&i| (sort_key(data, self.sort, i), data.name_rank[i], i)).collect();
        keyed.sort_unstable();
        visible = keyed.into_iter().map(|(_, _, i)| i).collect();
        if self.descending {
            visible.reverse();
        }
        let selected = keep.and_then(|child| visible.iter().position(|&i| i == child)).unwrap_or(0);
        self.list.lines = visible;
        self.list.move_to(selected);
    }

    fn passes_filters(&self, data: &CaseData, i: usize) -> bool {
        let child = &data.county.children[i];
        let row = &data.rows[i];
        let f = &self.filters;
        f.stage.is_none_or(|s| child.stage == s)
            && f.status.is_none_or(|s| row.status == Some(s))
            && f.team.as_ref().is_none_or(|t| &row.team == t)
            && f.need.is_none_or(|n| child.primary_need == Some(n))
    }

    pub fn select(&mut self, position: usize) {
        self.list.move_to(position);
    }

    pub fn move_by(&mut self, delta: isize) {
        self.list.move_by(delta);
    }

    /// The next sort column, or the same one the other way round.
    pub fn sort_by(&mut self, next: bool) -> String {
        if next {
            self.sort = self.sort.next();
            self.descending = false;
        } else {
            self.descending = !self.descending;
        }
        let order = if self.descending { "descending" } else { "ascending" };
        format!("sorted by {}, {order}", self.sort.label())
    }

    /// Moves filter `row` of the filter menu to its next (or previous) value, wrapping through "any".
    pub fn cycle_filter(&mut self, data: &CaseData, row: usize, step: isize) {
        fn cycle<T: Clone + PartialEq>(current: &Option<T>, values: &[T], step: isize) -> Option<T> {
            // Position 0 is "any"; values follow.
            let len = values.len() as isize + 1;
            let now = current.as_ref().and_then(|c| values.iter().position(|v| v == c)).map_or(0, |i| i as isize + 1);
            let next = (now + step).rem_euclid(len);
            if next == 0 { None } else { values.get(next as usize - 1).cloned() }
        }
        let filters = &mut self.filters;
        match row {
            0 => filters.stage = cycle(&filters.stage, Stage::ALL, step),
            1 => filters.status = cycle(&filters.status, &[Status::Overdue, Status::DueSoon, Status::Upcoming], step),
            2 => filters.team = cycle(&filters.team, &data.teams, step),
            _ => filters.need = cycle(&filters.need, Need::ALL, step),
        }
    }

    /// Esc on the caseload: clear the search, else the filters, else the marks. `None`: nothing
    /// to clear.
    fn back(&mut self) -> Option<&'static str> {
        if !self.search.is_empty() {
            self.search.clear();
            Some("search cleared")
        } else if !self.filters.is_empty() {
            self.filters = Filters::default();
            Some("filters cleared")
        } else if !self.marked.is_empty() {
            self.marked.clear();
            Some("marks cleared")
        } else {
            None
        }
    }

    /// Marks or unmarks the selected child, and moves to the next.
    fn toggle_mark(&mut self, data: &CaseData) -> Option<String> {
        let child = self.selected_child()?;
        let id = &data.county.children[child].id;
        if !self.marked.remove(id) {
            self.marked.insert(id.clone());
        }
        self.list.move_by(1);
        Some(format!("{} marked · r moves them · Esc clears the marks", self.marked.len()))
    }

    /// The marked children still on file, as indices into `county.children`.
    pub fn marked_children(&self, data: &CaseData) -> Vec<usize> {
        self.marked.iter().filter_map(|id| data.child_index.get(id).copied()).collect()
    }
}

impl PaneState for CaseloadView {
    fn refresh(&mut self, view: &View) {
        CaseloadView::refresh(self, view.data, view.scope);
        self.officer_score = match view.scope {
            Scope::Officer(id) => Some(crate::domain::workload::score_of(
                &view.data.county,
                &view.data.milestones,
                id,
                view.workload,
                view.data.today,
            )),
            _ => None,
        };
        self.covering.clear();
        if let Scope::Officer(id) = view.scope {
            for cover in view.data.covered.values().filter_map(|&c| view.data.county.covers.get(c)) {
                if &cover.cover_id != id {
                    continue;
                }
                match self.covering.iter_mut().find(|(officer, ..)| officer == &cover.officer_id) {
                    Some(entry) => {
                        entry.1 += 1;
                        entry.2 = entry.2.max(cover.to);
                    }
                    None => self.covering.push((cover.officer_id.clone(), 1, cover.to)),
                }
            }
            self.covering.sort();
        }
    }

    fn act(&mut self, action: Action, view: &View) -> Reply {
        if self.list.act(action) {
            return Reply::Done;
        }
        match action {
            Action::Back => match self.back() {
                Some(done) => {
                    self.refresh(view.data, view.scope);
                    Reply::Say(done.into())
                }
                None => Reply::Say("nothing to go back from; q quits".into()),
            },
            Action::Mark => match self.toggle_mark(view.data) {
                Some(said) => Reply::Say(said),
                None => Reply::Say("select a child first".into()),
            },
            _ => Reply::Ignored,
        }
    }

    fn target(&self, _data: &CaseData) -> Target {
        Target { child: self.selected_child(), absence: None, contact: None }
    }
}

/// Is child `i` in `scope`? An officer's caseload, a team's or the unallocated children leave out
/// ceased plans (DOMAIN.md: a ceased plan leaves the caseload); the authority shows everyone.
pub fn in_scope(scope: &Scope, data: &CaseData, i: usize) -> bool {
    let child = &data.county.children[i];
    match scope {
        // An officer's caseload includes the children they cover for an absent colleague.
        Scope::Officer(id) => {
            child.stage != Stage::Ceased
                && (child.officer.as_deref() == Some(id.as_str()) || data.cover_of(i).is_some_and(|c| &c.cover_id == id))
        }
        Scope::Team(team) => data.rows[i].team == *team && child.stage != Stage::Ceased,
        Scope::Unallocated => child.officer.is_none() && child.stage != Stage::Ceased,
        Scope::Authority => true,
    }
}

/// Child `i`'s place on `key`, as a number (ties broken by name order by the caller).
fn sort_key(data: &CaseData, key: SortKey, i: usize) -> u64 {
    let (row, child) = (&data.rows[i], &data.county.children[i]);
    let day = |d: chrono::NaiveDate| u64::try_from(d.num_days_from_ce()).unwrap_or(0);
    match key {
        SortKey::Name => 0,
        // By age: the youngest (latest born) first, ascending.
        SortKey::Age => u64::MAX - day(child.date_of_birth),
        SortKey::Setting => u64::from(data.setting_rank[i]),
        SortKey::Stage => child.stage as u64,
        SortKey::Next => row.next.as_ref().map_or(0, |n| 1 + milestone_order(n.name)),
        // Children with nothing due sort last.
        SortKey::Due => row.next.as_ref().map_or(u64::MAX, |n| day(n.due)),
        SortKey::Status => row.status.map_or(9, |s| u64::from(status_rank(s))),
    }
}

/// A milestone's place in alphabetical order of its name, as the Next column reads.
fn milestone_order(name: MilestoneName) -> u64 {
    MilestoneName::ALL.iter().filter(|other| other.as_str() < name.as_str()).count() as u64
}

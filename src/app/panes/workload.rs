//! The workload pane: each officer's children by stage, what is late or due soon, messages
//! waiting, children covered for others, and a score against the norm. Managers see the
//! authority (or a team, by `v`), seniors their team, officers their own line. Built only while
//! showing: at 20,000 children it is the one pane that reads every child's milestones.

use super::{PaneState, Reply, Scope, Target, View};
use crate::app::action::Action;
use crate::app::data::CaseData;
use crate::app::list::ListState;
use crate::domain::workload::{ChildFacts, Load, child_facts, workloads};

/// The orders `s` steps through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WorkloadSort {
    /// By team, the heaviest first within each.
    #[default]
    Team,
    Score,
    Overdue,
    Name,
}

impl WorkloadSort {
    const ALL: [WorkloadSort; 4] = [WorkloadSort::Team, WorkloadSort::Score, WorkloadSort::Overdue, WorkloadSort::Name];

    pub fn label(self) -> &'static str {
        match self {
            WorkloadSort::Team => "team, then score",
            WorkloadSort::Score => "score",
            WorkloadSort::Overdue => "overdue",
            WorkloadSort::Name => "name",
        }
    }

    fn next(self) -> WorkloadSort {
        let i = WorkloadSort::ALL.iter().position(|s| *s == self).unwrap_or(0);
        WorkloadSort::ALL[(i + 1) % WorkloadSort::ALL.len()]
    }
}

#[derive(Debug, Clone, Default)]
pub struct WorkloadView {
    pub loads: Vec<Load>,
    /// Every child's facts, as the loads were worked out from (for balancing).
    pub facts: Vec<ChildFacts>,
    /// Indices into `loads`, in the order shown.
    pub list: ListState<usize>,
    pub sort: WorkloadSort,
    pub reversed: bool,
    /// The norm the scores were read against.
    pub norm: [u32; 2],
    /// The data changed since the loads were worked out.
    stale: bool,
}

impl WorkloadView {
    pub const TITLE: &'static str = "Workload";

    /// The officer on the selected line.
    pub fn selected(&self) -> Option<&Load> {
        self.list.selected_line().and_then(|&i| self.loads.get(i))
    }

    /// The team shown, when it is one team: the scope's, or the selected officer's.
    fn team(&self, scope: &Scope) -> Option<String> {
        match scope {
            Scope::Team(team) => Some(team.clone()),
            _ => self.selected().map(|l| l.team.clone()),
        }
    }

    /// Puts the lines in the chosen order, keeping the same officer selected.
    fn order(&mut self) {
        let keep = self.selected().map(|l| l.staff_id.clone());
        let loads = &self.loads;
        let mut lines = std::mem::take(&mut self.list.lines);
        lines.sort_by(|&a, &b| {
            let (a, b) = (&loads[a], &loads[b]);
            let heavier = b.score.total_cmp(&a.score);
            let order = match self.sort {
                WorkloadSort::Team => a.team.cmp(&b.team).then(heavier),
                WorkloadSort::Score => heavier,
                WorkloadSort::Overdue => b.overdue.cmp(&a.overdue).then(heavier),
                WorkloadSort::Name => a.name.cmp(&b.name),
            };
            let order = order.then_with(|| a.staff_id.cmp(&b.staff_id));
            if self.reversed { order.reverse() } else { order }
        });
        self.list.set_lines(lines);
        if let Some(position) = keep.and_then(|id| self.list.lines.iter().position(|&i| loads[i].staff_id == id)) {
            self.list.move_to(position);
        }
    }

    /// How many shown are above and below the norm.
    pub fn outside_norm(&self) -> (usize, usize) {
        let [low, high] = self.norm.map(f64::from);
        let shown = self.list.lines.iter().map(|&i| self.loads[i].score);
        shown.fold((0, 0), |(above, below), s| (above + usize::from(s > high), below + usize::from(s < low)))
    }
}

impl PaneState for WorkloadView {
    fn refresh(&mut self, view: &View) {
        if view.showing != super::Pane::Workload {
            self.stale = true;
            return;
        }
        self.stale = false;
        let county = &view.data.county;
        self.norm = view.workload.norm;
        self.facts = child_facts(county, &view.data.milestones, view.data.today, view.calendar, view.workload);
        self.loads = workloads(county, &self.facts, view.workload, view.data.today);
        let keep = self.selected().map(|l| l.staff_id.clone());
        let shown: Vec<usize> = (0..self.loads.len())
            .filter(|&i| match view.scope {
                Scope::Officer(id) => &self.loads[i].staff_id == id,
                Scope::Team(team) => &self.loads[i].team == team,
                Scope::Unallocated | Scope::Authority => true,
            })
            .collect();
        self.list.lines = shown;
        if let Some(position) = keep.and_then(|id| self.list.lines.iter().position(|&i| self.loads[i].staff_id == id)) {
            self.list.selected = position;
        }
        self.order();
    }

    fn stale(&self) -> bool {
        self.stale
    }

    fn act(&mut self, action: Action, view: &View) -> Reply {
        if self.list.act(action) {
            return Reply::Done;
        }
        match action {
            // Enter: that officer's caseload.
            Action::Open => match self.selected() {
                Some(load) => Reply::Caseload(Scope::Officer(load.staff_id.clone())),
                None => Reply::Done,
            },
            Action::SortNext => {
                self.sort = self.sort.next();
                self.reversed = false;
                self.order();
                Reply::Say(format!("officers by {}", self.sort.label()))
            }
            Action::SortReverse => {
                self.reversed = !self.reversed;
                self.order();
                let way = if self.reversed { "reversed" } else { "as usual" };
                Reply::Say(format!("officers by {}, {way}", self.sort.label()))
            }
            Action::Balance => match self.team(view.scope) {
                Some(team) => Reply::Balance(team),
                None => Reply::Say("no officer is shown: choose a team first (v)".into()),
            },
            _ => Reply::Ignored,
        }
    }

    fn target(&self, _data: &CaseData) -> Target {
        Target::default()
    }

    fn heading(&self, _data: &CaseData) -> Option<String> {
        let [low, high] = self.norm;
        let (above, below) = self.outside_norm();
        let officers = self.list.lines.len();
        let officers = if officers == 1 { "1 officer".to_string() } else { format!("{officers} officers") };
        Some(format!("Workload · {officers} · norm {low}–{high} · {above} above, {below} below"))
    }
}

//! The panel queue: cases awaiting a panel or recently decided, grouped by panel date.

use chrono::{Days, NaiveDate};

use super::{PaneState, Reply, Scope, Target, View};
use crate::app::action::Action;
use crate::app::data::CaseData;
use crate::app::forms::FormRequest;
use crate::app::list::ListState;
use crate::domain::PanelOutcome;

/// Outcomes older than this drop off the panel queue (unless deferred and not yet resubmitted).
const RECENT_OUTCOME_DAYS: u64 = 28;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelLine {
    /// A panel date and how many cases it has in this list.
    Date(NaiveDate, usize),
    /// Index into `county.panels`.
    Case(usize),
}

/// Cases awaiting a panel, or decided recently, for the children `in_scope` accepts;
/// grouped by panel date, oldest first.
pub fn panel_queue(data: &CaseData, in_scope: impl Fn(usize) -> bool) -> Vec<PanelLine> {
    let panels = &data.county.panels;
    let since = data.today.checked_sub_days(Days::new(RECENT_OUTCOME_DAYS)).unwrap_or(data.today);
    let resubmitted: std::collections::HashSet<i64> = panels.iter().filter_map(|p| p.resubmission_of).collect();
    let mut chosen: Vec<usize> = panels
        .iter()
        .enumerate()
        .filter(|(_, p)| data.child_index.get(&p.child_id).is_some_and(|&c| in_scope(c)))
        .filter(|(_, p)| {
            let awaiting = p.outcome.is_none();
            let recent = p.panel_date >= since;
            let deferred_open = p.outcome == Some(PanelOutcome::Deferred) && !resubmitted.contains(&p.id);
            awaiting || recent || deferred_open
        })
        .map(|(i, _)| i)
        .collect();
    chosen.sort_by_key(|&i| (panels[i].panel_date, panels[i].child_id.clone()));
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chosen.len() {
        let date = panels[chosen[start]].panel_date;
        let end =
            chosen[start..].iter().position(|&i| panels[i].panel_date != date).map_or(chosen.len(), |n| start + n);
        lines.push(PanelLine::Date(date, end - start));
        lines.extend(chosen[start..end].iter().map(|&i| PanelLine::Case(i)));
        start = end;
    }
    lines
}

#[derive(Debug, Clone, Default)]
pub struct PanelQueue {
    pub list: ListState<PanelLine>,
    /// Each line's panel case id (none for a date heading), to find the selected case again
    /// after the queue is rebuilt.
    ids: Vec<Option<i64>>,
}

impl PanelQueue {
    pub const TITLE: &'static str = "Panel queue";
}

impl PaneState for PanelQueue {
    fn refresh(&mut self, view: &View) {
        let data = view.data;
        // The panel queue follows the scope, ceased cases included (their decisions still go out).
        let in_scope = |child: usize| {
            let c = &data.county.children[child];
            match view.scope {
                Scope::Officer(id) => c.officer.as_deref() == Some(id.as_str()),
                Scope::Team(team) => data.rows[child].team == *team,
                Scope::Unallocated => c.officer.is_none(),
                Scope::Authority => true,
            }
        };
        // The case acted on stays selected (found again by its id); the first time, the first
        // case of the next panel.
        let kept = self.ids.get(self.list.selected).copied();
        let position = self.list.selected;
        self.list.lines = panel_queue(data, in_scope);
        self.ids = self
            .list
            .lines
            .iter()
            .map(|line| match line {
                PanelLine::Case(i) => data.county.panels.get(*i).map(|p| p.id),
                PanelLine::Date(..) => None,
            })
            .collect();
        match kept {
            Some(Some(id)) => {
                let found = self.ids.iter().position(|line| *line == Some(id));
                self.list.move_to(found.unwrap_or(position));
            }
            Some(None) => self.list.move_to(position),
            None => {
                let first_upcoming = self.list.lines.iter().position(|line| match line {
                    PanelLine::Date(date, _) => *date >= data.today,
                    PanelLine::Case(_) => false,
                });
                self.list.move_to(first_upcoming.map_or(0, |i| i + 1));
            }
        }
    }

    fn act(&mut self, action: Action, view: &View) -> Reply {
        if self.list.act(action) {
            return Reply::Done;
        }
        match (action, self.list.selected_line()) {
            // `p` on a case records its decision rather than submitting the child again; on a
            // deferred case whose letter has gone, what is next is its resubmission.
            (Action::Panel, Some(PanelLine::Case(index))) => {
                let panel = &view.data.county.panels[*index];
                if panel.outcome == Some(PanelOutcome::Deferred) && panel.decision_sent.is_some() {
                    Reply::Ignored
                } else {
                    Reply::Form(FormRequest::PanelDecision(*index))
                }
            }
            _ => Reply::Ignored,
        }
    }

    fn target(&self, data: &CaseData) -> Target {
        let child = match self.list.selected_line() {
            Some(PanelLine::Case(p)) => data.child_index.get(&data.county.panels[*p].child_id).copied(),
            _ => None,
        };
        Target { child, absence: None, contact: None }
    }
}

//! Duty cover: who is away today, who covers them, and the urgent work on their caseloads.

use super::{PaneState, Reply, Target, View};
use crate::app::action::Action;
use crate::app::data::CaseData;
use crate::app::list::ListState;
use crate::domain::{MilestoneName, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyLine {
    /// Index into `county.absences`, and how many urgent items the officer has.
    Absent(usize, usize),
    /// A child and the index of an urgent milestone in `milestones[child]`.
    Urgent(usize, usize),
    /// An absent officer with nothing urgent.
    Nothing,
}

/// Is this open milestone urgent enough for the duty officer?
fn is_urgent(name: MilestoneName, status: Status, advisory: bool) -> bool {
    if advisory || status == Status::Done {
        return false;
    }
    // Calls and emails to return are always the duty officer's business.
    matches!(name, MilestoneName::CallBack | MilestoneName::EmailReply)
        || matches!(status, Status::Overdue | Status::DueSoon)
}

/// Officers absent today and the urgent work on their caseloads, most urgent first.
pub fn duty_cover(data: &CaseData) -> Vec<DutyLine> {
    let county = &data.county;
    let mut absences: Vec<usize> =
        county.absences.iter().enumerate().filter(|(_, a)| a.covers(data.today)).map(|(i, _)| i).collect();
    absences.sort_by_key(|&i| data.staff_name(&county.absences[i].staff_id).to_string());
    let mut lines = Vec::new();
    for absence in absences {
        let officer = &county.absences[absence].staff_id;
        let mut urgent: Vec<(usize, usize)> = Vec::new();
        for child in data.caseload_of(officer) {
            for (m, milestone) in data.milestones[child].iter().enumerate() {
                if is_urgent(milestone.name, milestone.status, milestone.advisory) {
                    urgent.push((child, m));
                }
            }
        }
        urgent.sort_by_key(|&(c, m)| {
            let milestone = &data.milestones[c][m];
            (crate::app::data::status_rank(milestone.status), milestone.due)
        });
        lines.push(DutyLine::Absent(absence, urgent.len()));
        if urgent.is_empty() {
            lines.push(DutyLine::Nothing);
        }
        lines.extend(urgent.into_iter().map(|(c, m)| DutyLine::Urgent(c, m)));
    }
    lines
}

#[derive(Debug, Clone, Default)]
pub struct DutyCover {
    pub list: ListState<DutyLine>,
}

impl DutyCover {
    pub const TITLE: &'static str = "Duty cover";
}

impl PaneState for DutyCover {
    fn refresh(&mut self, view: &View) {
        self.list.set_lines(duty_cover(view.data));
    }

    fn act(&mut self, action: Action, _view: &View) -> Reply {
        if self.list.act(action) { Reply::Done } else { Reply::Ignored }
    }

    fn target(&self, _data: &CaseData) -> Target {
        let child = match self.list.selected_line() {
            Some(DutyLine::Urgent(child, _)) => Some(*child),
            _ => None,
        };
        Target { child }
    }
}

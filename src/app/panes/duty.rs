//! The duty pane, a working queue: for today (or a day chosen with `[` and `]`), each absent
//! officer's urgent work and what colleagues on leave handed to the person looking; calls and
//! emails first. The selection follows the line acted on, which stays (marked done) for the day.

use chrono::NaiveDate;

use super::{PaneState, Reply, Scope, Target, View};
use crate::app::action::Action;
use crate::app::data::CaseData;
use crate::app::list::ListState;
use crate::domain::duty::{DutyKind, DutySection, DutyView, DutyWhat, duty_queue};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DutyLine {
    /// The heading of `sections[i]`.
    Heading(usize),
    /// `sections[i].items[j]`.
    Item(usize, usize),
    /// A section with nothing to do.
    Nothing(usize),
}

#[derive(Debug, Clone, Default)]
pub struct DutyCover {
    pub sections: Vec<DutySection>,
    pub list: ListState<DutyLine>,
    /// The day shown, when not today.
    pub day: Option<NaiveDate>,
    pub kind: DutyKind,
    /// The day the queue was built for.
    pub shown_day: Option<NaiveDate>,
}

impl DutyCover {
    pub const TITLE: &'static str = "Duty cover";

    /// What the selected line is, to find it again after the queue is rebuilt.
    fn key(&self, data: &CaseData) -> Option<(String, DutyWhat)> {
        match self.list.selected_line()? {
            DutyLine::Item(s, i) => {
                let item = &self.sections[*s].items[*i];
                Some((data.county.children.get(item.child)?.id.clone(), item.what.clone()))
            }
            _ => None,
        }
    }

    fn build(&mut self, view: &View) {
        let data = view.data;
        let day = self.day.unwrap_or(data.today);
        let team = match view.scope {
            Scope::Team(team) => Some(team.as_str()),
            Scope::Officer(id) => data.county.staff.iter().find(|s| &s.id == id).map(|s| s.team.as_str()),
            Scope::Unallocated | Scope::Authority => None,
        };
        let queue = DutyView { day, me: view.me, team, kind: self.kind };
        self.sections = duty_queue(&data.county, &data.milestones, view.calendar, view.rules, queue);
        self.shown_day = Some(day);
        let mut lines = Vec::new();
        for (s, section) in self.sections.iter().enumerate() {
            lines.push(DutyLine::Heading(s));
            if section.items.is_empty() {
                lines.push(DutyLine::Nothing(s));
            }
            lines.extend((0..section.items.len()).map(|i| DutyLine::Item(s, i)));
        }
        self.list.set_lines(lines);
    }

    /// Moves the day shown by `step` working days (back to today from either side).
    fn move_day(&mut self, step: i64, view: &View) -> String {
        let today = view.data.today;
        let next = super::step_working_day(view.calendar, self.day.unwrap_or(today), step);
        self.day = (next != today).then_some(next);
        self.list.move_to(0);
        self.build(view);
        format!("duty queue for {}", next.format("%a %-d %b %Y"))
    }
}

impl PaneState for DutyCover {
    fn refresh(&mut self, view: &View) {
        // The line acted on stays selected: found again by what it is, not where it was.
        let keep = self.key(view.data);
        let position = self.list.selected;
        self.build(view);
        let found = keep.and_then(|(child_id, what)| {
            self.list.lines.iter().position(|line| match line {
                DutyLine::Item(s, i) => {
                    let item = &self.sections[*s].items[*i];
                    item.what == what && view.data.county.children.get(item.child).is_some_and(|c| c.id == child_id)
                }
                _ => false,
            })
        });
        self.list.move_to(found.unwrap_or(position));
    }

    fn act(&mut self, action: Action, view: &View) -> Reply {
        if self.list.act(action) {
            return Reply::Done;
        }
        match action {
            Action::Filter => {
                let i = DutyKind::ALL.iter().position(|k| *k == self.kind).unwrap_or(0);
                self.kind = DutyKind::ALL[(i + 1) % DutyKind::ALL.len()];
                self.list.move_to(0);
                self.build(view);
                Reply::Say(format!("duty queue: {}", self.kind.label()))
            }
            Action::NextDay => Reply::Say(self.move_day(1, view)),
            Action::PrevDay => Reply::Say(self.move_day(-1, view)),
            Action::Back if self.day.is_some() => {
                self.day = None;
                self.build(view);
                Reply::Say("duty queue for today".into())
            }
            _ => Reply::Ignored,
        }
    }

    fn target(&self, _data: &CaseData) -> Target {
        match self.list.selected_line() {
            Some(DutyLine::Item(s, i)) => {
                let item = &self.sections[*s].items[*i];
                let contact = match item.what {
                    DutyWhat::Contact(id) => Some(id),
                    _ => None,
                };
                Target { child: Some(item.child), absence: None, contact }
            }
            Some(DutyLine::Heading(s) | DutyLine::Nothing(s)) => {
                Target { child: None, absence: absence_of(&self.sections[*s]), contact: None }
            }
            None => Target::default(),
        }
    }
}

/// The absence a section is about (index into `county.absences`).
fn absence_of(section: &DutySection) -> Option<usize> {
    match section.group {
        crate::domain::duty::DutyGroup::Absent { absence, .. } | crate::domain::duty::DutyGroup::HandedOver { absence } => {
            Some(absence)
        }
    }
}

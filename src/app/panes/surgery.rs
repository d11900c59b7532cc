//! A day's phone surgery (today, or another with `[` `]`): who is on, the call-backs booked, and
//! the times still free.

use super::{PaneState, Reply, Scope, Target, View};
use crate::app::action::Action;
use crate::app::data::CaseData;
use crate::app::forms::FormRequest;
use crate::app::list::ListState;
use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurgeryLine {
    /// An officer with a surgery today (index into `county.staff`), booked and free counts.
    Officer(usize, usize, usize),
    /// Index into `county.bookings`.
    Booking(usize),
    /// The officer's free call-back times today, as text.
    Free(String),
    /// The officer is away today: who rings their call-backs instead.
    Away(String),
}

/// The phone surgeries of `officers` on `day`: who is on, what is booked, what is free.
pub fn surgery_on(
    data: &CaseData,
    officers: &[usize],
    calendar: &crate::domain::Calendar,
    now: Option<chrono::NaiveTime>,
    day: chrono::NaiveDate,
) -> Vec<SurgeryLine> {
    use crate::domain::surgery::surgery_times;
    let county = &data.county;
    let diary = county.diary(calendar, data.today, now);
    let mut lines = Vec::new();
    for &staff in officers {
        let id = &county.staff[staff].id;
        let booked: Vec<usize> = (0..county.bookings.len())
            .filter(|&b| &county.bookings[b].officer_id == id && county.bookings[b].date == day)
            .collect();
        // Call-backs booked before a surgery moved still stand, so they still show.
        if surgery_times(id, day, &county.slots).is_empty() && booked.is_empty() {
            continue;
        }
        let free = diary.free_times(id, day);
        lines.push(SurgeryLine::Officer(staff, booked.len(), free.len()));
        // Away: whoever covers each child rings back, else the duty officer.
        let duty = diary.stand_in(id, day).map_or("the duty officer", |d| diary.name(d));
        let mut ringers: Vec<(String, usize)> = Vec::new();
        for &b in &booked {
            let child = county.bookings[b].child_id.as_ref().and_then(|c| data.child_index.get(c));
            let who = child.and_then(|&c| data.cover_of(c)).map_or(duty, |cover| diary.name(&cover.cover_id));
            match ringers.iter_mut().find(|(name, _)| name == who) {
                Some(entry) => entry.1 += 1,
                None => ringers.push((who.to_string(), 1)),
            }
        }
        lines.extend(booked.into_iter().map(SurgeryLine::Booking));
        let free: Vec<String> = free.iter().map(|t| t.format("%H:%M").to_string()).collect();
        if diary.away(id, day).is_some() {
            let who = match ringers.as_slice() {
                [] => duty.to_string(),
                [(one, _)] => one.clone(),
                many => many.iter().map(|(name, n)| format!("{name} ({n})")).collect::<Vec<_>>().join(", "),
            };
            lines.push(SurgeryLine::Away(who));
        } else {
            lines.push(SurgeryLine::Free(if free.is_empty() { "none".to_string() } else { free.join(" ") }));
        }
    }
    lines
}
#[derive(Debug, Clone, Default)]
pub struct SurgeryDay {
    pub list: ListState<SurgeryLine>,
    /// The day shown, when not today.
    pub day: Option<chrono::NaiveDate>,
    /// The day the lines were built for.
    pub shown_day: Option<chrono::NaiveDate>,
}

impl SurgeryDay {
    pub const TITLE: &'static str = "Surgery";

    /// The officer the selected line is about (index into `county.staff`).
    fn officer(&self, data: &CaseData) -> Option<usize> {
        match self.list.selected_line()? {
            SurgeryLine::Officer(staff, ..) => Some(*staff),
            SurgeryLine::Booking(b) => data.staff_index.get(&data.county.bookings[*b].officer_id).copied(),
            _ => None,
        }
    }
}

impl PaneState for SurgeryDay {
    fn refresh(&mut self, view: &View) {
        let staff = &view.data.county.staff;
        let officers: Vec<usize> = (0..staff.len())
            .filter(|&i| staff[i].role == Role::Officer)
            .filter(|&i| match view.scope {
                Scope::Officer(id) => &staff[i].id == id,
                Scope::Team(team) => &staff[i].team == team,
                Scope::Unallocated | Scope::Authority => true,
            })
            .collect();
        let day = self.day.unwrap_or(view.data.today);
        self.list.set_lines(surgery_on(view.data, &officers, view.calendar, view.now, day));
        self.shown_day = Some(day);
    }

    fn act(&mut self, action: Action, view: &View) -> Reply {
        if self.list.act(action) {
            return Reply::Done;
        }
        match action {
            // `e` here sets the selected officer's weekly surgeries.
            Action::EditDetails => Reply::Form(FormRequest::Surgeries(self.officer(view.data))),
            // `a` on a booked call-back: made, or moved.
            Action::AnswerContact => match self.list.selected_line() {
                Some(SurgeryLine::Booking(b)) => Reply::Form(FormRequest::CallBack(*b)),
                _ => Reply::Ignored,
            },
            Action::PrevDay | Action::NextDay => {
                let step = if action == Action::NextDay { 1 } else { -1 };
                let today = view.data.today;
                let next = super::step_working_day(view.calendar, self.day.unwrap_or(today), step);
                self.day = (next != today).then_some(next);
                self.list.move_to(0);
                self.refresh(view);
                Reply::Say(format!("surgery for {}", next.format("%a %-d %b %Y")))
            }
            Action::Back if self.day.is_some() => {
                self.day = None;
                self.list.move_to(0);
                self.refresh(view);
                Reply::Say("surgery for today".into())
            }
            _ => Reply::Ignored,
        }
    }

    fn target(&self, data: &CaseData) -> Target {
        let child = match self.list.selected_line() {
            Some(SurgeryLine::Booking(b)) => {
                data.county.bookings[*b].child_id.as_ref().and_then(|id| data.child_index.get(id).copied())
            }
            _ => None,
        };
        Target { child, absence: None, contact: None }
    }
}

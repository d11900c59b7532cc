//! The panel queue and today's duty cover, derived from the loaded data when it changes.

use chrono::{Days, NaiveDate};

use super::data::CaseData;
use crate::domain::{MilestoneName, PanelOutcome, Status};

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
            (super::data::status_rank(milestone.status), milestone.due)
        });
        lines.push(DutyLine::Absent(absence, urgent.len()));
        if urgent.is_empty() {
            lines.push(DutyLine::Nothing);
        }
        lines.extend(urgent.into_iter().map(|(c, m)| DutyLine::Urgent(c, m)));
    }
    lines
}

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

/// Today's phone surgeries of `officers`: who is on, what is booked, what is free.
pub fn surgery_today(
    data: &CaseData,
    officers: &[usize],
    calendar: &crate::domain::Calendar,
    now: Option<chrono::NaiveTime>,
) -> Vec<SurgeryLine> {
    use crate::domain::surgery::surgery_times;
    let county = &data.county;
    let diary = county.diary(calendar, data.today, now);
    let mut lines = Vec::new();
    for &staff in officers {
        let id = &county.staff[staff].id;
        let booked: Vec<usize> = (0..county.bookings.len())
            .filter(|&b| &county.bookings[b].officer_id == id && county.bookings[b].date == data.today)
            .collect();
        // Call-backs booked before a surgery moved still stand, so they still show.
        if surgery_times(id, data.today, &county.slots).is_empty() && booked.is_empty() {
            continue;
        }
        let free = diary.free_times(id, data.today);
        lines.push(SurgeryLine::Officer(staff, booked.len(), free.len()));
        lines.extend(booked.into_iter().map(SurgeryLine::Booking));
        let free: Vec<String> = free.iter().map(|t| t.format("%H:%M").to_string()).collect();
        if let Some(away) = diary.away(id, data.today) {
            let cover = away.cover_staff_id.as_deref().map_or("the duty officer", |c| diary.name(c));
            lines.push(SurgeryLine::Away(cover.to_string()));
        } else {
            lines.push(SurgeryLine::Free(if free.is_empty() { "none".to_string() } else { free.join(" ") }));
        }
    }
    lines
}

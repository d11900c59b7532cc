//! The timeline of one child: details, statutory milestones, then case history newest first.

use std::cell::Cell;

use super::{PaneState, Reply, Target, View};
use crate::app::action::Action;
use crate::app::data::CaseData;
use crate::app::history::{HistoryItem, child_history};
use crate::domain::{BandTable, CaseEvent, Milestone, MilestoneName};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocLine {
    Heading(&'static str),
    Field(&'static str, String),
    /// Index into `milestones[child]`.
    Milestone(usize),
    /// The rule behind milestone `i`, on its own line so it is never cut off.
    Rule(usize),
    /// An entry of the case history.
    History(HistoryItem),
    Empty(&'static str),
    Blank,
}

#[derive(Debug, Clone, Default)]
pub struct TimelineView {
    /// The child whose history is loaded.
    pub child: Option<usize>,
    /// The child's events on file, newest first (read when the child or the data changes).
    pub events: Vec<CaseEvent>,
    /// Those events merged with the work recorded for the child, newest first.
    pub history: Vec<HistoryItem>,
    pub lines: Vec<DocLine>,
    pub scroll: usize,
    /// Rows that fitted in the last frame (drawing writes it; paging reads it).
    page: Cell<usize>,
}

impl TimelineView {
    pub const TITLE: &'static str = "Timeline";

    /// Rows per page as last drawn (at least 1).
    pub fn page(&self) -> usize {
        self.page.get().max(1)
    }

    /// Drawing records how many document lines it showed whole (a page).
    pub fn drawn(&self, page: usize) {
        self.page.set(page);
    }

    fn scroll_by(&mut self, delta: isize) {
        // Stop with the end in view; half a page of slack lets a wrapped last line show.
        let last = self.lines.len().saturating_sub(self.page() / 2);
        self.scroll = self.scroll.saturating_add_signed(delta).min(last);
    }

    /// Builds the document for `child`: its events (newest first) and the work recorded for it
    /// in `data`, so this runs again whenever either changes.
    pub fn load(&mut self, data: &CaseData, child: usize, events: Vec<CaseEvent>, bands: &BandTable) {
        let record = &data.county.children[child];
        let row = &data.rows[child];
        let date =
            |d: Option<chrono::NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.format("%-d %b %Y").to_string());
        let officer = record
            .officer
            .as_deref()
            .map_or_else(|| "unallocated".to_string(), |id| format!("{} ({id})", data.staff_name(id)));
        // Away today, and who covers: the person to ask.
        let officer = match (record.officer.as_deref().and_then(|id| data.county.away(id, data.today)), data.cover_of(child)) {
            (Some(away), Some(cover)) => format!(
                "{officer} · {} {} · covered by {} until {}",
                away.kind.label(),
                away.until(),
                data.staff_name(&cover.cover_id),
                cover.to.format("%a %-d %b")
            ),
            (Some(away), None) => format!("{officer} · {} {} · the duty officer takes urgent work", away.kind.label(), away.until()),
            (None, _) => officer,
        };
        let mut lines = vec![
            DocLine::Heading("Details"),
            DocLine::Field(
                "Born",
                format!("{} · age {} · {}", date(Some(record.date_of_birth)), row.age, row.year_label),
            ),
            DocLine::Field("Setting", if row.setting.is_empty() { "—".into() } else { row.setting.clone() }),
            DocLine::Field(
                "Need, band",
                format!(
                    "{} · {}",
                    record.primary_need.map_or("not recorded", |n| n.as_str()),
                    record.band.map_or_else(|| "no band".to_string(), |b| bands.label(b))
                ),
            ),
            DocLine::Field("Officer", officer),
            DocLine::Field("Stage", record.stage.to_string()),
            DocLine::Field(
                "Key dates",
                format!(
                    "request {} · draft {} · plan {} · last review {}",
                    date(record.request_date),
                    date(record.draft_date),
                    date(record.plan_date),
                    date(record.last_review_date)
                ),
            ),
        ];
        if let Some(postcode) = &record.postcode {
            lines.insert(3, DocLine::Field("Postcode", postcode.clone()));
        }
        lines.push(DocLine::Blank);
        lines.push(DocLine::Heading("Statutory milestones"));
        let milestones = &data.milestones[child];
        if milestones.is_empty() {
            lines.push(DocLine::Empty("none: nothing statutory is running"));
        }
        lines.extend((0..milestones.len()).flat_map(|i| [DocLine::Milestone(i), DocLine::Rule(i)]));
        lines.push(DocLine::Blank);
        lines.push(DocLine::Heading("Case history, newest first"));
        let history = child_history(&data.county, &record.id, &events);
        if history.is_empty() {
            lines.push(DocLine::Empty("no history recorded"));
        }
        lines.extend(history.iter().copied().map(DocLine::History));
        self.child = Some(child);
        self.events = events;
        self.history = history;
        self.lines = lines;
        self.scroll = 0;
    }
}

impl PaneState for TimelineView {
    /// The timeline is rebuilt when its child's history is read (`TimelineView::load`).
    fn refresh(&mut self, _view: &View) {}

    fn act(&mut self, action: Action, _view: &View) -> Reply {
        let page = self.page() as isize;
        match action {
            Action::Up => self.scroll_by(-1),
            Action::Down => self.scroll_by(1),
            Action::PageUp => self.scroll_by(-page),
            Action::PageDown => self.scroll_by(page),
            Action::Top => self.scroll_by(isize::MIN / 2),
            Action::Bottom => self.scroll_by(isize::MAX / 2),
            // Already open.
            Action::Open => {}
            _ => return Reply::Ignored,
        }
        Reply::Done
    }

    fn target(&self, _data: &CaseData) -> Target {
        Target { child: self.child, absence: None, contact: None }
    }

    fn heading(&self, data: &CaseData) -> Option<String> {
        let c = &data.county.children[self.child?];
        Some(format!("Timeline · {} {} ({})", c.first_name, c.last_name, c.id))
    }
}

/// How late a milestone was done, if it was: in working days against a working-day standard (a
/// call-back, a panel letter…), else in calendar days. An advisory review is never late, and the
/// draft comments period is a window that closes, not a task to do.
pub fn lateness(m: &Milestone, calendar: &crate::domain::Calendar) -> Option<Late> {
    let days = days_late(m)?;
    Some(match (m.name.in_working_days(), m.done) {
        (true, Some(done)) => Late { days: i64::from(calendar.working_days_between(m.due, done)), working: true },
        _ => Late { days, working: false },
    })
    .filter(|late| late.days > 0)
}

/// Lateness, and whether it is counted in working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Late {
    pub days: i64,
    pub working: bool,
}

/// Calendar days a milestone was done after its due date, if it was late (see `lateness`).
pub fn days_late(m: &Milestone) -> Option<i64> {
    if m.advisory || m.name == MilestoneName::DraftCommentsClose {
        return None;
    }
    // Only a decision not to issue can be late against the 16 weeks (Reg 10(1)).
    if m.name == MilestoneName::IssueDecision && m.detail != crate::domain::milestones::DECIDED_NOT_TO_ISSUE {
        return None;
    }
    let late = (m.done? - m.due).num_days();
    (late > 0).then_some(late)
}

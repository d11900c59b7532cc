//! The interface's state model, the actions that change it, and who may do what.

pub mod action;
pub mod caseload;
pub mod data;
pub mod form;
pub mod forms;
pub mod history;
pub mod keymap;
pub mod picker;
pub mod queues;
pub mod recording;
pub mod timeline;
pub mod update;

use std::cell::Cell;

use chrono::NaiveDate;

use crate::config::Config;
use crate::domain::{Calendar, County, Role};
use caseload::{CaseloadView, Scope};
use data::CaseData;
use keymap::Keymap;
use picker::Picker;
use queues::{DutyLine, PanelLine, SurgeryLine};
use timeline::TimelineView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Caseload,
    Timeline,
    Panel,
    Duty,
    Surgery,
}

impl Pane {
    pub const ALL: [Pane; 5] = [Pane::Caseload, Pane::Timeline, Pane::Panel, Pane::Duty, Pane::Surgery];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Caseload => "Caseload",
            Pane::Timeline => "Timeline",
            Pane::Panel => "Panel queue",
            Pane::Duty => "Duty cover",
            Pane::Surgery => "Surgery",
        }
    }

    pub fn parse(text: &str) -> Option<Pane> {
        match text {
            "caseload" => Some(Pane::Caseload),
            "timeline" => Some(Pane::Timeline),
            "panel" => Some(Pane::Panel),
            "duty" => Some(Pane::Duty),
            "surgery" => Some(Pane::Surgery),
            _ => None,
        }
    }
}

/// What a picker overlay is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerPurpose {
    /// Who to be (demo, or a login not in the staff list).
    WhoAmI,
    /// Whose caseload to show.
    Scope,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// The filter menu, with the highlighted row (stage, status, team, need).
    Filter {
        row: usize,
    },
    Picker(PickerPurpose, Picker),
    Form(form::Form),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

/// A movable cursor over a derived list (panel queue, duty cover).
#[derive(Debug, Clone)]
pub struct ListCursor<T> {
    pub lines: Vec<T>,
    pub selected: usize,
}

impl<T> Default for ListCursor<T> {
    fn default() -> Self {
        ListCursor { lines: Vec::new(), selected: 0 }
    }
}

impl<T> ListCursor<T> {
    pub fn move_to(&mut self, position: usize) {
        self.selected = position.min(self.lines.len().saturating_sub(1));
    }
}

pub struct App {
    pub data: CaseData,
    pub config: Config,
    pub keymap: Keymap,
    pub calendar: Calendar,
    /// The member of staff using the tool (index into `county.staff`); `None` until chosen.
    pub me: Option<usize>,
    pub pane: Pane,
    pub overlay: Option<Overlay>,
    pub caseload: CaseloadView,
    /// Typing into the caseload search box.
    pub searching: bool,
    /// The child the timeline shows.
    pub focus_child: Option<usize>,
    pub timeline: TimelineView,
    pub panel: ListCursor<PanelLine>,
    pub duty: ListCursor<DutyLine>,
    pub surgery: ListCursor<SurgeryLine>,
    pub message: Option<(String, Tone)>,
    /// The time of day when running on the real date (for "not in the past" checks).
    pub now: Option<chrono::NaiveTime>,
    pub quit: bool,
    /// Rows the focused list showed in the last frame (render writes it; paging reads it).
    pub page_height: Cell<usize>,
    /// First row the caseload table showed in the last frame.
    pub caseload_offset: Cell<usize>,
}

impl App {
    pub fn new(county: County, today: NaiveDate, config: Config, keymap: Keymap, calendar: Calendar) -> App {
        let data = CaseData::build(county, today, &calendar, &config.rules);
        App {
            data,
            config,
            keymap,
            calendar,
            me: None,
            pane: Pane::Caseload,
            overlay: None,
            caseload: CaseloadView::new(Scope::Authority),
            searching: false,
            focus_child: None,
            timeline: TimelineView::default(),
            panel: ListCursor::default(),
            duty: ListCursor::default(),
            surgery: ListCursor::default(),
            message: None,
            now: None,
            quit: false,
            page_height: Cell::new(10),
            caseload_offset: Cell::new(0),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.data.today
    }

    pub fn my_role(&self) -> Option<Role> {
        self.me.map(|i| self.data.county.staff[i].role)
    }

    /// Whether the person signed in may do `work` (see `permissions`); the reason if not.
    pub fn may(&self, work: crate::casework::permissions::Work) -> Result<(), String> {
        match self.me {
            Some(i) => crate::casework::permissions::check(&self.data.county.staff[i], work),
            None => Err("sign in first".into()),
        }
    }

    /// Seniors, managers and business support may look beyond one caseload.
    pub fn can_change_scope(&self) -> bool {
        matches!(self.my_role(), Some(Role::Senior | Role::Manager | Role::Admin))
    }

    /// Starts the session as staff member `index`, with the caseload their role expects.
    pub fn sign_in(&mut self, index: usize) {
        self.me = Some(index);
        let staff = &self.data.county.staff[index];
        let scope = match staff.role {
            Role::Officer => Scope::Officer(staff.id.clone()),
            Role::Senior | Role::Manager => Scope::Team(staff.team.clone()),
            Role::Admin => Scope::Authority,
        };
        self.caseload = CaseloadView::new(scope);
        self.refresh_views();
    }

    /// Finds the staff member by id or by login.
    pub fn find_staff(&self, id_or_login: &str) -> Option<usize> {
        let staff = &self.data.county.staff;
        staff
            .iter()
            .position(|s| s.id == id_or_login)
            .or_else(|| staff.iter().position(|s| s.login.as_deref() == Some(id_or_login)))
    }

    /// Recomputes every derived list after the data, scope or filters changed.
    pub fn refresh_views(&mut self) {
        self.caseload.refresh(&self.data);
        let scope = self.caseload.scope.clone();
        let data = &self.data;
        let in_scope = |child: usize| {
            let c = &data.county.children[child];
            match &scope {
                Scope::Officer(id) => c.officer.as_deref() == Some(id.as_str()),
                Scope::Team(team) => data.rows[child].team == *team,
                Scope::Unallocated => c.officer.is_none(),
                Scope::Authority => true,
            }
        };
        self.panel.lines = queues::panel_queue(data, in_scope);
        let today = self.data.today;
        let first_upcoming = self.panel.lines.iter().position(|line| match line {
            PanelLine::Date(date, _) => *date >= today,
            PanelLine::Case(_) => false,
        });
        self.panel.move_to(first_upcoming.map_or(0, |i| i + 1));
        self.duty.lines = queues::duty_cover(&self.data);
        self.duty.move_to(self.duty.selected);
        let staff = &self.data.county.staff;
        let officers: Vec<usize> = (0..staff.len())
            .filter(|&i| staff[i].role == Role::Officer)
            .filter(|&i| match &self.caseload.scope {
                Scope::Officer(id) => &staff[i].id == id,
                Scope::Team(team) => &staff[i].team == team,
                Scope::Unallocated | Scope::Authority => true,
            })
            .collect();
        self.surgery.lines = queues::surgery_today(&self.data, &officers, &self.calendar, self.now);
        self.surgery.move_to(self.surgery.selected);
        if self.focus_child.is_none() {
            self.focus_child = self.caseload.selected_child();
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Info));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Warning));
    }
}

//! The interface's state model, the actions that change it, and who may do what.

pub mod action;
pub mod data;
pub mod forms;
pub mod handback;
pub mod history;
pub mod keymap;
pub mod list;
pub mod panes;
pub mod picker;
pub mod plan;
pub mod review;
pub mod update;

use chrono::NaiveDate;

use crate::casework::permissions::{self, Holder, Work};
use crate::config::Config;
use crate::domain::{Calendar, County, Role};
use data::CaseData;
use keymap::Keymap;
pub use panes::{Pane, Panes, Scope};
use panes::{Target, View};
use picker::Picker;

/// What the panes are built from, borrowed field by field so that a pane can be changed while
/// the rest is read; `$showing` is the pane treated as showing.
macro_rules! view {
    ($app:expr, $showing:expr) => {
        View {
            data: &$app.data,
            scope: &$app.scope,
            calendar: &$app.calendar,
            rules: &$app.config.rules,
            now: $app.now,
            workload: &$app.config.workload,
            showing: $showing,
            me: $app.me.and_then(|i| $app.data.county.staff.get(i)).map(|s| s.id.as_str()),
        }
    };
}
pub(crate) use view;

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
    Form(forms::Form),
    /// Suggested moves for a team, to take or leave.
    Review(review::Review),
    /// The leave planner.
    Plan(plan::LeavePlan),
    /// What was done while the person was away.
    Handback(handback::HandbackView),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

pub struct App {
    pub data: CaseData,
    pub config: Config,
    pub keymap: Keymap,
    pub calendar: Calendar,
    /// The member of staff using the tool (index into `county.staff`); `None` until chosen.
    pub me: Option<usize>,
    /// Whose children the panes show.
    pub scope: Scope,
    pub pane: Pane,
    pub panes: Panes,
    pub overlay: Option<Overlay>,
    /// The child the timeline shows.
    pub focus_child: Option<usize>,
    /// The pane the timeline was opened from, where Esc goes back to.
    pub timeline_from: Pane,
    pub message: Option<(String, Tone)>,
    /// The child whose record was last opened (and audited as opened).
    pub viewed: Option<String>,
    /// The newest saved change the data includes (colleagues' later ones are read in by `reload`).
    pub seen_change: i64,
    /// The time of day when running on the real date (for "not in the past" checks).
    pub now: Option<chrono::NaiveTime>,
    /// The day and time saves are checked against: the real ones on a database whose staff have
    /// logins, whatever day the panes show (see `Context::save_clock`).
    pub save_today: NaiveDate,
    pub save_now: Option<chrono::NaiveTime>,
    pub quit: bool,
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
            scope: Scope::Authority,
            pane: Pane::Caseload,
            panes: Panes::default(),
            overlay: None,
            focus_child: None,
            timeline_from: Pane::Caseload,
            message: None,
            viewed: None,
            seen_change: 0,
            now: None,
            save_today: today,
            save_now: None,
            quit: false,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.data.today
    }

    pub fn my_role(&self) -> Option<Role> {
        self.me.map(|i| self.data.county.staff[i].role)
    }

    /// Whether the person signed in may do `work` (see `permissions`), on `child` if it is about
    /// one; the reason if not. The casework layer checks again when saving.
    pub fn may(&self, work: Work, child: Option<usize>) -> Result<(), String> {
        let Some(me) = self.me else { return Err("sign in first".into()) };
        let county = &self.data.county;
        let holder = child.map(|c| Holder::of(&county.children[c], &county.cover_facts(), self.today()));
        permissions::check(&county.staff[me], work, holder.as_ref())
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
        self.scope = scope;
        self.panes.caseload = panes::CaseloadView::default();
        self.refresh_views();
        handback::on_sign_in(self);
    }

    /// Finds the staff member by id or by login.
    pub fn find_staff(&self, id_or_login: &str) -> Option<usize> {
        let staff = &self.data.county.staff;
        staff
            .iter()
            .position(|s| s.id == id_or_login)
            .or_else(|| staff.iter().position(|s| s.login.as_deref() == Some(id_or_login)))
    }

    /// Recomputes every pane after the data, scope or filters changed (a pane costly to build
    /// waits until it shows).
    pub fn refresh_views(&mut self) {
        let view = view!(self, self.pane);
        for &pane in Pane::ALL {
            self.panes.get_mut(pane).refresh(&view);
        }
        if self.focus_child.is_none() {
            self.focus_child = self.panes.caseload.selected_child();
        }
    }

    /// Rebuilds one pane now, as if it were showing.
    pub fn refresh_pane(&mut self, pane: Pane) {
        let view = view!(self, pane);
        self.panes.get_mut(pane).refresh(&view);
    }

    /// Shows `pane`, building it first if it waited while hidden.
    pub fn show(&mut self, pane: Pane) {
        self.pane = pane;
        if self.panes.get(pane).stale() {
            self.refresh_pane(pane);
        }
    }

    /// Recomputes the caseload list alone (after its search, sort or filters changed).
    pub fn refresh_caseload(&mut self) {
        self.panes.caseload.refresh(&self.data, &self.scope);
    }

    /// What the keyboard is doing: moving around the panes, or working in an overlay.
    pub fn mode(&self) -> action::Mode {
        use action::Mode;
        match &self.overlay {
            Some(Overlay::Form(_)) => Mode::Form,
            Some(Overlay::Review(_)) => Mode::Review,
            Some(Overlay::Plan(_)) => Mode::Plan,
            Some(Overlay::Handback(_)) => Mode::Read,
            Some(Overlay::Picker(..)) => Mode::Picker,
            Some(Overlay::Filter { .. }) => Mode::Filter,
            Some(Overlay::Help { .. }) => Mode::Help,
            None if self.panes.caseload.searching => Mode::Search,
            None => Mode::Normal,
        }
    }

    /// What the selected line of the pane showing is about.
    pub fn target(&self) -> Target {
        self.panes.get(self.pane).target(&self.data)
    }

    /// Saves `entry` as the person signed in, checked against the save clock (see `save_today`).
    pub fn save(
        &self,
        entry: &crate::casework::Entry,
        records: &mut dyn update::Records,
    ) -> Result<String, crate::casework::RecordError> {
        let Some(me) = self.me else {
            return Err(crate::casework::RecordError::NotAllowed("sign in first".into()));
        };
        let rules = crate::casework::Rules {
            today: self.save_today,
            now: self.save_now,
            calendar: &self.calendar,
            rules: &self.config.rules,
        };
        records.save(entry, &self.data.county.staff[me].id, &rules)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Info));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Warning));
    }
}

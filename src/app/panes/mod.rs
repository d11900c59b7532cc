//! The panes. Each is one file here (its state, the keys it handles, how it is rebuilt when
//! the data changes) and one file under `ui/panes/` (how it is drawn), registered by one line in
//! `for_each_pane!` below. Everything else reaches a pane through the `Pane` trait.

use chrono::NaiveTime;

use super::action::Action;
use super::data::CaseData;
use crate::domain::workload::WorkloadSettings;
use crate::domain::{Calendar, RulesConfig};

/// Every pane in tab order, as `module: Variant(Type)`: the pane's state is `Type` in
/// `app/panes/<module>.rs`, drawn by `ui/panes/<module>.rs`, shown as `Pane::Variant`, and named
/// `<module>` on the command line (`render --pane`) and in key names (`show_<module>`).
/// Adding a pane is one line here.
macro_rules! for_each_pane {
    ($then:ident) => {
        $then! {
            caseload: Caseload(CaseloadView),
            timeline: Timeline(TimelineView),
            panel: Panel(PanelQueue),
            duty: Duty(DutyCover),
            surgery: Surgery(SurgeryDay),
            workload: Workload(WorkloadView),
        }
    };
}
pub(crate) use for_each_pane;

macro_rules! declare_panes {
    ($($module:ident: $variant:ident($state:ident)),+ $(,)?) => {
        $(pub mod $module;)+
        $(pub use $module::$state;)+

        /// Which pane is showing.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Pane {
            $($variant),+
        }

        impl Pane {
            /// In tab order.
            pub const ALL: &'static [Pane] = &[$(Pane::$variant),+];

            /// The pane's word on the command line and in key names: "caseload", "duty"…
            pub fn name(self) -> &'static str {
                match self {
                    $(Pane::$variant => stringify!($module)),+
                }
            }

            /// Its tab title.
            pub fn title(self) -> &'static str {
                match self {
                    $(Pane::$variant => $state::TITLE),+
                }
            }

            pub fn parse(text: &str) -> Option<Pane> {
                Pane::ALL.iter().copied().find(|pane| pane.name() == text)
            }
        }

        /// Every pane's state.
        #[derive(Debug, Default)]
        pub struct Panes {
            $(pub $module: $state),+
        }

        impl Panes {
            pub fn get(&self, pane: Pane) -> &dyn PaneState {
                match pane {
                    $(Pane::$variant => &self.$module),+
                }
            }

            pub fn get_mut(&mut self, pane: Pane) -> &mut dyn PaneState {
                match pane {
                    $(Pane::$variant => &mut self.$module),+
                }
            }
        }
    };
}
for_each_pane!(declare_panes);

/// What a pane is built from, besides its own state.
pub struct View<'a> {
    pub data: &'a CaseData,
    /// Whose caseload the session is looking at.
    pub scope: &'a Scope,
    pub calendar: &'a Calendar,
    pub rules: &'a RulesConfig,
    /// The time of day, when running on the real date.
    pub now: Option<NaiveTime>,
    /// How workloads are scored.
    pub workload: &'a WorkloadSettings,
    /// The pane showing: a pane costly to build waits until it shows.
    pub showing: Pane,
    /// Who is signed in (staff id).
    pub me: Option<&'a str>,
}

/// What the selected line of a pane is about, for the actions that work on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Target {
    /// Index into `county.children`.
    pub child: Option<usize>,
    /// Index into `county.absences` (an absent officer's heading on the duty pane).
    pub absence: Option<usize>,
    /// The contact the line is about (a call-back or email on the duty pane), by id.
    pub contact: Option<i64>,
}

/// What a pane did with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Not this pane's: the app's own handling applies.
    Ignored,
    /// Done; nothing more to do.
    Done,
    /// Done, and worth a word in the status bar.
    Say(String),
    /// The action opens this form rather than the usual one.
    Form(super::forms::FormRequest),
    /// Show the caseload of this scope.
    Caseload(Scope),
    /// Suggest moves that balance this team's workloads.
    Balance(String),
}

/// One pane's behaviour.
pub trait PaneState: std::fmt::Debug {
    /// Rebuilds what the pane shows after the data, the scope or the filters changed.
    fn refresh(&mut self, view: &View);
    /// Handles `action` while the pane is showing; `Reply::Ignored` leaves it to the app.
    fn act(&mut self, action: Action, view: &View) -> Reply;
    /// What the selected line is about.
    fn target(&self, data: &CaseData) -> Target;
    /// It waits to be built until it shows, and the data has changed since it was.
    fn stale(&self) -> bool {
        false
    }
    /// The title over the pane, when it says more than the tab.
    fn heading(&self, _data: &CaseData) -> Option<String> {
        None
    }
}

pub use self::caseload::Scope;

/// The working day after `day` (`step` > 0) or before it: the day panes that show one day
/// (the duty queue, the surgery) move to with `]` and `[`.
pub fn step_working_day(calendar: &crate::domain::Calendar, day: chrono::NaiveDate, step: i64) -> chrono::NaiveDate {
    if step > 0 {
        return calendar.add_working_days(day, 1);
    }
    let mut back = day.pred_opt().unwrap_or(day);
    while !calendar.is_working_day(back) {
        back = back.pred_opt().unwrap_or(back);
    }
    back
}

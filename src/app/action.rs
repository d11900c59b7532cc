//! Everything a key can ask for. The snake_case names are what users bind in config.toml.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    ShowCaseload,
    ShowTimeline,
    ShowPanel,
    ShowDuty,
    ShowSurgery,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Search,
    SortNext,
    SortReverse,
    Filter,
    ClearFilters,
    Scope,
    Reload,
    RecordContact,
    RecordStep,
    AnswerContact,
    Panel,
    EditDetails,
    Book,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Quit,
        Action::Help,
        Action::NextPane,
        Action::PrevPane,
        Action::ShowCaseload,
        Action::ShowTimeline,
        Action::ShowPanel,
        Action::ShowDuty,
        Action::ShowSurgery,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Back,
        Action::Search,
        Action::SortNext,
        Action::SortReverse,
        Action::Filter,
        Action::ClearFilters,
        Action::Scope,
        Action::Reload,
        Action::RecordContact,
        Action::RecordStep,
        Action::AnswerContact,
        Action::Panel,
        Action::EditDetails,
        Action::Book,
    ];

    /// The name used in config.toml.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::ShowCaseload => "show_caseload",
            Action::ShowTimeline => "show_timeline",
            Action::ShowPanel => "show_panel",
            Action::ShowDuty => "show_duty",
            Action::ShowSurgery => "show_surgery",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::Back => "back",
            Action::Search => "search",
            Action::SortNext => "sort_next",
            Action::SortReverse => "sort_reverse",
            Action::Filter => "filter",
            Action::ClearFilters => "clear_filters",
            Action::Scope => "scope",
            Action::Reload => "reload",
            Action::RecordContact => "record_contact",
            Action::RecordStep => "record_step",
            Action::AnswerContact => "answer_contact",
            Action::Panel => "panel",
            Action::EditDetails => "edit_details",
            Action::Book => "book_call_back",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// What the help overlay says it does.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "show or hide this help",
            Action::NextPane => "next pane",
            Action::PrevPane => "previous pane",
            Action::ShowCaseload => "caseload pane",
            Action::ShowTimeline => "timeline of the selected child",
            Action::ShowPanel => "panel queue",
            Action::ShowDuty => "duty cover",
            Action::ShowSurgery => "today's phone surgery",
            Action::Up => "move up",
            Action::Down => "move down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "first row",
            Action::Bottom => "last row",
            Action::Open => "open the selected child's timeline / choose",
            Action::Back => "back, clear search or filters, then quit",
            Action::Search => "search by name or id",
            Action::SortNext => "sort by the next column",
            Action::SortReverse => "reverse the sort order",
            Action::Filter => "filter by stage, status, team or need",
            Action::ClearFilters => "clear filters and search",
            Action::Scope => "whose caseload to show (seniors and managers)",
            Action::Reload => "reload from the database",
            Action::RecordContact => "record a call, message, email, letter or note",
            Action::RecordStep => "record a statutory step (decision, draft, review…)",
            Action::AnswerContact => "answer a phone message or email",
            Action::Panel => "submit to panel; on a panel case, its decision",
            Action::EditDetails => "edit setting, need, band or year group",
            Action::Book => "book a surgery call-back",
        }
    }
}

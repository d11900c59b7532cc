//! Everything a key can ask for, declared once: each action's name (what users bind in
//! config.toml), the modes it works in, its default keys, and the words the help overlay and the
//! hint lines use. The keymap, the help and the hints are all built from this table.

use std::borrow::Cow;

use super::forms::{self, Opener};
use super::panes::Pane;

/// What the keyboard is doing: moving around the panes, or working in an overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Lists and the timeline.
    Normal,
    /// The help overlay.
    Help,
    /// The filter menu.
    Filter,
    /// A picker (who am I, whose caseload).
    Picker,
    /// Typing a caseload search.
    Search,
    /// An entry form.
    Form,
    /// A list of suggested moves to take or leave.
    Review,
    /// The leave planner: what falls due while away, each handed to someone.
    Plan,
    /// The handback: what was done while away, to read and acknowledge.
    Read,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Normal,
        Mode::Help,
        Mode::Filter,
        Mode::Picker,
        Mode::Search,
        Mode::Form,
        Mode::Review,
        Mode::Plan,
        Mode::Read,
    ];

    /// In these modes letters, digits and the space bar type text, so they are never actions there.
    pub fn types_text(self) -> bool {
        matches!(self, Mode::Picker | Mode::Search | Mode::Form | Mode::Plan)
    }

    /// How the help overlay heads the keys of this mode.
    pub fn heading(self) -> &'static str {
        match self {
            Mode::Normal => "Panes and lists",
            Mode::Help => "In this help",
            Mode::Filter => "In the filter menu",
            Mode::Picker => "In pickers (type to narrow the list)",
            Mode::Search => "While typing a search",
            Mode::Form => "In forms (type to fill a field)",
            Mode::Review => "In a balancing proposal",
            Mode::Plan => "In the leave planner (type a note for the selected item)",
            Mode::Read => "In the handback",
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    /// The name in config.toml's `[keys]`.
    pub name: &'static str,
    pub modes: &'static [Mode],
    /// Default keys, in every preset.
    pub keys: &'static [&'static str],
    /// More default keys in the default preset only (the vim letters), not in "arrows".
    pub vim: &'static [&'static str],
    /// A word or two after the key in hint lines ("? help").
    pub hint: &'static str,
    /// What the help overlay says it does.
    pub description: &'static str,
    /// The form it opens for the selected line, for the keys that record something.
    pub form: Option<Opener>,
}

macro_rules! actions {
    ($($variant:ident: $name:literal, [$($mode:ident),+], keys [$($key:literal),*], vim [$($vim:literal),*], $hint:literal, $description:literal $(, form $form:path)?;)+) => {
        /// Every action a key can be bound to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $($variant,)+
            /// Show this pane (keys 1, 2, 3… in tab order).
            ShowPane(Pane),
        }

        /// The table, in help order (the pane actions follow `PrevPane`).
        const TABLE: &[(Action, ActionInfo)] = &[
            $((Action::$variant, ActionInfo {
                name: $name,
                modes: &[$(Mode::$mode),+],
                keys: &[$($key),*],
                vim: &[$($vim),*],
                hint: $hint,
                description: $description,
                form: actions!(@form $($form)?),
            }),)+
        ];
    };
    (@form $form:path) => { Some($form as Opener) };
    (@form) => { None };
}

actions! {
    Help: "help", [Normal, Help], keys ["?", "f1"], vim [], "help", "show or hide this help";
    Quit: "quit", [Normal, Help, Filter, Picker, Search, Form, Review, Plan, Read], keys ["q", "ctrl-c"], vim [], "quit", "quit (Ctrl-c also from a form or a search)";
    NextPane: "next_pane", [Normal], keys ["tab"], vim [], "next pane", "next pane";
    PrevPane: "prev_pane", [Normal], keys ["shift-tab"], vim [], "previous pane", "previous pane";
    Up: "up", [Normal, Help, Filter, Picker, Search, Review, Plan, Read], keys ["up"], vim ["k"], "up", "move up";
    Down: "down", [Normal, Help, Filter, Picker, Search, Review, Plan, Read], keys ["down"], vim ["j"], "down", "move down";
    PageUp: "page_up", [Normal, Help, Picker, Review, Read], keys ["pgup"], vim ["ctrl-u"], "page up", "page up";
    PageDown: "page_down", [Normal, Help, Picker, Review, Read], keys ["pgdown"], vim ["ctrl-d"], "page down", "page down";
    Top: "top", [Normal, Help, Picker, Review, Plan, Read], keys ["home"], vim ["g"], "first", "first row";
    Bottom: "bottom", [Normal, Help, Picker, Review, Plan, Read], keys ["end"], vim ["G"], "last", "last row";
    Open: "open", [Normal], keys ["enter"], vim ["l"], "timeline", "open the selected child's timeline";
    Back: "back", [Normal], keys ["esc"], vim ["h"], "back", "back: leave a pane, clear search or filters";
    Search: "search", [Normal], keys ["/"], vim [], "search", "search by name or id";
    SortNext: "sort_next", [Normal], keys ["s"], vim [], "sort", "sort by the next column";
    SortReverse: "sort_reverse", [Normal], keys ["S"], vim [], "reverse", "reverse the sort order";
    Filter: "filter", [Normal], keys ["f"], vim [], "filter", "filter by stage, status, team or need (duty pane: calls and emails, deadlines)";
    ClearFilters: "clear_filters", [Normal, Filter], keys ["x"], vim [], "clear", "clear filters and search";
    Scope: "scope", [Normal], keys ["v"], vim [], "whose", "whose caseload to show (seniors and managers)";
    PrevDay: "previous_day", [Normal], keys ["["], vim [], "day before", "the duty queue or surgery for the working day before";
    NextDay: "next_day", [Normal], keys ["]"], vim [], "day after", "the duty queue or surgery for the next working day (Esc: today)";
    Reload: "reload", [Normal], keys ["ctrl-r"], vim [], "reload", "reload from the database";
    RecordContact: "record_contact", [Normal], keys ["c"], vim [], "contact", "record a call, message, email, letter or note", form forms::contact::open;
    RecordStep: "record_step", [Normal], keys ["t"], vim [], "step", "record a statutory step (decision, draft, review…)", form forms::step::open;
    AnswerContact: "answer_contact", [Normal], keys ["a"], vim [], "answer", "answer a phone message or email, or mark a to-do done", form forms::contact::open_answer;
    Panel: "panel", [Normal], keys ["p"], vim [], "panel", "submit to panel; on a panel case, its decision", form forms::panel::open_submit;
    EditDetails: "edit_details", [Normal], keys ["e"], vim [], "edit", "edit details and band (surgery pane: surgery times)", form forms::details::open;
    Book: "book_call_back", [Normal], keys ["b"], vim [], "book", "book a surgery call-back", form forms::surgery::open_booking;
    Register: "register", [Normal], keys ["n"], vim [], "new", "register a new request for assessment, or a child transferring in", form forms::register::open;
    Reallocate: "reallocate", [Normal], keys ["r"], vim [], "allocate", "allocate or move the selected, marked or shown children (seniors, managers)", form forms::allocate::open;
    Mark: "mark", [Normal, Review], keys ["m", "space"], vim [], "mark", "mark the selected child, to move marked children together; in a proposal, take or leave a move";
    Balance: "balance", [Normal], keys ["B"], vim [], "balance", "suggest moves that bring a team inside the norm (workload pane)";
    Dispute: "dispute", [Normal], keys ["d"], vim [], "dispute", "mediation or tribunal appeal", form forms::dispute::open;
    Absence: "absence", [Normal], keys ["A"], vim [], "absence", "record an absence (leave, sickness, training); on an absent officer's duty heading, end it", form forms::absence::open;
    Rota: "rota", [Normal], keys ["R"], vim [], "rota", "set the duty officer for a day or a weekday (seniors, managers)", form forms::absence::open_rota;
    Cover: "cover", [Normal], keys ["C"], vim [], "cover", "give an absent officer's children to a colleague for a period (seniors, managers)", form forms::cover::open;
    PlanLeave: "plan_leave", [Normal], keys ["L"], vim [], "plan leave", "plan your leave: hand over what falls due while you are away";
    Handback: "handback", [Normal], keys ["H"], vim [], "handback", "what was done on your caseload while you were away";
    Choose: "choose", [Picker, Filter, Search], keys ["enter"], vim ["l"], "choose", "choose; in a search, keep it; in the filter menu, the next value";
    NextField: "next_field", [Form], keys ["tab", "down"], vim [], "field", "next field";
    PrevField: "prev_field", [Form], keys ["shift-tab", "up"], vim [], "field", "previous field";
    NextChoice: "next_choice", [Form, Filter, Plan], keys ["right", "space"], vim [], "change", "next choice (Space too on a choice)";
    PrevChoice: "prev_choice", [Form, Filter, Plan], keys ["left"], vim [], "change", "previous choice";
    Erase: "erase", [Form, Picker, Search, Plan], keys ["backspace"], vim [], "erase", "erase the last character";
    ClearField: "clear_field", [Form, Plan], keys ["ctrl-u"], vim [], "clear", "empty the field";
    Save: "save", [Form, Plan], keys ["enter"], vim [], "save", "save (a second time to confirm closing a case); in the leave planner, save the plan";
    Accept: "accept", [Review, Read], keys ["enter"], vim [], "accept", "make the moves taken; in a handback, mark it read";
    Cancel: "cancel", [Help, Filter, Picker, Search, Form, Review, Plan, Read], keys ["esc"], vim [], "cancel", "close; in a form, cancel; in a search, clear it";
}

impl Action {
    /// Every action, in help order.
    pub fn all() -> Vec<Action> {
        let mut all: Vec<Action> = TABLE.iter().map(|(action, _)| *action).collect();
        let at = all.iter().position(|a| *a == Action::PrevPane).map_or(all.len(), |i| i + 1);
        all.splice(at..at, Pane::ALL.iter().map(|&pane| Action::ShowPane(pane)));
        all
    }

    fn info(self) -> Option<&'static ActionInfo> {
        TABLE.iter().find(|(action, _)| *action == self).map(|(_, info)| info)
    }

    /// The name used in config.toml.
    pub fn name(self) -> Cow<'static, str> {
        match (self, self.info()) {
            (Action::ShowPane(pane), _) => Cow::Owned(format!("show_{}", pane.name())),
            (_, Some(info)) => Cow::Borrowed(info.name),
            (_, None) => Cow::Borrowed(""),
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::all().into_iter().find(|a| a.name() == name)
    }

    /// The modes the action works in.
    pub fn modes(self) -> &'static [Mode] {
        match self.info() {
            Some(info) => info.modes,
            None => &[Mode::Normal],
        }
    }

    /// Default keys: every preset's, then the default preset's vim letters.
    pub fn default_keys(self, vim: bool) -> Vec<String> {
        match (self, self.info()) {
            (Action::ShowPane(pane), _) => {
                let position = Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0);
                // Keys 1 to 9; a tenth pane would need a binding of its own.
                if position < 9 { vec![(position + 1).to_string()] } else { Vec::new() }
            }
            (_, Some(info)) => {
                let extra = if vim { info.vim } else { &[] };
                info.keys.iter().chain(extra).map(|k| (*k).to_string()).collect()
            }
            (_, None) => Vec::new(),
        }
    }

    /// What the help overlay says it does.
    pub fn description(self) -> Cow<'static, str> {
        match (self, self.info()) {
            (Action::ShowPane(pane), _) => Cow::Owned(format!("the {} pane", pane.title().to_lowercase())),
            (_, Some(info)) => Cow::Borrowed(info.description),
            (_, None) => Cow::Borrowed(""),
        }
    }

    /// The form it opens, if it records something.
    pub fn form(self) -> Option<Opener> {
        self.info().and_then(|info| info.form)
    }

    /// The word after its key in hint lines.
    pub fn hint(self) -> Cow<'static, str> {
        match (self, self.info()) {
            (Action::ShowPane(pane), _) => Cow::Owned(pane.title().to_lowercase()),
            (_, Some(info)) => Cow::Borrowed(info.hint),
            (_, None) => Cow::Borrowed(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_unique_name_and_a_mode() {
        let all = Action::all();
        let mut names: Vec<String> = all.iter().map(|a| a.name().into_owned()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len(), "names are unique");
        for action in all {
            assert!(!action.modes().is_empty(), "{action:?}");
            assert_eq!(Action::from_name(&action.name()), Some(action));
            assert!(!action.description().is_empty());
        }
        assert_eq!(Action::from_name("show_duty"), Some(Action::ShowPane(Pane::Duty)));
        assert_eq!(Action::ShowPane(Pane::Duty).default_keys(true), vec!["4".to_string()]);
    }
}

//! A balancing proposal: the moves suggested for a team, each taken or left with a key, the
//! scores worked out again over the moves taken, and those made together in one save.

use std::collections::HashMap;

use super::forms::Workloads;
use super::list::ListState;
use super::update::{Records, reload};
use super::{App, Overlay};
use crate::casework::permissions::Work;
use crate::casework::{Allocate, ChildMove, Entry, RecordError};
use crate::domain::workload::{Move, balance, why_no_moves};
use crate::domain::{RecordRef, Role};

/// Why the moves are made, in each child's allocation history.
pub const BALANCE_REASON: &str = "balancing the team's workload";

#[derive(Debug, Clone)]
pub struct Review {
    pub team: String,
    pub moves: Vec<Move>,
    /// Each move's child id and its version when suggested (positions change when data reloads).
    pub children: Vec<(String, i64)>,
    /// Whether each move is taken.
    pub taken: Vec<bool>,
    pub list: ListState<usize>,
    /// Each officer's score before any move.
    pub before: HashMap<String, f64>,
    pub error: Option<String>,
}

/// One move as it reads with the moves taken before it.
#[derive(Debug, Clone, PartialEq)]
pub struct MoveLine {
    pub from: (f64, f64),
    pub to: (f64, f64),
}

impl Review {
    /// Both officers' scores before and after each move, counting only the moves taken before it.
    pub fn lines(&self) -> Vec<MoveLine> {
        let mut scores = self.before.clone();
        self.moves
            .iter()
            .zip(&self.taken)
            .map(|(m, &taken)| {
                let from = scores.get(&m.from).copied().unwrap_or(0.0);
                let to = scores.get(&m.to).copied().unwrap_or(0.0);
                if taken {
                    scores.insert(m.from.clone(), from - m.weight);
                    scores.insert(m.to.clone(), to + m.weight);
                }
                MoveLine { from: (from, from - m.weight), to: (to, to + m.weight) }
            })
            .collect()
    }

    /// Each officer a taken move touches: their score before and after, in staff id order.
    pub fn outcome(&self) -> Vec<(String, f64, f64)> {
        let mut after = self.before.clone();
        for (m, _) in self.moves.iter().zip(&self.taken).filter(|(_, taken)| **taken) {
            *after.entry(m.from.clone()).or_default() -= m.weight;
            *after.entry(m.to.clone()).or_default() += m.weight;
        }
        let mut touched: Vec<String> = self
            .moves
            .iter()
            .zip(&self.taken)
            .filter(|(_, taken)| **taken)
            .flat_map(|(m, _)| [m.from.clone(), m.to.clone()])
            .collect();
        touched.sort();
        touched.dedup();
        touched
            .into_iter()
            .map(|id| {
                let before = self.before.get(&id).copied().unwrap_or(0.0);
                let after = after.get(&id).copied().unwrap_or(before);
                (id, before, after)
            })
            .collect()
    }

    pub fn taken_count(&self) -> usize {
        self.taken.iter().filter(|t| **t).count()
    }
}

/// `B` on the workload pane: the moves that would bring `team` inside the norm, to review.
pub fn open_balance(app: &mut App, team: &str) {
    if let Err(why) = app.may(Work::Allocate, None) {
        return app.warn(why);
    }
    if let Some(me) = app.me.map(|i| &app.data.county.staff[i])
        && me.role == Role::Senior
        && me.team != team
    {
        return app
            .warn(format!("seniors balance their own team ({}); {team} is its senior's or a manager's", me.team));
    }
    let workloads = Workloads::of(app);
    let settings = &app.config.workload;
    let moves =
        balance(&app.data.county, &workloads.facts, &workloads.loads, team, settings, &app.config.teams, app.today());
    if moves.is_empty() {
        let why = why_no_moves(&workloads.loads, team, settings);
        return app.say(format!("{team}: {why}"));
    }
    let county = &app.data.county;
    let children = moves
        .iter()
        .map(|m| {
            let id = county.children[m.child].id.clone();
            let version = county.version(&RecordRef::Child(id.clone()));
            (id, version)
        })
        .collect();
    let before = workloads.loads.iter().map(|l| (l.staff_id.clone(), l.score)).collect();
    let mut list = ListState::default();
    list.set_lines((0..moves.len()).collect());
    let taken = vec![true; moves.len()];
    app.overlay =
        Some(Overlay::Review(Review { team: team.to_string(), moves, children, taken, list, before, error: None }));
}

/// A key while a proposal shows.
pub fn act(app: &mut App, action: super::action::Action, records: &mut dyn Records) {
    use super::action::Action;
    let Some(Overlay::Review(review)) = &mut app.overlay else { return };
    if review.list.act(action) {
        return;
    }
    match action {
        Action::Mark => {
            if let Some(&i) = review.list.selected_line() {
                review.taken[i] = !review.taken[i];
                review.error = None;
                review.list.move_by(1);
            }
        }
        Action::Accept => accept(app, records),
        Action::Cancel => {
            app.overlay = None;
            app.say("no child moved");
        }
        Action::Quit => app.quit = true,
        _ => {}
    }
}

/// Makes the moves taken, in one save.
fn accept(app: &mut App, records: &mut dyn Records) {
    let Some(Overlay::Review(review)) = &app.overlay else { return };
    let moves: Vec<ChildMove> = review
        .moves
        .iter()
        .zip(&review.children)
        .zip(&review.taken)
        .filter(|(_, taken)| **taken)
        .map(|((m, (id, version)), _)| ChildMove { child_id: id.clone(), to: m.to.clone(), seen: Some(*version) })
        .collect();
    if moves.is_empty() {
        if let Some(Overlay::Review(review)) = &mut app.overlay {
            review.error = Some("no move is taken: take one (space) or cancel (Esc)".into());
        }
        return;
    }
    let entry = Entry::Allocate(Allocate { moves, reason: BALANCE_REASON.into(), date: app.save_today });
    match app.save(&entry, records) {
        Ok(done) => {
            app.overlay = None;
            reload(app, records);
            app.say(done);
        }
        Err(error) => {
            let stale = matches!(error, RecordError::Stale { .. });
            if let Some(Overlay::Review(review)) = &mut app.overlay {
                review.error = Some(if stale {
                    format!("{error}; nothing was moved: close this and suggest again (B)")
                } else {
                    format!("{error}; nothing was moved")
                });
            }
        }
    }
}

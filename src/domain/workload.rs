//! Officers' workloads, and moves that bring a team's inside the norm.
//!
//! **Rule here** (DOMAIN.md gives caseload sizes of 170–230, up to ~280): a workload is scored in
//! child-equivalents, each child weighted by their stage (an assessment, with its advice and
//! 20-week clock, weighs more than a settled plan), a child moving phase this school year
//! weighing a little more, and the children an officer covers for an absent colleague counting
//! as theirs. The weights and the norm are settings (`[workload]` in config.toml).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::milestones::{Milestone, MilestoneName, Status};
use super::model::{County, PanelOutcome, Role, Stage};
use super::teams::{TeamRule, find_team};
use super::year_group::{academic_year_start, year_group};

/// How much each child weighs, and the usual range of a workload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkloadSettings {
    /// The usual range of a workload score: [low, high].
    pub norm: [u32; 2],
    pub request: f64,
    pub assessment: f64,
    pub draft: f64,
    pub plan: f64,
    /// Added for a child whose phase transfer falls this school year.
    pub phase_transfer: f64,
    /// What a child covered for an absent colleague counts for, as a share of their weight.
    pub cover: f64,
}

impl Default for WorkloadSettings {
    fn default() -> Self {
        WorkloadSettings {
            norm: [170, 230],
            request: 1.5,
            assessment: 2.0,
            draft: 1.5,
            plan: 1.0,
            phase_transfer: 0.5,
            cover: 1.0,
        }
    }
}

impl WorkloadSettings {
    pub fn check(&self) -> Result<(), String> {
        let [low, high] = self.norm;
        if low == 0 || low > high {
            return Err(format!("workload: norm [{low}, {high}] must be two numbers, the lower first and above 0"));
        }
        let weights = [self.request, self.assessment, self.draft, self.plan, self.phase_transfer, self.cover];
        if weights.iter().any(|w| !w.is_finite() || !(0.0..=20.0).contains(w)) {
            return Err("workload: each weight must be between 0 and 20".into());
        }
        Ok(())
    }

    /// What a child at `stage` weighs, with a phase transfer this school year or not.
    pub fn weight(&self, stage: Stage, transfer_this_year: bool) -> f64 {
        let extra = if transfer_this_year && stage != Stage::Ceased { self.phase_transfer } else { 0.0 };
        self.stage_weight(stage) + extra
    }

    fn stage_weight(&self, stage: Stage) -> f64 {
        match stage {
            Stage::Request => self.request,
            Stage::Assessment => self.assessment,
            Stage::Draft => self.draft,
            Stage::Plan => self.plan,
            Stage::Ceased => 0.0,
        }
    }
}

/// What the workload and the balancing need to know of one child.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildFacts {
    pub officer: Option<String>,
    pub stage: Stage,
    pub overdue: usize,
    pub due_soon: usize,
    /// Phone messages and emails waiting for an answer.
    pub open_contacts: usize,
    /// Their phase transfer falls this school year.
    pub transfer_this_year: bool,
    /// A statutory deadline (or one passed) or a panel within the next 10 working days: not a
    /// moment to change their officer.
    pub busy: bool,
    pub weight: f64,
}

/// Whether a child's open phase transfer falls by `year_end` (the school year's last day).
fn transfers_this_year(milestones: &[Milestone], year_end: NaiveDate) -> bool {
    milestones
        .iter()
        .any(|m| m.status != Status::Done && !m.advisory && m.name == MilestoneName::PhaseTransfer && m.due <= year_end)
}

/// The last day of the school year `today` falls in.
fn school_year_end(today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(academic_year_start(today) + 1, 8, 31).unwrap_or(today)
}

/// One officer's workload score on `today` (as `workloads` works it out), reading only their
/// children and those of colleagues they cover.
pub fn score_of(
    county: &County,
    milestones: &[Vec<Milestone>],
    staff_id: &str,
    settings: &WorkloadSettings,
    today: NaiveDate,
) -> f64 {
    let year_end = school_year_end(today);
    let covered: HashSet<&str> = county
        .covers
        .iter()
        .filter(|c| c.cover_id == staff_id && c.active(today, &county.absences))
        .map(|c| c.child_id.as_str())
        .collect();
    county
        .children
        .iter()
        .enumerate()
        .filter(|(_, c)| c.stage != Stage::Ceased)
        .filter_map(|(i, c)| {
            let share = match c.officer.as_deref() {
                Some(officer) if officer == staff_id => 1.0,
                Some(_) if covered.contains(c.id.as_str()) => settings.cover,
                _ => return None,
            };
            let transfer = transfers_this_year(milestones.get(i).map_or(&[], Vec::as_slice), year_end);
            Some(settings.weight(c.stage, transfer) * share)
        })
        .sum()
}

/// Working days ahead within which a deadline or panel keeps a child with their officer.
pub const SETTLED_DAYS: u32 = 10;

/// The facts of every child (in `county.children` order; `milestones` likewise).
pub fn child_facts(
    county: &County,
    milestones: &[Vec<Milestone>],
    today: NaiveDate,
    calendar: &Calendar,
    settings: &WorkloadSettings,
) -> Vec<ChildFacts> {
    let limit = calendar.add_working_days(today, SETTLED_DAYS);
    let year_end = school_year_end(today);
    let mut contacts: HashMap<&str, usize> = HashMap::new();
    for contact in county.contacts.iter().filter(|c| c.answered.is_none()) {
        *contacts.entry(contact.child_id.as_str()).or_default() += 1;
    }
    let panel_soon: HashSet<&str> = county
        .panels
        .iter()
        .filter(|p| p.outcome.is_none() || p.outcome == Some(PanelOutcome::Deferred))
        .filter(|p| p.panel_date >= today && p.panel_date <= limit)
        .map(|p| p.child_id.as_str())
        .collect();
    county
        .children
        .iter()
        .enumerate()
        .map(|(i, child)| {
            let open = || milestones.get(i).into_iter().flatten().filter(|m| m.status != Status::Done && !m.advisory);
            let transfer_this_year = transfers_this_year(milestones.get(i).map_or(&[], Vec::as_slice), year_end);
            let weight = settings.weight(child.stage, transfer_this_year);
            ChildFacts {
                officer: child.officer.clone(),
                stage: child.stage,
                overdue: open().filter(|m| m.status == Status::Overdue).count(),
                due_soon: open().filter(|m| m.status == Status::DueSoon).count(),
                open_contacts: contacts.get(child.id.as_str()).copied().unwrap_or(0),
                transfer_this_year,
                busy: open().any(|m| m.due <= limit) || panel_soon.contains(child.id.as_str()),
                weight,
            }
        })
        .collect()
}

/// One officer's workload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Load {
    pub staff_id: String,
    pub name: String,
    pub team: String,
    /// Children held at each stage: requests, assessments, drafts, plans.
    pub requests: usize,
    pub assessments: usize,
    pub drafts: usize,
    pub plans: usize,
    /// Children held (not ceased).
    pub children: usize,
    pub overdue: usize,
    pub due_soon: usize,
    pub open_contacts: usize,
    pub transfers: usize,
    /// Children of absent colleagues this officer covers today.
    pub covering: usize,
    /// Away today.
    pub away: bool,
    /// Away today, back after this day (`None` and `away`: until further notice).
    pub away_until: Option<NaiveDate>,
    pub score: f64,
}

/// Every officer's workload on `today`, in staff order.
pub fn workloads(county: &County, facts: &[ChildFacts], settings: &WorkloadSettings, today: NaiveDate) -> Vec<Load> {
    let mut loads: Vec<Load> = county
        .staff
        .iter()
        .filter(|s| s.role == Role::Officer)
        .map(|s| Load {
            staff_id: s.id.clone(),
            name: s.name.clone(),
            team: s.team.clone(),
            requests: 0,
            assessments: 0,
            drafts: 0,
            plans: 0,
            children: 0,
            overdue: 0,
            due_soon: 0,
            open_contacts: 0,
            transfers: 0,
            covering: 0,
            away: county.away(&s.id, today).is_some(),
            away_until: county.away(&s.id, today).and_then(|a| a.to),
            score: 0.0,
        })
        .collect();
    let index: HashMap<String, usize> = loads.iter().enumerate().map(|(i, l)| (l.staff_id.clone(), i)).collect();
    // Who covers which child today.
    let cover: HashMap<&str, &str> = county
        .covers
        .iter()
        .filter(|c| c.active(today, &county.absences))
        .map(|c| (c.child_id.as_str(), c.cover_id.as_str()))
        .collect();
    for (child, facts) in county.children.iter().zip(facts).filter(|(_, f)| f.stage != Stage::Ceased) {
        let (id, child) = (child.id.as_str(), facts);
        let Some(officer) = child.officer.as_deref() else { continue };
        if let Some(&i) = index.get(officer) {
            let load = &mut loads[i];
            load.children += 1;
            match child.stage {
                Stage::Request => load.requests += 1,
                Stage::Assessment => load.assessments += 1,
                Stage::Draft => load.drafts += 1,
                Stage::Plan | Stage::Ceased => load.plans += 1,
            }
            load.overdue += child.overdue;
            load.due_soon += child.due_soon;
            load.open_contacts += child.open_contacts;
            load.transfers += usize::from(child.transfer_this_year);
            load.score += child.weight;
        }
        if let Some(&i) = cover.get(id).and_then(|c| index.get(*c)) {
            loads[i].covering += 1;
            loads[i].score += child.weight * settings.cover;
        }
    }
    loads
}

/// A suggested move: `county.children[child]` from one officer to another, with both officers'
/// scores before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    pub child: usize,
    pub from: String,
    pub to: String,
    pub weight: f64,
    pub from_score: (f64, f64),
    pub to_score: (f64, f64),
}

/// Moves that bring every officer of `team` inside the norm with as few moves as possible: each
/// move takes the heaviest child that fits from the most loaded officer who has one to give, to
/// the least loaded; it must bring someone nearer the norm (the giver down from above it, or the
/// taker up from below it) without putting the taker above it or the giver below it. Never a
/// child with a deadline or panel in the next 10 working days, never one the team table places
/// in another team, never to an officer who is away; children with no contact waiting go first.
pub fn balance(
    county: &County,
    facts: &[ChildFacts],
    loads: &[Load],
    team: &str,
    settings: &WorkloadSettings,
    table: &[TeamRule],
    today: NaiveDate,
) -> Vec<Move> {
    let (low, high) = (f64::from(settings.norm[0]), f64::from(settings.norm[1]));
    // (staff id, score, away), in staff order.
    let mut scores: Vec<(String, f64, bool)> =
        loads.iter().filter(|l| l.team == team).map(|l| (l.staff_id.clone(), l.score, l.away)).collect();
    let fits = |child: usize| {
        let c = &county.children[child];
        let year = year_group(c.date_of_birth, today, c.year_group_override);
        match c.postcode.as_deref().map(|p| find_team(table, year, p)) {
            Some(Ok(rule)) => rule.name == team,
            // The table cannot place them (none configured, no postcode, no row): they stay in the team.
            _ => true,
        }
    };
    // Each officer's children free to move, in the order they would go.
    let mut movable: Vec<Vec<usize>> = vec![Vec::new(); scores.len()];
    let position: HashMap<&str, usize> = scores.iter().enumerate().map(|(i, s)| (s.0.as_str(), i)).collect();
    for (i, f) in facts.iter().enumerate() {
        if let Some(&at) = f.officer.as_deref().and_then(|o| position.get(o))
            && f.stage != Stage::Ceased
            && !f.busy
            && f.weight > 0.0
            && fits(i)
        {
            movable[at].push(i);
        }
    }
    // Children with a contact waiting stay put if they can; then the heaviest first (fewest moves).
    for children in &mut movable {
        let key = |c: usize| (facts[c].open_contacts > 0, -facts[c].weight, c);
        children.sort_by(|&a, &b| key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal));
    }
    let mut moves = Vec::new();
    // Each move moves a child no move has moved, and brings the team nearer the norm: it ends.
    loop {
        if scores.iter().all(|s| s.1 >= low && s.1 <= high) {
            break;
        }
        let mut givers: Vec<usize> = (0..scores.len()).collect();
        givers.sort_by(|&a, &b| scores[b].1.total_cmp(&scores[a].1).then(a.cmp(&b)));
        let mut takers: Vec<usize> = (0..scores.len()).filter(|&i| !scores[i].2).collect();
        takers.sort_by(|&a, &b| scores[a].1.total_cmp(&scores[b].1).then(a.cmp(&b)));
        let found = givers.iter().find_map(|&giver| {
            let g = scores[giver].1;
            takers.iter().filter(|&&taker| taker != giver && scores[taker].1 < g).find_map(|&taker| {
                let t = scores[taker].1;
                if g <= high && t >= low {
                    return None;
                }
                let at = movable[giver].iter().position(|&c| {
                    let w = facts[c].weight;
                    t + w <= high && t + w < g && (g - w >= low || g < low)
                })?;
                Some((giver, taker, at))
            })
        });
        let Some((giver, taker, at)) = found else { break };
        let child = movable[giver].remove(at);
        let weight = facts[child].weight;
        let (g, t) = (scores[giver].1, scores[taker].1);
        scores[giver].1 -= weight;
        scores[taker].1 += weight;
        moves.push(Move {
            child,
            from: scores[giver].0.clone(),
            to: scores[taker].0.clone(),
            weight,
            from_score: (g, g - weight),
            to_score: (t, t + weight),
        });
    }
    moves
}

/// Why `balance` suggests nothing for `team`: everyone is inside the norm, nobody has room, or
/// the children who could move may not.
pub fn why_no_moves(loads: &[Load], team: &str, settings: &WorkloadSettings) -> String {
    let [low, high] = settings.norm;
    let team_loads: Vec<&Load> = loads.iter().filter(|l| l.team == team).collect();
    let inside = |l: &&Load| l.score >= f64::from(low) && l.score <= f64::from(high);
    // Someone away takes no children: their score is not the team's to even out.
    let here: Vec<&&Load> = team_loads.iter().filter(|l| !l.away).collect();
    if here.len() > 1 && here.iter().all(|l| inside(l)) {
        return format!("every officer here is inside the norm ({low}–{high}); nothing to move");
    }
    if here.len() <= 1 {
        return format!(
            "{} officer here today: nobody to move children between",
            if here.is_empty() { "no" } else { "one" }
        );
    }
    if !here.iter().any(|l| l.score < f64::from(high)) {
        return format!(
            "nobody in the team has room: every officer here is at or above the norm's top ({high}); \
             the team needs another officer, or children moved to another team by a manager"
        );
    }
    if !team_loads.iter().any(|l| l.score > f64::from(high)) {
        return format!(
            "nobody is above the norm ({low}–{high}): those below it need new requests, or children from \
             another team (a manager's move)"
        );
    }
    "no move helps: the children who could go have a deadline or panel in the next 10 working days, live in \
     another team's area, or would take their new officer above the norm"
        .to_string()
}

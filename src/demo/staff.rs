//! Officers, seniors, managers and business support, and who holds which child.

use super::names::*;
use super::rng::{Rng, cumulative};
use super::{Draft, TEAMS, pick_name};
use crate::domain::*;

pub(super) type StaffLists = (Vec<Staff>, Vec<Vec<String>>, Vec<Vec<String>>, Vec<Vec<String>>, Vec<String>);

pub(super) fn make_staff(drafts: &[Draft], seed: u64) -> StaffLists {
    let mut rng = Rng::new(seed, "staff");
    let mut counts = [0usize; 5];
    for d in drafts {
        counts[d.team] += 1;
    }
    let mut staff: Vec<Staff> = Vec::new();
    // The demo's staff are fictional and have no logins: whoever opens the demo chooses who to be.
    let person = |rng: &mut Rng, staff: &mut Vec<Staff>, role: Role, team: usize| -> String {
        let first = pick_name(rng, FIRST_NAMES, FIRST_NAMES_RARE, 2.0);
        let last = pick_name(rng, LAST_NAMES, LAST_NAMES_RARE, 2.0);
        let id = format!("S{:03}", staff.len() + 1);
        staff.push(Staff {
            id: id.clone(),
            name: format!("{first} {last}"),
            role,
            team: TEAMS[team].into(),
            login: None,
        });
        id
    };
    let (mut officers, mut seniors, mut managers) = (vec![vec![]; 5], vec![vec![]; 5], vec![vec![]; 5]);
    for team in 0..TEAMS.len() {
        // About 200 children each: some officers end above the norm, some below, as in life.
        let n_officers = ((counts[team] as f64 / 200.0).round() as usize).max(1);
        let n_leads = n_officers.div_ceil(8).max(1);
        for _ in 0..n_leads {
            managers[team].push(person(&mut rng, &mut staff, Role::Manager, team));
        }
        for _ in 0..n_leads {
            seniors[team].push(person(&mut rng, &mut staff, Role::Senior, team));
        }
        for _ in 0..n_officers {
            officers[team].push(person(&mut rng, &mut staff, Role::Officer, team));
        }
    }
    let n_admin = ((drafts.len() as f64 / 4000.0).round() as usize + 1).clamp(2, 12);
    let admins = (0..n_admin).map(|i| person(&mut rng, &mut staff, Role::Admin, i % TEAMS.len())).collect();
    (staff, officers, seniors, managers, admins)
}

pub(super) fn allocate(drafts: &mut [Draft], officers: &[Vec<String>], seed: u64) {
    let mut rng = Rng::new(seed, "allocate");
    let weights: Vec<Vec<f64>> = officers
        .iter()
        // The first officer of a team holds more than the rest, as when someone has stayed longest:
        // a team to balance.
        .map(|team| {
            let shares: Vec<f64> =
                team.iter().enumerate().map(|(i, _)| if i == 0 { 1.45 } else { 0.75 + rng.unit() * 0.2 }).collect();
            cumulative(&shares)
        })
        .collect();
    for d in drafts.iter_mut() {
        let unallocated = if d.child.stage == Stage::Request { 0.15 } else { 0.01 };
        if !rng.chance(unallocated) {
            let team = &officers[d.team];
            d.child.officer = Some(team[rng.weighted(&weights[d.team])].clone());
        }
    }
}

//! Who may record what. One table, used by the interface (to say so before a form opens) and by
//! the casework layer (inside the save's transaction, so the command line obeys the same rules
//! and nobody works from a stale idea of who holds a child).
//!
//! - Contacts with families and call-back bookings: anyone who answers the phone, for any child.
//! - Panel decisions and when the family was told: anyone (often business support).
//! - Casework on a child (steps, details, disputes, panel submissions): the officer it is
//!   allocated to and whoever stands in for that officer today (a colleague covering the child,
//!   or the team's duty officer while the officer is away); seniors for their team's children and
//!   the unallocated ones; managers for any child. Business support do not record casework.
//! - Weekly surgeries: officers their own; managers and business support anyone's.
//! - Replacing the database (import, restore): managers, and whoever creates a new one.
//! - Absences: officers record their own planned leave and training; seniors their team's
//!   absences of any kind; managers anyone's. Cover and the duty rota: seniors for their team,
//!   managers for any.

use chrono::NaiveDate;

use crate::domain::absence::CoverFacts;
use crate::domain::{Child, Role, Staff};

/// The kinds of work an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work<'a> {
    /// Contacts with families and booking call-backs.
    Contacts,
    /// Statutory steps, details and bands, disputes and putting a child to panel.
    Casework,
    /// Recording what a panel decided and that the family was told.
    PanelDecisions,
    /// Setting `officer`'s weekly phone surgeries.
    Surgeries { officer: &'a str },
    /// Importing over, or restoring, the whole database.
    Replace,
    /// Registering a new request or a child transferring in (the roles are a setting).
    Register,
    /// Allocating and reallocating children: seniors within their team, managers anywhere.
    Allocate,
    /// Recording `officer`'s absence: their own planned leave or training; any absence of a
    /// senior's team; anyone's for managers.
    Absence { officer: &'a Staff, planned: bool },
    /// Giving an absent officer's children to a colleague, and the duty rota of `team`: seniors
    /// for their team, managers for any.
    Cover { team: &'a str },
}

/// Who holds a child's case: the officer it is allocated to (id and name), their team, and who
/// covers that officer today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holder {
    pub officer: Option<(String, String)>,
    pub team: Option<String>,
    pub cover: Vec<String>,
}

impl Holder {
    /// Works out who holds `child` on `today`, and who stands in for them (a colleague covering
    /// the child, or the duty officer while the officer is away).
    pub fn of(child: &Child, facts: &CoverFacts, today: NaiveDate) -> Holder {
        let Some(officer) = child.officer.as_deref() else {
            return Holder::default();
        };
        let member = facts.staff.iter().find(|s| s.id == officer);
        Holder {
            officer: Some((officer.to_string(), member.map_or_else(|| officer.to_string(), |s| s.name.clone()))),
            team: member.map(|s| s.team.clone()),
            cover: facts.stand_ins(&child.id, officer, today),
        }
    }
}

/// `Ok` when `staff` may do `work` (on the child `holder` describes, for casework); otherwise a
/// sentence saying who may.
pub fn check(staff: &Staff, work: Work, holder: Option<&Holder>) -> Result<(), String> {
    match work {
        Work::Contacts | Work::PanelDecisions => Ok(()),
        Work::Casework => casework(staff, holder),
        Work::Surgeries { officer } if staff.id == officer || matches!(staff.role, Role::Manager | Role::Admin) => {
            Ok(())
        }
        Work::Surgeries { .. } => {
            Err("officers set their own surgeries; managers and business support set anyone's".into())
        }
        Work::Replace if staff.role == Role::Manager => Ok(()),
        Work::Replace => Err("only managers import over or restore the database".into()),
        // Who may register is a setting, checked where the settings are.
        Work::Register => Ok(()),
        Work::Allocate if matches!(staff.role, Role::Senior | Role::Manager) => Ok(()),
        Work::Allocate => Err("children are allocated by seniors (within their team) and managers".into()),
        Work::Absence { officer, planned } => match staff.role {
            Role::Manager => Ok(()),
            Role::Senior if officer.team == staff.team => Ok(()),
            Role::Officer | Role::Senior if officer.id == staff.id && planned => Ok(()),
            Role::Officer | Role::Senior if officer.id == staff.id => {
                Err("record your own planned leave or training; a senior or manager records sickness".into())
            }
            Role::Senior => Err(format!("seniors record absences in their own team ({})", staff.team)),
            Role::Officer | Role::Admin => {
                Err("officers record their own planned leave; seniors their team's absences, managers anyone's".into())
            }
        },
        Work::Cover { team } => match staff.role {
            Role::Manager => Ok(()),
            Role::Senior if team == staff.team => Ok(()),
            Role::Senior => Err(format!("seniors arrange cover and the duty rota for their own team ({})", staff.team)),
            Role::Officer | Role::Admin => Err("cover and the duty rota are arranged by seniors and managers".into()),
        },
    }
}

fn casework(staff: &Staff, holder: Option<&Holder>) -> Result<(), String> {
    if staff.role == Role::Admin {
        return Err(
            "statutory steps, details, disputes and panel submissions are recorded by officers, seniors and managers"
                .into(),
        );
    }
    let Some(holder) = holder else { return Ok(()) };
    let held_by = || holder.officer.as_ref().map_or_else(|| "nobody".to_string(), |(_, name)| name.clone());
    match staff.role {
        Role::Manager => Ok(()),
        Role::Senior if holder.officer.is_none() || holder.team.as_deref() == Some(staff.team.as_str()) => Ok(()),
        Role::Senior => Err(format!(
            "this child is held by {} in {}; seniors record on their own team's children",
            held_by(),
            holder.team.as_deref().unwrap_or("another team")
        )),
        Role::Officer
            if holder.officer.as_ref().is_some_and(|(id, _)| *id == staff.id) || holder.cover.contains(&staff.id) =>
        {
            Ok(())
        }
        Role::Officer if holder.officer.is_none() => {
            Err("this child is not allocated yet; a senior or manager records on unallocated children".into())
        }
        Role::Officer => Err(format!(
            "this child is held by {}; officers record on the children allocated to them or those they cover",
            held_by()
        )),
        Role::Admin => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Absence;

    fn staff(id: &str, role: Role, team: &str) -> Staff {
        Staff { id: id.into(), name: format!("Name {id}"), role, team: team.into(), login: None }
    }

    fn holder(officer: Option<&str>, team: &str, cover: &[&str]) -> Holder {
        Holder {
            officer: officer.map(|id| (id.to_string(), format!("Name {id}"))),
            team: officer.map(|_| team.to_string()),
            cover: cover.iter().map(std::string::ToString::to_string).collect(),
        }
    }

    #[test]
    fn business_support_take_messages_but_do_not_record_steps() {
        let admin = staff("A1", Role::Admin, "Assessment");
        assert!(check(&admin, Work::Contacts, None).is_ok());
        assert!(check(&admin, Work::PanelDecisions, None).is_ok());
        assert!(check(&admin, Work::Casework, None).is_err());
        assert!(check(&admin, Work::Surgeries { officer: "S1" }, None).is_ok());
        assert!(check(&admin, Work::Replace, None).is_err());
    }

    #[test]
    fn officers_work_on_their_own_children_and_those_they_cover() {
        let officer = staff("S1", Role::Officer, "North");
        assert!(check(&officer, Work::Casework, Some(&holder(Some("S1"), "North", &[]))).is_ok());
        let other = holder(Some("S2"), "North", &[]);
        let refused = check(&officer, Work::Casework, Some(&other)).unwrap_err();
        assert!(refused.contains("held by Name S2"), "{refused}");
        assert!(check(&officer, Work::Casework, Some(&holder(Some("S2"), "North", &["S1"]))).is_ok(), "cover");
        assert!(check(&officer, Work::Casework, Some(&holder(None, "", &[]))).is_err(), "unallocated");
        assert!(check(&officer, Work::Contacts, Some(&other)).is_ok(), "anyone takes a message");
        assert!(check(&officer, Work::Surgeries { officer: "S1" }, None).is_ok());
        assert!(check(&officer, Work::Surgeries { officer: "S2" }, None).is_err());
        assert!(check(&officer, Work::Replace, None).is_err());
    }

    #[test]
    fn seniors_work_on_their_team_and_managers_on_the_authority() {
        let senior = staff("S3", Role::Senior, "North");
        assert!(check(&senior, Work::Casework, Some(&holder(Some("S2"), "North", &[]))).is_ok());
        assert!(check(&senior, Work::Casework, Some(&holder(None, "", &[]))).is_ok(), "unallocated");
        let south = holder(Some("S9"), "South", &[]);
        assert!(check(&senior, Work::Casework, Some(&south)).unwrap_err().contains("in South"));
        let manager = staff("M1", Role::Manager, "North");
        assert!(check(&manager, Work::Casework, Some(&south)).is_ok());
        assert!(check(&manager, Work::Replace, None).is_ok());
        assert!(check(&manager, Work::Surgeries { officer: "S2" }, None).is_ok());
    }

    #[test]
    fn cover_is_whoever_covers_the_officer_today() {
        let child = Child {
            id: "C1".into(),
            first_name: "A".into(),
            last_name: "B".into(),
            date_of_birth: NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default(),
            postcode: None,
            setting: None,
            primary_need: None,
            officer: Some("S2".into()),
            stage: crate::domain::Stage::Plan,
            request_date: None,
            assess_decision_date: None,
            draft_date: None,
            plan_date: None,
            last_review_date: None,
            band: None,
            year_group_override: None,
        };
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let absences = [Absence {
            id: 1,
            staff_id: "S2".into(),
            kind: crate::domain::AbsenceKind::Sickness,
            from: day(23),
            to: Some(day(25)),
            note: String::new(),
            recorded_by: None,
            acknowledged: None,
        }];
        let covers = [crate::domain::Cover {
            id: 1,
            child_id: "C1".into(),
            officer_id: "S2".into(),
            cover_id: "S1".into(),
            from: day(23),
            to: day(30),
            absence_id: Some(1),
            set_by: None,
        }];
        let team = [
            staff("S1", Role::Officer, "North"),
            staff("S2", Role::Officer, "North"),
            staff("S3", Role::Senior, "North"),
        ];
        let facts = CoverFacts { staff: &team, absences: &absences, covers: &covers, rota: &[], handovers: &[] };
        assert_eq!(Holder::of(&child, &facts, day(24)).cover, vec!["S1".to_string()]);
        assert!(Holder::of(&child, &facts, day(26)).cover.is_empty(), "the absence has ended");
        assert_eq!(Holder::of(&child, &facts, day(24)).team.as_deref(), Some("North"));
        // Without a named cover, the team's duty officer (its senior, with no rota) stands in.
        let facts = CoverFacts { covers: &[], ..facts };
        assert_eq!(Holder::of(&child, &facts, day(24)).cover, vec!["S3".to_string()]);
    }
}

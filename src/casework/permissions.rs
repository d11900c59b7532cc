//! Who may record what. One table, used by the interface (to say so before a form opens) and
//! by the casework layer (so the command line obeys the same rules).

use crate::domain::{Role, Staff};

/// The kinds of work an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work<'a> {
    /// Contacts with families and booking call-backs: anyone who answers the phone.
    Contacts,
    /// Statutory steps, details and bands, disputes and putting a child to panel.
    Casework,
    /// Recording what a panel decided and that the family was told (often business support).
    PanelDecisions,
    /// Setting `officer`'s weekly phone surgeries.
    Surgeries { officer: &'a str },
}

/// `Ok` when `staff` may do `work`; otherwise a sentence saying who may.
pub fn check(staff: &Staff, work: Work) -> Result<(), String> {
    let allowed = match work {
        Work::Contacts | Work::PanelDecisions => true,
        Work::Casework => matches!(staff.role, Role::Officer | Role::Senior | Role::Manager),
        Work::Surgeries { officer } => staff.id == officer || matches!(staff.role, Role::Manager | Role::Admin),
    };
    if allowed {
        return Ok(());
    }
    Err(match work {
        Work::Casework => {
            "statutory steps, details, disputes and panel submissions are recorded by officers, seniors and managers"
                .into()
        }
        Work::Surgeries { .. } => "officers set their own surgeries; managers and business support set anyone's".into(),
        Work::Contacts | Work::PanelDecisions => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(id: &str, role: Role) -> Staff {
        Staff { id: id.into(), name: id.into(), role, team: "North".into(), login: None }
    }

    #[test]
    fn business_support_take_messages_but_do_not_record_steps() {
        let admin = staff("A1", Role::Admin);
        assert!(check(&admin, Work::Contacts).is_ok());
        assert!(check(&admin, Work::PanelDecisions).is_ok());
        assert!(check(&admin, Work::Casework).is_err());
        assert!(check(&admin, Work::Surgeries { officer: "S1" }).is_ok());
    }

    #[test]
    fn officers_set_only_their_own_surgeries() {
        let officer = staff("S1", Role::Officer);
        assert!(check(&officer, Work::Casework).is_ok());
        assert!(check(&officer, Work::Surgeries { officer: "S1" }).is_ok());
        assert!(check(&officer, Work::Surgeries { officer: "S2" }).is_err());
        assert!(check(&staff("M1", Role::Manager), Work::Surgeries { officer: "S2" }).is_ok());
    }
}

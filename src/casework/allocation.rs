//! Allocating and reallocating children: one child, a marked selection, a filtered set or a
//! team's balancing moves, in one transaction. Each moved child's allocation history is kept and
//! their new officer gets a to-do: tell the family and school who they are now.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human};
use crate::domain::casework::{FieldError, check_move};
use crate::domain::{RecordRef, Role, Staff, Stage, Task, TaskKind};

/// One child to move, and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildMove {
    pub child_id: String,
    pub to: String,
    /// The child's version when the form showed it (`None` from the command line).
    pub seen: Option<i64>,
}

/// Children moved to (or first given) officers, for `reason`, from `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocate {
    pub moves: Vec<ChildMove>,
    pub reason: String,
    pub date: NaiveDate,
}

impl Casework for Allocate {
    fn work(&self) -> Work<'_> {
        Work::Allocate
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        if self.moves.is_empty() {
            return Err(FieldError { field: "children", message: "no child is chosen".into() }.into());
        }
        check_move(&self.reason, self.date, ctx.rules.today)?;
        let staff: HashMap<String, Staff> = ctx.tx.staff()?.into_iter().map(|s| (s.id.clone(), s)).collect();
        let due = ctx.rules.calendar.add_working_days(self.date, ctx.rules.rules.tell_family_days);
        let mut moved: HashMap<&str, usize> = HashMap::new();
        for step in &self.moves {
            let to = staff.get(&step.to).ok_or_else(|| FieldError {
                field: "officer",
                message: format!("no member of staff has id {}", step.to),
            })?;
            Allocate::may_hold(to)?;
            let child = ctx.child(&step.child_id)?;
            ctx.unchanged_since(&RecordRef::Child(child.id.clone()), step.seen)?;
            let from = child.officer.as_deref().and_then(|id| staff.get(id));
            Allocate::allowed(ctx, from, to)?;
            if child.officer.as_deref() == Some(to.id.as_str()) {
                return Err(FieldError {
                    field: "officer",
                    message: format!("{} is already with {}", child.full_name(), to.name),
                }
                .into());
            }
            if child.stage == Stage::Ceased {
                return Err(FieldError {
                    field: "children",
                    message: format!(
                        "{}'s plan has ceased: there is no case to allocate (a new request reopens it)",
                        child.full_name()
                    ),
                }
                .into());
            }
            // One holder at a time: a move dated before the current allocation began would
            // overlap it.
            if let Some(current) = ctx.tx.current_allocation(&child.id)?
                && self.date < current.from
            {
                let holder = current
                    .officer_id
                    .as_deref()
                    .and_then(|id| staff.get(id))
                    .map_or("unallocated", |s| s.name.as_str());
                return Err(FieldError {
                    field: "date",
                    message: format!(
                        "{} has been {} since {}: a move cannot be dated before that",
                        child.full_name(),
                        if current.officer_id.is_some() { format!("with {holder}") } else { holder.to_string() },
                        human(current.from)
                    ),
                }
                .into());
            }
            ctx.tx.allocate(&child, Some(&to.id), self.date, self.reason.trim(), ctx.actor())?;
            let task = Task {
                id: 0,
                child_id: child.id.clone(),
                kind: TaskKind::TellNewOfficer,
                created: self.date,
                due,
                done: None,
                staff_id: Some(to.id.clone()),
                detail: format!("now with {}", to.name),
            };
            // Moved again before the family was told: the one to-do goes to the newest officer.
            let open = ctx.tx.open_tasks(&child.id)?.into_iter().find(|t| t.kind == TaskKind::TellNewOfficer);
            match open {
                Some(before) => ctx.tx.reassign_task(&before, &Task { id: before.id, ..task }, ctx.actor())?,
                None => {
                    ctx.tx.add_task(&task, ctx.actor())?;
                }
            }
            *moved.entry(to.name.as_str()).or_default() += 1;
        }
        let mut to: Vec<String> = moved.iter().map(|(name, n)| format!("{n} to {name}")).collect();
        to.sort();
        let children =
            if self.moves.len() == 1 { "1 child".to_string() } else { format!("{} children", self.moves.len()) };
        Ok(format!(
            "{children} moved ({}): {}; each new officer has a to-do to tell the family and school by {}",
            self.reason.trim(),
            to.join(", "),
            human(due)
        ))
    }
}

impl Allocate {
    /// Children are held by officers and seniors.
    pub(super) fn may_hold(to: &Staff) -> Result<(), RecordError> {
        if matches!(to.role, Role::Officer | Role::Senior) {
            return Ok(());
        }
        Err(FieldError {
            field: "officer",
            message: format!("{} is {}: children are held by officers and seniors", to.name, to.role.described()),
        }
        .into())
    }

    /// Officers do not reallocate; seniors move children within their team; managers anywhere.
    pub(super) fn allowed(ctx: &Ctx, from: Option<&Staff>, to: &Staff) -> Result<(), RecordError> {
        let me = &ctx.staff;
        let ok = match me.role {
            Role::Manager => true,
            Role::Senior => to.team == me.team && from.is_none_or(|f| f.team == me.team),
            Role::Officer | Role::Admin => false,
        };
        if ok {
            return Ok(());
        }
        Err(RecordError::NotAllowed(match me.role {
            Role::Senior => format!(
                "seniors move children within their own team ({}); {} is a manager's to move",
                me.team,
                from.map_or(to.team.as_str(), |f| if f.team == me.team { to.team.as_str() } else { f.team.as_str() })
            ),
            _ => "children are allocated by seniors (within their team) and managers".into(),
        }))
    }
}

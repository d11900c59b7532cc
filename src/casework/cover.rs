//! Temporary cover: an absent officer's children (all, or some) given to a named colleague for a
//! period, each with a to-do to tell the family and school who is covering; and ending it early.
//! Cover ends by itself on its last day or when the absence ends (see `domain::absence`).

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human, invalid};
use crate::domain::{Cover, Role, Stage, Task, TaskKind};

/// `cover_id` covers children of the officer away in `absence_id`, from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiveCover {
    pub absence_id: i64,
    /// Those children (ids); `None`: every child they hold.
    pub children: Option<Vec<String>>,
    pub cover_id: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Casework for GiveCover {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let absence = ctx.absence(self.absence_id)?;
        let officer = ctx.staff_member(&absence.staff_id)?;
        ctx.allowed(Work::Cover { team: &officer.team })?;
        let cover = ctx.staff_member(&self.cover_id)?;
        if !matches!(cover.role, Role::Officer | Role::Senior) || cover.id == officer.id {
            return Err(invalid("cover", format!("{} cannot cover {}'s children", cover.name, officer.name)));
        }
        if self.to < self.from {
            return Err(invalid("to", format!("{} is before {}", human(self.to), human(self.from))));
        }
        if self.from < absence.from || absence.to.is_some_and(|to| self.from > to) {
            return Err(invalid(
                "from",
                format!(
                    "{} is not within {}'s absence (from {} {})",
                    human(self.from),
                    officer.name,
                    human(absence.from),
                    absence.until()
                ),
            ));
        }
        if self.to < ctx.rules.today {
            return Err(invalid("to", format!("{} has passed", human(self.to))));
        }
        let absences = ctx.tx.absences()?;
        // Someone away for part of the period cannot cover it.
        let clash = absences
            .iter()
            .find(|a| a.staff_id == cover.id && a.from <= self.to && a.to.is_none_or(|to| self.from <= to));
        if let Some(away) = clash {
            return Err(invalid(
                "cover",
                format!(
                    "{} is {} from {} {}: cover a shorter period, or choose someone else",
                    cover.name,
                    away.kind.label(),
                    human(away.from),
                    away.until()
                ),
            ));
        }
        let held: Vec<_> = ctx.tx.children_of(&officer.id)?.into_iter().filter(|c| c.stage != Stage::Ceased).collect();
        let children: Vec<_> = match &self.children {
            None => held,
            Some(ids) => {
                let mut chosen = Vec::new();
                for id in ids {
                    match held.iter().find(|c| &c.id == id) {
                        Some(c) => chosen.push(c.clone()),
                        None => {
                            let child = ctx.child(id)?;
                            return Err(invalid(
                                "children",
                                format!("{} ({id}) is not {}'s", child.full_name(), officer.name),
                            ));
                        }
                    }
                }
                chosen
            }
        };
        if children.is_empty() {
            return Err(invalid("children", format!("{} holds no children to cover", officer.name)));
        }
        let start = self.from.max(ctx.rules.today);
        let due = ctx.rules.calendar.add_working_days(start, ctx.rules.rules.tell_cover_days);
        let existing = ctx.tx.covers()?;
        for child in &children {
            // A child covered already over these days passes to the new cover from its first day.
            for old in existing.iter().filter(|c| c.child_id == child.id && c.from <= self.to && self.from <= c.to) {
                let last = self.from.pred_opt().unwrap_or(self.from);
                ctx.tx.end_cover(old, last.max(old.from.pred_opt().unwrap_or(old.from)), ctx.actor())?;
            }
            let record = Cover {
                id: 0,
                child_id: child.id.clone(),
                officer_id: officer.id.clone(),
                cover_id: cover.id.clone(),
                from: self.from,
                to: self.to,
                absence_id: Some(absence.id),
                set_by: None,
            };
            ctx.tx.add_cover(&record, ctx.actor())?;
            let task = Task {
                id: 0,
                child_id: child.id.clone(),
                kind: TaskKind::TellCover,
                created: start,
                due,
                done: None,
                staff_id: Some(cover.id.clone()),
                detail: format!("{} covering for {} until {}", cover.name, officer.name, self.to.format("%-d %b")),
            };
            // Cover passed on before the family was told: the one to-do goes to the new cover.
            let open = ctx.tx.open_tasks(&child.id)?.into_iter().find(|t| t.kind == TaskKind::TellCover);
            match open {
                Some(before) => ctx.tx.reassign_task(&before, &Task { id: before.id, ..task }, ctx.actor())?,
                None => {
                    ctx.tx.add_task(&task, ctx.actor())?;
                }
            }
        }
        let how_many = if self.children.is_none() {
            format!("all {} of {}'s children", children.len(), officer.name)
        } else if children.len() == 1 {
            format!("{} ({})", children[0].full_name(), children[0].id)
        } else {
            format!("{} of {}'s children", children.len(), officer.name)
        };
        Ok(format!(
            "{how_many} covered by {} from {} to {} (sooner if {} is back); {} has a to-do for each to tell the family \
             and school by {}",
            cover.name,
            human(self.from),
            human(self.to),
            officer.name,
            cover.name,
            human(due)
        ))
    }
}

/// Cover given during `absence_id` ends after `last_day` (for every child, or those named).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndCover {
    pub absence_id: i64,
    pub children: Option<Vec<String>>,
    pub last_day: NaiveDate,
}

impl Casework for EndCover {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let absence = ctx.absence(self.absence_id)?;
        let officer = ctx.staff_member(&absence.staff_id)?;
        ctx.allowed(Work::Cover { team: &officer.team })?;
        let covers: Vec<Cover> = ctx
            .tx
            .covers()?
            .into_iter()
            .filter(|c| c.absence_id == Some(absence.id) && c.to > self.last_day)
            .filter(|c| self.children.as_ref().is_none_or(|ids| ids.contains(&c.child_id)))
            .collect();
        if covers.is_empty() {
            return Err(invalid(
                "children",
                format!("no cover of {}'s children runs past {}", officer.name, human(self.last_day)),
            ));
        }
        // Cover already given stands: it can end yesterday at the earliest, never before.
        let yesterday = ctx.rules.today.pred_opt().unwrap_or(ctx.rules.today);
        if self.last_day < yesterday && covers.iter().any(|c| c.from <= yesterday) {
            return Err(invalid(
                "last_day",
                format!("{} has passed: cover already given ends yesterday at the earliest", human(self.last_day)),
            ));
        }
        for cover in &covers {
            let last = self.last_day.max(cover.from.pred_opt().unwrap_or(cover.from));
            ctx.tx.end_cover(cover, last, ctx.actor())?;
        }
        close_cover_tasks(ctx, covers.iter().map(|c| c.child_id.as_str()), "cover ended")?;
        Ok(format!("cover of {} of {}'s children ends after {}", covers.len(), officer.name, human(self.last_day)))
    }
}

/// The "tell the family who is covering" to-dos still open for `children`, closed: the cover they
/// were about has ended.
pub(super) fn close_cover_tasks<'a>(
    ctx: &Ctx,
    children: impl Iterator<Item = &'a str>,
    why: &str,
) -> Result<(), RecordError> {
    for child in children {
        for task in ctx.tx.open_tasks(child)?.into_iter().filter(|t| t.kind == TaskKind::TellCover) {
            ctx.tx.close_task(&task, ctx.rules.today, why, ctx.actor())?;
        }
    }
    Ok(())
}

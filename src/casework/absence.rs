//! Absences and the duty rota: recording that someone is away (from, to or until further
//! notice), ending an absence early (or cancelling one not begun), acknowledging on return what
//! was done meanwhile, and who is duty officer for a team on a weekday or a date.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human, invalid};
use crate::domain::{Absence, AbsenceKind, RecordRef, Role, RotaEntry};

/// `staff_id` is away from `from` to `to` (inclusive; `None`: until further notice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordAbsence {
    pub staff_id: String,
    pub kind: AbsenceKind,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub note: String,
}

impl Casework for RecordAbsence {
    fn work(&self) -> Work<'_> {
        // Checked in `record`, where the officer is read.
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let officer = ctx.staff_member(&self.staff_id)?;
        ctx.allowed(Work::Absence { officer: &officer, planned: self.kind.planned() })?;
        if officer.role == Role::Admin {
            // Business support hold no caseload: nothing to cover.
            return Err(invalid("officer", format!("{} holds no caseload: there is nothing to cover", officer.name)));
        }
        if let Some(to) = self.to
            && to < self.from
        {
            return Err(invalid("to", format!("{} is before {}", human(to), human(self.from))));
        }
        let far = ctx.rules.today.checked_add_months(chrono::Months::new(12)).unwrap_or(ctx.rules.today);
        if self.from > far {
            return Err(invalid("from", format!("{} is over a year ahead", human(self.from))));
        }
        let clash = ctx.tx.absences()?.into_iter().find(|a| {
            a.staff_id == officer.id
                && a.from <= self.to.unwrap_or(NaiveDate::MAX)
                && self.from <= a.to.unwrap_or(NaiveDate::MAX)
        });
        if let Some(a) = clash {
            return Err(invalid(
                "from",
                format!("{} is already recorded {} from {} {}", officer.name, a.kind.label(), human(a.from), a.until()),
            ));
        }
        let absence = Absence {
            id: 0,
            staff_id: officer.id.clone(),
            kind: self.kind,
            from: self.from,
            to: self.to,
            note: self.note.trim().to_string(),
            recorded_by: None,
            acknowledged: None,
        };
        ctx.tx.add_absence(&absence, ctx.actor())?;
        let duty = {
            let (rota, staff, absences) = (ctx.tx.rota()?, ctx.tx.staff()?, ctx.tx.absences()?);
            crate::domain::absence::duty_officer(&officer.team, self.from, &rota, &staff, &absences)
                .and_then(|id| staff.iter().find(|s| s.id == id).map(|s| s.name.clone()))
        };
        let next = if self.kind.planned() {
            "plan what falls due while away (L, or `caseload leave plan`)".to_string()
        } else {
            match duty {
                Some(duty) => {
                    format!("urgent work goes to {duty}, on duty for {}; give cover for a longer absence", officer.team)
                }
                None => format!("{} has no duty officer that day: set the rota", officer.team),
            }
        };
        // Cover they give stops while they are away: the duty officer stands in until new cover.
        let covering = ctx
            .tx
            .covers()?
            .into_iter()
            .filter(|c| c.cover_id == officer.id && c.to >= self.from && self.to.is_none_or(|to| c.from <= to))
            .count();
        let covering = if covering > 0 {
            format!(
                "; the {covering} children they cover go to the duty officer while they are away: give new cover (C, or \
                 `caseload cover give`)"
            )
        } else {
            String::new()
        };
        Ok(format!(
            "{} {} from {} {}: {next}{covering}",
            officer.name,
            self.kind.label(),
            human(self.from),
            absence.until()
        ))
    }
}

/// `absence_id` ends: the officer is back on `back` (an absence not begun is cancelled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndAbsence {
    pub absence_id: i64,
    pub back: NaiveDate,
    pub seen: Option<i64>,
}

impl Casework for EndAbsence {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let absence = ctx.absence(self.absence_id)?;
        let officer = ctx.staff_member(&absence.staff_id)?;
        ctx.allowed(Work::Absence { officer: &officer, planned: absence.kind.planned() })?;
        ctx.unchanged_since(&RecordRef::Absence(absence.id), self.seen)?;
        if self.back <= absence.from {
            if absence.from <= ctx.rules.today {
                return Err(invalid(
                    "back",
                    format!("{} has been away since {}: back on a later day", officer.name, human(absence.from)),
                ));
            }
            ctx.tx.cancel_absence(&absence, ctx.actor())?;
            return Ok(format!("{}'s absence from {} cancelled", officer.name, human(absence.from)));
        }
        // Ending an absence never lengthens it: more time away is another absence.
        if let Some(to) = absence.to
            && to < self.back
        {
            let first_back = to.succ_opt().unwrap_or(to);
            let more = if first_back < self.back {
                format!(": record more time away as another absence from {}", human(first_back))
            } else {
                String::new()
            };
            return Err(invalid("back", format!("{} is already back on {}{more}", officer.name, human(first_back))));
        }
        let last = self.back.pred_opt().unwrap_or(self.back);
        let after = Absence { to: Some(last), ..absence.clone() };
        ctx.tx.update_absence(&absence, &after, "end_absence", ctx.actor())?;
        if self.back <= ctx.rules.today {
            let covered: Vec<String> =
                ctx.tx.covers()?.into_iter().filter(|c| c.absence_id == Some(absence.id)).map(|c| c.child_id).collect();
            super::cover::close_cover_tasks(ctx, covered.iter().map(String::as_str), "back at work")?;
        }
        Ok(format!(
            "{} back on {}: cover given for the absence ends with it; what was done meanwhile waits for them to read",
            officer.name,
            human(self.back)
        ))
    }
}

/// The officer, back, has read what was done on their caseload while `absence_id` lasted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcknowledgeHandback {
    pub absence_id: i64,
}

impl Casework for AcknowledgeHandback {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let absence = ctx.absence(self.absence_id)?;
        if absence.staff_id != ctx.actor() {
            return Err(RecordError::NotAllowed("a handback is acknowledged by the officer who was away".into()));
        }
        if !absence.over(ctx.rules.today) {
            return Err(invalid("absence", format!("this absence is not over ({})", absence.until())));
        }
        if absence.acknowledged.is_some() {
            return Ok("already acknowledged".into());
        }
        let after = Absence { acknowledged: Some(ctx.rules.today), ..absence.clone() };
        ctx.tx.update_absence(&absence, &after, "acknowledge_handback", ctx.actor())?;
        Ok("handback acknowledged: it stays in reach (H, or `caseload handback`)".into())
    }
}

/// When a rota line applies: every such weekday, or one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RotaDay {
    /// 1 Monday … 5 Friday.
    Weekday(u32),
    Date(NaiveDate),
}

/// `staff_id` is duty officer for `team` on `day` (`None`: the line goes, and the team's senior
/// is on duty unless another line says otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetRota {
    pub team: String,
    pub day: RotaDay,
    pub staff_id: Option<String>,
}

impl Casework for SetRota {
    fn work(&self) -> Work<'_> {
        Work::Cover { team: &self.team }
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let staff = ctx.tx.staff()?;
        if !staff.iter().any(|s| s.team == self.team) {
            let mut teams: Vec<&str> = staff.iter().map(|s| s.team.as_str()).collect();
            teams.sort_unstable();
            teams.dedup();
            return Err(invalid("team", format!("no team is called {} (teams: {})", self.team, teams.join(", "))));
        }
        let (weekday, date) = match self.day {
            RotaDay::Weekday(n) if (1..=5).contains(&n) => (Some(n), None),
            RotaDay::Weekday(_) => return Err(invalid("weekday", "duty is Monday to Friday")),
            RotaDay::Date(date) if date < ctx.rules.today => {
                return Err(invalid("date", format!("{} has passed", human(date))));
            }
            RotaDay::Date(date) if !ctx.rules.calendar.is_working_day(date) => {
                return Err(invalid("date", format!("{} is not a working day", human(date))));
            }
            RotaDay::Date(date) => (None, Some(date)),
        };
        let who = match &self.staff_id {
            Some(id) => {
                let person = ctx.staff_member(id)?;
                if person.team != self.team || !matches!(person.role, Role::Officer | Role::Senior) {
                    return Err(invalid(
                        "officer",
                        format!("{} is not an officer or senior of {}", person.name, self.team),
                    ));
                }
                if let Some(date) = date
                    && let Some(away) =
                        ctx.tx.absences()?.into_iter().find(|a| a.staff_id == person.id && a.covers(date))
                {
                    return Err(invalid(
                        "officer",
                        format!("{} is {} on {}: choose someone at work", person.name, away.kind.label(), human(date)),
                    ));
                }
                Some(person)
            }
            None => None,
        };
        let entry = RotaEntry {
            id: 0,
            team: self.team.clone(),
            weekday,
            date,
            staff_id: who.as_ref().map_or_else(String::new, |p| p.id.clone()),
        };
        ctx.tx.set_rota(&entry, ctx.actor())?;
        let when = match self.day {
            RotaDay::Weekday(n) => format!("every {}", weekday_name(n)),
            RotaDay::Date(date) => format!("on {}", human(date)),
        };
        Ok(match who {
            Some(p) => format!("{} is duty officer for {} {when}", p.name, self.team),
            None => format!("{}'s duty {when} goes back to the weekly pattern, or the team's senior", self.team),
        })
    }
}

/// "Monday" for 1.
pub fn weekday_name(n: u32) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        .get(n.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("day")
}

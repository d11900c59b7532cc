//! Absence and cover: who is away, who covers which of their children, who is on duty, and what
//! an officer handed over before going.
//!
//! **Rules here** (DOMAIN.md, "Service standards and cover"): when an officer is away the urgent
//! work on their caseload goes to the duty officer (their team's, by the rota; the team's senior
//! when none is set), unless a named colleague covers the child for a period; that cover ends by
//! itself on its last day or when the absence ends, computed from dates with nothing to run.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::model::{Role, Staff, word_enum};

word_enum!(
    /// Why someone is away.
    AbsenceKind {
        Leave => "leave",
        Sickness => "sickness",
        Training => "training",
        Other => "other",
    }
);

impl AbsenceKind {
    /// Known ahead, so the officer records it and plans around it (leave, training).
    pub fn planned(self) -> bool {
        matches!(self, AbsenceKind::Leave | AbsenceKind::Training)
    }

    pub fn label(self) -> &'static str {
        match self {
            AbsenceKind::Leave => "on leave",
            AbsenceKind::Sickness => "off sick",
            AbsenceKind::Training => "on training",
            AbsenceKind::Other => "away",
        }
    }
}

/// A member of staff away from `from` to `to` inclusive (open-ended without `to`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Absence {
    pub id: i64,
    pub staff_id: String,
    pub kind: AbsenceKind,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub note: String,
    pub recorded_by: Option<String>,
    /// When the officer, back, acknowledged what was done while they were away.
    pub acknowledged: Option<NaiveDate>,
}

impl Absence {
    /// Away on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }

    /// Over by `day`: they were away and are back.
    pub fn over(&self, day: NaiveDate) -> bool {
        self.to.is_some_and(|to| to < day)
    }

    /// "until Fri 4 Dec", "until further notice".
    pub fn until(&self) -> String {
        match self.to {
            Some(to) => format!("until {}", to.format("%a %-d %b")),
            None => "until further notice".into(),
        }
    }
}

/// A child of an absent officer given to a colleague from `from` to `to` inclusive; it ends early
/// if the absence it was set for ends first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cover {
    pub id: i64,
    pub child_id: String,
    /// Who holds the child (and is away).
    pub officer_id: String,
    /// Who covers.
    pub cover_id: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub absence_id: Option<i64>,
    pub set_by: Option<String>,
}

impl Cover {
    /// In force on `day`: within its dates, while the officer is away, and while whoever covers
    /// is not away themselves (then the duty officer stands in, as for no cover).
    pub fn active(&self, day: NaiveDate, absences: &[Absence]) -> bool {
        self.from <= day
            && day <= self.to
            && self.absence_id.is_none_or(|id| absences.iter().find(|a| a.id == id).is_some_and(|a| a.covers(day)))
            && !absences.iter().any(|a| a.staff_id == self.cover_id && a.covers(day))
    }
}

/// One line of the duty rota: who is duty officer for `team` every `weekday` (1 Monday … 7
/// Sunday), or on one `date`, which wins over the weekly pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RotaEntry {
    pub id: i64,
    pub team: String,
    pub weekday: Option<u32>,
    pub date: Option<NaiveDate>,
    pub staff_id: String,
}

/// The duty officer for `team` on `day`: the rota's one-off for the day, else its weekly
/// pattern, else the team's senior; never someone away that day.
pub fn duty_officer<'a>(
    team: &str,
    day: NaiveDate,
    rota: &'a [RotaEntry],
    staff: &'a [Staff],
    absences: &[Absence],
) -> Option<&'a str> {
    let here = |id: &str| !absences.iter().any(|a| a.staff_id == id && a.covers(day));
    let weekday = day.weekday().number_from_monday();
    let on_rota = |pick: &dyn Fn(&RotaEntry) -> bool| {
        rota.iter().filter(|r| r.team == team && pick(r)).map(|r| r.staff_id.as_str()).find(|id| here(id))
    };
    on_rota(&|r| r.date == Some(day)).or_else(|| on_rota(&|r| r.date.is_none() && r.weekday == Some(weekday))).or_else(
        || staff.iter().filter(|s| s.team == team && s.role == Role::Senior).map(|s| s.id.as_str()).find(|id| here(id)),
    )
}

/// What working out cover needs: the staff, their absences, cover given and the duty rota.
#[derive(Debug, Clone, Copy)]
pub struct CoverFacts<'a> {
    pub staff: &'a [Staff],
    pub absences: &'a [Absence],
    pub covers: &'a [Cover],
    pub rota: &'a [RotaEntry],
    /// Leave hand-overs: a colleague handed an item may act on that child while the officer is away.
    pub handovers: &'a [Handover],
}

impl CoverFacts<'_> {
    /// Who stands in for a child's officer on `day`: the colleague covering the child, else (the
    /// officer being away) their team's duty officer. Nobody while the officer is at work.
    pub fn stand_ins(&self, child_id: &str, officer: &str, day: NaiveDate) -> Vec<String> {
        let mut stand_ins: Vec<String> = self
            .covers
            .iter()
            .filter(|c| c.child_id == child_id && c.active(day, self.absences))
            .map(|c| c.cover_id.clone())
            .collect();
        let away = self.absences.iter().any(|a| a.staff_id == officer && a.covers(day));
        if !away {
            return stand_ins;
        }
        if stand_ins.is_empty() {
            let team = self.staff.iter().find(|s| s.id == officer).map(|s| s.team.as_str());
            if let Some(duty) = team.and_then(|team| duty_officer(team, day, self.rota, self.staff, self.absences)) {
                stand_ins.push(duty.to_string());
            }
        }
        // A colleague handed something on this child for the absence may do it too.
        for h in self.handovers.iter().filter(|h| h.child_id == child_id && h.to == HandTo::Colleague) {
            let during = self.absences.iter().any(|a| a.id == h.absence_id && a.staff_id == officer && a.covers(day));
            if let (true, Some(id)) = (during, &h.to_staff)
                && !stand_ins.contains(id)
            {
                stand_ins.push(id.clone());
            }
        }
        stand_ins
    }
}

word_enum!(
    /// Who an item of an officer's leave plan goes to: the officer does it before they go, the
    /// team's duty officer on the day, or a named colleague.
    HandTo {
        Before => "before",
        Duty => "duty",
        Colleague => "colleague",
    }
);

word_enum!(
    /// What a hand-over is about.
    HandoverItem {
        Milestone => "milestone",
        Contact => "contact",
        Panel => "panel",
        Booking => "booking",
    }
);

/// Something falling due while an officer is on planned leave, and who it goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Handover {
    pub id: i64,
    pub absence_id: i64,
    pub child_id: String,
    pub item: HandoverItem,
    /// The record it is about: a milestone's name, a contact's, panel case's or booking's id.
    pub item_ref: String,
    /// What it is, as said when planned ("annual review due Thu 10 Dec").
    pub what: String,
    pub due: NaiveDate,
    pub to: HandTo,
    /// The colleague, when `to` is one.
    pub to_staff: Option<String>,
    pub note: String,
}

impl Handover {
    /// Who has it on `day`: the colleague, or the duty officer of `team` (the absent officer's).
    pub fn receiver<'a>(
        &'a self,
        team: &str,
        day: NaiveDate,
        rota: &'a [RotaEntry],
        staff: &'a [Staff],
        absences: &[Absence],
    ) -> Option<&'a str> {
        match self.to {
            HandTo::Before => None,
            HandTo::Colleague => self.to_staff.as_deref(),
            HandTo::Duty => duty_officer(team, day, rota, staff, absences),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn person(id: &str, role: Role, team: &str) -> Staff {
        Staff { id: id.into(), name: id.into(), role, team: team.into(), login: None }
    }

    fn absence(id: i64, staff: &str, from: &str, to: Option<&str>) -> Absence {
        Absence {
            id,
            staff_id: staff.into(),
            kind: AbsenceKind::Sickness,
            from: day(from),
            to: to.map(day),
            note: String::new(),
            recorded_by: None,
            acknowledged: None,
        }
    }

    #[test]
    fn an_open_ended_absence_covers_every_day_from_its_start() {
        let away = absence(1, "S1", "2026-11-23", None);
        assert!(!away.covers(day("2026-11-22")));
        assert!(away.covers(day("2027-06-01")));
        assert!(!away.over(day("2027-06-01")));
        let back = absence(2, "S1", "2026-11-23", Some("2026-11-25"));
        assert!(back.covers(day("2026-11-25")) && !back.covers(day("2026-11-26")) && back.over(day("2026-11-26")));
    }

    #[test]
    fn cover_ends_on_its_last_day_or_with_the_absence() {
        let mut absences = vec![absence(1, "S1", "2026-11-23", Some("2026-12-04"))];
        let cover = Cover {
            id: 1,
            child_id: "C1".into(),
            officer_id: "S1".into(),
            cover_id: "S2".into(),
            from: day("2026-11-23"),
            to: day("2026-12-01"),
            absence_id: Some(1),
            set_by: None,
        };
        assert!(cover.active(day("2026-11-30"), &absences));
        assert!(!cover.active(day("2026-12-02"), &absences), "its last day passed");
        absences[0].to = Some(day("2026-11-26"));
        assert!(!cover.active(day("2026-11-27"), &absences), "the absence ended early");
    }

    #[test]
    fn the_duty_officer_is_the_days_then_the_weeks_then_the_senior_never_someone_away() {
        let staff = vec![person("S1", Role::Officer, "North"), person("S3", Role::Senior, "North")];
        let rota = vec![
            RotaEntry { id: 1, team: "North".into(), weekday: Some(1), date: None, staff_id: "S1".into() },
            RotaEntry {
                id: 2,
                team: "North".into(),
                weekday: None,
                date: Some(day("2026-11-30")),
                staff_id: "S3".into(),
            },
        ];
        // Monday 23 November: the weekly Monday; Monday 30th: that day's; Tuesday: the senior.
        assert_eq!(duty_officer("North", day("2026-11-23"), &rota, &staff, &[]), Some("S1"));
        assert_eq!(duty_officer("North", day("2026-11-30"), &rota, &staff, &[]), Some("S3"));
        assert_eq!(duty_officer("North", day("2026-11-24"), &rota, &staff, &[]), Some("S3"));
        let away = [absence(1, "S1", "2026-11-23", None)];
        assert_eq!(duty_officer("North", day("2026-11-23"), &rota, &staff, &away), Some("S3"));
        assert_eq!(duty_officer("South", day("2026-11-23"), &rota, &staff, &[]), None);
    }
}

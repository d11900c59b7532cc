//! The leave plan: before planned leave, each thing falling due while away is marked "do before
//! I go", "hand to the duty officer" or "hand to a named colleague", with a note. Surgery
//! call-backs handed over move to the receiver's surgery (same time if free, else their first
//! free time that day); one that cannot be moved is said, to ring the family and rebook.

use chrono::NaiveDate;

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human, invalid};
use crate::domain::{HandTo, Handover, HandoverItem, Role};

/// One thing falling due while away, and who it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub child_id: String,
    pub item: HandoverItem,
    pub item_ref: String,
    pub what: String,
    pub due: NaiveDate,
    pub to: HandTo,
    /// The colleague, when `to` is one.
    pub to_staff: Option<String>,
    pub note: String,
}

/// The plan for `absence_id`, replacing any made before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanLeave {
    pub absence_id: i64,
    pub items: Vec<PlanItem>,
}

impl Casework for PlanLeave {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let absence = ctx.absence(self.absence_id)?;
        let officer = ctx.staff_member(&absence.staff_id)?;
        ctx.allowed(Work::Absence { officer: &officer, planned: true })?;
        if !absence.kind.planned() {
            return Err(invalid(
                "absence",
                format!(
                    "{} is {}: a senior gives cover or the duty officer takes the urgent work",
                    officer.name,
                    absence.kind.label()
                ),
            ));
        }
        if absence.over(ctx.rules.today) {
            return Err(invalid("absence", format!("{}'s absence is over", officer.name)));
        }
        let staff = ctx.tx.staff()?;
        let absences = ctx.tx.absences()?;
        let held: Vec<String> = ctx.tx.children_of(&officer.id)?.into_iter().map(|c| c.id).collect();
        let mut plan = Vec::new();
        for item in &self.items {
            let line = format!("{} for {}", item.what, item.child_id);
            if !held.contains(&item.child_id) {
                return Err(invalid("item", format!("{line}: {} is not {}'s", item.child_id, officer.name)));
            }
            let to_staff = match (item.to, item.to_staff.as_deref()) {
                (HandTo::Colleague, Some(id)) => {
                    let colleague = staff
                        .iter()
                        .find(|s| s.id == id)
                        .ok_or_else(|| invalid("colleague", format!("{line}: no member of staff has id {id}")))?;
                    if colleague.id == officer.id || !matches!(colleague.role, Role::Officer | Role::Senior) {
                        return Err(invalid("colleague", format!("{line}: {} cannot take it", colleague.name)));
                    }
                    if colleague.team != officer.team {
                        return Err(invalid(
                            "colleague",
                            format!(
                                "{line}: {} is not in {} (hand it to the duty officer)",
                                colleague.name, officer.team
                            ),
                        ));
                    }
                    // Away when it falls due, or when the leave begins (for what is already due).
                    let day = item.due.max(absence.from);
                    if let Some(away) = absences.iter().find(|a| a.staff_id == colleague.id && a.covers(day)) {
                        return Err(invalid(
                            "colleague",
                            format!("{line}: {} is {} on {}", colleague.name, away.kind.label(), human(day)),
                        ));
                    }
                    Some(colleague.id.clone())
                }
                (HandTo::Colleague, None) => {
                    return Err(invalid("colleague", format!("{line}: say which colleague")));
                }
                _ => None,
            };
            plan.push(Handover {
                id: 0,
                absence_id: absence.id,
                child_id: item.child_id.clone(),
                item: item.item,
                item_ref: item.item_ref.clone(),
                what: item.what.trim().to_string(),
                due: item.due,
                to: item.to,
                to_staff,
                note: item.note.trim().to_string(),
            });
        }
        ctx.tx.set_handovers(absence.id, &plan, ctx.actor())?;
        let moved = move_call_backs(ctx, &officer.team, &plan)?;
        let count = |to: HandTo| plan.iter().filter(|h| h.to == to).count();
        let mut colleagues: Vec<String> = plan
            .iter()
            .filter_map(|h| h.to_staff.as_deref())
            .filter_map(|id| staff.iter().find(|s| s.id == id).map(|s| s.name.clone()))
            .collect();
        colleagues.sort();
        colleagues.dedup();
        let mut said = format!(
            "leave plan for {} from {} {}: {} to do before going, {} to the duty officer, {} to {}",
            officer.name,
            human(absence.from),
            absence.until(),
            count(HandTo::Before),
            count(HandTo::Duty),
            count(HandTo::Colleague),
            if colleagues.is_empty() { "colleagues".to_string() } else { colleagues.join(", ") }
        );
        if !moved.is_empty() {
            said.push_str(&format!("; {}", moved.join("; ")));
        }
        Ok(said)
    }
}

/// Moves each call-back handed over to its receiver's surgery; says what moved and what did not.
fn move_call_backs(ctx: &Ctx, team: &str, plan: &[Handover]) -> Result<Vec<String>, RecordError> {
    let (staff, absences, rota) = (ctx.tx.staff()?, ctx.tx.absences()?, ctx.tx.rota()?);
    let mut said = Vec::new();
    for handover in plan.iter().filter(|h| h.item == HandoverItem::Booking && h.to != HandTo::Before) {
        let Some(booking) = handover.item_ref.parse().ok().and_then(|id| ctx.tx.booking(id).ok().flatten()) else {
            continue;
        };
        let receiver = handover.receiver(team, booking.date, &rota, &staff, &absences).map(str::to_string);
        let name = |id: &str| staff.iter().find(|s| s.id == id).map_or(id.to_string(), |s| s.name.clone());
        let when = format!("{} at {}", booking.date.format("%a %-d %b"), booking.start.format("%H:%M"));
        let Some(receiver) = receiver else {
            said.push(format!("the call-back on {when} has nobody to take it: ring the family to rebook"));
            continue;
        };
        // Read again for each: a call-back moved before this one takes its time.
        let records = super::surgery::DiaryRecords::read(ctx, booking.date)?;
        let free = records.diary(ctx).free_times(&receiver, booking.date);
        let start = if free.contains(&booking.start) { Some(booking.start) } else { free.first().copied() };
        match start {
            Some(start) => {
                ctx.tx.move_booking(&booking, &receiver, start, ctx.actor())?;
                let at =
                    if start == booking.start { String::new() } else { format!(", now at {}", start.format("%H:%M")) };
                said.push(format!("the call-back on {when} moves to {}'s surgery{at}", name(&receiver)));
            }
            None => said.push(format!(
                "{} has no free surgery time on {}: ring the family about the call-back on {when}",
                name(&receiver),
                booking.date.format("%a %-d %b")
            )),
        }
    }
    Ok(said)
}

//! Today's picture: contacts to answer, panels and steps in progress.

use chrono::{Datelike, Weekday};

use super::names::*;
use super::rng::Rng;
use super::{Draft, Maker, fill, plus};
use crate::domain::*;

/// Today's picture: phone messages and emails to answer, panels, and advice requests and review
/// meetings in progress. (Absences and cover are recorded afterwards, through the casework layer:
/// see `demo::cover`.)
pub(super) fn extras(maker: &Maker, county: &mut County, drafts: &mut [Draft], officers: &[Vec<String>], seed: u64) {
    let mut rng = Rng::new(seed, "extras");
    let today = maker.today;
    for d in drafts.iter() {
        let c = &d.child;
        if c.stage == Stage::Ceased || !rng.chance(0.03) {
            continue;
        }
        let received = plus(today, -rng.range(0, 8));
        let kind = if rng.chance(0.5) { ContactKind::PhoneMessage } else { ContactKind::EmailReceived };
        let setting = c.setting.as_deref().unwrap_or("school");
        let template = fitting(rng.word(QUERIES), c.stage, c.plan_date.is_some());
        let summary = fill(template, &mut rng, &c.first_name, setting, "3");
        let answered = if rng.chance(0.25) { Some(plus(received, rng.range(0, 2)).min(today)) } else { None };
        let promised = if answered.is_none() && rng.chance(0.1) { Some(plus(received, 10)) } else { None };
        county.contacts.push(Contact {
            id: county.contacts.len() as i64 + 1,
            child_id: c.id.clone(),
            kind,
            received,
            summary,
            promised,
            answered,
            staff_id: c.officer.clone(),
            answered_by: answered.and(c.officer.clone()),
            answer: String::new(),
        });
    }

    // Weekly panels on Thursdays: the last three and the next two.
    let days_to_thursday =
        (7 + Weekday::Thu.num_days_from_monday() as i64 - today.weekday().num_days_from_monday() as i64) % 7;
    let next_thursday = plus(today, days_to_thursday);
    let per_panel = ((drafts.len() as f64 * 0.003).round() as usize).max(if drafts.len() >= 300 { 3 } else { 1 });
    for week in [-3i64, -2, -1, 0, 1] {
        let panel_date = plus(next_thursday, week * 7);
        for _ in 0..per_panel {
            let d = &drafts[rng.index(drafts.len())];
            let c = &d.child;
            if c.stage == Stage::Ceased {
                continue;
            }
            let question = match c.stage {
                Stage::Request => PanelQuestion::Assess,
                Stage::Assessment | Stage::Draft => PanelQuestion::IssuePlan,
                _ => *rng.pick(&[PanelQuestion::Amend, PanelQuestion::Placement, PanelQuestion::Band]),
            };
            let held = panel_date < today;
            let outcome = held.then(|| match rng.unit() {
                r if r < 0.6 => PanelOutcome::Agreed,
                r if r < 0.8 => PanelOutcome::Declined,
                _ => PanelOutcome::Deferred,
            });
            let decision_sent = (held && rng.chance(0.7)).then(|| plus(panel_date, rng.range(1, 3)).min(today));
            county.panels.push(PanelSubmission {
                id: county.panels.len() as i64 + 1,
                child_id: c.id.clone(),
                panel_date,
                question,
                papers: rng.word(PAPERS).to_string(),
                submitted_by: c.officer.clone(),
                outcome,
                info_needed: if outcome == Some(PanelOutcome::Deferred) {
                    rng.word(INFO_NEEDED).to_string()
                } else {
                    String::new()
                },
                decision_sent,
                sent_how: if decision_sent.is_some() {
                    rng.pick(&["email", "letter"]).to_string()
                } else {
                    String::new()
                },
                resubmission_of: None,
            });
        }
    }

    for d in drafts.iter_mut() {
        let c = &mut d.child;
        let next_id = county.steps.len() as i64 + 1;
        if c.stage == Stage::Assessment
            && let Some(decision) = c.assess_decision_date
            && rng.chance(0.3)
        {
            for (i, kind) in ["education", "health", "educational_psychologist", "social_care"].iter().enumerate() {
                county.steps.push(Step {
                    id: next_id + 2 * i as i64,
                    child_id: c.id.clone(),
                    kind: StepKind::AdviceRequested,
                    date: decision,
                    until: None,
                    detail: kind.to_string(),
                    recorded_by: c.officer.clone(),
                });
                let back = plus(decision, rng.range(20, 50));
                if back <= today && rng.chance(0.6) {
                    county.steps.push(Step {
                        id: next_id + 2 * i as i64 + 1,
                        child_id: c.id.clone(),
                        kind: StepKind::AdviceReceived,
                        date: back,
                        until: None,
                        detail: kind.to_string(),
                        recorded_by: c.officer.clone(),
                    });
                }
            }
        } else if c.stage == Stage::Plan && c.plan_date.is_some_and(|p| maker.days_since(p) > 400) && rng.chance(0.02) {
            // A review meeting held in the last three weeks, paperwork in progress.
            let meeting = plus(today, -rng.range(0, 20));
            c.last_review_date = Some(meeting);
            county.steps.push(Step {
                id: next_id,
                child_id: c.id.clone(),
                kind: StepKind::ReviewMeeting,
                date: meeting,
                until: None,
                detail: String::new(),
                recorded_by: c.officer.clone(),
            });
        }
    }
    // Step ids must be unique: renumber in order.
    for (i, step) in county.steps.iter_mut().enumerate() {
        step.id = i as i64 + 1;
    }
    surgeries(county, drafts, officers, today, &mut rng);
    // A few families appealing to the tribunal, some already with an order.
    for d in drafts.iter().filter(|d| d.child.stage == Stage::Plan) {
        if !rng.chance(0.006) {
            continue;
        }
        let registered = plus(today, -rng.range(10, 120));
        let ordered = maker_order(&mut rng, registered, today);
        county.disputes.push(Dispute {
            id: county.disputes.len() as i64 + 1,
            child_id: d.child.id.clone(),
            kind: DisputeKind::Appeal,
            registered,
            hearing: ordered.map(|(_, date)| date),
            responded: (today > plus(registered, 35)).then(|| plus(registered, rng.range(25, 40)).min(today)),
            order_kind: ordered.map(|(kind, _)| kind),
            order_date: ordered.map(|(_, date)| date),
            complied: None,
            closed: None,
            detail: "Appeal against sections B, F and I".into(),
        });
    }
}

/// Appeals over 90 days old have had their hearing and an order.
fn maker_order(
    rng: &mut Rng,
    registered: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> Option<(OrderKind, chrono::NaiveDate)> {
    let hearing = plus(registered, 90);
    (hearing < today).then(|| (*rng.pick(&[OrderKind::Amend, OrderKind::Setting]), hearing))
}

/// Two weekly phone surgeries per officer, and call-backs booked this week.
fn surgeries(county: &mut County, drafts: &[Draft], officers: &[Vec<String>], today: chrono::NaiveDate, rng: &mut Rng) {
    let time = |h: u32| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
    for (i, officer) in officers.iter().flatten().enumerate() {
        for (weekday, hour) in [((i % 5) as u8 + 1, 14), (((i + 2) % 5) as u8 + 1, 10)] {
            county.slots.push(SurgerySlot {
                id: county.slots.len() as i64 + 1,
                officer_id: officer.clone(),
                weekday,
                start: time(hour),
                minutes: 60,
            });
        }
    }
    for offset in 0..5 {
        let date = plus(today, offset);
        for officer in officers.iter().flatten() {
            let times = crate::domain::surgery::surgery_times(officer, date, &county.slots);
            let theirs: Vec<&Draft> =
                drafts.iter().filter(|d| d.child.officer.as_deref() == Some(officer.as_str())).collect();
            for start in times {
                if theirs.is_empty() || !rng.chance(if offset == 0 { 0.6 } else { 0.3 }) {
                    continue;
                }
                let d = theirs[rng.index(theirs.len())];
                let setting = d.child.setting.as_deref().unwrap_or("school");
                let template = fitting(rng.word(QUERIES), d.child.stage, d.child.plan_date.is_some());
                let query = fill(template, rng, &d.child.first_name, setting, "3");
                county.bookings.push(Booking {
                    id: county.bookings.len() as i64 + 1,
                    officer_id: officer.clone(),
                    date,
                    start,
                    child_id: Some(d.child.id.clone()),
                    caller_number: format!("07700 900{:03}", rng.range(0, 999)),
                    query,
                    booked_by: None,
                    made: None,
                    said: String::new(),
                });
            }
        }
    }
}

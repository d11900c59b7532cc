//! Case history: the record's own milestones, then ordinary notes, calls and emails.

use chrono::NaiveDate;

use super::names::*;
use super::rng::{Rng, cumulative};
use super::{Draft, Maker, fill, plus};
use crate::domain::*;

const KINDS: [(EventKind, f64); 7] = [
    (EventKind::Note, 25.0),
    (EventKind::Call, 20.0),
    (EventKind::Email, 30.0),
    (EventKind::Letter, 8.0),
    (EventKind::Meeting, 7.0),
    (EventKind::Panel, 4.0),
    (EventKind::Review, 6.0),
];

pub(super) fn make_events(
    maker: &Maker,
    drafts: &[Draft],
    per_child: usize,
    seed: u64,
    seniors: &[Vec<String>],
    managers: &[Vec<String>],
    admins: &[String],
) -> Vec<CaseEvent> {
    let mut rng = Rng::new(seed, "events");
    let kind_cum = cumulative(&KINDS.map(|(_, w)| w));
    let mut events = Vec::with_capacity(drafts.len() * per_child);
    if per_child == 0 {
        return events;
    }
    for d in drafts {
        let c = &d.child;
        let setting = c.setting.as_deref().unwrap_or("home");
        let band = c.band.map_or_else(|| "3".to_string(), |b| b.to_string());
        let who = |rng: &mut Rng, kind: EventKind| -> Option<String> {
            let r = rng.unit();
            if kind == EventKind::Panel {
                return Some(if r < 0.6 {
                    rng.pick(&seniors[d.team]).clone()
                } else {
                    rng.pick(&managers[d.team]).clone()
                });
            }
            match r {
                r if r < 0.05 => None,
                r if r < 0.83 && c.officer.is_some() => c.officer.clone(),
                r if r < 0.91 => Some(rng.pick(&seniors[d.team]).clone()),
                r if r < 0.96 => Some(rng.pick(admins).clone()),
                _ => Some(rng.pick(&managers[d.team]).clone()),
            }
        };
        // First the milestones on the record, then ordinary history.
        let mut own: Vec<(NaiveDate, EventKind, String)> = Vec::new();
        if let Some(request) = c.request_date {
            own.push((request, EventKind::Letter, format!("Request for assessment from {}.", rng.word(REQUESTERS))));
        }
        if let Some(decision) = c.assess_decision_date {
            let summary =
                format!("Agreed to assess; asked {}, {}, school.", rng.word(PROFESSIONALS), rng.word(PROFESSIONALS));
            own.push((decision, EventKind::Panel, summary));
        }
        if let Some(draft) = c.draft_date {
            own.push((draft, EventKind::Letter, "Draft plan sent, \"15 days\" to reply.".into()));
        }
        if let Some(plan) = c.plan_date {
            own.push((plan, EventKind::Letter, format!("Final plan, section I: {setting}.")));
        }
        if let Some(review) = c.last_review_date {
            let template = rng.word(REVIEWS);
            own.push((review, EventKind::Review, fill(template, &mut rng, &c.first_name, setting, &band)));
        }
        if own.len() > per_child {
            own.drain(..own.len() - per_child);
        }
        let start = c
            .request_date
            .or_else(|| c.plan_date.map(|p| plus(p, -60 - rng.range(0, 140))))
            .unwrap_or_else(|| maker.ago(60))
            .max(plus(c.date_of_birth, 14))
            .max(maker.ago(3652))
            .min(maker.today);
        let span = maker.days_since(start).max(0) as f64;
        for _ in own.len()..per_child {
            let kind = KINDS[rng.weighted(&kind_cum)].0;
            let templates = match kind {
                EventKind::Note => NOTES,
                EventKind::Call => CALLS,
                EventKind::Email => EMAILS,
                EventKind::Letter => LETTERS,
                EventKind::Meeting => MEETINGS,
                EventKind::Panel => PANELS,
                EventKind::Review => REVIEWS,
            };
            let template = fitting(rng.word(templates), c.stage, c.plan_date.is_some());
            let day = maker.ago((span * rng.unit().powf(1.4)) as i64);
            own.push((day, kind, fill(template, &mut rng, &c.first_name, setting, &band)));
        }
        own.sort_by_key(|(day, _, _)| *day);
        for (date, kind, summary) in own {
            let staff_id = who(&mut rng, kind);
            events.push(CaseEvent { child_id: c.id.clone(), date, kind, staff_id, summary });
        }
    }
    events
}

//! `caseload contact`, `caseload step` and `caseload audit`: casework from the command line,
//! through the same action layer as the interface.

use chrono::NaiveDate;
use color_eyre::eyre::{Result, eyre};

use super::{Context, emit};
use crate::app::casework::{Entry, RecordError, Rules, needs_confirmation, record};
use crate::cli::{AuditArgs, ChildCommand, ContactCommand, DisputeCommand, PanelCommand, StepArgs, SurgeryCommand};
use crate::domain::casework::{DetailsEntry, FieldError, StepEntry, apply_step};
use crate::domain::{County, Need};
use crate::store::Store;

/// Which option each field of a refusal comes from, so that the message names what to change.
type Flags = &'static [(&'static str, &'static str)];

const CONTACT: Flags = &[("date", "--date"), ("summary", "--summary")];
const ANSWER: Flags = &[("date", "--date")];
const STEP: Flags = &[("date", "--date"), ("until", "--until"), ("detail", "--detail")];
const SUBMIT: Flags = &[("panel date", "--date"), ("papers", "--papers")];
const DECISION: Flags = &[("outcome", "--outcome"), ("needs", "--needs"), ("sent", "--sent"), ("how", "--how")];
const DETAILS: Flags = &[("band", "--band"), ("year group", "--year-group")];
const BOOK: Flags = &[
    ("officer", "--officer"),
    ("child", "--child"),
    ("date", "--date"),
    ("time", "--time"),
    ("number", "--number"),
    ("query", "--query"),
];
const NEW_DISPUTE: Flags = &[("date", "--date"), ("kind", "--kind")];
const DISPUTE: Flags = &[
    ("hearing", "--hearing"),
    ("responded", "--responded"),
    ("order", "--order"),
    ("order date", "--order-date"),
    ("complied", "--complied"),
    ("closed", "--closed"),
];

fn named(e: &FieldError, flags: Flags) -> String {
    match flags.iter().find(|(field, _)| *field == e.field) {
        Some((_, flag)) => format!("{flag}: {}", e.message),
        None => e.to_string(),
    }
}

/// Bad input: says why, saves nothing, and exits 1.
fn refuse(why: impl std::fmt::Display) -> Result<i32> {
    eprintln!("not saved: {why}");
    Ok(1)
}

/// The member of staff recording: `--as`, else the one whose login this is.
fn actor(ctx: &Context, store: &Store) -> Result<String> {
    let who = ctx.actor().ok_or_else(|| eyre!("cannot tell who is recording this; pass --as STAFF_ID"))?;
    store
        .staff_id_for(&who)?
        .ok_or_else(|| eyre!("\"{who}\" is not in the staff list; pass --as STAFF_ID to say who is recording this"))
}

fn save(ctx: &Context, entry: Entry, flags: Flags) -> Result<i32> {
    let (mut store, county, _) = ctx.load()?;
    let actor = actor(ctx, &store)?;
    save_loaded(ctx, &mut store, &county, &actor, &entry, flags)
}

fn save_loaded(
    ctx: &Context,
    store: &mut Store,
    county: &County,
    actor: &str,
    entry: &Entry,
    flags: Flags,
) -> Result<i32> {
    let rules = Rules { today: ctx.today, now: ctx.now, calendar: &ctx.calendar, rules: &ctx.config.rules };
    match record(store, county, entry, actor, &rules) {
        Ok(done) => {
            emit(&format!("{done}\n"))?;
            Ok(0)
        }
        Err(RecordError::Invalid(e)) => refuse(named(&e, flags)),
        Err(e @ RecordError::NotAllowed(_)) => refuse(e),
        Err(e) => Err(eyre!("{e}")),
    }
}

pub fn contact(ctx: &Context, command: ContactCommand) -> Result<i32> {
    match command {
        ContactCommand::Add { child, kind, summary, date } => save(
            ctx,
            Entry::Contact { child_id: child, entry: kind, date: date.unwrap_or(ctx.today), summary },
            CONTACT,
        ),
        ContactCommand::Answer { id, date } => {
            save(ctx, Entry::Answer { contact_id: id, date: date.unwrap_or(ctx.today) }, ANSWER)
        }
        ContactCommand::Promise { id, date } => save(ctx, Entry::Promise { contact_id: id, date }, ANSWER),
        ContactCommand::List { child, all } => {
            let (_store, county, _) = ctx.load()?;
            let mut text = String::new();
            for c in county.contacts.iter().filter(|c| all || c.answered.is_none()) {
                if child.as_deref().is_some_and(|id| id != c.child_id) {
                    continue;
                }
                let state = match (c.answered, c.promised) {
                    (Some(day), _) => format!("answered {day}"),
                    (None, Some(day)) => format!("open, promised by {day}"),
                    (None, None) => "open".to_string(),
                };
                text.push_str(&format!(
                    "{:>5}  {}  {:<8} {:<14} {:<22} {}\n",
                    c.id,
                    c.received,
                    c.child_id,
                    c.kind.as_str(),
                    state,
                    super::clip(&c.summary.replace('\n', " "), 60)
                ));
            }
            if text.is_empty() {
                text = "No contacts to answer.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

pub fn step(ctx: &Context, args: &StepArgs) -> Result<i32> {
    let detail = match crate::cli::step_detail(args.kind, args.detail.as_deref().unwrap_or("")) {
        Ok(detail) => detail,
        Err(why) => return refuse(why),
    };
    let step = StepEntry { kind: args.kind, date: args.date.unwrap_or(ctx.today), until: args.until, detail };
    let entry = Entry::Step { child_id: args.child.clone(), step };
    let (mut store, county, _) = ctx.load()?;
    let actor = actor(ctx, &store)?;
    if !args.confirm {
        // Anything that would be refused is refused now: --confirm is only asked for a step
        // that would be saved.
        if let Err(why) = check_step(&county, &actor, &entry, ctx.today) {
            return refuse(why);
        }
        if let Some(warning) = needs_confirmation(&county, &entry, ctx.today) {
            return refuse(format!("{warning} Add --confirm to go ahead."));
        }
    }
    save_loaded(ctx, &mut store, &county, &actor, &entry, STEP)
}

/// What `record` would check of a step, without saving it.
fn check_step(county: &County, actor: &str, entry: &Entry, today: NaiveDate) -> std::result::Result<(), String> {
    use crate::app::permissions::{Work, check};
    let Entry::Step { child_id, step } = entry else { return Ok(()) };
    let staff = county
        .staff
        .iter()
        .find(|s| s.id == actor)
        .ok_or_else(|| format!("not allowed: {actor} is not in the staff list"))?;
    check(staff, Work::of(entry)).map_err(|why| format!("not allowed: {why}"))?;
    let child =
        county.children.iter().find(|c| &c.id == child_id).ok_or_else(|| format!("no child has id {child_id}"))?;
    let steps: Vec<_> = county.steps.iter().filter(|s| &s.child_id == child_id).cloned().collect();
    apply_step(child, &steps, step, today).map(|_| ()).map_err(|e| named(&e, STEP))
}

pub fn audit(ctx: &Context, args: &AuditArgs) -> Result<i32> {
    let store = ctx.open_store()?;
    let rows = store.audit_rows(args.limit)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
        return Ok(0);
    }
    let mut text = String::new();
    for row in &rows {
        text.push_str(&format!(
            "{}  {:<6} {:<16} {} {}\n",
            row.at,
            row.staff_id.as_deref().unwrap_or("-"),
            row.action,
            row.entity,
            row.entity_id.as_deref().unwrap_or("")
        ));
    }
    if text.is_empty() {
        text = "The audit log is empty.\n".into();
    }
    emit(&text)?;
    Ok(0)
}

pub fn panel(ctx: &Context, command: PanelCommand) -> Result<i32> {
    match command {
        PanelCommand::Submit { child, date, question, papers } => {
            save(ctx, Entry::Submit { child_id: child, panel_date: date, question, papers }, SUBMIT)
        }
        PanelCommand::Decision { id, outcome, needs, sent, how } => {
            if outcome.is_none() && sent.is_none() {
                return refuse("say --outcome, or --sent YYYY-MM-DD --how HOW, or both");
            }
            let sent = sent.map(|date| (date, how.unwrap_or_default().to_string()));
            save(
                ctx,
                Entry::PanelDecision { panel_id: id, outcome, info_needed: needs.unwrap_or_default(), sent },
                DECISION,
            )
        }
        PanelCommand::List => {
            let (_store, county, _) = ctx.load()?;
            let mut text = String::new();
            for p in &county.panels {
                let outcome = p.outcome.map_or("awaiting", |o| o.as_str());
                let sent = p.decision_sent.map_or_else(String::new, |d| format!("sent {d} by {}", p.sent_how));
                text.push_str(&format!(
                    "{:>5}  {}  {:<8} {:<10} {:<9} {}\n",
                    p.id,
                    p.panel_date,
                    p.child_id,
                    p.question.as_str(),
                    outcome,
                    sent
                ));
            }
            if text.is_empty() {
                text = "No panel cases.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

pub fn child(ctx: &Context, command: ChildCommand) -> Result<i32> {
    let ChildCommand::Edit { child, setting, postcode, need, band, year_group } = command;
    let (_store, county, _) = ctx.load()?;
    let Some(current) = county.children.iter().find(|c| c.id == child) else {
        return refuse(format!("no child has id {child}"));
    };
    let cleared = |v: &str| v.trim().eq_ignore_ascii_case("none") || v.trim().is_empty();
    let text = |given: Option<String>, now: &Option<String>| match given {
        Some(v) if cleared(&v) => None,
        Some(v) => Some(v),
        None => now.clone(),
    };
    let primary_need = match need {
        Some(v) if cleared(&v) => None,
        Some(v) => match Need::parse(&v) {
            Some(need) => Some(need),
            None => return refuse(format!("--need {v}: not one of {}, or none", Need::choices())),
        },
        None => current.primary_need,
    };
    let band = match band {
        Some(v) if cleared(&v) => None,
        Some(v) => match v.trim().parse::<u8>() {
            Ok(band) => Some(band),
            Err(_) => return refuse(format!("--band {v}: not a band number, or none")),
        },
        None => current.band,
    };
    let year_group_override = match year_group {
        Some(v) if cleared(&v) => None,
        Some(v) => match v.trim().parse::<i32>() {
            Ok(year) => Some(year),
            Err(_) => return refuse(format!("--year-group {v}: not a year (-1 Nursery to 14), or none")),
        },
        None => current.year_group_override,
    };
    let details = DetailsEntry {
        setting: text(setting, &current.setting),
        postcode: text(postcode, &current.postcode),
        primary_need,
        band,
        year_group_override,
    };
    save(ctx, Entry::Details { child_id: child, details }, DETAILS)
}

pub fn surgery(ctx: &Context, command: SurgeryCommand) -> Result<i32> {
    use crate::domain::surgery::parse_blocks;
    match command {
        SurgeryCommand::Set { officer, blocks } => match parse_blocks(&blocks.join(", ")) {
            Ok(blocks) => save(ctx, Entry::Surgeries { officer_id: officer, blocks }, &[]),
            Err(why) => refuse(format!("BLOCKS: {why}")),
        },
        SurgeryCommand::Book { officer, date, time, child, number, query } => save(
            ctx,
            Entry::Book { officer_id: officer, date, start: time, child_id: child, caller_number: number, query },
            BOOK,
        ),
        SurgeryCommand::List { officer, date } => {
            let (_store, county, _) = ctx.load()?;
            let date = date.unwrap_or(ctx.today);
            // Officers with a surgery that day, and any with call-backs booked (surgeries can move).
            let mut officers: Vec<&str> = county
                .slots
                .iter()
                .map(|s| s.officer_id.as_str())
                .chain(county.bookings.iter().filter(|b| b.date == date).map(|b| b.officer_id.as_str()))
                .collect();
            officers.sort();
            officers.dedup();
            let diary = county.diary(&ctx.calendar, ctx.today, ctx.now);
            let mut text = String::new();
            for id in officers.into_iter().filter(|id| officer.as_deref().is_none_or(|o| o == *id)) {
                let booked: Vec<_> = county.bookings.iter().filter(|b| b.officer_id == id && b.date == date).collect();
                let free = diary.free_times(id, date);
                let has_surgery = !crate::domain::surgery::surgery_times(id, date, &county.slots).is_empty();
                if booked.is_empty() && !has_surgery {
                    continue;
                }
                text.push_str(&format!("{} ({id}) on {}", diary.name(id), date.format("%a %-d %b %Y")));
                if let Some(away) = diary.away(id, date) {
                    let cover = away.cover_staff_id.as_deref().map_or("the duty officer", |c| diary.name(c));
                    text.push_str(&format!(" (away: {cover} to call)"));
                }
                text.push_str(":\n");
                for b in booked {
                    text.push_str(&format!(
                        "  {}  {:<8} {:<14} {}\n",
                        b.start.format("%H:%M"),
                        b.child_id.as_deref().unwrap_or("-"),
                        b.caller_number,
                        b.query
                    ));
                }
                let free: Vec<String> = free.iter().map(|t| t.format("%H:%M").to_string()).collect();
                text.push_str(&format!(
                    "  free: {}\n",
                    if free.is_empty() { "none".to_string() } else { free.join(" ") }
                ));
            }
            if text.is_empty() {
                text = format!("No surgeries on {}.\n", date.format("%a %-d %b %Y"));
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

pub fn dispute(ctx: &Context, command: DisputeCommand) -> Result<i32> {
    match command {
        DisputeCommand::Add { child, kind, date, detail } => {
            let date = date.unwrap_or(ctx.today);
            save(
                ctx,
                Entry::NewDispute { child_id: child, kind, date, detail: detail.unwrap_or_default() },
                NEW_DISPUTE,
            )
        }
        DisputeCommand::Update { id, hearing, responded, order, order_date, complied, closed } => {
            let (_store, county, _) = ctx.load()?;
            let Some(mut dispute) = county.disputes.iter().find(|d| d.id == id).cloned() else {
                return refuse(format!("no dispute has id {id}"));
            };
            dispute.order_kind = order.or(dispute.order_kind);
            dispute.hearing = hearing.or(dispute.hearing);
            dispute.responded = responded.or(dispute.responded);
            dispute.order_date = order_date.or(dispute.order_date);
            dispute.complied = complied.or(dispute.complied);
            dispute.closed = closed.or(dispute.closed);
            save(ctx, Entry::Dispute { dispute }, DISPUTE)
        }
        DisputeCommand::List => {
            let (_store, county, milestones) = ctx.load()?;
            let mut text = String::new();
            for d in &county.disputes {
                let index = county.children.iter().position(|c| c.id == d.child_id);
                let next = index
                    .and_then(|i| {
                        milestones[i].iter().find(|m| {
                            m.status != crate::domain::Status::Done
                                && matches!(
                                    m.name,
                                    crate::domain::MilestoneName::MediationMeeting
                                        | crate::domain::MilestoneName::AppealResponse
                                        | crate::domain::MilestoneName::OrderCompliance
                                )
                        })
                    })
                    .map_or_else(|| "nothing due".to_string(), |m| format!("{} due {} ({})", m.name, m.due, m.status));
                let state = if d.closed.is_some() { "closed" } else { "open" };
                text.push_str(&format!(
                    "{:>5}  {}  {:<8} {:<9} {:<6} {}\n",
                    d.id,
                    d.registered,
                    d.child_id,
                    d.kind.as_str(),
                    state,
                    next
                ));
            }
            if text.is_empty() {
                text = "No disputes.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

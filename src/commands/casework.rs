//! `caseload contact`, `caseload step` and `caseload audit`: casework from the command line,
//! through the same action layer as the interface.

use color_eyre::eyre::{Result, eyre};

use super::{Context, emit};
use crate::app::casework::{Entry, RecordError, Rules, record};
use crate::cli::{AuditArgs, ChildCommand, ContactCommand, DisputeCommand, PanelCommand, StepArgs, SurgeryCommand};
use crate::domain::casework::DetailsEntry;
use crate::domain::casework::{ContactEntry, StepEntry};
use crate::domain::{Need, PanelOutcome, PanelQuestion, StepKind};
use crate::store::Store;

/// The member of staff recording: `--as`, else the one whose login this is.
fn actor(ctx: &Context, store: &Store) -> Result<String> {
    let who = ctx.actor().ok_or_else(|| eyre!("cannot tell who is recording this; pass --as STAFF_ID"))?;
    store
        .staff_id_for(&who)?
        .ok_or_else(|| eyre!("\"{who}\" is not in the staff list; pass --as STAFF_ID to say who is recording this"))
}

fn save(ctx: &Context, entry: Entry) -> Result<i32> {
    let (mut store, county, _) = ctx.load()?;
    let actor = actor(ctx, &store)?;
    let rules = Rules { today: ctx.today, now: ctx.now, calendar: &ctx.calendar, rules: &ctx.config.rules };
    match record(&mut store, &county, &entry, &actor, &rules) {
        Ok(done) => {
            emit(&format!("{done}\n"))?;
            Ok(0)
        }
        Err(RecordError::Invalid(e)) => {
            eprintln!("not saved: {e}");
            Ok(1)
        }
        Err(e @ RecordError::NotAllowed(_)) => {
            eprintln!("not saved: {e}");
            Ok(1)
        }
        Err(e) => Err(eyre!("{e}")),
    }
}

pub fn contact(ctx: &Context, command: ContactCommand) -> Result<i32> {
    match command {
        ContactCommand::Add { child, kind, summary, date } => {
            let entry = ContactEntry::parse(&kind).ok_or_else(|| {
                let kinds: Vec<&str> = ContactEntry::ALL.iter().map(|k| k.as_str()).collect();
                eyre!("--kind {kind}: not one of {}", kinds.join(", "))
            })?;
            save(ctx, Entry::Contact { child_id: child, entry, date: date.unwrap_or(ctx.today), summary })
        }
        ContactCommand::Answer { id, date } => {
            save(ctx, Entry::Answer { contact_id: id, date: date.unwrap_or(ctx.today) })
        }
        ContactCommand::Promise { id, date } => save(ctx, Entry::Promise { contact_id: id, date }),
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
    let kind = StepKind::parse(&args.kind)
        .ok_or_else(|| eyre!("{}: not a step; one of {}", args.kind, StepKind::choices()))?;
    let step = StepEntry {
        kind,
        date: args.date.unwrap_or(ctx.today),
        until: args.until,
        detail: args.detail.trim().to_string(),
    };
    let entry = Entry::Step { child_id: args.child.clone(), step };
    if !args.confirm {
        let (_store, county, _) = ctx.load()?;
        if let Some(warning) = crate::app::casework::needs_confirmation(&county, &entry) {
            eprintln!("not saved: {warning} Add --confirm to go ahead.");
            return Ok(1);
        }
    }
    save(ctx, entry)
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
            let question = PanelQuestion::parse(&question)
                .ok_or_else(|| eyre!("--question {question}: not one of {}", PanelQuestion::choices()))?;
            save(ctx, Entry::Submit { child_id: child, panel_date: date, question, papers })
        }
        PanelCommand::Decision { id, outcome, needs, sent, how } => {
            let outcome = match outcome {
                Some(word) => Some(
                    PanelOutcome::parse(&word)
                        .ok_or_else(|| eyre!("--outcome {word}: not one of {}", PanelOutcome::choices()))?,
                ),
                None => None,
            };
            if outcome.is_none() && sent.is_none() {
                return Err(eyre!("say --outcome, or --sent DATE --how HOW, or both"));
            }
            save(ctx, Entry::PanelDecision { panel_id: id, outcome, info_needed: needs, sent: sent.map(|d| (d, how)) })
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
    let current = county.children.iter().find(|c| c.id == child).ok_or_else(|| eyre!("no child has id {child}"))?;
    let cleared = |v: &str| v.trim().eq_ignore_ascii_case("none") || v.trim().is_empty();
    let text = |given: Option<String>, now: &Option<String>| match given {
        Some(v) if cleared(&v) => None,
        Some(v) => Some(v),
        None => now.clone(),
    };
    let primary_need = match need {
        Some(v) if cleared(&v) => None,
        Some(v) => Some(Need::parse(&v).ok_or_else(|| eyre!("--need {v}: not one of {}", Need::choices()))?),
        None => current.primary_need,
    };
    let band = match band {
        Some(v) if cleared(&v) => None,
        Some(v) => Some(v.trim().parse::<u8>().map_err(|_| eyre!("--band {v}: not a band number"))?),
        None => current.band,
    };
    let year_group_override = match year_group {
        Some(v) if cleared(&v) => None,
        Some(v) => Some(v.trim().parse::<i32>().map_err(|_| eyre!("--year-group {v}: not a year (-1 to 14)"))?),
        None => current.year_group_override,
    };
    let details = DetailsEntry {
        setting: text(setting, &current.setting),
        postcode: text(postcode, &current.postcode),
        primary_need,
        band,
        year_group_override,
    };
    save(ctx, Entry::Details { child_id: child, details })
}

pub fn surgery(ctx: &Context, command: SurgeryCommand) -> Result<i32> {
    use crate::domain::surgery::parse_blocks;
    match command {
        SurgeryCommand::Set { officer, blocks } => {
            let blocks = parse_blocks(&blocks.join(", ")).map_err(|e| eyre!(e))?;
            save(ctx, Entry::Surgeries { officer_id: officer, blocks })
        }
        SurgeryCommand::Book { officer, date, time, child, number, query } => {
            let start = chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M")
                .map_err(|_| eyre!("--time {time}: not a time like 14:15"))?;
            save(ctx, Entry::Book { officer_id: officer, date, start, child_id: child, caller_number: number, query })
        }
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
            let diary = county.diary(ctx.today, ctx.now);
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
    use crate::domain::{DisputeKind, OrderKind};
    match command {
        DisputeCommand::Add { child, kind, date, detail } => {
            let kind = DisputeKind::parse(&kind)
                .ok_or_else(|| eyre!("--kind {kind}: not one of {}", DisputeKind::choices()))?;
            save(ctx, Entry::NewDispute { child_id: child, kind, date: date.unwrap_or(ctx.today), detail })
        }
        DisputeCommand::Update { id, hearing, responded, order, order_date, complied, closed } => {
            let (_store, county, _) = ctx.load()?;
            let mut dispute =
                county.disputes.iter().find(|d| d.id == id).cloned().ok_or_else(|| eyre!("no dispute has id {id}"))?;
            if let Some(order) = order {
                dispute.order_kind = Some(
                    OrderKind::parse(&order)
                        .ok_or_else(|| eyre!("--order {order}: not one of {}", OrderKind::choices()))?,
                );
            }
            dispute.hearing = hearing.or(dispute.hearing);
            dispute.responded = responded.or(dispute.responded);
            dispute.order_date = order_date.or(dispute.order_date);
            dispute.complied = complied.or(dispute.complied);
            dispute.closed = closed.or(dispute.closed);
            save(ctx, Entry::Dispute { dispute })
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

//! `caseload absence`, `rota`, `duty`, `cover`, `leave` and `handback`: who is away and who
//! covers, through the same casework layer as the interface.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use color_eyre::eyre::{Result, eyre};

use super::record::{Flags, refuse, save};
use super::values::Choice;
use super::{Context, emit};
use crate::casework::handback::{Handback, handback, waiting};
use crate::casework::{
    AcknowledgeHandback, EndAbsence, EndCover, GiveCover, PlanItem, PlanLeave, RecordAbsence, RotaDay, SetRota,
    weekday_name,
};
use crate::context::parse_date;
use crate::domain::duty::{DutyKind, DutyView, DutyWhat, duty_queue, leave_items};
use crate::domain::{Absence, AbsenceKind, County, HandTo};

const ABSENCE: Flags = &[("from", "--from"), ("to", "--to"), ("officer", "--staff"), ("back", "--back")];
const COVER: Flags = &[("cover", "--to"), ("from", "--from"), ("to", "--until"), ("children", "--children")];

#[derive(Debug, Subcommand)]
pub enum AbsenceCommand {
    /// Record that someone is away (their own planned leave or training; a senior or manager any)
    Add {
        /// Who (staff id) [default: you]
        #[arg(long, value_name = "STAFF_ID")]
        staff: Option<String>,
        #[arg(long, value_parser = Choice::new(AbsenceKind::ALL, AbsenceKind::as_str))]
        kind: AbsenceKind,
        /// First day away (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Last day away (YYYY-MM-DD) [default: until further notice]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: Option<NaiveDate>,
        /// A note for colleagues
        #[arg(long, default_value = "")]
        note: String,
    },
    /// End an absence: the day they are back (an absence not yet begun is cancelled)
    End {
        /// The absence (see `caseload absence list`)
        id: i64,
        /// The day they are back (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        back: Option<NaiveDate>,
    },
    /// Absences now and to come (`--all` for past ones too)
    List {
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Args)]
pub struct RotaArgs {
    #[command(subcommand)]
    pub command: Option<RotaCommand>,
}

#[derive(Debug, Subcommand)]
pub enum RotaCommand {
    /// Set who is duty officer for a team on a weekday (every week) or one date
    Set {
        #[arg(long)]
        team: String,
        /// Every such weekday: mon, tue, wed, thu or fri
        #[arg(long, conflicts_with = "date", required_unless_present = "date")]
        weekday: Option<String>,
        /// One date (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// Who (staff id)
        #[arg(long, value_name = "STAFF_ID", conflicts_with = "clear", required_unless_present = "clear")]
        staff: Option<String>,
        /// Remove the line (the weekly pattern, or the team's senior, applies)
        #[arg(long)]
        clear: bool,
    },
}

#[derive(Debug, Args)]
pub struct DutyArgs {
    /// The day (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Only this team's absent officers
    #[arg(long)]
    pub team: Option<String>,
    /// calls (phone messages and emails) or deadlines [default: both]
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum CoverCommand {
    /// Give an absent officer's children (all, or --children) to a colleague for a period
    Give {
        /// The absence (see `caseload absence list`)
        absence: i64,
        /// The colleague covering (staff id)
        #[arg(long, value_name = "STAFF_ID")]
        to: String,
        /// From (YYYY-MM-DD) [default: today, or the absence's first day if later]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Until (YYYY-MM-DD), the last day covered
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        until: NaiveDate,
        /// Only these children (ids, separated by commas)
        #[arg(long, value_name = "C1,C2,…", value_delimiter = ',')]
        children: Option<Vec<String>>,
    },
    /// End cover given for an absence (all of it, or --children) after a day
    End {
        absence: i64,
        /// The last day covered (YYYY-MM-DD) [default: yesterday]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        last_day: Option<NaiveDate>,
        #[arg(long, value_name = "C1,C2,…", value_delimiter = ',')]
        children: Option<Vec<String>>,
    },
    /// Cover in force on a day [default: today]
    List {
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum LeaveCommand {
    /// What falls due while away, numbered; with --item N=before|duty|STAFF_ID[:note], the plan
    Plan {
        /// The absence (see `caseload absence list`) [default: your next planned one]
        #[arg(long)]
        absence: Option<i64>,
        /// Item N goes to: before (you do it first), duty, or a colleague's staff id; ":note" adds a
        /// note. Items not named keep what was planned for them
        /// (`N=none` takes one out of the plan)
        #[arg(long = "item", value_name = "N=TO[:NOTE]")]
        items: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct HandbackArgs {
    /// The absence [default: your latest one that is over]
    #[arg(long)]
    pub absence: Option<i64>,
    /// Mark it read
    #[arg(long)]
    pub ack: bool,
    #[arg(long)]
    pub json: bool,
}

fn name(county: &County, id: &str) -> String {
    county.staff.iter().find(|s| s.id == id).map_or_else(|| id.to_string(), |s| s.name.clone())
}

fn absence_line(county: &County, a: &Absence) -> String {
    let mut line = format!(
        "{:>4}  {} ({}) {} from {} {}",
        a.id,
        name(county, &a.staff_id),
        a.staff_id,
        a.kind.label(),
        a.from.format("%a %-d %b %Y"),
        a.until()
    );
    if !a.note.is_empty() {
        line.push_str(&format!(" · {}", a.note));
    }
    line
}

pub fn absence(ctx: &Context, command: AbsenceCommand) -> Result<i32> {
    match command {
        AbsenceCommand::Add { staff, kind, from, to, note } => {
            let staff_id = match staff {
                Some(id) => id,
                None => ctx.staff_id(&ctx.open_store()?)?,
            };
            let entry = RecordAbsence { staff_id, kind, from: from.unwrap_or(ctx.today), to, note };
            save(ctx, entry, ABSENCE)
        }
        AbsenceCommand::End { id, back } => {
            save(ctx, EndAbsence { absence_id: id, back: back.unwrap_or(ctx.today), seen: None }, ABSENCE)
        }
        AbsenceCommand::List { all } => {
            let (_store, county, _) = ctx.load()?;
            let mut text = String::new();
            for a in county.absences.iter().filter(|a| all || !a.over(ctx.today)) {
                text.push_str(&absence_line(&county, a));
                text.push('\n');
            }
            if text.is_empty() {
                text = "Nobody is away or due to be.\n".into();
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

pub fn rota(ctx: &Context, args: RotaArgs) -> Result<i32> {
    match args.command {
        Some(RotaCommand::Set { team, weekday, date, staff, clear: _ }) => {
            let day = match (weekday, date) {
                (_, Some(date)) => RotaDay::Date(date),
                (Some(text), None) => match parse_weekday(&text) {
                    Some(n) => RotaDay::Weekday(n),
                    None => return refuse(format!("--weekday {text}: one of mon, tue, wed, thu, fri")),
                },
                (None, None) => return refuse("give --weekday or --date"),
            };
            let flags: Flags =
                &[("team", "--team"), ("weekday", "--weekday"), ("date", "--date"), ("officer", "--staff")];
            save(ctx, SetRota { team, day, staff_id: staff }, flags)
        }
        None => {
            let (_store, county, _) = ctx.load()?;
            let mut teams: Vec<&str> = county.staff.iter().map(|s| s.team.as_str()).collect();
            teams.sort_unstable();
            teams.dedup();
            let mut text = String::new();
            // The coming working week, team by team.
            let days: Vec<NaiveDate> = (0..5).map(|n| ctx.calendar.add_working_days(ctx.today, n)).collect();
            for team in teams {
                text.push_str(&format!("{team}\n"));
                for day in &days {
                    let duty = county
                        .duty_officer(team, *day)
                        .map_or_else(|| "nobody: set the rota".to_string(), |id| name(&county, id));
                    text.push_str(&format!("  {}  {duty}\n", day.format("%a %-d %b")));
                }
                for r in county.rota.iter().filter(|r| r.team == team) {
                    let when = match (r.weekday, r.date) {
                        (Some(n), _) => format!("every {}", weekday_name(n)),
                        (_, Some(d)) => format!("on {}", d.format("%a %-d %b %Y")),
                        _ => String::new(),
                    };
                    text.push_str(&format!("  rota: {} {when}\n", name(&county, &r.staff_id)));
                }
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

fn parse_weekday(text: &str) -> Option<u32> {
    let text = text.trim().to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri"].iter().position(|d| text.starts_with(d)).map(|i| i as u32 + 1)
}

pub fn duty(ctx: &Context, args: &DutyArgs) -> Result<i32> {
    let (store, county, milestones) = ctx.load()?;
    let kind = match args.kind.as_deref() {
        None => DutyKind::All,
        Some(k) if k.eq_ignore_ascii_case("calls") => DutyKind::Contacts,
        Some(k) if k.eq_ignore_ascii_case("deadlines") => DutyKind::Milestones,
        Some(k) => return Err(eyre!("--kind {k}: calls or deadlines")),
    };
    if let Some(team) = &args.team
        && !county.staff.iter().any(|s| &s.team == team)
    {
        return Err(eyre!("--team {team}: no such team"));
    }
    let me = ctx.staff_id(&store).ok();
    let day = args.date.unwrap_or(ctx.today);
    let view = DutyView { day, me: me.as_deref(), team: args.team.as_deref(), kind };
    let sections = duty_queue(&county, &milestones, &ctx.calendar, &ctx.config.rules, view);
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&duty_json(&county, &sections)?)?))?;
        return Ok(0);
    }
    let mut text = format!("Duty queue for {}\n", day.format("%a %-d %b %Y"));
    for section in &sections {
        match &section.group {
            crate::domain::duty::DutyGroup::Absent { absence, duty, covered } => {
                let a = &county.absences[*absence];
                let duty = duty.as_deref().map_or_else(
                    || "no duty officer: set the rota".to_string(),
                    |d| format!("duty: {}", name(&county, d)),
                );
                text.push_str(&format!(
                    "\n{} ({}) {} {} · {duty} · {covered} covered by name\n",
                    name(&county, &a.staff_id),
                    a.staff_id,
                    a.kind.label(),
                    a.until()
                ));
            }
            crate::domain::duty::DutyGroup::HandedOver { absence } => {
                let a = &county.absences[*absence];
                text.push_str(&format!(
                    "\nHanded to you by {} ({} {})\n",
                    name(&county, &a.staff_id),
                    a.kind.label(),
                    a.until()
                ));
            }
        }
        if section.items.is_empty() {
            text.push_str("  nothing urgent\n");
        }
        for item in &section.items {
            let child = &county.children[item.child];
            let what = match &item.what {
                DutyWhat::Contact(id) => county.contacts.iter().find(|c| c.id == *id).map_or_else(String::new, |c| {
                    format!("{} (contact {id}): {}", c.kind.noun(), c.summary.replace('\n', " "))
                }),
                DutyWhat::Milestone(m, detail) => {
                    let name = m.as_str().replace('_', " ");
                    if detail.is_empty() { name } else { format!("{name}: {}", detail.replace('\n', " ")) }
                }
                DutyWhat::Handover(id) => county.handovers.iter().find(|h| h.id == *id).map_or_else(String::new, |h| {
                    if h.note.is_empty() { h.what.clone() } else { format!("{} · {}", h.what, h.note) }
                }),
            };
            let state = match (&item.done, item.class) {
                (Some(Some(by)), _) => format!("done by {}", name(&county, by)),
                (Some(None), _) => "done".to_string(),
                (None, crate::domain::duty::DutyClass::Contact) => "to answer".to_string(),
                (None, crate::domain::duty::DutyClass::DueToday) => "due today".to_string(),
                (None, crate::domain::duty::DutyClass::Overdue) => "overdue".to_string(),
                (None, crate::domain::duty::DutyClass::DueSoon) => "due soon".to_string(),
            };
            text.push_str(&format!(
                "  {:<12} {}  {} ({})  {what}\n",
                state,
                item.due.format("%Y-%m-%d"),
                child.full_name(),
                child.id
            ));
        }
    }
    if sections.is_empty() {
        text.push_str("Nobody is away, and nothing was handed to you.\n");
    }
    emit(&text)?;
    Ok(0)
}

pub fn cover(ctx: &Context, command: CoverCommand) -> Result<i32> {
    match command {
        CoverCommand::Give { absence, to, from, until, children } => {
            let from = match from {
                Some(from) => from,
                None => {
                    let (_store, county, _) = ctx.load()?;
                    let start = county.absences.iter().find(|a| a.id == absence).map_or(ctx.today, |a| a.from);
                    start.max(ctx.today)
                }
            };
            save(ctx, GiveCover { absence_id: absence, children, cover_id: to, from, to: until }, COVER)
        }
        CoverCommand::End { absence, last_day, children } => {
            let last_day = last_day.unwrap_or_else(|| ctx.today.pred_opt().unwrap_or(ctx.today));
            save(
                ctx,
                EndCover { absence_id: absence, children, last_day },
                &[("children", "--children"), ("last_day", "--last-day")],
            )
        }
        CoverCommand::List { date } => {
            let (_store, county, _) = ctx.load()?;
            let day = date.unwrap_or(ctx.today);
            let mut text = String::new();
            for c in county.covers.iter().filter(|c| c.active(day, &county.absences)) {
                let child = county
                    .children
                    .iter()
                    .find(|ch| ch.id == c.child_id)
                    .map_or_else(|| c.child_id.clone(), super::super::domain::model::Child::full_name);
                text.push_str(&format!(
                    "{} ({}): {} covers for {} until {}\n",
                    child,
                    c.child_id,
                    name(&county, &c.cover_id),
                    name(&county, &c.officer_id),
                    c.to.format("%a %-d %b %Y")
                ));
            }
            if text.is_empty() {
                text = format!("No cover in force on {}.\n", day.format("%a %-d %b %Y"));
            }
            emit(&text)?;
            Ok(0)
        }
    }
}

pub fn leave(ctx: &Context, command: LeaveCommand) -> Result<i32> {
    let LeaveCommand::Plan { absence, items } = command;
    let (store, county, milestones) = ctx.load()?;
    let me = ctx.staff_id(&store)?;
    let absence = match absence {
        Some(id) => {
            county.absences.iter().find(|a| a.id == id).ok_or_else(|| eyre!("--absence {id}: no such absence"))?
        }
        None => county
            .absences
            .iter()
            .filter(|a| a.staff_id == me && a.kind.planned() && !a.over(ctx.today))
            .min_by_key(|a| a.from)
            .ok_or_else(|| {
                eyre!("you have no planned leave recorded: `caseload absence add --kind leave --from D --to D` first")
            })?,
    };
    let last = absence.to.unwrap_or_else(|| ctx.calendar.add_working_days(absence.from, 10));
    let found =
        leave_items(&county, &milestones, &ctx.calendar, &ctx.config.rules, &absence.staff_id, (absence.from, last));
    if items.is_empty() {
        let mut text = format!(
            "While {} is away from {} {}:\n",
            name(&county, &absence.staff_id),
            absence.from.format("%a %-d %b"),
            absence.until()
        );
        for (n, item) in found.iter().enumerate() {
            let child = &county.children[item.child];
            let planned = county.planned(absence.id, item);
            let to = planned.map_or_else(
                || "not planned".to_string(),
                |h| match h.to {
                    HandTo::Before => "before going".to_string(),
                    HandTo::Duty => "the duty officer".to_string(),
                    HandTo::Colleague => h.to_staff.as_deref().map_or_else(String::new, |id| name(&county, id)),
                },
            );
            let note = planned.filter(|h| !h.note.is_empty()).map_or_else(String::new, |h| format!(" ({})", h.note));
            text.push_str(&format!(
                "{:>3}. {}  {} ({})  {}  → {to}{note}\n",
                n + 1,
                item.due.format("%a %-d %b"),
                child.full_name(),
                child.id,
                item.what
            ));
        }
        if found.is_empty() {
            text.push_str("  nothing falls due\n");
        } else {
            text.push_str(
                "Plan with --item N=before|duty|STAFF_ID[:note] (or N=none); items not named keep their plan.\n",
            );
        }
        emit(&text)?;
        return Ok(0);
    }
    // Items not named keep what was planned for them before (in the interface or here).
    let mut plan: Vec<PlanItem> = county
        .handovers
        .iter()
        .filter(|h| h.absence_id == absence.id)
        .map(|h| PlanItem {
            child_id: h.child_id.clone(),
            item: h.item,
            item_ref: h.item_ref.clone(),
            what: h.what.clone(),
            due: h.due,
            to: h.to,
            to_staff: h.to_staff.clone(),
            note: h.note.clone(),
        })
        .collect();
    let mut named = Vec::new();
    for given in &items {
        let Some((number, rest)) = given.split_once('=') else {
            return refuse(format!("--item {given}: write N=before, N=duty or N=STAFF_ID, with :note if wanted"));
        };
        let Some(item) = number.trim().parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|n| found.get(n))
        else {
            return refuse(format!("--item {given}: no item {} (see `caseload leave plan`)", number.trim()));
        };
        if named.contains(&number.trim()) {
            return refuse(format!("--item {given}: item {} is named twice", number.trim()));
        }
        named.push(number.trim());
        let child_id = &county.children[item.child].id;
        plan.retain(|p| !(&p.child_id == child_id && p.item == item.item && p.item_ref == item.item_ref));
        let (to, note) = rest.split_once(':').unwrap_or((rest, ""));
        if to.trim().eq_ignore_ascii_case("none") {
            continue;
        }
        let (to, to_staff) = match to.trim().to_ascii_lowercase().as_str() {
            "before" => (HandTo::Before, None),
            "duty" => (HandTo::Duty, None),
            _ => (HandTo::Colleague, Some(to.trim().to_string())),
        };
        plan.push(PlanItem {
            child_id: county.children[item.child].id.clone(),
            item: item.item,
            item_ref: item.item_ref.clone(),
            what: item.what.clone(),
            due: item.due,
            to,
            to_staff,
            note: note.to_string(),
        });
    }
    save(ctx, PlanLeave { absence_id: absence.id, items: plan }, &[("colleague", "--item"), ("item", "--item")])
}

pub fn handback_command(ctx: &Context, args: &HandbackArgs) -> Result<i32> {
    let (store, county, milestones) = ctx.load()?;
    let me = ctx.staff_id(&store)?;
    let absence = match args.absence {
        Some(id) => {
            county.absences.iter().find(|a| a.id == id).ok_or_else(|| eyre!("--absence {id}: no such absence"))?
        }
        None => match waiting(&county, &me, ctx.today) {
            Some(a) => a,
            None => county
                .absences
                .iter()
                .filter(|a| a.staff_id == me && a.over(ctx.today))
                .max_by_key(|a| a.from)
                .ok_or_else(|| eyre!("you have no absence that is over"))?,
        },
    };
    if args.ack {
        return save(ctx, AcknowledgeHandback { absence_id: absence.id }, &[]);
    }
    let back = handback(&store, &county, &milestones, absence, ctx.today)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&back)?))?;
        return Ok(0);
    }
    emit(&handback_text(&county, &back))?;
    Ok(0)
}

/// The queue as JSON with ids, not positions: each group's `absence` is the absence's id (as
/// `absence list` shows it) with the `officer`'s staff id, and each item's `child` the child's id
/// with their `child_name`.
fn duty_json(county: &County, sections: &[crate::domain::duty::DutySection]) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(sections)?;
    for section in value.as_array_mut().into_iter().flatten() {
        for group in ["Absent", "HandedOver"] {
            let Some(group) = section["group"].get_mut(group).and_then(serde_json::Value::as_object_mut) else {
                continue;
            };
            let absence =
                group.get("absence").and_then(serde_json::Value::as_u64).and_then(|i| county.absences.get(i as usize));
            if let Some(absence) = absence {
                group.insert("absence".into(), absence.id.into());
                group.insert("officer".into(), absence.staff_id.clone().into());
            }
        }
        for item in section["items"].as_array_mut().into_iter().flatten() {
            let child = item["child"].as_u64().and_then(|i| county.children.get(i as usize));
            if let (Some(child), Some(item)) = (child, item.as_object_mut()) {
                item.insert("child".into(), child.id.clone().into());
                item.insert("child_name".into(), child.full_name().into());
            }
        }
    }
    Ok(value)
}

/// The handback as plain text.
pub fn handback_text(county: &County, back: &Handback) -> String {
    let mut text: String = back.lines(county).into_iter().map(|line| line + "\n").collect();
    if back.absence.acknowledged.is_none() {
        text.push_str("Not yet read: `caseload handback --ack` marks it read.\n");
    }
    text
}

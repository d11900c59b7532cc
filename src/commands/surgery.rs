//! `caseload surgery`: officers' weekly surgeries, booking call-backs, a day's bookings.

use color_eyre::eyre::Result;

use super::record::{Flags, refuse, save};
use super::values::parse_time;
use super::{Context, emit};
use crate::casework::{BookCallBack, CallBackMade, MoveCallBack, SetSurgeries};
use crate::context::parse_date;
use chrono::{NaiveDate, NaiveTime};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum SurgeryCommand {
    /// Set an officer's weekly surgeries, e.g. "tue 14:00-15:00" "thu 10:00-11:00" (none: no surgeries)
    Set {
        /// The officer's staff id
        officer: String,
        /// Weekly blocks like "tue 14:00-15:00", Monday to Friday in whole quarter hours; none: no surgeries
        #[arg(required = true)]
        blocks: Vec<String>,
    },
    /// Book a 15-minute call-back into an officer's surgery
    Book {
        /// The officer's staff id
        #[arg(long, value_name = "STAFF_ID")]
        officer: String,
        /// The day of the call-back (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// When the call-back starts (HH:MM): a free time in the officer's surgery (see `caseload surgery list`)
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        time: NaiveTime,
        /// The child it is about (child id)
        #[arg(long, value_name = "CHILD_ID")]
        child: Option<String>,
        /// The caller's telephone number
        #[arg(long)]
        number: String,
        /// What the call is about
        #[arg(long)]
        query: String,
    },
    /// Mark a booked call-back made, with what was said
    Made {
        /// The call-back's id (see `caseload surgery list`)
        id: i64,
        /// When it was made (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// What was said
        #[arg(long, default_value = "")]
        said: String,
    },
    /// Move a booked call-back to another day and time in the same officer's surgery
    Move {
        /// The call-back's id (see `caseload surgery list`)
        id: i64,
        /// The new day (YYYY-MM-DD)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// The new time (HH:MM), free in the officer's surgery
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        time: NaiveTime,
    },
    /// Bookings (with their ids) and free call-backs on a day
    List {
        /// Only this officer's (staff id)
        #[arg(long, value_name = "STAFF_ID")]
        officer: Option<String>,
        /// The day (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
}

const BOOK: Flags = &[
    ("officer", "--officer"),
    ("child", "--child"),
    ("date", "--date"),
    ("time", "--time"),
    ("number", "--number"),
    ("query", "--query"),
];

pub fn surgery(ctx: &Context, command: SurgeryCommand) -> Result<i32> {
    use crate::domain::surgery::parse_blocks;
    match command {
        SurgeryCommand::Set { officer, blocks } => match parse_blocks(&blocks.join(", ")) {
            Ok(blocks) => save(ctx, SetSurgeries { officer_id: officer, blocks, seen: None }, &[]),
            Err(why) => refuse(format!("BLOCKS: {why}")),
        },
        SurgeryCommand::Book { officer, date, time, child, number, query } => save(
            ctx,
            BookCallBack { officer_id: officer, date, start: time, child_id: child, caller_number: number, query },
            BOOK,
        ),
        SurgeryCommand::Made { id, date, said } => save(
            ctx,
            CallBackMade { booking_id: id, date: date.unwrap_or(ctx.today), said },
            &[("booking", "ID"), ("date", "--date")],
        ),
        SurgeryCommand::Move { id, date, time } => save(
            ctx,
            MoveCallBack { booking_id: id, date, start: time },
            &[("booking", "ID"), ("date", "--date"), ("time", "--time")],
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
                if diary.away(id, date).is_some() {
                    let duty = diary.stand_in(id, date).map_or("the duty officer", |d| diary.name(d));
                    text.push_str(&format!(" (away: {duty} to call)"));
                }
                text.push_str(":\n");
                for b in booked {
                    let made = b.made.map_or_else(String::new, |d| format!(" · made {}", d.format("%-d %b")));
                    text.push_str(&format!(
                        "  {:>4}  {}  {:<8} {:<14} {}{made}\n",
                        b.id,
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

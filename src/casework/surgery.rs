//! Phone surgeries: booking a 15-minute call-back into an officer's surgery, and setting an
//! officer's weekly surgeries (call-backs already booked outside them still stand, and are named).

use chrono::{NaiveDate, NaiveTime};

use super::permissions::Work;
use super::{Casework, Ctx, RecordError, human, invalid};
use crate::domain::casework::FieldError;
use crate::domain::surgery::{Diary, bookings_outside, describe_blocks};
use crate::domain::{Booking, RecordRef, SurgerySlot};

/// What officers' diaries are read from, as the records stand in the save's transaction.
pub(super) struct DiaryRecords {
    slots: Vec<SurgerySlot>,
    bookings: Vec<Booking>,
    pub(super) absences: Vec<crate::domain::Absence>,
    pub(super) staff: Vec<crate::domain::Staff>,
    pub(super) rota: Vec<crate::domain::RotaEntry>,
}

impl DiaryRecords {
    /// Surgeries, call-backs booked on `from` or later, absences, staff and the duty rota.
    pub(super) fn read(ctx: &Ctx, from: NaiveDate) -> Result<DiaryRecords, RecordError> {
        Ok(DiaryRecords {
            slots: ctx.tx.slots()?,
            bookings: ctx.tx.bookings_from(from)?,
            absences: ctx.tx.absences()?,
            staff: ctx.tx.staff()?,
            rota: ctx.tx.rota()?,
        })
    }

    pub(super) fn diary<'a>(&'a self, ctx: &'a Ctx) -> Diary<'a> {
        Diary {
            slots: &self.slots,
            bookings: &self.bookings,
            absences: &self.absences,
            staff: &self.staff,
            rota: &self.rota,
            calendar: ctx.rules.calendar,
            today: ctx.rules.today,
            now: ctx.rules.now,
        }
    }
}

/// A call-back booked into an officer's phone surgery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookCallBack {
    pub officer_id: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub child_id: Option<String>,
    pub caller_number: String,
    pub query: String,
}

/// An officer's weekly surgeries: (weekday 1–7, start, minutes) blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetSurgeries {
    pub officer_id: String,
    pub blocks: Vec<(u8, NaiveTime, u32)>,
    /// The officer's version when the form was opened (`None` from the command line).
    pub seen: Option<i64>,
}

impl Casework for BookCallBack {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        if let Some(id) = &self.child_id {
            ctx.child(id)?;
        }
        let officer = ctx.staff_member(&self.officer_id)?;
        let records = DiaryRecords::read(ctx, ctx.rules.today)?;
        let diary = records.diary(ctx);
        diary.validate_booking(&self.officer_id, self.date, self.start, &self.caller_number, &self.query)?;
        let booking = Booking {
            id: 0,
            officer_id: self.officer_id.clone(),
            date: self.date,
            start: self.start,
            child_id: self.child_id.clone(),
            caller_number: self.caller_number.trim().to_string(),
            query: self.query.trim().to_string(),
            booked_by: Some(ctx.actor().to_string()),
            made: None,
            said: String::new(),
        };
        let id = ctx.tx.add_booking(&booking, ctx.actor())?;
        Ok(format!(
            "call-back {id} booked with {} on {} at {}",
            officer.name,
            human(self.date),
            self.start.format("%H:%M")
        ))
    }
}

impl Casework for SetSurgeries {
    fn work(&self) -> Work<'_> {
        Work::Surgeries { officer: &self.officer_id }
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let officer = ctx.staff_member(&self.officer_id)?;
        ctx.unchanged_since(&RecordRef::Staff(officer.id.clone()), self.seen)?;
        let slots = ctx.tx.slots()?;
        let mut current: Vec<(u8, NaiveTime, u32)> =
            slots.iter().filter(|s| s.officer_id == self.officer_id).map(|s| (s.weekday, s.start, s.minutes)).collect();
        current.sort();
        let mut wanted = self.blocks.clone();
        wanted.sort();
        if current == wanted {
            return Err(FieldError { field: "surgeries", message: "nothing has changed".into() }.into());
        }
        let bookings = ctx.tx.bookings_from(ctx.rules.today)?;
        let outside = bookings_outside(&self.officer_id, &self.blocks, &bookings, ctx.rules.today);
        ctx.tx.set_surgeries(&self.officer_id, &self.blocks, ctx.actor())?;
        let slots: Vec<SurgerySlot> = self
            .blocks
            .iter()
            .map(|&(weekday, start, minutes)| SurgerySlot {
                id: 0,
                officer_id: self.officer_id.clone(),
                weekday,
                start,
                minutes,
            })
            .collect();
        let weekly = describe_blocks(&self.officer_id, &slots);
        let mut text = if weekly.is_empty() {
            format!("{} has no phone surgeries now", officer.name)
        } else {
            format!("{}'s surgeries: {weekly}", officer.name)
        };
        if !outside.is_empty() {
            let times: Vec<String> =
                outside.iter().map(|b| format!("{} {}", b.date.format("%a %-d %b"), b.start.format("%H:%M"))).collect();
            text.push_str(&format!(
                "; {} booked call-back(s) still stand outside them: {}",
                outside.len(),
                times.join(", ")
            ));
        }
        Ok(text)
    }
}

/// A booked call-back made on `date`, with what was said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallBackMade {
    pub booking_id: i64,
    pub date: NaiveDate,
    pub said: String,
}

impl Casework for CallBackMade {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let booking = ctx.booking(self.booking_id)?;
        if let Some(made) = booking.made {
            return Err(invalid("booking", format!("call-back {} was made on {}", booking.id, human(made))));
        }
        if self.date > ctx.rules.today {
            return Err(invalid("date", format!("{} is in the future", human(self.date))));
        }
        if self.date < booking.date {
            return Err(invalid(
                "date",
                format!("{} is before the call-back was due ({})", human(self.date), human(booking.date)),
            ));
        }
        ctx.tx.mark_booking_made(&booking, self.date, self.said.trim(), ctx.actor())?;
        Ok(format!("call-back {} of {} made on {}", booking.id, human(booking.date), human(self.date)))
    }
}

/// A booked call-back moved to another day and time in the same officer's surgery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveCallBack {
    pub booking_id: i64,
    pub date: NaiveDate,
    pub start: NaiveTime,
}

impl Casework for MoveCallBack {
    fn work(&self) -> Work<'_> {
        Work::Contacts
    }

    fn record(&self, ctx: &Ctx) -> Result<String, RecordError> {
        let booking = ctx.booking(self.booking_id)?;
        if booking.made.is_some() {
            return Err(invalid("booking", format!("call-back {} has been made: book a new one", booking.id)));
        }
        let records = DiaryRecords::read(ctx, ctx.rules.today)?;
        let diary = records.diary(ctx);
        diary.validate_booking(&booking.officer_id, self.date, self.start, &booking.caller_number, &booking.query)?;
        ctx.tx.reschedule_booking(&booking, self.date, self.start, ctx.actor())?;
        Ok(format!(
            "call-back {} moved from {} {} to {} {}",
            booking.id,
            human(booking.date),
            booking.start.format("%H:%M"),
            human(self.date),
            self.start.format("%H:%M")
        ))
    }
}

//! A booked surgery call-back (`a` on it on the surgery pane): made, with what was said, or moved
//! to another day and time in the same officer's surgery.

use chrono::NaiveTime;

use super::{Form, FormKind, choice, date_field, text_field};
use crate::app::App;
use crate::casework::{CallBackMade, Entry, MoveCallBack};
use crate::domain::casework::FieldError;

static CALL_BACK: FormKind = FormKind { entry, changed, rebuild: None, saved: None };

/// The form for call-back `county.bookings[index]`.
pub(super) fn call_back_form(app: &App, index: usize) -> Form {
    let booking = &app.data.county.bookings[index];
    let child = booking.child_id.as_ref().and_then(|id| app.data.child_index.get(id).copied());
    let who = child.map_or_else(|| "no child named".to_string(), |c| app.data.rows[c].name.clone());
    let mut form = Form::new(
        &CALL_BACK,
        child,
        format!(
            "Call-back · {who} · {} {} with {}",
            booking.date.format("%a %-d %b"),
            booking.start.format("%H:%M"),
            app.data.staff_name(&booking.officer_id)
        ),
        vec![
            choice("action", "Record", vec![("made".into(), "made on".into()), ("move".into(), "moved to".into())]),
            date_field("date", "Date", Some(app.today().max(booking.date))),
            text_field("said", "What was said", ""),
        ],
    );
    form.record_id = Some(booking.id);
    form.info = vec![format!("{} · {}", booking.caller_number, booking.query.replace('\n', " "))];
    form
}

/// "Made" asks what was said; "moved" asks the new time.
fn changed(form: &mut Form, _app: &App, key: &'static str) {
    if key != "action" {
        return;
    }
    let moving = form.value("action") == "move";
    form.fields.retain(|f| f.key != "said" && f.key != "time");
    form.fields.push(if moving {
        text_field("time", "Time (HH:MM)", "")
    } else {
        text_field("said", "What was said", "")
    });
    form.focus = form.focus.min(form.fields.len() - 1);
}

fn entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let booking_id = form.record_id.unwrap_or_default();
    let date = form.required_date("date", app)?;
    if form.value("action") == "move" {
        let text = form.value("time").trim().to_string();
        let start = NaiveTime::parse_from_str(&text, "%H:%M")
            .map_err(|_| FieldError { field: "time", message: format!("\"{text}\" is not a time like 14:15") })?;
        return Ok(Entry::MoveCallBack(MoveCallBack { booking_id, date, start }));
    }
    Ok(Entry::CallBackMade(CallBackMade { booking_id, date, said: form.value("said").to_string() }))
}

//! Surgery forms: booking a call-back at an officer's next free time, and setting an officer's
//! weekly phone surgeries.

use chrono::{NaiveDate, NaiveTime};

use super::{Form, FormKind, Refusal, choice, date_field, selected_child, text_field};
use crate::app::App;
use crate::casework::permissions::Work;
use crate::casework::{BookCallBack, Entry, SetSurgeries};
use crate::domain::casework::FieldError;
use crate::domain::surgery::{describe_blocks, parse_blocks};
use crate::domain::{RecordRef, Role};

static BOOKING: FormKind = FormKind { entry: booking_entry, changed: booking_changed, rebuild: None, saved: None };
static SURGERIES: FormKind =
    FormKind { entry: surgeries_entry, changed: surgeries_changed, rebuild: Some(rebuild_surgeries), saved: None };

/// `b`: book a call-back for the selected child, at their own officer's next free time.
pub fn open_booking(app: &App) -> Result<Form, Refusal> {
    let child = selected_child(app, Work::Contacts)?;
    let county = &app.data.county;
    let mut officers: Vec<&str> = county.slots.iter().map(|s| s.officer_id.as_str()).collect();
    officers.sort();
    officers.dedup();
    if officers.is_empty() {
        return Err(Refusal::Nothing("no officer has phone surgeries set up (press 5, then e, to set yours)".into()));
    }
    // The child's own officer first; while they are away, whoever covers the child, then the
    // team's duty officer, before them.
    let today = app.today();
    let own = county.children[child].officer.as_deref();
    let away = own.and_then(|id| county.away(id, today));
    let cover = away.and_then(|_| app.data.cover_of(child)).map(|c| c.cover_id.as_str());
    let duty = away.and_then(|a| {
        let team = county.staff.iter().find(|s| s.id == a.staff_id).map(|s| s.team.as_str())?;
        county.duty_officer(team, today)
    });
    for first in [own, duty, cover].into_iter().flatten() {
        if let Some(position) = officers.iter().position(|o| *o == first) {
            let first = officers.remove(position);
            officers.insert(0, first);
        }
    }
    let options = officers
        .iter()
        .map(|id| {
            let role = if Some(*id) == cover {
                " · covering".to_string()
            } else if Some(*id) == duty {
                " · on duty".to_string()
            } else {
                county.away(id, today).map_or_else(String::new, |a| format!(" · {} {}", a.kind.label(), a.until()))
            };
            (id.to_string(), format!("{} ({id}){role}", app.data.staff_name(id)))
        })
        .collect();
    let mut form = Form::new(
        &BOOKING,
        Some(child),
        format!("Book a call-back · {}", app.data.rows[child].name),
        vec![
            choice("officer", "Officer", options),
            date_field("date", "Date", None),
            text_field("time", "Time", ""),
            text_field("number", "Number", ""),
            text_field("query", "Query", ""),
        ],
    );
    if let Some(away) = away {
        let name = app.data.staff_name(&away.staff_id);
        let offered = [cover, duty].into_iter().flatten().find(|id| officers.contains(id));
        form.info = vec![match offered {
            Some(id) => format!(
                "{name} is {} {}: {} is offered first",
                away.kind.label(),
                away.until(),
                app.data.staff_name(id)
            ),
            None => format!(
                "{name} is {} {}, and neither the cover nor the duty officer holds phone surgeries: book with \
                 someone who does, or ring the family",
                away.kind.label(),
                away.until()
            ),
        }];
    }
    fill_next_free(&mut form, app);
    Ok(form)
}

fn booking_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let date = form.required_date("date", app)?;
    let text = form.value("time").trim().to_string();
    let start = NaiveTime::parse_from_str(&text, "%H:%M")
        .map_err(|_| FieldError { field: "time", message: format!("\"{text}\" is not a time like 14:15") })?;
    Ok(Entry::Book(BookCallBack {
        officer_id: form.value("officer").to_string(),
        date,
        start,
        child_id: form.child_id.clone(),
        caller_number: form.value("number").to_string(),
        query: form.value("query").to_string(),
    }))
}

fn booking_changed(form: &mut Form, app: &App, key: &'static str) {
    if key == "officer" {
        fill_next_free(form, app);
    }
}

/// The officer's next free call-back in the coming fortnight.
fn next_free(app: &App, officer: &str) -> Option<(NaiveDate, NaiveTime)> {
    let diary = app.data.county.diary(&app.calendar, app.today(), app.now);
    app.today().iter_days().take(14).find_map(|date| diary.free_times(officer, date).first().map(|t| (date, *t)))
}

/// Moves the booking form's date and time to the chosen officer's next free call-back.
fn fill_next_free(form: &mut Form, app: &App) {
    let officer = form.value("officer").to_string();
    let (date, time) = match next_free(app, &officer) {
        Some((d, t)) => {
            form.error = None;
            (d.format("%Y-%m-%d").to_string(), t.format("%H:%M").to_string())
        }
        None => {
            let name = app.data.staff_name(&officer).to_string();
            form.error = Some(FieldError {
                field: "officer",
                message: format!("{name} has no free call-back in 2 weeks; ←→ for another"),
            });
            (String::new(), String::new())
        }
    };
    form.set_text("date", date);
    form.set_text("time", time);
}

/// The weekly surgeries of `officer` (index into `county.staff`); the officer can be changed
/// to anyone whose surgeries the person signed in may set.
pub(super) fn surgeries_form(app: &App, officer: usize) -> Form {
    let staff = &app.data.county.staff;
    let mut officers: Vec<usize> = (0..staff.len())
        .filter(|&i| i == officer || staff[i].role != Role::Admin)
        .filter(|&i| i == officer || app.may(Work::Surgeries { officer: &staff[i].id }, None).is_ok())
        .collect();
    officers.sort_by_key(|&i| (i != officer, staff[i].name.clone()));
    let options =
        officers.iter().map(|&i| (staff[i].id.clone(), format!("{} ({})", staff[i].name, staff[i].id))).collect();
    let mut form = Form::new(
        &SURGERIES,
        None,
        "Weekly phone surgeries (e.g. tue 14:00-15:00, thu 10:00-11:00)".to_string(),
        vec![choice("officer", "Officer", options), text_field("surgeries", "Weekly", "")],
    );
    form.focus = 1;
    // Any of the officers offered may be chosen.
    form.may_change(officers.iter().map(|&i| RecordRef::Staff(staff[i].id.clone())));
    surgeries_changed(&mut form, app, "officer");
    form
}

fn rebuild_surgeries(form: &Form, app: &App) -> Option<Form> {
    let officer = *app.data.staff_index.get(form.value("officer"))?;
    Some(surgeries_form(app, officer))
}

fn surgeries_entry(form: &Form, _app: &App) -> Result<Entry, FieldError> {
    let blocks = parse_blocks(form.value("surgeries")).map_err(|message| FieldError { field: "surgeries", message })?;
    let officer_id = form.value("officer").to_string();
    let seen = form.seen(&RecordRef::Staff(officer_id.clone()));
    Ok(Entry::Surgeries(SetSurgeries { officer_id, blocks, seen }))
}

/// Shows the chosen officer's current surgeries, ready to edit.
fn surgeries_changed(form: &mut Form, app: &App, key: &'static str) {
    if key == "officer" {
        let text = describe_blocks(form.value("officer"), &app.data.county.slots);
        form.set_text("surgeries", text);
    }
}

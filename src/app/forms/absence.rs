//! Absences and the duty rota: `A` records an absence (or, on an absent officer's heading on the
//! duty pane, ends it), `R` sets who is on duty for a team on a day or every such weekday.

use super::{Form, FormKind, Refusal, choice, choice_at, date_field, text_field};
use crate::app::App;
use crate::casework::permissions::{self, Work};
use crate::casework::{EndAbsence, Entry, RecordAbsence, RotaDay, SetRota, weekday_name};
use crate::domain::casework::FieldError;
use crate::domain::{AbsenceKind, RecordRef, Role, Staff};

static RECORD: FormKind = FormKind { entry: record_entry, changed: super::nothing_follows, rebuild: None, saved: None };
static END: FormKind = FormKind { entry: end_entry, changed: super::nothing_follows, rebuild: None, saved: None };
static ROTA: FormKind = FormKind { entry: rota_entry, changed: rota_changed, rebuild: None, saved: None };

const KINDS: [(AbsenceKind, &str); 4] = [
    (AbsenceKind::Leave, "leave"),
    (AbsenceKind::Sickness, "sickness"),
    (AbsenceKind::Training, "training"),
    (AbsenceKind::Other, "other"),
];

/// `A`: record an absence; on an absent officer's duty heading, the form's first choice also
/// offers to end theirs.
pub fn open(app: &App) -> Result<Form, Refusal> {
    let me = app.me.map(|i| &app.data.county.staff[i]).ok_or_else(|| Refusal::NotAllowed("sign in first".into()))?;
    let selected = app.target().absence.and_then(|a| app.data.county.absences.get(a));
    let end = selected.map(|absence| end_form(app, me, absence));
    let record = record_form(app, me, selected.map(|a| a.staff_id.as_str()));
    let (mut record, end) = match (record, end) {
        (Ok(record), Some(Ok(end))) => (record, end),
        (_, Some(Ok(end))) => return Ok(end),
        (record, _) => return record,
    };
    let name = end.title.split(" is ").next().unwrap_or_default().to_string();
    let options =
        vec![("new".to_string(), "a new absence".to_string()), ("end".to_string(), format!("end {name}'s absence"))];
    let mut end = end;
    for (index, form) in [&mut record, &mut end].into_iter().enumerate() {
        form.fields.insert(
            0,
            super::Field {
                key: "record",
                label: "Record",
                kind: super::FieldKind::Choice { options: options.clone(), index },
            },
        );
    }
    record.alternates = vec![end];
    Ok(record)
}

/// A new absence: for themself, their team (seniors) or anyone (managers).
fn record_form(app: &App, me: &Staff, selected: Option<&str>) -> Result<Form, Refusal> {
    // Who they may record for: themself (planned leave, training), their team (seniors), anyone
    // (managers). The officer whose caseload shows comes first, then the person signed in.
    let first = match &app.scope {
        _ if selected.is_some() => selected.unwrap_or_default(),
        crate::app::Scope::Officer(id) => id.as_str(),
        _ if me.role == Role::Officer => me.id.as_str(),
        _ => "",
    };
    let mut people: Vec<&Staff> = app
        .data
        .county
        .staff
        .iter()
        .filter(|s| s.role != Role::Admin)
        .filter(|s| permissions::check(me, Work::Absence { officer: s, planned: true }, None).is_ok())
        .collect();
    if people.is_empty() {
        return Err(Refusal::NotAllowed(
            "business support hold no caseload: absences are recorded by staff who do".into(),
        ));
    }
    // Officers first (theirs is the work to cover), then seniors, then managers.
    let rank = |role: Role| match role {
        Role::Officer => 0,
        Role::Senior => 1,
        _ => 2,
    };
    people.sort_by_key(|s| (s.id != first, s.team != me.team, rank(s.role), s.team.as_str(), s.name.as_str()));
    let today = app.today();
    let options = people
        .iter()
        .map(|s| {
            let away = app
                .data
                .county
                .away(&s.id, today)
                .map_or_else(String::new, |a| format!(" · {} {}", a.kind.label(), a.until()));
            (s.id.clone(), format!("{} · {}{away}", s.name, s.team))
        })
        .collect();
    // Officers record their own planned leave; seniors and managers most often sickness.
    let kind = if me.role == Role::Officer { "leave" } else { "sickness" };
    Ok(Form::new(
        &RECORD,
        None,
        "Record an absence".into(),
        vec![
            choice("officer", "Who", options),
            choice_at("kind", "Kind", KINDS.iter().map(|(_, k)| (k.to_string(), k.to_string())).collect(), kind),
            date_field("from", "From", Some(today)),
            date_field("to", "Last day", None),
            text_field("note", "Note", ""),
        ],
    ))
    .map(|mut form| {
        form.info = vec!["Leave the last day empty when it is not known; end the absence when they are back.".into()];
        form
    })
}

fn record_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let staff_id = form.value("officer").to_string();
    if staff_id.is_empty() {
        return Err(FieldError { field: "officer", message: "choose who is away".into() });
    }
    let kind = KINDS.iter().find(|(_, k)| *k == form.value("kind")).map_or(AbsenceKind::Other, |(kind, _)| *kind);
    Ok(Entry::Absence(RecordAbsence {
        staff_id,
        kind,
        from: form.required_date("from", app)?,
        to: form.date("to", false)?,
        note: form.value("note").to_string(),
    }))
}

/// Ends an absence on the day they are back (a day before it began cancels it).
fn end_form(app: &App, me: &Staff, absence: &crate::domain::Absence) -> Result<Form, Refusal> {
    let county = &app.data.county;
    let officer = county
        .staff
        .iter()
        .find(|s| s.id == absence.staff_id)
        .ok_or_else(|| Refusal::Nothing("no such officer".into()))?;
    permissions::check(me, Work::Absence { officer, planned: absence.kind.planned() }, None)
        .map_err(Refusal::NotAllowed)?;
    let back = if absence.from > app.today() { absence.from } else { app.today() };
    let mut form = Form::new(
        &END,
        None,
        format!(
            "{} is {} from {} {}",
            officer.name,
            absence.kind.label(),
            absence.from.format("%a %-d %b"),
            absence.until()
        ),
        vec![date_field("back", "Back on", Some(back))],
    );
    form.record_id = Some(absence.id);
    form.may_change([RecordRef::Absence(absence.id)]);
    form.info = vec![
        "The day they are back at work; the day it began cancels an absence not yet begun.".into(),
        "Cover given for the absence ends with it; the officer reads what was done when back.".into(),
    ];
    Ok(form)
}

fn end_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let absence_id = form.record_id.unwrap_or_default();
    Ok(Entry::EndAbsence(EndAbsence {
        absence_id,
        back: form.required_date("back", app)?,
        seen: form.seen(&RecordRef::Absence(absence_id)),
    }))
}

/// `R`: who is duty officer for a team on one date, or every such weekday.
pub fn open_rota(app: &App) -> Result<Form, Refusal> {
    let me = app.me.map(|i| &app.data.county.staff[i]).ok_or_else(|| Refusal::NotAllowed("sign in first".into()))?;
    let county = &app.data.county;
    let mut teams: Vec<&str> = county
        .staff
        .iter()
        .map(|s| s.team.as_str())
        .filter(|team| permissions::check(me, Work::Cover { team }, None).is_ok())
        .collect();
    teams.sort_unstable();
    teams.dedup();
    if teams.is_empty() {
        return Err(Refusal::NotAllowed(
            permissions::check(me, Work::Cover { team: &me.team }, None).err().unwrap_or_default(),
        ));
    }
    // The team of the absent officer selected on the duty pane, else the person's own.
    let selected_team = app
        .target()
        .absence
        .and_then(|a| county.absences.get(a))
        .and_then(|a| county.staff.iter().find(|s| s.id == a.staff_id))
        .map_or(me.team.as_str(), |s| s.team.as_str());
    let team = if teams.contains(&selected_team) { selected_team } else { teams[0] };
    let mut days = vec![("date".to_string(), "on the date below".to_string())];
    days.extend((1..=5).map(|n| (n.to_string(), format!("every {}", weekday_name(n)))));
    let mut form = Form::new(
        &ROTA,
        None,
        "Duty rota".into(),
        vec![
            choice_at("team", "Team", teams.iter().map(|t| (t.to_string(), t.to_string())).collect(), team),
            choice("day", "When", days),
            date_field("date", "Date", Some(app.panes.duty.day.unwrap_or(app.today()))),
            choice("officer", "On duty", duty_people(app, team)),
        ],
    );
    rota_info(&mut form, app);
    Ok(form)
}

/// The officers and seniors of `team`, and "the weekly pattern or the senior" to clear a line.
fn duty_people(app: &App, team: &str) -> Vec<(String, String)> {
    let today = app.today();
    let mut people: Vec<&Staff> = app
        .data
        .county
        .staff
        .iter()
        .filter(|s| s.team == team && matches!(s.role, Role::Officer | Role::Senior))
        .collect();
    people.sort_by_key(|s| (s.role != Role::Senior, s.name.as_str()));
    let mut options: Vec<(String, String)> = people
        .iter()
        .map(|s| {
            let role = if s.role == Role::Senior { " · senior" } else { "" };
            let away = app
                .data
                .county
                .away(&s.id, today)
                .map_or_else(String::new, |a| format!(" · {} {}", a.kind.label(), a.until()));
            (s.id.clone(), format!("{}{role}{away}", s.name))
        })
        .collect();
    options.push((String::new(), "nobody named (the weekly pattern, else the senior)".into()));
    options
}

/// Who is on duty now for the team chosen, under the fields.
fn rota_info(form: &mut Form, app: &App) {
    let team = form.value("team").to_string();
    let county = &app.data.county;
    let mut info = Vec::new();
    let mut day = app.calendar.next_working_day_on_or_after(app.today());
    for _ in 0..5 {
        let who = county.duty_officer(&team, day).map_or("nobody (no senior on hand)", |id| app.data.staff_name(id));
        info.push(format!("{}: {who}", day.format("%a %-d %b")));
        day = app.calendar.add_working_days(day, 1);
    }
    form.info = info;
}

fn rota_changed(form: &mut Form, app: &App, key: &'static str) {
    if key == "team" {
        let team = form.value("team").to_string();
        if let Some(field) = form.fields.iter_mut().find(|f| f.key == "officer") {
            *field = choice("officer", "On duty", duty_people(app, &team));
        }
        rota_info(form, app);
    }
}

fn rota_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let day = match form.value("day").parse::<u32>() {
        Ok(n) => RotaDay::Weekday(n),
        Err(_) => RotaDay::Date(form.required_date("date", app)?),
    };
    let officer = form.value("officer");
    Ok(Entry::Rota(SetRota {
        team: form.value("team").to_string(),
        day,
        staff_id: (!officer.is_empty()).then(|| officer.to_string()),
    }))
}

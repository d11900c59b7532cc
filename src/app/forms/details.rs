//! The details form: setting, postcode, primary need, band, and the year group a child is
//! taught in (only years within two of their age group are offered).

use super::{Form, FormKind, Refusal, choice_at, nothing_follows, selected_child, text_field};
use crate::app::App;
use crate::casework::permissions::Work;
use crate::casework::{EditDetails, Entry};
use crate::domain::casework::{Change, DetailsEntry, FieldError};
use crate::domain::year_group::{academic_year_start, year_group_in, year_group_label};
use crate::domain::{Need, RecordRef};

static DETAILS: FormKind = FormKind { entry, changed: nothing_follows, rebuild: Some(rebuild), saved: None };

/// `e`: edit the selected child's details.
pub fn open(app: &App) -> Result<Form, Refusal> {
    let child = selected_child(app, Work::Casework)?;
    Ok(build(app, child))
}

fn rebuild(form: &Form, app: &App) -> Option<Form> {
    let child = *app.data.child_index.get(form.child_id.as_deref()?)?;
    Some(build(app, child))
}

/// The form for `county.children[child]`, showing their details as they are.
fn build(app: &App, child: usize) -> Form {
    let c = &app.data.county.children[child];
    let mut needs = vec![(String::new(), "not recorded".to_string())];
    needs.extend(Need::ALL.iter().map(|n| (n.as_str().to_string(), n.as_str().to_string())));
    let mut bands = vec![(String::new(), "none".to_string())];
    let table = &app.config.rules.bands;
    bands.extend((1..=table.count()).map(|b| (b.to_string(), table.label(b))));
    // Only the years a child may be taught in: up to two either side of their age group.
    let expected = year_group_in(c.date_of_birth, academic_year_start(app.today()));
    let mut years = vec![(String::new(), format!("as for their age ({})", year_group_label(expected)))];
    years.extend(
        (-1..=14)
            .filter(|y| (y - expected).abs() <= 2 || Some(*y) == c.year_group_override)
            .filter(|y| *y != expected || Some(*y) == c.year_group_override)
            .map(|y| {
                let by = y - expected;
                let side = if by < 0 { "behind" } else { "ahead" };
                (y.to_string(), format!("{} ({} {side})", year_group_label(y), by.abs()))
            }),
    );
    let mut form = Form::new(
        &DETAILS,
        Some(child),
        format!("Edit details · {}", app.data.rows[child].name),
        vec![
            text_field("setting", "Setting", c.setting.clone().unwrap_or_default()),
            text_field("postcode", "Postcode", c.postcode.clone().unwrap_or_default()),
            choice_at("need", "Need", needs, c.primary_need.map_or("", |n| n.as_str())),
            choice_at("band", "Band", bands, &c.band.map(|b| b.to_string()).unwrap_or_default()),
            choice_at("year group", "Year", years, &c.year_group_override.map(|y| y.to_string()).unwrap_or_default()),
        ],
    );
    form.may_change([RecordRef::Child(c.id.clone())]);
    form
}

/// Only the fields changed in the form: a colleague's change to another field stays.
fn entry(form: &Form, _app: &App) -> Result<Entry, FieldError> {
    let child_id = form.child_id.clone().unwrap_or_default();
    let change = |key, value| if form.changed(key) { Change::Set(value) } else { Change::Keep };
    let text = |key| Some(form.value(key).trim().to_string()).filter(|t| !t.is_empty());
    let details = DetailsEntry {
        setting: change("setting", text("setting")),
        postcode: change("postcode", text("postcode")),
        primary_need: if form.changed("need") { Change::Set(Need::parse(form.value("need"))) } else { Change::Keep },
        band: if form.changed("band") { Change::Set(form.value("band").parse::<u8>().ok()) } else { Change::Keep },
        year_group_override: if form.changed("year group") {
            Change::Set(form.value("year group").parse::<i32>().ok())
        } else {
            Change::Keep
        },
    };
    Ok(Entry::Details(EditDetails { seen: form.seen(&RecordRef::Child(child_id.clone())), child_id, details }))
}

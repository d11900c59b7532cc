//! The dispute form: update one of the child's open disputes (a mediation's meeting and close;
//! an appeal's hearing, the LA's response and the tribunal's order), or register a new one.
//! With more than one possible, the first field switches between them.

use super::{
    Field, FieldKind, Form, FormKind, Refusal, choice, choice_at, date_field, nothing_follows, selected_child,
    text_field, words,
};
use crate::app::App;
use crate::casework::permissions::Work;
use crate::casework::{Entry, RegisterDispute, UpdateDispute};
use crate::domain::casework::{Change, DisputeChange, FieldError};
use crate::domain::{DisputeKind, OrderKind, RecordRef};

static REGISTER: FormKind = FormKind { entry: register_entry, changed: nothing_follows, rebuild: None, saved: None };
static UPDATE: FormKind =
    FormKind { entry: update_entry, changed: nothing_follows, rebuild: Some(rebuild_update), saved: None };

/// `d`: the selected child's mediation or appeal.
pub fn open(app: &App) -> Result<Form, Refusal> {
    let child = selected_child(app, Work::Casework)?;
    let county = &app.data.county;
    let id = &county.children[child].id;
    let name = &app.data.rows[child].name;
    let mut open: Vec<usize> = (0..county.disputes.len())
        .filter(|&i| &county.disputes[i].child_id == id && county.disputes[i].closed.is_none())
        .collect();
    // Appeals first: they carry the tribunal's deadlines.
    open.sort_by_key(|&i| (county.disputes[i].kind != DisputeKind::Appeal, county.disputes[i].registered));
    let free_kinds: Vec<&str> = ["appeal", "mediation"]
        .into_iter()
        .filter(|k| !open.iter().any(|&i| county.disputes[i].kind.as_str() == *k))
        .collect();
    let mut forms: Vec<Form> = open.iter().map(|&i| update_form(app, child, i)).collect();
    if !free_kinds.is_empty() {
        forms.push(Form::new(
            &REGISTER,
            Some(child),
            format!("Register a dispute · {name}"),
            vec![
                choice("kind", "Kind", words(&free_kinds)),
                date_field("date", "Date", Some(app.today())),
                text_field("detail", "About", ""),
            ],
        ));
    }
    if forms.len() == 1 {
        return Ok(forms.remove(0));
    }
    let mut options: Vec<(String, String)> = open
        .iter()
        .map(|&i| {
            let d = &county.disputes[i];
            (i.to_string(), format!("the {} of {}", d.kind, d.registered.format("%-d %b %Y")))
        })
        .collect();
    if !free_kinds.is_empty() {
        options.push(("new".into(), format!("register {}", free_kinds.join(" or "))));
    }
    for (index, form) in forms.iter_mut().enumerate() {
        form.fields.insert(
            0,
            Field { key: "record", label: "Record", kind: FieldKind::Choice { options: options.clone(), index } },
        );
    }
    let mut first = forms.remove(0);
    first.alternates = forms;
    Ok(first)
}

fn register_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    Ok(Entry::NewDispute(RegisterDispute {
        child_id: form.child_id.clone().unwrap_or_default(),
        kind: DisputeKind::parse(form.value("kind")).unwrap_or(DisputeKind::Appeal),
        date: form.required_date("date", app)?,
        detail: form.value("detail").to_string(),
    }))
}

/// The form for updating the open dispute `county.disputes[index]`.
fn update_form(app: &App, child: usize, index: usize) -> Form {
    let d = &app.data.county.disputes[index];
    let name = &app.data.rows[child].name;
    let began = match d.kind {
        DisputeKind::Mediation => "Mediation requested",
        DisputeKind::Appeal => "Appeal registered",
    };
    let title = format!("{began} {} · {name}", d.registered.format("%-d %b %Y"));
    let fields = match d.kind {
        DisputeKind::Mediation => {
            vec![date_field("hearing", "Meeting", d.hearing), date_field("closed", "Closed", d.closed)]
        }
        DisputeKind::Appeal => {
            let mut orders = vec![(String::new(), "none".to_string())];
            orders.extend(words(&["amend", "setting", "make_plan", "assess"]));
            vec![
                date_field("hearing", "Hearing", d.hearing),
                date_field("responded", "Response", d.responded),
                choice_at("order", "Order", orders, d.order_kind.map_or("", |k| k.as_str())),
                date_field("order date", "Ordered", d.order_date),
                date_field("complied", "Complied", d.complied),
                date_field("closed", "Closed", d.closed),
            ]
        }
    };
    let mut form = Form::new(&UPDATE, Some(child), title, fields);
    form.record_id = Some(d.id);
    form.may_change([RecordRef::Dispute(d.id)]);
    form
}

fn rebuild_update(form: &Form, app: &App) -> Option<Form> {
    let id = form.record_id?;
    let index = app.data.county.disputes.iter().position(|d| d.id == id)?;
    let child = *app.data.child_index.get(&app.data.county.disputes[index].child_id)?;
    let mut fresh = update_form(app, child, index);
    // Keep the switch between this dispute and the others as it is.
    if let Some(record) = form.fields.iter().find(|f| f.key == "record") {
        fresh.fields.insert(0, record.clone());
    }
    Some(fresh)
}

/// Only the fields changed in the form.
fn update_entry(form: &Form, _app: &App) -> Result<Entry, FieldError> {
    let gone = || FieldError { field: "dispute", message: "this dispute is no longer on file".into() };
    let id = form.record_id.ok_or_else(gone)?;
    let date = |key: &'static str| -> Result<Change<Option<chrono::NaiveDate>>, FieldError> {
        Ok(if form.changed(key) { Change::Set(form.date(key, false)?) } else { Change::Keep })
    };
    let change = DisputeChange {
        hearing: date("hearing")?,
        responded: date("responded")?,
        order_kind: if form.changed("order") {
            Change::Set(OrderKind::parse(form.value("order")))
        } else {
            Change::Keep
        },
        order_date: date("order date")?,
        complied: date("complied")?,
        closed: date("closed")?,
    };
    Ok(Entry::Dispute(UpdateDispute { dispute_id: id, change, seen: form.seen(&RecordRef::Dispute(id)) }))
}

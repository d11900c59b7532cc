//! The form for each entry, filled in from the records it is about.

use chrono::NaiveDate;

use super::App;
use super::form::{Field, FieldKind, Form, FormPurpose, words};
use crate::domain::casework::{ContactEntry, FieldError, steps_for_stage};
use crate::domain::year_group::year_group_label;
use crate::domain::{DisputeKind, Need, PanelOutcome, PanelQuestion};

fn choice(key: &'static str, label: &'static str, options: Vec<(String, String)>) -> Field {
    Field { key, label, kind: FieldKind::Choice { options, index: 0 } }
}

fn date_field(key: &'static str, label: &'static str, value: Option<NaiveDate>) -> Field {
    Field { key, label, kind: FieldKind::Date(value.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()) }
}

pub fn contact_form(app: &App, child: usize) -> Form {
    let options = ContactEntry::ALL.iter().map(|e| (e.as_str().to_string(), e.label().to_string())).collect();
    Form::new(
        FormPurpose::Contact,
        Some(child),
        format!("Record a contact · {}", app.data.rows[child].name),
        vec![
            choice("kind", "Kind", options),
            date_field("date", "Date", Some(app.today())),
            Field { key: "summary", label: "Summary", kind: FieldKind::Text(String::new()) },
        ],
    )
}

pub fn step_form(app: &App, child: usize) -> Form {
    let stage = app.data.county.children[child].stage;
    let steps = steps_for_stage(stage).iter().map(|k| (k.as_str().to_string(), k.as_str().replace('_', " "))).collect();
    let mut form = Form::new(
        FormPurpose::Step,
        Some(child),
        format!("Record a statutory step · {} ({stage})", app.data.rows[child].name),
        vec![
            choice("step", "Step", steps),
            date_field("date", "Date", Some(app.today())),
            Field { key: "detail", label: "Detail", kind: FieldKind::Text(String::new()) },
        ],
    );
    form.refresh_step_fields();
    form
}

/// The form for answering one of the child's open contacts; `None` if there are none.
pub fn answer_form(app: &App, child: usize) -> Option<Form> {
    let id = &app.data.county.children[child].id;
    let open: Vec<(String, String)> = app
        .data
        .county
        .contacts
        .iter()
        .filter(|c| &c.child_id == id && c.answered.is_none())
        .map(|c| {
            let what = c.kind.noun();
            (c.id.to_string(), format!("{what} {} · {}", c.received.format("%-d %b"), c.summary.replace('\n', " ")))
        })
        .collect();
    if open.is_empty() {
        return None;
    }
    Some(Form::new(
        FormPurpose::Answer,
        Some(child),
        format!("Answer a contact · {}", app.data.rows[child].name),
        vec![
            choice("contact", "Contact", open),
            choice(
                "action",
                "Action",
                vec![
                    ("answer".into(), "answered on".into()),
                    ("promise".into(), "family told to expect an answer by".into()),
                ],
            ),
            date_field("date", "Date", Some(app.today())),
        ],
    ))
}

impl Form {
    /// Answering: today. Promising: the first working day after the answer is now due (or
    /// tomorrow's, if that has passed), a date the family can be given that moves things on.
    pub fn fill_answer_date(&mut self, app: &App) {
        let today = app.today();
        let date = match self.value("action") {
            "promise" => {
                let id = self.value("contact").parse::<i64>().ok();
                let due = app
                    .data
                    .county
                    .contacts
                    .iter()
                    .find(|c| Some(c.id) == id)
                    .map(|c| crate::domain::milestones::contact_due(c, &app.calendar, &app.config.rules));
                app.calendar.add_working_days(due.map_or(today, |due| due.max(today)), 1)
            }
            _ => today,
        };
        if let Some(Field { kind: FieldKind::Date(text), .. }) = self.fields.iter_mut().find(|f| f.key == "date") {
            *text = date.format("%Y-%m-%d").to_string();
        }
    }
}

/// The next panel: weekly on Thursdays, today if it is one.
fn next_panel_day(today: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    today.iter_days().find(|d| d.weekday() == chrono::Weekday::Thu).unwrap_or(today)
}

pub fn submit_form(app: &App, child: usize) -> Form {
    let stage = app.data.county.children[child].stage;
    let questions = crate::domain::casework::panel_questions_for(stage);
    let options = questions
        .iter()
        .map(|q| {
            let label = match q {
                PanelQuestion::Assess => "assess?",
                PanelQuestion::IssuePlan => "issue a plan?",
                PanelQuestion::Amend => "amend the plan?",
                PanelQuestion::Placement => "placement?",
                PanelQuestion::Band => "band (top-up)?",
            };
            (q.as_str().to_string(), label.to_string())
        })
        .collect();
    Form::new(
        FormPurpose::Submit,
        Some(child),
        format!("Submit to panel · {}", app.data.rows[child].name),
        vec![
            date_field("panel date", "Panel", Some(next_panel_day(app.today()))),
            choice("question", "Question", options),
            Field { key: "papers", label: "Papers", kind: FieldKind::Text(String::new()) },
        ],
    )
}

pub fn panel_decision_form(app: &App, index: usize) -> Form {
    let panel = &app.data.county.panels[index];
    let child = app.data.child_index.get(&panel.child_id).copied().unwrap_or(0);
    let mut outcomes: Vec<(String, String)> =
        PanelOutcome::ALL.iter().map(|o| (o.as_str().to_string(), o.as_str().to_string())).collect();
    if let Some(current) = panel.outcome {
        outcomes.retain(|(v, _)| v != current.as_str());
        outcomes.insert(0, (current.as_str().to_string(), format!("{current} (recorded)")));
    }
    Form::new(
        FormPurpose::PanelDecision(panel.id),
        Some(child),
        format!("Panel decision · {} · {}", app.data.rows[child].name, panel.panel_date.format("%-d %b %Y")),
        vec![
            choice("outcome", "Outcome", outcomes),
            Field { key: "needs", label: "Needs", kind: FieldKind::Text(panel.info_needed.clone()) },
            date_field("sent", "Sent", panel.decision_sent),
            choice_at("how", "How", words(&["email", "letter", "phone", "meeting"]), &panel.sent_how),
        ],
    )
}

/// A choice with `current` selected (the first option when it is not among them).
fn choice_at(key: &'static str, label: &'static str, options: Vec<(String, String)>, current: &str) -> Field {
    let index = options.iter().position(|(v, _)| v == current).unwrap_or(0);
    Field { key, label, kind: FieldKind::Choice { options, index } }
}

pub fn details_form(app: &App, child: usize) -> Form {
    let c = &app.data.county.children[child];
    let mut needs = vec![(String::new(), "not recorded".to_string())];
    needs.extend(Need::ALL.iter().map(|n| (n.as_str().to_string(), n.as_str().to_string())));
    let mut bands = vec![(String::new(), "none".to_string())];
    let table = &app.config.rules.bands;
    bands.extend((1..=table.count()).map(|b| (b.to_string(), table.label(b))));
    // Only the years a child may be taught in: up to two either side of their age group.
    let expected = crate::domain::year_group::year_group_in(
        c.date_of_birth,
        crate::domain::year_group::academic_year_start(app.today()),
    );
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
    Form::new(
        FormPurpose::Details,
        Some(child),
        format!("Edit details · {}", app.data.rows[child].name),
        vec![
            Field { key: "setting", label: "Setting", kind: FieldKind::Text(c.setting.clone().unwrap_or_default()) },
            Field { key: "postcode", label: "Postcode", kind: FieldKind::Text(c.postcode.clone().unwrap_or_default()) },
            choice_at("need", "Need", needs, c.primary_need.map_or("", |n| n.as_str())),
            choice_at("band", "Band", bands, &c.band.map(|b| b.to_string()).unwrap_or_default()),
            choice_at("year group", "Year", years, &c.year_group_override.map(|y| y.to_string()).unwrap_or_default()),
        ],
    )
}

/// The officer's next free call-back in the coming fortnight.
fn next_free(app: &App, officer: &str) -> Option<(NaiveDate, chrono::NaiveTime)> {
    let diary = app.data.county.diary(&app.calendar, app.today(), app.now);
    app.today().iter_days().take(14).find_map(|date| diary.free_times(officer, date).first().map(|t| (date, *t)))
}

impl Form {
    /// Moves the booking form's date and time to the chosen officer's next free call-back.
    pub fn fill_next_free(&mut self, app: &App) {
        let officer = self.value("officer").to_string();
        let (date, time) = match next_free(app, &officer) {
            Some((d, t)) => {
                self.error = None;
                (d.format("%Y-%m-%d").to_string(), t.format("%H:%M").to_string())
            }
            None => {
                let name = app.data.staff_name(&officer).to_string();
                self.error = Some(FieldError {
                    field: "officer",
                    message: format!("{name} has no free call-back in 2 weeks; ←→ for another"),
                });
                (String::new(), String::new())
            }
        };
        for field in &mut self.fields {
            match (field.key, &mut field.kind) {
                ("date", FieldKind::Date(text)) => *text = date.clone(),
                ("time", FieldKind::Text(text)) => *text = time.clone(),
                _ => {}
            }
        }
    }
}

pub fn booking_form(app: &App, child: usize) -> Option<Form> {
    let county = &app.data.county;
    let mut officers: Vec<&str> = county.slots.iter().map(|s| s.officer_id.as_str()).collect();
    officers.sort();
    officers.dedup();
    if officers.is_empty() {
        return None;
    }
    // The child's own officer first.
    if let Some(own) = county.children[child].officer.as_deref()
        && let Some(position) = officers.iter().position(|o| *o == own)
    {
        let own = officers.remove(position);
        officers.insert(0, own);
    }
    let options = officers.iter().map(|id| (id.to_string(), format!("{} ({id})", app.data.staff_name(id)))).collect();
    let mut form = Form::new(
        FormPurpose::Book,
        Some(child),
        format!("Book a call-back · {}", app.data.rows[child].name),
        vec![
            choice("officer", "Officer", options),
            date_field("date", "Date", None),
            Field { key: "time", label: "Time", kind: FieldKind::Text(String::new()) },
            Field { key: "number", label: "Number", kind: FieldKind::Text(String::new()) },
            Field { key: "query", label: "Query", kind: FieldKind::Text(String::new()) },
        ],
    );
    form.fill_next_free(app);
    Some(form)
}

/// The dispute form: update one of the child's open disputes, or register a new one. With
/// more than one possible, the first field switches between them (an open mediation and a
/// new appeal, say).
pub fn dispute_form(app: &App, child: usize) -> Form {
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
    let mut forms: Vec<Form> = open.iter().map(|&i| dispute_update_form(app, child, i)).collect();
    if !free_kinds.is_empty() {
        forms.push(Form::new(
            FormPurpose::NewDispute,
            Some(child),
            format!("Register a dispute · {name}"),
            vec![
                choice("kind", "Kind", words(&free_kinds)),
                date_field("date", "Date", Some(app.today())),
                Field { key: "detail", label: "About", kind: FieldKind::Text(String::new()) },
            ],
        ));
    }
    if forms.len() == 1 {
        return forms.remove(0);
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
    first
}

/// The form for updating the open dispute `county.disputes[index]`: a mediation has its
/// meeting and close; an appeal its hearing, the LA's response and the tribunal's order.
fn dispute_update_form(app: &App, child: usize, index: usize) -> Form {
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
    Form::new(FormPurpose::Dispute(d.id), Some(child), title, fields)
}

/// The weekly surgeries of `officer` (index into `county.staff`); the officer can be changed
/// to anyone whose surgeries the person signed in may set.
pub fn surgeries_form(app: &App, officer: usize) -> Form {
    let staff = &app.data.county.staff;
    let mut officers: Vec<usize> = (0..staff.len())
        .filter(|&i| i == officer || staff[i].role != crate::domain::Role::Admin)
        .filter(|&i| {
            i == officer || app.may(crate::casework::permissions::Work::Surgeries { officer: &staff[i].id }).is_ok()
        })
        .collect();
    officers.sort_by_key(|&i| (i != officer, staff[i].name.clone()));
    let options =
        officers.iter().map(|&i| (staff[i].id.clone(), format!("{} ({})", staff[i].name, staff[i].id))).collect();
    let mut form = Form::new(
        FormPurpose::Surgeries,
        None,
        "Weekly phone surgeries (e.g. tue 14:00-15:00, thu 10:00-11:00)".to_string(),
        vec![
            choice("officer", "Officer", options),
            Field { key: "surgeries", label: "Weekly", kind: FieldKind::Text(String::new()) },
        ],
    );
    form.focus = 1;
    form.fill_surgeries(app);
    form
}

impl Form {
    /// Shows the chosen officer's current surgeries, ready to edit.
    pub fn fill_surgeries(&mut self, app: &App) {
        let text = crate::domain::surgery::describe_blocks(self.value("officer"), &app.data.county.slots);
        if let Some(Field { kind: FieldKind::Text(current), .. }) =
            self.fields.iter_mut().find(|f| f.key == "surgeries")
        {
            *current = text;
        }
    }
}

/// A form a pane opens instead of the action's usual one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormRequest {
    /// The decision of panel case `county.panels[i]`.
    PanelDecision(usize),
    /// The weekly surgeries of this officer (index into `county.staff`), or of whoever is signed in.
    Surgeries(Option<usize>),
}

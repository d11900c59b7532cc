//! Entry forms: a few fields, keyboard only, validated on Enter with the error shown beside
//! its field. Nothing is saved until the whole entry is valid.

use chrono::NaiveDate;

use super::App;
use super::casework::Entry;
use crate::domain::casework::{ContactEntry, DetailsEntry, FieldError, StepEntry, detail_choices, steps_for_stage};
use crate::domain::year_group::year_group_label;
use crate::domain::{ContactKind, Need, PanelOutcome, PanelQuestion, StepKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// (value, label) pairs and the chosen index.
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    Text(String),
    /// YYYY-MM-DD as typed; empty when optional and not given.
    Date(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The name errors use ("date", "summary"…).
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    Contact,
    Step,
    Answer,
    /// Edit the child's details.
    Details,
    /// Book a call-back into a phone surgery.
    Book,
    /// Register a mediation or appeal.
    NewDispute,
    /// Update the dispute `county.disputes[index]`.
    Dispute(usize),
    /// Put the child to a panel.
    Submit,
    /// Record the decision of the panel case `county.panels[index]`.
    PanelDecision(usize),
}

#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: FormPurpose,
    /// The child it is about (index into `county.children`).
    pub child: usize,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<FieldError>,
    /// The officer changed: the booking form's date and time should move to their next free call-back.
    pub wants_next_free: bool,
    /// A destructive entry waiting for a second Enter; any edit withdraws it.
    pub confirm: Option<String>,
}

fn choice(key: &'static str, label: &'static str, options: Vec<(String, String)>) -> Field {
    Field { key, label, kind: FieldKind::Choice { options, index: 0 } }
}

fn date_field(key: &'static str, label: &'static str, value: Option<NaiveDate>) -> Field {
    Field { key, label, kind: FieldKind::Date(value.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()) }
}

fn words(values: &[&str]) -> Vec<(String, String)> {
    values.iter().map(|v| (v.to_string(), v.replace('_', " "))).collect()
}

impl Form {
    fn value(&self, key: &str) -> &str {
        match self.fields.iter().find(|f| f.key == key).map(|f| &f.kind) {
            Some(FieldKind::Choice { options, index }) => options.get(*index).map_or("", |(v, _)| v.as_str()),
            Some(FieldKind::Text(text) | FieldKind::Date(text)) => text.as_str(),
            None => "",
        }
    }

    fn date(&self, key: &'static str, required: bool) -> Result<Option<NaiveDate>, FieldError> {
        let text = self.value(key).trim();
        if text.is_empty() {
            return if required {
                Err(FieldError { field: key, message: "a date is needed (YYYY-MM-DD)".into() })
            } else {
                Ok(None)
            };
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| FieldError { field: key, message: format!("\"{text}\" is not a date (YYYY-MM-DD)") })
    }

    pub fn next_field(&mut self, step: isize) {
        let len = self.fields.len() as isize;
        self.focus = (self.focus as isize + step).rem_euclid(len.max(1)) as usize;
    }

    /// ←/→ on a choice.
    pub fn cycle(&mut self, step: isize) {
        if let Some(Field { kind: FieldKind::Choice { options, index }, key, .. }) = self.fields.get_mut(self.focus) {
            let len = options.len().max(1) as isize;
            *index = (*index as isize + step).rem_euclid(len) as usize;
            let key = *key;
            if key == "step" {
                self.refresh_step_fields();
            }
            if key == "officer" {
                self.wants_next_free = true;
            }
        }
    }

    pub fn type_char(&mut self, c: char) {
        match self.fields.get_mut(self.focus).map(|f| &mut f.kind) {
            Some(FieldKind::Text(text)) => text.push(c),
            Some(FieldKind::Date(text)) if c.is_ascii_digit() || c == '-' => text.push(c),
            Some(FieldKind::Choice { .. }) if c == ' ' => self.cycle(1),
            _ => {}
        }
    }

    pub fn backspace(&mut self) {
        if let Some(FieldKind::Text(text) | FieldKind::Date(text)) =
            self.fields.get_mut(self.focus).map(|f| &mut f.kind)
        {
            text.pop();
        }
    }

    /// The step form's detail choices follow the chosen step.
    fn refresh_step_fields(&mut self) {
        let Some(kind) = StepKind::parse(self.value("step")) else {
            return;
        };
        let choices = detail_choices(kind);
        if let Some(field) = self.fields.iter_mut().find(|f| f.key == "detail") {
            field.kind = if choices.is_empty() {
                FieldKind::Text(String::new())
            } else {
                FieldKind::Choice { options: words(choices), index: 0 }
            };
        }
    }

    /// The entry the form describes, or the first field that is wrong.
    pub fn entry(&self, app: &App) -> Result<Entry, FieldError> {
        let child_id = app.data.county.children[self.child].id.clone();
        match self.purpose {
            FormPurpose::Contact => {
                let entry = ContactEntry::parse(self.value("kind")).unwrap_or(ContactEntry::Note);
                let date = self.date("date", true)?.unwrap_or(app.today());
                Ok(Entry::Contact { child_id, entry, date, summary: self.value("summary").to_string() })
            }
            FormPurpose::Step => {
                let kind = StepKind::parse(self.value("step")).ok_or_else(|| FieldError {
                    field: "step",
                    message: "nothing can be recorded at this stage".into(),
                })?;
                let date = self.date("date", true)?.unwrap_or(app.today());
                let until = self.date("until", false)?;
                let detail = self.value("detail").trim().to_string();
                Ok(Entry::Step { child_id, step: StepEntry { kind, date, until, detail } })
            }
            FormPurpose::Details => {
                let text = |key| Some(self.value(key).to_string());
                let band = self.value("band").parse::<u8>().ok();
                let year_group_override = self.value("year group").parse::<i32>().ok();
                Ok(Entry::Details {
                    child_id,
                    details: DetailsEntry {
                        setting: text("setting"),
                        postcode: text("postcode"),
                        primary_need: Need::parse(self.value("need")),
                        band,
                        year_group_override,
                    },
                })
            }
            FormPurpose::NewDispute => {
                let kind =
                    crate::domain::DisputeKind::parse(self.value("kind")).unwrap_or(crate::domain::DisputeKind::Appeal);
                let date = self.date("date", true)?.unwrap_or(app.today());
                Ok(Entry::NewDispute { child_id, kind, date, detail: self.value("detail").to_string() })
            }
            FormPurpose::Dispute(index) => {
                let mut dispute = app.data.county.disputes[index].clone();
                dispute.hearing = self.date("hearing", false)?;
                dispute.responded = self.date("responded", false)?;
                dispute.order_kind = crate::domain::OrderKind::parse(self.value("order"));
                dispute.order_date = self.date("order date", false)?;
                dispute.complied = self.date("complied", false)?;
                dispute.closed = self.date("closed", false)?;
                Ok(Entry::Dispute { dispute })
            }
            FormPurpose::Book => {
                let date = self.date("date", true)?.unwrap_or(app.today());
                let text = self.value("time").trim().to_string();
                let start = chrono::NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| FieldError {
                    field: "time",
                    message: format!("\"{text}\" is not a time like 14:15"),
                })?;
                Ok(Entry::Book {
                    officer_id: self.value("officer").to_string(),
                    date,
                    start,
                    child_id: Some(child_id),
                    caller_number: self.value("number").to_string(),
                    query: self.value("query").to_string(),
                })
            }
            FormPurpose::Submit => {
                let panel_date = self.date("panel date", true)?.unwrap_or(app.today());
                let question = PanelQuestion::parse(self.value("question")).unwrap_or(PanelQuestion::Assess);
                Ok(Entry::Submit { child_id, panel_date, question, papers: self.value("papers").to_string() })
            }
            FormPurpose::PanelDecision(index) => {
                let panel_id = app.data.county.panels[index].id;
                let outcome = PanelOutcome::parse(self.value("outcome"));
                let sent = self.date("sent", false)?.map(|d| (d, self.value("how").to_string()));
                Ok(Entry::PanelDecision { panel_id, outcome, info_needed: self.value("needs").to_string(), sent })
            }
            FormPurpose::Answer => {
                let contact_id: i64 = self
                    .value("contact")
                    .parse()
                    .map_err(|_| FieldError { field: "contact", message: "no open contact".into() })?;
                let date = self.date("date", true)?.unwrap_or(app.today());
                Ok(if self.value("action") == "promise" {
                    Entry::Promise { contact_id, date }
                } else {
                    Entry::Answer { contact_id, date }
                })
            }
        }
    }
}

pub fn contact_form(app: &App, child: usize) -> Form {
    let options = ContactEntry::ALL.iter().map(|e| (e.as_str().to_string(), e.label().to_string())).collect();
    Form {
        purpose: FormPurpose::Contact,
        child,
        title: format!("Record a contact · {}", app.data.rows[child].name),
        fields: vec![
            choice("kind", "Kind", options),
            date_field("date", "Date", Some(app.today())),
            Field { key: "summary", label: "Summary", kind: FieldKind::Text(String::new()) },
        ],
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    }
}

pub fn step_form(app: &App, child: usize) -> Form {
    let stage = app.data.county.children[child].stage;
    let steps = steps_for_stage(stage).iter().map(|k| (k.as_str().to_string(), k.as_str().replace('_', " "))).collect();
    let mut form = Form {
        purpose: FormPurpose::Step,
        child,
        title: format!("Record a statutory step · {} ({stage})", app.data.rows[child].name),
        fields: vec![
            choice("step", "Step", steps),
            date_field("date", "Date", Some(app.today())),
            Field { key: "detail", label: "Detail", kind: FieldKind::Text(String::new()) },
            date_field("until", "Until", None),
        ],
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    };
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
            let what = if c.kind == ContactKind::PhoneMessage { "phone message" } else { "email" };
            (c.id.to_string(), format!("{what} {} · {}", c.received.format("%-d %b"), c.summary.replace('\n', " ")))
        })
        .collect();
    if open.is_empty() {
        return None;
    }
    Some(Form {
        purpose: FormPurpose::Answer,
        child,
        title: format!("Answer a contact · {}", app.data.rows[child].name),
        fields: vec![
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
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    })
}

/// The next panel: weekly on Thursdays, today if it is one.
fn next_panel_day(today: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    today.iter_days().find(|d| d.weekday() == chrono::Weekday::Thu).unwrap_or(today)
}

pub fn submit_form(app: &App, child: usize) -> Form {
    let stage = app.data.county.children[child].stage;
    // The usual question first for the child's stage.
    let mut questions: Vec<PanelQuestion> = PanelQuestion::ALL.to_vec();
    let usual = match stage {
        crate::domain::Stage::Request => PanelQuestion::Assess,
        crate::domain::Stage::Assessment | crate::domain::Stage::Draft => PanelQuestion::IssuePlan,
        _ => PanelQuestion::Amend,
    };
    questions.retain(|q| *q != usual);
    questions.insert(0, usual);
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
    Form {
        purpose: FormPurpose::Submit,
        child,
        title: format!("Submit to panel · {}", app.data.rows[child].name),
        fields: vec![
            date_field("panel date", "Panel", Some(next_panel_day(app.today()))),
            choice("question", "Question", options),
            Field { key: "papers", label: "Papers", kind: FieldKind::Text(String::new()) },
        ],
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    }
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
    Form {
        purpose: FormPurpose::PanelDecision(index),
        child,
        title: format!("Panel decision · {} · {}", app.data.rows[child].name, panel.panel_date.format("%-d %b %Y")),
        fields: vec![
            choice("outcome", "Outcome", outcomes),
            Field { key: "needs", label: "Needs", kind: FieldKind::Text(panel.info_needed.clone()) },
            date_field("sent", "Sent", panel.decision_sent),
            choice("how", "How", words(&["email", "letter", "phone", "meeting"])),
        ],
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    }
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
    bands.extend((1..=app.config.rules.bands).map(|b| (b.to_string(), format!("band {b}"))));
    let mut years = vec![(String::new(), "as for their age".to_string())];
    years.extend((-1..=14).map(|y| (y.to_string(), year_group_label(y))));
    Form {
        purpose: FormPurpose::Details,
        child,
        title: format!("Edit details · {}", app.data.rows[child].name),
        fields: vec![
            Field { key: "setting", label: "Setting", kind: FieldKind::Text(c.setting.clone().unwrap_or_default()) },
            Field { key: "postcode", label: "Postcode", kind: FieldKind::Text(c.postcode.clone().unwrap_or_default()) },
            choice_at("need", "Need", needs, c.primary_need.map_or("", |n| n.as_str())),
            choice_at("band", "Band", bands, &c.band.map(|b| b.to_string()).unwrap_or_default()),
            choice_at("year group", "Year", years, &c.year_group_override.map(|y| y.to_string()).unwrap_or_default()),
        ],
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    }
}

/// The officer's next free call-back in the coming fortnight.
fn next_free(app: &App, officer: &str) -> Option<(NaiveDate, chrono::NaiveTime)> {
    let county = &app.data.county;
    app.today().iter_days().take(14).find_map(|date| {
        if county.absences.iter().any(|a| a.staff_id == officer && a.covers(date)) {
            return None;
        }
        let free =
            crate::domain::surgery::free_times(officer, date, &county.slots, &county.bookings, app.today(), app.now);
        free.first().map(|t| (date, *t))
    })
}

impl Form {
    /// Moves the booking form's date and time to the chosen officer's next free call-back.
    pub fn fill_next_free(&mut self, app: &App) {
        self.wants_next_free = false;
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
    let mut form = Form {
        purpose: FormPurpose::Book,
        child,
        title: format!("Book a call-back · {}", app.data.rows[child].name),
        fields: vec![
            choice("officer", "Officer", options),
            date_field("date", "Date", None),
            Field { key: "time", label: "Time", kind: FieldKind::Text(String::new()) },
            Field { key: "number", label: "Number", kind: FieldKind::Text(String::new()) },
            Field { key: "query", label: "Query", kind: FieldKind::Text(String::new()) },
        ],
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    };
    form.fill_next_free(app);
    Some(form)
}

/// The dispute form: update the child's open dispute, or register a new one.
pub fn dispute_form(app: &App, child: usize) -> Form {
    let county = &app.data.county;
    let id = &county.children[child].id;
    let name = &app.data.rows[child].name;
    let open = county.disputes.iter().position(|d| &d.child_id == id && d.closed.is_none());
    let Some(index) = open else {
        return Form {
            purpose: FormPurpose::NewDispute,
            child,
            title: format!("Register a dispute · {name}"),
            fields: vec![
                choice("kind", "Kind", words(&["appeal", "mediation"])),
                date_field("date", "Date", Some(app.today())),
                Field { key: "detail", label: "About", kind: FieldKind::Text(String::new()) },
            ],
            focus: 0,
            error: None,
            wants_next_free: false,
            confirm: None,
        };
    };
    let d = &county.disputes[index];
    let mut orders = vec![(String::new(), "none".to_string())];
    orders.extend(words(&["amend", "setting", "make_plan", "assess"]));
    Form {
        purpose: FormPurpose::Dispute(index),
        child,
        title: format!("{} from {} · {name}", d.kind, d.registered.format("%-d %b %Y")),
        fields: vec![
            date_field("hearing", "Hearing", d.hearing),
            date_field("responded", "Response", d.responded),
            choice_at("order", "Order", orders, d.order_kind.map_or("", |k| k.as_str())),
            date_field("order date", "Ordered", d.order_date),
            date_field("complied", "Complied", d.complied),
            date_field("closed", "Closed", d.closed),
        ],
        focus: 0,
        error: None,
        wants_next_free: false,
        confirm: None,
    }
}

//! Entry forms: a few fields, keyboard only, validated on Enter with the error shown beside its
//! field; nothing is saved until the whole entry is valid. This file holds what every form
//! shares (fields, editing, saving); each kind of record has its own file with its fields, the
//! choices it offers and how they become the casework entry.

pub(crate) mod absence;
pub(crate) mod allocate;
pub(crate) mod callback;
pub(crate) mod contact;
pub(crate) mod cover;
pub(crate) mod details;
pub(crate) mod dispute;
pub(crate) mod panel;
pub(crate) mod register;
pub(crate) mod step;
pub(crate) mod surgery;

use chrono::NaiveDate;

use super::action::Action;
use super::update::{Records, reload};
use super::{App, Overlay};
use crate::casework::permissions::Work;
use crate::casework::{Entry, RecordError};
use crate::domain::RecordRef;
use crate::domain::casework::FieldError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// (value, label) pairs and the chosen index.
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    Text(String),
    /// As typed (YYYY-MM-DD or DD/MM/YYYY); empty when optional and not given.
    Date(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The name errors use ("date", "summary"…).
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
}

/// What one kind of form does beyond editing its fields.
#[derive(Debug)]
pub struct FormKind {
    /// The entry the fields describe, or the first field that is wrong.
    pub entry: fn(&Form, &App) -> Result<Entry, FieldError>,
    /// After field `key` changed (a choice moved, a character typed): fills in the fields that
    /// follow it.
    pub changed: fn(&mut Form, &App, &'static str),
    /// For a form showing a record's current values: the same form built again from the records
    /// as they are now (after a colleague's change), so the fields nobody touched can follow.
    pub rebuild: Option<fn(&Form, &App) -> Option<Form>>,
    /// After a save, once the data is read again: what else the interface does.
    pub saved: Option<fn(&Form, &mut App)>,
}

/// For forms whose fields do not depend on each other.
fn nothing_follows(_: &mut Form, _: &App, _: &'static str) {}

#[derive(Debug, Clone)]
pub struct Form {
    pub kind: &'static FormKind,
    /// The child it is about (index into `county.children` when the form opened), if any.
    pub child: Option<usize>,
    /// That child's id, which is what is saved: positions can move when the county reloads.
    pub child_id: Option<String>,
    /// The record it updates (a dispute, a panel case), by id for the same reason.
    pub record_id: Option<i64>,
    /// The records a save may change, with their versions when the form opened (or was last
    /// reloaded): a save is refused if one has changed since, rather than overwrite it.
    pub seen: Vec<(RecordRef, i64)>,
    /// What each field held when the form opened: a field still holding it was not changed.
    opened: Vec<(&'static str, String)>,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<FieldError>,
    /// A choice that changed, whose followers are still to fill in (they need the county).
    pub changed: Option<&'static str>,
    /// A destructive entry waiting for a second Enter; any edit withdraws it.
    pub confirm: Option<String>,
    /// Other forms the "record" choice switches to (an open mediation's, a new appeal's).
    pub alternates: Vec<Form>,
    /// Lines under the fields saying what the entry would do (the team found, workloads before
    /// and after), kept up to date as the fields change.
    pub info: Vec<String>,
    /// Officers' workloads when the form opened, for the forms that suggest or move children.
    pub workloads: Option<std::sync::Arc<Workloads>>,
}

/// Every officer's workload, and each child's weight in it, worked out once when a form opens
/// (they read every child's milestones).
#[derive(Debug, Clone, Default)]
pub struct Workloads {
    pub loads: Vec<crate::domain::workload::Load>,
    pub facts: Vec<crate::domain::workload::ChildFacts>,
}

impl Workloads {
    /// The workload pane's, if it is up to date; else worked out now.
    pub fn of(app: &App) -> Workloads {
        let pane = &app.panes.workload;
        if !crate::app::panes::PaneState::stale(pane) && pane.facts.len() == app.data.county.children.len() {
            return Workloads { loads: pane.loads.clone(), facts: pane.facts.clone() };
        }
        let settings = &app.config.workload;
        let county = &app.data.county;
        let facts =
            crate::domain::workload::child_facts(county, &app.data.milestones, app.today(), &app.calendar, settings);
        let loads = crate::domain::workload::workloads(county, &facts, settings, app.today());
        Workloads { loads, facts }
    }

    pub fn load(&self, staff_id: &str) -> Option<&crate::domain::workload::Load> {
        self.loads.iter().find(|l| l.staff_id == staff_id)
    }
}

/// A form a pane opens instead of the action's usual one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormRequest {
    /// The decision of panel case `county.panels[i]`.
    PanelDecision(usize),
    /// The weekly surgeries of this officer (index into `county.staff`), or of whoever is signed in.
    Surgeries(Option<usize>),
    /// Booked call-back `county.bookings[i]`: made, or moved.
    CallBack(usize),
}

impl Form {
    pub fn new(kind: &'static FormKind, child: Option<usize>, title: String, fields: Vec<Field>) -> Form {
        Form {
            kind,
            child,
            child_id: None,
            record_id: None,
            seen: Vec::new(),
            opened: Vec::new(),
            title,
            fields,
            focus: 0,
            error: None,
            changed: None,
            confirm: None,
            alternates: Vec::new(),
            info: Vec::new(),
            workloads: None,
        }
    }

    /// The value of field `key`: a choice's value, or the text typed.
    pub fn value(&self, key: &str) -> &str {
        match self.fields.iter().find(|f| f.key == key).map(|f| &f.kind) {
            Some(FieldKind::Choice { options, index }) => options.get(*index).map_or("", |(v, _)| v.as_str()),
            Some(FieldKind::Text(text) | FieldKind::Date(text)) => text.as_str(),
            None => "",
        }
    }

    /// Field `key` read as a date; empty is `None`, or an error when `required`.
    fn date(&self, key: &'static str, required: bool) -> Result<Option<NaiveDate>, FieldError> {
        let text = self.value(key).trim();
        if text.is_empty() {
            return if required {
                Err(FieldError { field: key, message: "a date is needed (YYYY-MM-DD or DD/MM/YYYY)".into() })
            } else {
                Ok(None)
            };
        }
        crate::domain::calendar::parse_typed_date(text).map(Some).ok_or_else(|| FieldError {
            field: key,
            message: format!("\"{text}\" is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
        })
    }

    /// A required date field, or the error that names it.
    fn required_date(&self, key: &'static str, app: &App) -> Result<NaiveDate, FieldError> {
        Ok(self.date(key, true)?.unwrap_or(app.today()))
    }

    /// Sets text or date field `key`.
    fn set_text(&mut self, key: &str, value: String) {
        if let Some(Field { kind: FieldKind::Text(text) | FieldKind::Date(text), .. }) =
            self.fields.iter_mut().find(|f| f.key == key)
        {
            *text = value;
        }
    }

    /// Notes `records` as ones a save may change; `show` takes their versions.
    fn may_change(&mut self, records: impl IntoIterator<Item = RecordRef>) {
        self.seen.extend(records.into_iter().map(|record| (record, 0)));
    }

    /// The version of `record` when the form opened, if it is one the form may change.
    fn seen(&self, record: &RecordRef) -> Option<i64> {
        self.seen.iter().find(|(r, _)| r == record).map(|(_, version)| *version)
    }

    /// Whether field `key` holds something other than it did when the form opened.
    fn changed(&self, key: &str) -> bool {
        let opened = self.opened.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        opened != Some(self.value(key))
    }

    /// Notes what every field holds now, as what the form opened with.
    fn note_opened(&mut self) {
        self.opened = self.fields.iter().map(|f| (f.key, self.value(f.key).to_string())).collect();
    }

    /// After a colleague's change: the fields nobody touched take the record's values as they are
    /// now; the fields the person changed keep what they typed.
    fn follow_records(&mut self, app: &App) {
        let Some(fresh) = self.kind.rebuild.and_then(|rebuild| rebuild(self, app)) else { return };
        let touched: Vec<&'static str> = self.fields.iter().map(|f| f.key).filter(|key| self.changed(key)).collect();
        for field in &mut self.fields {
            if let Some(now) = fresh.fields.iter().find(|f| f.key == field.key)
                && !touched.contains(&field.key)
            {
                field.kind = now.kind.clone();
            }
        }
        self.opened = fresh.fields.iter().map(|f| (f.key, fresh.value(f.key).to_string())).collect();
    }

    /// Takes the versions of the records the form may change from `county`.
    fn take_versions(&mut self, county: &crate::domain::County) {
        for (record, version) in &mut self.seen {
            *version = county.version(record);
        }
    }

    /// The entry the form describes, or the first field that is wrong.
    pub fn entry(&self, app: &App) -> Result<Entry, FieldError> {
        (self.kind.entry)(self, app)
    }

    pub fn next_field(&mut self, step: isize) {
        let len = self.fields.len() as isize;
        self.focus = (self.focus as isize + step).rem_euclid(len.max(1)) as usize;
    }

    /// ←/→ on a choice.
    pub fn cycle(&mut self, step: isize) {
        self.edited();
        if let Some(Field { kind: FieldKind::Choice { options, index }, key, .. }) = self.fields.get_mut(self.focus) {
            let len = options.len().max(1) as isize;
            let previous = *index;
            *index = (*index as isize + step).rem_euclid(len) as usize;
            let (key, chosen) = (*key, *index);
            if key == "record" {
                self.switch_form(previous, chosen);
            } else {
                self.changed = Some(key);
            }
        }
    }

    /// Swaps in the alternate form whose "record" choice is `chosen`; this one, its choice put
    /// back to `previous`, waits among the alternates with whatever was typed into it.
    fn switch_form(&mut self, previous: usize, chosen: usize) {
        let record_index = |form: &Form| match form.fields.first().map(|f| &f.kind) {
            Some(FieldKind::Choice { index, .. }) => Some(*index),
            _ => None,
        };
        let Some(at) = self.alternates.iter().position(|f| record_index(f) == Some(chosen)) else {
            return;
        };
        let mut next = self.alternates.remove(at);
        next.alternates = std::mem::take(&mut self.alternates);
        next.focus = 0;
        let mut this = std::mem::replace(self, next);
        if let Some(FieldKind::Choice { index, .. }) = this.fields.first_mut().map(|f| &mut f.kind) {
            *index = previous;
        }
        self.alternates.push(this);
    }

    /// An edit to the field that was wrong withdraws what was said about it.
    fn edited(&mut self) {
        let key = self.fields.get(self.focus).map(|f| f.key);
        if self.error.as_ref().is_some_and(|e| Some(e.field) == key) {
            self.error = None;
        }
    }

    pub fn type_char(&mut self, c: char) {
        self.edited();
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        match &mut field.kind {
            // Whatever is typed stays visible; a wrong date is explained on Enter, not swallowed.
            FieldKind::Text(text) | FieldKind::Date(text) => {
                text.push(c);
                self.changed = Some(field.key);
            }
            FieldKind::Choice { .. } if c == ' ' => self.cycle(1),
            FieldKind::Choice { .. } => {}
        }
    }

    pub fn backspace(&mut self) {
        self.edited();
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        if let FieldKind::Text(text) | FieldKind::Date(text) = &mut field.kind {
            text.pop();
            self.changed = Some(field.key);
        }
    }

    /// Empties the focused text or date field.
    pub fn clear(&mut self) {
        self.edited();
        let Some(field) = self.fields.get_mut(self.focus) else { return };
        if let FieldKind::Text(text) | FieldKind::Date(text) = &mut field.kind {
            text.clear();
            self.changed = Some(field.key);
        }
    }
}

fn text_field(key: &'static str, label: &'static str, value: impl Into<String>) -> Field {
    Field { key, label, kind: FieldKind::Text(value.into()) }
}

fn choice(key: &'static str, label: &'static str, options: Vec<(String, String)>) -> Field {
    Field { key, label, kind: FieldKind::Choice { options, index: 0 } }
}

/// A choice with `current` selected (the first option when it is not among them).
fn choice_at(key: &'static str, label: &'static str, options: Vec<(String, String)>, current: &str) -> Field {
    let index = options.iter().position(|(v, _)| v == current).unwrap_or(0);
    Field { key, label, kind: FieldKind::Choice { options, index } }
}

fn date_field(key: &'static str, label: &'static str, value: Option<NaiveDate>) -> Field {
    Field { key, label, kind: FieldKind::Date(value.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()) }
}

/// Choices whose labels are their values, with spaces for underscores.
fn words(values: &[&str]) -> Vec<(String, String)> {
    values.iter().map(|v| (v.to_string(), v.replace('_', " "))).collect()
}

/// Why a form did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The person signed in may not do this (a warning, saying who may).
    NotAllowed(String),
    /// There is nothing to record here (a word in the status bar).
    Nothing(String),
}

/// Opens one kind of form for what the pane showing has selected; the action table names the
/// opener of each key that records something.
pub type Opener = fn(&App) -> Result<Form, Refusal>;

/// The child selected, when the person signed in may do `work`.
fn selected_child(app: &App, work: Work) -> Result<usize, Refusal> {
    app.may(work, None).map_err(Refusal::NotAllowed)?;
    let child = app.target().child.ok_or_else(|| Refusal::Nothing("select a child first".into()))?;
    app.may(work, Some(child)).map_err(Refusal::NotAllowed)?;
    Ok(child)
}

/// As `selected_child`, for the work a ceased plan has no more of (steps and panels): said at
/// once, rather than opening an empty form.
fn open_case(app: &App, work: Work) -> Result<usize, Refusal> {
    let child = selected_child(app, work)?;
    if app.data.county.children[child].stage == crate::domain::Stage::Ceased {
        let name = &app.data.rows[child].name;
        return Err(Refusal::Nothing(format!("{name}'s plan has ceased: no steps or panels to record")));
    }
    Ok(child)
}

/// Opens the form `opener` makes, or says why not.
pub fn open(app: &mut App, opener: Opener) {
    match opener(app) {
        Ok(form) => show(app, form),
        Err(Refusal::NotAllowed(why)) => app.warn(why),
        Err(Refusal::Nothing(why)) => app.say(why),
    }
}

/// A form a pane asked for in place of the action's usual one.
pub fn open_requested(app: &mut App, request: FormRequest) {
    match request {
        FormRequest::PanelDecision(index) => {
            let form = panel::decision_form(app, index);
            show(app, form);
        }
        FormRequest::CallBack(index) => {
            let form = callback::call_back_form(app, index);
            show(app, form);
        }
        FormRequest::Surgeries(officer) => {
            let Some(me) = app.me else { return };
            let officer = officer.unwrap_or(me);
            let officer_id = app.data.county.staff[officer].id.clone();
            // Someone who may not set the selected officer's surgeries still gets their own.
            let officer = if app.may(Work::Surgeries { officer: &officer_id }, None).is_ok() { officer } else { me };
            let form = surgery::surgeries_form(app, officer);
            show(app, form);
        }
    }
}

/// Opens `form`, pinning the child it is about by id, and the versions of what it may change
/// (and so its alternates').
fn show(app: &mut App, mut form: Form) {
    let id = form.child.and_then(|c| app.data.county.children.get(c)).map(|c| c.id.clone());
    for alternate in &mut form.alternates {
        alternate.child_id = id.clone();
        alternate.take_versions(&app.data.county);
        alternate.note_opened();
    }
    form.child_id = id;
    form.take_versions(&app.data.county);
    form.note_opened();
    app.overlay = Some(Overlay::Form(form));
}

/// An action while a form is open.
pub fn act(app: &mut App, action: Action, records: &mut dyn Records) {
    let Some(Overlay::Form(form)) = &mut app.overlay else {
        return;
    };
    if action != Action::Save {
        // Changing anything withdraws a pending confirmation.
        form.confirm = None;
    }
    match action {
        Action::Cancel => {
            app.overlay = None;
            app.say("not saved");
        }
        Action::NextField => form.next_field(1),
        Action::PrevField => form.next_field(-1),
        Action::PrevChoice => form.cycle(-1),
        Action::NextChoice => form.cycle(1),
        Action::Erase => form.backspace(),
        Action::ClearField => form.clear(),
        Action::Save => submit(app, records),
        Action::Quit => app.quit = true,
        _ => {}
    }
    follow_changed_choice(app);
}

/// A character typed into the focused field (Space on a choice changes it).
pub fn type_char(app: &mut App, c: char) {
    if let Some(Overlay::Form(form)) = &mut app.overlay {
        form.confirm = None;
        form.type_char(c);
    }
    follow_changed_choice(app);
}

/// Fills in what follows a changed choice (another officer's next free call-back, say), which
/// needs the county as well as the form.
fn follow_changed_choice(app: &mut App) {
    if let Some(Overlay::Form(form)) = &app.overlay
        && let Some(key) = form.changed
    {
        let mut form = form.clone();
        form.changed = None;
        (form.kind.changed)(&mut form, app, key);
        app.overlay = Some(Overlay::Form(form));
    }
}

fn submit(app: &mut App, records: &mut dyn Records) {
    let Some(Overlay::Form(form)) = &app.overlay else {
        return;
    };
    let outcome = form.entry(app).map_err(RecordError::Invalid).and_then(|entry| app.save(&entry, records));
    match outcome {
        Ok(done) => {
            let form = app.overlay.take();
            // Every pane shows the change at once: the county is read again and rebuilt.
            reload(app, records);
            if let Some(Overlay::Form(form)) = &form
                && let Some(saved) = form.kind.saved
            {
                saved(form, app);
            }
            app.say(done);
        }
        Err(RecordError::Unconfirmed(warning)) => {
            if let Some(Overlay::Form(form)) = &mut app.overlay {
                form.confirm = Some(warning);
            }
        }
        Err(stale @ RecordError::Stale { .. }) => {
            // Read again what the colleague saved; what was typed stays, to check and save again.
            reload(app, records);
            if let Some(Overlay::Form(mut form)) = app.overlay.take() {
                form.take_versions(&app.data.county);
                form.follow_records(app);
                form.error = Some(FieldError { field: "save", message: stale.to_string() });
                app.overlay = Some(Overlay::Form(form));
            }
        }
        Err(RecordError::Invalid(error)) => {
            if let Some(Overlay::Form(form)) = &mut app.overlay {
                if let Some(position) = form.fields.iter().position(|f| f.key == error.field) {
                    form.focus = position;
                }
                form.error = Some(error);
            }
        }
        Err(error) => {
            if let Some(Overlay::Form(form)) = &mut app.overlay {
                form.error = Some(FieldError { field: "save", message: error.to_string() });
            }
        }
    }
}

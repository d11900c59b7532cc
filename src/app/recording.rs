//! Opening the entry forms for the selected child, typing into them, and saving.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::form::{Form, Refill};
use super::forms::{
    FormRequest, answer_form, booking_form, contact_form, details_form, dispute_form, panel_decision_form, step_form,
    submit_form, surgeries_form,
};
use super::update::{Records, reload};
use super::{App, Overlay};
use crate::casework::permissions::Work;
use crate::casework::{Entry, RecordError, Rules};

/// `c`, `t`, `a`, `p`, `e`, `b` or `d`: the form for the selected child.
pub fn open_form(app: &mut App, action: Action) {
    let work = match action {
        Action::RecordStep | Action::Panel | Action::EditDetails | Action::Dispute => Work::Casework,
        _ => Work::Contacts,
    };
    if let Err(why) = app.may(work) {
        app.warn(why);
        return;
    }
    let Some(child) = app.target().child else {
        app.say("select a child first");
        return;
    };
    // Say at once when there is nothing to record, rather than open an empty form.
    let stage = app.data.county.children[child].stage;
    if matches!(action, Action::RecordStep | Action::Panel) && stage == crate::domain::Stage::Ceased {
        let name = app.data.rows[child].name.clone();
        app.say(format!("{name}'s plan has ceased: no steps or panels to record"));
        return;
    }
    let form = match action {
        Action::RecordStep => step_form(app, child),
        Action::Panel => submit_form(app, child),
        Action::EditDetails => details_form(app, child),
        Action::Dispute => dispute_form(app, child),
        Action::Book => match booking_form(app, child) {
            Some(form) => form,
            None => {
                app.say("no officer has phone surgeries set up (press 5, then e, to set yours)");
                return;
            }
        },
        Action::AnswerContact => match answer_form(app, child) {
            Some(form) => form,
            None => {
                let name = app.data.rows[child].name.clone();
                app.say(format!("{name} has no phone message or email waiting for an answer"));
                return;
            }
        },
        _ => contact_form(app, child),
    };
    show_form(app, form);
}

/// A form a pane asked for in place of the action's usual one.
pub fn open_requested(app: &mut App, request: FormRequest) {
    match request {
        FormRequest::PanelDecision(index) => {
            let form = panel_decision_form(app, index);
            show_form(app, form);
        }
        FormRequest::Surgeries(officer) => open_surgeries_form(app, officer),
    }
}

/// Opens `form`, pinning the child it is about by id (and so its alternates).
fn show_form(app: &mut App, mut form: Form) {
    let id = form.child.and_then(|c| app.data.county.children.get(c)).map(|c| c.id.clone());
    for alternate in &mut form.alternates {
        alternate.child_id = id.clone();
    }
    form.child_id = id;
    app.overlay = Some(Overlay::Form(form));
}

/// The weekly surgeries of `officer` (else your own).
fn open_surgeries_form(app: &mut App, officer: Option<usize>) {
    let Some(me) = app.me else { return };
    let officer = officer.unwrap_or(me);
    let officer_id = app.data.county.staff[officer].id.clone();
    // Someone who may not set the selected officer's surgeries still gets their own.
    let officer = if app.may(Work::Surgeries { officer: &officer_id }).is_ok() { officer } else { me };
    let form = surgeries_form(app, officer);
    show_form(app, form);
}

pub fn form_key(app: &mut App, key: &KeyEvent, records: &mut dyn Records) {
    let Some(Overlay::Form(form)) = &mut app.overlay else {
        return;
    };
    if key.code != KeyCode::Enter {
        // Changing anything withdraws a pending confirmation.
        form.confirm = None;
    }
    match key.code {
        KeyCode::Esc => {
            app.overlay = None;
            app.say("not saved");
        }
        KeyCode::Tab | KeyCode::Down => form.next_field(1),
        KeyCode::BackTab | KeyCode::Up => form.next_field(-1),
        KeyCode::Left => form.cycle(-1),
        KeyCode::Right => form.cycle(1),
        KeyCode::Backspace => form.backspace(),
        KeyCode::Enter => submit(app, records),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => form.type_char(c),
        _ => {}
    }
    // Choosing another officer moves the booking to their next free call-back, or shows
    // their surgeries.
    if let Some(Overlay::Form(form)) = &app.overlay
        && let Some(refill) = form.refill
    {
        let mut form = form.clone();
        form.refill = None;
        match refill {
            Refill::NextFree => form.fill_next_free(app),
            Refill::Surgeries => form.fill_surgeries(app),
            Refill::AnswerDate => form.fill_answer_date(app),
        }
        app.overlay = Some(Overlay::Form(form));
    }
}

fn submit(app: &mut App, records: &mut dyn Records) {
    let Some(Overlay::Form(form)) = &app.overlay else {
        return;
    };
    let Some(me) = app.me else { return };
    let actor = app.data.county.staff[me].id.clone();
    let confirmed = form.confirm.is_some();
    if !confirmed
        && let Ok(entry) = form.entry(app)
        && let Entry::Step(step) = &entry
        && let Some(warning) = crate::casework::needs_confirmation(&app.data.county, step, app.today())
    {
        if let Some(Overlay::Form(form)) = &mut app.overlay {
            form.confirm = Some(warning);
        }
        return;
    }
    let outcome = form.entry(app).map_err(RecordError::Invalid).and_then(|entry| {
        let rules = Rules { today: app.today(), now: app.now, calendar: &app.calendar, rules: &app.config.rules };
        records.save(&app.data.county, &entry, &actor, &rules)
    });
    match outcome {
        Ok(done) => {
            app.overlay = None;
            // Every pane shows the change at once: the county is read again and rebuilt.
            reload(app, records);
            app.say(done);
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
                form.error = Some(crate::domain::casework::FieldError { field: "save", message: error.to_string() });
            }
        }
    }
}

//! Contact forms: recording a contact with a family, and answering a phone message or email
//! (or telling the family when to expect an answer).

use super::{
    Field, FieldKind, Form, FormKind, Refusal, choice, choice_at, date_field, nothing_follows, selected_child,
    text_field,
};
use crate::app::App;
use crate::casework::permissions::Work;
use crate::casework::{AnswerContact, CompleteTask, Entry, PromiseAnswer, RecordContact};
use crate::domain::RecordRef;
use crate::domain::casework::{ContactEntry, FieldError};
use crate::domain::milestones::contact_due;

static CONTACT: FormKind = FormKind { entry: contact_entry, changed: nothing_follows, rebuild: None, saved: None };
static ANSWER: FormKind = FormKind { entry: answer_entry, changed: answer_changed, rebuild: None, saved: None };

/// `c`: record a contact with the selected child's family.
pub fn open(app: &App) -> Result<Form, Refusal> {
    let child = selected_child(app, Work::Contacts)?;
    let options = ContactEntry::ALL.iter().map(|e| (e.as_str().to_string(), e.label().to_string())).collect();
    Ok(Form::new(
        &CONTACT,
        Some(child),
        format!("Record a contact · {}", app.data.rows[child].name),
        vec![
            choice("kind", "Kind", options),
            date_field("date", "Date", Some(app.today())),
            text_field("summary", "Summary", ""),
        ],
    ))
}

fn contact_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let entry = ContactEntry::parse(form.value("kind")).unwrap_or(ContactEntry::Note);
    Ok(Entry::Contact(RecordContact {
        child_id: form.child_id.clone().unwrap_or_default(),
        entry,
        date: form.required_date("date", app)?,
        summary: form.value("summary").to_string(),
    }))
}

/// Values of the answer form's first choice that are to-dos rather than contacts.
const TODO: &str = "todo:";

/// `a`: answer one of the selected child's open contacts, or mark one of their to-dos done.
pub fn open_answer(app: &App) -> Result<Form, Refusal> {
    let child = selected_child(app, Work::Contacts)?;
    let id = &app.data.county.children[child].id;
    let open_contacts: Vec<&crate::domain::Contact> =
        app.data.county.contacts.iter().filter(|c| &c.child_id == id && c.answered.is_none()).collect();
    let open_tasks: Vec<&crate::domain::Task> = app
        .data
        .county
        .tasks
        .iter()
        .filter(|t| &t.child_id == id && t.done.is_none())
        .filter(|t| app.data.county.task_live(t, app.today()))
        .collect();
    let mut records: Vec<RecordRef> = open_contacts.iter().map(|c| RecordRef::Contact(c.id)).collect();
    records.extend(open_tasks.iter().map(|t| RecordRef::Task(t.id)));
    let mut open: Vec<(String, String)> = open_contacts
        .iter()
        .map(|c| {
            let what = c.kind.noun();
            (c.id.to_string(), format!("{what} {} · {}", c.received.format("%-d %b"), c.summary.replace('\n', " ")))
        })
        .collect();
    open.extend(open_tasks.iter().map(|t| {
        let label = format!("to-do: tell the family and school ({}), due {}", t.detail, t.due.format("%-d %b"));
        (format!("{TODO}{}", t.id), label)
    }));
    let name = &app.data.rows[child].name;
    if open.is_empty() {
        return Err(Refusal::Nothing(format!("{name} has no phone message, email or to-do waiting")));
    }
    let mut form = Form::new(
        &ANSWER,
        Some(child),
        format!("Answer a contact · {name}"),
        vec![
            // The line's own contact when the duty pane's selection is one.
            choice_at("contact", "Contact", open, &app.target().contact.map(|id| id.to_string()).unwrap_or_default()),
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
    );
    form.may_change(records);
    follow_contact(&mut form);
    Ok(form)
}

fn answer_entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let date = form.required_date("date", app)?;
    if let Some(task) = form.value("contact").strip_prefix(TODO) {
        let task_id: i64 =
            task.parse().map_err(|_| FieldError { field: "contact", message: "no open to-do".into() })?;
        let seen = form.seen(&RecordRef::Task(task_id));
        return Ok(Entry::Task(CompleteTask { task_id, date, seen }));
    }
    let contact_id: i64 = form
        .value("contact")
        .parse()
        .map_err(|_| FieldError { field: "contact", message: "no open contact".into() })?;
    let seen = form.seen(&RecordRef::Contact(contact_id));
    Ok(if form.value("action") == "promise" {
        Entry::Promise(PromiseAnswer { contact_id, date, seen })
    } else {
        Entry::Answer(AnswerContact { contact_id, date, answer: form.value("said").to_string(), seen })
    })
}

/// A to-do is done or not: the action choice then offers only "done on".
fn follow_contact(form: &mut Form) {
    let todo = form.value("contact").starts_with(TODO);
    if let Some(Field { kind: FieldKind::Choice { options, index }, .. }) =
        form.fields.iter_mut().find(|f| f.key == "action")
    {
        *options = if todo {
            vec![("done".into(), "done on".into())]
        } else {
            vec![
                ("answer".into(), "answered on".into()),
                ("promise".into(), "family told to expect an answer by".into()),
            ]
        };
        *index = (*index).min(options.len() - 1);
    }
    // What was said goes with an answer only.
    let answering = form.value("action") == "answer";
    let has = form.fields.iter().any(|f| f.key == "said");
    if answering && !has {
        form.fields.push(text_field("said", "What was said", ""));
    } else if !answering && has {
        form.fields.retain(|f| f.key != "said");
        form.focus = form.focus.min(form.fields.len().saturating_sub(1));
    }
}

/// Answering: today. Promising: the first working day after the answer is now due (or
/// tomorrow's, if that has passed), a date the family can be given that moves things on.
fn answer_changed(form: &mut Form, app: &App, key: &'static str) {
    if !matches!(key, "contact" | "action") {
        return;
    }
    follow_contact(form);
    let today = app.today();
    let date = match form.value("action") {
        "promise" => {
            let id = form.value("contact").parse::<i64>().ok();
            let due = app
                .data
                .county
                .contacts
                .iter()
                .find(|c| Some(c.id) == id)
                .map(|c| contact_due(c, &app.calendar, &app.config.rules));
            app.calendar.add_working_days(due.map_or(today, |due| due.max(today)), 1)
        }
        _ => today,
    };
    form.set_text("date", date.format("%Y-%m-%d").to_string());
}

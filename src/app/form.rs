//! Entry forms: a few fields, keyboard only, validated on Enter with the error shown beside
//! its field. Nothing is saved until the whole entry is valid.

use chrono::NaiveDate;

use super::App;
use crate::casework::{
    AnswerContact, BookCallBack, EditDetails, Entry, PromiseAnswer, RecordContact, RecordPanelDecision, RecordStep,
    RegisterDispute, SetSurgeries, SubmitToPanel, UpdateDispute,
};
use crate::domain::casework::{ContactEntry, DetailsEntry, FieldError, StepEntry, detail_choices, detail_label};
use crate::domain::{Need, PanelOutcome, PanelQuestion, StepKind};

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
    /// Update the dispute with this id (an id, not a position: the county reloads under an
    /// open form when colleagues save).
    Dispute(i64),
    /// Put the child to a panel.
    Submit,
    /// Record the decision of the panel case with this id.
    PanelDecision(i64),
    /// Set an officer's weekly phone surgeries.
    Surgeries,
}

/// Fields to fill again from the county after a choice changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refill {
    /// The booking form's date and time: the chosen officer's next free call-back.
    NextFree,
    /// The surgeries form: the chosen officer's weekly surgeries.
    Surgeries,
    /// The answer form's date: today to answer, a working day after it is due to promise.
    AnswerDate,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: FormPurpose,
    /// The child it is about (index into `county.children` when the form opened), if any.
    pub child: Option<usize>,
    /// That child's id, which is what is saved: positions can move when the county reloads.
    pub child_id: Option<String>,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<FieldError>,
    /// A choice changed that other fields follow, which needs the county to work out.
    pub refill: Option<Refill>,
    /// A destructive entry waiting for a second Enter; any edit withdraws it.
    pub confirm: Option<String>,
    /// Other forms the "record" choice switches to (an open mediation's, a new appeal's).
    pub alternates: Vec<Form>,
}

pub(super) fn words(values: &[&str]) -> Vec<(String, String)> {
    values.iter().map(|v| (v.to_string(), v.replace('_', " "))).collect()
}

impl Form {
    pub fn new(purpose: FormPurpose, child: Option<usize>, title: String, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            child,
            child_id: None,
            title,
            fields,
            focus: 0,
            error: None,
            refill: None,
            confirm: None,
            alternates: Vec::new(),
        }
    }

    pub(super) fn value(&self, key: &str) -> &str {
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

    pub fn next_field(&mut self, step: isize) {
        let len = self.fields.len() as isize;
        self.focus = (self.focus as isize + step).rem_euclid(len.max(1)) as usize;
    }

    /// ←/→ on a choice.
    pub fn cycle(&mut self, step: isize) {
        if let Some(Field { kind: FieldKind::Choice { options, index }, key, .. }) = self.fields.get_mut(self.focus) {
            let len = options.len().max(1) as isize;
            let previous = *index;
            *index = (*index as isize + step).rem_euclid(len) as usize;
            let (key, chosen) = (*key, *index);
            if key == "record" {
                self.switch_form(previous, chosen);
                return;
            }
            if key == "step" {
                self.refresh_step_fields();
            }
            self.refill = match (key, self.purpose) {
                ("officer", FormPurpose::Surgeries) => Some(Refill::Surgeries),
                ("officer", _) => Some(Refill::NextFree),
                ("contact" | "action", FormPurpose::Answer) => Some(Refill::AnswerDate),
                _ => None,
            };
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

    pub fn type_char(&mut self, c: char) {
        match self.fields.get_mut(self.focus).map(|f| &mut f.kind) {
            Some(FieldKind::Text(text)) => text.push(c),
            // Whatever is typed stays visible; a wrong date is explained on Enter, not swallowed.
            Some(FieldKind::Date(text)) => text.push(c),
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
    pub(super) fn refresh_step_fields(&mut self) {
        let Some(kind) = StepKind::parse(self.value("step")) else {
            return;
        };
        // Only an exception has an end date; the field is there only then.
        let until_at = self.fields.iter().position(|f| f.key == "until");
        match (kind == StepKind::Exception, until_at) {
            (true, None) => {
                self.fields.push(Field { key: "until", label: "Until", kind: FieldKind::Date(String::new()) })
            }
            (false, Some(at)) => {
                self.fields.remove(at);
                self.focus = self.focus.min(self.fields.len().saturating_sub(1));
            }
            _ => {}
        }
        let choices = detail_choices(kind);
        if let Some(field) = self.fields.iter_mut().find(|f| f.key == "detail") {
            field.kind = if choices.is_empty() {
                FieldKind::Text(String::new())
            } else {
                let mut options: Vec<(String, String)> =
                    choices.iter().map(|c| (c.to_string(), detail_label(kind, c))).collect();
                // Ending a plan is never one Enter away from a default reason: one must be chosen.
                if kind == StepKind::Ceased {
                    options.insert(0, (String::new(), "choose the SEN2 reason (←→)".into()));
                }
                FieldKind::Choice { options, index: 0 }
            };
        }
    }

    /// The entry the form describes, or the first field that is wrong.
    pub fn entry(&self, app: &App) -> Result<Entry, FieldError> {
        let child_id = self.child_id.clone().unwrap_or_default();
        match self.purpose {
            FormPurpose::Contact => {
                let entry = ContactEntry::parse(self.value("kind")).unwrap_or(ContactEntry::Note);
                let date = self.date("date", true)?.unwrap_or(app.today());
                Ok(Entry::Contact(RecordContact { child_id, entry, date, summary: self.value("summary").to_string() }))
            }
            FormPurpose::Step => {
                let kind = StepKind::parse(self.value("step")).ok_or_else(|| FieldError {
                    field: "step",
                    message: "nothing can be recorded at this stage".into(),
                })?;
                let date = self.date("date", true)?.unwrap_or(app.today());
                let until = self.date("until", false)?;
                let detail = self.value("detail").trim().to_string();
                Ok(Entry::Step(RecordStep { child_id, step: StepEntry { kind, date, until, detail } }))
            }
            FormPurpose::Details => {
                let text = |key| Some(self.value(key).to_string());
                let band = self.value("band").parse::<u8>().ok();
                let year_group_override = self.value("year group").parse::<i32>().ok();
                Ok(Entry::Details(EditDetails {
                    child_id,
                    details: DetailsEntry {
                        setting: text("setting"),
                        postcode: text("postcode"),
                        primary_need: Need::parse(self.value("need")),
                        band,
                        year_group_override,
                    },
                }))
            }
            FormPurpose::NewDispute => {
                let kind =
                    crate::domain::DisputeKind::parse(self.value("kind")).unwrap_or(crate::domain::DisputeKind::Appeal);
                let date = self.date("date", true)?.unwrap_or(app.today());
                Ok(Entry::NewDispute(RegisterDispute {
                    child_id,
                    kind,
                    date,
                    detail: self.value("detail").to_string(),
                }))
            }
            FormPurpose::Dispute(id) => {
                let mut dispute = app.data.county.disputes.iter().find(|d| d.id == id).cloned().ok_or_else(|| {
                    FieldError { field: "dispute", message: "this dispute is no longer on file".into() }
                })?;
                dispute.hearing = self.date("hearing", false)?;
                dispute.responded = self.date("responded", false)?;
                dispute.order_kind = crate::domain::OrderKind::parse(self.value("order"));
                dispute.order_date = self.date("order date", false)?;
                dispute.complied = self.date("complied", false)?;
                dispute.closed = self.date("closed", false)?;
                Ok(Entry::Dispute(UpdateDispute { dispute }))
            }
            FormPurpose::Book => {
                let date = self.date("date", true)?.unwrap_or(app.today());
                let text = self.value("time").trim().to_string();
                let start = chrono::NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| FieldError {
                    field: "time",
                    message: format!("\"{text}\" is not a time like 14:15"),
                })?;
                Ok(Entry::Book(BookCallBack {
                    officer_id: self.value("officer").to_string(),
                    date,
                    start,
                    child_id: Some(child_id),
                    caller_number: self.value("number").to_string(),
                    query: self.value("query").to_string(),
                }))
            }
            FormPurpose::Submit => {
                let panel_date = self.date("panel date", true)?.unwrap_or(app.today());
                let question = PanelQuestion::parse(self.value("question")).unwrap_or(PanelQuestion::Assess);
                Ok(Entry::Submit(SubmitToPanel {
                    child_id,
                    panel_date,
                    question,
                    papers: self.value("papers").to_string(),
                }))
            }
            FormPurpose::PanelDecision(panel_id) => {
                let outcome = PanelOutcome::parse(self.value("outcome"));
                let sent = self.date("sent", false)?.map(|d| (d, self.value("how").to_string()));
                Ok(Entry::PanelDecision(RecordPanelDecision {
                    panel_id,
                    outcome,
                    info_needed: self.value("needs").to_string(),
                    sent,
                }))
            }
            FormPurpose::Surgeries => {
                let blocks = crate::domain::surgery::parse_blocks(self.value("surgeries"))
                    .map_err(|message| FieldError { field: "surgeries", message })?;
                Ok(Entry::Surgeries(SetSurgeries { officer_id: self.value("officer").to_string(), blocks }))
            }
            FormPurpose::Answer => {
                let contact_id: i64 = self
                    .value("contact")
                    .parse()
                    .map_err(|_| FieldError { field: "contact", message: "no open contact".into() })?;
                let date = self.date("date", true)?.unwrap_or(app.today());
                Ok(if self.value("action") == "promise" {
                    Entry::Promise(PromiseAnswer { contact_id, date })
                } else {
                    Entry::Answer(AnswerContact { contact_id, date })
                })
            }
        }
    }
}

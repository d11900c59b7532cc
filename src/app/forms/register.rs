//! The register form (`n`): a request for assessment received (a new child, or a closed case
//! that comes back), or a child transferring in with another authority's plan. As the date of
//! birth and postcode are typed, the team finder names the child's team and its least-loaded
//! officer, and anyone already on file by name and date of birth is said at once.

use std::sync::Arc;

use chrono::{Days, NaiveDate};

use super::{Field, FieldKind, Form, FormKind, Refusal, Workloads, choice, date_field, text_field};
use crate::app::App;
use crate::casework::permissions::Work;
use crate::casework::{Entry, RegisterChild};
use crate::domain::casework::{Arrival, FieldError, NewChild, last_review_before, same_child};
use crate::domain::teams::{district, find_team};
use crate::domain::year_group::{year_group, year_group_label};
use crate::domain::{Need, Requester, Stage};

static REGISTER: FormKind = FormKind { entry, changed, rebuild: None, saved: Some(saved) };

/// `n`: register a new request or a transfer in.
pub fn open(app: &App) -> Result<Form, Refusal> {
    let me = app.me.map(|i| &app.data.county.staff[i]).ok_or_else(|| Refusal::Nothing("sign in first".into()))?;
    let roles = &app.config.rules.register_roles;
    if !roles.contains(&me.role) {
        let roles: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        return Err(Refusal::NotAllowed(format!("new requests are registered by: {}", roles.join(", "))));
    }
    let mut needs = vec![(String::new(), "not recorded".to_string())];
    needs.extend(Need::ALL.iter().map(|n| (n.as_str().to_string(), n.as_str().to_string())));
    let kinds = vec![
        ("request".to_string(), "request for an EHC needs assessment".to_string()),
        ("transfer".to_string(), "transfer in with another authority's plan".to_string()),
    ];
    let mut form = Form::new(
        &REGISTER,
        None,
        "Register a new request or a transfer in".to_string(),
        vec![
            choice("kind", "Arrives", kinds),
            text_field("first name", "First", ""),
            text_field("last name", "Last", ""),
            date_field("date of birth", "Born", None),
            text_field("postcode", "Postcode", ""),
            text_field("setting", "Setting", ""),
            choice("need", "Need", needs),
            choice("officer", "Officer", Vec::new()),
        ],
    );
    form.workloads = Some(Arc::new(Workloads::of(app)));
    follow_kind(&mut form, app);
    follow_details(&mut form, app);
    Ok(form)
}

fn changed(form: &mut Form, app: &App, key: &'static str) {
    if key == "kind" {
        follow_kind(form, app);
    }
    if matches!(key, "kind" | "first name" | "last name" | "date of birth" | "postcode" | "received") {
        follow_details(form, app);
    }
}

/// The fields of how the child arrives: when the request was received and who asked, or the
/// plan's date and its next review. They go before the officer.
fn follow_kind(form: &mut Form, app: &App) {
    form.fields.retain(|f| !matches!(f.key, "received" | "asked by" | "plan date" | "next review"));
    let at = form.fields.iter().position(|f| f.key == "officer").unwrap_or(form.fields.len());
    let fields = if form.value("kind") == "transfer" {
        vec![date_field("plan date", "Plan date", None), date_field("next review", "Next rev.", None)]
    } else {
        let askers = Requester::ALL.iter().map(|r| (r.as_str().to_string(), r.label().to_string())).collect();
        vec![date_field("received", "Received", Some(app.today())), choice("asked by", "Asked by", askers)]
    };
    for (n, field) in fields.into_iter().enumerate() {
        form.fields.insert(at + n, field);
    }
}

/// The date typed in field `key`, if it reads as one.
fn typed_date(form: &Form, key: &str) -> Option<NaiveDate> {
    crate::domain::calendar::parse_typed_date(form.value(key).trim())
}

/// What the details typed so far tell: someone already on file, the team the finder gives and
/// its least-loaded officer (put first among the officers), when the clocks fall due.
fn follow_details(form: &mut Form, app: &App) {
    let mut info = Vec::new();
    let dob = typed_date(form, "date of birth");
    let new = NewChild {
        first_name: form.value("first name").to_string(),
        last_name: form.value("last name").to_string(),
        date_of_birth: dob,
        postcode: None,
        setting: None,
        primary_need: None,
    };
    if dob.is_some()
        && let Some(on_file) = app.data.county.children.iter().find(|c| same_child(c, &new))
    {
        info.push(if on_file.stage == Stage::Ceased {
            format!("On file with a closed case ({}): saving reopens it", on_file.id)
        } else {
            format!("Already on file ({}, {}): record this on their case instead", on_file.id, on_file.stage)
        });
    }
    let postcode = form.value("postcode").trim().to_string();
    let team = match dob {
        Some(dob) if district(&postcode).is_some() => {
            let year = year_group(dob, app.today(), None);
            match find_team(&app.config.teams, year, &postcode) {
                Ok(rule) => {
                    info.push(format!("Team: {} ({}, {})", rule.name, year_group_label(year), rule.phase.as_str()));
                    Some(rule.name.clone())
                }
                Err(why) => {
                    info.push(format!("Team: {why}"));
                    None
                }
            }
        }
        _ => {
            info.push("Team: type the date of birth and postcode to find it".into());
            None
        }
    };
    if let Some(team) = &team
        && let Some(workloads) = &form.workloads
    {
        let least = workloads.loads.iter().filter(|l| &l.team == team && !l.away);
        match least.min_by(|a, b| a.score.total_cmp(&b.score)) {
            Some(l) => {
                info.push(format!("Least loaded in {team}: {} ({:.1}, {} children)", l.name, l.score, l.children));
            }
            None => info.push(format!("{team} has no officer here today")),
        }
    }
    if form.value("kind") == "request"
        && let Some(received) = typed_date(form, "received")
    {
        let by = |days| received.checked_add_days(Days::new(days)).unwrap_or(received).format("%-d %b %Y");
        info.push(format!("Decision to assess due {} · final plan due {}", by(42), by(140)));
    }
    form.info = info;
    set_officers(form, app, team.as_deref());
}

/// The officers the person may allocate to (none for those who may not allocate): the team
/// found first, least loaded first; the choice made stays chosen.
fn set_officers(form: &mut Form, app: &App, team: Option<&str>) {
    let chosen = form.value("officer").to_string();
    let allocates = app.may(Work::Allocate, None).is_ok();
    let mut options = vec![(
        String::new(),
        if allocates { "not yet: leave unallocated" } else { "not yet: a senior or manager allocates" }.to_string(),
    )];
    if allocates && let Some(workloads) = &form.workloads {
        options.extend(super::allocate::officers(app, workloads, team));
    }
    if let Some(Field { kind: FieldKind::Choice { options: old, index }, .. }) =
        form.fields.iter_mut().find(|f| f.key == "officer")
    {
        *index = options.iter().position(|(v, _)| *v == chosen).unwrap_or(0);
        *old = options;
    }
}

fn entry(form: &Form, app: &App) -> Result<Entry, FieldError> {
    let text = |key| Some(form.value(key).trim().to_string()).filter(|t| !t.is_empty());
    // What is missing is said in the order of the fields.
    for (key, what) in [("first name", "first name"), ("last name", "last name")] {
        if text(key).is_none() {
            return Err(FieldError { field: key, message: format!("the child's {what} is needed") });
        }
    }
    let child = NewChild {
        first_name: form.value("first name").to_string(),
        last_name: form.value("last name").to_string(),
        date_of_birth: form.date("date of birth", true)?,
        postcode: text("postcode"),
        setting: text("setting"),
        primary_need: Need::parse(form.value("need")),
    };
    let arrival = if form.value("kind") == "transfer" {
        let plan_date = form.required_date("plan date", app)?;
        let last_review = match form.date("next review", false)? {
            Some(next) => last_review_before(next, plan_date)?,
            None => None,
        };
        Arrival::Transfer { plan_date, last_review }
    } else {
        let by = Requester::parse(form.value("asked by"))
            .ok_or_else(|| FieldError { field: "asked by", message: "say who asked".into() })?;
        Arrival::Request { received: form.required_date("received", app)?, by }
    };
    Ok(Entry::Register(RegisterChild {
        child,
        arrival,
        officer: text("officer"),
        id: None,
        // Reopening a closed case is confirmed by the second Enter the warning asks for.
        confirmed: form.confirm.is_some(),
    }))
}

/// The child registered is shown on the caseload, when the caseload shows them.
fn saved(form: &Form, app: &mut App) {
    let new = NewChild {
        first_name: form.value("first name").to_string(),
        last_name: form.value("last name").to_string(),
        date_of_birth: typed_date(form, "date of birth"),
        postcode: None,
        setting: None,
        primary_need: None,
    };
    let Some(child) = app.data.county.children.iter().position(|c| same_child(c, &new)) else { return };
    app.focus_child = Some(child);
    if let Some(position) = app.panes.caseload.visible().iter().position(|&i| i == child) {
        app.panes.caseload.select(position);
    }
}

//! A child arriving: a request for assessment received (a new child, or one whose case had
//! closed and comes back), or a child transferring in with a plan from another authority.

use chrono::{Months, NaiveDate};

use super::{FieldError, error, human, normalise_postcode};
use crate::domain::model::*;

/// A child's details as given when they arrive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewChild {
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub postcode: Option<String>,
    pub setting: Option<String>,
    pub primary_need: Option<Need>,
}

/// How the child arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// A request for an EHC needs assessment, received on `received` from `by`.
    Request { received: NaiveDate, by: Requester },
    /// A plan made by another authority, first issued on `plan_date`, last reviewed on
    /// `last_review` (if it has been).
    Transfer { plan_date: NaiveDate, last_review: Option<NaiveDate> },
}

/// Nobody on a caseload is older than 25 (a plan ends by the 26th birthday).
const OLDEST_YEARS: u32 = 26;

/// Checks the details and the dates; returns the date of birth and the postcode as kept.
pub fn check_arrival(
    new: &NewChild,
    arrival: Arrival,
    today: NaiveDate,
) -> Result<(NaiveDate, Option<String>), FieldError> {
    if new.first_name.trim().is_empty() {
        return Err(error("first name", "the child's first name is needed"));
    }
    if new.last_name.trim().is_empty() {
        return Err(error("last name", "the child's last name is needed"));
    }
    let dob = new.date_of_birth.ok_or_else(|| error("date of birth", "a date of birth is needed"))?;
    if dob > today {
        return Err(error("date of birth", format!("{} is in the future", human(dob))));
    }
    let oldest = today.checked_sub_months(Months::new(OLDEST_YEARS * 12)).unwrap_or(today);
    if dob <= oldest {
        return Err(error("date of birth", format!("born {}: over 25, too old for an EHC plan", human(dob))));
    }
    let postcode = match new.postcode.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(text) => Some(
            normalise_postcode(text)
                .ok_or_else(|| error("postcode", format!("\"{text}\" is not a UK postcode (like WR1 2AB)")))?,
        ),
        None => None,
    };
    let happened = |field: &'static str, date: NaiveDate| {
        if date > today {
            Err(error(field, format!("{} is in the future", human(date))))
        } else if date < dob {
            Err(error(field, format!("{} is before they were born", human(date))))
        } else {
            Ok(())
        }
    };
    match arrival {
        Arrival::Request { received, by } => {
            happened("received", received)?;
            // A young person is over compulsory school age: 16 or over when they asked.
            let sixteen = dob.checked_add_months(Months::new(16 * 12)).unwrap_or(dob);
            if by == Requester::YoungPerson && received < sixteen {
                return Err(error(
                    "asked by",
                    format!(
                        "a young person is over compulsory school age, and this child was under 16 on {}: \
                         a parent asks for them",
                        human(received)
                    ),
                ));
            }
        }
        Arrival::Transfer { plan_date, last_review } => {
            happened("plan date", plan_date)?;
            if let Some(review) = last_review {
                happened("last review", review)?;
                if review < plan_date {
                    return Err(error(
                        "last review",
                        format!("{} is before the plan ({})", human(review), human(plan_date)),
                    ));
                }
            }
        }
    }
    Ok((dob, postcode))
}

/// The last review a transferring plan's next review date implies: the annual review falls 12
/// months after the last (or after the plan, when it has not been reviewed).
pub fn last_review_before(next_review: NaiveDate, plan_date: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    let last = next_review.checked_sub_months(Months::new(12)).unwrap_or(next_review);
    if next_review <= plan_date {
        return Err(error(
            "next review",
            format!("{} is not after the plan ({})", human(next_review), human(plan_date)),
        ));
    }
    if last < plan_date {
        return Err(error(
            "next review",
            format!(
                "{} is less than 12 months after the plan ({}): give the date of its last review instead",
                human(next_review),
                human(plan_date)
            ),
        ));
    }
    Ok((last > plan_date).then_some(last))
}

/// Whether `child` is the child described: the same name (case and accents aside) and birthday.
pub fn same_child(child: &Child, new: &NewChild) -> bool {
    let fold = |s: &str| deunicode::deunicode(s.trim()).to_lowercase();
    Some(child.date_of_birth) == new.date_of_birth
        && fold(&child.first_name) == fold(&new.first_name)
        && fold(&child.last_name) == fold(&new.last_name)
}

/// A child new to the service, as they arrive, with id `id`.
pub fn arriving_child(id: String, new: &NewChild, dob: NaiveDate, postcode: Option<String>, arrival: Arrival) -> Child {
    let mut child = Child {
        id,
        first_name: new.first_name.trim().to_string(),
        last_name: new.last_name.trim().to_string(),
        date_of_birth: dob,
        postcode,
        setting: new.setting.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string),
        primary_need: new.primary_need,
        officer: None,
        stage: Stage::Request,
        request_date: None,
        assess_decision_date: None,
        draft_date: None,
        plan_date: None,
        last_review_date: None,
        band: None,
        year_group_override: None,
    };
    arrive(&mut child, arrival);
    child
}

/// A closed case that comes back: the same child, their earlier case's dates left to its history
/// (steps and audit), the new one starting from `arrival`. Details given now replace old ones.
pub fn reopened(child: &Child, new: &NewChild, postcode: Option<String>, arrival: Arrival) -> Child {
    let mut after = child.clone();
    (after.assess_decision_date, after.draft_date, after.plan_date, after.last_review_date) = (None, None, None, None);
    if postcode.is_some() {
        after.postcode = postcode;
    }
    if let Some(setting) = new.setting.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        after.setting = Some(setting.to_string());
    }
    after.primary_need = new.primary_need.or(child.primary_need);
    arrive(&mut after, arrival);
    after
}

fn arrive(child: &mut Child, arrival: Arrival) {
    match arrival {
        Arrival::Request { received, .. } => {
            child.stage = Stage::Request;
            child.request_date = Some(received);
        }
        Arrival::Transfer { plan_date, last_review } => {
            child.stage = Stage::Plan;
            child.request_date = None;
            child.plan_date = Some(plan_date);
            child.last_review_date = last_review;
        }
    }
}

/// A reallocation's reason and date, checked.
pub fn check_move(reason: &str, date: NaiveDate, today: NaiveDate) -> Result<(), FieldError> {
    if reason.trim().is_empty() {
        return Err(error("reason", "say why (the family and the officers will ask)"));
    }
    if date > today {
        return Err(error("date", format!("{} is in the future", human(date))));
    }
    Ok(())
}

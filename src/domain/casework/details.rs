//! A child's details: setting, postcode, primary need, band and year-group override.

use chrono::NaiveDate;

use super::{Change, FieldError, error};
use crate::domain::model::*;

/// Changes to a child's details: only the fields set are changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailsEntry {
    pub setting: Change<Option<String>>,
    pub postcode: Change<Option<String>>,
    pub primary_need: Change<Option<Need>>,
    pub band: Change<Option<u8>>,
    pub year_group_override: Change<Option<i32>>,
}

/// A UK postcode in its usual form ("ng7 2rd" → "NG7 2RD"), or `None` if it is not shaped
/// like one: an outward code (A9, A99, AA9, AA99, A9A, AA9A) then an inward code (9AA).
pub fn normalise_postcode(text: &str) -> Option<String> {
    let compact: String = text.split_whitespace().collect::<String>().to_ascii_uppercase();
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return None;
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    let shape: String = outward
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_alphabetic() {
                'A'
            } else {
                '?'
            }
        })
        .collect();
    let outward_ok = matches!(shape.as_str(), "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A");
    (inward_ok && outward_ok).then(|| format!("{outward} {inward}"))
}

/// Children are taught at most this many years out of their age group.
const MAX_YEARS_OUT_OF_GROUP: i32 = 2;

/// The child's row with `entry`'s changes, checked.
pub fn apply_details(child: &Child, entry: &DetailsEntry, bands: u8, today: NaiveDate) -> Result<Child, FieldError> {
    if let Change::Set(Some(band)) = entry.band
        && !(1..=bands).contains(&band)
    {
        return Err(error("band", format!("bands run from 1 to {bands}")));
    }
    if let Change::Set(Some(year)) = entry.year_group_override
        && !(-1..=14).contains(&year)
    {
        return Err(error("year group", "choose Nursery to Year 14, or as for their age"));
    }
    let year_group_override = entry.year_group_override.applied_to(&child.year_group_override);
    if year_group_override != child.year_group_override {
        let expected = crate::domain::year_group::year_group_in(
            child.date_of_birth,
            crate::domain::year_group::academic_year_start(today),
        );
        if let Some(year) = year_group_override
            && (year - expected).abs() > MAX_YEARS_OUT_OF_GROUP
        {
            return Err(error(
                "year group",
                format!(
                    "{} is {} years from their age group ({}); at most {MAX_YEARS_OUT_OF_GROUP} out of year group",
                    crate::domain::year_group::year_group_label(year),
                    (year - expected).abs(),
                    crate::domain::year_group::year_group_label(expected)
                ),
            ));
        }
    }
    let clean = |text: &Option<String>| text.as_ref().map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let mut after = child.clone();
    if let Change::Set(setting) = &entry.setting {
        after.setting = clean(setting);
    }
    if let Change::Set(postcode) = &entry.postcode {
        after.postcode = match clean(postcode) {
            // An imported postcode that was never checked may stay as it is until someone edits it.
            Some(text) if Some(&text) == child.postcode.as_ref() => Some(text),
            Some(text) => Some(
                normalise_postcode(&text)
                    .ok_or_else(|| error("postcode", format!("\"{text}\" is not a UK postcode (like NG7 2RD)")))?,
            ),
            None => None,
        };
    }
    after.primary_need = entry.primary_need.applied_to(&child.primary_need);
    after.band = entry.band.applied_to(&child.band);
    after.year_group_override = year_group_override;
    if after == *child {
        return Err(error("details", "nothing has changed"));
    }
    Ok(after)
}

/// "band 3 → 5; setting … → …": what changed, for the case history.
pub fn describe_changes(before: &Child, after: &Child) -> String {
    let show = |v: Option<String>| v.unwrap_or_else(|| "none".to_string());
    let mut parts = Vec::new();
    if before.band != after.band {
        parts.push(format!(
            "band {} → {}",
            show(before.band.map(|b| b.to_string())),
            show(after.band.map(|b| b.to_string()))
        ));
    }
    if before.setting != after.setting {
        parts.push(format!("setting {} → {}", show(before.setting.clone()), show(after.setting.clone())));
    }
    if before.primary_need != after.primary_need {
        parts.push(format!(
            "primary need {} → {}",
            show(before.primary_need.map(|n| n.to_string())),
            show(after.primary_need.map(|n| n.to_string()))
        ));
    }
    if before.year_group_override != after.year_group_override {
        let year =
            |y: Option<i32>| y.map_or_else(|| "as for age".to_string(), crate::domain::year_group::year_group_label);
        parts.push(format!("year group {} → {}", year(before.year_group_override), year(after.year_group_override)));
    }
    if before.postcode != after.postcode {
        parts.push(format!("postcode {} → {}", show(before.postcode.clone()), show(after.postcode.clone())));
    }
    format!("Details changed: {}.", parts.join("; "))
}

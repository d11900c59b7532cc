//! An audit row's change in words ("band 3 → 5", "review meeting 19 Nov 2026", "allocated to
//! Nia Cole from Theo Brown · caseload review"), for `caseload audit` and the handback.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value;

use crate::domain::casework::detail_label;
use crate::domain::{StepKind, year_group::year_group_label};
use crate::store::audit::AuditRow;

/// What an audit row's change was, in words.
pub fn describe(row: &AuditRow, staff: &HashMap<&str, &str>) -> String {
    let (before, after) = (row.before.as_ref(), row.after.as_ref());
    let field = |value: Option<&Value>, key: &str| value.and_then(|v| v.get(key)).cloned().unwrap_or(Value::Null);
    // A staff id as the person's name; nobody as "nobody".
    let person = |value: Value| match value {
        Value::String(id) => staff.get(id.as_str()).map_or(id.clone(), |name| (*name).to_string()),
        _ => "nobody".to_string(),
    };
    match row.action.as_str() {
        "view_child" => "opened the record".into(),
        "record_step" => step_words(after.and_then(|a| a.get("step"))),
        "record_contact" => {
            let entry = text(&field(after, "entry")).replace('-', " ");
            format!("{entry}: {}", text(&field(after, "summary")))
        }
        "answer_contact" => {
            let what = text(&field(after, "kind")).replace('_', " ").replace("email received", "email");
            let summary = text(&field(after, "summary"));
            let about = if summary.is_empty() { String::new() } else { format!(": {summary}") };
            let said = text(&field(after, "answer"));
            let said = if said.is_empty() { String::new() } else { format!(" — said: {said}") };
            format!(
                "{what} of {} answered on {}{about}{said}",
                day(&field(after, "received")),
                day(&field(after, "answered"))
            )
        }
        "promise_answer" => format!("family told to expect an answer by {}", day(&field(after, "promised"))),
        "submit_to_panel" => format!(
            "put to the panel of {}: {}",
            day(&field(after, "panel_date")),
            text(&field(after, "question")).replace('_', " ")
        ),
        "register_dispute" => {
            format!("{} registered {}", text(&field(after, "kind")), day(&field(after, "registered")))
        }
        "book_call_back" => format!(
            "call-back booked with {} on {} at {}",
            text(&field(after, "officer_id")),
            day(&field(after, "date")),
            text(&field(after, "start")).get(..5).unwrap_or("")
        ),
        "set_surgeries" => "weekly surgeries set".into(),
        "allocate" => {
            let from = match field(before, "officer") {
                Value::Null => String::new(),
                officer => format!(" from {}", person(officer)),
            };
            let reason = text(&field(after, "reason"));
            format!("allocated to {}{from} · {reason}", person(field(after, "officer_id")))
        }
        "set_task" | "reassign_task" => format!(
            "to-do for {}: tell the family and school ({}), due {}",
            person(field(after, "staff_id")),
            text(&field(after, "detail")),
            day(&field(after, "due"))
        ),
        "close_task" => format!("to-do closed: {}", text(&field(after, "detail"))),
        "complete_task" => format!("to-do done {}: {}", day(&field(after, "done")), text(&field(after, "detail"))),
        "register_request" => format!(
            "request for assessment received {} from the {}",
            day(&field(after, "received")),
            text(&field(after, "requested_by")).replace('_', " ")
        ),
        "add_child" => format!(
            "added: {} {}, born {}",
            text(&field(after, "first_name")),
            text(&field(after, "last_name")),
            day(&field(after, "date_of_birth"))
        ),
        "give_cover" => format!(
            "covered by {} from {} to {}",
            person(field(after, "cover_id")),
            day(&field(after, "from")),
            day(&field(after, "to"))
        ),
        "end_cover" => format!("cover by {} ends after {}", person(field(after, "cover_id")), day(&field(after, "to"))),
        "move_call_back" => format!(
            "call-back of {} moved to {} on {} at {}",
            day(&field(before, "date")),
            person(field(after, "officer_id")),
            day(&field(after, "date")),
            text(&field(after, "start")).get(..5).unwrap_or("")
        ),
        "call_back_made" => {
            let said = text(&field(after, "said"));
            let said = if said.is_empty() { String::new() } else { format!(": {said}") };
            format!("call-back of {} made on {}{said}", day(&field(before, "date")), day(&field(after, "made")))
        }
        "add_absence" => format!(
            "{} away ({}) from {} to {}",
            person(field(after, "staff_id")),
            text(&field(after, "kind")),
            day(&field(after, "from")),
            match field(after, "to") {
                Value::Null => "further notice".to_string(),
                to => day(&to),
            }
        ),
        "end_absence" => format!("{} back after {}", person(field(after, "staff_id")), day(&field(after, "to"))),
        "cancel_absence" => format!("{}'s absence cancelled", person(field(before, "staff_id"))),
        "acknowledge_handback" => "read what was done while away".into(),
        "set_rota" => {
            let when = match (field(after, "weekday"), field(after, "date")) {
                (Value::Number(n), _) => {
                    format!("every {}", super::absence::weekday_name(n.as_u64().unwrap_or(0) as u32))
                }
                (_, date) => format!("on {}", day(&date)),
            };
            match field(after, "staff_id") {
                Value::String(id) if !id.is_empty() => {
                    format!("{} on duty for {} {when}", person(Value::String(id)), text(&field(after, "team")))
                }
                _ => format!("duty for {} {when} back to the usual", text(&field(after, "team"))),
            }
        }
        "plan_leave" => format!(
            "leave plan: {} things handed over or to do first",
            after.and_then(Value::as_array).map_or(0, Vec::len)
        ),
        "reopen_by_order" => format!("case reopened by a tribunal's order: stage {}", text(&field(after, "stage"))),
        "reopen_case" => {
            let changed = changes(before, after);
            format!("case reopened: {}", changed.join("; "))
        }
        "replace_all" => format!(
            "replaced the county: {} staff, {} children, {} history events",
            field(after, "staff"),
            field(after, "children"),
            field(after, "events")
        ),
        action => {
            let changed = changes(before, after);
            if changed.is_empty() { action.replace('_', " ") } else { changed.join("; ") }
        }
    }
}

/// "review meeting 19 Nov 2026", "ceased 30 Nov 2026 · SEN2 5 · transferred to another LA".
fn step_words(step: Option<&Value>) -> String {
    let Some(step) = step else { return "a statutory step".into() };
    let kind = text(step.get("kind").unwrap_or(&Value::Null));
    let detail = text(step.get("detail").unwrap_or(&Value::Null));
    let mut words = format!("{} {}", kind.replace('_', " "), day(step.get("date").unwrap_or(&Value::Null)));
    if !detail.is_empty() {
        let label = StepKind::parse(&kind).map_or_else(|| detail.clone(), |k| detail_label(k, &detail));
        words.push_str(&format!(" · {label}"));
    }
    words
}

/// The fields that differ between two records: "band 3 → 5", "hearing — → 13 Nov 2026".
fn changes(before: Option<&Value>, after: Option<&Value>) -> Vec<String> {
    let (Some(Value::Object(before)), Some(Value::Object(after))) = (before, after) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, new) in after {
        let old = before.get(key).unwrap_or(&Value::Null);
        if old == new || key == "version" {
            continue;
        }
        let shown = |v: &Value| match (key.as_str(), v) {
            ("year_group_override", Value::Number(n)) => {
                n.as_i64().and_then(|y| i32::try_from(y).ok()).map_or_else(|| n.to_string(), year_group_label)
            }
            ("year_group_override", Value::Null) => "as for age".into(),
            _ => value_words(v),
        };
        out.push(format!("{} {} → {}", key.replace('_', " "), shown(old), shown(new)));
    }
    out
}

fn value_words(value: &Value) -> String {
    match value {
        Value::Null => "—".into(),
        Value::String(s) if is_date(s) => day(value),
        Value::String(s) => s.replace('_', " "),
        other => other.to_string(),
    }
}

fn is_date(text: &str) -> bool {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// A JSON date as "19 Nov 2026"; anything else as its text.
fn day(value: &Value) -> String {
    let text = text(value);
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_or(text, |d| d.format("%-d %b %Y").to_string())
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn row(action: &str, before: Option<Value>, after: Option<Value>) -> AuditRow {
        AuditRow {
            id: 1,
            at: "2026-12-02T14:05:00Z".into(),
            staff_id: Some("S1".into()),
            account: Some("tbrown".into()),
            action: action.into(),
            entity: "child".into(),
            entity_id: Some("C3".into()),
            child_id: Some("C3".into()),
            before,
            after,
            day: None,
        }
    }

    fn describe_plain(row: &AuditRow) -> String {
        describe(row, &HashMap::new())
    }

    #[test]
    fn rows_say_what_changed() {
        let details = row(
            "edit_details",
            Some(json!({"band": 3, "setting": "Millbrook", "year_group_override": null, "version": 0})),
            Some(json!({"band": 5, "setting": "Millbrook", "year_group_override": 6, "version": 1})),
        );
        assert_eq!(describe_plain(&details), "band 3 → 5; year group override as for age → Year 6");
        let step = row(
            "record_step",
            None,
            Some(json!({"step": {"kind": "review_meeting", "date": "2026-11-19", "detail": ""}})),
        );
        assert_eq!(describe_plain(&step), "review meeting 19 Nov 2026");
        let ceased =
            row("record_step", None, Some(json!({"step": {"kind": "ceased", "date": "2026-11-30", "detail": "5"}})));
        assert_eq!(describe_plain(&ceased), "ceased 30 Nov 2026 · 5 · transferred to another LA in England");
        let dispute = row("update_dispute", Some(json!({"hearing": null})), Some(json!({"hearing": "2026-11-13"})));
        assert_eq!(describe_plain(&dispute), "hearing — → 13 Nov 2026");
        assert_eq!(describe_plain(&row("view_child", None, None)), "opened the record");
        let staff = HashMap::from([("S1", "Theo Brown"), ("S6", "Nia Cole")]);
        let moved = row(
            "allocate",
            Some(json!({"officer": "S1"})),
            Some(json!({"officer_id": "S6", "reason": "caseload review", "from": "2026-12-02"})),
        );
        assert_eq!(describe(&moved, &staff), "allocated to Nia Cole from Theo Brown · caseload review");
        let task =
            row("set_task", None, Some(json!({"staff_id": "S6", "detail": "now with Nia Cole", "due": "2026-12-09"})));
        assert_eq!(
            describe(&task, &staff),
            "to-do for Nia Cole: tell the family and school (now with Nia Cole), due 9 Dec 2026"
        );
    }
}

//! `caseload audit`: who saw and changed what, and when, filtered by child, person and dates;
//! each row says in words what changed ("band 3 → 5", "review meeting 19 Nov 2026").

use std::collections::HashMap;

use chrono::NaiveDate;
use clap::Args;
use color_eyre::eyre::Result;
use serde_json::Value;

use super::{Context, emit};
use crate::context::parse_date;
use crate::domain::casework::detail_label;
use crate::domain::{StepKind, year_group::year_group_label};
use crate::store::audit::{AuditFilter, AuditRow};

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only what concerns this child (child id)
    #[arg(long, value_name = "CHILD_ID")]
    pub child: Option<String>,
    /// Only what this member of staff did (staff id)
    #[arg(long, value_name = "STAFF_ID")]
    pub staff: Option<String>,
    /// From this day (YYYY-MM-DD, UTC), inclusive
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// To this day (YYYY-MM-DD, UTC), inclusive
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// How many rows, newest first
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON, with each record as it was before and after
    #[arg(long)]
    pub json: bool,
}

pub fn audit(ctx: &Context, args: &AuditArgs) -> Result<i32> {
    let (store, county, _) = ctx.load()?;
    let filter = AuditFilter {
        child_id: args.child.clone(),
        staff_id: args.staff.clone(),
        since: args.since,
        until: args.until,
        limit: args.limit,
    };
    let rows = store.audit(&filter)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
        return Ok(0);
    }
    let staff: HashMap<&str, &str> = county.staff.iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
    let children: HashMap<&str, String> = county.children.iter().map(|c| (c.id.as_str(), c.full_name())).collect();
    let mut text = String::new();
    for row in &rows {
        let when = row.at.replace('T', " ").trim_end_matches('Z').to_string();
        let who = match (row.staff_id.as_deref(), row.account.as_deref()) {
            (Some(id), _) => format!("{} ({id})", staff.get(id).copied().unwrap_or(id)),
            (None, Some(account)) => format!("account {account}"),
            (None, None) => "-".to_string(),
        };
        let about = row.child_id.as_deref().map_or_else(String::new, |id| {
            format!("{} ({id}) · ", children.get(id).map_or("no longer on file", String::as_str))
        });
        text.push_str(&format!("{when}  {who:<24} {about}{}\n", describe(row, &staff)));
    }
    if text.is_empty() {
        text = "Nothing in the audit log matches.\n".into();
    }
    emit(&text)?;
    Ok(0)
}

/// What an audit row's change was, in words.
fn describe(row: &AuditRow, staff: &HashMap<&str, &str>) -> String {
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
        "answer_contact" => format!("answered on {}", day(&field(after, "answered"))),
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

//! `caseload audit`: who saw and changed what, and when, filtered by child, person and dates;
//! each row says in words what changed ("band 3 → 5", "review meeting 19 Nov 2026").

use std::collections::HashMap;

use chrono::NaiveDate;
use clap::Args;
use color_eyre::eyre::Result;

use super::{Context, emit};
use crate::casework::audit_words::describe;
use crate::context::parse_date;
use crate::store::audit::AuditFilter;

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

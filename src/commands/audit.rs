//! `caseload audit`: who changed what, and when.

use color_eyre::eyre::Result;

use super::{Context, emit};
use clap::Args;

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// How many rows, newest first
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub fn audit(ctx: &Context, args: &AuditArgs) -> Result<i32> {
    let store = ctx.open_store()?;
    let rows = store.audit_rows(args.limit)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
        return Ok(0);
    }
    let mut text = String::new();
    for row in &rows {
        text.push_str(&format!(
            "{}  {:<6} {:<16} {} {}\n",
            row.at,
            row.staff_id.as_deref().unwrap_or("-"),
            row.action,
            row.entity,
            row.entity_id.as_deref().unwrap_or("")
        ));
    }
    if text.is_empty() {
        text = "The audit log is empty.\n".into();
    }
    emit(&text)?;
    Ok(0)
}

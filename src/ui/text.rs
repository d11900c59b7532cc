//! Small text helpers shared by the panes.

use chrono::NaiveDate;
use ratatui::text::Line;

use crate::domain::MilestoneName;

/// Display width in terminal cells.
pub fn width(text: &str) -> usize {
    Line::raw(text).width()
}

/// "23 Nov 2026".
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "23 Nov 26": fits a table column.
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %b %y").to_string()
}

/// A milestone as people say it.
pub fn milestone_label(name: MilestoneName) -> &'static str {
    match name {
        MilestoneName::AssessDecision => "assess decision",
        MilestoneName::AdviceDue => "advice due",
        MilestoneName::IssueDecision => "issue decision",
        MilestoneName::DraftCommentsClose => "draft comments",
        MilestoneName::FinalPlan => "final plan",
        MilestoneName::AnnualReview => "annual review",
        MilestoneName::EarlyYearsReview => "6-month review",
        MilestoneName::ReviewReportDue => "review report",
        MilestoneName::ReviewDecision => "review decision",
        MilestoneName::AmendedPlan => "amended plan",
        MilestoneName::PhaseTransfer => "phase transfer",
        MilestoneName::CallBack => "call back",
        MilestoneName::EmailReply => "email reply",
        MilestoneName::PlanEnd => "plan end",
    }
}

/// One line of free text: new lines shown as " ⏎ ".
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", " ⏎ ").replace('\n', " ⏎ ")
}

/// "in 3 days", "today", "5 days late".
pub fn days_left(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        d if d < 0 => format!("{}", d),
        d => format!("{d}"),
    }
}

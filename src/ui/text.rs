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
        MilestoneName::MediationMeeting => "mediation",
        MilestoneName::AppealResponse => "appeal response",
        MilestoneName::OrderCompliance => "tribunal order",
        MilestoneName::ReviewDecision => "review decision",
        MilestoneName::AmendedPlan => "amended plan",
        MilestoneName::PhaseTransfer => "phase transfer",
        MilestoneName::CallBack => "call back",
        MilestoneName::EmailReply => "email reply",
        MilestoneName::PanelDecisionSent => "panel letter",
        MilestoneName::PanelResubmission => "resubmit",
        MilestoneName::TellFamily => "tell family",
        MilestoneName::PlanEnd => "plan end",
        MilestoneName::AppealDeadline => "appeal by",
    }
}

/// Shortens `text` to `width` characters, marking the cut with "…".
pub fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// One line of free text: new lines shown as " ⏎ ".
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", " ⏎ ").replace('\n', " ⏎ ")
}

/// "in 3 days", "today", "5 days late".
pub fn days_left(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        d if d < 0 => format!("{d}"),
        d => format!("{d}"),
    }
}

/// Splits `text` into lines of at most `width` cells, at spaces where it can.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let needed = if current.is_empty() { self::width(word) } else { self::width(&current) + 1 + self::width(word) };
        if needed <= width {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word longer than the line is cut into pieces.
        let mut piece = String::new();
        for c in word.chars() {
            if self::width(&piece) + self::width(c.encode_utf8(&mut [0; 4])) > width {
                lines.push(std::mem::take(&mut piece));
            }
            piece.push(c);
        }
        current = piece;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// "Amber Lee" → "A Lee", for narrow columns.
pub fn short_name(name: &str) -> String {
    match name.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", first.chars().next().unwrap_or(' ')),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("the final plan may not be issued", 12), vec!["the final", "plan may not", "be issued"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("Zoë Łukasz", 3), vec!["Zoë", "Łuk", "asz"]);
        assert!(wrap("a b c d e f g", 3).iter().all(|l| width(l) <= 3));
    }
}

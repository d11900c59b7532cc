//! How typed option values are read. Fixed choices (contact kinds, steps, panel questions…) are
//! typed by hand, so any case and `-` or `_` between words are accepted; help and errors show one
//! spelling, with underscores, as the CSV files, the JSON output and the list commands print them.
//! Times are HH:MM; dates are read by `context::parse_date`.

use std::ffi::OsStr;

use chrono::NaiveTime;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::domain::StepKind;
use crate::domain::casework::{detail_choices, detail_label};

/// How a typed word is compared: trimmed, lower case, `-` read as `_`.
pub fn normalise(text: &str) -> String {
    text.trim().to_ascii_lowercase().replace('-', "_")
}

/// The spelling help and errors show.
pub fn shown(word: &str) -> String {
    word.replace('-', "_")
}

/// A clap value parser over a fixed list, e.g. `Choice::new(StepKind::ALL, StepKind::as_str)`.
#[derive(Clone)]
pub struct Choice<T: 'static> {
    values: &'static [T],
    word: fn(T) -> &'static str,
}

impl<T: Copy> Choice<T> {
    pub fn new(values: &'static [T], word: fn(T) -> &'static str) -> Self {
        Choice { values, word }
    }

    /// The value `text` names, if any.
    pub fn find(&self, text: &str) -> Option<T> {
        let text = normalise(text);
        self.values.iter().copied().find(|v| normalise((self.word)(*v)) == text)
    }

    fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.values.iter().map(|v| shown((self.word)(*v)))
    }
}

impl<T: Copy + Send + Sync + 'static> TypedValueParser for Choice<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<T, clap::Error> {
        if let Some(found) = value.to_str().and_then(|text| self.find(text)) {
            return Ok(found);
        }
        // Not one of them: clap's own error names the option and lists the values (with a
        // "similar value" tip), exactly as help shows them.
        let names: Vec<String> = self.names().collect();
        PossibleValuesParser::new(names)
            .parse_ref(cmd, arg, value)
            .and_then(|_| Err(clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd)))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.names().map(PossibleValue::new)))
    }
}

/// A step's detail choices, one line each; coded ones say what they mean ("1 · reached the
/// maximum age") since officers do not all know the SEN2 and Reg 10(4) codes.
fn detail_lines(kind: StepKind, indent: &str) -> Vec<String> {
    let choices = detail_choices(kind);
    // `detail_label` gives plain words back unchanged but for spaces; anything more is a meaning.
    if choices.iter().any(|c| detail_label(kind, c) != c.replace('_', " ")) {
        choices.iter().map(|c| format!("{indent}{}", detail_label(kind, c))).collect()
    } else {
        vec![format!("{indent}{}", choices.iter().map(|c| shown(c)).collect::<Vec<_>>().join(", "))]
    }
}

/// The detail to store for a step: one of its fixed choices, matched like any other choice, or
/// a free note for steps without any. The error lists the choices.
pub fn step_detail(kind: StepKind, text: &str) -> Result<String, String> {
    let choices = detail_choices(kind);
    if choices.is_empty() {
        return Ok(text.trim().to_string());
    }
    if let Some(choice) = choices.iter().find(|c| normalise(c) == normalise(text)) {
        return Ok((*choice).to_string());
    }
    let what = match kind {
        StepKind::Ceased => "SEN2 ceasing reason",
        StepKind::Exception => "Reg 10(4) exception",
        StepKind::AdviceRequested | StepKind::AdviceReceived => "kind of advice",
        StepKind::ReviewDecision => "review decision",
        _ => "decision",
    };
    let step = shown(kind.as_str());
    let problem = if text.trim().is_empty() {
        format!("--detail is needed: {step} takes a {what}, one of")
    } else {
        format!("--detail {}: not a {what}; {step} takes one of", text.trim())
    };
    Err(format!("{problem}:\n{}", detail_lines(kind, "  ").join("\n")))
}

/// `caseload step --help`'s closing text: every step's detail choices and what the codes mean.
pub fn step_help() -> String {
    let mut text = String::from("Details (--detail) by step:\n");
    let mut done: Vec<StepKind> = Vec::new();
    for &kind in StepKind::ALL {
        let choices = detail_choices(kind);
        if choices.is_empty() || done.contains(&kind) {
            continue;
        }
        // Steps sharing the same choices are listed together.
        let same: Vec<StepKind> = StepKind::ALL.iter().copied().filter(|k| detail_choices(*k) == choices).collect();
        done.extend(&same);
        let names: Vec<String> = same.iter().map(|k| shown(k.as_str())).collect();
        let lines = detail_lines(kind, "    ");
        let heading = match kind {
            StepKind::Ceased => " (SEN2 ceasing reason)",
            StepKind::Exception => " (Reg 10(4) exception; give --until too)",
            _ => "",
        };
        if lines.len() == 1 {
            text.push_str(&format!("  {}: {}\n", names.join(", "), lines[0].trim()));
        } else {
            text.push_str(&format!("  {}{heading}:\n{}\n", names.join(", "), lines.join("\n")));
        }
    }
    text.push_str("  other steps: an optional note\n\n");
    text.push_str(
        "Ceasing a plan, or a declined assess_decision or issue_decision, closes the case: add --confirm.\n\
         Dates are YYYY-MM-DD. Words may be written with - or _ and in any case.",
    );
    text
}

/// A time on the command line: `HH:MM`, 24-hour.
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| "not a time like 14:15 (HH:MM, 24-hour)".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_separator_and_any_case() {
        let steps = Choice::new(StepKind::ALL, StepKind::as_str);
        for text in ["assess_decision", "assess-decision", "Assess-Decision", " ASSESS_DECISION "] {
            assert_eq!(steps.find(text), Some(StepKind::AssessDecision), "{text}");
        }
        assert_eq!(steps.find("assess decision"), None);
        assert_eq!(steps.find(""), None);
    }
}

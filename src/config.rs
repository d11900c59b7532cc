//! User configuration: `config.toml` in the platform config directory, or `--config PATH`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::RulesConfig;

/// What a case officer is called in this authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Terminology {
    #[default]
    #[serde(rename = "Case Officer")]
    CaseOfficer,
    #[serde(rename = "EHCP Co-ordinator")]
    EhcpCoordinator,
    #[serde(rename = "SEND Officer")]
    SendOfficer,
}

impl Terminology {
    pub fn officer(self) -> &'static str {
        match self {
            Terminology::CaseOfficer => "Case Officer",
            Terminology::EhcpCoordinator => "EHCP Co-ordinator",
            Terminology::SendOfficer => "SEND Officer",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// The terminal's own palette: reads on dark and light backgrounds.
    #[default]
    Default,
    /// Darker accents for light backgrounds.
    Light,
    /// No colour at all (forced when `NO_COLOR` is set).
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyPreset {
    /// Arrows, Page keys and the vim letters (h j k l g G) together.
    #[default]
    Default,
    /// Arrows and Page keys only, leaving letters free.
    Arrows,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub terminology: Terminology,
    pub theme: ThemeName,
    pub key_preset: KeyPreset,
    /// Action name → keys, overriding the preset (e.g. `quit = ["q", "ctrl-c"]`).
    pub keys: BTreeMap<String, Vec<String>>,
    pub rules: RulesConfig,
    /// A team install's settings (read only from the system configuration).
    pub team: TeamSettings,
    /// How workloads are scored, and their usual range.
    pub workload: crate::domain::workload::WorkloadSettings,
    /// The team finder's table: which team serves which ages and postcode districts.
    pub teams: Vec<crate::domain::teams::TeamRule>,
}

/// How a team install runs: in its system configuration, `<prefix>/etc/caseload/config.toml`
/// beside the installed binary's `<prefix>/bin`, owned by root.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TeamSettings {
    /// The team's database, in a directory only the caseload group can enter.
    pub database: Option<PathBuf>,
}

/// The example configuration shipped in assets/, whose team table is the demo county's.
pub const EXAMPLE: &str = include_str!("../assets/config.example.toml");

/// Where the config file is looked for when `--config` is not given.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "caseload").map(|dirs| dirs.config_dir().join("config.toml"))
}

impl Config {
    /// Reads `explicit` (which must exist) or else the default file (which may be absent).
    pub fn load(explicit: Option<&Path>) -> Result<Config, String> {
        let (path, required) = match explicit {
            Some(path) => (path.to_path_buf(), true),
            None => match default_config_path() {
                Some(path) => (path, false),
                None => return Ok(Config::default()),
            },
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Parses config text; errors name the line and column.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| describe_toml_error(text, &e))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), String> {
        let rules = &self.rules;
        if [rules.call_back_days, rules.email_reply_days, rules.panel_decision_days, rules.panel_resubmit_days]
            .contains(&0)
        {
            return Err(
                "rules: call_back_days, email_reply_days, panel_decision_days and panel_resubmit_days must be at least 1"
                    .into(),
            );
        }
        if !(1..=9).contains(&rules.bands.count()) {
            return Err("rules: bands must be 1-9 (the interchange format carries bands 1-9)".into());
        }
        if let crate::domain::BandTable::TopUps(amounts) = &rules.bands
            && let Some(band) = amounts.iter().position(|&a| a == 0)
        {
            return Err(format!("rules: band {}'s top-up is £0; give each band's annual amount in pounds", band + 1));
        }
        if let Some(year) = rules.transfer_years.iter().find(|y| !(0..=14).contains(*y)) {
            return Err(format!("rules: transfer year {year} is not a school year 0-14"));
        }
        if rules.tell_family_days == 0 || rules.tell_cover_days == 0 {
            return Err("rules: tell_family_days and tell_cover_days must be at least 1".into());
        }
        if rules.duty_days > 60 {
            return Err("rules: duty_days must be at most 60 (working days ahead on the duty queue)".into());
        }
        self.workload.check()?;
        crate::domain::teams::check_table(&self.teams)?;
        Ok(())
    }
}

/// "line 3, column 5: unknown field `x`…" from a toml error.
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim().to_string();
    match error.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_gives_defaults() {
        let config = Config::parse("").expect("empty config is valid");
        assert_eq!(config.rules, RulesConfig::default());
        assert_eq!(config.terminology, Terminology::CaseOfficer);
    }

    #[test]
    fn settings_are_read() {
        let config = Config::parse(
            "terminology = \"SEND Officer\"\ntheme = \"mono\"\n[rules]\ncall_back_days = 3\n[keys]\nquit = [\"x\"]\n",
        )
        .expect("valid");
        assert_eq!(config.terminology.officer(), "SEND Officer");
        assert_eq!(config.theme, ThemeName::Mono);
        assert_eq!(config.rules.call_back_days, 3);
        assert_eq!(config.rules.email_reply_days, 5);
        assert_eq!(config.keys["quit"], vec!["x".to_string()]);
        let config = Config::parse("[rules]\nbands = [1600, 3100, 4500]\n").expect("a band table");
        assert_eq!(config.rules.bands.count(), 3);
        assert_eq!(config.rules.bands.top_up(2), Some(3100));
    }

    #[test]
    fn errors_name_the_line() {
        let error = Config::parse("theme = \"mono\"\n\n[rules]\ncall_back_dayz = 3\n").unwrap_err();
        assert!(error.starts_with("line 4, column 1:"), "{error}");
        assert!(error.contains("call_back_dayz"), "{error}");
        let error = Config::parse("terminology = \"Caseworker\"\n").unwrap_err();
        assert!(error.starts_with("line 1,"), "{error}");
    }

    #[test]
    fn nonsense_rules_are_refused() {
        assert!(Config::parse("[rules]\ncall_back_days = 0\n").is_err());
        assert!(Config::parse("[rules]\ntransfer_years = [0, 30]\n").is_err());
        assert!(Config::parse("[rules]\nbands = 12\n").is_err());
        assert!(Config::parse("[rules]\nbands = [1600, 0]\n").is_err());
        let error = Config::parse("[rules]\nbands = \"many\"\n").unwrap_err();
        assert!(error.contains("line 2") && error.contains("annual top-up"), "{error}");
    }
}

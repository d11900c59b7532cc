//! The team finder: which team a child belongs to, from their year group (or age) and the
//! district of their postcode, by the authority's table (`[[teams]]` in config.toml).
//!
//! **Rule here**: pre-14 is up to Year 9 and post-14 Year 10 upwards (14 or over on the 31 August
//! before the school year); a district entry is an outward code ("WR1") or a postcode area's
//! letters ("HR", every HR district). The first row that fits wins.

use serde::Deserialize;

use super::casework::normalise_postcode;
use super::year_group::year_group_label;

/// The ages a team serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Phase {
    /// Up to Year 9.
    #[serde(rename = "pre-14")]
    Pre14,
    /// Year 10 and above.
    #[serde(rename = "post-14")]
    Post14,
    /// Any age.
    #[serde(rename = "all")]
    All,
}

impl Phase {
    pub fn serves(self, year_group: i32) -> bool {
        match self {
            Phase::Pre14 => year_group <= 9,
            Phase::Post14 => year_group >= 10,
            Phase::All => true,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pre14 => "pre-14",
            Phase::Post14 => "post-14",
            Phase::All => "all",
        }
    }
}

/// One row of the finder's table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamRule {
    /// The team's name, as staff.csv spells it.
    pub name: String,
    pub phase: Phase,
    /// Outward codes ("WR1") or postcode areas ("HR").
    pub districts: Vec<String>,
}

impl TeamRule {
    fn covers(&self, district: &str) -> bool {
        let area: String = district.chars().take_while(char::is_ascii_alphabetic).collect();
        self.districts.iter().any(|d| {
            let d = d.trim().to_ascii_uppercase();
            d == district || (d.chars().all(|c| c.is_ascii_alphabetic()) && d == area)
        })
    }
}

/// The outward code of a UK postcode ("WR1 2AB" → "WR1"), or an outward code given alone
/// ("wr1"), if it is shaped like one.
pub fn district(postcode: &str) -> Option<String> {
    if let Some(full) = normalise_postcode(postcode) {
        return full.split(' ').next().map(str::to_string);
    }
    let outward = postcode.trim().to_ascii_uppercase();
    // An outward code is a full postcode without its last three characters: complete one to check it.
    normalise_postcode(&format!("{outward} 1AA")).filter(|_| !outward.contains(' ')).map(|_| outward)
}

/// The team for a child in `year_group` living at `postcode`, or why there is none.
pub fn find_team<'a>(table: &'a [TeamRule], year_group: i32, postcode: &str) -> Result<&'a TeamRule, String> {
    if table.is_empty() {
        return Err("no team table is configured ([[teams]] in config.toml)".into());
    }
    let district = district(postcode)
        .ok_or_else(|| format!("\"{postcode}\" is not a UK postcode or district (like WR1 2AB, or WR1)"))?;
    table.iter().find(|rule| rule.phase.serves(year_group) && rule.covers(&district)).ok_or_else(|| {
        format!(
            "no team matches {} in {district}: add the district to a team in config.toml",
            year_group_label(year_group)
        )
    })
}

/// The checks a configured table must pass: names and districts given, districts shaped right.
pub fn check_table(table: &[TeamRule]) -> Result<(), String> {
    for (n, rule) in table.iter().enumerate() {
        let row = n + 1;
        if rule.name.trim().is_empty() {
            return Err(format!("teams row {row}: name is empty"));
        }
        if rule.districts.is_empty() {
            return Err(format!("teams row {row} ({}): districts is empty", rule.name));
        }
        for d in &rule.districts {
            let d = d.trim();
            let letters = d.chars().take_while(char::is_ascii_alphabetic).count();
            let shaped = (1..=2).contains(&letters)
                && d[letters..].chars().all(|c| c.is_ascii_alphanumeric())
                && d.len() <= 4
                && d.chars().all(|c| c.is_ascii_alphanumeric());
            if !shaped {
                return Err(format!(
                    "teams row {row} ({}): \"{d}\" is not a postcode district (WR1) or area (WR)",
                    rule.name
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Vec<TeamRule> {
        let row = |name: &str, phase, districts: &[&str]| TeamRule {
            name: name.into(),
            phase,
            districts: districts.iter().map(std::string::ToString::to_string).collect(),
        };
        vec![
            row("North Pre-14", Phase::Pre14, &["WR1", "WR2"]),
            row("North Post-14", Phase::Post14, &["WR1", "WR2"]),
            row("Herefordshire", Phase::All, &["HR"]),
        ]
    }

    #[test]
    fn the_team_follows_the_year_group_and_the_district() {
        let table = table();
        let team = |year, postcode| find_team(&table, year, postcode).map(|t| t.name.as_str());
        assert_eq!(team(9, "wr1 2ab"), Ok("North Pre-14"));
        assert_eq!(team(10, "WR2 9ZZ"), Ok("North Post-14"));
        assert_eq!(team(9, " wr2"), Ok("North Pre-14"), "a district alone");
        assert_eq!(team(-1, "HR8 1AA"), Ok("Herefordshire"), "an area covers its districts");
        assert_eq!(team(12, "HR1 1AA"), Ok("Herefordshire"));
        assert!(team(3, "WR12 1AA").unwrap_err().contains("no team matches Year 3 in WR12"));
        assert!(team(3, "nowhere").unwrap_err().contains("not a UK postcode"));
        assert!(find_team(&[], 3, "WR1 1AA").unwrap_err().contains("no team table"));
    }

    #[test]
    fn a_table_with_a_bad_district_is_refused() {
        let mut bad = table();
        bad[1].districts.push("W R1".into());
        assert!(check_table(&bad).unwrap_err().contains("teams row 2 (North Post-14)"));
        assert!(check_table(&table()).is_ok());
    }
}

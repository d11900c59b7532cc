//! The service's configurable rule settings, with the defaults DOMAIN.md gives.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulesConfig {
    /// Working days to return a phone message (`call_back`).
    pub call_back_days: u32,
    /// Working days to answer an email (`email_reply`).
    pub email_reply_days: u32,
    /// Working days after a panel to send the family its decision and reasons.
    pub panel_decision_days: u32,
    /// Working days after a panel defers a case to resubmit it.
    pub panel_resubmit_days: u32,
    /// A milestone due within this many working days is "due soon".
    pub due_soon_working_days: u32,
    /// National Curriculum years a child transfers *into*: by default 7 and 12 for everyone, 0
    /// (Reception) for children in an early-years setting; 3 where the area has infant schools.
    pub transfer_years: Vec<i32>,
    /// The authority's top-up funding bands (DOMAIN.md: up to 9).
    pub bands: BandTable,
    /// Working days to tell the family and school who a child's new officer is.
    pub tell_family_days: u32,
    /// Who may register a new request for assessment (business support often screen them).
    pub register_roles: Vec<super::model::Role>,
    /// The duty queue shows what falls due within this many working days.
    pub duty_days: u32,
    /// Working days to tell the family and school who is covering while their officer is away.
    pub tell_cover_days: u32,
}

impl Default for RulesConfig {
    fn default() -> Self {
        RulesConfig {
            call_back_days: 2,
            email_reply_days: 5,
            panel_decision_days: 3,
            panel_resubmit_days: 20,
            due_soon_working_days: 10,
            transfer_years: vec![0, 7, 12],
            bands: BandTable::Count(9),
            tell_family_days: 5,
            register_roles: super::model::Role::ALL.to_vec(),
            duty_days: 5,
            tell_cover_days: 2,
        }
    }
}

/// The top-up bands: `bands = 9` (how many, no amounts) or `bands = [1600, 3100, 4500]` (the
/// annual top-up of each band in pounds, band 1 first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BandTable {
    Count(u8),
    TopUps(Vec<u32>),
}

impl BandTable {
    /// How many bands there are (bands run from 1).
    pub fn count(&self) -> u8 {
        match self {
            BandTable::Count(n) => *n,
            BandTable::TopUps(amounts) => u8::try_from(amounts.len()).unwrap_or(u8::MAX),
        }
    }

    /// Band `band`'s annual top-up in pounds, when the table has amounts.
    pub fn top_up(&self, band: u8) -> Option<u32> {
        match self {
            BandTable::Count(_) => None,
            BandTable::TopUps(amounts) => amounts.get(usize::from(band).checked_sub(1)?).copied(),
        }
    }

    /// "band 3" or "band 3 · £4,500 a year".
    pub fn label(&self, band: u8) -> String {
        match self.top_up(band) {
            Some(amount) => format!("band {band} · {} a year", pounds(u64::from(amount))),
            None => format!("band {band}"),
        }
    }
}

/// "£12,880".
pub fn pounds(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::from("£");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Serialize for BandTable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            BandTable::Count(n) => serializer.serialize_u8(*n),
            BandTable::TopUps(amounts) => amounts.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for BandTable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = BandTable;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("how many bands (e.g. 9) or each band's annual top-up in pounds (e.g. [1600, 3100, 4500])")
            }

            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<BandTable, E> {
                u8::try_from(n).map(BandTable::Count).map_err(|_| E::custom(format!("{n} bands: the most is 9")))
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<BandTable, E> {
                u8::try_from(n).map(BandTable::Count).map_err(|_| E::custom(format!("{n} bands: the most is 9")))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<BandTable, A::Error> {
                let mut amounts = Vec::new();
                while let Some(amount) = seq.next_element::<u32>()? {
                    amounts.push(amount);
                }
                Ok(BandTable::TopUps(amounts))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_with_and_without_amounts() {
        let table = BandTable::TopUps(vec![1600, 3100, 12880]);
        assert_eq!(table.count(), 3);
        assert_eq!(table.label(3), "band 3 · £12,880 a year");
        assert_eq!(table.top_up(4), None);
        assert_eq!(table.top_up(0), None);
        assert_eq!(BandTable::Count(9).label(2), "band 2");
        assert_eq!(pounds(1_234_567), "£1,234,567");
        assert_eq!(pounds(999), "£999");
    }
}

//! The service's configurable rule settings, with the defaults DOMAIN.md gives.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulesConfig {
    /// Working days to return a phone message (`call_back`).
    pub call_back_days: u32,
    /// Working days to answer an email (`email_reply`).
    pub email_reply_days: u32,
    /// A milestone due within this many working days is "due soon".
    pub due_soon_working_days: u32,
    /// National Curriculum years a child transfers *into* (0 = Reception entry).
    pub transfer_years: Vec<i32>,
    /// How many top-up funding bands the authority has (DOMAIN.md: up to 9).
    pub bands: u8,
}

impl Default for RulesConfig {
    fn default() -> Self {
        RulesConfig {
            call_back_days: 2,
            email_reply_days: 5,
            due_soon_working_days: 10,
            transfer_years: vec![0, 3, 7, 12],
            bands: 9,
        }
    }
}

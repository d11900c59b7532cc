//! Pure rules: no I/O and no clock reads. `today` is always passed in.

pub mod absence;
pub mod calendar;
pub mod casework;
pub mod county;
pub mod duty;
pub mod milestones;
pub mod model;
pub mod report;
pub mod settings;
pub mod surgery;
pub mod teams;
pub mod workload;
pub mod year_group;

pub use calendar::Calendar;
pub use milestones::{CaseRecords, Milestone, MilestoneName, Status, milestones_for};
pub use model::*;
pub use settings::{BandTable, RulesConfig};

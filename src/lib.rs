//! caseload: statutory casework for local-authority SEND teams.

pub mod domain;
pub mod store;
pub mod demo;

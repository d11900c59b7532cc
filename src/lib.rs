//! caseload: statutory casework for local-authority SEND teams.

pub mod app;
pub mod casework;
pub mod commands;
pub mod config;
pub mod context;
pub mod demo;
pub mod domain;
pub mod store;
pub mod tui;
pub mod ui;

//! Every pane drawn to a test backend at 80×24 and a wide size, as plain text.

mod common;

use caseload::app::action::Action;
use caseload::app::update::{apply, settle};
use caseload::app::{App, Pane};
use caseload::config::ThemeName;
use caseload::tui::render_text;
use caseload::ui::theme::Theme;
use common::{FakeRecords, app_as};

fn frame(app: &App, width: u16, height: u16) -> String {
    render_text(app, &Theme::new(ThemeName::Mono, true), width, height)
}

fn show(mut app: App, pane: Pane) -> App {
    app.pane = pane;
    settle(&mut app, &FakeRecords);
    app
}

#[test]
fn caseload_pane() {
    let app = app_as("S1");
    insta::assert_snapshot!("caseload_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("caseload_140x40", frame(&app, 140, 40));
}

#[test]
fn timeline_pane() {
    let mut app = app_as("S1");
    let holly = app.data.child_index["C1"];
    app.focus_child = Some(holly);
    let app = show(app, Pane::Timeline);
    insta::assert_snapshot!("timeline_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("timeline_140x40", frame(&app, 140, 40));
}

#[test]
fn panel_pane() {
    let app = show(app_as("S3"), Pane::Panel);
    insta::assert_snapshot!("panel_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("panel_140x40", frame(&app, 140, 40));
}

#[test]
fn duty_pane() {
    let app = show(app_as("S3"), Pane::Duty);
    insta::assert_snapshot!("duty_80x24", frame(&app, 80, 24));
    insta::assert_snapshot!("duty_140x40", frame(&app, 140, 40));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut app = app_as("S1");
    apply(&mut app, Action::Help, &mut FakeRecords);
    insta::assert_snapshot!("help_80x24", frame(&app, 80, 24));
}

#[test]
fn never_panics_at_any_size() {
    let mut apps = Vec::new();
    for pane in Pane::ALL {
        apps.push(show(app_as("S3"), pane));
    }
    let mut with_help = app_as("S3");
    apply(&mut with_help, Action::Help, &mut FakeRecords);
    apps.push(with_help);
    let mut with_filter = app_as("S3");
    apply(&mut with_filter, Action::Filter, &mut FakeRecords);
    apps.push(with_filter);
    let mut with_picker = app_as("S3");
    apply(&mut with_picker, Action::Scope, &mut FakeRecords);
    apps.push(with_picker);
    for app in &apps {
        for width in [1u16, 2, 5, 10, 20, 39, 40, 41, 60, 80, 81, 120, 250] {
            for height in [1u16, 2, 3, 5, 7, 8, 9, 12, 24, 60] {
                let text = frame(app, width, height);
                assert!(text.lines().count() <= height as usize);
                assert!(text.lines().all(|l| caseload::ui::text_width(l) <= width as usize));
            }
        }
    }
}

#[test]
fn surgery_pane() {
    let app = show(app_as("S1"), Pane::Surgery);
    insta::assert_snapshot!("surgery_80x24", frame(&app, 80, 24));
}

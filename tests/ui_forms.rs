//! Entry forms drawn to a test backend: long text wraps inside the popup and the key hints
//! stay on screen.

// Test code: a failed expectation should stop the test and say where.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use caseload::app::Overlay;
use caseload::app::action::Action;
use caseload::app::forms::FieldKind;
use caseload::app::update::apply;
use caseload::config::ThemeName;
use caseload::domain::casework::FieldError;
use caseload::ui::render_text;
use caseload::ui::theme::Theme;
use common::{FakeRecords, app_as};

#[test]
fn a_long_summary_and_its_error_wrap_and_the_hints_stay() {
    let mut app = app_as("S1");
    apply(&mut app, Action::RecordContact, &mut FakeRecords);
    let Some(Overlay::Form(form)) = &mut app.overlay else { panic!("the contact form opens") };
    let summary = form.fields.iter_mut().find(|f| f.key == "summary").expect("a summary field");
    summary.kind = FieldKind::Text(
        "Mum rang about transport from January: the taxi company changes and she wants to know \
         who the new escort will be and whether the pick-up time stays at 8:05"
            .into(),
    );
    form.error = Some(FieldError {
        field: "date",
        message: "\"32/11/2026\" is not a date (YYYY-MM-DD or DD/MM/YYYY); a long message also wraps".into(),
    });
    let screen = render_text(&app, &Theme::new(ThemeName::Mono, true), 80, 24);
    insta::assert_snapshot!("contact_form_long_text_80x24", screen);
    assert!(screen.contains("pick-up time stays at 8:05"), "the end of the summary shows");
    assert!(screen.contains("Enter save · Esc cancel"), "the hints show");
}

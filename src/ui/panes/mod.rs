//! One file per pane (`app/panes` holds their state), chosen by the registration in
//! `app::panes::for_each_pane!`.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::{App, Pane};

macro_rules! draw_panes {
    ($($module:ident: $variant:ident($state:ident)),+ $(,)?) => {
        $(mod $module;)+

        /// Draws the pane showing into `area`, inside its border.
        pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
            match app.pane {
                $(Pane::$variant => $module::draw(frame, app, &app.panes.$module, theme, area)),+
            }
        }
    };
}
crate::app::panes::for_each_pane!(draw_panes);

//! The terminal: raw mode and the alternate screen, and the event loop that turns key presses
//! into actions, watches for colleagues' changes and redraws.

use std::time::Duration;

use color_eyre::eyre::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::App;
use crate::app::update::{handle_key, reload};
use crate::store::Store;
use crate::ui::{self, theme::Theme};

/// Runs the interface until the person quits. The terminal is restored however it ends.
pub fn run(app: &mut App, theme: &Theme, store: &mut Store) -> Result<()> {
    // ratatui::run restores the terminal on return; its panic hook restores it on a panic.
    ratatui::run(|terminal| event_loop(terminal, app, theme, store))
}

/// How often an idle interface checks whether someone else changed the database.
const CHANGE_CHECK: Duration = Duration::from_secs(2);

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, theme: &Theme, store: &mut Store) -> Result<()> {
    let mut seen_version = store.data_version().ok();
    let mut redraw = true;
    loop {
        if redraw {
            terminal.draw(|frame| ui::draw(frame, app, theme))?;
        }
        // Wait for a key; between keys, only a cheap version check, never a query per frame.
        if event::poll(CHANGE_CHECK)? {
            redraw = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    handle_key(app, &key, store);
                    true
                }
                Event::Resize(..) => true,
                _ => false,
            };
        } else {
            let version = store.data_version().ok();
            redraw = version != seen_version;
            if redraw {
                seen_version = version;
                reload(app, store);
                app.say("updated with changes saved by someone else");
            }
        }
        if app.quit {
            return Ok(());
        }
    }
}

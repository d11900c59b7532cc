//! The terminal: raw mode and the alternate screen, and the event loop that turns key presses
//! into actions, watches for colleagues' changes and redraws.

use std::time::{Duration, Instant};

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

/// How often the interface checks whether someone else changed the database, whether or not
/// keys are being pressed: a colleague's save shows within about this long.
const CHANGE_CHECK: Duration = Duration::from_secs(1);

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, theme: &Theme, store: &mut Store) -> Result<()> {
    let mut seen_version = store.data_version().ok();
    let mut last_check = Instant::now();
    let mut redraw = true;
    loop {
        if redraw {
            terminal.draw(|frame| ui::draw(frame, app, theme))?;
        }
        // Wait for a key until the next check is due; the check itself reads one number
        // (SQLite's data_version), never a table, unless something changed.
        let wait = CHANGE_CHECK.saturating_sub(last_check.elapsed());
        redraw = false;
        if event::poll(wait)? {
            redraw = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    handle_key(app, &key, store);
                    true
                }
                Event::Resize(..) => true,
                _ => false,
            };
        }
        if last_check.elapsed() >= CHANGE_CHECK {
            last_check = Instant::now();
            let version = store.data_version().ok();
            if version != seen_version {
                seen_version = version;
                let message = app.message.clone();
                reload(app, store);
                // Keep a message the person has not read yet; otherwise say what happened.
                match message {
                    Some(message) => app.message = Some(message),
                    None => app.say("updated with changes saved by someone else"),
                }
                redraw = true;
            }
        }
        if app.quit {
            return Ok(());
        }
    }
}

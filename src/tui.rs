//! The terminal interface: sign-in, the event loop, and headless rendering for scripts and tests.

use std::time::Duration;

use color_eyre::eyre::{Result, eyre};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::{DefaultTerminal, Terminal, backend::TestBackend};

use crate::app::keymap::Keymap;
use crate::app::update::{handle_key, reload, settle, who_am_i_picker};
use crate::app::{App, Overlay, Pane, PickerPurpose};
use crate::commands::{Context, os_login};
use crate::store::Store;
use crate::ui::{self, theme::Theme};

/// How the person is identified when the interface opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    /// `--as`, else the OS login; refuse if neither matches a member of staff.
    Strict,
    /// As `Strict`, but offer a picker instead of refusing (the demo's staff are fictional).
    Picker,
}

/// Opens the interface on the database in `ctx`.
pub fn open(ctx: &Context) -> Result<i32> {
    run(ctx, SignIn::Strict)
}

/// Opens the interface on the demo database, offering a choice of who to be.
pub fn open_demo(ctx: &Context) -> Result<i32> {
    run(ctx, SignIn::Picker)
}

/// Builds the state for `ctx` and signs the person in (or opens the who-am-I picker).
pub fn prepare(ctx: &Context, store: &Store, sign_in: SignIn) -> Result<App> {
    let county = store.load_county().map_err(|e| eyre!("cannot read the database: {e}"))?;
    if county.staff.is_empty() {
        return Err(eyre!(
            "the database {} holds no staff yet: import a county with `caseload import DIR`, or try `caseload demo`",
            ctx.db_path.display()
        ));
    }
    let keymap = Keymap::from_config(&ctx.config).map_err(|e| eyre!("bad configuration: {e}"))?;
    let mut app = App::new(county, ctx.today, ctx.config.clone(), keymap, ctx.calendar.clone());
    app.now = ctx.now;
    match &ctx.as_staff {
        Some(id) => {
            let index =
                app.find_staff(id).ok_or_else(|| eyre!("--as {id}: no member of staff has that id or login"))?;
            app.sign_in(index);
        }
        None => match os_login().and_then(|login| app.find_staff(&login)) {
            Some(index) => app.sign_in(index),
            None if sign_in == SignIn::Picker => {
                let picker = who_am_i_picker(&app);
                app.overlay = Some(Overlay::Picker(PickerPurpose::WhoAmI, picker));
            }
            None => {
                return Err(match os_login() {
                    Some(login) => eyre!(
                        "your login \"{login}\" is not in the staff list; ask for it to be added, or pass --as STAFF_ID"
                    ),
                    None => eyre!("cannot tell who you are (no USER set); pass --as STAFF_ID"),
                });
            }
        },
    }
    Ok(app)
}

fn run(ctx: &Context, sign_in: SignIn) -> Result<i32> {
    let mut store = ctx.open_store()?;
    let mut app = prepare(ctx, &store, sign_in)?;
    let theme = Theme::new(ctx.config.theme, no_color());
    // ratatui::run restores the terminal on return; its panic hook restores it on a panic.
    ratatui::run(|terminal| event_loop(terminal, &mut app, &theme, &mut store))?;
    Ok(0)
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

/// `NO_COLOR` set to anything non-empty turns colour off (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// One frame as plain text: at most `height` lines of at most `width` columns, no colour codes.
pub fn render_text(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(terminal) => terminal,
        Err(never) => match never {},
    };
    if let Err(never) = terminal.draw(|frame| ui::draw(frame, app, theme)) {
        match never {}
    }
    buffer_text(terminal.backend().buffer())
}

/// The characters of a buffer, one line per row, trailing spaces trimmed.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let width = buffer.area.width as usize;
    let mut out = String::new();
    for row in buffer.content.chunks(width.max(1)) {
        let mut line = String::new();
        let mut skip = 0usize;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = cell.symbol();
            line.push_str(symbol);
            skip = ratatui::text::Span::raw(symbol).width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `caseload render`: prints one pane for `ctx` without a terminal.
pub fn render_command(ctx: &Context, pane: Pane, width: u16, height: u16, child: Option<&str>) -> Result<i32> {
    let store = ctx.open_store()?;
    let mut app = prepare(ctx, &store, SignIn::Strict)?;
    if let Some(id) = child {
        let index = app.data.child_index.get(id).copied().ok_or_else(|| eyre!("--child {id}: no such child"))?;
        app.focus_child = Some(index);
        if let Some(position) = app.caseload.visible.iter().position(|&i| i == index) {
            app.caseload.select(position);
        }
    }
    app.pane = pane;
    settle(&mut app, &store);
    let theme = Theme::new(crate::config::ThemeName::Mono, true);
    crate::commands::emit(&render_text(&app, &theme, width, height))?;
    Ok(0)
}

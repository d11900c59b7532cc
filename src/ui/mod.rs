//! Drawing. Every function here reads the state; none touches the database.

mod absence;
mod form;
pub mod list;
mod overlays;
mod panes;
mod review;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::action::Action;
use crate::app::{App, Pane, Tone};
use theme::Theme;

/// Smallest area worth drawing panes into; below it a short notice is shown instead.
const MIN_WIDTH: u16 = 40;
const MIN_HEIGHT: u16 = 8;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let notice = Paragraph::new(format!("caseload needs at least {MIN_WIDTH}×{MIN_HEIGHT}; q quits"));
        frame.render_widget(notice, area);
        return;
    }
    let status_height = status_lines(app, area.width);
    let [tabs, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(status_height)]).areas(area);
    draw_tabs(frame, app, theme, tabs);
    if app.me.is_some() {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focus)
            .title(Line::styled(format!(" {} ", pane_title(app)), theme.heading));
        let inner = block.inner(body);
        frame.render_widget(block, body);
        panes::draw(frame, app, theme, inner);
    }
    draw_status(frame, app, theme, status);
    if let Some(overlay) = &app.overlay {
        overlays::draw(frame, app, theme, overlay, body);
    }
}

fn pane_title(app: &App) -> String {
    app.panes.get(app.pane).heading(&app.data).unwrap_or_else(|| app.pane.title().to_string())
}

fn draw_tabs(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let tabs: usize = Pane::ALL.iter().map(|p| text_width(p.title()) + 5).sum();
    let room = usize::from(area.width);
    // The product's name goes first when there is room for it and every tab; narrower, the
    // tabs close up.
    let (brand, gap) = (tabs + 10 <= room, tabs <= room);
    let mut spans = Vec::new();
    if brand {
        spans.push(Span::styled(" caseload ", theme.heading));
    }
    for (i, pane) in Pane::ALL.iter().enumerate() {
        let style = if *pane == app.pane { theme.tab_active } else { theme.tab };
        if gap {
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(format!(" {} {} ", i + 1, pane.title()), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status bar grows to up to three lines so that a long message is read whole.
fn status_lines(app: &App, width: u16) -> u16 {
    let Some((text, _)) = &app.message else { return 1 };
    let name = app.me.map_or(0, |i| text::width(&app.data.county.staff[i].name) + 2);
    let room = usize::from(width).saturating_sub(name + 2).max(1);
    text::width(text).div_ceil(room).clamp(1, 3) as u16
}

fn draw_status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let who = match app.me {
        Some(i) => {
            let staff = &app.data.county.staff[i];
            let role = match staff.role {
                crate::domain::Role::Officer => app.config.terminology.officer(),
                crate::domain::Role::Senior => "Senior",
                crate::domain::Role::Manager => "Manager",
                crate::domain::Role::Admin => "Business support",
            };
            if app.message.is_some() {
                // A message needs the room more than the role and date do.
                format!(" {} ", staff.name)
            } else {
                format!(" {} · {role} · {} ", staff.name, app.today().format("%a %-d %b %Y"))
            }
        }
        None => format!(" {} ", app.today().format("%a %-d %b %Y")),
    };
    // While typing, letters are text: the hints name keys that still work.
    let mode = app.mode();
    let hints = if mode.types_text() {
        format!(" {} quit ", app.keymap.hint_in(mode, Action::Quit))
    } else {
        format!(" {} help  {} quit ", app.keymap.hint(Action::Help), app.keymap.hint(Action::Quit))
    };
    let message = match &app.message {
        Some((text, Tone::Warning)) => Span::styled(format!(" {text} "), theme.warning),
        Some((text, Tone::Info)) => Span::raw(format!(" {text} ")),
        None if app.panes.caseload.searching => Span::raw(" typing a search: Enter keeps it, Esc clears it "),
        None => Span::raw(""),
    };
    // A message matters more than the standing hints: it takes their room; so do the name and
    // date when both will not fit (a date is never cut).
    let crowded = text::width(&who) + text::width(&hints) > usize::from(area.width);
    let hints = if message.width() > 0 || crowded { String::new() } else { hints };
    let [left, middle, right] = Layout::horizontal([
        Constraint::Length(text::width(&who) as u16),
        Constraint::Min(0),
        Constraint::Length(text::width(&hints) as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Span::styled(who, theme.selected)), left);
    // Not trimmed: the leading space keeps the message apart from the name before it.
    frame.render_widget(Paragraph::new(Line::from(message)).wrap(ratatui::widgets::Wrap { trim: false }), middle);
    frame.render_widget(Paragraph::new(Span::styled(hints, theme.dim)), right);
}

/// A list line with the selection marker ("›", so it shows without colour) and style.
pub fn mark<'a>(line: Line<'a>, selected: bool, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(if selected { "›" } else { " " })];
    spans.extend(line.spans);
    let line = Line::from(spans).style(line.style);
    if selected { line.patch_style(theme.selected) } else { line }
}

/// One frame as plain text: at most `height` lines of at most `width` columns, no colour codes.
pub fn render_text(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    let mut terminal = match ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)) {
        Ok(terminal) => terminal,
        Err(never) => match never {},
    };
    if let Err(never) = terminal.draw(|frame| draw(frame, app, theme)) {
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
            skip = Span::raw(symbol).width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Display width of `text` in terminal cells.
pub fn text_width(text: &str) -> usize {
    text::width(text)
}

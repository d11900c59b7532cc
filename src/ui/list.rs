//! The list every list pane draws with: an optional header, only the visible slice of rows built
//! (the caller's `row` is asked for those alone), the selected row marked with "›" so it shows
//! without colour, and any cell too long for its column cut with "…".

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::width;
use super::theme::Theme;
use crate::app::list::ListState;

/// A column: its heading and how wide it is.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub width: Constraint,
}

impl Column {
    pub fn new(title: impl Into<String>, width: Constraint) -> Column {
        Column { title: title.into(), width }
    }
}

/// One row as the pane builds it.
pub enum ListRow<'a> {
    /// One span per column.
    Cells(Vec<Span<'a>>),
    /// One line across the whole width: a group heading, a note.
    Line(Line<'a>),
}

/// Draws `list` into `area`. With no columns there is no header and every row is a `Line`.
pub fn draw_list<'a, T>(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    list: &ListState<T>,
    columns: &[Column],
    mut row: impl FnMut(&T) -> ListRow<'a>,
) {
    let header = usize::from(columns.iter().any(|c| !c.title.is_empty()));
    let height = usize::from(area.height).saturating_sub(header);
    let (start, end) = window(list.selected, list.lines.len(), height, list.offset());
    list.drawn(start, height.max(1));
    // The marker column, then the pane's, one space apart.
    let widths = std::iter::once(Constraint::Length(1)).chain(columns.iter().map(|c| c.width));
    let cells = Layout::horizontal(widths).flex(Flex::Start).spacing(1).split(Rect::new(area.x, 0, area.width, 1));
    let buffer = frame.buffer_mut();
    if header == 1 {
        let y = area.y;
        buffer.set_style(Rect::new(area.x, y, area.width, 1), theme.heading);
        for (column, cell) in columns.iter().zip(cells.iter().skip(1)) {
            put(buffer, cell.x, y, &Span::raw(column.title.as_str()), cell.width, theme.heading);
        }
    }
    for (n, index) in (start..end).enumerate() {
        let y = area.y + (header + n) as u16;
        let selected = index == list.selected;
        let style = if selected { theme.selected } else { theme.base };
        buffer.set_style(Rect::new(area.x, y, area.width, 1), style);
        buffer.set_string(area.x, y, if selected { "›" } else { " " }, style);
        match row(&list.lines[index]) {
            ListRow::Cells(spans) => {
                for (span, cell) in spans.iter().zip(cells.iter().skip(1)) {
                    put(buffer, cell.x, y, span, cell.width, style);
                }
            }
            ListRow::Line(line) => {
                let style = style.patch(line.style);
                let room = area.width.saturating_sub(1);
                let mut x = area.x + 1;
                for span in fit_line(&line, usize::from(room)) {
                    let used = width(&span.content) as u16;
                    put(buffer, x, y, &span, used, style);
                    x += used;
                }
            }
        }
    }
}

/// Writes `span` at (x, y) in at most `room` cells, cut with "…" if it is longer.
fn put(buffer: &mut Buffer, x: u16, y: u16, span: &Span, room: u16, row: Style) {
    let text = fit(&span.content, usize::from(room));
    buffer.set_stringn(x, y, text, usize::from(room), row.patch(span.style));
}

/// `text` in at most `room` cells: whole, or cut with "…".
pub fn fit(text: &str, room: usize) -> String {
    if width(text) <= room { text.to_string() } else { cut(text, room) }
}

/// The start of `text` and "…", in at most `room` cells.
fn cut(text: &str, room: usize) -> String {
    if room == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The spans of `line` in at most `room` cells, ending with "…" when it does not all fit.
pub fn fit_line<'a>(line: &Line<'a>, room: usize) -> Vec<Span<'a>> {
    let total: usize = line.spans.iter().map(|s| width(&s.content)).sum();
    if total <= room {
        return line.spans.clone();
    }
    let mut out = Vec::new();
    let mut left = room;
    for span in &line.spans {
        let w = width(&span.content);
        if w < left {
            out.push(span.clone());
            left -= w;
        } else {
            out.push(Span::styled(cut(&span.content, left), span.style));
            break;
        }
    }
    out
}

/// The rows of a list to draw so that `selected` is visible, starting near `previous_offset`.
pub fn window(selected: usize, len: usize, height: usize, previous_offset: usize) -> (usize, usize) {
    if height == 0 || len == 0 {
        return (0, 0);
    }
    let mut start = previous_offset.min(len.saturating_sub(1));
    if selected < start {
        start = selected;
    } else if selected >= start + height {
        start = selected + 1 - height;
    }
    // Don't leave blank rows at the bottom when the list could fill them.
    start = start.min(len.saturating_sub(height));
    (start, (start + height).min(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_text_ends_with_an_ellipsis() {
        assert_eq!(fit("Millbrook Primary School", 10), "Millbrook…");
        assert_eq!(fit("Millbrook", 9), "Millbrook");
        assert_eq!(fit("Zoë Łukasiewicz", 5), "Zoë …");
        assert_eq!(fit("abc", 0), "");
        let line = Line::from(vec![Span::raw("Theo Brown"), Span::raw(" · 2 booked · 3 free")]);
        let cut: String = fit_line(&line, 16).iter().map(|s| s.content.to_string()).collect();
        assert_eq!(cut, "Theo Brown · 2 …");
        assert_eq!(width(&cut), 16);
        let whole: String = fit_line(&line, 40).iter().map(|s| s.content.to_string()).collect();
        assert_eq!(whole, "Theo Brown · 2 booked · 3 free");
    }

    #[test]
    fn the_window_keeps_the_selection_in_view() {
        assert_eq!(window(0, 100, 10, 0), (0, 10));
        assert_eq!(window(15, 100, 10, 0), (6, 16));
        assert_eq!(window(7, 100, 10, 6), (6, 16), "no scrolling while the selection is in view");
        assert_eq!(window(99, 100, 10, 0), (90, 100));
        assert_eq!(window(3, 5, 10, 2), (0, 5), "no blank rows when the list could fill them");
        assert_eq!(window(0, 0, 10, 0), (0, 0));
    }
}

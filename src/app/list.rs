//! A list with a selection, shared by every list pane: the lines it shows, which is selected,
//! and where drawing last scrolled to and how many rows fitted (so paging moves by a page).

use std::cell::Cell;

use super::action::Action;

#[derive(Debug, Clone)]
pub struct ListState<T> {
    pub lines: Vec<T>,
    /// Position in `lines`.
    pub selected: usize,
    /// First line drawn in the last frame (drawing writes it, to scroll no more than needed).
    offset: Cell<usize>,
    /// Lines that fitted in the last frame.
    page: Cell<usize>,
}

impl<T> Default for ListState<T> {
    fn default() -> Self {
        ListState { lines: Vec::new(), selected: 0, offset: Cell::new(0), page: Cell::new(10) }
    }
}

impl<T> ListState<T> {
    pub fn selected_line(&self) -> Option<&T> {
        self.lines.get(self.selected)
    }

    /// Selects `position`, or the last line if there are fewer.
    pub fn move_to(&mut self, position: usize) {
        self.selected = position.min(self.lines.len().saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: isize) {
        self.move_to(self.selected.saturating_add_signed(delta));
    }

    /// Replaces the lines, keeping the selection where it was (or on the last line).
    pub fn set_lines(&mut self, lines: Vec<T>) {
        self.lines = lines;
        self.move_to(self.selected);
    }

    /// Up, down, a page either way, first and last line. Returns whether `action` was one.
    pub fn act(&mut self, action: Action) -> bool {
        let page = self.page() as isize;
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-page),
            Action::PageDown => self.move_by(page),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(usize::MAX),
            _ => return false,
        }
        true
    }

    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    /// Lines per page as last drawn (at least 1).
    pub fn page(&self) -> usize {
        self.page.get().max(1)
    }

    /// Drawing records where it scrolled to and how many lines fitted.
    pub fn drawn(&self, offset: usize, page: usize) {
        self.offset.set(offset);
        self.page.set(page);
    }
}

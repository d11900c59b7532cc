//! A type-to-filter list of choices (who am I, whose caseload).

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub label: String,
    pub detail: String,
    /// What choosing it means to the caller (a staff id, a team name…).
    pub value: String,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub title: String,
    pub items: Vec<PickItem>,
    pub query: String,
    /// Indices into `items` matching the query.
    pub matches: Vec<usize>,
    /// Position in `matches`.
    pub selected: usize,
}

impl Picker {
    pub fn new(title: impl Into<String>, items: Vec<PickItem>) -> Picker {
        let matches = (0..items.len()).collect();
        Picker { title: title.into(), items, query: String::new(), matches, selected: 0 }
    }

    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.refilter();
    }

    pub fn backspace(&mut self) {
        self.query.pop();
        self.refilter();
    }

    fn refilter(&mut self) {
        let needle = self.query.to_lowercase();
        self.matches = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| {
                needle.is_empty()
                    || item.label.to_lowercase().contains(&needle)
                    || item.detail.to_lowercase().contains(&needle)
                    || item.value.to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = 0;
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.matches.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn move_to(&mut self, position: usize) {
        self.selected = position.min(self.matches.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<&PickItem> {
        self.matches.get(self.selected).map(|&i| &self.items[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, value: &str) -> PickItem {
        PickItem { label: label.into(), detail: String::new(), value: value.into() }
    }

    #[test]
    fn typing_filters_and_choosing_returns_the_value() {
        let mut picker = Picker::new("Who", vec![item("Ann Lee", "S1"), item("Bob Ray", "S2"), item("Ana Ruiz", "S3")]);
        picker.type_char('r');
        picker.type_char('a');
        assert_eq!(picker.matches, vec![1]);
        assert_eq!(picker.chosen().map(|i| i.value.as_str()), Some("S2"));
        picker.backspace();
        picker.backspace();
        picker.move_by(5);
        assert_eq!(picker.chosen().map(|i| i.value.as_str()), Some("S3"));
        picker.type_char('q');
        assert_eq!(picker.chosen(), None, "no name has a q");
    }
}

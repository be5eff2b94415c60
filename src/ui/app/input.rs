//! The mouse, and the search and filter prompts.

use crate::span::Span;

use super::super::search::{Search, find_all};
use super::super::summary::first_row;
use super::{App, Focus, Mode};

impl App {
    /// A mouse wheel turn (`down` or up) or a left click at a screen cell.
    pub fn mouse(&mut self, event: Pointer, column: u16, row: u16) {
        let panes = self.panes();
        let inside = |r: ratatui::layout::Rect| {
            column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
        };
        let in_summary = panes.summary.filter(|r| inside(*r));
        match (event, in_summary) {
            (Pointer::Wheel { down }, None) => {
                let top = self.top();
                self.set_top(if down { top + 3 } else { top.saturating_sub(3) });
            }
            (Pointer::Wheel { down }, Some(_)) => {
                let rows = self.summary_items();
                for _ in 0..3 {
                    self.move_selection(&rows, down);
                }
            }
            (Pointer::Click, Some(area)) => {
                // The pane has a border on top; rows start one below.
                let height = usize::from(area.height.saturating_sub(1));
                let Some(line) = usize::from(row).checked_sub(usize::from(area.y) + 1) else {
                    return;
                };
                let rows = self.summary_items();
                let index = first_row(
                    self.summary.selected.min(rows.len().saturating_sub(1)),
                    height,
                ) + line;
                if rows.get(index).is_some_and(|i| i.selectable()) {
                    self.focus = Focus::Summary;
                    self.summary.selected = index;
                    self.follow(rows.get(index).copied());
                }
            }
            (Pointer::Click, None) => self.focus = Focus::Reader,
        }
    }

    /// A key typed while entering a search pattern.
    pub fn search_input(&mut self, input: SearchKey) {
        let Mode::SearchInput(pattern) = &mut self.mode else {
            return;
        };
        match input {
            SearchKey::Char(c) => pattern.push(c),
            SearchKey::Backspace => {
                if pattern.pop().is_none() {
                    self.mode = Mode::Normal;
                }
            }
            SearchKey::Cancel => self.mode = Mode::Normal,
            SearchKey::Submit => {
                let pattern = std::mem::take(pattern);
                self.mode = Mode::Normal;
                let pattern = if pattern.is_empty() {
                    match self.search.take() {
                        Some(search) => search.pattern,
                        None => return,
                    }
                } else {
                    pattern
                };
                self.run_search(pattern);
                self.step_match(true);
            }
        }
    }

    /// A key typed while entering the summary filter.
    pub fn filter_input(&mut self, input: SearchKey) {
        match input {
            SearchKey::Char(c) => self.summary.filter.push(c),
            SearchKey::Backspace => {
                self.summary.filter.pop();
            }
            SearchKey::Cancel => {
                self.summary.filter.clear();
                self.summary.filtering = false;
                self.mode = Mode::Normal;
            }
            SearchKey::Submit => {
                self.summary.filtering = false;
                self.mode = Mode::Normal;
            }
        }
        let rows = self.summary_items();
        self.summary.selected = rows.iter().position(|i| i.selectable()).unwrap_or(0);
    }

    pub(super) fn run_search(&mut self, pattern: String) {
        let matches = self
            .story()
            .map(|s| find_all(&s.article.text, &pattern))
            .unwrap_or_default();
        self.search = Some(Search {
            pattern,
            matches,
            current: None,
        });
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            self.say("no search yet: press / to search");
            return;
        };
        if search.matches.is_empty() {
            let pattern = search.pattern.clone();
            self.warn(format!("pattern not found: {pattern}"));
            return;
        }
        let count = search.matches.len();
        let from = self.top_offset();
        let (index, wrapped) = match (search.current, forward) {
            (Some(i), true) if i + 1 < count => (i + 1, false),
            (Some(_), true) => (0, true),
            (Some(0), false) => (count - 1, true),
            (Some(i), false) => (i - 1, false),
            (None, true) => search
                .matches
                .iter()
                .position(|m| m.start >= from)
                .map_or((0, true), |i| (i, false)),
            (None, false) => search
                .matches
                .iter()
                .rposition(|m| m.start < from)
                .map_or((count - 1, true), |i| (i, false)),
        };
        let target = search.matches[index].start;
        if let Some(search) = &mut self.search {
            search.current = Some(index);
        }
        self.jump_to_offset(target);
        let note = match (wrapped, forward) {
            (true, true) => " (search hit bottom, continuing at top)",
            (true, false) => " (search hit top, continuing at bottom)",
            _ => "",
        };
        self.say(format!("match {} of {count}{note}", index + 1));
    }

    /// The span of the current search match, to mark it apart from the others.
    pub fn current_match(&self) -> Option<Span> {
        let search = self.search.as_ref()?;
        search.matches.get(search.current?).copied()
    }
}

/// What the mouse did, as the reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// The wheel turned.
    Wheel {
        /// Towards the user (scrolls down).
        down: bool,
    },
    /// The left button was pressed.
    Click,
}

/// Keys as the search and filter prompts understand them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKey {
    /// A character of the pattern.
    Char(char),
    /// Delete the last character (leave the search prompt when empty).
    Backspace,
    /// Search, or keep the filter.
    Submit,
    /// Leave the prompt without searching, or drop the filter.
    Cancel,
}

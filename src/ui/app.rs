//! The reader's state and `update`: every key press becomes an [`Action`] and
//! every action a change of state here, with no I/O, so all of it is tested
//! without a terminal.

use crate::span::Span;
use crate::story::Story;

use super::action::Action;
use super::document::Layout;
use super::search::{Search, find_all};

/// Columns the outline pane takes when shown.
pub const OUTLINE_WIDTH: u16 = 30;
/// The reader never wraps wider than this, for readable line lengths.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// Terminals at least this wide show the outline from the start.
pub const OUTLINE_AUTO_WIDTH: u16 = 110;

/// What keys are doing right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys are looked up in the keymap.
    Normal,
    /// Keys type a search pattern.
    SearchInput(String),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say.
    pub text: String,
    /// Whether it reports something wrong.
    pub error: bool,
}

/// Everything the reader shows and remembers.
#[derive(Debug)]
pub struct App {
    /// The stories of the briefing, in order.
    pub stories: Vec<Story>,
    /// Index of the story being read.
    pub current: usize,
    /// Top row of the reader for each story.
    pub scroll: Vec<usize>,
    /// The current story wrapped to the reader's width.
    pub layout: Layout,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether the outline pane is shown.
    pub outline: bool,
    /// Whether the help overlay is shown.
    pub help: bool,
    /// Normal or typing a search.
    pub mode: Mode,
    /// The last search and its matches in the current story.
    pub search: Option<Search>,
    /// What the status bar says until the next key.
    pub message: Option<Message>,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Set when the user asked to suspend; the run loop clears it.
    pub suspend: bool,
}

impl App {
    /// A reader on `stories` for a terminal of `size`.
    pub fn new(stories: Vec<Story>, size: (u16, u16)) -> Self {
        let mut app = Self {
            scroll: vec![0; stories.len()],
            stories,
            current: 0,
            layout: Layout::default(),
            size,
            outline: size.0 >= OUTLINE_AUTO_WIDTH,
            help: false,
            mode: Mode::Normal,
            search: None,
            message: None,
            quit: false,
            suspend: false,
        };
        app.relayout();
        app
    }

    /// The story being read, if the briefing has any.
    pub fn story(&self) -> Option<&Story> {
        self.stories.get(self.current)
    }

    /// Rows of the reader pane (all but the status line).
    pub fn page_rows(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1)).max(1)
    }

    /// Columns the text is wrapped to.
    pub fn text_width(&self) -> u16 {
        let outline = if self.outline_fits() {
            OUTLINE_WIDTH + 1
        } else {
            0
        };
        let margin = if self.size.0 >= 40 { 2 } else { 0 };
        self.size
            .0
            .saturating_sub(outline + margin)
            .clamp(1, MAX_TEXT_WIDTH)
    }

    /// Whether the outline is on and the terminal wide enough to show it beside the text.
    pub fn outline_fits(&self) -> bool {
        self.outline && self.size.0 >= OUTLINE_WIDTH + 40
    }

    /// The top row of the reader.
    pub fn top(&self) -> usize {
        self.scroll.get(self.current).copied().unwrap_or(0)
    }

    /// The last row the reader may start at.
    pub fn max_top(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.page_rows())
    }

    /// The section shown at the top of the reader.
    pub fn current_section(&self) -> usize {
        let top = self.top();
        self.layout
            .section_rows
            .iter()
            .rposition(|&r| r <= top)
            .unwrap_or(0)
    }

    /// The terminal was resized: re-wrap, keeping the same text at the top.
    pub fn resize(&mut self, size: (u16, u16)) {
        let anchor = self.top_offset();
        self.size = size;
        self.relayout();
        if let Some(offset) = anchor {
            let row = self.layout.row_of(offset);
            self.set_top(row);
        }
    }

    fn top_offset(&self) -> Option<usize> {
        let top = self.top();
        self.layout
            .lines
            .get(top..)?
            .iter()
            .find(|l| l.label.is_none())
            .map(|l| l.source.start)
    }

    fn relayout(&mut self) {
        self.layout = match self.story() {
            Some(story) => Layout::new(&story.article, usize::from(self.text_width())),
            None => Layout::default(),
        };
        let top = self.top();
        self.set_top(top);
    }

    fn set_top(&mut self, row: usize) {
        let row = row.min(self.max_top());
        if let Some(top) = self.scroll.get_mut(self.current) {
            *top = row;
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Do what `action` asks.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if self.help && !matches!(action, Action::Help | Action::Quit | Action::Suspend) {
            self.help = false;
            return;
        }
        let page = self.page_rows();
        let top = self.top();
        match action {
            Action::ScrollDown => self.set_top(top + 1),
            Action::ScrollUp => self.set_top(top.saturating_sub(1)),
            Action::PageDown => self.set_top(top + page.saturating_sub(1).max(1)),
            Action::PageUp => self.set_top(top.saturating_sub(page.saturating_sub(1).max(1))),
            Action::HalfPageDown => self.set_top(top + (page / 2).max(1)),
            Action::HalfPageUp => self.set_top(top.saturating_sub((page / 2).max(1))),
            Action::Top => self.set_top(0),
            Action::Bottom => self.set_top(usize::MAX),
            Action::NextSection => self.step_section(true),
            Action::PrevSection => self.step_section(false),
            Action::NextStory => self.step_story(true),
            Action::PrevStory => self.step_story(false),
            Action::Search => self.mode = Mode::SearchInput(String::new()),
            Action::SearchNext => self.step_match(true),
            Action::SearchPrev => self.step_match(false),
            Action::ToggleOutline => {
                self.outline = !self.outline;
                let size = self.size;
                self.resize(size);
            }
            Action::Help => self.help = !self.help,
            Action::Suspend => self.suspend = true,
            Action::Quit => self.quit = true,
        }
    }

    fn step_section(&mut self, forward: bool) {
        let top = self.top();
        let rows = &self.layout.section_rows;
        let target = if forward {
            rows.iter()
                .copied()
                .find(|&r| r > top)
                .filter(|_| top < self.max_top())
        } else {
            rows.iter().copied().rev().find(|&r| r < top)
        };
        match target {
            Some(row) => self.set_top(row),
            None if forward => self.say("last section"),
            None => self.say("first section"),
        }
    }

    fn step_story(&mut self, forward: bool) {
        let target = if forward {
            self.current + 1
        } else {
            self.current.wrapping_sub(1)
        };
        if target < self.stories.len() {
            self.current = target;
            self.relayout();
            if let Some(search) = self.search.take() {
                self.run_search(search.pattern);
            }
            let count = self.stories.len();
            self.say(format!("story {} of {count}", self.current + 1));
        } else if forward {
            self.say("last story");
        } else {
            self.say("first story");
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
                if pattern.is_empty() {
                    if let Some(search) = self.search.take() {
                        self.run_search(search.pattern);
                        self.step_match(true);
                    }
                } else {
                    self.run_search(pattern);
                    self.step_match(true);
                }
            }
        }
    }

    fn run_search(&mut self, pattern: String) {
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

    fn step_match(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            self.say("no search yet: press / to search");
            return;
        };
        if search.matches.is_empty() {
            let pattern = search.pattern.clone();
            self.warn(format!("pattern not found: {pattern}"));
            return;
        }
        let rows: Vec<usize> = search
            .matches
            .iter()
            .map(|m| self.layout.row_of(m.start))
            .collect();
        let count = rows.len();
        let top = self.top();
        let (index, wrapped) = match (search.current, forward) {
            (Some(i), true) if i + 1 < count => (i + 1, false),
            (Some(_), true) => (0, true),
            (Some(0), false) => (count - 1, true),
            (Some(i), false) => (i - 1, false),
            (None, true) => rows
                .iter()
                .position(|&r| r >= top)
                .map_or((0, true), |i| (i, false)),
            (None, false) => rows
                .iter()
                .rposition(|&r| r < top)
                .map_or((count - 1, true), |i| (i, false)),
        };
        if let Some(search) = &mut self.search {
            search.current = Some(index);
        }
        self.set_top(rows[index].saturating_sub(2));
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

/// Keys as the search prompt understands them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKey {
    /// A character of the pattern.
    Char(char),
    /// Delete the last character (leave the prompt when empty).
    Backspace,
    /// Search.
    Submit,
    /// Leave the prompt without searching.
    Cancel,
}

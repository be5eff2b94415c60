//! The reader's state and `update`: every key press becomes an [`Action`] and
//! every action a change of state here, with no I/O, so all of it is tested
//! without a terminal.

use crate::span::Span;
use crate::story::Story;

use super::action::Action;
use super::document::Layout;
use super::jumps::{JumpList, Place};
use super::panes::{OUTLINE_AUTO_WIDTH, Panes, panes};
use super::search::Search;
use super::summary::{Item, items};

mod input;
mod navigate;

pub use self::input::{Pointer, SearchKey};

/// What keys are doing right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Keys are looked up in the keymap.
    Normal,
    /// Keys type a search pattern.
    SearchInput(String),
    /// Keys type the summary filter (applied as it is typed).
    FilterInput,
}

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of the briefing's stories.
    List,
    /// One story in the reader.
    Story,
    /// One actor across the briefing.
    Actor,
}

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The story text.
    Reader,
    /// The summary pane.
    Summary,
}

/// The summary pane's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryState {
    /// Index of the selected row.
    pub selected: usize,
    /// Fuzzy filter over actor names and statement text.
    pub filter: String,
    /// Whether the filter is being typed.
    pub filtering: bool,
    /// Whether the user asked for it on a narrow terminal.
    pub shown: bool,
}

/// The item last jumped to, for next/previous and the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// A statement (index into the story's quotes).
    Quote(usize),
    /// An event (index into the story's events).
    Event(usize),
    /// A mention of the focused actor (index into its sorted mention spans).
    Mention(usize),
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
    /// The briefing's title and description, when it has them.
    pub briefing: Option<crate::load::BriefingInfo>,
    /// The story list or a story.
    pub screen: Screen,
    /// The selected row of the story list.
    pub list_selected: usize,
    /// Whether each story has been opened.
    pub read: Vec<bool>,
    /// Stories analysed so far, while analysis runs in the background.
    pub progress: Option<(usize, usize)>,
    /// Every actor of the briefing, once the analysis is done.
    pub actor_index: Option<crate::index::actors::ActorIndex>,
    /// How rare each word is in the briefing, once stories are related: the
    /// reasons of related stories name rare shared words.
    pub rarity: crate::index::related::Rarity,
    /// Reasons already worked out, by (story, related story): each reads
    /// both stories' whole text, too slow to redo for every frame.
    reasons: std::cell::RefCell<std::collections::HashMap<(usize, usize), String>>,
    /// The actor screen's actor and selected row.
    pub actor_screen: Option<(usize, usize)>,
    /// Index of the story being read.
    pub current: usize,
    /// Top row of the reader for each story.
    pub scroll: Vec<usize>,
    /// Where each story was left: (byte at the top, rows above it).
    pub positions: Vec<Option<(usize, usize)>>,
    /// Starred statements of each story.
    pub starred: Vec<Vec<crate::state::Starred>>,
    /// Bookmarked byte offsets of each story.
    pub bookmarks: Vec<Vec<usize>>,
    /// When each story's position last changed (seconds since 1970).
    pub touched: Vec<u64>,
    /// Set when something worth saving changed; the run loop saves and clears it.
    pub dirty: bool,
    /// The current story wrapped to the reader's width.
    pub layout: Layout,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether the outline pane is asked for.
    pub outline: bool,
    /// Whether the help overlay is shown.
    pub help: bool,
    /// Normal, typing a search or typing a filter.
    pub mode: Mode,
    /// Which pane movement keys act on.
    pub focus: Focus,
    /// The summary pane's selection and filter.
    pub summary: SummaryState,
    /// The actor whose mentions are highlighted (index into the story's entities).
    pub focus_actor: Option<usize>,
    /// The span marked in the reader (the statement or event jumped to).
    pub mark: Option<Span>,
    /// The item last jumped to.
    pub cursor: Option<Cursor>,
    /// Places to jump back and forward to.
    pub jumps: JumpList,
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
        let many = stories.len() > 1;
        let mut app = Self {
            briefing: None,
            screen: if many { Screen::List } else { Screen::Story },
            list_selected: 0,
            read: vec![!many; stories.len()],
            progress: None,
            actor_index: None,
            rarity: Default::default(),
            reasons: Default::default(),
            actor_screen: None,
            scroll: vec![0; stories.len()],
            positions: vec![None; stories.len()],
            starred: vec![Vec::new(); stories.len()],
            bookmarks: vec![Vec::new(); stories.len()],
            touched: vec![0; stories.len()],
            dirty: false,
            stories,
            current: 0,
            layout: Layout::default(),
            size,
            outline: size.0 >= OUTLINE_AUTO_WIDTH,
            help: false,
            mode: Mode::Normal,
            focus: Focus::Reader,
            summary: SummaryState::default(),
            focus_actor: None,
            mark: None,
            cursor: None,
            jumps: JumpList::default(),
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

    /// Why story `other` is related to the current story ("shares Putin;
    /// treaty"), worked out once per pair.
    pub fn related_reason(&self, other: usize) -> String {
        let (Some(story), Some(related)) = (self.story(), self.stories.get(other)) else {
            return String::new();
        };
        self.reasons
            .borrow_mut()
            .entry((self.current, other))
            .or_insert_with(|| crate::index::related::reason(story, related, &self.rarity))
            .clone()
    }

    /// Where every pane is.
    pub fn panes(&self) -> Panes {
        panes(self.size, self.outline, self.summary.shown)
    }

    /// Rows of the reader pane.
    pub fn page_rows(&self) -> usize {
        usize::from(self.panes().reader.height).max(1)
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

    /// Take in what the background analysis delivered.
    pub fn install(&mut self, update: crate::story::Update) {
        match update {
            crate::story::Update::Analysed(index, analysis) => {
                if let Some(story) = self.stories.get_mut(index) {
                    story.analysis = analysis;
                }
                self.reasons.get_mut().clear();
                if let Some((done, _)) = &mut self.progress {
                    *done += 1;
                }
            }
            crate::story::Update::Related(related, rarity) => {
                for (story, related) in self.stories.iter_mut().zip(related) {
                    story.related = related;
                }
                self.rarity = rarity;
                self.reasons.get_mut().clear();
                self.actor_index = Some(crate::index::actors::ActorIndex::build(&self.stories));
                self.progress = None;
            }
        }
    }

    /// The rows of the summary pane as filtered now.
    pub fn summary_items(&self) -> Vec<Item> {
        items(&self.stories, self.current, &self.summary.filter)
    }

    /// The terminal was resized: re-wrap, keeping the same text at the top.
    pub fn resize(&mut self, size: (u16, u16)) {
        let (offset, lead) = self.top_anchor();
        self.size = size;
        self.relayout();
        let row = self.layout.row_of(offset);
        self.set_top(row.saturating_sub(lead));
    }

    /// The article byte shown at the top of the reader.
    fn top_offset(&self) -> usize {
        self.top_anchor().0
    }

    /// The first article byte at or below the top row, and how many rows
    /// (blank lines, headings) lie above it on screen.
    pub fn top_anchor(&self) -> (usize, usize) {
        let top = self.top();
        self.layout
            .lines
            .get(top..)
            .and_then(|rows| {
                rows.iter()
                    .position(|l| l.label.is_none())
                    .map(|n| (rows[n].source.start, n))
            })
            .unwrap_or((0, 0))
    }

    fn relayout(&mut self) {
        let width = usize::from(self.panes().text.width);
        self.layout = match self.story() {
            Some(story) => Layout::new(&story.article, width),
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

    /// Remember where the current story is left.
    pub fn leave_story(&mut self) {
        let anchor = self.top_anchor();
        if self.positions.get(self.current).copied().flatten() != Some(anchor)
            && let Some(position) = self.positions.get_mut(self.current)
        {
            *position = Some(anchor);
            if let Some(touched) = self.touched.get_mut(self.current) {
                *touched = crate::state::now();
            }
            self.dirty = true;
        }
    }

    fn here(&self) -> Place {
        let (offset, lead) = self.top_anchor();
        Place {
            story: self.current,
            offset,
            lead,
        }
    }

    /// Scroll so that byte `offset` shows near the top, remembering where we were.
    pub(crate) fn jump_to_offset(&mut self, offset: usize) {
        self.jumps.push(self.here());
        let row = self.layout.row_of(offset);
        self.set_top(row.saturating_sub(2));
    }

    /// Scroll to `row`, remembering where we were.
    pub(crate) fn jump_to_row(&mut self, row: usize) {
        self.jumps.push(self.here());
        self.set_top(row);
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
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
        if self.screen == Screen::List {
            self.update_list(action);
            return;
        }
        if self.screen == Screen::Actor {
            self.update_actor(action);
            return;
        }
        if self.focus == Focus::Summary && self.update_summary(action) {
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
            Action::Top => self.jump_to_row(0),
            Action::Bottom => self.jump_to_row(usize::MAX),
            Action::NextSection => self.step_section(true),
            Action::PrevSection => self.step_section(false),
            Action::NextStory => self.step_story(true),
            Action::PrevStory => self.step_story(false),
            Action::Search => self.mode = Mode::SearchInput(String::new()),
            Action::SearchNext => self.step_match(true),
            Action::SearchPrev => self.step_match(false),
            Action::ToggleOutline => self.toggle(|app| app.outline = !app.outline),
            Action::ToggleSummary => self.toggle(|app| {
                app.summary.shown = !app.summary.shown;
                if !app.summary.shown {
                    app.focus = Focus::Reader;
                }
            }),
            Action::ToggleFocus => self.toggle_focus(),
            Action::Follow => self.set_top(top + 1),
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::NextMention => self.step_mention(true),
            Action::PrevMention => self.step_mention(false),
            Action::NextActor => self.cycle_actor(true),
            Action::PrevActor => self.cycle_actor(false),
            Action::NextEvent => self.step_event(true),
            Action::PrevEvent => self.step_event(false),
            Action::OpenRelated => self.open_related(None),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::Clear => self.clear(),
            Action::Help => self.help = !self.help,
            Action::Suspend => self.suspend = true,
            Action::Back if self.stories.len() > 1 => {
                self.screen = Screen::List;
                self.list_selected = self.current;
                self.focus = Focus::Reader;
            }
            Action::ActorIndex => self.open_actor_index(),
            Action::ToggleStar => self.toggle_star(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::NextBookmark => self.next_bookmark(),
            Action::Back | Action::Quit => self.quit = true,
        }
    }

    /// Keys on the story list: move, open, quit, help.
    fn update_list(&mut self, action: Action) {
        let last = self.stories.len().saturating_sub(1);
        let page = self.page_rows() / 2;
        let selected = self.list_selected;
        self.list_selected = match action {
            Action::ScrollDown => (selected + 1).min(last),
            Action::ScrollUp => selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (selected + page.max(1)).min(last),
            Action::PageUp | Action::HalfPageUp => selected.saturating_sub(page.max(1)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => selected,
        };
        match action {
            Action::Follow | Action::NextSection => self.open_story(self.list_selected),
            Action::Back | Action::Quit => self.quit = true,
            Action::Help => self.help = !self.help,
            Action::Suspend => self.suspend = true,
            _ => {}
        }
    }

    /// Open story `index` from the list.
    pub fn open_story(&mut self, index: usize) {
        if index >= self.stories.len() {
            return;
        }
        self.jumps.push(self.here());
        self.switch_story(index);
        self.screen = Screen::Story;
        self.focus = Focus::Reader;
        if let Some(read) = self.read.get_mut(index) {
            *read = true;
        }
    }

    /// Actions that mean something else while the summary has the focus;
    /// true when handled.
    fn update_summary(&mut self, action: Action) -> bool {
        let rows = self.summary_items();
        let step = |app: &mut App, forward: bool, times: usize| {
            for _ in 0..times {
                app.move_selection(&rows, forward);
            }
        };
        let page = usize::from(
            self.panes()
                .summary
                .map_or(1, |r| r.height.saturating_sub(2))
                .max(1),
        );
        match action {
            Action::ScrollDown => step(self, true, 1),
            Action::ScrollUp => step(self, false, 1),
            Action::PageDown | Action::HalfPageDown => step(self, true, page / 2 + 1),
            Action::PageUp | Action::HalfPageUp => step(self, false, page / 2 + 1),
            Action::Top => {
                self.summary.selected = rows.iter().position(|i| i.selectable()).unwrap_or(0)
            }
            Action::Bottom => {
                self.summary.selected = rows.iter().rposition(|i| i.selectable()).unwrap_or(0)
            }
            Action::Search => {
                self.mode = Mode::FilterInput;
                self.summary.filtering = true;
            }
            Action::Follow => self.follow(rows.get(self.summary.selected).copied()),
            Action::OpenRelated => match rows.get(self.summary.selected) {
                Some(Item::Related(story, _)) => self.open_related(Some(*story)),
                _ => self.open_related(None),
            },
            _ => return false,
        }
        true
    }

    fn move_selection(&mut self, rows: &[Item], forward: bool) {
        let current = self.summary.selected;
        let next = if forward {
            rows.iter()
                .enumerate()
                .skip(current + 1)
                .find(|(_, i)| i.selectable())
                .map(|(n, _)| n)
        } else {
            rows.iter()
                .enumerate()
                .take(current)
                .rev()
                .find(|(_, i)| i.selectable())
                .map(|(n, _)| n)
        };
        if let Some(n) = next {
            self.summary.selected = n;
        }
    }

    fn toggle(&mut self, change: impl FnOnce(&mut App)) {
        change(self);
        let size = self.size;
        self.resize(size);
    }

    fn toggle_focus(&mut self) {
        match self.focus {
            Focus::Reader => {
                if self.panes().summary.is_none() {
                    self.toggle(|app| app.summary.shown = true);
                }
                self.focus = Focus::Summary;
                let rows = self.summary_items();
                if !rows
                    .get(self.summary.selected)
                    .is_some_and(|i| i.selectable())
                {
                    self.summary.selected = rows.iter().position(|i| i.selectable()).unwrap_or(0);
                }
            }
            Focus::Summary => self.focus = Focus::Reader,
        }
    }

    /// Act on a summary row: focus an actor, go to a statement, event or story.
    fn follow(&mut self, item: Option<Item>) {
        match item {
            Some(Item::Actor(i)) => {
                self.focus_actor = Some(i);
                self.cursor = None;
                self.step_mention(true);
            }
            Some(Item::Statement(i)) => self.go_to_quote(i),
            Some(Item::Event(i)) => self.go_to_event(i),
            Some(Item::Related(story, _)) => self.open_related(Some(story)),
            Some(Item::Heading(_)) | None => {}
        }
    }
}

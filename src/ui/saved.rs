//! The reader's side of state that survives: stars, bookmarks, and turning
//! the app's memory into a [`State`] to save and back.

use crate::state::{Starred, State, StoryState, story_key};

use super::app::{App, Cursor};

impl App {
    /// The key of each story in the store.
    fn keys(&self) -> Vec<String> {
        self.stories
            .iter()
            .map(|s| story_key(&s.article.id, &s.article.text))
            .collect()
    }

    /// Take what was saved: read flags, positions, stars and bookmarks.
    pub fn restore(&mut self, state: &State) {
        for (index, key) in self.keys().into_iter().enumerate() {
            let Some(saved) = state.stories.get(&key) else {
                continue;
            };
            self.read[index] |= saved.read;
            self.positions[index] = Some((saved.offset, 0));
            self.touched[index] = saved.updated;
            self.starred[index] = saved.starred.clone();
            self.bookmarks[index] = saved.bookmarks.clone();
        }
        if let Some((offset, _)) = self.positions.get(self.current).copied().flatten() {
            let row = self.layout.row_of(offset);
            let top = row.min(self.max_top());
            if let Some(scroll) = self.scroll.get_mut(self.current) {
                *scroll = top;
            }
        }
    }

    /// What to save now.
    pub fn to_state(&self) -> State {
        let mut state = State::default();
        let current = self.top_anchor();
        for (index, key) in self.keys().into_iter().enumerate() {
            let offset = if index == self.current {
                Some(current)
            } else {
                self.positions[index]
            };
            let story = StoryState {
                title: self.stories[index].article.title.clone(),
                read: self.read[index],
                offset: offset.map_or(0, |(o, _)| o),
                updated: self.touched[index],
                starred: self.starred[index].clone(),
                bookmarks: self.bookmarks[index].clone(),
            };
            if story.read || !story.starred.is_empty() || !story.bookmarks.is_empty() {
                state.stories.insert(key, story);
            }
        }
        state
    }

    pub(crate) fn toggle_star(&mut self) {
        let Some(Cursor::Quote(index)) = self.cursor else {
            self.say("go to a statement first (. and ,), then star it");
            return;
        };
        let Some(story) = self.story() else { return };
        let Some(quote) = story.analysis.quotes.get(index) else {
            return;
        };
        let starred = Starred {
            start: quote.span.start,
            end: quote.span.end,
            text: quote.text.clone(),
            speaker: quote
                .speaker
                .and_then(|i| story.analysis.entity_name(i))
                .map(str::to_string),
        };
        let Some(stars) = self.starred.get_mut(self.current) else {
            return;
        };
        let message = match stars
            .iter()
            .position(|s| (s.start, s.end) == (starred.start, starred.end))
        {
            Some(at) => {
                stars.remove(at);
                "unstarred".to_string()
            }
            None => {
                stars.push(starred);
                stars.sort_by_key(|s| s.start);
                let total: usize = self.starred.iter().map(Vec::len).sum();
                format!("starred ({total} in this briefing; `briefing starred` exports them)")
            }
        };
        self.dirty = true;
        self.say(message);
    }

    pub(crate) fn toggle_bookmark(&mut self) {
        let (offset, _) = self.top_anchor();
        let Some(marks) = self.bookmarks.get_mut(self.current) else {
            return;
        };
        let message = match marks.iter().position(|&m| m == offset) {
            Some(at) => {
                marks.remove(at);
                "bookmark removed"
            }
            None => {
                marks.push(offset);
                marks.sort_unstable();
                "bookmarked"
            }
        };
        self.dirty = true;
        self.say(message);
    }

    pub(crate) fn next_bookmark(&mut self) {
        let (offset, _) = self.top_anchor();
        let Some(marks) = self.bookmarks.get(self.current) else {
            return;
        };
        let target = marks
            .iter()
            .copied()
            .find(|&m| m > offset)
            .or_else(|| marks.first().copied());
        match target {
            Some(mark) => {
                let count = marks.len();
                let n = marks.iter().position(|&m| m == mark).unwrap_or(0) + 1;
                let row = self.layout.row_of(mark);
                self.jump_to_row(row);
                self.say(format!("bookmark {n} of {count}"));
            }
            None => self.say("no bookmarks in this story: B sets one"),
        }
    }
}

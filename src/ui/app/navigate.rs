//! Moving through a story and across stories: sections, quotes, events,
//! mentions of an actor, related stories and the jump list.

use crate::analyse::EntityKind;
use crate::sanitize::clean_line;
use crate::span::Span;

use super::super::jumps::Place;
use super::{App, Cursor, Focus, Screen};

impl App {
    pub(super) fn step_section(&mut self, forward: bool) {
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
            Some(row) => self.jump_to_row(row),
            None if forward => self.say("last section"),
            None => self.say("first section"),
        }
    }

    pub(super) fn step_story(&mut self, forward: bool) {
        let target = if forward {
            self.current + 1
        } else {
            self.current.wrapping_sub(1)
        };
        if target < self.stories.len() {
            self.jumps.push(self.here());
            self.switch_story(target);
            let count = self.stories.len();
            self.say(format!("story {} of {count}", self.current + 1));
        } else if forward {
            self.say("last story");
        } else {
            self.say("first story");
        }
    }

    /// Show story `index` where it was left; per-story marks are reset.
    pub(super) fn switch_story(&mut self, index: usize) {
        if index == self.current || index >= self.stories.len() {
            return;
        }
        self.leave_story();
        self.current = index;
        if let Some(read) = self.read.get_mut(index) {
            *read = true;
        }
        self.dirty = true;
        self.focus_actor = None;
        self.mark = None;
        self.cursor = None;
        self.summary.selected = 0;
        self.summary.filter.clear();
        self.relayout();
        if let Some((offset, lead)) = self.positions.get(index).copied().flatten() {
            let row = self.layout.row_of(offset);
            self.set_top(row.saturating_sub(lead));
        }
        if let Some(search) = self.search.take() {
            self.run_search(search.pattern);
        }
    }

    pub(super) fn open_related(&mut self, chosen: Option<usize>) {
        let target = chosen.or_else(|| {
            self.story()
                .and_then(|s| s.related.first().map(|&(i, _)| i))
        });
        let Some(target) = target else {
            self.say("no related stories");
            return;
        };
        self.jumps.push(self.here());
        self.switch_story(target);
        self.focus = Focus::Reader;
        let title = self
            .story()
            .map(|s| s.article.title.clone())
            .unwrap_or_default();
        self.say(format!("related: {title}"));
    }

    pub(super) fn jump_back(&mut self) {
        let here = self.here();
        match self.jumps.back(here) {
            Some(place) => self.go_to_place(place),
            None => self.say("no earlier jump"),
        }
    }

    pub(super) fn jump_forward(&mut self) {
        match self.jumps.forward() {
            Some(place) => self.go_to_place(place),
            None => self.say("no later jump"),
        }
    }

    pub(super) fn go_to_place(&mut self, place: Place) {
        self.screen = Screen::Story;
        self.switch_story(place.story);
        let row = self.layout.row_of(place.offset);
        self.set_top(row.saturating_sub(place.lead));
    }

    pub(super) fn clear(&mut self) {
        self.focus_actor = None;
        self.mark = None;
        self.cursor = None;
        self.summary.filter.clear();
        self.search = None;
    }

    /// The index of the next (or previous) span after the reading position.
    pub(super) fn next_index(
        &self,
        spans: &[Span],
        current: Option<usize>,
        forward: bool,
    ) -> Option<usize> {
        match (current, forward) {
            (Some(i), true) => (i + 1 < spans.len()).then_some(i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => {
                let from = self.top_offset();
                spans.iter().position(|s| s.start >= from)
            }
            (None, false) => {
                let from = self.top_offset();
                spans.iter().rposition(|s| s.start < from)
            }
        }
    }

    /// Go to the next or previous of `spans` (a story's quotes or events)
    /// from the item last jumped to or the reading position.
    pub(super) fn step_item(
        &mut self,
        forward: bool,
        noun: &str,
        spans: &[Span],
        current: Option<usize>,
        go: fn(&mut App, usize),
    ) {
        if spans.is_empty() {
            self.say(format!("no {noun}s in this story"));
            return;
        }
        match self.next_index(spans, current, forward) {
            Some(i) => go(self, i),
            None if forward => self.say(format!("last {noun}")),
            None => self.say(format!("first {noun}")),
        }
    }

    pub(super) fn step_quote(&mut self, forward: bool) {
        let Some(story) = self.story() else { return };
        let spans: Vec<Span> = story.analysis.quotes.iter().map(|q| q.span).collect();
        let current = match self.cursor {
            Some(Cursor::Quote(i)) => Some(i),
            _ => None,
        };
        self.step_item(forward, "quote", &spans, current, Self::go_to_quote);
    }

    pub(crate) fn go_to_quote(&mut self, index: usize) {
        let Some(quote) = self
            .story()
            .and_then(|s| s.analysis.quotes.get(index))
            .cloned()
        else {
            return;
        };
        self.jump_to_offset(quote.span.start);
        self.mark = Some(quote.span);
        self.cursor = Some(Cursor::Quote(index));
        let count = self.story().map_or(0, |s| s.analysis.quotes.len());
        let speaker = self.story().map_or_else(String::new, |s| {
            clean_line(s.analysis.speaker_label(&quote, &s.article.text))
        });
        let cue = quote.cue.map(|c| format!(" ({c})")).unwrap_or_default();
        self.say(format!("quote {} of {count}: {speaker}{cue}", index + 1));
    }

    pub(super) fn step_event(&mut self, forward: bool) {
        let Some(story) = self.story() else { return };
        let spans: Vec<Span> = story.analysis.events.iter().map(|e| e.span).collect();
        let current = match self.cursor {
            Some(Cursor::Event(i)) => Some(i),
            _ => None,
        };
        self.step_item(forward, "event", &spans, current, Self::go_to_event);
    }

    pub(super) fn go_to_event(&mut self, index: usize) {
        let Some(event) = self
            .story()
            .and_then(|s| s.analysis.events.get(index))
            .cloned()
        else {
            return;
        };
        self.jump_to_offset(event.span.start);
        self.mark = Some(event.span);
        self.cursor = Some(Cursor::Event(index));
        let count = self.story().map_or(0, |s| s.analysis.events.len());
        self.say(format!(
            "event {} of {count}: [{}] {}",
            index + 1,
            event.kind,
            event.summary
        ));
    }

    /// Every span that names or refers to the focused actor, in text order.
    pub fn focus_spans(&self) -> Vec<Span> {
        let Some(entity) = self
            .focus_actor
            .and_then(|i| self.story()?.analysis.entities.get(i))
        else {
            return Vec::new();
        };
        let mut spans: Vec<Span> = entity.mentions.clone();
        spans.extend(entity.references.iter().map(|r| r.span));
        spans.sort();
        spans.dedup();
        spans
    }

    pub(crate) fn step_mention(&mut self, forward: bool) {
        if self.focus_actor.is_none() {
            self.cycle_actor(true);
        }
        let spans = self.focus_spans();
        if spans.is_empty() {
            self.say("no actor to follow: press p to focus one");
            return;
        }
        let current = match self.cursor {
            Some(Cursor::Mention(i)) => Some(i),
            _ => None,
        };
        match self.next_index(&spans, current, forward) {
            Some(i) => {
                self.jump_to_offset(spans[i].start);
                self.mark = Some(spans[i]);
                self.cursor = Some(Cursor::Mention(i));
                let name = self.focused_name();
                self.say(format!("{name}: mention {} of {}", i + 1, spans.len()));
            }
            None if forward => self.say("last mention"),
            None => self.say("first mention"),
        }
    }

    pub(super) fn focused_name(&self) -> String {
        self.focus_actor
            .and_then(|i| self.story()?.analysis.entity_name(i))
            .unwrap_or_default()
            .to_string()
    }

    /// Focus the next key actor in the summary's order: people, organisations,
    /// places, each by salience.
    pub(super) fn cycle_actor(&mut self, forward: bool) {
        let Some(story) = self.story() else { return };
        let entities = &story.analysis.entities;
        let kinds = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Other,
        ];
        let order: Vec<usize> = kinds
            .iter()
            .flat_map(|&k| (0..entities.len()).filter(move |&i| entities[i].kind == k))
            .collect();
        if order.is_empty() {
            self.say("no actors in this story");
            return;
        }
        let position = self
            .focus_actor
            .and_then(|f| order.iter().position(|&i| i == f));
        let next = match (position, forward) {
            (None, true) => 0,
            (None, false) => order.len() - 1,
            (Some(p), true) => (p + 1) % order.len(),
            (Some(p), false) => (p + order.len() - 1) % order.len(),
        };
        let entity = &entities[order[next]];
        let count = entity.mentions.len() + entity.references.len();
        let role = entity
            .role
            .as_ref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        let text = format!(
            "focus: {}{role} ({count} mentions; m/M to step)",
            entity.name
        );
        self.focus_actor = Some(order[next]);
        self.cursor = None;
        self.mark = None;
        self.say(text);
    }
}

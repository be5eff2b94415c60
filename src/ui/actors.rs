//! The actor index screen: one actor across the briefing — every story that
//! names it and everything it said there — with a jump to any of them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::index::actors::ActorIndex;
use crate::sanitize::clean_line;

use super::app::{App, Screen};
use super::theme::{Role, Theme};
use super::view::{Glyphs, fit};

/// One row of the actor screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRow {
    /// A story the actor appears in: (story, entity in that story).
    Story(usize, usize),
    /// Something it said: (story, quote in that story).
    Statement(usize, usize),
}

/// The rows for actor `actor` of the index.
pub fn rows(index: &ActorIndex, actor: usize) -> Vec<ActorRow> {
    let Some(actor) = index.actors().get(actor) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for appearance in &actor.appearances {
        out.push(ActorRow::Story(appearance.story, appearance.entity));
        out.extend(
            appearance
                .statements
                .iter()
                .map(|&q| ActorRow::Statement(appearance.story, q)),
        );
    }
    out
}

impl App {
    /// Open the actor screen on the focused actor (or the story's first person).
    pub(crate) fn open_actor_index(&mut self) {
        let Some(index) = &self.actor_index else {
            self.say("the actor index is ready when the analysis is done");
            return;
        };
        let entity = self.focus_actor.or_else(|| {
            let story = self.story()?;
            story
                .analysis
                .entities
                .iter()
                .position(|e| e.kind == crate::analyse::EntityKind::Person)
                .or((!story.analysis.entities.is_empty()).then_some(0))
        });
        let Some(actor) = entity.and_then(|e| index.actor_of(self.current, e)) else {
            self.say("no actor to look up: focus one with p");
            return;
        };
        self.actor_screen = Some((actor, 0));
        self.screen = Screen::Actor;
    }

    /// Keys on the actor screen: move, jump, back.
    pub(crate) fn update_actor(&mut self, action: super::action::Action) {
        use super::action::Action;
        let Some((actor, selected)) = self.actor_screen else {
            return;
        };
        let rows = self
            .actor_index
            .as_ref()
            .map(|i| rows(i, actor))
            .unwrap_or_default();
        let last = rows.len().saturating_sub(1);
        let selected = match action {
            Action::ScrollDown => (selected + 1).min(last),
            Action::ScrollUp => selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (selected + 10).min(last),
            Action::PageUp | Action::HalfPageUp => selected.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => last,
            _ => selected,
        };
        self.actor_screen = Some((actor, selected));
        match action {
            Action::Follow => match rows.get(selected) {
                Some(&ActorRow::Story(story, entity)) => {
                    self.open_story(story);
                    let one_jump = self.jumps.len();
                    self.focus_actor = Some(entity);
                    self.cursor = None;
                    self.step_mention(true);
                    self.jumps.truncate(one_jump);
                }
                Some(&ActorRow::Statement(story, quote)) => {
                    self.open_story(story);
                    let one_jump = self.jumps.len();
                    self.go_to_quote(quote);
                    self.jumps.truncate(one_jump);
                }
                None => {}
            },
            Action::Back | Action::ActorIndex => self.screen = Screen::Story,
            Action::Quit => self.quit = true,
            Action::Help => self.help = !self.help,
            _ => {}
        }
    }
}

/// The actor screen.
pub struct ActorView<'a> {
    /// State to draw.
    pub app: &'a App,
    /// Styles.
    pub theme: &'a Theme,
    /// Markers.
    pub glyphs: &'a Glyphs,
}

impl Widget for &ActorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let (Some(index), Some((actor, selected))) = (&app.actor_index, app.actor_screen) else {
            return;
        };
        let Some(entry) = index.actors().get(actor) else {
            return;
        };
        let width = usize::from(area.width);
        let stories = entry.appearances.len();
        let said: usize = entry.appearances.iter().map(|a| a.statements.len()).sum();
        let mut lines = vec![
            Line::styled(
                fit(&clean_line(&entry.name), width, self.glyphs.ellipsis),
                self.theme.style(Role::Headline),
            ),
            Line::styled(
                format!("in {stories} stories, {said} statements \u{b7} Enter jumps, q goes back"),
                self.theme.style(Role::Dim),
            ),
            Line::default(),
        ];
        let all = rows(index, actor);
        let height = usize::from(area.height).saturating_sub(lines.len()).max(1);
        let first = selected.saturating_sub(height.saturating_sub(1));
        for (n, row) in all.iter().enumerate().skip(first).take(height) {
            let marker = if n == selected {
                self.glyphs.marker
            } else {
                " "
            };
            let (role, text) = match *row {
                ActorRow::Story(story, entity) => {
                    let title = app
                        .stories
                        .get(story)
                        .map_or(String::new(), |s| clean_line(&s.article.title));
                    let role = app
                        .stories
                        .get(story)
                        .and_then(|s| s.analysis.entities.get(entity))
                        .and_then(|e| e.role.as_deref())
                        .map(|r| format!(" ({})", clean_line(r)))
                        .unwrap_or_default();
                    (Role::Heading, format!("{}. {title}{role}", story + 1))
                }
                ActorRow::Statement(story, quote) => {
                    let words = app
                        .stories
                        .get(story)
                        .and_then(|s| s.analysis.quotes.get(quote))
                        .map_or(String::new(), |q| {
                            if q.direct {
                                format!("   \u{201C}{}\u{201D}", clean_line(&q.text))
                            } else {
                                format!("   (reported) {}", clean_line(&q.text))
                            }
                        });
                    (Role::Quote, words)
                }
            };
            let style = if n == selected {
                self.theme.style(Role::Selection)
            } else {
                self.theme.style(role)
            };
            lines.push(Line::from(vec![
                Span::raw(marker.to_string()),
                Span::styled(
                    fit(&text, width.saturating_sub(1), self.glyphs.ellipsis),
                    style,
                ),
            ]));
        }
        Paragraph::new(lines).render(area, buf);
    }
}

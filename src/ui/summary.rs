//! The summary pane: the story's key actors, statements, events and related
//! stories, filtered by a fuzzy pattern, each row live (it selects, jumps or
//! highlights in the reader).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::analyse::EntityKind;
use crate::sanitize::clean_line;
use crate::story::Story;

use super::app::{App, Focus};
use super::theme::{Role, Theme};
use super::view::{Glyphs, fit};

/// One row of the summary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// A group title: "People", "Statements", …
    Heading(&'static str),
    /// An actor (index into the story's entities).
    Actor(usize),
    /// A statement (index into the story's quotes).
    Statement(usize),
    /// An event (index into the story's events).
    Event(usize),
    /// Another story of the briefing (its index) and how related it is.
    Related(usize, f32),
}

impl Item {
    /// Whether the selection can rest on it.
    pub fn selectable(self) -> bool {
        !matches!(self, Item::Heading(_))
    }
}

/// The rows of the summary of story `current`, keeping those that match `filter`.
pub fn items(stories: &[Story], current: usize, filter: &str) -> Vec<Item> {
    let Some(story) = stories.get(current) else {
        return Vec::new();
    };
    let analysis = &story.analysis;
    let matcher = SkimMatcherV2::default().ignore_case();
    let keep = |text: &str| filter.is_empty() || matcher.fuzzy_match(text, filter).is_some();
    let mut out = Vec::new();
    let mut group = |title: &'static str, rows: Vec<Item>| {
        if !rows.is_empty() {
            out.push(Item::Heading(title));
            out.extend(rows);
        }
    };
    for (kind, title) in [
        (EntityKind::Person, "People"),
        (EntityKind::Organization, "Organisations"),
        (EntityKind::Place, "Places"),
    ] {
        let rows = analysis
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .filter(|(_, e)| keep(&format!("{} {}", e.name, e.role.as_deref().unwrap_or(""))))
            .map(|(i, _)| Item::Actor(i))
            .collect();
        group(title, rows);
    }
    let speaker = |q: &crate::analyse::Quote| {
        q.speaker
            .and_then(|i| analysis.entity_name(i))
            .unwrap_or("")
    };
    let rows = analysis
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| keep(&format!("{} {}", speaker(q), q.text)))
        .map(|(i, _)| Item::Statement(i))
        .collect();
    group("Statements", rows);
    let rows = analysis
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| keep(&e.summary))
        .map(|(i, _)| Item::Event(i))
        .collect();
    group("Events", rows);
    let rows = story
        .related
        .iter()
        .filter(|(i, _)| stories.get(*i).is_some_and(|s| keep(&s.article.title)))
        .take(5)
        .map(|&(i, score)| Item::Related(i, score))
        .collect();
    group("Related stories", rows);
    out
}

/// The first row shown when `selected` must be visible in `height` rows
/// (the selection sits about three quarters down once the list scrolls).
pub fn first_row(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1).min(height / 2 + height / 4))
}

/// The summary pane.
pub struct SummaryView<'a> {
    /// State to draw.
    pub app: &'a App,
    /// Styles to draw with.
    pub theme: &'a Theme,
    /// Box characters.
    pub glyphs: &'a Glyphs,
}

impl Widget for &SummaryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let focused = app.focus == Focus::Summary;
        let title = match (&app.summary.filter, app.summary.filtering) {
            (f, true) => format!(" filter: {}_ ", clean_line(f)),
            (f, false) if !f.is_empty() => format!(" Summary (filter: {}) ", clean_line(f)),
            _ => " Summary ".to_string(),
        };
        let title_role = if focused {
            Role::Selection
        } else {
            Role::Title
        };
        let block = Block::default()
            .borders(Borders::LEFT | Borders::TOP)
            .border_set(self.glyphs.border)
            .border_style(self.theme.style(Role::Border))
            .title(Span::styled(title, self.theme.style(title_role)));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(story) = app.story() else { return };
        let items = app.summary_items();
        let height = usize::from(inner.height);
        let selected = app.summary.selected.min(items.len().saturating_sub(1));
        let first = first_row(selected, height);
        let width = usize::from(inner.width);
        let lines: Vec<Line> = items
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .map(|(n, item)| {
                let is_selected = n == selected && item.selectable();
                self.row(story, *item, is_selected, focused, width)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

impl SummaryView<'_> {
    fn row(
        &self,
        story: &Story,
        item: Item,
        selected: bool,
        focused: bool,
        width: usize,
    ) -> Line<'static> {
        let analysis = &story.analysis;
        let ellipsis = self.glyphs.ellipsis;
        let (role, text) = match item {
            Item::Heading(title) => {
                return Line::styled(fit(title, width, ellipsis), self.theme.style(Role::Heading));
            }
            Item::Actor(i) => {
                let e = &analysis.entities[i];
                let role = match e.kind {
                    EntityKind::Person => Role::Person,
                    EntityKind::Organization => Role::Organization,
                    EntityKind::Place => Role::Place,
                    EntityKind::Other => Role::Text,
                };
                let count = e.mentions.len() + e.references.len();
                let text = match &e.role {
                    Some(r) => {
                        format!("{} \u{b7} {} ({count})", clean_line(&e.name), clean_line(r))
                    }
                    None => format!("{} ({count})", clean_line(&e.name)),
                };
                (role, text)
            }
            Item::Statement(i) => {
                let q = &analysis.quotes[i];
                let who = analysis.speaker_label(q, &story.article.text);
                let words = if q.direct {
                    format!("\u{201C}{}\u{201D}", clean_line(&q.text))
                } else {
                    clean_line(&q.text)
                };
                (Role::Quote, format!("{}: {words}", clean_line(who)))
            }
            Item::Event(i) => {
                let e = &analysis.events[i];
                let mut text = format!("[{}] {}", e.kind, clean_line(&e.summary));
                if let Some(time) = &e.time {
                    text.push_str(&format!(" \u{b7} {}", clean_line(time)));
                }
                (Role::Text, text)
            }
            Item::Related(i, score) => {
                let Some(other) = self.app.stories.get(i) else {
                    return Line::default();
                };
                let why = clean_line(&self.app.related_reason(i));
                let title = clean_line(&other.article.title);
                let room = width.saturating_sub(1);
                (Role::Text, related_row(score, &title, &why, room, ellipsis))
            }
        };
        let mut style = self.theme.style(role);
        if selected {
            style = if focused {
                self.theme.style(Role::Selection)
            } else {
                style.patch(self.theme.style(Role::Highlight))
            };
        }
        let marker = if selected { self.glyphs.marker } else { " " };
        Line::from(vec![
            Span::raw(marker.to_string()),
            Span::styled(fit(&text, width.saturating_sub(1), ellipsis), style),
        ])
    }
}

/// Columns a related story's headline keeps before its reason is shortened.
const MIN_TITLE: usize = 24;

/// "0.42 Headline — shares Putin, Kim Jong Un; treaty" in `width` columns.
/// When it is too long the headline gives way first (down to
/// [`MIN_TITLE`] columns, or half the room in a narrow pane), so the reason
/// stays readable.
fn related_row(score: f32, title: &str, why: &str, width: usize, ellipsis: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    let head = format!("{score:.2} ");
    if why.is_empty() {
        return format!("{head}{title}");
    }
    let separator = " \u{2014} ";
    let full = format!("{head}{title}{separator}{why}");
    if full.width() <= width {
        return full;
    }
    let fixed = head.width() + separator.width();
    let keep = MIN_TITLE
        .min(title.width())
        .min(width.saturating_sub(fixed) / 2);
    let why_room = width.saturating_sub(fixed + keep);
    let why = fit(why, why_room, ellipsis);
    let title = fit(title, width.saturating_sub(fixed + why.width()), ellipsis);
    format!("{head}{title}{separator}{why}")
}

#[cfg(test)]
mod tests {
    use super::related_row;

    #[test]
    fn a_long_headline_gives_way_to_the_reason() {
        let title = "Putin and Kim Sign Treaty Pledging Mutual Help Against Attack";
        let why = "shares Vladimir Putin, Kim Jong Un; treaty";
        assert_eq!(
            related_row(0.55, title, why, 76, "…"),
            "0.55 Putin and Kim Sign Treaty… \u{2014} shares Vladimir Putin, Kim Jong Un; treaty"
        );
        assert_eq!(
            related_row(0.55, "Short", why, 76, "…"),
            "0.55 Short \u{2014} shares Vladimir Putin, Kim Jong Un; treaty"
        );
        assert_eq!(related_row(0.1, "Short", "", 76, "…"), "0.10 Short");
    }

    #[test]
    fn a_narrow_pane_keeps_some_headline() {
        let row = related_row(
            0.5,
            "A headline of some length here",
            "shares a very long list of names",
            40,
            "…",
        );
        assert!(
            row.starts_with("0.50 A headline of s… \u{2014} shares"),
            "{row}"
        );
        assert!(
            unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40,
            "{row}"
        );
    }
}

//! The story list: every story of the briefing with its source, date, key
//! actors and whether it has been read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::analyse::EntityKind;
use crate::sanitize::clean_line;
use crate::story::Story;

use super::app::App;
use super::theme::{Role, Theme};
use super::view::{Glyphs, fit};

/// The list of stories, two rows each.
pub struct ListView<'a> {
    /// State to draw.
    pub app: &'a App,
    /// Styles to draw with.
    pub theme: &'a Theme,
    /// Markers.
    pub glyphs: &'a Glyphs,
}

/// Rows each story takes in the list (headline, details, gap).
pub const ROWS_PER_STORY: usize = 3;

/// The key actors of a story for the list: up to three names, people first.
pub fn top_actors(story: &Story) -> Vec<&str> {
    let entities = &story.analysis.entities;
    let people = entities.iter().filter(|e| e.kind == EntityKind::Person);
    let others = entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Place));
    people
        .take(2)
        .chain(others)
        .take(3)
        .map(|e| e.name.as_str())
        .collect()
}

impl Widget for &ListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let width = usize::from(area.width);
        let mut header: Vec<(String, Role)> = Vec::new();
        match &app.briefing {
            Some(info) => {
                header.push((clean_line(&info.title), Role::Headline));
                if let Some(description) = &info.description {
                    header.push((clean_line(description), Role::Dim));
                }
            }
            None => header.push((format!("{} stories", app.stories.len()), Role::Headline)),
        }
        let mut lines: Vec<Line> = header
            .iter()
            .flat_map(|(text, role)| {
                let style = self.theme.style(*role);
                textwrap::wrap(text, width.max(1))
                    .into_iter()
                    .map(move |l| Line::styled(l.into_owned(), style))
            })
            .collect();
        lines.push(Line::default());
        let header_rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        Paragraph::new(lines).render(area, buf);
        let list = Rect {
            y: area.y + header_rows.min(area.height),
            height: area.height.saturating_sub(header_rows),
            ..area
        };
        let visible = (usize::from(list.height) / ROWS_PER_STORY).max(1);
        let first = app.list_selected.saturating_sub(visible.saturating_sub(1));
        let mut lines = Vec::new();
        for (n, story) in app.stories.iter().enumerate().skip(first).take(visible) {
            let selected = n == app.list_selected;
            let unread = !app.read.get(n).copied().unwrap_or(true);
            let dot = if unread { "\u{25CF}" } else { " " };
            let marker = if selected { self.glyphs.marker } else { " " };
            let title = fit(
                &clean_line(&story.article.title),
                width.saturating_sub(8),
                self.glyphs.ellipsis,
            );
            let role = if selected {
                Role::Selection
            } else if unread {
                Role::Headline
            } else {
                Role::Text
            };
            lines.push(Line::from(vec![
                Span::raw(format!("{marker}{dot}")),
                Span::styled(format!("{:>3}. ", n + 1), self.theme.style(Role::Dim)),
                Span::styled(title, self.theme.style(role)),
            ]));
            let meta = &story.article.meta;
            let mut details: Vec<String> = [&meta.source, &meta.date]
                .into_iter()
                .flatten()
                .map(|s| clean_line(s))
                .collect();
            let actors = top_actors(story);
            if !actors.is_empty() {
                details.push(
                    actors
                        .iter()
                        .map(|a| clean_line(a))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            let details = fit(
                &details.join(" \u{b7} "),
                width.saturating_sub(7),
                self.glyphs.ellipsis,
            );
            lines.push(Line::styled(
                format!("       {details}"),
                self.theme.style(Role::Dim),
            ));
            lines.push(Line::default());
        }
        Paragraph::new(lines).render(list, buf);
    }
}

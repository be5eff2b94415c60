//! The outline pane: the story's sections, numbered, the current one marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::sanitize::clean_line;

use super::app::App;
use super::theme::{Role, Theme};
use super::view::{Glyphs, fit};

/// The list of sections beside the reader.
pub struct OutlineView<'a> {
    /// State to draw.
    pub app: &'a App,
    /// Styles to draw with.
    pub theme: &'a Theme,
    /// Box and marker characters.
    pub glyphs: &'a Glyphs,
}

impl Widget for &OutlineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_set(self.glyphs.border)
            .border_style(self.theme.style(Role::Border));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(story) = self.app.story() else {
            return;
        };
        let current = self.app.current_section();
        let mut lines = vec![Line::styled("Outline", self.theme.style(Role::Title))];
        for (n, section) in story.article.sections.iter().enumerate() {
            let marker = if n == current {
                self.glyphs.marker
            } else {
                " "
            };
            let text = format!("{marker}{} {}", n + 1, clean_line(&section.heading));
            let text = fit(&text, usize::from(inner.width), self.glyphs.ellipsis);
            let role = if n == current {
                Role::Selection
            } else {
                Role::Text
            };
            lines.push(Line::styled(text, self.theme.style(role)));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

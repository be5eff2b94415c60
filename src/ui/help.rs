//! The help overlay: every key, listed from the keymap itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::keymap::Keymap;
use super::theme::{Role, Theme};
use super::view::Glyphs;

/// The list of keys over the reader.
pub struct HelpView<'a> {
    /// Where the keys come from.
    pub keymap: &'a Keymap,
    /// Styles to draw with.
    pub theme: &'a Theme,
    /// Box characters.
    pub glyphs: &'a Glyphs,
}

impl Widget for &HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.min(72);
        let height = area.height.min(self.keymap.entries.len() as u16 + 4);
        let x = area.x + (area.width - width) / 2;
        let y = area.y + (area.height - height) / 2;
        let popup = Rect::new(x, y, width, height);
        Clear.render(popup, buf);
        let block = Block::bordered()
            .border_set(self.glyphs.border)
            .border_style(self.theme.style(Role::Border))
            .title(Span::styled(
                " Keys (any key closes) ",
                self.theme.style(Role::Title),
            ));
        let names: Vec<String> = self
            .keymap
            .entries
            .iter()
            .map(|(keys, _, _)| keys.join(", "))
            .collect();
        let column = names
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0)
            .min(24);
        let lines: Vec<Line> = self
            .keymap
            .entries
            .iter()
            .zip(&names)
            .map(|((_, _, desc), keys)| {
                Line::from(vec![
                    Span::styled(
                        format!(" {keys:<column$}  "),
                        self.theme.style(Role::HelpKey),
                    ),
                    Span::styled(desc.clone(), self.theme.style(Role::Text)),
                ])
            })
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(popup, buf);
    }
}

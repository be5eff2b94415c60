//! The status line: story, section and position, or the search prompt, or a
//! message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::sanitize::clean_line;

use super::action::Action;
use super::app::{App, Mode, Screen};
use super::keymap::Keymap;
use super::theme::{Role, Theme};

/// The bottom row.
pub struct StatusView<'a> {
    /// State to draw.
    pub app: &'a App,
    /// Styles to draw with.
    pub theme: &'a Theme,
    /// For the help hint.
    pub keymap: &'a Keymap,
}

impl Widget for &StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let status = self.theme.style(Role::Status);
        buf.set_style(area, status);
        if let Mode::SearchInput(pattern) = &app.mode {
            let line = Line::from(vec![
                Span::styled(format!("/{}", clean_line(pattern)), status),
                Span::styled("_", status),
            ]);
            Paragraph::new(line).render(area, buf);
            return;
        }
        let mut left = String::new();
        if app.screen == Screen::List {
            let unread = app.read.iter().filter(|r| !**r).count();
            left.push_str(&format!(
                " {}/{} \u{b7} {unread} unread ",
                app.list_selected + 1,
                app.stories.len()
            ));
        } else if let Some(story) = app.story() {
            if app.stories.len() > 1 {
                left.push_str(&format!(" {}/{} ", app.current + 1, app.stories.len()));
            }
            let section = app.current_section();
            if let Some(s) = story.article.sections.get(section) {
                left.push_str(&format!(" §{} {} ", section + 1, clean_line(&s.heading)));
            }
            left.push_str(&format!(" {} ", position(app)));
        }
        if let Some((done, total)) = app.progress {
            left.push_str(&format!(" analysing {done}/{total} "));
        }
        let help = self
            .keymap
            .keys_for(Action::Help)
            .first()
            .map_or(String::new(), |k| format!(" {k} help "));
        let mut spans = vec![Span::styled(
            left.clone(),
            self.theme.style(Role::StatusAccent),
        )];
        let used = left.width() + help.width();
        if let Some(message) = &app.message {
            let role = if message.error {
                Role::Error
            } else {
                Role::Status
            };
            let text = format!(" {}", clean_line(&message.text));
            spans.push(Span::styled(text, self.theme.style(role).patch(status)));
        }
        let room = usize::from(area.width).saturating_sub(used);
        let middle: usize = spans[1..].iter().map(|s| s.content.width()).sum();
        spans.push(Span::styled(
            " ".repeat(room.saturating_sub(middle)),
            status,
        ));
        spans.push(Span::styled(help, status));
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}

/// "Top", "Bot", "All" or a percentage, as less shows it.
fn position(app: &App) -> String {
    let max = app.max_top();
    match (app.top(), max) {
        (_, 0) => "All".to_string(),
        (0, _) => "Top".to_string(),
        (top, max) if top >= max => "Bot".to_string(),
        (top, max) => format!("{}%", top * 100 / max),
    }
}

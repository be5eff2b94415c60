//! The reader pane: the visible rows of the current story, styled from the
//! theme, with search matches marked. Only visible rows are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Paragraph, Widget};

use crate::analyse::EntityKind;
use crate::sanitize::{Shown, show};
use crate::span::Span;

use super::app::App;
use super::document::{DisplayLine, LineKind};
use super::theme::{Role, Theme};

/// The story text as the reader shows it.
pub struct ReaderView<'a> {
    /// State to draw.
    pub app: &'a App,
    /// Styles to draw with.
    pub theme: &'a Theme,
}

impl Widget for &ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(story) = app.story() else {
            Paragraph::new("No stories to show.")
                .style(self.theme.style(Role::Dim))
                .render(area, buf);
            return;
        };
        let marks = self.marks();
        let top = app.top();
        let rows = app
            .layout
            .lines
            .iter()
            .skip(top)
            .take(usize::from(area.height));
        let lines: Vec<Line> = rows
            .map(|row| self.line(&story.article.text, row, &marks))
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

impl ReaderView<'_> {
    /// Spans to style over the base style, sorted by start; later wins.
    fn marks(&self) -> Vec<(Span, Style)> {
        let mut marks = Vec::new();
        let theme = self.theme;
        if let Some(story) = self.app.story() {
            let analysis = &story.analysis;
            for entity in &analysis.entities {
                let role = match entity.kind {
                    EntityKind::Person => Role::Person,
                    EntityKind::Organization => Role::Organization,
                    EntityKind::Place => Role::Place,
                    EntityKind::Other => continue,
                };
                marks.extend(entity.mentions.iter().map(|m| (*m, theme.style(role))));
            }
            for quote in analysis.quotes.iter().filter(|q| q.direct) {
                marks.push((quote.span, theme.style(Role::Quote)));
            }
            for quote in &analysis.quotes {
                if let Some(speaker) = quote.speaker_mention {
                    marks.push((speaker, theme.style(Role::Speaker)));
                }
            }
        }
        for span in self.app.focus_spans() {
            marks.push((span, theme.style(Role::Highlight)));
        }
        if let Some(mark) = self.app.mark {
            marks.push((mark, theme.style(Role::Highlight)));
        }
        if let Some(search) = &self.app.search {
            let current = self.app.current_match();
            for m in &search.matches {
                let role = if Some(*m) == current {
                    Role::Highlight
                } else {
                    Role::SearchMatch
                };
                marks.push((*m, self.theme.style(role)));
            }
        }
        // Stable: for equal starts, later (more specific) marks still win.
        marks.sort_by_key(|(span, _)| span.start);
        marks
    }

    fn line(&self, text: &str, row: &DisplayLine, marks: &[(Span, Style)]) -> Line<'static> {
        let base = match row.kind {
            LineKind::Headline => Role::Headline,
            LineKind::Heading(_) => Role::Heading,
            LineKind::Meta => Role::Dim,
            LineKind::Body(_) | LineKind::Blank => Role::Text,
        };
        let base = self.theme.style(base);
        if let Some(label) = &row.label {
            return Line::styled(label.clone(), base);
        }
        let marks: Vec<&(Span, Style)> = marks
            .iter()
            .filter(|(span, _)| span.overlaps(row.source))
            .collect();
        let mut spans: Vec<TextSpan<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_style = base;
        for (i, c) in row.source.of(text).char_indices() {
            let offset = row.source.start + i;
            let style = marks
                .iter()
                .filter(|(span, _)| span.start <= offset && offset < span.end)
                .fold(base, |style, (_, mark)| style.patch(*mark));
            let shown = match show(c) {
                Shown::Keep => c,
                Shown::As(stand_in) => stand_in,
                Shown::Drop => continue,
            };
            if style != run_style && !run.is_empty() {
                spans.push(TextSpan::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            run.push(shown);
        }
        if !run.is_empty() {
            spans.push(TextSpan::styled(run, run_style));
        }
        Line::from(spans)
    }
}

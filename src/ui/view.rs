//! Drawing the whole screen from the state: reader, outline, status line and
//! help overlay, at any size down to 1×1.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::border;

use super::actors::ActorView;
use super::app::{App, Screen};
use super::help::HelpView;
use super::keymap::Keymap;
use super::list::ListView;
use super::outline::OutlineView;
use super::reader::ReaderView;
use super::status::StatusView;
use super::summary::SummaryView;
use super::theme::Theme;

/// Characters for boxes and markers: Unicode, or ASCII for poor terminals.
#[derive(Debug, Clone, Copy)]
pub struct Glyphs {
    /// Box-drawing set for borders.
    pub border: border::Set<'static>,
    /// Marks the current item of a list.
    pub marker: &'static str,
    /// Ends text cut short.
    pub ellipsis: &'static str,
    /// Whether typographic characters on screen are turned into ASCII too.
    pub ascii: bool,
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Glyphs {
    /// Box characters for terminals that draw them, ASCII otherwise.
    pub fn new(ascii: bool) -> Self {
        if ascii {
            Self {
                border: ASCII_BORDER,
                marker: ">",
                ellipsis: "...",
                ascii: true,
            }
        } else {
            Self {
                border: border::PLAIN,
                marker: "\u{25B8}",
                ellipsis: "\u{2026}",
                ascii: false,
            }
        }
    }
}

/// What the views need besides the state: theme, keys and glyphs.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// Styles.
    pub theme: Theme,
    /// Keys, for the help overlay and hints.
    pub keymap: Keymap,
    /// Box and marker characters.
    pub glyphs: Glyphs,
}

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App, chrome: &Chrome) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (theme, glyphs) = (&chrome.theme, &chrome.glyphs);
    let panes = app.panes();
    let full = Rect {
        x: 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(1),
        ..area
    };
    match app.screen {
        Screen::List => frame.render_widget(&ListView { app, theme, glyphs }, full),
        Screen::Actor => frame.render_widget(&ActorView { app, theme, glyphs }, full),
        Screen::Story => {
            if let Some(outline) = panes.outline {
                frame.render_widget(&OutlineView { app, theme, glyphs }, outline);
            }
            frame.render_widget(&ReaderView { app, theme }, panes.text);
            if let Some(summary) = panes.summary {
                frame.render_widget(&SummaryView { app, theme, glyphs }, summary);
            }
        }
    }
    let keymap = &chrome.keymap;
    frame.render_widget(&StatusView { app, theme, keymap }, panes.status);
    if app.help {
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        frame.render_widget(
            &HelpView {
                keymap,
                theme,
                glyphs,
            },
            body,
        );
    }
    if glyphs.ascii {
        for cell in &mut frame.buffer_mut().content {
            if let Some(plain) = ascii_stand_in(cell.symbol()) {
                cell.set_symbol(plain);
            }
        }
    }
}

/// An ASCII stand-in for the typographic characters the views use and
/// articles often hold (bullets, dots, curly quotes, dashes), for terminals
/// that may not draw them. Letters are left alone: an accent is better than
/// nothing where it shows, and a reader asked for ASCII borders, not for
/// their text to be rewritten.
fn ascii_stand_in(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "\u{25CF}" | "\u{2022}" | "\u{2605}" => "*",
        "\u{B7}" | "\u{2013}" | "\u{2014}" | "\u{2212}" => "-",
        "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{AB}" | "\u{BB}" => "\"",
        "\u{2018}" | "\u{2019}" | "\u{201A}" => "'",
        "\u{2026}" => ".",
        "\u{A7}" => "#",
        "\u{25B8}" | "\u{25B6}" | "\u{2192}" => ">",
        "\u{A0}" => " ",
        _ => return None,
    })
}

/// `text` cut to `width` columns, ending in `ellipsis` when cut.
pub fn fit(text: &str, width: usize, ellipsis: &str) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(ellipsis.width());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= ellipsis.width() {
        out.push_str(ellipsis);
    }
    out
}

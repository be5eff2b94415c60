//! Where each pane goes for a terminal size: the one place both `update`
//! (page sizes, wrap width) and the views get their geometry from.

use ratatui::layout::Rect;

/// Columns the outline pane takes when shown.
pub const OUTLINE_WIDTH: u16 = 30;
/// The reader never wraps wider than this, for readable line lengths.
pub const MAX_TEXT_WIDTH: u16 = 100;
/// Terminals at least this wide show the summary beside the reader.
pub const SUMMARY_SIDE_WIDTH: u16 = 120;
/// Terminals at least this wide show the outline from the start.
pub const OUTLINE_AUTO_WIDTH: u16 = 150;
/// The reader keeps at least this many columns beside other panes.
const MIN_READER_WIDTH: u16 = 60;

/// The rectangles of one screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The reader's text column.
    pub text: Rect,
    /// The whole reader pane (text plus margins).
    pub reader: Rect,
    /// The outline, when shown.
    pub outline: Option<Rect>,
    /// The summary, when shown.
    pub summary: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

/// Lay out a `size` screen; `outline` and `summary` say what the user asked for
/// (the summary is always shown when there is room beside the reader).
pub fn panes(size: (u16, u16), outline: bool, summary: bool) -> Panes {
    let (width, height) = size;
    let status = Rect::new(0, height.saturating_sub(1), width, height.min(1));
    let body = Rect::new(0, 0, width, height.saturating_sub(1));
    let mut reader = body;
    let mut summary_rect = None;
    if width >= SUMMARY_SIDE_WIDTH {
        let side = (width / 3).clamp(40, 64);
        summary_rect = Some(Rect {
            x: width - side,
            width: side,
            ..body
        });
        reader.width -= side;
    } else if summary && body.height >= 6 {
        let below = body.height / 2;
        summary_rect = Some(Rect {
            y: body.height - below,
            height: below,
            ..body
        });
        reader.height -= below;
    }
    let mut outline_rect = None;
    if outline && reader.width >= OUTLINE_WIDTH + MIN_READER_WIDTH {
        outline_rect = Some(Rect {
            width: OUTLINE_WIDTH,
            ..reader
        });
        reader.x += OUTLINE_WIDTH;
        reader.width -= OUTLINE_WIDTH;
    }
    let margin = if reader.width >= 40 { 1 } else { 0 };
    let text_width = reader.width.saturating_sub(2 * margin).min(MAX_TEXT_WIDTH);
    let spare = reader.width.saturating_sub(text_width + 2 * margin) / 2;
    let text = Rect {
        x: reader.x + margin + spare,
        width: text_width,
        ..reader
    };
    Panes {
        text,
        reader,
        outline: outline_rect,
        summary: summary_rect,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminal_has_summary_beside_and_outline() {
        let p = panes((200, 60), true, false);
        assert!(p.summary.unwrap().x > p.text.x + p.text.width);
        assert!(p.outline.is_some());
        assert_eq!(p.text.width, MAX_TEXT_WIDTH);
    }

    #[test]
    fn narrow_terminal_puts_the_summary_below_on_request() {
        assert_eq!(panes((80, 24), false, false).summary, None);
        let p = panes((80, 24), false, true);
        let s = p.summary.unwrap();
        assert_eq!(s.y, p.reader.y + p.reader.height);
        assert_eq!(p.reader.height + s.height, 23);
    }

    #[test]
    fn tiny_sizes_do_not_underflow() {
        for size in [(0, 0), (1, 1), (3, 2), (119, 3)] {
            let p = panes(size, true, true);
            assert!(p.text.width <= size.0);
        }
    }
}

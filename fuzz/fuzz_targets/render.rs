//! Any text drawn by the real view at a small size, then driven by actions
//! and search input taken from the same bytes: nothing may panic and no cell
//! of the screen may hold a control character.

#![no_main]

use briefing::load;
use briefing::story;
use briefing::ui::action::Action;
use briefing::ui::app::{App, Mode, SearchKey};
use briefing::ui::config::Config;
use briefing::ui::theme::Theme;
use briefing::ui::view::{Chrome, Glyphs, draw};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw_and_check(terminal: &mut Terminal<TestBackend>, app: &App, chrome: &Chrome) {
    terminal.draw(|frame| draw(frame, app, chrome)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character {:?} on screen",
            cell.symbol()
        );
    }
}

fuzz_target!(|data: &[u8]| {
    // Header: width, height, glyph choice, then the number of action bytes.
    let [width, height, flags, steps, rest @ ..] = data else {
        return;
    };
    let steps = usize::from(*steps % 32).min(rest.len());
    let (keys, body) = rest.split_at(steps);
    let text = String::from_utf8_lossy(body).into_owned();
    if text.trim().is_empty() {
        return;
    }
    let size = (u16::from(width % 120) + 1, u16::from(height % 50) + 1);
    let path = if flags & 2 == 0 { "f.txt" } else { "f.md" };
    let article = load::parse(path, "f".into(), text);
    let mut app = App::new(story::understand(vec![article]), size);
    let chrome = Chrome {
        theme: Theme::default_theme(),
        keymap: Config::parse("fuzz", "").keymap,
        glyphs: Glyphs::new(flags & 1 == 1),
    };
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    draw_and_check(&mut terminal, &app, &chrome);
    app.open_story(0);
    draw_and_check(&mut terminal, &app, &chrome);
    for &key in keys {
        if app.mode == Mode::Normal {
            let action = Action::ALL[usize::from(key) % Action::ALL.len()];
            if matches!(action, Action::Quit | Action::Suspend) {
                continue;
            }
            app.update(action);
        } else {
            let input = match key {
                b'\n' => SearchKey::Submit,
                0x1b => SearchKey::Cancel,
                0x7f => SearchKey::Backspace,
                _ => SearchKey::Char(char::from(key)),
            };
            if app.mode == Mode::FilterInput {
                app.filter_input(input);
            } else {
                app.search_input(input);
            }
        }
        if key & 0x80 != 0 {
            let size = (u16::from(key % 90) + 1, u16::from(key % 30) + 1);
            app.resize(size);
            terminal.backend_mut().resize(size.0, size.1);
        }
        draw_and_check(&mut terminal, &app, &chrome);
    }
});

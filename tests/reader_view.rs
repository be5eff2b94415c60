//! The reader rendered into a test terminal, compared with reviewed snapshots.

use briefing::load;
use briefing::story;
use briefing::ui::action::Action;
use briefing::ui::app::App;
use briefing::ui::config::Config;
use briefing::ui::theme::Theme;
use briefing::ui::view::{Chrome, Glyphs, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn chrome(ascii: bool) -> Chrome {
    Chrome {
        theme: Theme::default_theme(),
        keymap: Config::parse("test", "").keymap,
        glyphs: Glyphs::new(ascii),
    }
}

/// The sample briefing with its first story open.
fn sample_app(width: u16, height: u16) -> App {
    let mut app = App::new(story::understand(load::sample().articles), (width, height));
    app.open_story(0);
    app
}

#[test]
fn story_list_at_80x24() {
    let loaded = load::sample();
    let mut app = App::new(story::understand(loaded.articles), (80, 24));
    app.briefing = loaded.briefing;
    app.update(Action::ScrollDown);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

fn screen(app: &App, chrome: &Chrome) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|frame| draw(frame, app, chrome)).unwrap();
    terminal
}

#[test]
fn sample_at_80x24() {
    let app = sample_app(80, 24);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

#[test]
fn sample_at_120x40_shows_the_summary_beside() {
    let app = sample_app(120, 40);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

#[test]
fn sample_at_160x48_shows_the_outline() {
    let app = sample_app(160, 48);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

#[test]
fn sample_at_200x60_with_the_summary_focused() {
    let mut app = sample_app(200, 60);
    app.update(Action::ToggleFocus);
    app.update(Action::ScrollDown);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

#[test]
fn narrow_summary_pane_below_at_80x24() {
    let mut app = sample_app(80, 24);
    app.update(Action::ToggleSummary);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

#[test]
fn second_section_at_80x24() {
    let mut app = sample_app(80, 24);
    app.update(Action::NextSection);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

#[test]
fn help_overlay_lists_every_key_at_80x24() {
    let mut app = sample_app(80, 24);
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&app, &chrome(false)).backend());
}

#[test]
fn ascii_outline_at_120x30() {
    let app = sample_app(120, 30);
    let terminal = screen(&app, &chrome(true));
    let text = terminal.backend().to_string();
    assert!(text.contains('|'), "{text}");
    assert!(!text.contains('\u{2502}'), "{text}");
}

#[test]
fn every_size_down_to_1x1_draws() {
    let chrome = chrome(false);
    for (width, height) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (5, 3),
        (20, 2),
        (39, 10),
        (71, 5),
        (500, 200),
    ] {
        let mut app = sample_app(width, height);
        for action in [
            Action::PageDown,
            Action::Bottom,
            Action::Help,
            Action::Help,
            Action::NextSection,
        ] {
            app.update(action);
            screen(&app, &chrome);
        }
    }
}

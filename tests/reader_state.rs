//! Key → action → state, with no terminal.

use briefing::load::{self, Article, Meta};
use briefing::story::{self, Story};
use briefing::ui::action::Action;
use briefing::ui::app::{App, Mode, Screen, SearchKey};
use briefing::ui::config::Config;
use briefing::ui::handle_key;
use briefing::ui::theme::Theme;
use briefing::ui::view::{Chrome, Glyphs};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn chrome() -> Chrome {
    Chrome {
        theme: Theme::default_theme(),
        keymap: Config::parse("test", "").keymap,
        glyphs: Glyphs::new(false),
    }
}

fn stories(texts: &[&str]) -> Vec<Story> {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Article::from_text(
                format!("s{i}"),
                format!("s{i}.txt"),
                t.to_string(),
                Meta::default(),
            )
        })
        .collect();
    story::understand(articles)
}

fn press(app: &mut App, code: KeyCode) {
    handle_key(app, &chrome(), KeyEvent::new(code, KeyModifiers::NONE));
}

fn long_story() -> String {
    let mut text = String::from("A long story\nThe lede paragraph.\n");
    for n in 0..40 {
        text.push_str(&format!(
            "Paragraph {n} talks about the harbour and the ferry.\n"
        ));
    }
    text
}

#[test]
fn j_and_space_scroll_and_stop_at_the_end() {
    let mut app = App::new(stories(&[&long_story()]), (80, 24));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.top(), 1);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.top(), 1 + 22);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.top(), 1);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.top(), app.max_top());
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.top(), app.max_top());
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.top(), 0);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.top(), 0);
}

#[test]
fn search_is_smart_case_and_wraps_with_a_message() {
    let mut app = App::new(stories(&[&long_story()]), (80, 24));
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode, Mode::SearchInput(String::new()));
    for c in "paragraph 3".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    let search = app.search.clone().unwrap();
    // "Paragraph 3" and "Paragraph 30".."39": case-insensitive, 11 matches.
    assert_eq!(search.matches.len(), 11);
    assert_eq!(search.current, Some(0));
    for _ in 0..10 {
        press(&mut app, KeyCode::Char('n'));
    }
    assert_eq!(app.search.as_ref().unwrap().current, Some(10));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.search.as_ref().unwrap().current, Some(0));
    assert!(app.message.as_ref().unwrap().text.contains("hit bottom"));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.search.as_ref().unwrap().current, Some(10));
}

#[test]
fn capital_in_pattern_makes_search_exact() {
    let mut app = App::new(stories(&[&long_story()]), (80, 24));
    app.update(Action::Search);
    for c in "PARAGRAPH".chars() {
        app.search_input(SearchKey::Char(c));
    }
    app.search_input(SearchKey::Submit);
    assert!(app.search.as_ref().unwrap().matches.is_empty());
    assert!(app.message.as_ref().unwrap().error);
}

#[test]
fn escape_leaves_the_search_prompt() {
    let mut app = App::new(stories(&[&long_story()]), (80, 24));
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.search.is_none());
}

#[test]
fn sections_step_forward_and_back_and_stop_at_the_edges() {
    let mut app = App::new(story::understand(load::sample().articles), (80, 24));
    app.open_story(0);
    let sections = app.layout.section_rows.len();
    assert!(sections >= 3);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.message.as_ref().unwrap().text, "first section");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.current_section(), 1);
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.message.as_ref().unwrap().text, "last section");
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.top(), app.layout.section_rows[1]);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.top(), 0);
}

#[test]
fn stories_keep_their_own_position() {
    let mut app = App::new(stories(&[&long_story(), &long_story()]), (80, 24));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char(' '));
    let first = app.top();
    press(&mut app, KeyCode::Char('L'));
    assert_eq!((app.current, app.top()), (1, 0));
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.message.as_ref().unwrap().text, "last story");
    press(&mut app, KeyCode::Char('H'));
    assert_eq!((app.current, app.top()), (0, first));
}

#[test]
fn resize_keeps_the_same_text_at_the_top() {
    let mut app = App::new(stories(&[&long_story()]), (80, 24));
    for _ in 0..20 {
        press(&mut app, KeyCode::Char('j'));
    }
    let offset = app.layout.lines[app.top()].source.start;
    app.resize((30, 10));
    let row = &app.layout.lines[app.top()];
    assert!(
        row.source.start <= offset && offset <= row.source.end + 60,
        "{row:?} vs {offset}"
    );
}

#[test]
fn help_toggles_and_any_key_closes_it() {
    let mut app = App::new(stories(&[&long_story()]), (80, 24));
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    press(&mut app, KeyCode::Char('j'));
    assert!(!app.help);
    assert_eq!(app.top(), 0, "the key that closes help does nothing else");
}

#[test]
fn q_goes_back_to_the_list_then_quits() {
    let mut app = App::new(stories(&["A\nB", "C\nD"]), (80, 24));
    assert_eq!(app.screen, Screen::List);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.screen, app.current), (Screen::Story, 1));
    assert_eq!(app.read, [false, true]);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.screen, Screen::List);
    assert!(!app.quit);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = App::new(stories(&["A\nB"]), (80, 24));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    let mut app = App::new(stories(&["A\nB"]), (80, 24));
    handle_key(
        &mut app,
        &chrome(),
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(app.quit);
}

#[test]
fn an_empty_briefing_does_not_panic() {
    let mut app = App::new(Vec::new(), (80, 24));
    for action in briefing::ui::action::Action::ALL {
        app.update(action);
    }
}

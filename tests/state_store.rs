//! State that survives: restored by a new reader, and never lost to a crash.

use std::process::Command;
use std::time::Duration;

use briefing::analyse::{Analysis, Quote, Span};
use briefing::load::{Article, Meta};
use briefing::state::{State, Store, StoryState};
use briefing::story::Story;
use briefing::ui::action::Action;
use briefing::ui::app::App;

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn stories() -> Vec<Story> {
    (0..3)
        .map(|n| {
            let mut text = format!("Story {n}\n\"We will build it,\" the mayor said.\n");
            for line in 0..40 {
                text.push_str(&format!("Paragraph {line} of story {n}.\n"));
            }
            let start = text.find("We will").unwrap();
            let span = Span::new(start, start + "We will build it,".len());
            let quote = Quote {
                span,
                text: span.of(&text).into(),
                speaker: None,
                speaker_mention: None,
                cue: Some("said".into()),
                direct: true,
            };
            let analysis = Analysis {
                quotes: vec![quote],
                ..Analysis::default()
            };
            let article =
                Article::from_text(format!("s{n}"), format!("s{n}.txt"), text, Meta::default());
            Story {
                article,
                analysis,
                related: Vec::new(),
            }
        })
        .collect()
}

#[test]
fn a_new_reader_gets_back_read_flags_position_stars_and_bookmarks() {
    let dir = scratch("restore");
    let store = Store::new(&dir, "briefing");
    let mut app = App::new(stories(), (80, 24));
    app.open_story(1);
    app.update(Action::NextQuote);
    app.update(Action::ToggleStar);
    app.update(Action::PageDown);
    app.update(Action::ToggleBookmark);
    app.leave_story();
    let top = app.top_anchor();
    store.save(&app.to_state()).unwrap();

    let mut again = App::new(stories(), (80, 24));
    let (state, problem) = store.load();
    assert_eq!(problem, None);
    again.restore(&state);
    assert_eq!(again.read, [false, true, false]);
    assert_eq!(again.starred[1].len(), 1);
    assert_eq!(again.starred[1][0].text, "We will build it,");
    assert_eq!(again.bookmarks[1], [top.0]);
    again.open_story(1);
    assert_eq!(
        again.top_anchor().0,
        top.0,
        "the story opens where it was left"
    );
    let markdown = briefing::state::starred_markdown(&state);
    assert!(
        markdown.starts_with("## Story 1\n\n> \u{201C}We will build it,\u{201D}"),
        "{markdown}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Run by `sigkill_while_saving_never_corrupts_the_store` in a child process:
/// saves states numbered 1, 2, 3, … as fast as it can until killed.
#[test]
fn child_saves_until_killed() {
    let Some(dir) = std::env::var_os("BRIEFING_TEST_SAVE_LOOP") else {
        return;
    };
    let store = Store::new(std::path::Path::new(&dir), "torture");
    let key = std::env::var("BRIEFING_TEST_ROUND").unwrap_or_default();
    for n in 1.. {
        let mut state = State::default();
        let filler = "x".repeat(n % 5000);
        state.stories.insert(
            key.clone(),
            StoryState {
                offset: n,
                updated: n as u64,
                title: filler,
                ..Default::default()
            },
        );
        store.save(&state).unwrap();
    }
}

#[test]
fn sigkill_while_saving_never_corrupts_the_store() {
    let dir = scratch("kill");
    std::fs::create_dir_all(&dir).unwrap();
    let store = Store::new(&dir, "torture");
    let mut last = 0;
    let mut committed: Vec<String> = Vec::new();
    for round in 0..12u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_saves_until_killed",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("BRIEFING_TEST_SAVE_LOOP", &dir)
            .env("BRIEFING_TEST_ROUND", format!("round#{round}"))
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(30 + round * 17));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let (state, problem) = store.load();
        assert_eq!(problem, None, "round {round}: the store still opens");
        let this = state.stories.get(&format!("round#{round}"));
        let saved = this.map_or(0, |s| s.offset);
        assert_eq!(
            this.map_or(0, |s| s.title.len()),
            saved % 5000,
            "round {round}: a whole state, not a mix"
        );
        // A child killed before its first save leaves nothing to keep (a
        // busy machine may start it late); every round that did save must
        // still be there.
        for earlier in &committed {
            assert!(
                state.stories.contains_key(earlier),
                "round {round}: the save of {earlier} is kept"
            );
        }
        if this.is_some() {
            committed.push(format!("round#{round}"));
        }
        last = last.max(saved);
    }
    assert!(last > 0, "the children got to save");
    let _ = std::fs::remove_dir_all(&dir);
}

//! Several instances on the same briefing, saving at the same time: the store
//! never ends up unreadable and no instance's saves are lost.

use std::process::Command;

use briefing::state::{Starred, State, Store, StoryState};

const WRITERS: usize = 4;
const SAVES: usize = 40;

/// Run by `concurrent_writers_lose_nothing` in child processes: one writer,
/// saving `SAVES` times as fast as it can, each time one more bookmark in its
/// own story and its own star in a story all writers share.
#[test]
fn child_writer() {
    let (Some(dir), Ok(me)) = (
        std::env::var_os("BRIEFING_TEST_WRITER_DIR"),
        std::env::var("BRIEFING_TEST_WRITER"),
    ) else {
        return;
    };
    let me: usize = me.parse().unwrap();
    let store = Store::new(std::path::Path::new(&dir), "shared");
    let mut state = State::default();
    for n in 0..SAVES {
        let own = state.stories.entry(format!("writer#{me}")).or_default();
        own.bookmarks.push(n);
        own.read = true;
        let shared = state.stories.entry("shared".into()).or_default();
        if shared.starred.is_empty() {
            shared.starred.push(Starred {
                start: me * 10,
                end: me * 10 + 5,
                text: format!("star of writer {me}"),
                speaker: None,
            });
        }
        // Each instance keeps what it saved merged with what others saved.
        state = store.save(&state).unwrap();
    }
}

#[test]
fn concurrent_writers_lose_nothing() {
    let dir = std::env::temp_dir().join(format!("briefing-concurrent-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let children: Vec<_> = (0..WRITERS)
        .map(|me| {
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "child_writer", "--test-threads=1"])
                .env("BRIEFING_TEST_WRITER_DIR", &dir)
                .env("BRIEFING_TEST_WRITER", me.to_string())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success(), "a writer failed to save");
    }
    let (state, problem) = Store::new(&dir, "shared").load();
    assert_eq!(problem, None, "the store opens cleanly");
    for me in 0..WRITERS {
        let own: &StoryState = state
            .stories
            .get(&format!("writer#{me}"))
            .unwrap_or_else(|| panic!("writer {me}'s story is kept"));
        assert_eq!(own.bookmarks, (0..SAVES).collect::<Vec<_>>(), "writer {me}");
        assert!(own.read);
    }
    let stars: Vec<usize> = state.stories["shared"]
        .starred
        .iter()
        .map(|s| s.start)
        .collect();
    assert_eq!(stars, (0..WRITERS).map(|me| me * 10).collect::<Vec<_>>());
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

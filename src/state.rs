//! State that survives: read/unread, last position, starred statements and
//! bookmarks, per briefing, in the user's data directory.
//!
//! The store is one small JSON file per briefing, written crash-safely: the
//! new state goes to a temporary file that is synced and then renamed over the
//! old one (a rename is atomic), so a crash or SIGKILL at any moment leaves
//! either the old state or the new one, never half a file. Concurrent
//! instances take an advisory lock on a side file for the read-merge-write of
//! a save and merge what is on disk with what they hold (read flags and marks
//! are unions, positions the newest), so neither undoes the other's work. A
//! corrupt or future-version file is moved aside with a message and a fresh
//! state starts. JSON rather than SQLite: the state is a few kilobytes,
//! written whole; this needs no C library and is easy to inspect and repair.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The format version this build writes and reads.
pub const VERSION: u32 = 1;

/// A statement the user starred, with what is needed to export it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Starred {
    /// Byte span of the quote in the story's text.
    pub start: usize,
    /// End of that span.
    pub end: usize,
    /// The words.
    pub text: String,
    /// Who said them, when known.
    pub speaker: Option<String>,
}

/// What is remembered of one story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoryState {
    /// The headline, for exports.
    pub title: String,
    /// Whether it has been opened.
    pub read: bool,
    /// The byte shown at the top when last left.
    pub offset: usize,
    /// When `offset` was last set (seconds since 1970), to merge positions.
    pub updated: u64,
    /// Starred statements.
    pub starred: Vec<Starred>,
    /// Bookmarked byte offsets.
    pub bookmarks: Vec<usize>,
}

/// Everything remembered of one briefing, keyed by story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Format version.
    pub version: u32,
    /// Per story key (see [`story_key`]).
    pub stories: BTreeMap<String, StoryState>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            version: VERSION,
            stories: BTreeMap::new(),
        }
    }
}

impl State {
    /// Fold `other` (what is on disk) into this state.
    pub fn merge(&mut self, other: State) {
        for (key, theirs) in other.stories {
            let ours = self.stories.entry(key).or_default();
            ours.read |= theirs.read;
            if theirs.updated > ours.updated {
                ours.offset = theirs.offset;
                ours.updated = theirs.updated;
            }
            if ours.title.is_empty() {
                ours.title = theirs.title;
            }
            for star in theirs.starred {
                if !ours
                    .starred
                    .iter()
                    .any(|s| (s.start, s.end) == (star.start, star.end))
                {
                    ours.starred.push(star);
                }
            }
            for mark in theirs.bookmarks {
                if !ours.bookmarks.contains(&mark) {
                    ours.bookmarks.push(mark);
                }
            }
            ours.starred.sort_by_key(|s| s.start);
            ours.bookmarks.sort_unstable();
        }
    }
}

/// A stable key for a story: its id and a hash of its text, so an edited
/// article does not inherit a stale position.
pub fn story_key(id: &str, text: &str) -> String {
    format!("{id}#{:016x}", fnv(text.as_bytes()))
}

/// A stable key for a briefing: a hash of what was opened.
pub fn briefing_key(inputs: &[String]) -> String {
    let mut sorted = inputs.to_vec();
    sorted.sort();
    format!("{:016x}", fnv(sorted.join("\n").as_bytes()))
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Seconds since 1970, for ordering positions.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Why the store could not be used as it was.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading, writing or locking failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The file of one briefing's state.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

/// The folder stores live in: `$BRIEFING_DATA`, else `briefing/state` in the XDG data folder.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BRIEFING_DATA").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join("briefing").join("state"))
}

impl Store {
    /// The store for briefing `key` in `dir`.
    pub fn new(dir: &Path, key: &str) -> Self {
        Self {
            path: dir.join(format!("{key}.json")),
        }
    }

    /// Where the state is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved state, or a fresh one. A damaged or newer-version file is moved
    /// aside, and the message says where.
    pub fn load(&self) -> (State, Option<String>) {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
            Err(e) => {
                return (
                    State::default(),
                    Some(format!("{}: {e}; starting afresh", self.path.display())),
                );
            }
        };
        let problem = match serde_json::from_slice::<State>(&bytes) {
            Ok(state) if state.version <= VERSION => return (state, None),
            Ok(state) => format!("written by a newer briefing (format {})", state.version),
            Err(e) => format!("damaged ({e})"),
        };
        let aside = self.path.with_extension(format!("json.bad-{}", now()));
        let kept = match fs::rename(&self.path, &aside) {
            Ok(()) => format!("kept as {}", aside.display()),
            Err(e) => format!("could not be moved aside: {e}"),
        };
        (
            State::default(),
            Some(format!(
                "{}: {problem}; {kept}; starting afresh",
                self.path.display()
            )),
        )
    }

    /// Merge `state` with what is on disk and write the result atomically.
    /// Returns the merged state.
    pub fn save(&self, state: &State) -> Result<State, StoreError> {
        let io = |path: &Path| {
            let path = path.display().to_string();
            move |source| StoreError::Io { path, source }
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(io(dir))?;
        let lock_path = self.path.with_extension("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        lock.lock().map_err(io(&lock_path))?;
        let mut merged = state.clone();
        if let Ok(bytes) = fs::read(&self.path)
            && let Ok(on_disk) = serde_json::from_slice::<State>(&bytes)
            && on_disk.version <= VERSION
        {
            merged.merge(on_disk);
        }
        merged.version = VERSION;
        let tmp = self
            .path
            .with_extension(format!("json.tmp-{}", std::process::id()));
        let json = serde_json::to_vec_pretty(&merged).unwrap_or_default();
        let mut file = File::create(&tmp).map_err(io(&tmp))?;
        file.write_all(&json).map_err(io(&tmp))?;
        file.sync_all().map_err(io(&tmp))?;
        drop(file);
        fs::rename(&tmp, &self.path).map_err(io(&self.path))?;
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
        drop(lock);
        Ok(merged)
    }
}

/// Starred statements as Markdown, story by story, for pasting into notes.
pub fn starred_markdown(state: &State) -> String {
    let mut out = String::new();
    for story in state.stories.values().filter(|s| !s.starred.is_empty()) {
        out.push_str(&format!(
            "## {}\n\n",
            crate::sanitize::clean_line(&story.title)
        ));
        for star in &story.starred {
            let speaker = star.speaker.as_deref().unwrap_or("Unattributed");
            out.push_str(&format!(
                "> \u{201C}{}\u{201D}\n> \u{2014} {}\n\n",
                crate::sanitize::clean_line(&star.text),
                crate::sanitize::clean_line(speaker)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("briefing-state-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn saves_and_loads_and_merges_two_writers() {
        let dir = scratch("merge");
        let store = Store::new(&dir, "b");
        let mut first = State::default();
        first.stories.insert(
            "a#1".into(),
            StoryState {
                read: true,
                offset: 10,
                updated: 5,
                ..Default::default()
            },
        );
        store.save(&first).unwrap();
        let mut second = State::default();
        second.stories.insert(
            "b#2".into(),
            StoryState {
                read: true,
                ..Default::default()
            },
        );
        second.stories.insert(
            "a#1".into(),
            StoryState {
                offset: 99,
                updated: 1,
                ..Default::default()
            },
        );
        let merged = store.save(&second).unwrap();
        let (loaded, message) = store.load();
        assert_eq!(message, None);
        assert_eq!(loaded, merged);
        assert!(loaded.stories["a#1"].read, "a read flag is never lost");
        assert_eq!(loaded.stories["a#1"].offset, 10, "the newer position wins");
        assert!(loaded.stories["b#2"].read);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn damaged_and_future_files_are_moved_aside() {
        let dir = scratch("bad");
        fs::create_dir_all(&dir).unwrap();
        let store = Store::new(&dir, "b");
        fs::write(store.path(), b"{\"version\": 1, \"stories\": {").unwrap();
        let (state, message) = store.load();
        assert_eq!(state, State::default());
        assert!(message.unwrap().contains("damaged"));
        assert!(!store.path().exists());
        fs::write(store.path(), b"{\"version\": 99, \"stories\": {}}").unwrap();
        let (_, message) = store.load();
        assert!(message.unwrap().contains("newer briefing (format 99)"));
        let kept = fs::read_dir(&dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains(".bad-")
            })
            .count();
        assert!(kept >= 1);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn starred_export_is_markdown() {
        let mut state = State::default();
        state.stories.insert(
            "s#1".into(),
            StoryState {
                title: "Bridge opens".into(),
                starred: vec![Starred {
                    start: 0,
                    end: 5,
                    text: "A triumph".into(),
                    speaker: Some("Bo Hart".into()),
                }],
                ..Default::default()
            },
        );
        assert_eq!(
            starred_markdown(&state),
            "## Bridge opens\n\n> \u{201C}A triumph\u{201D}\n> \u{2014} Bo Hart\n\n"
        );
    }
}

//! Loading real files from disk: folders, briefing files, archives and bad paths.

use std::fs;
use std::path::{Path, PathBuf};

use briefing::load::load_paths;

/// A fresh folder under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("briefing-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn titles(paths: &[&Path]) -> Vec<String> {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    load_paths(&paths)
        .articles
        .into_iter()
        .map(|a| a.title)
        .collect()
}

#[test]
fn folders_are_read_recursively_in_order_and_skip_other_files() {
    let dir = Scratch::new("folders");
    dir.write("b/2.txt", b"Second story\nBody.");
    dir.write("a.txt", b"First story\nBody.");
    dir.write("b/1.md", b"# Markdown story\n\nBody.");
    dir.write("notes.pdf", b"%PDF-1.4");
    dir.write(".hidden.txt", b"Hidden\nBody.");
    let loaded = load_paths(std::slice::from_ref(&dir.0));
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["First story", "Markdown story", "Second story"]);
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b/1", "b/2"]);
    assert!(loaded.problems.is_empty());
    assert!(
        loaded.notes.iter().any(|n| n.contains("skipped 1 file")),
        "{:?}",
        loaded.notes
    );
}

#[test]
fn bad_paths_get_one_line_each_and_the_rest_still_load() {
    let dir = Scratch::new("bad");
    let good = dir.write("good.txt", b"Good story\nBody.");
    let empty = dir.write("empty.txt", b"");
    let binary = dir.write("binary.txt", b"\x7fELF\x02\x01\x01\0\0\0\0");
    let missing = dir.0.join("missing.txt");
    let loaded = load_paths(&[good, empty, binary, missing]);
    assert_eq!(loaded.articles.len(), 1);
    let messages: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].ends_with("empty.txt: empty file"));
    assert!(messages[1].ends_with("binary.txt: binary file, not text"));
    assert!(messages[2].ends_with("missing.txt: no such file or folder"));
    assert!(messages.iter().all(|m| !m.contains('\n')));
}

#[cfg(unix)]
#[test]
fn symlink_loops_end() {
    let dir = Scratch::new("loop");
    dir.write("sub/story.txt", b"Looped story\nBody.");
    std::os::unix::fs::symlink(&dir.0, dir.0.join("sub/back")).unwrap();
    let loaded = load_paths(std::slice::from_ref(&dir.0));
    assert_eq!(loaded.articles.len(), 1);
}

#[test]
fn a_briefing_file_lists_globs_and_orders_by_date() {
    let dir = Scratch::new("briefing");
    dir.write(
        "old.md",
        b"+++\ndate = \"2024-01-02\"\n+++\n# Older\n\nBody.",
    );
    dir.write(
        "new.md",
        b"+++\ndate = \"2024-03-04\"\n+++\n# Newer\n\nBody.",
    );
    dir.write("extra/x.txt", b"Undated\nBody.");
    let file = dir.write(
        "week.toml",
        b"title = \"The week\"\ndescription = \"Three stories\"\narticles = [\"*.md\", \"extra\"]\norder = \"date\"\n",
    );
    let loaded = load_paths(&[file]);
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Newer", "Older", "Undated"]);
    assert_eq!(loaded.briefing.unwrap().title, "The week");
}

#[test]
fn a_bad_briefing_file_names_the_line() {
    let dir = Scratch::new("badbriefing");
    let file = dir.write("b.toml", b"title = \"x\"\narticles = \"not a list\"\n");
    let loaded = load_paths(&[file]);
    assert!(
        loaded.problems[0].message.starts_with("line 2"),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn csv_and_json_lines_archives() {
    let dir = Scratch::new("archives");
    let csv = dir.write(
        "a.csv",
        b"title,text,source\nOne,First body.,Gazette\nTwo,Second body.,Herald\n",
    );
    let jsonl = dir.write(
        "b.jsonl",
        b"{\"title\":\"Three\",\"text\":\"Third body.\"}\n",
    );
    assert_eq!(titles(&[&csv, &jsonl]), ["One", "Two", "Three"]);
}

#[test]
fn latin1_file_is_decoded() {
    let dir = Scratch::new("latin1");
    let path = dir.write("l.txt", b"Caf\xe9 owners protest\nPrices rose to \xa35.\n");
    let loaded = load_paths(&[path]);
    assert_eq!(loaded.articles[0].title, "Café owners protest");
    assert!(loaded.articles[0].text.contains("£5"));
}

//! Index benchmarks: relating every story of a whole corpus, and building its
//! actor index, over stories analysed once beforehand.
//!
//! `cargo bench --bench related` reads `BRIEFING_CORPUS` (default
//! `../shared/corpus/bbc`) and `BRIEFING_REUTERS` (default
//! `../shared/corpus/reuters21578`, the SGML files; every story with a body),
//! and skips a corpus that is absent.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use briefing::index::actors::ActorIndex;
use briefing::index::related::rank_all;
use briefing::load::{self, Article, Meta};
use briefing::story::{Story, understand};

#[path = "../examples/support/sgml.rs"]
mod sgml;
use sgml::{between, unescape};

fn main() {
    divan::main();
}

fn existing(var: &str, default: &str) -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var(var).unwrap_or_else(|_| default.into()));
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipping: no corpus at {} (set {var})", path.display());
        None
    }
}

fn bbc() -> &'static [Story] {
    static STORIES: OnceLock<Vec<Story>> = OnceLock::new();
    STORIES.get_or_init(|| {
        existing("BRIEFING_CORPUS", "../shared/corpus/bbc")
            .map(|path| understand(load::load_paths(&[path]).articles))
            .unwrap_or_default()
    })
}

fn reuters() -> &'static [Story] {
    static STORIES: OnceLock<Vec<Story>> = OnceLock::new();
    STORIES.get_or_init(|| {
        existing("BRIEFING_REUTERS", "../shared/corpus/reuters21578")
            .map(|path| understand(reuters_articles(&path)))
            .unwrap_or_default()
    })
}

/// Relate every BBC story (about 2,200) to the others.
#[divan::bench(sample_count = 10)]
fn relate_bbc() -> usize {
    rank_all(bbc()).len()
}

/// Index the actors of every BBC story.
#[divan::bench(sample_count = 10)]
fn actor_index_bbc() -> usize {
    ActorIndex::build(bbc()).actors().len()
}

/// Relate every Reuters-21578 story with a body (about 19,000).
#[divan::bench(sample_count = 3)]
fn relate_reuters() -> usize {
    rank_all(reuters()).len()
}

/// Every `<REUTERS>` document of the SGML files that has a `<BODY>`, as an
/// article whose first line is its `<TITLE>`.
fn reuters_articles(dir: &Path) -> Vec<Article> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let mut articles = Vec::new();
    for file in files {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for (n, doc) in text.split("</REUTERS>").enumerate() {
            let Some(body) = between(doc, "<BODY>", "</BODY>") else {
                continue;
            };
            let title = between(doc, "<TITLE>", "</TITLE>").unwrap_or("");
            let id = format!("{}#{n}", file.display());
            let text = format!("{}\n{}", unescape(title), unescape(body));
            articles.push(Article::from_text(id.clone(), id, text, Meta::default()));
        }
    }
    articles
}

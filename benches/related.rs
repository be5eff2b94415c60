//! Index benchmarks: relating every story of a whole corpus, and building its
//! actor index, over stories analysed once beforehand; and the whole way from
//! files to related stories (`open_*`: load, analyse, relate).
//!
//! `cargo bench --bench related` reads `BRIEFING_CORPUS` (default
//! `../shared/corpus/bbc`) and `BRIEFING_REUTERS` (default
//! `../shared/corpus/reuters21578`, the SGML files; every story with a body),
//! and skips a corpus that is absent.

use std::path::PathBuf;
use std::sync::OnceLock;

use briefing::index::actors::ActorIndex;
use briefing::index::related::rank_all;
use briefing::load;
use briefing::story::{Story, understand};

#[path = "../examples/support/sgml.rs"]
mod sgml;

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

/// Load, analyse and relate every BBC story, as `briefing extract` does
/// before it writes JSON.
#[divan::bench(sample_count = 5)]
fn open_bbc() -> usize {
    existing("BRIEFING_CORPUS", "../shared/corpus/bbc")
        .map(|path| understand(load::load_paths(&[path]).articles).len())
        .unwrap_or_default()
}

/// Read, analyse and relate every Reuters-21578 story with a body.
#[divan::bench(sample_count = 2)]
fn open_reuters() -> usize {
    existing("BRIEFING_REUTERS", "../shared/corpus/reuters21578")
        .and_then(|path| sgml::reuters(&path).ok())
        .map(|documents| understand(documents.into_iter().map(|d| d.article).collect()).len())
        .unwrap_or_default()
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
            .map(|path| {
                let documents = sgml::reuters(&path).unwrap_or_default();
                understand(documents.into_iter().map(|d| d.article).collect())
            })
            .unwrap_or_default()
    })
}

/// Relate every BBC story (about 2,200) to the others.
#[divan::bench(sample_count = 10)]
fn relate_bbc() -> usize {
    rank_all(bbc()).0.len()
}

/// Index the actors of every BBC story.
#[divan::bench(sample_count = 10)]
fn actor_index_bbc() -> usize {
    ActorIndex::build(bbc()).actors().len()
}

/// Relate every Reuters-21578 story with a body (about 19,000).
#[divan::bench(sample_count = 3)]
fn relate_reuters() -> usize {
    rank_all(reuters()).0.len()
}

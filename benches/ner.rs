//! Name-tagger benchmarks: tokenising, and tokenising plus tagging, a whole
//! corpus held in memory, on one thread.
//!
//! `cargo bench --bench ner` reads `BRIEFING_CORPUS` (default
//! `../shared/corpus/bbc`) and skips when it is absent. Divan reports bytes
//! per second for each.

use std::path::{Path, PathBuf};

use briefing::analyse::ner;
use briefing::analyse::text::Document;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// Every readable file under the corpus, or `None` (with a message) when absent.
fn corpus() -> Option<Vec<String>> {
    let root = PathBuf::from(
        std::env::var("BRIEFING_CORPUS").unwrap_or_else(|_| "../shared/corpus/bbc".into()),
    );
    if !root.is_dir() {
        eprintln!(
            "skipping: no corpus at {} (set BRIEFING_CORPUS)",
            root.display()
        );
        return None;
    }
    let mut texts = Vec::new();
    read(&root, &mut texts);
    Some(texts)
}

fn read(path: &Path, texts: &mut Vec<String>) {
    if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            read(&entry.path(), texts);
        }
    } else if let Ok(text) = std::fs::read_to_string(path) {
        texts.push(text);
    }
}

fn bytes(texts: &[String]) -> BytesCount {
    BytesCount::new(texts.iter().map(String::len).sum::<usize>())
}

/// Tokens, sentences and paragraphs only.
#[divan::bench(sample_count = 5)]
fn tokenise_corpus(bencher: divan::Bencher) {
    let Some(texts) = corpus() else { return };
    bencher.counter(bytes(&texts)).bench(|| {
        texts
            .iter()
            .map(|t| Document::new(t).tokens.len())
            .sum::<usize>()
    });
}

/// Tokenise and tag every article.
#[divan::bench(sample_count = 5)]
fn tag_corpus(bencher: divan::Bencher) {
    let Some(texts) = corpus() else { return };
    ner::tag(&Document::new("Warm Up"));
    bencher.counter(bytes(&texts)).bench(|| {
        texts
            .iter()
            .map(|t| ner::tag(&Document::new(t)).len())
            .sum::<usize>()
    });
}

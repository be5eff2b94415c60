//! Analyser throughput: every article of a corpus through the whole analyser
//! (tokens, names, actors, statements, events) on one thread.
//!
//! `cargo bench --bench analyse` reads `BRIEFING_CORPUS` (default
//! `../shared/corpus/bbc`) and skips with a message when it is absent.

use std::path::PathBuf;

use briefing::analyse::analyse;
use briefing::load;

/// The allocator the `briefing` binary uses: the analyser makes many small,
/// short-lived allocations, which it serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn corpus_texts() -> Option<Vec<String>> {
    let path = PathBuf::from(
        std::env::var("BRIEFING_CORPUS").unwrap_or_else(|_| "../shared/corpus/bbc".into()),
    );
    if !path.is_dir() {
        eprintln!(
            "skipping: no corpus at {} (set BRIEFING_CORPUS)",
            path.display()
        );
        return None;
    }
    Some(
        load::load_paths(&[path])
            .articles
            .into_iter()
            .map(|a| a.text)
            .collect(),
    )
}

/// The whole analyser over the corpus, one thread.
#[divan::bench(sample_count = 10)]
fn analyse_corpus(bencher: divan::Bencher) {
    let Some(texts) = corpus_texts() else { return };
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            texts
                .iter()
                .map(|t| analyse(t).entities.len())
                .sum::<usize>()
        });
}

/// The founding article alone, for a per-article figure.
#[divan::bench]
fn analyse_founding_article(bencher: divan::Bencher) {
    let text = load::SAMPLE[1].1;
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| analyse(text).quotes.len());
}

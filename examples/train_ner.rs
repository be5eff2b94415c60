//! Train the name tagger on CoNLL-2003 and write `assets/ner/model.bin`.
//!
//! ```text
//! cargo run --release --example train_ner -- ../shared/dev/conll2003/eng.train [EPOCHS] [OUT]
//! ```
//!
//! Each CoNLL document is laid out as the evaluation does (first sentence as the
//! headline line, one sentence per paragraph, detokenised), so the tagger trains
//! on text cut by its own tokeniser. Every other document's all-capitals
//! headline is rewritten in Title Case, as most news sites print headlines.

use std::time::Instant;

use anyhow::{Context, Result};
use briefing::analyse::EntityKind;
use briefing::analyse::ner::learn::{self, Example, Trainer};


#[path = "support/conll.rs"]
mod conll;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).context("usage: train_ner ENG.TRAIN [EPOCHS] [OUT]")?;
    let epochs: usize = args.get(2).map_or(Ok(12), |e| e.parse())?;
    let out = args.get(3).map_or("assets/ner/model.bin", String::as_str);
    let prune: f64 = std::env::var("NER_PRUNE").map_or(Ok(0.002), |p| p.parse())?;
    let raw = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let docs = conll::documents(&raw);
    let examples: Vec<Example> = docs
        .iter()
        .enumerate()
        .map(|(n, doc)| conll::layout(doc, n % 2 == 1))
        .collect();
    let mut lost = 0;
    let prepared: Vec<_> = examples
        .iter()
        .map(|e| {
            let (p, l) = learn::prepare(e);
            lost += l;
            p
        })
        .collect();
    let names: usize = examples.iter().map(|e| e.entities.len()).sum();
    eprintln!("{} documents, {names} names, {lost} not aligned to tokens", examples.len());
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let t = Instant::now();
        let stats = trainer.epoch(&prepared, &order);
        eprintln!(
            "epoch {epoch}: {} of {} scored tokens wrong ({:.2}%), {:.1}s",
            stats.errors,
            stats.scored,
            100.0 * stats.errors as f64 / stats.scored.max(1) as f64,
            t.elapsed().as_secs_f64()
        );
    }
    let bytes = trainer.finish(prune);
    std::fs::write(out, &bytes).with_context(|| format!("writing {out}"))?;
    eprintln!("wrote {out}: {} bytes", bytes.len());
    Ok(())
}

/// Kind of a CoNLL entity type.
pub fn kind(tag: &str) -> EntityKind {
    match tag {
        "PER" => EntityKind::Person,
        "ORG" => EntityKind::Organization,
        "LOC" => EntityKind::Place,
        _ => EntityKind::Other,
    }
}


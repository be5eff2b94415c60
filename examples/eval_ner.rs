//! Score the name tagger on texts prepared by `../shared/eval/prep.py`, by the
//! same exact-span rule as `score_ner.py`, and time it.
//!
//! ```text
//! python3 ../shared/eval/prep.py /tmp/prep
//! cargo run --release --example eval_ner -- /tmp/prep/conll_testa/gold.json [--errors]
//! ```

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use briefing::analyse::EntityKind;
use briefing::analyse::ner;
use briefing::analyse::text::Document;

const KINDS: [(&str, EntityKind); 3] = [
    ("PER", EntityKind::Person),
    ("ORG", EntityKind::Organization),
    ("LOC", EntityKind::Place),
];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let gold_path = args
        .get(1)
        .context("usage: eval_ner GOLD.json|DIR [--errors]")?;
    if Path::new(gold_path).is_dir() {
        return speed(Path::new(gold_path));
    }
    let show_errors = args.iter().any(|a| a == "--errors");
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(gold_path)?)?;
    let dir = gold["text_dir"].as_str().context("text_dir")?;
    let docs = gold["docs"].as_object().context("docs")?;
    let mut texts = Vec::new();
    for key in docs.keys() {
        texts.push(std::fs::read_to_string(Path::new(dir).join(key))?);
    }
    // Warm up: decode the model and gazetteers before timing.
    ner::tag(&Document::new("Warm Up"));
    let started = Instant::now();
    let tokenised: usize = texts.iter().map(|t| Document::new(t).tokens.len()).sum();
    let tokenise_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let predicted: Vec<_> = texts.iter().map(|t| ner::tag(&Document::new(t))).collect();
    let seconds = started.elapsed().as_secs_f64();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for ((key, doc), (text, mentions)) in docs.iter().zip(texts.iter().zip(&predicted)) {
        for (tag, kind) in KINDS {
            let gold_spans: HashSet<(usize, usize)> = doc["entities"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|e| e["type"] == tag)
                .filter_map(|e| Some((e["start"].as_u64()? as usize, e["end"].as_u64()? as usize)))
                .collect();
            let pred: HashSet<(usize, usize)> = mentions
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| (m.span.start, m.span.end))
                .collect();
            let c = counts.entry(tag).or_default();
            c[0] += pred.intersection(&gold_spans).count();
            c[1] += pred.difference(&gold_spans).count();
            c[2] += gold_spans.difference(&pred).count();
            if show_errors {
                for (s, e) in pred.difference(&gold_spans) {
                    println!("FP {tag} {key} {:?}", &text[*s..*e]);
                }
                for (s, e) in gold_spans.difference(&pred) {
                    println!("FN {tag} {key} {:?}", &text[*s..*e]);
                }
            }
        }
    }
    let mut total = [0; 3];
    println!("{:6}{:>8}{:>8}{:>8}{:>8}", "", "P", "R", "F1", "gold");
    for (tag, c) in &counts {
        report(tag, *c);
        for k in 0..3 {
            total[k] += c[k];
        }
    }
    report("micro", total);
    println!(
        "{:.1} MB in {seconds:.3}s: {:.1} MB/s (tokenise + tag, one core)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds
    );
    println!(
        "tokeniser alone: {tokenised} tokens, {:.1} MB/s",
        bytes as f64 / 1e6 / tokenise_seconds
    );
    Ok(())
}

/// Time tokenising and tagging every file under `dir` (read into memory first).
fn speed(dir: &Path) -> Result<()> {
    let mut texts = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path)? {
                stack.push(entry?.path());
            }
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            texts.push(text);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    ner::tag(&Document::new("Warm Up"));
    // Best of several runs: the machine may be shared.
    let (mut tokenise, mut all) = (f64::MAX, f64::MAX);
    let (mut tokens, mut mentions) = (0, 0);
    for _ in 0..5 {
        let started = Instant::now();
        tokens = texts.iter().map(|t| Document::new(t).tokens.len()).sum();
        tokenise = tokenise.min(started.elapsed().as_secs_f64());
        let started = Instant::now();
        mentions = texts
            .iter()
            .map(|t| ner::tag(&Document::new(t)).len())
            .sum();
        all = all.min(started.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{mb:.1} MB, {tokens} tokens, {mentions} mentions (best of 5): tokenise {:.1} MB/s, \
         tokenise + tag {:.1} MB/s, tag alone {:.1} MB/s",
        mb / tokenise,
        mb / all,
        mb / (all - tokenise)
    );
    Ok(())
}

fn report(tag: &str, [tp, fp, fn_]: [usize; 3]) {
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("{tag:6}{p:8.3}{r:8.3}{f:8.3}{:8}", tp + fn_);
}

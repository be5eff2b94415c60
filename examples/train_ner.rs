//! Train the name tagger on CoNLL-2003 and write `assets/ner/pass{1,2}.bin`.
//!
//! ```text
//! cargo run --release --example train_ner -- ../shared/dev/conll2003/eng.train [EPOCHS] [OUT_DIR]
//! ```
//!
//! Each CoNLL document is laid out as the evaluation does (first sentence as the
//! headline line, one sentence per paragraph, detokenised), so the tagger trains
//! on text cut by its own tokeniser. Writes `pass1.bin` and `pass2.bin`. Every other document's all-capitals
//! headline is rewritten in Title Case, as most news sites print headlines,
//! and half the documents write initialisms without dots ("US", "UN"), as
//! most news now does (`NER_KEEP_DOTS=1` keeps Reuters' "U.S.").
//! Tagger alone, three seeds: on a copy of eng.testa without those dots,
//! places F1 0.916 → 0.940 and organisations 0.873 → 0.877; on eng.testa as
//! it is, within the seeds' spread.
//!
//! Environment: `NER_DEV=eng.testa` scores the new weights on a development
//! file afterwards (`NER_ERRORS=1` also prints each wrong span);
//! `NER_CLUSTERS=FILE` trains with word classes other than the embedded
//! `assets/ner/clusters.bin`; `NER_PRUNE`, `NER_MOST` and `NER_RATE` tune pruning, the number of
//! features kept and the second pass's update size; `NER_SEED` shuffles
//! the documents in another order.

use std::time::Instant;

use anyhow::{Context, Result};
use briefing::analyse::EntityKind;
use briefing::analyse::ner::clusters::Clusters;
use briefing::analyse::ner::learn::{self, EpochStats, Example, Prepared, Trainer};
use briefing::analyse::ner::model::{Model, Models};
use briefing::analyse::text::Document;

#[path = "support/conll.rs"]
mod conll;

/// Train one model on the documents `keep` selects.
fn train(
    docs: &[Prepared],
    epochs: usize,
    prune: f64,
    name: &str,
    keep: impl Fn(usize) -> bool,
) -> Vec<u8> {
    let mut trainer = Trainer::default();
    trainer.rate = std::env::var("NER_RATE")
        .map_or(Ok(3.0), |r| r.parse())
        .unwrap_or(3.0);
    let mut order: Vec<usize> = (0..docs.len()).filter(|&d| keep(d)).collect();
    let mut seed = std::env::var("NER_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(0x2545_f491_4f6c_dd1d, |s| {
            s.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1
        });
    let started = Instant::now();
    let mut last = Default::default();
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        last = trainer.epoch(docs, &order);
    }
    let EpochStats { scored, errors } = last;
    eprintln!(
        "{name}: last epoch {errors} of {scored} scored tokens wrong ({:.2}%), {:.1}s",
        100.0 * errors as f64 / scored.max(1) as f64,
        started.elapsed().as_secs_f64()
    );
    // 24,000 features fill 8,192 buckets of the look-up table; with their
    // rows that is about 0.7 MB, which stays in a core's cache beside the
    // other tables. Dev scores stayed within their seed-to-seed spread of
    // those of 45,000 features, and the analyser ran 1–4 % faster.
    let most = std::env::var("NER_MOST")
        .map_or(Ok(24_000), |m| m.parse())
        .unwrap_or(24_000);
    trainer.finish(prune, most)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .context("usage: train_ner ENG.TRAIN [EPOCHS] [OUT_DIR]")?;
    let epochs: usize = args.get(2).map_or(Ok(12), |e| e.parse())?;
    let out = args.get(3).map_or("assets/ner", String::as_str);
    let prune: f64 = std::env::var("NER_PRUNE").map_or(Ok(0.001), |p| p.parse())?;
    if let Some(file) = std::env::var_os("NER_CLUSTERS") {
        let bytes = std::fs::read(&file).context("reading NER_CLUSTERS")?;
        anyhow::ensure!(
            Clusters::replace(&bytes),
            "bad word classes in NER_CLUSTERS"
        );
    }
    let raw = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let docs = conll::documents(&raw);
    let undot = std::env::var_os("NER_KEEP_DOTS").is_none();
    let examples: Vec<Example> = docs
        .iter()
        .enumerate()
        .map(|(n, doc)| conll::layout(doc, n % 2 == 1, undot && n % 4 >= 2))
        .collect();
    let mut lost = 0;
    let mut prepared: Vec<_> = examples
        .iter()
        .map(|e| {
            let (p, l) = learn::prepare(e);
            lost += l.len();
            if std::env::var_os("NER_SHOW_LOST").is_some() {
                for span in l {
                    eprintln!("lost: {:?}", span.of(&e.text));
                }
            }
            p
        })
        .collect();
    let names: usize = examples.iter().map(|e| e.entities.len()).sum();
    eprintln!(
        "{} documents, {names} names, {lost} not aligned to tokens",
        examples.len()
    );
    let dir = out.trim_end_matches('/');
    // Pass 1 on everything, and jackknifed pass-1 labels for training pass 2:
    // each fold is labelled by a model that never saw it, as unseen news will be.
    let first = train(&prepared, epochs, prune, "pass 1", |_| true);
    std::fs::write(format!("{dir}/pass1.bin"), &first)?;
    eprintln!("pass 1: {} bytes", first.len());
    const FOLDS: usize = 5;
    let mut labels = vec![Vec::new(); prepared.len()];
    let mut folds = Vec::new();
    for fold in 0..FOLDS {
        let bytes = train(&prepared, epochs, prune, "fold", |d| d % FOLDS != fold);
        let model = Model::decode(&bytes).context("decoding a fold model")?;
        for d in (fold..prepared.len()).step_by(FOLDS) {
            labels[d] = prepared[d].label_first(&model);
        }
        folds.push(model);
    }
    for (d, (doc, l)) in prepared.iter_mut().zip(&labels).enumerate() {
        doc.stack(&folds[d % FOLDS], l);
    }
    let second = train(&prepared, epochs, prune, "pass 2", |_| true);
    std::fs::write(format!("{dir}/pass2.bin"), &second)?;
    eprintln!("pass 2: {} bytes", second.len());
    if let Some(dev) = std::env::var_os("NER_DEV") {
        let models = Models {
            first: Model::decode(&first).context("decoding pass 1")?,
            second: Model::decode(&second).context("decoding pass 2")?,
        };
        score_dev(&models, &std::fs::read_to_string(dev)?);
    }
    Ok(())
}

/// Exact-span precision, recall and F1 per kind on a development file
/// (`NER_DEV=eng.testa`), laid out as the evaluation lays it out.
fn score_dev(models: &Models, raw: &str) {
    use std::collections::HashSet;
    let kinds = [
        ("PER", EntityKind::Person),
        ("ORG", EntityKind::Organization),
        ("LOC", EntityKind::Place),
    ];
    let mut counts = [[0usize; 3]; 3];
    for doc in conll::documents(raw) {
        let example = conll::layout(&doc, false, false);
        let found = briefing::analyse::ner::tag_with(models, &Document::new(&example.text));
        for (k, (_, kind)) in kinds.iter().enumerate() {
            let gold: HashSet<_> = example
                .entities
                .iter()
                .filter(|(_, e)| e == kind)
                .map(|(s, _)| (s.start, s.end))
                .collect();
            let pred: HashSet<_> = found
                .iter()
                .filter(|m| m.kind == *kind)
                .map(|m| (m.span.start, m.span.end))
                .collect();
            counts[k][0] += pred.intersection(&gold).count();
            counts[k][1] += pred.difference(&gold).count();
            counts[k][2] += gold.difference(&pred).count();
            if std::env::var_os("NER_ERRORS").is_some() {
                let text = |&(s, e): &(usize, usize)| &example.text[s..e];
                for span in pred.difference(&gold) {
                    println!("FP {} {:?}", kinds[k].0, text(span));
                }
                for span in gold.difference(&pred) {
                    println!("FN {} {:?}", kinds[k].0, text(span));
                }
            }
        }
    }
    for ((name, _), [tp, fp, fn_]) in kinds.iter().zip(counts) {
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        let f = 2.0 * p * r / (p + r).max(1e-9);
        eprintln!("dev {name}: P {p:.3} R {r:.3} F1 {f:.3}");
    }
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

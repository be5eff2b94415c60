//! Score the statement finder on prepared PolNeAR texts by the rules of
//! `score_quotes.py` (overlap ≥ half of the shorter; speaker right by
//! mention overlap, last name word, or a capitalised name for a pronoun).
//!
//! ```text
//! cargo run --release --example eval_quotes -- /tmp/prep/polnear_dev [--direct] [--misses N]
//! ```
//!
//! `--direct` scores direct quotes only (reported speech left out);
//! `--misses N` prints up to N wrong or missed quotes for study.

use std::fs;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use briefing::analyse::{self, Quote};
use serde_json::Value;

type Spans = Vec<(usize, usize)>;

struct Gold {
    spans: Spans,
    source: Option<Spans>,
    source_text: String,
    source_is_pronoun: bool,
}

fn spans(value: &Value) -> Spans {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default()
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Overlap that counts as a match, or 0.
fn matched(span: (usize, usize), gold: &Gold) -> usize {
    let o: usize = gold.spans.iter().map(|&s| overlap(span, s)).sum();
    let total: usize = gold.spans.iter().map(|s| s.1 - s.0).sum();
    let short = (span.1 - span.0).min(total);
    if short > 0 && 2 * o >= short { o } else { 0 }
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace("’s", "")
        .replace("'s", "")
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn speaker_ok(quote: &Quote, name: Option<&str>, gold: &Gold, text: &str) -> bool {
    let Some(source) = &gold.source else {
        return false;
    };
    if let Some(m) = quote.speaker_mention
        && source.iter().any(|&s| overlap((m.start, m.end), s) > 0)
    {
        return true;
    }
    let name = name.unwrap_or("").trim();
    if let Some(last) = words(name).last()
        && words(&gold.source_text).contains(last)
    {
        return true;
    }
    gold.source_is_pronoun && name.starts_with(|c: char| c.is_uppercase()) && text.contains(name)
}

/// `text[from..to]` with both ends moved onto character boundaries.
fn clip(text: &str, from: usize, to: usize) -> &str {
    let mut a = from.min(text.len());
    let mut b = to.min(text.len());
    while !text.is_char_boundary(a) {
        a += 1;
    }
    while b > a && !text.is_char_boundary(b) {
        b -= 1;
    }
    &text[a..b]
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map_or("/tmp/prep/polnear_dev", String::as_str);
    let direct_only = args.iter().any(|a| a == "--direct");
    let misses: usize = args
        .iter()
        .position(|a| a == "--misses")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(0);
    let only = args
        .iter()
        .position(|a| a == "--doc")
        .and_then(|i| args.get(i + 1))
        .cloned();
    if let Some(passes) = args
        .iter()
        .position(|a| a == "--bench")
        .and_then(|i| args.get(i + 1)?.parse::<usize>().ok())
    {
        return bench(dir, passes);
    }
    let gold: Value = serde_json::from_str(&fs::read_to_string(Path::new(dir).join("gold.json"))?)?;
    let docs = gold["docs"].as_object().context("gold.json has no docs")?;
    let (mut n_pred, mut n_pred_ok, mut n_gold, mut n_gold_ok, mut n_spk, mut n_spk_ok) =
        (0, 0, 0, 0, 0, 0);
    let (mut bytes, mut shown) = (0usize, 0usize);
    let mut elapsed = std::time::Duration::ZERO;
    let (mut in_quotes, mut in_events) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    for (key, doc) in docs {
        let text = fs::read_to_string(Path::new(dir).join("texts").join(key))?;
        bytes += text.len();
        let started = Instant::now();
        let analysis = analyse::analyse(&text);
        elapsed += started.elapsed();
        {
            use briefing::analyse::{actors, events, ner, quotes, text::Document};
            let doc = Document::new(&text);
            let entities = actors::resolve(&doc, &ner::tag(&doc));
            let started = Instant::now();
            std::hint::black_box(quotes::find(&doc, &entities));
            in_quotes += started.elapsed();
            let started = Instant::now();
            std::hint::black_box(events::find(&doc, &entities));
            in_events += started.elapsed();
        }
        let quotes: Vec<&Quote> = analysis
            .quotes
            .iter()
            .filter(|q| q.direct || !direct_only)
            .collect();
        if only.as_deref().is_some_and(|o| key.contains(o)) {
            for q in &quotes {
                let mention = q.speaker_mention.map_or("-", |m| m.of(&text));
                println!(
                    "{:?} <- {mention:?} ({:?})",
                    q.text.chars().take(60).collect::<String>(),
                    q.cue
                );
            }
        }
        let golds: Vec<Gold> = doc["quotes"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|q| Gold {
                        spans: spans(&q["spans"]),
                        source: q["source"].is_array().then(|| spans(&q["source"])),
                        source_text: q["source_text"].as_str().unwrap_or("").to_string(),
                        source_is_pronoun: q["source_is_pronoun"].as_bool().unwrap_or(false),
                    })
                    .collect()
            })
            .unwrap_or_default();
        for q in &quotes {
            n_pred += 1;
            let span = (q.span.start, q.span.end);
            if golds.iter().any(|g| matched(span, g) > 0) {
                n_pred_ok += 1;
            } else if shown < misses {
                shown += 1;
                println!(
                    "FALSE [{key}] {}",
                    q.span.of(&text).chars().take(160).collect::<String>()
                );
            }
        }
        for g in &golds {
            n_gold += 1;
            let best = quotes
                .iter()
                .map(|q| (matched((q.span.start, q.span.end), g), q))
                .filter(|(o, _)| *o > 0)
                .max_by_key(|(o, _)| *o);
            let first = g.spans.first().copied().unwrap_or((0, 0));
            let Some((_, q)) = best else {
                if shown < misses {
                    shown += 1;
                    println!(
                        "MISSED [{key}] {}",
                        text.get(first.0..first.1)
                            .unwrap_or("")
                            .chars()
                            .take(160)
                            .collect::<String>()
                    );
                }
                continue;
            };
            n_gold_ok += 1;
            if g.source.is_none() {
                continue;
            }
            n_spk += 1;
            let name = q.speaker.and_then(|i| analysis.entity_name(i));
            if speaker_ok(q, name, g, &text) {
                n_spk_ok += 1;
            } else if shown < misses {
                shown += 1;
                let mention = q.speaker_mention.map_or("-", |m| m.of(&text));
                let source = g
                    .source
                    .as_deref()
                    .and_then(|s| s.first())
                    .copied()
                    .unwrap_or((0, 0));
                let from = q.span.start.min(source.0).saturating_sub(60);
                let to = q.span.end.max(source.1) + 60;
                let context = clip(&text, from, to).replace('\n', " ¶ ");
                println!(
                    "SPEAKER [{key}] got {mention:?} want {:?}\n    {context}",
                    g.source_text
                );
            }
        }
    }
    let p = n_pred_ok as f64 / n_pred.max(1) as f64;
    let r = n_gold_ok as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("quotes P {p:.3} ({n_pred_ok}/{n_pred})  R {r:.3} ({n_gold_ok}/{n_gold})  F1 {f:.3}");
    println!(
        "speaker accuracy over matched quotes {:.3} ({n_spk_ok}/{n_spk})",
        n_spk_ok as f64 / n_spk.max(1) as f64
    );
    println!(
        "whole analyser: {:.1} MB in {:.3} s = {:.1} MB/s",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        bytes as f64 / 1e6 / elapsed.as_secs_f64()
    );
    let mb = bytes as f64 / 1e6;
    println!(
        "statements alone {:.1} MB/s, events alone {:.1} MB/s",
        mb / in_quotes.as_secs_f64(),
        mb / in_events.as_secs_f64()
    );
    Ok(())
}

/// Time statements and events alone over every text, `passes` times; run
/// under `time` to read CPU seconds on a busy machine.
fn bench(dir: &str, passes: usize) -> Result<()> {
    use briefing::analyse::{actors, events, ner, quotes, text::Document};
    let mut texts = Vec::new();
    for entry in fs::read_dir(Path::new(dir).join("texts"))? {
        texts.push(fs::read_to_string(entry?.path())?);
    }
    let docs: Vec<_> = texts
        .iter()
        .map(|t| {
            let doc = Document::new(t);
            let entities = actors::resolve(&doc, &ner::tag(&doc));
            (doc, entities)
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = Instant::now();
    for _ in 0..passes {
        for (doc, entities) in &docs {
            std::hint::black_box(quotes::find(doc, entities));
            std::hint::black_box(events::find(doc, entities));
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "statements + events: {:.1} MB x {passes} in {secs:.2} s wall = {:.1} MB/s",
        bytes as f64 / 1e6,
        (bytes * passes) as f64 / 1e6 / secs
    );
    Ok(())
}

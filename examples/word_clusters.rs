//! Learn word classes from unlabeled newswire and write `assets/ner/clusters.bin`.
//!
//! ```text
//! cargo run --release --example word_clusters -- ../shared/corpus/reuters21578 [CLASSES] [ROUNDS] [OUT]
//! ```
//!
//! Reads the TITLE and BODY of every story in the Reuters-21578 SGML files,
//! cuts them with the analyser's own tokeniser, and groups the lower-cased
//! words that occur at least [`MIN_COUNT`] times into classes by the
//! predictive exchange algorithm (Uszkoreit and Brants, 2008): each word is
//! moved, in turn, to the class that best predicts it from the word before,
//! until the classes settle. Words that occur in the same contexts ("Hampshire",
//! "Essex" after "beat") end up in one class, which tells the tagger something
//! about words it never saw labelled. Each word also gets a bucket of how often
//! it is capitalised inside a sentence of running text. The file holds only
//! word hashes (the tagger's own), class numbers and buckets, no text.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use briefing::analyse::ner::clusters::{self, WordClass};
use briefing::analyse::ner::hash;
use briefing::analyse::text::{Document, TokenKind};

#[path = "support/sgml.rs"]
#[allow(dead_code)] // only the SGML helpers, not the article builder
mod sgml;

/// Words rarer than this get no class.
const MIN_COUNT: u32 = 3;

/// Index of the context that stands for a sentence start.
const START: usize = 0;
/// Index of the context that stands for any rare word.
const RARE: usize = 1;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .context("usage: word_clusters REUTERS_DIR [CLASSES] [ROUNDS] [OUT]")?;
    let classes: usize = args.get(2).map_or(Ok(256), |a| a.parse())?;
    let rounds: usize = args.get(3).map_or(Ok(15), |a| a.parse())?;
    let out = args
        .get(4)
        .map_or("assets/ner/clusters.bin", String::as_str);
    anyhow::ensure!(
        classes <= WordClass::CLASSES,
        "at most {} classes",
        WordClass::CLASSES
    );
    let mut case_counts: HashMap<u64, (u32, u32)> = HashMap::new();
    let sentences = read_sentences(Path::new(dir), &mut case_counts)?;
    let words: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("{} sentences, {words} tokens", sentences.len());

    // Vocabulary: indices 0 and 1 are the start and rare contexts.
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for s in &sentences {
        for &w in s {
            *counts.entry(w).or_default() += 1;
        }
    }
    let mut vocab: Vec<(u64, u32)> = counts
        .into_iter()
        .filter(|&(_, c)| c >= MIN_COUNT)
        .collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let index: HashMap<u64, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, &(w, _))| (w, i + 2))
        .collect();
    let size = vocab.len() + 2;
    eprintln!("{} words with a class", vocab.len());

    // Predecessor counts of every word in the vocabulary.
    let mut bigrams: HashMap<(usize, usize), u32> = HashMap::new();
    for s in &sentences {
        let mut prev = START;
        for w in s {
            let this = index.get(w).copied().unwrap_or(RARE);
            if this != RARE {
                *bigrams.entry((this, prev)).or_default() += 1;
            }
            prev = this;
        }
    }
    let mut before: Vec<Vec<(usize, u32)>> = vec![Vec::new(); size];
    for ((w, v), n) in bigrams {
        before[w].push((v, n));
    }
    let totals: Vec<u32> = before
        .iter()
        .map(|p| p.iter().map(|&(_, n)| n).sum())
        .collect();

    let mut class: Vec<usize> = (0..size).map(|w| w % classes).collect();
    let mut joint = vec![0u32; size * classes];
    let mut class_total = vec![0u64; classes];
    for w in 2..size {
        for &(v, n) in &before[w] {
            joint[v * classes + class[w]] += n;
        }
        class_total[class[w]] += u64::from(totals[w]);
    }
    let table: Vec<f64> = (0..1u32 << 20).map(|x| xlogx(f64::from(x))).collect();
    let f = |x: u32| {
        table
            .get(x as usize)
            .copied()
            .unwrap_or_else(|| xlogx(f64::from(x)))
    };
    let mut delta = vec![0.0f64; classes];
    for round in 0..rounds {
        let mut moved = 0;
        for w in 2..size {
            let from = class[w];
            for &(v, n) in &before[w] {
                joint[v * classes + from] -= n;
            }
            let nw = u64::from(totals[w]);
            class_total[from] -= nw;
            for (c, d) in delta.iter_mut().enumerate() {
                let t = class_total[c] as f64;
                *d = xlogx(t) - xlogx(t + nw as f64);
            }
            for &(v, n) in &before[w] {
                let row = &joint[v * classes..(v + 1) * classes];
                for (d, &r) in delta.iter_mut().zip(row) {
                    *d += f(r + n) - f(r);
                }
            }
            let mut to = from;
            for c in 0..classes {
                if delta[c] > delta[to] + 1e-9 {
                    to = c;
                }
            }
            for &(v, n) in &before[w] {
                joint[v * classes + to] += n;
            }
            class_total[to] += nw;
            if to != from {
                class[w] = to;
                moved += 1;
            }
        }
        eprintln!("round {}: {moved} words moved", round + 1);
        if moved == 0 {
            break;
        }
    }
    let entries: Vec<(u64, WordClass)> = vocab
        .iter()
        .enumerate()
        .map(|(i, &(w, _))| {
            (
                w,
                WordClass::new(class[i + 2], case_bucket(case_counts.get(&w))),
            )
        })
        .collect();
    let bytes = clusters::encode(&entries);
    std::fs::write(out, &bytes).with_context(|| format!("writing {out}"))?;
    eprintln!("{out}: {} bytes", bytes.len());
    Ok(())
}

fn xlogx(x: f64) -> f64 {
    if x > 0.0 { x * x.ln() } else { 0.0 }
}

/// How often a word is capitalised inside a sentence, from (inside a
/// sentence, capitalised there) counts: 0 unknown, 1 never … 5 always.
fn case_bucket(counts: Option<&(u32, u32)>) -> u8 {
    match counts {
        Some(&(seen, caps)) if seen >= 3 => {
            let share = f64::from(caps) / f64::from(seen);
            match share {
                s if s < 0.02 => 1,
                s if s < 0.3 => 2,
                s if s < 0.7 => 3,
                s if s < 0.98 => 4,
                _ => 5,
            }
        }
        _ => 0,
    }
}

/// Every sentence of every story, as word hashes (numbers share one hash);
/// counts in `case` how often each word is seen inside a sentence of running
/// text (not a line of capitals), and how often capitalised there.
fn read_sentences(dir: &Path, case: &mut HashMap<u64, (u32, u32)>) -> Result<Vec<Vec<u64>>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    let number = hash::word("0");
    let mut out = Vec::new();
    for file in files {
        // Latin-1: every byte is the character of the same number.
        let raw: String = std::fs::read(&file)?.iter().map(|&b| b as char).collect();
        for story in raw.split("</REUTERS>") {
            let title = sgml::between(story, "<TITLE>", "</TITLE>").unwrap_or("");
            let body = sgml::between(story, "<BODY>", "</BODY>").unwrap_or("");
            // A body's lines are wrapped, not paragraphs: join them.
            let text = sgml::unescape(&format!("{title}\n\n{}", body.replace('\n', " ")));
            let doc = Document::with_possessives_split(&text);
            for sentence in &doc.sentences {
                let words: Vec<&str> = sentence
                    .tokens
                    .clone()
                    .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
                    .map(|i| doc.token_text(i))
                    .collect();
                let capitals = words
                    .iter()
                    .filter(|w| !w.chars().any(char::is_lowercase))
                    .count();
                if capitals * 2 <= words.len() {
                    for w in words.iter().skip(1) {
                        let entry = case.entry(hash::word(w)).or_default();
                        entry.0 += 1;
                        entry.1 += u32::from(w.chars().next().is_some_and(char::is_uppercase));
                    }
                }
                out.push(
                    sentence
                        .tokens
                        .clone()
                        .map(|i| match doc.tokens[i].kind {
                            TokenKind::Number => number,
                            _ => hash::word(doc.token_text(i)),
                        })
                        .collect(),
                );
            }
        }
    }
    Ok(out)
}

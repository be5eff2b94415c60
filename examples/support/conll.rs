//! CoNLL-2003 reading and the evaluation's text layout, shared by the NER examples.

use briefing::analyse::ner::learn::Example;
use briefing::span::Span;

/// A CoNLL document: sentences of (token, IOB1 tag).
pub type Doc = Vec<Vec<(String, String)>>;

/// Split a CoNLL file into documents at `-DOCSTART-` lines.
pub fn documents(raw: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let (mut doc, mut sentence): (Doc, Vec<(String, String)>) = (Vec::new(), Vec::new());
    for line in raw.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            [] => {
                if !sentence.is_empty() {
                    doc.push(std::mem::take(&mut sentence));
                }
            }
            ["-DOCSTART-", ..] => {
                if !doc.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
            }
            [word, .., tag] => sentence.push((word.to_string(), tag.to_string())),
            [_] => {}
        }
    }
    if !sentence.is_empty() {
        doc.push(sentence);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'", "''", "\u{201d}", "n't", "'s",
    "'S", "'m", "'re", "'ve", "'ll", "'d", "\u{2019}",
];
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "``", "\u{201c}", "\u{2018}"];
const CLITIC_AFTER_APOS: &[&str] = &["s", "t", "re", "ve", "ll", "d", "m"];

/// Join tokens as the evaluation's detokeniser does; byte spans per token.
fn detok(tokens: &[&str]) -> (String, Vec<(usize, usize)>) {
    let (mut out, mut spans) = (String::new(), Vec::new());
    let (mut open_quote, mut glue) = (false, true);
    for (i, &tok) in tokens.iter().enumerate() {
        let shown = match tok {
            "``" | "''" => "\"",
            t => t,
        };
        let (mut nospace, after_glue);
        if tok == "\"" {
            let closer = open_quote || i == tokens.len() - 1;
            (nospace, after_glue, open_quote) = (closer, !closer, !closer);
        } else {
            nospace = NO_SPACE_BEFORE.contains(&tok);
            after_glue = NO_SPACE_AFTER.contains(&tok);
            if tok == "``" {
                open_quote = true;
            } else if tok == "''" || tok == "\u{201d}" {
                open_quote = false;
            }
            if i > 0 && tokens[i - 1] == "\u{2019}" && CLITIC_AFTER_APOS.contains(&tok) {
                nospace = true;
            }
        }
        if !out.is_empty() && !glue && !nospace {
            out.push(' ');
        }
        spans.push((out.len(), out.len() + shown.len()));
        out.push_str(shown);
        glue = after_glue;
    }
    (out, spans)
}

/// "SOCCER - JAPAN WIN" → "Soccer - Japan Win" (ASCII words only, lengths kept).
fn title_case(word: &str) -> String {
    if !word.is_ascii() || !word.chars().any(|c| c.is_ascii_alphabetic()) {
        return word.to_string();
    }
    let lower = word.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "a" | "an" | "the" | "of" | "in" | "on" | "at" | "to" | "and" | "for" | "by"
    ) {
        return lower;
    }
    let mut out = String::with_capacity(word.len());
    for (i, c) in lower.chars().enumerate() {
        out.push(if i == 0 { c.to_ascii_uppercase() } else { c });
    }
    out
}

/// "U.S." as "US": an initialism in capitals without its dots, as much news
/// now writes it ("UN", "EU"); other words as they are.
fn undotted(word: &str) -> Option<String> {
    let letters = word.strip_suffix('.')?;
    let initialism = letters.len() >= 3
        && letters.split('.').all(|p| {
            let mut chars = p.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.next().is_none()
        });
    initialism.then(|| letters.replace('.', ""))
}

/// Lay a document out as the evaluation does, with its gold names as byte spans.
/// With `title_headline`, an all-capitals first sentence is put in Title Case;
/// with `undot`, initialisms outside people's names lose their dots ("U.N." →
/// "UN"), so that the tagger learns both spellings from Reuters' dotted ones.
pub fn layout(doc: &Doc, title_headline: bool, undot: bool) -> Example {
    let mut text = String::new();
    let mut entities = Vec::new();
    for (n, sentence) in doc.iter().enumerate() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let all_caps = !sentence
            .iter()
            .any(|(w, _)| w.chars().any(char::is_lowercase));
        let words: Vec<String> = sentence
            .iter()
            .map(|(w, tag)| {
                if n == 0 && title_headline && all_caps {
                    title_case(w)
                } else if undot && !tag.ends_with("PER") {
                    undotted(w).unwrap_or_else(|| w.clone())
                } else {
                    w.clone()
                }
            })
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let (line, spans) = detok(&refs);
        let base = text.len();
        text.push_str(&line);
        let tags: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
        for (a, b, typ) in iob1_entities(&tags) {
            let span = Span::new(base + spans[a].0, base + spans[b - 1].1);
            entities.push((span, super::kind(typ)));
        }
    }
    text.push('\n');
    Example { text, entities }
}

/// IOB1 tags → (first, last exclusive, type); `B-` starts a new entity.
fn iob1_entities<'t>(tags: &[&'t str]) -> Vec<(usize, usize, &'t str)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, &str)> = None;
    for (i, &tag) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let typ = (tag != "O").then(|| tag.get(2..).unwrap_or(""));
        if let Some((start, t)) = current
            && (typ != Some(t) || tag.starts_with("B-"))
        {
            out.push((start, i, t));
            current = None;
        }
        if let (Some(t), None) = (typ, current) {
            current = Some((i, t));
        }
    }
    out
}

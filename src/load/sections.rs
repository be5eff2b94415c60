//! Sections: headline, lede and body sections, with headings derived from the
//! content where the text has none.
//!
//! Without headings, body paragraphs are grouped at topic shifts: the gap
//! between two paragraphs whose neighbourhoods (two paragraphs each side)
//! share the fewest content words becomes a boundary, as in TextTiling, with
//! about one section per three paragraphs and at least two paragraphs each.
//! Each section is then named after its most distinctive name (a capitalised
//! phrase that is not just the start of a sentence), or failing that its most
//! frequent content word.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::span::Span;

/// One section of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// "Lede", a heading from the text, or one derived from the content.
    pub heading: String,
    /// From the first to the last byte of the section (the lede starts at the headline).
    #[serde(flatten)]
    pub span: Span,
    /// Indices into the article's paragraphs (headline and heading lines excluded).
    #[serde(skip)]
    pub paragraphs: Range<usize>,
    /// Whether the heading comes from the text rather than from the content.
    #[serde(skip)]
    pub from_text: bool,
}

/// Build sections from paragraph spans. `paragraphs[0]` is the headline;
/// `headings` are indices of paragraphs that are headings in the source.
pub fn build(text: &str, paragraphs: &[Span], headings: &[usize]) -> Vec<Section> {
    let Some(headline) = paragraphs.first() else {
        return Vec::new();
    };
    let lede_end = if paragraphs.len() > 1 && !headings.contains(&1) {
        2
    } else {
        1
    };
    let mut sections = vec![Section {
        heading: "Lede".to_string(),
        span: Span::new(headline.start, paragraphs[lede_end - 1].end),
        paragraphs: 1..lede_end,
        from_text: false,
    }];
    if headings.is_empty() {
        sections.extend(derive(text, paragraphs, lede_end));
    } else {
        sections.extend(from_headings(text, paragraphs, headings, lede_end));
    }
    sections
}

fn from_headings(
    text: &str,
    paragraphs: &[Span],
    headings: &[usize],
    lede_end: usize,
) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(&first) = headings.first()
        && first > lede_end
    {
        out.extend(derive(text, &paragraphs[..first], lede_end));
    }
    for (n, &h) in headings.iter().enumerate() {
        let end = headings.get(n + 1).copied().unwrap_or(paragraphs.len());
        out.push(Section {
            heading: paragraphs[h].of(text).trim().to_string(),
            span: Span::new(paragraphs[h].start, paragraphs[end - 1].end),
            paragraphs: h + 1..end,
            from_text: true,
        });
    }
    out
}

/// Group `paragraphs[from..]` into sections at topic shifts.
fn derive(text: &str, paragraphs: &[Span], from: usize) -> Vec<Section> {
    let count = paragraphs.len().saturating_sub(from);
    if count == 0 {
        return Vec::new();
    }
    let bags: Vec<HashSet<String>> = paragraphs[from..]
        .iter()
        .map(|p| content_words(p.of(text)).collect())
        .collect();
    let target = (count as f32 / 3.0).round().clamp(1.0, 6.0) as usize;
    let mut gaps: Vec<(f32, usize)> = (1..count).map(|g| (cohesion(&bags, g), g)).collect();
    gaps.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut cuts = vec![0, count];
    for (_, gap) in gaps {
        if cuts.len() > target {
            break;
        }
        let at = cuts.partition_point(|&c| c < gap);
        if gap - cuts[at - 1] >= 2 && cuts[at] - gap >= 2 {
            cuts.insert(at, gap);
        }
    }
    let ranges: Vec<Range<usize>> = cuts.windows(2).map(|w| from + w[0]..from + w[1]).collect();
    let names: Vec<Vec<(String, usize)>> = ranges
        .iter()
        .map(|r| names_in(text, &paragraphs[r.clone()]))
        .collect();
    let opening = Span::new(0, paragraphs[from - 1].end).of(text);
    ranges
        .iter()
        .enumerate()
        .map(|(n, range)| Section {
            heading: heading_for(text, &paragraphs[range.clone()], &names, n, opening),
            span: Span::new(paragraphs[range.start].start, paragraphs[range.end - 1].end),
            paragraphs: range.clone(),
            from_text: false,
        })
        .collect()
}

/// Word overlap between the two paragraphs before gap `g` and the two after.
fn cohesion(bags: &[HashSet<String>], g: usize) -> f32 {
    let left: HashSet<&String> = bags[g.saturating_sub(2)..g].iter().flatten().collect();
    let right: HashSet<&String> = bags[g..(g + 2).min(bags.len())].iter().flatten().collect();
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let shared = left.intersection(&right).count() as f32;
    shared / ((left.len() * right.len()) as f32).sqrt()
}

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "it",
    "its",
    "that",
    "this",
    "which",
    "who",
    "their",
    "they",
    "he",
    "she",
    "his",
    "her",
    "will",
    "would",
    "said",
    "says",
    "not",
    "also",
    "after",
    "than",
    "more",
    "into",
    "about",
    "over",
    "there",
    "what",
    "when",
    "while",
    "could",
    "should",
    "can",
    "may",
    "some",
    "other",
    "such",
    "both",
    "these",
    "those",
    "them",
    "we",
    "our",
    "you",
    "your",
    "i",
    "mr",
    "mrs",
    "ms",
    "new",
    "two",
    "one",
    "last",
    "year",
    "years",
    "being",
    "including",
    "despite",
    "amid",
    "however",
    "if",
    "all",
    "any",
    "most",
    "many",
    "up",
    "out",
    "so",
    "no",
    "do",
    "did",
    "does",
    "just",
    "now",
];

fn is_stop(word: &str) -> bool {
    STOP.contains(&word)
}

fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.chars().count() > 2 && !is_stop(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
}

/// Capitalised phrases that start mid-sentence, with their counts.
fn names_in(text: &str, paragraphs: &[Span]) -> Vec<(String, usize)> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in paragraphs {
        let mut run: Vec<&str> = Vec::new();
        let mut sentence_start = true;
        for raw in p.of(text).split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let possessive = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"));
            let word = possessive.unwrap_or(word);
            let capital = word.chars().next().is_some_and(char::is_uppercase)
                && !is_stop(&word.to_lowercase());
            if capital && !sentence_start {
                run.push(word);
            } else if !run.is_empty() {
                *counts.entry(run.join(" ")).or_default() += 1;
                run.clear();
            }
            let breaks = possessive.is_some()
                || raw.ends_with(['.', '!', '?', ':', ';', ',', '\u{2014}'])
                || raw.starts_with(['(', '"', '\u{201C}']);
            if breaks && !run.is_empty() {
                *counts.entry(run.join(" ")).or_default() += 1;
                run.clear();
            }
            sentence_start = raw.ends_with(['.', '!', '?']);
        }
        if !run.is_empty() {
            *counts.entry(run.join(" ")).or_default() += 1;
        }
    }
    let mut names: Vec<(String, usize)> = counts.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    names
}

/// The most distinctive name of section `n`, or its most frequent content word.
///
/// Names of the headline and lede (`opening`) say what the whole story is
/// about, not what this section adds, so they count for less.
fn heading_for(
    text: &str,
    paragraphs: &[Span],
    names: &[Vec<(String, usize)>],
    n: usize,
    opening: &str,
) -> String {
    let elsewhere = |name: &str| {
        names
            .iter()
            .enumerate()
            .filter(|(m, list)| *m != n && list.iter().any(|(other, _)| other == name))
            .count()
    };
    let best = names[n]
        .iter()
        .map(|(name, count)| {
            let words = name.split(' ').count().min(3) as f32;
            let known = if opening.contains(name.as_str()) {
                3.0
            } else {
                1.0
            };
            let score =
                *count as f32 * (1.0 + 0.2 * words) / (1.0 + elsewhere(name) as f32) / known;
            (score, name)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)));
    if let Some((_, name)) = best {
        return name.clone();
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in paragraphs {
        for w in content_words(p.of(text)) {
            *counts.entry(w).or_default() += 1;
        }
    }
    let word = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(w, _)| w)
        .unwrap_or_else(|| "More".to_string());
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::text::paragraphs;

    fn headings(text: &str) -> Vec<String> {
        build(text, &paragraphs(text), &[])
            .into_iter()
            .map(|s| s.heading)
            .collect()
    }

    #[test]
    fn short_story_is_lede_and_one_section() {
        let text = "Ferry returns\nThe ferry sailed at dawn from Port Ellen.\nCaptain Ruth Mackay said the crossing was calm.";
        assert_eq!(headings(text), ["Lede", "Ruth Mackay"]);
    }

    #[test]
    fn ten_paragraphs_make_a_handful_of_sections() {
        let mut text = String::from("Harbour news\nThe town council met on Monday.\n");
        for _ in 0..3 {
            text.push_str(
                "The council in Kirkwall voted on harbour fees and harbour dues for boats.\n",
            );
        }
        for _ in 0..3 {
            text.push_str(
                "Fishermen led by Morag Innes protested about quotas and catches at sea.\n",
            );
        }
        for _ in 0..3 {
            text.push_str(
                "Weather forecasts from the Met Office warned of gales, storms and rain.\n",
            );
        }
        let sections = build(&text, &paragraphs(&text), &[]);
        let names: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(names, ["Lede", "Kirkwall", "Morag Innes", "Met Office"]);
        assert_eq!(sections[0].span.start, 0);
        assert_eq!(sections.last().unwrap().span.end, text.trim_end().len());
    }
}

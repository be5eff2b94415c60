//! Export: the loaded and analysed briefing as the JSON of the output contract
//! (`CONTRACT.md`) or as readable plain text for a pager.

use std::fmt::Write as _;

use serde::Serialize;

use crate::analyse::{Analysis, EntityKind, Reference};
use crate::load::Section;
use crate::sanitize::{Shown, clean, clean_line, show};
use crate::span::Span;
use crate::story::Story;

#[derive(Serialize)]
struct Output<'a> {
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    sections: &'a [Section],
    entities: Vec<EntityOut<'a>>,
    /// Direct quotes (words in quote marks).
    quotes: Vec<QuoteOut<'a>>,
    /// Reported speech without quote marks ("Blinken suggested that …"): an
    /// added field, so `quotes` holds what scripts expect of quotes.
    reported_speech: Vec<QuoteOut<'a>>,
    events: Vec<EventOut<'a>>,
    related: Vec<RelatedOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    name: &'a str,
    kind: EntityKind,
    role: Option<&'a str>,
    mentions: &'a [Span],
    references: &'a [Reference],
    salience: f32,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    speaker_mention: Option<Span>,
    cue: Option<&'a str>,
    direct: bool,
}

#[derive(Serialize)]
struct EventOut<'a> {
    kind: &'a str,
    summary: &'a str,
    actors: Vec<&'a str>,
    place: Option<&'a str>,
    time: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    id: &'a str,
    score: f32,
}

/// The contract's JSON object for these stories, pretty-printed.
pub fn to_json(stories: &[Story]) -> String {
    let articles = stories
        .iter()
        .map(|story| article_out(story, stories))
        .collect();
    // Sized for the texts up front: growing by doubling would hold two
    // copies of a huge article's JSON at once.
    let mut json = Vec::with_capacity(text_bytes(stories) / 10 * 11 + 4096);
    serde_json::to_writer_pretty(&mut json, &Output { articles })
        .map_err(|e| e.to_string())
        .and_then(|()| String::from_utf8(json).map_err(|e| e.to_string()))
        .map(escape_invisible)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The bytes of all the stories' texts, to size an output buffer.
fn text_bytes(stories: &[Story]) -> usize {
    stories.iter().map(|s| s.article.text.len()).sum()
}

/// JSON must escape only C0 controls, but a terminal that prints the output
/// would still obey a C1 control (U+009B is CSI) or reorder text at a bidi
/// override; so those, DEL, and the other characters [`crate::sanitize`]
/// drops are escaped as `\uXXXX` too. The JSON decodes to the same strings
/// (offsets stay valid); outside strings there are none of these characters.
fn escape_invisible(json: String) -> String {
    let risky = |c: char| c == '\u{7F}' || show(c) == Shown::Drop;
    if !json.chars().any(risky) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if risky(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn article_out<'a>(story: &'a Story, all: &'a [Story]) -> ArticleOut<'a> {
    let (article, analysis) = (&story.article, &story.analysis);
    ArticleOut {
        id: &article.id,
        path: &article.path,
        title: &article.title,
        text: &article.text,
        source: article.meta.source.as_deref(),
        date: article.meta.date.as_deref(),
        sections: &article.sections,
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityOut {
                name: &e.name,
                kind: e.kind,
                role: e.role.as_deref(),
                mentions: &e.mentions,
                references: &e.references,
                salience: e.salience,
            })
            .collect(),
        quotes: statements(analysis, true),
        reported_speech: statements(analysis, false),
        events: analysis
            .events
            .iter()
            .map(|e| EventOut {
                kind: &e.kind,
                summary: &e.summary,
                actors: e
                    .actors
                    .iter()
                    .filter_map(|&i| analysis.entity_name(i))
                    .collect(),
                place: e.place.as_deref(),
                time: e.time.as_deref(),
                start: e.span.start,
                end: e.span.end,
            })
            .collect(),
        related: story
            .related
            .iter()
            .filter_map(|&(i, score)| {
                all.get(i).map(|s| RelatedOut {
                    id: &s.article.id,
                    score,
                })
            })
            .collect(),
    }
}

/// The direct quotes (`direct`) or the reported speech of an analysis.
fn statements(analysis: &Analysis, direct: bool) -> Vec<QuoteOut<'_>> {
    analysis
        .quotes
        .iter()
        .filter(|q| q.direct == direct)
        .map(|q| QuoteOut {
            start: q.span.start,
            end: q.span.end,
            text: &q.text,
            speaker: q.speaker.and_then(|i| analysis.entity_name(i)),
            speaker_mention: q.speaker_mention,
            cue: q.cue.as_deref(),
            direct: q.direct,
        })
        .collect()
}

/// The stories as plain text: headline, sections, then the summary; every
/// character of article text made harmless for a terminal.
pub fn to_text(stories: &[Story]) -> String {
    let mut out = String::with_capacity(text_bytes(stories) + 4096);
    for (n, story) in stories.iter().enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        write_story(&mut out, story, stories);
    }
    out
}

fn write_story(out: &mut String, story: &Story, all: &[Story]) {
    let (article, analysis) = (&story.article, &story.analysis);
    let title = clean_line(&article.title);
    let _ = writeln!(
        out,
        "{title}\n{}",
        "=".repeat(title.chars().count().min(78))
    );
    let meta: Vec<String> = article.meta.parts().map(clean_line).collect();
    if !meta.is_empty() {
        let _ = writeln!(out, "{}", meta.join(" · "));
    }
    for section in &article.sections {
        if section.heading != "Lede" {
            let _ = writeln!(out, "\n## {}", clean_line(&section.heading));
        }
        for p in &article.paragraphs[section.paragraphs.clone()] {
            let _ = writeln!(out, "\n{}", clean(p.of(&article.text)));
        }
    }
    write_summary(out, analysis, &article.text);
    if !story.related.is_empty() {
        let _ = writeln!(out, "\nRelated stories");
        for &(i, score) in story.related.iter().take(5) {
            if let Some(other) = all.get(i) {
                let _ = writeln!(out, "  {:.2}  {}", score, clean_line(&other.article.title));
            }
        }
    }
}

fn write_summary(out: &mut String, analysis: &Analysis, text: &str) {
    if analysis.entities.is_empty() && analysis.quotes.is_empty() && analysis.events.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n--- Summary ---");
    for (kind, label) in [
        (EntityKind::Person, "People"),
        (EntityKind::Organization, "Organisations"),
        (EntityKind::Place, "Places"),
    ] {
        let names: Vec<String> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| match &e.role {
                Some(role) => format!(
                    "{} ({}, {}×)",
                    clean_line(&e.name),
                    clean_line(role),
                    e.mentions.len()
                ),
                None => format!("{} ({}×)", clean_line(&e.name), e.mentions.len()),
            })
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "\n{label}:");
            for name in names {
                let _ = writeln!(out, "  - {name}");
            }
        }
    }
    if !analysis.quotes.is_empty() {
        let _ = writeln!(out, "\nStatements:");
        for q in &analysis.quotes {
            let speaker = clean_line(analysis.speaker_label(q, text));
            let text = clean_line(&q.text);
            let _ = match (q.direct, q.cue.as_deref()) {
                (true, Some(cue)) => writeln!(out, "  - {speaker} {cue}: \u{201C}{text}\u{201D}"),
                (true, None) => writeln!(out, "  - {speaker}: \u{201C}{text}\u{201D}"),
                // "said that …" reads on; "suggesting", "according to" do not.
                (false, Some(cue)) if !cue.ends_with("ing") && !cue.contains(' ') => {
                    writeln!(out, "  - {speaker} {cue} that {text}")
                }
                (false, Some(cue)) => writeln!(out, "  - {speaker} ({cue}): {text}"),
                (false, None) => writeln!(out, "  - {speaker}: {text}"),
            };
        }
    }
    if !analysis.events.is_empty() {
        let _ = writeln!(out, "\nEvents:");
        for e in &analysis.events {
            let mut line = format!("  - [{}] {}", e.kind, clean_line(&e.summary));
            if let Some(place) = e.place.as_ref().filter(|p| !e.summary.contains(p.as_str())) {
                let _ = write!(line, " · in {}", clean_line(place));
            }
            if let Some(time) = &e.time {
                let _ = write!(line, " · {}", clean_line(time));
            }
            let _ = writeln!(out, "{line}");
        }
    }
}

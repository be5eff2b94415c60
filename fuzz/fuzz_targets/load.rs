//! Any bytes through the loader: decoding, then by the first byte's choice
//! plain text, Markdown with front matter, CSV, JSON Lines or a briefing file.
//! Nothing may panic, and every span an article keeps must lie on character
//! boundaries inside its text.

#![no_main]

use briefing::load::{self, Article, decode, rows};
use briefing::span::Span;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, span: Span, what: &str) {
    assert!(
        span.fits(text),
        "{what} {span:?} is reversed, past the end ({}) or splits a character",
        text.len()
    );
}

fn check_article(article: &Article) {
    let text = &article.text;
    for p in &article.paragraphs {
        check(text, *p, "paragraph");
    }
    let mut next = 0;
    for section in &article.sections {
        check(text, section.span, "section");
        let range = &section.paragraphs;
        assert!(
            next <= range.start && range.start <= range.end,
            "sections in order"
        );
        assert!(
            range.end <= article.paragraphs.len(),
            "section paragraphs exist"
        );
        next = range.end;
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let Ok((text, _)) = decode::decode(bytes) else {
        return;
    };
    assert!(!text.contains('\r'), "line ends are normalised");
    match choice % 5 {
        0 => check_article(&load::parse("f.txt", "f".into(), text)),
        1 => check_article(&load::parse("f.md", "f".into(), text)),
        2 => {
            if let Ok((articles, _)) = rows::from_csv(&text, "f", "f.csv") {
                articles.iter().for_each(check_article);
            }
        }
        3 => rows::from_json_lines(&text, "f", "f.jsonl")
            .0
            .iter()
            .for_each(check_article),
        _ => {
            let _ = load::briefing::parse(&text);
        }
    }
});

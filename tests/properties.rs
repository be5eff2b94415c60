//! Properties over any input: the loader and the analyser never panic, and
//! every offset they print lies on a character boundary inside the text.

use briefing::analyse::analyse;
use briefing::analyse::text::Document;
use briefing::load::decode::decode;
use briefing::load::{Article, Meta};
use briefing::span::Span;
use proptest::prelude::*;

fn check(text: &str, span: Span, what: &str) {
    assert!(
        span.fits(text),
        "{what}: {span:?} is reversed, past the end ({}) or splits a character",
        text.len()
    );
}

fn check_all(text: &str) {
    let analysis = analyse(text);
    for s in &analysis.sentences {
        check(text, *s, "sentence");
    }
    for e in &analysis.entities {
        for m in &e.mentions {
            check(text, *m, "mention");
        }
        for r in &e.references {
            check(text, r.span, "reference");
        }
    }
    for q in &analysis.quotes {
        check(text, q.span, "quote");
        if let Some(m) = q.speaker_mention {
            check(text, m, "speaker");
        }
        if let Some(i) = q.speaker {
            assert!(i < analysis.entities.len(), "speaker index in range");
        }
    }
    for e in &analysis.events {
        check(text, e.span, "event");
        assert!(
            e.actors.iter().all(|&i| i < analysis.entities.len()),
            "actor index in range"
        );
    }
    let article = Article::from_text(
        "p".into(),
        "p.txt".into(),
        text.to_string(),
        Meta::default(),
    );
    for s in &article.sections {
        check(text, s.span, "section");
    }
}

/// Text that looks like news often enough to reach the deeper rules.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Putin".to_string()),
        Just("Mr.".to_string()),
        Just("said".to_string()),
        Just("\"".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{201D}".to_string()),
        Just("U.S.".to_string()),
        Just("'s".to_string()),
        Just("he".to_string()),
        Just("President".to_string()),
        Just("visited".to_string()),
        Just("North Korea".to_string()),
        Just("on Wednesday".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{1b}[31m".to_string()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(word, 0..80).prop_map(|w| w.join(" "))
}

/// Text dense in apostrophes, initials and hyphens, glued without spaces.
fn apostrophes() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kim"),
        Just("'"),
        Just("\u{2019}"),
        Just("s"),
        Just("S"),
        Just("U.S."),
        Just("."),
        Just(" "),
        Just("-"),
        Just("based"),
        Just("\n"),
        Just("O'Brien"),
        Just("\""),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gives_valid_offsets(text in "\\PC{0,400}") {
        check_all(&text);
    }

    #[test]
    fn newsy_text_gives_valid_offsets(text in newsy()) {
        check_all(&text);
    }

    #[test]
    fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok((text, _)) = decode(&bytes) {
            prop_assert!(!text.contains('\r'));
            check_all(&text);
        }
    }

    #[test]
    fn possessives_split_afterwards_as_when_cut(text in apostrophes()) {
        let cut = Document::with_possessives_split(&text);
        let doc = Document::new(&text);
        let split = doc.possessives_split();
        let split = split.as_ref().unwrap_or(&doc);
        prop_assert_eq!(&split.tokens, &cut.tokens);
        prop_assert_eq!(&split.sentences, &cut.sentences);
    }
}

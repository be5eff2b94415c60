//! Any string through the analyser: nothing may panic, every offset lies on a
//! character boundary inside the text, and every index points at an entity.

#![no_main]

use briefing::analyse::analyse;
use briefing::span::Span;
use libfuzzer_sys::fuzz_target;

fn check(text: &str, span: Span, what: &str) {
    assert!(
        span.fits(text),
        "{what} {span:?} is reversed, past the end ({}) or splits a character",
        text.len()
    );
}

fuzz_target!(|text: &str| {
    let analysis = analyse(text);
    let entities = analysis.entities.len();
    for s in &analysis.sentences {
        check(text, *s, "sentence");
    }
    for e in &analysis.entities {
        e.mentions.iter().for_each(|m| check(text, *m, "mention"));
        e.references
            .iter()
            .for_each(|r| check(text, r.span, "reference"));
        assert!(e.salience.is_finite(), "salience is a number");
    }
    for q in &analysis.quotes {
        check(text, q.span, "quote");
        if let Some(m) = q.speaker_mention {
            check(text, m, "speaker");
        }
        assert!(q.speaker.is_none_or(|i| i < entities), "speaker in range");
    }
    for e in &analysis.events {
        check(text, e.span, "event");
        assert!(e.actors.iter().all(|&i| i < entities), "actor in range");
    }
});

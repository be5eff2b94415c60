//! Name mentions: which spans of the text name a person, organisation or place.
//!
//! Placeholder: runs of capitalised words, all tagged `Other`. Replaced by the
//! real tagger.

use super::text::{Document, TokenKind};
use super::{EntityKind, Mention};
use crate::span::Span;

/// Every name mention in the document, in text order.
pub fn tag(doc: &Document) -> Vec<Mention> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let mut run: Option<Span> = None;
        for i in sentence.tokens.clone().skip(1) {
            let token = doc.tokens[i];
            let capital = token.kind == TokenKind::Word
                && doc.token_text(i).chars().next().is_some_and(char::is_uppercase);
            match (&mut run, capital) {
                (Some(span), true) => span.end = token.span.end,
                (None, true) => run = Some(token.span),
                (Some(span), false) => {
                    out.push(Mention { span: *span, kind: EntityKind::Other });
                    run = None;
                }
                (None, false) => {}
            }
        }
        if let Some(span) = run {
            out.push(Mention { span, kind: EntityKind::Other });
        }
    }
    out
}

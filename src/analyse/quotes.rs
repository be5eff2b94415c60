//! Statements: direct quotes and reported speech, each with its speaker.
//!
//! Placeholder until the statement finder lands.

use super::text::Document;
use super::{Entity, Quote};

/// Every statement in the document, in text order.
pub fn find(_doc: &Document, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}

//! Events: who did what to whom, where and when.
//!
//! Placeholder until the event finder lands.

use super::text::Document;
use super::{Entity, Event};

/// Every event in the document, in text order.
pub fn find(_doc: &Document, _entities: &[Entity]) -> Vec<Event> {
    Vec::new()
}

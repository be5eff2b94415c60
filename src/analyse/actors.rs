//! Actors: name mentions merged into one entity per real-world actor, with
//! roles, references and salience.
//!
//! Placeholder: mentions with the same text become one entity.

use super::text::Document;
use super::{Analysis, Entity, Mention};

/// Merge mentions into entities (in order of first mention).
pub fn resolve(doc: &Document, mentions: &[Mention]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    for mention in mentions {
        let name = mention.span.of(doc.text);
        match entities.iter_mut().find(|e| e.name == name) {
            Some(entity) => entity.mentions.push(mention.span),
            None => entities.push(Entity {
                name: name.to_string(),
                kind: mention.kind,
                role: None,
                mentions: vec![mention.span],
                references: Vec::new(),
                salience: 0.0,
            }),
        }
    }
    entities
}

/// Score salience, sort entities by it and renumber every index into them.
pub fn rank(_doc: &Document, analysis: &mut Analysis) {
    for entity in &mut analysis.entities {
        entity.salience = entity.mentions.len() as f32;
    }
    let mut order: Vec<usize> = (0..analysis.entities.len()).collect();
    order.sort_by(|&a, &b| {
        analysis.entities[b]
            .salience
            .total_cmp(&analysis.entities[a].salience)
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut entities: Vec<Option<Entity>> = analysis.entities.drain(..).map(Some).collect();
    analysis.entities = order
        .iter()
        .filter_map(|&old| entities[old].take())
        .collect();
    for quote in &mut analysis.quotes {
        quote.speaker = quote.speaker.map(|i| new_index[i]);
    }
    for event in &mut analysis.events {
        for actor in &mut event.actors {
            *actor = new_index[*actor];
        }
    }
}

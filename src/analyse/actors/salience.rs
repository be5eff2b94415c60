//! Salience: how central each actor is to the story, and the order it gives.

use crate::analyse::text::Document;
use crate::analyse::{Analysis, Entity};

/// Score salience, sort entities by it and renumber every index into them.
///
/// A mention in the headline counts most, then one in the lede (the first
/// paragraph after it), then any mention, reference or quote spoken.
pub fn rank(doc: &Document, analysis: &mut Analysis) {
    let headline = doc.paragraphs.first().copied().unwrap_or_default();
    let lede = doc.paragraphs.get(1).copied().unwrap_or_default();
    let mut spoken = vec![0usize; analysis.entities.len()];
    for quote in &analysis.quotes {
        if let Some(count) = quote.speaker.and_then(|i| spoken.get_mut(i)) {
            *count += 1;
        }
    }
    for (entity, said) in analysis.entities.iter_mut().zip(&spoken) {
        let spans = entity
            .mentions
            .iter()
            .copied()
            .chain(entity.references.iter().map(|r| r.span));
        let (mut top, mut lead) = (0usize, 0usize);
        for span in spans {
            top += usize::from(headline.contains(span));
            lead += usize::from(lede.contains(span));
        }
        entity.salience = 4.0 * top.min(2) as f32
            + 2.0 * lead.min(3) as f32
            + entity.mentions.len() as f32
            + 0.5 * entity.references.len() as f32
            + 1.5 * *said as f32;
    }
    let first_mention = |e: &Entity| e.mentions.first().map_or(usize::MAX, |s| s.start);
    let mut order: Vec<usize> = (0..analysis.entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&analysis.entities[a], &analysis.entities[b]);
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| first_mention(a).cmp(&first_mention(b)))
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
    // An index that points nowhere is dropped rather than left pointing at
    // whichever entity lands there.
    for quote in &mut analysis.quotes {
        quote.speaker = quote.speaker.and_then(|i| new_index.get(i).copied());
    }
    for event in &mut analysis.events {
        event.actors = event
            .actors
            .iter()
            .filter_map(|&i| new_index.get(i).copied())
            .collect();
    }
}

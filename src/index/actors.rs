//! Actors across a briefing: every story an actor appears in, and what it said
//! there, under one name ("Putin" in one story is "Vladimir Putin" in another).

use std::collections::HashMap;

use rayon::prelude::*;

use crate::analyse::{EntityKind, Quote};
use crate::story::Story;

/// The key under which names of one actor meet: lower-cased, with dots,
/// hyphens and a possessive "'s" gone and spaces collapsed
/// ("Kim Jong-un" and "kim jong un" meet).
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let trimmed = name
        .trim()
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches(['\'', '’']);
    for word in trimmed.split(|c: char| c.is_whitespace() || c == '-' || c == '.') {
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}

/// Whether a lone surname of kind `short` may stand for a full name of kind
/// `full`: places and organisations never merge with people.
fn kinds_agree(short: EntityKind, full: EntityKind) -> bool {
    short == full || short == EntityKind::Other || full == EntityKind::Other
}

/// Whether names of this kind can be shortened to their last word.
fn has_surname(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Person | EntityKind::Other)
}

/// Where an actor appears: one entity of one story.
#[derive(Debug, Clone, PartialEq)]
pub struct Appearance {
    /// Index of the story in the briefing.
    pub story: usize,
    /// Index into that story's `analysis.entities`.
    pub entity: usize,
    /// Indices into that story's `analysis.quotes` spoken by this entity.
    pub statements: Vec<usize>,
}

/// One real-world actor of the briefing with every story it appears in.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Its fullest name as a story spells it.
    pub name: String,
    /// What it is, as the first story that names it in full says.
    pub kind: EntityKind,
    /// Every appearance, in story order.
    pub appearances: Vec<Appearance>,
    /// Its salience summed over the stories, for ordering.
    pub salience: f32,
}

/// Every actor of a briefing, so the reader can jump from an actor to all the
/// stories that mention it and everything it said in them.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    actors: Vec<Actor>,
    by_key: HashMap<String, usize>,
    of_entity: Vec<Vec<usize>>,
}

impl ActorIndex {
    /// Index the actors of `stories`, merging a lone surname into the one full
    /// name of the briefing that ends with it.
    pub fn build(stories: &[Story]) -> Self {
        let keys: Vec<Vec<String>> = stories
            .par_iter()
            .map(|s| {
                s.analysis
                    .entities
                    .iter()
                    .map(|e| name_key(&e.name))
                    .collect()
            })
            .collect();

        // The first kind and spelling seen under each key.
        let mut seen: HashMap<&str, (EntityKind, &str)> = HashMap::new();
        for (story, story_keys) in stories.iter().zip(&keys) {
            for (entity, key) in story.analysis.entities.iter().zip(story_keys) {
                if !key.is_empty() {
                    seen.entry(key).or_insert((entity.kind, &entity.name));
                }
            }
        }

        // Surname → the full names ending with it (None when several do).
        let mut full_names: HashMap<&str, Option<&str>> = HashMap::new();
        for (&key, &(kind, _)) in &seen {
            if let Some((_, last)) = key.rsplit_once(' ')
                && has_surname(kind)
            {
                full_names
                    .entry(last)
                    .and_modify(|v| *v = None)
                    .or_insert(Some(key));
            }
        }
        let canonical = |key: &str| -> String {
            let Some(&(kind, _)) = seen.get(key) else {
                return key.to_string();
            };
            if key.contains(' ') || !has_surname(kind) {
                return key.to_string();
            }
            match full_names.get(key) {
                Some(Some(full)) if seen.get(full).is_some_and(|&(k, _)| kinds_agree(kind, k)) => {
                    (*full).to_string()
                }
                _ => key.to_string(),
            }
        };

        let mut index = ActorIndex::default();
        let mut id_of_canonical: HashMap<String, usize> = HashMap::new();
        for (story_index, (story, story_keys)) in stories.iter().zip(&keys).enumerate() {
            let analysis = &story.analysis;
            let mut ids = Vec::with_capacity(story_keys.len());
            for (entity_index, (entity, key)) in
                analysis.entities.iter().zip(story_keys).enumerate()
            {
                if key.is_empty() {
                    ids.push(usize::MAX);
                    continue;
                }
                let full = canonical(key);
                let id = *id_of_canonical.entry(full.clone()).or_insert_with(|| {
                    let (kind, name) = seen
                        .get(full.as_str())
                        .copied()
                        .unwrap_or((entity.kind, &entity.name));
                    index.actors.push(Actor {
                        name: name.to_string(),
                        kind,
                        appearances: Vec::new(),
                        salience: 0.0,
                    });
                    index.actors.len() - 1
                });
                index.by_key.entry(key.clone()).or_insert(id);
                index.by_key.entry(full).or_insert(id);
                let statements = analysis
                    .quotes
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.speaker == Some(entity_index))
                    .map(|(i, _)| i)
                    .collect();
                let actor = &mut index.actors[id];
                actor.salience += entity.salience.max(0.0);
                actor.appearances.push(Appearance {
                    story: story_index,
                    entity: entity_index,
                    statements,
                });
                ids.push(id);
            }
            index.of_entity.push(ids);
        }
        index.sort();
        index
    }

    /// Most widespread actors first: by stories, then salience, then name.
    fn sort(&mut self) {
        let mut order: Vec<usize> = (0..self.actors.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.actors[a], &self.actors[b]);
            story_count(y)
                .cmp(&story_count(x))
                .then(y.salience.total_cmp(&x.salience))
                .then_with(|| x.name.cmp(&y.name))
        });
        let mut new_id = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = new;
        }
        let mut actors: Vec<Option<Actor>> = self.actors.drain(..).map(Some).collect();
        self.actors = order.iter().filter_map(|&old| actors[old].take()).collect();
        for id in self.by_key.values_mut() {
            *id = new_id[*id];
        }
        for id in self.of_entity.iter_mut().flatten() {
            if *id != usize::MAX {
                *id = new_id[*id];
            }
        }
    }

    /// Every actor, most widespread first.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor a name stands for, by any of its spellings in the briefing
    /// ("Putin", "vladimir putin", "Vladimir Putin").
    pub fn get(&self, name: &str) -> Option<&Actor> {
        self.id(name).map(|id| &self.actors[id])
    }

    /// Position in [`ActorIndex::actors`] of the actor a name stands for.
    pub fn id(&self, name: &str) -> Option<usize> {
        self.by_key.get(&name_key(name)).copied()
    }

    /// The actor that entity `entity` of story `story` was merged into.
    pub fn actor_of(&self, story: usize, entity: usize) -> Option<usize> {
        self.of_entity
            .get(story)
            .and_then(|ids| ids.get(entity))
            .copied()
            .filter(|&id| id != usize::MAX)
    }

    /// The stories an actor appears in, in briefing order.
    pub fn stories_of(&self, name: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .get(name)
            .map(|a| a.appearances.iter().map(|p| p.story).collect())
            .unwrap_or_default();
        out.dedup();
        out
    }

    /// Everything the actor said across the briefing: (story index, quote),
    /// in story order, then text order.
    pub fn statements<'s>(&self, name: &str, stories: &'s [Story]) -> Vec<(usize, &'s Quote)> {
        let Some(actor) = self.get(name) else {
            return Vec::new();
        };
        actor
            .appearances
            .iter()
            .flat_map(|p| {
                let quotes = stories.get(p.story).map(|s| &s.analysis.quotes);
                p.statements.iter().filter_map(move |&q| {
                    quotes
                        .and_then(|qs| qs.get(q))
                        .map(|quote| (p.story, quote))
                })
            })
            .collect()
    }
}

fn story_count(actor: &Actor) -> usize {
    let mut count = 0;
    let mut last = usize::MAX;
    for p in &actor.appearances {
        if p.story != last {
            count += 1;
            last = p.story;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{Analysis, Entity};
    use crate::load::{Article, Meta};
    use crate::span::Span;

    fn entity(name: &str, kind: EntityKind, salience: f32) -> Entity {
        Entity {
            name: name.into(),
            kind,
            role: None,
            mentions: Vec::new(),
            references: Vec::new(),
            salience,
        }
    }

    fn story(entities: Vec<Entity>, quotes: Vec<Quote>) -> Story {
        Story {
            article: Article::from_text(
                "x".into(),
                "x".into(),
                "Title\nBody.".into(),
                Meta::default(),
            ),
            analysis: Analysis {
                entities,
                quotes,
                ..Analysis::default()
            },
            related: Vec::new(),
        }
    }

    fn quote(text: &str, speaker: usize) -> Quote {
        Quote {
            span: Span::new(0, 1),
            text: text.into(),
            speaker: Some(speaker),
            speaker_mention: None,
            cue: None,
            direct: true,
        }
    }

    #[test]
    fn names_meet_under_one_key() {
        assert_eq!(name_key("Kim Jong-un"), "kim jong un");
        assert_eq!(name_key("  Vladimir  Putin's "), "vladimir putin");
        assert_eq!(name_key("U.S."), "u s");
        assert_eq!(name_key(""), "");
    }

    #[test]
    fn a_surname_merges_into_the_one_full_name() {
        let stories = vec![
            story(
                vec![entity("Vladimir Putin", EntityKind::Person, 3.0)],
                vec![quote("a", 0)],
            ),
            story(
                vec![
                    entity("Kim Jong Un", EntityKind::Person, 2.0),
                    entity("Putin", EntityKind::Person, 1.0),
                ],
                vec![quote("b", 1), quote("c", 0)],
            ),
            story(vec![entity("Russia", EntityKind::Place, 1.0)], Vec::new()),
        ];
        let index = ActorIndex::build(&stories);
        let putin = index.get("putin").map(|a| a.name.as_str());
        assert_eq!(putin, Some("Vladimir Putin"));
        assert_eq!(index.actors()[0].name, "Vladimir Putin");
        assert_eq!(index.stories_of("Putin"), [0, 1]);
        let said: Vec<(usize, &str)> = index
            .statements("Vladimir Putin", &stories)
            .into_iter()
            .map(|(s, q)| (s, q.text.as_str()))
            .collect();
        assert_eq!(said, [(0, "a"), (1, "b")]);
        assert_eq!(index.actor_of(1, 1), index.id("Vladimir Putin"));
        assert_eq!(index.stories_of("Kim Jong-un"), [1]);
        assert!(index.get("Medvedev").is_none());
    }

    #[test]
    fn an_ambiguous_surname_or_a_place_stays_apart() {
        let stories = vec![
            story(
                vec![
                    entity("Anna Berg", EntityKind::Person, 1.0),
                    entity("Erik Berg", EntityKind::Person, 1.0),
                ],
                Vec::new(),
            ),
            story(
                vec![
                    entity("Berg", EntityKind::Person, 1.0),
                    entity("North Korea", EntityKind::Place, 1.0),
                    entity("Korea", EntityKind::Place, 1.0),
                ],
                Vec::new(),
            ),
        ];
        let index = ActorIndex::build(&stories);
        assert_eq!(index.get("Berg").map(|a| a.name.as_str()), Some("Berg"));
        assert_eq!(index.get("Korea").map(|a| a.name.as_str()), Some("Korea"));
        assert_eq!(index.actors().len(), 5);
    }
}

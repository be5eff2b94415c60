//! Merging repaired mentions into entities: same name, surname and full
//! name, acronym and what it stands for; then name, kind and role.

use super::lexicon::{FastMap, lexicon};
use super::{Entity, Named};
use crate::analyse::EntityKind;
use crate::analyse::text::Document;
use std::hint::select_unpredictable;

/// Last words that make a name a place or building, not a person
/// ("Kim Il Sung Square" is not "Kim").
const FACILITIES: &[&str] = &[
    "square",
    "street",
    "avenue",
    "road",
    "airport",
    "university",
    "stadium",
    "palace",
    "bridge",
    "river",
    "island",
    "hall",
    "park",
    "centre",
    "center",
    "hospital",
    "station",
    "tower",
    "port",
    "mountain",
    "mountains",
    "lake",
    "sea",
    "ocean",
    "bay",
    "valley",
    "school",
    "college",
];

/// Words an acronym skips ("North Atlantic Treaty Organization of …").
const ACRONYM_SKIPS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le",
];

/// Mentions with the same key, with the votes and facts merging needs.
struct Group {
    /// Index of its first mention.
    first: usize,
    /// Number of words in the key.
    words: usize,
    /// Votes per kind: person, organisation, place, other.
    votes: [u32; 4],
    /// Whether it looks like a person's name (kind, title or first name).
    person: bool,
    /// The winner of its votes, once they are all in.
    kind: EntityKind,
}

fn vote_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Other => 3,
    }
}

/// The winning kind of some votes: the most votes other than `Other`,
/// ties going to the kind listed first.
fn winner(votes: &[u32; 4]) -> EntityKind {
    const KINDS: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];
    let mut best = (0, EntityKind::Other);
    for kind in KINDS {
        let count = votes[vote_index(kind)];
        if count > best.0 {
            best = (count, kind);
        }
    }
    best.1
}

/// Whether two kinds can name the same actor (`Other` goes with anything).
fn compatible(a: EntityKind, b: EntityKind) -> bool {
    a == b || a == EntityKind::Other || b == EntityKind::Other
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The candidate whose first mention comes last before `before`, else the
/// first one; `None` when there is no candidate.
fn nearest(
    groups: &[Group],
    named: &[Named],
    candidates: impl Iterator<Item = usize> + Clone,
    before: usize,
) -> Option<usize> {
    let start = |g: usize| named[groups[g].first].span.start;
    candidates
        .clone()
        .filter(|&g| start(g) < before)
        .max_by_key(|&g| start(g))
        .or_else(|| candidates.min_by_key(|&g| start(g)))
}

/// Lists of groups sharing a word, kept as chains through one vector so
/// that a word seen once costs no allocation of its own.
struct Chains<K> {
    /// The last group added for each word.
    heads: FastMap<K, usize>,
    /// Per group: the group added before it for the same word, or `usize::MAX`.
    next: Vec<usize>,
}

impl<K: std::hash::Hash + Eq> Chains<K> {
    /// Chains for `groups` groups, with room for `words` distinct words
    /// (the table is sized once, not grown one rehash at a time).
    fn new(groups: usize, words: usize) -> Self {
        Self {
            heads: FastMap::with_capacity_and_hasher(words, Default::default()),
            next: vec![usize::MAX; groups],
        }
    }

    /// Add group `g` under `word`; a group is added under one word at most.
    fn push(&mut self, word: K, g: usize) {
        let head = self.heads.entry(word).or_insert(usize::MAX);
        self.next[g] = *head;
        *head = g;
    }

    /// The groups added under `word`, latest first.
    fn get<Q>(&self, word: &Q) -> impl Iterator<Item = usize> + Clone + '_
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let head = self.heads.get(word).copied();
        std::iter::successors(head, |&g| Some(self.next[g]).filter(|&n| n != usize::MAX))
    }
}

/// The first word of a key (words are joined by single spaces).
fn first_word(key: &str) -> &str {
    let bytes = key.as_bytes();
    bytes
        .iter()
        .position(|&b| b == b' ')
        .map_or(key, |space| &key[..space])
}

/// The last word of a key (words are joined by single spaces).
fn last_word(key: &str) -> &str {
    let bytes = key.as_bytes();
    bytes
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(key, |space| &key[space + 1..])
}

/// Whether a role describes an organisation ("state news agency").
fn organisation_role(role: &str) -> bool {
    role.split_whitespace()
        .last()
        .is_some_and(|w| lexicon().class_of(w).organization())
}

/// Merge mentions into entities in order of first mention (`keys` holds
/// their keys); also returns the entity index of each mention.
pub(super) fn merge(
    doc: &Document,
    named: &[Named],
    keys: &str,
    links: &[(usize, usize)],
) -> (Vec<Entity>, Vec<usize>) {
    let lex = lexicon();
    // Each distinct key once, so later steps index vectors instead of hashing.
    let mut key_ids: FastMap<&str, usize> = FastMap::default();
    key_ids.reserve(named.len());
    let key_of_named: Vec<usize> = named
        .iter()
        .map(|n| {
            let next = key_ids.len();
            *key_ids.entry(n.key.of(keys)).or_insert(next)
        })
        .collect();
    // A name the tagger read as two kinds names two actors ("New York" the
    // team and the city: its second pass already makes a document agree with
    // itself); a mention of no definite kind joins the commoner.
    let mut key_votes: Vec<[u32; 4]> = vec![[0; 4]; key_ids.len()];
    for (n, &k) in named.iter().zip(&key_of_named) {
        key_votes[k][vote_index(n.kind)] += 1;
    }
    // Group of each (key, kind), `usize::MAX` until it has one.
    let mut by_key: Vec<[usize; 4]> = vec![[usize::MAX; 4]; key_ids.len()];
    let mut groups: Vec<Group> = Vec::with_capacity(named.len());
    let mut group_of = Vec::with_capacity(named.len());
    for (index, (n, &k)) in named.iter().zip(&key_of_named).enumerate() {
        let kind = match n.kind {
            EntityKind::Other => winner(&key_votes[k]),
            kind => kind,
        };
        let slot = &mut by_key[k][vote_index(kind)];
        if *slot == usize::MAX {
            groups.push(Group {
                first: index,
                words: n.last - n.first + 1,
                votes: [0; 4],
                person: false,
                kind: EntityKind::Other,
            });
            *slot = groups.len() - 1;
        }
        let g = *slot;
        let group = &mut groups[g];
        group.votes[vote_index(n.kind)] += 1;
        if !group.person {
            let titled = n.role.is_some_and(|r| !organisation_role(r.of(doc.text)));
            let first_name = n.last > n.first && lex.gender_of(doc.token_text(n.first)).is_some();
            group.person = n.kind == EntityKind::Person || titled || first_name;
        }
        group_of.push(g);
    }
    for group in &mut groups {
        let kind = winner(&group.votes);
        group.kind = kind;
        group.person = kind == EntityKind::Person || (kind == EntityKind::Other && group.person);
    }
    let key_of = |g: usize| named[groups[g].first].key.of(keys);
    // Single-word groups that read as acronyms; only they ask for initials.
    let acronym: Vec<bool> = groups
        .iter()
        .map(|group| {
            group.words == 1 && super::is_acronym(doc.token_text(named[group.first].first))
        })
        .collect();
    // Only the keys of acronyms that are no person are ever looked up by
    // initials, and a document has few: a name's initials are compared with
    // them, not kept in a map of their own.
    let mut acronym_keys: Vec<&str> = (0..groups.len())
        .filter(|&g| acronym[g] && groups[g].kind != EntityKind::Person)
        .map(key_of)
        .collect();
    acronym_keys.sort_unstable();
    acronym_keys.dedup();
    let multi_word = groups.iter().filter(|group| group.words > 1).count();
    let mut by_last: Chains<&str> = Chains::new(groups.len(), multi_word);
    let mut by_first: Chains<&str> = Chains::new(groups.len(), multi_word);
    let mut by_initials: Chains<&str> = Chains::new(groups.len(), acronym_keys.len());
    let mut initials = String::new();
    for (g, _) in groups
        .iter()
        .enumerate()
        .filter(|(_, group)| group.words > 1)
    {
        let key = key_of(g);
        by_first.push(first_word(key), g);
        by_last.push(last_word(key), g);
        if acronym_keys.is_empty() {
            continue;
        }
        initials.clear();
        initials.extend(
            key.split(' ')
                .filter(|w| !ACRONYM_SKIPS.contains(w))
                .filter_map(|w| w.chars().next()),
        );
        if initials.chars().nth(1).is_some()
            && let Ok(found) = acronym_keys.binary_search(&initials.as_str())
        {
            by_initials.push(acronym_keys[found], g);
        }
    }
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    for g in 0..groups.len() {
        let kind = groups[g].kind;
        let start = named[groups[g].first].span.start;
        let key = key_of(g);
        let fits = |c: usize| compatible(kind, groups[c].kind);
        let target = if groups[g].words == 1 {
            let acronym = acronym[g];
            // "UN" is not the end of "Kim Jong Un".
            let person_like = matches!(kind, EntityKind::Person | EntityKind::Other) && !acronym;
            let person = |c: &usize| groups[*c].person && fits(*c);
            let surname = by_last.get(key).filter(person);
            let given = by_first
                .get(key)
                .filter(person)
                .filter(|&c| !FACILITIES.contains(&last_word(key_of(c))));
            let mut acronyms = by_initials
                .get(key)
                .filter(|_| acronym && kind != EntityKind::Person)
                .filter(|&c| fits(c) && !groups[c].person);
            person_like
                .then(|| {
                    nearest(&groups, named, surname, start)
                        .or_else(|| nearest(&groups, named, given, start))
                })
                .flatten()
                .or_else(|| match (acronyms.next(), acronyms.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                })
        } else {
            let last = last_word(key);
            let longer = by_last.get(last).filter(|&c| {
                groups[c].words > groups[g].words
                    && groups[c].person
                    && fits(c)
                    && key_of(c).ends_with(key)
                    && key_of(c).as_bytes()[key_of(c).len() - key.len() - 1] == b' '
            });
            nearest(&groups, named, longer, start)
        };
        if let Some(t) = target {
            let (a, b) = (find(&mut parent, g), find(&mut parent, t));
            parent[a] = b;
        }
    }
    for &(a, b) in links {
        let (a, b) = (
            find(&mut parent, group_of[a]),
            find(&mut parent, group_of[b]),
        );
        parent[a] = b;
    }
    build(doc, named, &groups, &group_of, &mut parent)
}

/// One entity per set of merged groups, in order of first mention.
fn build(
    doc: &Document,
    named: &[Named],
    groups: &[Group],
    group_of: &[usize],
    parent: &mut [usize],
) -> (Vec<Entity>, Vec<usize>) {
    // Entity index of each root group, `usize::MAX` until it has one.
    let mut entity_of_root = vec![usize::MAX; groups.len()];
    let mut counts: Vec<usize> = Vec::with_capacity(groups.len());
    let mut owner = Vec::with_capacity(named.len());
    for &group in group_of {
        let root = find(parent, group);
        if entity_of_root[root] == usize::MAX {
            entity_of_root[root] = counts.len();
            counts.push(0);
        }
        let e = entity_of_root[root];
        counts[e] += 1;
        owner.push(e);
    }
    // Each entity's mentions are allocated once, at their number.
    let mut entities: Vec<Entity> = counts
        .iter()
        .map(|&count| Entity {
            name: String::new(),
            kind: EntityKind::Other,
            role: None,
            mentions: Vec::with_capacity(count),
            references: Vec::new(),
            salience: 0.0,
        })
        .collect();
    let mut votes: Vec<[u32; 4]> = vec![[0; 4]; entities.len()];
    // The mention with the most words, the first of a tie, with its number of
    // words; every entity has a mention of a word or more, so no (0, 0)
    // stays. Which mention wins is no pattern a branch could learn.
    let mut fullest: Vec<(usize, usize)> = vec![(0, 0); entities.len()];
    let words = |i: usize| groups[group_of[i]].words;
    for ((index, n), &e) in named.iter().enumerate().zip(&owner) {
        let entity = &mut entities[e];
        entity.mentions.push(n.span);
        votes[e][vote_index(n.kind)] += 1;
        if entity.role.is_none() {
            entity.role = n.role.map(|r| r.of(doc.text).to_string());
        }
        let mention = (words(index), index);
        fullest[e] = select_unpredictable(mention.0 > fullest[e].0, mention, fullest[e]);
    }
    for (e, entity) in entities.iter_mut().enumerate() {
        entity.name = named[fullest[e].1].span.of(doc.text).to_string();
        entity.kind = winner(&votes[e]);
        // A nationality ("Iranian security forces") stays what it is.
        let demonym = || {
            use crate::analyse::ner::{features::F_DEMONYM, gazetteer::Gazetteer, hash};
            Gazetteer::get().word_flags(hash::word(&entity.name)) & F_DEMONYM != 0
        };
        if let (EntityKind::Other, Some(role)) = (entity.kind, &entity.role)
            && !demonym()
        {
            entity.kind = if organisation_role(role) {
                EntityKind::Organization
            } else {
                EntityKind::Person
            };
        }
    }
    (entities, owner)
}

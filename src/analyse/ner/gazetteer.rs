//! Lists of known names (places, first names, demonyms, organisation words),
//! embedded in the binary and turned into hash sets once.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::hash::{self, IdBuild};
use crate::analyse::text::{Document, TokenKind};

const PLACES: &str = include_str!("../../../assets/data/places.txt");
const FIRST_NAMES: &str = include_str!("../../../assets/data/first_names.txt");
const DEMONYMS: &str = include_str!("../../../assets/data/demonyms.txt");
const ORGS: &str = include_str!("../../../assets/data/orgs.txt");

/// Longest place name, in tokens, that is looked for.
pub const MAX_PHRASE: usize = 5;

/// Hash sets of lower-cased names; multi-word names are hashed token by token.
pub struct Gazetteer {
    places: HashSet<u64, IdBuild>,
    first_names: HashSet<u64, IdBuild>,
    demonyms: HashSet<u64, IdBuild>,
    orgs: HashSet<u64, IdBuild>,
}

/// Fold the next token's word hash into a phrase hash.
#[inline]
pub fn extend(phrase: u64, word: u64) -> u64 {
    hash::mix(phrase, word)
}

fn phrases(list: &str) -> HashSet<u64, IdBuild> {
    let mut set = HashSet::default();
    for line in list.lines().filter(|l| !l.trim().is_empty()) {
        let doc = Document::new(line);
        let words: Vec<u64> = (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].kind != TokenKind::Punct || doc.token_text(i) != ",")
            .map(|i| hash::word(doc.token_text(i)))
            .collect();
        if (1..=MAX_PHRASE).contains(&words.len()) {
            set.insert(words.iter().fold(0, |h, &w| extend(h, w)));
        }
    }
    set
}

fn words(list: &str) -> HashSet<u64, IdBuild> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(hash::word)
        .collect()
}

impl Gazetteer {
    /// The embedded lists, decoded on first use.
    pub fn get() -> &'static Gazetteer {
        static CELL: OnceLock<Gazetteer> = OnceLock::new();
        CELL.get_or_init(|| Gazetteer {
            places: phrases(PLACES),
            first_names: words(FIRST_NAMES),
            demonyms: words(DEMONYMS),
            orgs: words(ORGS),
        })
    }

    /// Whether the phrase hash (see [`extend`]) names a known place.
    pub fn is_place(&self, phrase: u64) -> bool {
        self.places.contains(&phrase)
    }

    /// Whether the word hash is a known first name.
    pub fn is_first_name(&self, word: u64) -> bool {
        self.first_names.contains(&word)
    }

    /// Whether the word hash is a nationality ("Russian", "Kenyans").
    pub fn is_demonym(&self, word: u64) -> bool {
        self.demonyms.contains(&word)
    }

    /// Whether the word often ends or heads an organisation's name ("Corp", "Party").
    pub fn is_org_word(&self, word: u64) -> bool {
        self.orgs.contains(&word)
    }
}

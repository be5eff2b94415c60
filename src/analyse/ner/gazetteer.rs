//! Lists of known names (places, first names, demonyms, organisation words),
//! embedded in the binary and turned into look-up tables
//! ([`super::table::Table`]) once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::features::{
    F_DEMONYM, F_FIRST_NAME, F_ORG_WORD, F_PLACE_ALONE, F_PLACE_HEAD, F_PLACE_START, F_STOP,
    F_TITLE, Flags,
};
use super::hash::{self, IdBuild};
use super::table::Table;
use crate::analyse::text::{Document, TokenKind};

const PLACES: &str = include_str!("../../../assets/data/places.txt");
const FIRST_NAMES: &str = include_str!("../../../assets/data/first_names.txt");
const DEMONYMS: &str = include_str!("../../../assets/data/demonyms.txt");
const ORGS: &str = include_str!("../../../assets/data/orgs.txt");
/// The titles the actors read roles from ("secretary", "minister").
const TITLES: &str = include_str!("../../../assets/data/titles.txt");

/// Longest place name, in tokens, that is looked for.
pub const MAX_PHRASE: usize = 5;

/// Tables of lower-cased names; multi-word names are hashed token by token.
pub struct Gazetteer {
    /// Place names of two words or more ([`WHOLE`]), and every shorter
    /// start of one ([`START`]) but its first word.
    places: Table<u8>,
    /// First names, demonyms, organisation words, titles, function words,
    /// place heads and the first words of place names, as `F_*` flags.
    words: Table<Flags>,
}

/// A phrase that starts a place name.
const START: u8 = 1;

/// A phrase that is a whole place name.
const WHOLE: u8 = 2;

/// Function words that never start a name, however they are capitalised.
const STOP_WORDS: &str = "a about after against all also although an and another any are as at \
    because before both but by during each every for from had has have he her here his how i if \
    in into is it its last many meanwhile more most mr mrs ms my next no not now of on once one \
    or other our over she since so some such than that the their them then there these they this \
    those though to today under until up was we were what when where whether which while who \
    why will with within without would yesterday yet you your";

/// Words that make a place of the name before them ("Kim Il Sung Square").
const PLACE_HEADS: &str = "airport avenue boulevard bridge cathedral mosque palace plaza road \
    square stadium station street";

/// Fold the next token's word hash into a phrase hash.
#[inline]
pub fn extend(phrase: u64, word: u64) -> u64 {
    hash::mix(phrase, word)
}

/// The places of `list`: the starts of two words or more of each place
/// name go in the table made, marked [`WHOLE`] or [`START`]; its first word
/// gets `F_PLACE_START` in `words`, and `F_PLACE_ALONE` if it is a place
/// name alone, so that the many capitalised words that start no place need
/// no look-up in the places table at all.
fn phrases(list: &str, words: &mut HashMap<u64, Flags, IdBuild>) -> Table<u8> {
    let mut set: HashMap<u64, bool, IdBuild> = HashMap::default();
    for line in list.lines().filter(|l| !l.trim().is_empty()) {
        let doc = Document::new(line);
        let hashes: Vec<u64> = (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].kind != TokenKind::Punct || doc.token_text(i) != ",")
            .map(|i| hash::word(doc.token_text(i)))
            .collect();
        let Some((&first, rest)) = hashes.split_first() else {
            continue;
        };
        if hashes.len() > MAX_PHRASE {
            continue;
        }
        let alone = if rest.is_empty() { F_PLACE_ALONE } else { 0 };
        *words.entry(first).or_default() |= F_PLACE_START | alone;
        let mut h = extend(0, first);
        for (n, &w) in rest.iter().enumerate() {
            h = extend(h, w);
            let whole = n + 1 == rest.len();
            *set.entry(h).or_insert(whole) |= whole;
        }
    }
    table(set, |whole| if whole { WHOLE } else { START })
}

/// A [`Table`] of `map`'s entries, values as `value` makes them. The map's
/// keys are hashed once more, as the map itself would.
fn table<T, V: Copy + Default>(map: HashMap<u64, T, IdBuild>, value: impl Fn(T) -> V) -> Table<V> {
    Table::new(
        map.into_iter()
            .map(|(k, v)| (hash::finish(k), value(v)))
            .collect(),
    )
}

fn add_words(map: &mut HashMap<u64, Flags, IdBuild>, list: &str, flag: Flags) {
    for word in list.split_whitespace() {
        *map.entry(hash::word(word)).or_default() |= flag;
    }
}

/// Whether `word` is a function word ("The", "But", "He"): one that never
/// starts a name.
pub fn is_function_word(word: &str) -> bool {
    // Not through [`Gazetteer::get`]: building the gazetteer cuts its place
    // names into sentences, which asks this.
    static WORDS: OnceLock<HashSet<u64, IdBuild>> = OnceLock::new();
    WORDS
        .get_or_init(|| STOP_WORDS.split_whitespace().map(hash::word).collect())
        .contains(&hash::word(word))
}

impl Gazetteer {
    /// The embedded lists, decoded on first use.
    pub fn get() -> &'static Gazetteer {
        static CELL: OnceLock<Gazetteer> = OnceLock::new();
        CELL.get_or_init(|| {
            let mut words = HashMap::default();
            add_words(&mut words, FIRST_NAMES, F_FIRST_NAME);
            add_words(&mut words, DEMONYMS, F_DEMONYM);
            add_words(&mut words, ORGS, F_ORG_WORD);
            add_words(&mut words, STOP_WORDS, F_STOP);
            add_words(&mut words, PLACE_HEADS, F_PLACE_HEAD);
            // One-word titles only ("secretary", not "secretary of state").
            let titles = TITLES
                .lines()
                .filter(|l| !l.starts_with('#') && !l.contains(' '));
            for title in titles {
                *words.entry(hash::word(title.trim())).or_default() |= F_TITLE;
            }
            let places = phrases(PLACES, &mut words);
            Gazetteer {
                places,
                words: table(words, |flags| flags),
            }
        })
    }

    /// Whether the hash of a phrase of two words or more (see [`extend`])
    /// names a known place (`Some(true)`), starts a longer one
    /// (`Some(false)`), or neither. A place's first word is not in this
    /// table: [`Self::word_flags`] tells it (`F_PLACE_START`, `F_PLACE_ALONE`).
    pub fn place(&self, phrase: u64) -> Option<bool> {
        match *self.places.get(hash::finish(phrase)) {
            WHOLE => Some(true),
            START => Some(false),
            _ => None,
        }
    }

    /// The gazetteer flags (`F_FIRST_NAME`, `F_DEMONYM`, `F_ORG_WORD`, `F_STOP`,
    /// `F_PLACE_HEAD`, `F_TITLE`, `F_PLACE_START`, `F_PLACE_ALONE`) of a word hash.
    pub fn word_flags(&self, word: u64) -> Flags {
        *self.words.get(hash::finish(word))
    }
}

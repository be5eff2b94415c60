//! Word lists the actor stage reads: titles, role words, pronouns, genders.
//!
//! They live in `assets/data/` as plain text (one entry a line, `#` comments)
//! so that a linguist can extend them without touching code; they are
//! embedded with `include_str!` and parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Grammatical gender a pronoun or a name implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, him, his; Mr, spokesman, a man's first name.
    Male,
    /// she, her; Mrs, spokeswoman, a woman's first name.
    Female,
}

/// What a third-person pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounClass {
    /// A person of that gender.
    Person(Gender),
    /// An organisation ("they", "their").
    Plural,
}

/// Every list, parsed.
pub struct Lexicon {
    /// One-word titles ("president", "secretary-general").
    heads: HashSet<String>,
    /// Multi-word titles, keyed by their last word ("secretary of state").
    multi: HashMap<String, Vec<Vec<String>>>,
    /// Words that may stand before a head ("former", "state").
    modifiers: HashSet<String>,
    /// Heads that describe an organisation ("agency", "ministry").
    organizations: HashSet<String>,
    /// Words that end a title phrase ("the", "with", "Monday").
    stops: HashSet<String>,
    /// Third-person pronouns.
    pronouns: HashMap<String, PronounClass>,
    /// Honorifics, gendered titles and first names.
    genders: HashMap<String, Gender>,
}

/// Titles that make someone the leader of a country, so "the Russian
/// leader" can refer to the "Russian President".
const LEADERS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "leader",
    "dictator",
    "ruler",
    "monarch",
    "emir",
    "sheikh",
    "ayatollah",
];

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn set(list: &str) -> HashSet<String> {
    entries(list).map(str::to_lowercase).collect()
}

impl Lexicon {
    fn parse() -> Self {
        let mut heads = HashSet::new();
        let mut multi: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let organizations = set(include_str!("../../../assets/data/roles_organizations.txt"));
        let titles = entries(include_str!("../../../assets/data/titles.txt"));
        for title in titles.chain(organizations.iter().map(String::as_str)) {
            let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
            match words.as_slice() {
                [] => {}
                [one] => {
                    heads.insert(one.clone());
                }
                [.., last] => multi.entry(last.clone()).or_default().push(words.clone()),
            }
        }
        let pronouns = entries(include_str!("../../../assets/data/pronouns.txt"))
            .filter_map(|line| {
                let (word, class) = line.split_once(char::is_whitespace)?;
                let class = match class.trim() {
                    "m" => PronounClass::Person(Gender::Male),
                    "f" => PronounClass::Person(Gender::Female),
                    "p" => PronounClass::Plural,
                    _ => return None,
                };
                Some((word.to_lowercase(), class))
            })
            .collect();
        let genders = entries(include_str!("../../../assets/data/pronouns_gender.txt"))
            .filter_map(|line| {
                let (word, gender) = line.split_once(char::is_whitespace)?;
                let gender = match gender.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => return None,
                };
                Some((word.to_lowercase(), gender))
            })
            .collect();
        Self {
            heads,
            multi,
            modifiers: set(include_str!("../../../assets/data/titles_modifiers.txt")),
            organizations,
            stops: set(include_str!("../../../assets/data/roles_stop.txt")),
            pronouns,
            genders,
        }
    }

    /// Whether `word` (lower case) is a one-word title or role noun.
    pub fn is_head(&self, word: &str) -> bool {
        self.heads.contains(word)
    }

    /// Whether `word` (lower case) is a title a person holds ("minister"),
    /// as opposed to a description of an organisation ("agency").
    pub fn is_person_title(&self, word: &str) -> bool {
        self.heads.contains(word) && !self.organizations.contains(word)
    }

    /// Whether `words` (lower case, in text order) end with a multi-word
    /// title; `words` holds the title's last word last.
    pub fn ends_multi(&self, words: &[&str]) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        self.multi.get(*last).is_some_and(|titles| {
            titles.iter().any(|title| {
                title.len() <= words.len()
                    && title
                        .iter()
                        .zip(&words[words.len() - title.len()..])
                        .all(|(a, b)| a == b)
            })
        })
    }

    /// Whether `word` (lower case) may stand inside a title before its head.
    pub fn is_modifier(&self, word: &str) -> bool {
        self.modifiers.contains(word) || self.heads.contains(word)
    }

    /// Whether `word` (lower case) describes an organisation.
    pub fn is_organization(&self, word: &str) -> bool {
        self.organizations.contains(word)
    }

    /// Whether `word` (lower case) ends a title phrase.
    pub fn is_stop(&self, word: &str) -> bool {
        self.stops.contains(word)
    }

    /// What a pronoun (lower case) can refer to, if it is one.
    pub fn pronoun(&self, word: &str) -> Option<PronounClass> {
        self.pronouns.get(word).copied()
    }

    /// The gender a first name, honorific or title (lower case) implies.
    pub fn gender(&self, word: &str) -> Option<Gender> {
        self.genders.get(word).copied()
    }

    /// Whether a title (lower case, words joined by spaces) is a head of state
    /// or government.
    pub fn is_leader(&self, title: &str) -> bool {
        LEADERS.contains(&title)
    }
}

/// The lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

/// A word in the form the lists use: lower case, curly apostrophes straight,
/// a possessive "'s" dropped.
pub fn normalize(word: &str) -> String {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    match lower.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => lower,
    }
}

/// Length in bytes of a possessive ending ("'s", "’s") on `word`, or 0.
pub fn possessive_len(word: &str) -> usize {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            return suffix.len();
        }
    }
    0
}

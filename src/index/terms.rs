//! Terms: an article's text → lower-cased, lightly stemmed content words, the
//! vocabulary every text comparison of the index stage shares.

use std::borrow::Cow;
use std::sync::OnceLock;

/// Words too common in news to tell one story from another.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "came",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "given",
    "go",
    "goes",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "need",
    "never",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "put",
    "quite",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "take",
    "taken",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "way",
    "we",
    "well",
    "went",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Length in bytes of the longest stop word.
const MAX_STOP_WORD_LEN: usize = 10;

/// Slots of the stop-word table (a power of two, several times the list).
const STOP_TABLE_SIZE: usize = 1024;

/// Whether `word` (lower-cased) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    // An open-addressing table of hashes: the hottest test of the index.
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = vec![0; STOP_TABLE_SIZE];
        for word in STOP_WORDS {
            let hash = term_hash(word);
            let mut slot = hash as usize % STOP_TABLE_SIZE;
            while table[slot] != 0 {
                slot = (slot + 1) % STOP_TABLE_SIZE;
            }
            table[slot] = hash;
        }
        table
    });
    if word.len() > MAX_STOP_WORD_LEN {
        return false;
    }
    let hash = term_hash(word);
    let mut slot = hash as usize % STOP_TABLE_SIZE;
    loop {
        match table[slot] {
            0 => return false,
            h if h == hash => return true,
            _ => slot = (slot + 1) % STOP_TABLE_SIZE,
        }
    }
}

/// Words (as stemmed) every kind of story uses, too vague to name as the
/// reason two stories are related.
const GENERIC_WORDS: &[&str] = &[
    "according",
    "added",
    "billion",
    "called",
    "case",
    "chief",
    "country",
    "day",
    "early",
    "end",
    "first",
    "five",
    "former",
    "four",
    "friday",
    "good",
    "government",
    "group",
    "high",
    "know",
    "large",
    "late",
    "later",
    "long",
    "lot",
    "major",
    "million",
    "monday",
    "month",
    "new",
    "number",
    "official",
    "part",
    "people",
    "percent",
    "place",
    "plan",
    "point",
    "public",
    "report",
    "right",
    "saturday",
    "second",
    "set",
    "six",
    "small",
    "statement",
    "sunday",
    "ten",
    "thing",
    "think",
    "three",
    "thursday",
    "time",
    "today",
    "top",
    "tuesday",
    "two",
    "use",
    "used",
    "want",
    "wednesday",
    "week",
    "work",
    "world",
    "year",
    "yesterday",
];

/// Whether a term is vague news vocabulary (see `GENERIC_WORDS`).
pub fn is_generic(term: &str) -> bool {
    GENERIC_WORDS.binary_search(&term).is_ok()
}

/// Light plural stemming (Harman's S-stemmer): "strikes" → "strike",
/// "ferries" → "ferry", "buses" → "buse" — the same story uses both forms.
pub fn stem(word: &str) -> Cow<'_, str> {
    let n = word.len();
    if n < 4 || !word.is_ascii() {
        return Cow::Borrowed(word);
    }
    if word.ends_with("ies") && !word.ends_with("eies") && !word.ends_with("aies") {
        return Cow::Owned(format!("{}y", &word[..n - 3]));
    }
    let keep = word.ends_with("aes") || word.ends_with("ees") || word.ends_with("oes");
    if word.ends_with("es") && !keep {
        return Cow::Borrowed(&word[..n - 1]);
    }
    if word.ends_with('s') && !(word.ends_with("us") || word.ends_with("ss")) {
        return Cow::Borrowed(&word[..n - 1]);
    }
    Cow::Borrowed(word)
}

/// Calls `each(term)` for every content word of `text` in order: lower-cased,
/// stop words, single letters and lone digits dropped, possessive "'s"
/// removed, plurals stemmed. Hyphens and other punctuation split words.
pub fn for_each_term(text: &str, mut each: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut word = String::with_capacity(32);
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii_alphanumeric() {
            word.push(char::from(byte.to_ascii_lowercase()));
            i += 1;
            continue;
        }
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’') && !word.is_empty() {
            // Inner apostrophe: "O'Neill" joins, a possessive "'s" ends the word.
            let next = text[i..].chars().next();
            if matches!(next, Some('s' | 'S'))
                && !text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                i += 1;
                emit(&word, &mut each);
                word.clear();
            } else if !next.is_some_and(char::is_alphanumeric) {
                emit(&word, &mut each);
                word.clear();
            }
        } else if !word.is_empty() {
            emit(&word, &mut each);
            word.clear();
        }
    }
    emit(&word, &mut each);
}

fn emit(word: &str, each: &mut impl FnMut(&str)) {
    if word.len() < 2 || is_stop_word(word) {
        return;
    }
    each(&stem(word));
}

/// A 64-bit FNV-1a hash of a term: the index keys terms by it, so no
/// vocabulary has to be built one word at a time.
pub fn term_hash(term: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in term.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_term(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(GENERIC_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            STOP_WORDS.iter().map(|w| w.len()).max(),
            Some(MAX_STOP_WORD_LEN)
        );
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(!is_stop_word("ferry") && !is_stop_word("strike") && !is_stop_word(""));
    }

    #[test]
    fn words_are_lowered_stemmed_and_filtered() {
        assert_eq!(
            terms("The Ferries' crews said: strikes at Dover's ports, O'Neill's 3 buses in 2024."),
            [
                "ferry", "crew", "strike", "dover", "port", "oneill", "buse", "2024"
            ]
        );
    }

    #[test]
    fn short_and_unicode_words_are_kept_whole() {
        assert_eq!(terms("Gas, Zürich’s bus"), ["gas", "zürich", "bus"]);
    }
}

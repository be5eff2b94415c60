//! Who speaks: the noun phrase around a speech cue, found by the shape of
//! the text alone ("said Lee", "Lee said", "according to Lee", "he told",
//! "the spokesman added"), so it works before any name tagger has run.

use std::cell::Cell;
use std::ops::Range;

use super::lexicon::{self, Cue};
use crate::analyse::text::{Document, TokenKind};
use crate::span::Span;

/// A speaker found next to a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The span naming the speaker (a name, a pronoun or a noun phrase).
    pub mention: Span,
    /// The cue that introduced the statement, when there is one.
    pub cue: Option<Cue>,
}

/// How far a cue may sit after a quote and still introduce it.
const CUE_REACH: usize = 24;
/// The longest lower-case noun phrase taken as a speaker.
const PHRASE_WORDS: usize = 6;

/// Text-shape view of a document for speaker finding.
pub struct Scanner<'d, 't> {
    /// The document.
    pub doc: &'d Document<'t>,
    /// Per token: whether it lies inside quote marks.
    pub quoted: &'d [bool],
    /// Per token: the length in tokens of the speech cue starting there, 0
    /// for none, or [`UNKNOWN`] until first asked.
    pub cues: &'d [Cell<u8>],
}

/// A cue length not worked out yet.
const UNKNOWN: u8 = u8::MAX;

/// An empty per-token cue cache for `doc`, filled as the finders ask.
pub fn cue_cache(doc: &Document) -> Vec<Cell<u8>> {
    vec![Cell::new(UNKNOWN); doc.tokens.len()]
}

impl Scanner<'_, '_> {
    /// The speech cue starting at token `i`, if any.
    pub fn cue(&self, i: usize) -> Option<Cue> {
        let cell = self.cues.get(i)?;
        let mut len = cell.get();
        if len == UNKNOWN {
            len = lexicon::cue_at(self.doc, i).map_or(0, |c| c.len as u8);
            cell.set(len);
        }
        (len > 0).then_some(Cue {
            first: i,
            len: usize::from(len),
        })
    }

    /// Whether token `i` is the one-byte `byte` (",", "."), told without
    /// slicing the text.
    pub fn is_byte(&self, i: usize, byte: u8) -> bool {
        let span = self.doc.tokens[i].span;
        span.end == span.start + 1 && self.doc.text.as_bytes()[span.start] == byte
    }

    fn word(&self, i: usize) -> &str {
        self.doc.token_text(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    fn is_capital(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Whether `mention` reads as a name: capitalised words, not opening
    /// with a determiner or pronoun ("Putin", not "The talks" or "He").
    pub fn is_name(&self, mention: Span) -> bool {
        let mut words = mention.of(self.doc.text).split_whitespace();
        words.next().is_some_and(|first| {
            !lexicon::is_determiner(first)
                && !lexicon::is_pronoun(first)
                && first.starts_with(char::is_uppercase)
        }) && words.all(|w| w.starts_with(char::is_uppercase))
    }

    fn span(&self, first: usize, last: usize) -> Span {
        self.doc.tokens_span(first..last + 1)
    }

    /// A "." glued to a short capitalised word ("Mr.", "Gov.").
    /// Also a dot that cannot end a sentence: before ")", "," or a
    /// lower-case word ("(D-Wis.) said").
    fn is_abbreviation_dot(&self, i: usize) -> bool {
        if i == 0 || self.word(i) != "." {
            return false;
        }
        let glued = self.doc.tokens[i - 1].span.end == self.doc.tokens[i].span.start;
        let short = glued && self.is_capital(i - 1) && self.word(i - 1).len() <= 4;
        let next = self.doc.tokens.get(i + 1).map(|t| t.span.of(self.doc.text));
        let continues =
            next.is_some_and(|n| n == ")" || n == "," || n.starts_with(|c: char| c.is_lowercase()));
        short || continues
    }

    /// The first cue in `floor..end`, outside quotes: in "Lee said the
    /// aide thinks “…”" the statement is Lee's.
    pub fn cue_before(&self, end: usize, floor: usize) -> Option<Cue> {
        (floor..end)
            .filter(|&i| !self.quoted[i])
            .find_map(|i| self.cue(i))
    }

    /// Where the clause holding token `at` starts: after the last full stop
    /// outside quotes, not below `floor`.
    pub fn clause_start(&self, at: usize, floor: usize) -> usize {
        (floor..at)
            .rev()
            .find(|&i| {
                !self.quoted[i]
                    && matches!(self.word(i), "." | "?" | "!")
                    && !self.is_abbreviation_dot(i)
            })
            .map_or(floor, |i| i + 1)
    }

    /// The subject of the main clause in `from..to`: the first piece
    /// (between commas, colons and dashes) that opens with a name, pronoun or
    /// noun phrase rather than a preposition or participle. Leading "But",
    /// "And" are stepped over; short pieces ended by a dash are datelines.
    pub fn clause_subject(&self, from: usize, to: usize) -> Option<Span> {
        let mut start = from;
        while start < to {
            let end = (start..to)
                .find(|&i| {
                    !self.quoted[i] && matches!(self.word(i), "," | ":" | ";" | "—" | "–" | "―")
                })
                .unwrap_or(to);
            let dateline =
                end < to && end - start <= 8 && matches!(self.word(end), "—" | "–" | "―");
            let mut i = start;
            while i < end && self.is_word(i) && lexicon::is_conjunction(self.word(i)) {
                i += 1;
            }
            if i < end && !dateline && !self.quoted[i] && self.is_word(i) {
                let w = self.word(i);
                // "LONDON (Reuters)", not "US Secretary of State".
                let shouting = w.len() > 1
                    && !w.chars().any(char::is_lowercase)
                    && !(i + 1 < end
                        && self.is_capital(i + 1)
                        && self.word(i + 1).chars().any(char::is_lowercase));
                let adverbial = (lexicon::is_closed_class(w) && !lexicon::is_determiner(w))
                    || (w.ends_with("ing") && !lexicon::is_pronoun(w))
                    || w.ends_with("ly")
                    || shouting;
                let titled = (i + 1..end.min(i + 3)).any(|n| self.is_capital(n))
                    && (i + 1..end.min(i + 3))
                        .all(|n| self.is_word(n) || self.is_abbreviation_dot(n));
                let nominal = lexicon::is_pronoun(w)
                    || self.is_capital(i)
                    || lexicon::is_determiner(w)
                    || titled;
                if nominal && !adverbial {
                    return self.phrase_after(i, end);
                }
            }
            start = end + 1;
        }
        None
    }

    /// The speaker after a quote that ends at token `after - 1`: "…,” said
    /// Lee", "…,” Lee said", "…,” Lee, the mayor, added", "…” ― Lee".
    pub fn after_quote(&self, after: usize, limit: usize) -> Option<Attribution> {
        let mut k = after;
        while k < limit && self.word(k) == "," {
            k += 1;
        }
        if k >= limit {
            return None;
        }
        if k + 1 < limit && matches!(self.word(k), "―" | "—" | "–" | "-") && self.is_capital(k + 1)
        {
            let mention = self.phrase_after(k + 1, limit)?;
            return Some(Attribution { mention, cue: None });
        }
        if let Some(cue) = self.cue(k) {
            if lexicon::is_participle(self.doc, cue) {
                return None;
            }
            let mention = self.phrase_after(cue.end(), limit)?;
            return Some(Attribution {
                mention,
                cue: Some(cue),
            });
        }
        let subject_start = self.doc.tokens[k].span.start;
        let reach = limit.min(k + CUE_REACH);
        for c in k..reach {
            if self.doc.tokens[c].kind == TokenKind::Quote
                || (matches!(self.word(c), "." | ";" | "?" | "!") && !self.is_abbreviation_dot(c))
            {
                break;
            }
            let Some(cue) = self.cue(c) else {
                continue;
            };
            if lexicon::is_according(self.doc, cue) {
                break;
            }
            let mention = if c > k && self.word(c - 1) == "," {
                self.clause_subject(k, c)
            } else {
                self.phrase_before(c, k)
            };
            // "…,” campaign spokeswoman Ann Lee said": the title joins the
            // name. "…,” while Lee said …" opens a statement of its own.
            let mention = mention.filter(|m| {
                let named = m.of(self.doc.text).starts_with(|c: char| c.is_uppercase());
                let title = |i: usize| {
                    let w = self.word(i);
                    self.is_abbreviation_dot(i)
                        || (self.is_word(i)
                            && !lexicon::is_pronoun(w)
                            && !matches!(w, "which" | "who" | "that" | "when" | "where")
                            && !opens_clause(w)
                            && (!lexicon::is_closed_class(w) || matches!(w, "of" | "the")))
                };
                let before: Vec<usize> = (k..c)
                    .take_while(|&i| self.doc.tokens[i].span.start < m.start)
                    .collect();
                before.is_empty() || (named && before.iter().all(|&i| title(i)))
            });
            if let Some(mention) = mention.map(|m| Span::new(subject_start, m.end)) {
                return Some(Attribution {
                    mention,
                    cue: Some(cue),
                });
            }
            break;
        }
        // "…,” Lee demanded": a name and a verb-looking word, off the list.
        let mention = self.phrase_after(k, limit)?;
        let next = (k..limit).find(|&i| self.doc.tokens[i].span.start >= mention.end)?;
        let verb = self.word(next);
        let named = self.is_capital(k)
            || lexicon::is_pronoun(self.word(k))
            || lexicon::is_determiner(self.word(k));
        let verb_like = self.is_word(next)
            && verb.starts_with(|c: char| c.is_lowercase())
            && (verb.ends_with("ed") || verb.ends_with('s'))
            && !lexicon::is_closed_class(verb);
        (named && verb_like).then_some(Attribution { mention, cue: None })
    }

    /// The speaker before a quote opening at token `open`, within `sentence`:
    /// "Lee said: “…”", "according to Lee, “…”", "Lee called it “a mess”".
    pub fn before_quote(&self, open: usize, sentence: Range<usize>) -> Option<Attribution> {
        // "Lee told reporters: “…”" — a cue just before the quote wins.
        let near = sentence.start.max(open.saturating_sub(4));
        let immediate = (near..open)
            .rev()
            .filter(|&i| !self.quoted[i])
            .find_map(|i| self.cue(i))
            .filter(|c| {
                (c.end()..open).all(|i| {
                    matches!(self.word(i), "," | ":") || !self.is_capital(i) && self.is_word(i)
                })
            });
        let mut cue = immediate.or_else(|| self.cue_before(open, sentence.start))?;
        loop {
            let later = self.cue_before(open, cue.end());
            match self.cue_subject(cue, sentence.start, open, later.is_some()) {
                Some(mention) => {
                    return Some(Attribution {
                        mention,
                        cue: Some(cue),
                    });
                }
                None => cue = later?,
            }
        }
    }

    /// The speaker of a cue found before a quote; with `more` cues to try,
    /// a participle in an opening phrase ("In a statement announcing …,")
    /// gives up rather than guess.
    fn cue_subject(&self, cue: Cue, floor: usize, open: usize, more: bool) -> Option<Span> {
        let before = cue
            .first
            .checked_sub(1)
            .filter(|&b| b >= floor)
            .map(|b| self.word(b));
        let coordinated = before.is_some_and(|w| matches!(w, "and" | "but" | "," | "then"));
        // "described by Lee as …": the agent after "by" speaks.
        if cue.end() + 1 < open
            && self.word(cue.end()) == "by"
            && let Some(agent) = self.phrase_after(cue.end() + 1, open)
        {
            return Some(agent);
        }
        if lexicon::is_according(self.doc, cue) {
            return self.phrase_after(cue.end(), open);
        }
        let subject = self.phrase_before(cue.first, floor);
        // "X condemned what he called …": the statement is X's.
        let what = subject
            .and_then(|m| (floor..cue.first).find(|&i| self.doc.tokens[i].span.start >= m.start))
            .filter(|&first| first > floor && matches!(self.word(first - 1), "what" | "which"));
        if let Some(first) = what {
            return self.clause_subject(floor, first - 1).or(subject);
        }
        if lexicon::is_participle(self.doc, cue) && !coordinated {
            // "Lee saying …" names the speaker; "a statement saying …" does not.
            let named = subject.filter(|m| {
                m.of(self.doc.text).starts_with(|c: char| c.is_uppercase())
                    || lexicon::is_pronoun(m.of(self.doc.text))
            });
            let found = named.or_else(|| self.clause_subject(floor, cue.first));
            return if more { found } else { found.or(subject) };
        }
        if coordinated {
            let clause = self.clause_subject(floor, cue.first);
            // "The party's leader, Lee, said": the name in the aside.
            if clause.is_none_or(|c| !self.is_name(c))
                && let Some(aside) = self.aside_name(floor, cue.first - 1)
            {
                return Some(aside);
            }
            return clause.or(subject);
        }
        subject.or_else(|| self.clause_subject(floor, cue.first))
    }

    /// The name between two commas, the second at token `comma`: "The
    /// party's leader, Lee Kim, said". Not reaching below `floor`.
    fn aside_name(&self, floor: usize, comma: usize) -> Option<Span> {
        if self.word(comma) != "," {
            return None;
        }
        let from = floor.max(comma.saturating_sub(6));
        let open = (from..comma).rev().find(|&i| self.word(i) == ",")?;
        let words = open + 1..comma;
        let capitalised = !words.is_empty()
            && words
                .clone()
                .all(|i| self.is_capital(i) || self.is_abbreviation_dot(i));
        let aside = self.span(open + 1, comma - 1);
        (capitalised && self.is_name(aside)).then_some(aside)
    }

    /// The noun phrase that ends just before token `end` (the subject of a
    /// cue), not reaching below `floor`.
    pub fn phrase_before(&self, end: usize, floor: usize) -> Option<Span> {
        let mut j = end.checked_sub(1)?;
        while j > floor && self.is_word(j) && lexicon::is_skippable(self.word(j)) {
            j -= 1;
        }
        if j < floor || self.quoted[j] {
            return None;
        }
        let word = self.word(j);
        if word == "that" && j > floor {
            return self.clause_subject(floor, j);
        }
        if matches!(word, "who" | "which") && j > floor {
            j -= 1;
            if self.word(j) == "," && j > floor {
                j -= 1;
            }
            return self.phrase_ending_at(j, floor);
        }
        if word == "," {
            // "Lee, the party's leader, said": the name before the aside.
            let first = floor.max(j.saturating_sub(20));
            let comma = (first..j).rev().find(|&i| self.word(i) == ",")?;
            return self.phrase_ending_at(comma.checked_sub(1)?, floor);
        }
        self.phrase_ending_at(j, floor)
    }

    fn phrase_ending_at(&self, mut j: usize, floor: usize) -> Option<Span> {
        if j < floor || self.quoted[j] {
            return None;
        }
        if self.word(j) == ")" {
            // "Sen. Lee (D-Vt.) said": step over the bracket.
            let first = floor.max(j.saturating_sub(12));
            j = (first..j)
                .rev()
                .find(|&i| self.word(i) == "(")?
                .checked_sub(1)?;
            if j < floor {
                return None;
            }
        }
        let word = self.word(j);
        if lexicon::is_pronoun(word) {
            return Some(self.span(j, j));
        }
        if !self.is_word(j) || lexicon::is_closed_class(word) && self.is_capital(j) {
            return None;
        }
        let last = j;
        let mut first = j;
        if self.is_capital(j) {
            while first > floor {
                let p = first - 1;
                let joins = (self.is_capital(p) && !self.quoted[p])
                    || self.is_abbreviation_dot(p)
                    || (lexicon::is_name_connector(self.word(p))
                        && p > floor
                        && self.is_capital(p - 1));
                if !joins {
                    break;
                }
                first = p;
            }
            while first < last && lexicon::is_closed_class(self.word(first)) {
                first += 1;
            }
            return Some(self.span(first, last));
        }
        // A lower-case noun phrase: back to its determiner.
        let mut words = 1;
        while first > floor && words < PHRASE_WORDS {
            let p = first - 1;
            let w = self.word(p);
            if self.quoted[p] || !(self.is_word(p) || self.is_abbreviation_dot(p)) {
                break;
            }
            if lexicon::is_determiner(w) {
                first = p;
                break;
            }
            if lexicon::is_closed_class(w) || self.cue(p).is_some() {
                break;
            }
            first = p;
            words += 1;
        }
        let head = self.word(last);
        if lexicon::is_skippable(head)
            || lexicon::is_determiner(head)
            || lexicon::is_closed_class(head)
            || stops_phrase(head)
            || (lexicon::is_closed_class(self.word(first))
                && !lexicon::is_determiner(self.word(first)))
        {
            return None;
        }
        Some(self.span(first, last))
    }

    /// The noun phrase starting at token `start` (the speaker after a cue),
    /// not reaching `limit`.
    pub fn phrase_after(&self, start: usize, limit: usize) -> Option<Span> {
        let mut i = start;
        while i < limit && (self.word(i) == "," || lexicon::is_skippable(self.word(i))) {
            i += 1;
        }
        if i >= limit || self.quoted[i] || !self.is_word(i) {
            return None;
        }
        if lexicon::is_pronoun(self.word(i)) {
            return Some(self.span(i, i));
        }
        let opener = self.word(i);
        if (lexicon::is_closed_class(opener) && !lexicon::is_determiner(opener))
            || stops_phrase(opener)
        {
            return None;
        }
        let first = i;
        let mut last = i;
        let mut words = 0;
        while i < limit && words < PHRASE_WORDS + 2 {
            let w = self.word(i);
            let ok = (self.is_word(i)
                && !self.quoted[i]
                && (i == first
                    || self.is_capital(i)
                    || lexicon::is_name_connector(w) && i + 1 < limit && self.is_capital(i + 1)
                    || (!self.is_capital(last)
                        || (last == first && lexicon::is_determiner(self.word(first))))
                        && !stops_phrase(w)))
                || self.is_abbreviation_dot(i);
            if !ok || self.cue(i).is_some() && i > first {
                break;
            }
            if self.is_word(i) {
                last = i;
                words += 1;
            }
            i += 1;
        }
        Some(self.span(first, last))
    }

    /// A speaker at the end of a sentence: "…, the group says." or "…,
    /// said Lee."
    pub fn tail_attribution(&self, sentence: Range<usize>) -> Option<Attribution> {
        let mut end = sentence.end;
        while end > sentence.start && matches!(self.word(end - 1), "." | "!" | "?") {
            end -= 1;
        }
        let tail = sentence.start.max(end.saturating_sub(28))..end;
        for comma in tail
            .rev()
            .filter(|&i| self.word(i) == "," && !self.quoted[i])
        {
            let reach = end.min(comma + 15);
            let Some(cue) = (comma + 1..reach).find_map(|i| self.cue(i)) else {
                continue;
            };
            // "…, while Lee said it was wrong." states something else.
            if (comma + 1..cue.first).any(|i| opens_clause(self.word(i))) {
                continue;
            }
            let mention = if cue.first == comma + 1 {
                self.phrase_after(cue.end(), end)
            } else {
                self.phrase_before(cue.first, comma + 1)
            };
            if let Some(mention) = mention {
                return Some(Attribution {
                    mention,
                    cue: Some(cue),
                });
            }
        }
        None
    }

    /// "…, according to Lee": the outer source of a sentence, which
    /// outranks the speaker it reports.
    pub fn according_to(&self, range: Range<usize>) -> Option<Attribution> {
        let cue = range
            .clone()
            .filter(|&i| !self.quoted[i] && self.word(i).eq_ignore_ascii_case("according"))
            .find_map(|i| self.cue(i))?;
        let mention = self.phrase_after(cue.end(), range.end)?;
        Some(Attribution {
            mention,
            cue: Some(cue),
        })
    }

    /// A transcript speaker at the head of a quote: "“LEE: Well, …”".
    pub fn transcript_speaker(&self, inner: Range<usize>) -> Option<Span> {
        let head = inner.start..inner.end.min(inner.start + 4);
        let colon = head.clone().find(|&i| self.word(i) == ":")?;
        if colon == inner.start {
            return None;
        }
        let names = inner.start..colon;
        let all_caps = names.clone().all(|i| {
            let w = self.word(i);
            self.is_word(i)
                && w.chars().any(char::is_alphabetic)
                && !w.chars().any(char::is_lowercase)
        });
        all_caps.then(|| self.span(names.start, names.end - 1))
    }
}

/// Words that end a lower-case speaker phrase after a cue.
/// A conjunction that opens a clause of its own after a quote: "…,” while
/// Lee said …" gives Lee's words, not the quote's speaker.
fn opens_clause(word: &str) -> bool {
    matches!(word, "while" | "whereas" | "although" | "though" | "but")
}

fn stops_phrase(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "who"
            | "which"
            | "in"
            | "on"
            | "at"
            | "during"
            | "to"
            | "after"
            | "before"
            | "when"
            | "while"
            | "and"
            | "but"
            | "as"
            | "with"
            | "about"
            | "from"
            | "of"
            | "for"
            | "is"
            | "was"
            | "has"
            | "had"
    )
}

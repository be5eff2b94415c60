//! Understanding: an article's text → sentences, actors, statements, events.
//!
//! The stages run in one direction and are pure functions over plain data:
//!
//! | module | gives |
//! |---|---|
//! | [`text`] | tokens and sentences |
//! | [`ner`] | name mentions (person / organisation / place) |
//! | [`actors`] | mentions merged into actors, with roles, references and salience |
//! | [`quotes`] | direct quotes and reported speech with their speakers |
//! | [`events`] | who did what to whom, where and when |
//!
//! Nothing here knows about the terminal; `analyse` is all a caller needs.

pub mod actors;
pub mod events;
pub mod ner;
pub mod quotes;
pub mod text;

use serde::Serialize;

pub use crate::span::Span;

/// What kind of actor an entity is; the contract's `kind` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A company, party, agency, team, alliance, …
    Organization,
    /// A country, city, region, landmark, square, …
    Place,
    /// A name that is none of the above (events, works, nationalities used as names).
    Other,
}

/// One name found in the text, before mentions are merged into actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where the name is.
    pub span: Span,
    /// What the tagger thinks it names.
    pub kind: EntityKind,
}

/// How a reference to an actor that is not its name is phrased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceKind {
    /// "he", "she", "they", "his", …
    Pronoun,
    /// "the Russian President", "the minister", …
    Title,
}

/// A pronoun or description that refers to an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Where the reference is.
    #[serde(flatten)]
    pub span: Span,
    /// Pronoun or title.
    pub kind: ReferenceKind,
}

/// One real-world actor with every place the article names or refers to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Its fullest name in the article ("Vladimir Putin").
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: EntityKind,
    /// The title or description the article gives it ("Russian President").
    pub role: Option<String>,
    /// Every span where the article names it, in text order.
    pub mentions: Vec<Span>,
    /// Pronouns and descriptions that refer to it, in text order.
    pub references: Vec<Reference>,
    /// How central it is to the story; entities are sorted by it, highest first.
    pub salience: f32,
}

/// A direct quote or a piece of reported speech, with who said it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words (marks may be included).
    #[serde(flatten)]
    pub span: Span,
    /// The quoted words as text, marks excluded.
    pub text: String,
    /// Index into [`Analysis::entities`] of the speaker, when the article says.
    #[serde(skip)]
    pub speaker: Option<usize>,
    /// The span that names the speaker nearest the quote (a pronoun counts).
    pub speaker_mention: Option<Span>,
    /// The verb or phrase that introduces the quote ("said", "according to").
    pub cue: Option<String>,
    /// True for words in quote marks, false for reported speech.
    pub direct: bool,
}

/// Something that happened: who did what to whom, where and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// A short lower-case word: `visit`, `meeting`, `agreement`, …
    pub kind: String,
    /// One line that states the event ("Vladimir Putin visits North Korea").
    pub summary: String,
    /// Indices into [`Analysis::entities`] of the actors taking part.
    #[serde(skip)]
    pub actors: Vec<usize>,
    /// Where it happened, as the text says it.
    pub place: Option<String>,
    /// When it happened, as the text says it ("on Wednesday").
    pub time: Option<String>,
    /// The sentence or clause that states it.
    #[serde(flatten)]
    pub span: Span,
}

/// Everything the analyser understood of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Sentence spans in text order.
    pub sentences: Vec<Span>,
    /// Actors, most salient first.
    pub entities: Vec<Entity>,
    /// Statements in text order.
    pub quotes: Vec<Quote>,
    /// Events in text order.
    pub events: Vec<Event>,
}

impl Analysis {
    /// The name of the entity at `index`, if there is one.
    pub fn entity_name(&self, index: usize) -> Option<&str> {
        self.entities.get(index).map(|e| e.name.as_str())
    }

    /// Who says `quote`, for people: the speaker's name, else the words
    /// that name the speaker in `text` ("The government") when they read as
    /// a name or a "the" phrase, else "unattributed".
    pub fn speaker_label<'a>(&'a self, quote: &Quote, text: &'a str) -> &'a str {
        quote
            .speaker
            .and_then(|i| self.entity_name(i))
            .or_else(|| {
                let words = quote.speaker_mention?.of(text);
                let first = words.split_whitespace().next()?;
                // "The government", "Ms Hewitt"; not "he", "These plans".
                let named = first.starts_with(char::is_uppercase)
                    && !quotes::is_pronoun(first)
                    && !matches!(
                        first,
                        "This" | "That" | "These" | "Those" | "Such" | "It" | "Its"
                    );
                (named && words.len() <= 60).then_some(words)
            })
            .unwrap_or("unattributed")
    }
}

/// Analyse one article's whole text (headline line included).
pub fn analyse(text: &str) -> Analysis {
    analyse_in_stages(text, |_| {})
}

/// The analyser's stages in the order they run.
pub const STAGES: [&str; 6] = [
    "tokens",
    "names",
    "actors",
    "statements",
    "events",
    "salience",
];

/// [`analyse`], calling `done` with each stage's index in [`STAGES`] as
/// that stage ends (for timing them; `analyse` passes a no-op).
#[inline]
pub fn analyse_in_stages(text: &str, mut done: impl FnMut(usize)) -> Analysis {
    let doc = text::Document::new(text);
    done(0);
    let mentions = ner::tag(&doc);
    done(1);
    let entities = actors::resolve(&doc, &mentions);
    done(2);
    // Quote marks are paired once, for statements and events both.
    let marks = quotes::Marks::new(&doc);
    let quotes = quotes::find_with(&doc, &entities, &marks);
    done(3);
    let events = events::find_with(&doc, &entities, marks.quoted());
    done(4);
    let mut analysis = Analysis {
        sentences: doc.sentences.iter().map(|s| s.span).collect(),
        entities,
        quotes,
        events,
    };
    actors::rank(&doc, &mut analysis);
    done(5);
    analysis
}

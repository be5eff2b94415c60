//! Fixture texts written for these tests; mentions are tagged by hand so the
//! tests do not depend on the name tagger.

use super::{rank, resolve};
use crate::analyse::text::Document;
use crate::analyse::{Analysis, Entity, EntityKind, Event, Mention, Quote, ReferenceKind};
use crate::span::Span;

use EntityKind::{Organization as Org, Other, Person, Place};

/// Every whole-word occurrence of each name, earlier names winning overlaps,
/// as a tagger would report them.
fn tag(text: &str, names: &[(&str, EntityKind)]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    for &(name, kind) in names {
        let mut from = 0;
        while let Some(i) = text[from..].find(name) {
            let span = Span::new(from + i, from + i + name.len());
            from = span.end;
            let whole = edge(text[..span.start].chars().next_back())
                && edge(text[span.end..].chars().next());
            if whole && !out.iter().any(|m| m.span.overlaps(span)) {
                out.push(Mention { span, kind });
            }
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

fn run(text: &str, names: &[(&str, EntityKind)]) -> Vec<Entity> {
    let doc = Document::new(text);
    resolve(&doc, &tag(text, names))
}

fn entity<'e>(entities: &'e [Entity], name: &str) -> &'e Entity {
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {names:?}"))
}

fn mentions<'t>(text: &'t str, entity: &Entity) -> Vec<&'t str> {
    entity.mentions.iter().map(|s| s.of(text)).collect()
}

fn references<'t>(text: &'t str, entity: &Entity) -> Vec<(&'t str, ReferenceKind)> {
    entity
        .references
        .iter()
        .map(|r| (r.span.of(text), r.kind))
        .collect()
}

const SUMMIT: &str = "Zelensky Meets Tusk in Warsaw\n\
Ukrainian President Volodymyr Zelensky met Polish Prime Minister Donald Tusk in Warsaw on Monday. \
Zelensky thanked Tusk's government for its help, and he said the talks were useful.\n\
The Polish leader promised more aid. Foreign Minister Radoslaw Sikorski, a veteran diplomat, joined them.";

fn summit() -> Vec<Entity> {
    run(
        SUMMIT,
        &[
            ("Zelensky Meets Tusk", Other),
            ("Volodymyr Zelensky", Person),
            ("Donald Tusk", Person),
            ("Radoslaw Sikorski", Person),
            ("Tusk's", Person),
            ("Zelensky", Person),
            ("Warsaw", Place),
            ("Ukrainian", Other),
            ("Polish", Other),
        ],
    )
}

#[test]
fn splits_a_headline_run_by_the_names_of_the_body() {
    let entities = summit();
    let zelensky = entity(&entities, "Volodymyr Zelensky");
    assert_eq!(
        mentions(SUMMIT, zelensky),
        ["Zelensky", "Volodymyr Zelensky", "Zelensky"]
    );
    let tusk = entity(&entities, "Donald Tusk");
    assert_eq!(mentions(SUMMIT, tusk), ["Tusk", "Donald Tusk", "Tusk"]);
    assert!(entities.iter().all(|e| !e.name.contains("Meets")));
}

#[test]
fn roles_come_from_titles_left_of_the_name() {
    let entities = summit();
    let role = |name| entity(&entities, name).role.clone();
    assert_eq!(
        role("Volodymyr Zelensky").as_deref(),
        Some("Ukrainian President")
    );
    assert_eq!(
        role("Donald Tusk").as_deref(),
        Some("Polish Prime Minister")
    );
    assert_eq!(
        role("Radoslaw Sikorski").as_deref(),
        Some("Foreign Minister")
    );
    assert_eq!(role("Warsaw"), None);
    assert_eq!(entity(&entities, "Warsaw").kind, Place);
}

#[test]
fn possessive_is_left_out_of_the_mention() {
    let entities = summit();
    let tusk = entity(&entities, "Donald Tusk");
    let start = SUMMIT.find("Tusk's").unwrap_or_default();
    assert!(tusk.mentions.contains(&Span::new(start, start + 4)));
}

#[test]
fn pronoun_goes_to_the_subject_not_the_possessor() {
    let entities = summit();
    let he = SUMMIT.find(" he ").unwrap_or_default() + 1;
    assert_eq!(
        entity(&entities, "Volodymyr Zelensky").references[0].span,
        Span::new(he, he + 2)
    );
    assert!(
        references(SUMMIT, entity(&entities, "Donald Tusk"))
            .iter()
            .all(|r| r.0 != "he")
    );
}

#[test]
fn title_used_alone_goes_to_the_matching_role() {
    let entities = summit();
    assert_eq!(
        references(SUMMIT, entity(&entities, "Donald Tusk")),
        [("The Polish leader", ReferenceKind::Title)]
    );
}

const AGENCY: &str = "Inspectors Return\n\
The International Atomic Energy Agency (IAEA) said on Friday that their inspectors had returned. \
China's state news agency Xinhua reported that Premier Li Qiang met Kim Jong Un at Kim Il Sung Square. \
Kim praised Li, and the agency said the talks went well.";

fn agency() -> Vec<Entity> {
    run(
        AGENCY,
        &[
            ("International Atomic Energy Agency", Org),
            ("Kim Il Sung Square", Place),
            ("Kim Jong Un", Person),
            ("Li Qiang", Person),
            ("Xinhua", Other),
            ("China's", Place),
            ("Kim", Person),
            ("Li", Person),
        ],
    )
}

#[test]
fn acronym_in_brackets_joins_the_full_name() {
    let entities = agency();
    let iaea = entity(&entities, "International Atomic Energy Agency");
    assert_eq!(iaea.kind, Org);
    assert_eq!(
        mentions(AGENCY, iaea),
        ["International Atomic Energy Agency", "IAEA"]
    );
    assert_eq!(
        references(AGENCY, iaea),
        [("their", ReferenceKind::Pronoun)]
    );
}

#[test]
fn family_name_first_joins_the_person_not_the_square() {
    let entities = agency();
    let kim = entity(&entities, "Kim Jong Un");
    assert_eq!(mentions(AGENCY, kim), ["Kim Jong Un", "Kim"]);
    assert_eq!(
        mentions(AGENCY, entity(&entities, "Li Qiang")),
        ["Li Qiang", "Li"]
    );
    assert_eq!(
        entity(&entities, "Li Qiang").role.as_deref(),
        Some("Premier")
    );
    assert_eq!(entity(&entities, "Kim Il Sung Square").mentions.len(), 1);
}

#[test]
fn described_agency_becomes_an_organisation() {
    let entities = agency();
    let xinhua = entity(&entities, "Xinhua");
    assert_eq!(xinhua.role.as_deref(), Some("state news agency"));
    assert_eq!(xinhua.kind, Org);
    assert_eq!(
        references(AGENCY, xinhua),
        [("the agency", ReferenceKind::Title)]
    );
    assert_eq!(entity(&entities, "China").mentions.len(), 1);
}

const DIPLOMACY: &str = "Talks in Paris\n\
US Secretary of State Marco Rubio called President Macron on Tuesday. Macron's office said he welcomed the call. \
Mark Rutte, NATO's secretary general, said the United States and the alliance were united. \
Ursula von der Leyen met Olaf Scholz. She said US support mattered.";

fn diplomacy(names: &[(&str, EntityKind)]) -> Vec<Entity> {
    run(DIPLOMACY, names)
}

const DIPLOMACY_NAMES: &[(&str, EntityKind)] = &[
    ("State Marco Rubio", Other),
    ("President Macron", Person),
    ("Macron's", Person),
    ("Mark Rutte", Person),
    ("NATO's", Org),
    ("United States", Place),
    ("Ursula von der Leyen", Person),
    ("Olaf Scholz", Person),
    ("Paris", Place),
    ("US", Other),
];

#[test]
fn title_caught_in_the_name_moves_to_the_role() {
    let entities = diplomacy(DIPLOMACY_NAMES);
    let rubio = entity(&entities, "Marco Rubio");
    assert_eq!(rubio.role.as_deref(), Some("US Secretary of State"));
    assert_eq!(rubio.kind, Person);
    let macron = entity(&entities, "Macron");
    assert_eq!(macron.role.as_deref(), Some("President"));
    assert_eq!(mentions(DIPLOMACY, macron), ["Macron", "Macron"]);
    assert_eq!(
        references(DIPLOMACY, macron),
        [("he", ReferenceKind::Pronoun)]
    );
}

#[test]
fn apposition_gives_the_role() {
    let entities = diplomacy(DIPLOMACY_NAMES);
    assert_eq!(
        entity(&entities, "Mark Rutte").role.as_deref(),
        Some("NATO's secretary general")
    );
}

#[test]
fn initials_join_a_country_and_its_acronym() {
    let entities = diplomacy(DIPLOMACY_NAMES);
    let us = entity(&entities, "United States");
    assert_eq!(us.kind, Place);
    assert_eq!(mentions(DIPLOMACY, us), ["US", "United States", "US"]);
}

#[test]
fn gender_picks_between_two_people() {
    let entities = diplomacy(DIPLOMACY_NAMES);
    assert_eq!(
        references(DIPLOMACY, entity(&entities, "Ursula von der Leyen")),
        [("She", ReferenceKind::Pronoun)]
    );
    assert!(entity(&entities, "Olaf Scholz").references.is_empty());
}

#[test]
fn ambiguous_pronoun_is_left_alone() {
    let text = "Leaders Meet\nAnna Berg met Maria Lind and Sara Holm, and she said little.";
    let entities = run(
        text,
        &[
            ("Anna Berg", Person),
            ("Maria Lind", Person),
            ("Sara Holm", Person),
        ],
    );
    assert!(entities.iter().all(|e| e.references.is_empty()));
}

#[test]
fn kind_is_voted_across_mentions() {
    let text =
        "Jordan Report\nJordan closed its border. Officials in Jordan said Jordan would reopen it.";
    let doc = Document::new(text);
    let mut mentions = tag(text, &[("Jordan", Place)]);
    mentions[1].kind = Other;
    let entities = resolve(&doc, &mentions);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].kind, Place);
    assert_eq!(entities[0].mentions.len(), 4);
}

#[test]
fn a_name_read_as_two_kinds_is_two_actors() {
    let text = "Baseball\nNew York beat Boston 5-2 in New York. New York play again on Friday.";
    let doc = Document::new(text);
    let mut mentions = tag(text, &[("New York", Org), ("Boston", Org)]);
    let city = mentions
        .iter()
        .position(|m| m.span.start == text.find("in New York").unwrap() + 3)
        .unwrap();
    mentions[city].kind = Place;
    let entities = resolve(&doc, &mentions);
    let kinds: Vec<(usize, EntityKind)> = entities
        .iter()
        .filter(|e| e.name == "New York")
        .map(|e| (e.mentions.len(), e.kind))
        .collect();
    assert_eq!(kinds, [(2, Org), (1, Place)]);
}

#[test]
fn a_title_and_a_full_name_read_as_an_organisation_is_a_person() {
    let text = "Talks\nUS Secretary of State Antony Blinken met the UN envoy.";
    let entities = run(
        text,
        &[("US Secretary of State Antony Blinken", Org), ("UN", Org)],
    );
    let blinken = entity(&entities, "Antony Blinken");
    assert_eq!(blinken.kind, Person);
    assert_eq!(blinken.role.as_deref(), Some("US Secretary of State"));
    assert_eq!(entity(&entities, "UN").kind, Org);
}

#[test]
fn headline_words_in_title_case_are_no_actors() {
    let text = "Putin Visits Hanoi as Trade Grows\n\
Vladimir Putin began a visit to Hanoi. Trade grows as the visits go on.";
    let entities = run(
        text,
        &[
            ("Putin", Person),
            ("Visits", Org),
            ("Trade", Org),
            ("Hanoi", Place),
            ("Vladimir Putin", Person),
        ],
    );
    assert!(entities.iter().all(|e| e.name != "Visits"));
    // Capitalised inside a sentence of the body, it may be a name.
    let text = "Trade Talks Open\nOfficials of Trade met. Trade said more.";
    let entities = run(text, &[("Trade", Org)]);
    assert_eq!(entity(&entities, "Trade").mentions.len(), 3);
}

#[test]
fn a_nationality_with_a_role_stays_other() {
    let text = "Raid\nIranian security forces, a Berlin court said, entered the house.";
    let entities = run(text, &[("Iranian", Other), ("Berlin", Place)]);
    assert_eq!(entity(&entities, "Iranian").kind, Other);
}

#[test]
fn rank_prefers_headline_and_lede_and_renumbers() {
    let text = "Vance Visits Ohio\nJD Vance toured Ohio. Later, Ohio officials spoke.\n\
Sherrod Brown spoke. Brown said more. Brown left. Ohio waited.";
    let doc = Document::new(text);
    let mentions = tag(
        text,
        &[
            ("Vance Visits Ohio", Other),
            ("JD Vance", Person),
            ("Sherrod Brown", Person),
            ("Brown", Person),
            ("Ohio", Place),
        ],
    );
    let entities = resolve(&doc, &mentions);
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["JD Vance", "Ohio", "Sherrod Brown"]);
    let quote = Quote {
        span: Span::new(0, 1),
        text: String::new(),
        speaker: Some(2),
        speaker_mention: None,
        cue: None,
        direct: true,
    };
    let event = Event {
        kind: "visit".into(),
        summary: String::new(),
        actors: vec![0, 2],
        place: None,
        time: None,
        span: Span::new(0, 1),
    };
    let mut analysis = Analysis {
        sentences: Vec::new(),
        entities,
        quotes: vec![quote],
        events: vec![event],
    };
    rank(&doc, &mut analysis);
    let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ohio", "JD Vance", "Sherrod Brown"]);
    assert_eq!(analysis.quotes[0].speaker, Some(2));
    assert_eq!(analysis.events[0].actors, [1, 2]);
    assert!(analysis.entities[0].salience >= analysis.entities[1].salience);
}

#[test]
fn equal_salience_keeps_text_order() {
    let text = "News\nAlpha Corp met Beta Corp.";
    let doc = Document::new(text);
    let mentions = tag(text, &[("Alpha Corp", Org), ("Beta Corp", Org)]);
    let mut analysis = Analysis {
        entities: resolve(&doc, &mentions),
        ..Analysis::default()
    };
    rank(&doc, &mut analysis);
    let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Alpha Corp", "Beta Corp"]);
}

#[test]
fn nothing_in_nothing_out() {
    let doc = Document::new("");
    assert!(resolve(&doc, &[]).is_empty());
    let doc = Document::new("Just a line of text.");
    assert!(resolve(&doc, &[]).is_empty());
}

#[test]
fn tagger_slips_are_repaired() {
    let text = "Moon Jae In Lands in Hanoi\n\
Former President Moon Jae In landed in Vietnam's Hanoi on Sunday, the UN said. \
The Foreign Minister greeted Moon at the airport.";
    let entities = run(
        text,
        &[
            ("Jae In Lands", Other),
            ("President Moon Jae In", Other),
            ("Vietnam's Hanoi", Place),
            ("Foreign Minister", Other),
            ("Moon", Person),
            ("UN", Org),
        ],
    );
    let moon = entity(&entities, "Moon Jae In");
    assert_eq!(moon.role.as_deref(), Some("Former President"));
    assert_eq!(moon.kind, Person);
    assert_eq!(
        mentions(text, moon),
        ["Moon", "Jae In", "Moon Jae In", "Moon"]
    );
    assert_eq!(mentions(text, entity(&entities, "Hanoi")), ["Hanoi"]);
    assert_eq!(mentions(text, entity(&entities, "Vietnam")), ["Vietnam"]);
    assert_eq!(mentions(text, entity(&entities, "UN")), ["UN"]);
    assert!(entities.iter().all(|e| !e.name.contains("Minister")));
}

#[test]
fn pronouns_inside_quotes_are_not_resolved() {
    let text = "Visit\nOmar Haddad arrived. \"He will not stay,\" an aide said. He left.";
    let entities = run(text, &[("Omar Haddad", Person)]);
    let haddad = entity(&entities, "Omar Haddad");
    let last = text.rfind("He").unwrap_or_default();
    assert_eq!(
        haddad
            .references
            .iter()
            .map(|r| r.span.start)
            .collect::<Vec<_>>(),
        [last]
    );
}

#[test]
fn role_may_hold_unlisted_nouns_but_not_verbs() {
    let text = "Probe\nEU competition chief Lena Vogt met Apple. Russia accused NATO chief Piet Jansen of lying.";
    let entities = run(
        text,
        &[
            ("Lena Vogt", Person),
            ("Piet Jansen", Person),
            ("Apple", Org),
            ("Russia", Place),
            ("NATO", Org),
            ("EU", Org),
        ],
    );
    assert_eq!(
        entity(&entities, "Lena Vogt").role.as_deref(),
        Some("EU competition chief")
    );
    assert_eq!(
        entity(&entities, "Piet Jansen").role.as_deref(),
        Some("NATO chief")
    );
}

#[test]
fn a_tagged_name_after_the_is_not_a_description() {
    let text =
        "Talks\nForeign Minister Ana Silva spoke. The Foreign Ministry said the minister left.";
    let entities = run(text, &[("Ana Silva", Person), ("Foreign Ministry", Org)]);
    let silva = entity(&entities, "Ana Silva");
    assert_eq!(silva.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(
        references(text, silva),
        [("the minister", ReferenceKind::Title)]
    );
    assert!(entity(&entities, "Foreign Ministry").references.is_empty());
}

#[test]
fn apposition_may_run_on_after_its_title() {
    let text = "Briefing\nIrina Volkova, a spokeswoman for the foreign ministry, said no. \
Omar Haddad, who leads the party, said yes.";
    let entities = run(text, &[("Irina Volkova", Person), ("Omar Haddad", Person)]);
    assert_eq!(
        entity(&entities, "Irina Volkova").role.as_deref(),
        Some("spokeswoman for the foreign ministry")
    );
    assert_eq!(entity(&entities, "Omar Haddad").role, None);
}

#[test]
fn apposition_does_not_swallow_a_list_of_names() {
    let text = "Summit\nHe met Lee Park, President Xi and Kim. Sara Holm, leader of Nordland, spoke. \
Jon Berg, Party Secretary General, left.";
    let entities = run(
        text,
        &[
            ("Lee Park", Person),
            ("Xi", Person),
            ("Kim", Person),
            ("Sara Holm", Person),
            ("Nordland", Place),
            ("Jon Berg", Person),
        ],
    );
    assert_eq!(
        entity(&entities, "Jon Berg").role.as_deref(),
        Some("Party Secretary General")
    );
    assert_eq!(entity(&entities, "Lee Park").role, None);
    assert_eq!(entity(&entities, "Xi").role.as_deref(), Some("President"));
    assert_eq!(
        entity(&entities, "Sara Holm").role.as_deref(),
        Some("leader of Nordland")
    );
}

#[test]
fn articles_and_punctuation_are_trimmed_from_names() {
    let text = "Moscow\nThe Kremlin said no. Later the Kremlin, \"tired\", said yes.";
    let doc = Document::new(text);
    let first = text.find("Kremlin").unwrap_or_default();
    let second = text.rfind("the Kremlin,").unwrap_or_default();
    let tagged = [
        Mention {
            span: Span::new(first, first + 7),
            kind: Org,
        },
        Mention {
            span: Span::new(second, second + 12),
            kind: Org,
        },
    ];
    let entities = resolve(&doc, &tagged);
    assert_eq!(entities.len(), 1);
    assert_eq!(mentions(text, &entities[0]), ["Kremlin", "Kremlin"]);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Kim",
        "Jong",
        "Un",
        "Putin's",
        "President",
        "the",
        "he",
        "She",
        "their",
        "NATO",
        "(",
        ")",
        ",",
        ".",
        "\"",
        "of",
        "Secretary",
        "State",
        "minister",
        "Square",
        "US",
        "U.S.",
        "\u{2019}s",
        "\n",
        "leader",
        "Russian",
        "agency",
        "and",
    ];

    fn analyse_with(words: &[usize], spans: &[(usize, usize, u8)]) {
        let text: String = words
            .iter()
            .map(|&w| WORDS[w % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ");
        let doc = Document::new(&text);
        let kinds = [Person, Org, Place, Other];
        let tagged: Vec<Mention> = spans
            .iter()
            .filter_map(|&(a, b, k)| {
                let (start, end) = (a.min(b), a.max(b));
                let ok = text.is_char_boundary(start) && text.is_char_boundary(end.min(text.len()));
                ok.then(|| Mention {
                    span: Span::new(start, end.min(text.len())),
                    kind: kinds[usize::from(k) % 4],
                })
            })
            .collect();
        let entities = resolve(&doc, &tagged);
        for entity in &entities {
            assert!(!entity.mentions.is_empty());
            for span in entity
                .mentions
                .iter()
                .chain(entity.references.iter().map(|r| &r.span))
            {
                assert!(span.start <= span.end && text.get(span.start..span.end).is_some());
            }
        }
        let mut analysis = Analysis {
            entities,
            ..Analysis::default()
        };
        rank(&doc, &mut analysis);
    }

    proptest! {
        #[test]
        fn on_any_words_and_spans(
            words in prop::collection::vec(0usize..100, 0..60),
            spans in prop::collection::vec((0usize..300, 0usize..300, 0u8..4), 0..20),
        ) {
            analyse_with(&words, &spans);
        }
    }
}

#[test]
fn honorific_gives_gender() {
    let text = "Talks\nKim Park met Mrs. Alder. She smiled.";
    let entities = run(text, &[("Alder", Person), ("Kim Park", Person)]);
    assert_eq!(
        references(text, entity(&entities, "Alder")),
        [("She", ReferenceKind::Pronoun)]
    );
}

#[test]
fn he_after_two_men_goes_to_the_subject() {
    let text = "Talks\nKim Jae Won met Vladimir Orlov. He said little.";
    let entities = run(text, &[("Kim Jae Won", Person), ("Vladimir Orlov", Person)]);
    assert_eq!(
        references(text, entity(&entities, "Kim Jae Won")),
        [("He", ReferenceKind::Pronoun)]
    );
}

/// The key of each tagged name, as `push_key` builds it.
fn keys_of(text: &str, names: &[&str]) -> Vec<String> {
    let doc = Document::new(text);
    let mut keys = Vec::new();
    names
        .iter()
        .map(|name| {
            let start = text.find(name).unwrap_or_default();
            let first = doc.tokens.partition_point(|t| t.span.start < start);
            let last = doc
                .tokens
                .partition_point(|t| t.span.end <= start + name.len())
                - 1;
            let span = super::repair::push_key(&doc, first, last, &mut keys);
            String::from_utf8_lossy(&keys[span.start..span.end]).into_owned()
        })
        .collect()
}

#[test]
fn keys_are_lowered_whatever_the_word() {
    // Short words go through the fixed window; the longest word, the accented
    // one, the initials and the name at the very end of the text do not.
    let text = "Talks\nANNA Lee-Smith met Tomasz Wiśniewski of the Interdisciplinary\u{2019}Studiesfoundation and U.S. envoy Bo";
    let keys = keys_of(
        text,
        &[
            "ANNA Lee-Smith",
            "Tomasz Wiśniewski",
            "Interdisciplinary\u{2019}Studiesfoundation",
            "U.S.",
            "Bo",
        ],
    );
    assert_eq!(
        keys,
        [
            "anna lee-smith",
            "tomasz wiśniewski",
            "interdisciplinary'studiesfoundation",
            "us",
            "bo"
        ]
    );
}

#[test]
fn a_prime_minister_is_found_in_any_case() {
    assert!(super::references::names_prime_minister(
        "former PRIME Minister"
    ));
    assert!(!super::references::names_prime_minister("prime  minister"));
    assert!(!super::references::names_prime_minister("minister"));
}

#[test]
fn portfolios_joined_by_and_make_one_role() {
    let text = "Cabinet row over rail fares\n\
Transport and Energy Secretary Mara Quill defended the fares. \
The Culture, Media and Sport Secretary Idris Penhale sided with her. \
Labour MP Tomas Wren and Defence Minister Ruth Ashby stayed silent.";
    // Tagged as a tagger trained on news tags them: portfolios as names.
    let entities = run(
        text,
        &[
            ("Mara Quill", Person),
            ("Idris Penhale", Person),
            ("Tomas Wren", Person),
            ("Ruth Ashby", Person),
            ("Transport", Org),
            ("Culture", Org),
            ("Media", Place),
            ("Labour", Org),
        ],
    );
    let role = |name| entity(&entities, name).role.clone();
    assert_eq!(
        role("Mara Quill").as_deref(),
        Some("Transport and Energy Secretary")
    );
    assert_eq!(
        role("Idris Penhale").as_deref(),
        Some("Culture, Media and Sport Secretary")
    );
    // A name before "and" is no portfolio.
    assert_eq!(role("Ruth Ashby").as_deref(), Some("Defence Minister"));
    assert_eq!(role("Tomas Wren").as_deref(), Some("Labour MP"));
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    // The portfolios of a joined role are no actors; the party is.
    for portfolio in ["Transport", "Culture", "Media"] {
        assert!(!names.contains(&portfolio), "{portfolio} in {names:?}");
    }
    assert_eq!(entity(&entities, "Labour").kind, Org);
}

#[test]
fn firms_joined_after_a_legal_form_are_split_and_other_ands_kept() {
    let text = "Harbour Freight Corp. and Lindqvist Marine Ltd signed the deal, \
        the Securities and Exchange Commission said. Pell and Co advised them.";
    let entities = run(
        text,
        &[
            ("Harbour Freight Corp. and Lindqvist Marine Ltd", Org),
            ("Securities and Exchange Commission", Org),
            ("Pell and Co", Org),
        ],
    );
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Harbour Freight Corp.",
            "Lindqvist Marine Ltd",
            "Securities and Exchange Commission",
            "Pell and Co"
        ]
    );
}

#[test]
fn a_firm_whose_name_ends_in_s_keeps_it_at_every_mention() {
    let text = "Investors sued Pellham's over the fees. Pellham's said it would fight, \
        and Pellham's lawyers agreed. Mara Quist's view was different; Quist's team left.";
    let entities = run(
        text,
        &[
            ("Pellham", Person),
            ("Mara Quist", Person),
            ("Quist", Person),
        ],
    );
    let firm = entity(&entities, "Pellham's");
    assert_eq!(firm.kind, Org);
    assert_eq!(
        mentions(text, firm),
        ["Pellham's", "Pellham's", "Pellham's"]
    );
    let person = entity(&entities, "Mara Quist");
    assert_eq!(person.kind, Person);
    assert_eq!(mentions(text, person), ["Mara Quist", "Quist"]);
}

#[test]
fn a_portfolio_after_of_or_for_belongs_to_the_title() {
    let text = "Deputy Minister for Finance Amara Sesay met the Minister of Foreign Affairs \
        Lena Oduya. A spokesman for EU trade commissioner Piet Maas said they met in Lagos.";
    let entities = run(
        text,
        &[
            ("Amara Sesay", Person),
            ("Foreign", Org),
            ("Lena Oduya", Person),
            ("EU", Org),
            ("Piet Maas", Person),
            ("Lagos", Place),
        ],
    );
    let role = |name| entity(&entities, name).role.clone();
    assert_eq!(
        role("Amara Sesay").as_deref(),
        Some("Deputy Minister for Finance")
    );
    assert_eq!(
        role("Lena Oduya").as_deref(),
        Some("Minister of Foreign Affairs")
    );
    assert_eq!(role("Piet Maas").as_deref(), Some("EU trade commissioner"));
    assert!(entities.iter().all(|e| e.name != "Foreign"));
    assert_eq!(entity(&entities, "Lagos").kind, Place);
}

#[test]
fn a_place_name_ending_in_an_institution_word_is_an_organisation() {
    let text = "A dean at Tarrow State University said the Tarrow Stock Exchange fell. \
        Tarrow is quiet.";
    let entities = run(
        text,
        &[
            ("Tarrow State University", Place),
            ("Tarrow Stock Exchange", Place),
            ("Tarrow", Place),
        ],
    );
    assert_eq!(entity(&entities, "Tarrow State University").kind, Org);
    assert_eq!(entity(&entities, "Tarrow Stock Exchange").kind, Org);
    assert_eq!(entity(&entities, "Tarrow").kind, Place);
}

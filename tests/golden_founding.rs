//! The founding article of the sample briefing, analysed: every person with
//! role, every quote with speaker, and the main events.

use briefing::analyse::{Analysis, EntityKind, analyse};

const FOUNDING: &str = include_str!("../assets/sample/000_f3b73f1a942b9b28.txt");

fn analysis() -> Analysis {
    analyse(FOUNDING)
}

fn role<'a>(a: &'a Analysis, name: &str) -> Option<&'a str> {
    let entity = a
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}"));
    assert_eq!(entity.kind, EntityKind::Person, "{name} is a person");
    entity.role.as_deref()
}

fn speaker<'a>(a: &'a Analysis, words: &str) -> Option<&'a str> {
    let quote = a
        .quotes
        .iter()
        .find(|q| q.text.trim_end_matches('.') == words)
        .unwrap_or_else(|| panic!("no quote {words:?}"));
    assert!(quote.direct);
    quote.speaker.and_then(|i| a.entity_name(i))
}

#[test]
fn people_with_their_roles() {
    let a = analysis();
    assert_eq!(role(&a, "Vladimir Putin"), Some("Russian President"));
    assert_eq!(role(&a, "Kim Jong Un"), Some("North Korean leader"));
    assert_eq!(role(&a, "Andrei Belousov"), Some("Defence Minister"));
    assert_eq!(role(&a, "Sergey Lavrov"), Some("Foreign Minister"));
    assert_eq!(role(&a, "Denis Mantrurov"), Some("Deputy Prime Minister"));
    assert_eq!(role(&a, "Jens Stoltenberg"), Some("NATO Secretary-General"));
    let putin = a
        .entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .unwrap();
    assert_eq!(
        a.entities[0].name, "Vladimir Putin",
        "the most salient actor"
    );
    assert!(
        putin.mentions.len() >= 8,
        "full name and surname mentions merge"
    );
    assert!(
        putin
            .references
            .iter()
            .any(|r| r.span.of(FOUNDING) == "the Russian leader"),
        "a title used alone refers to him"
    );
}

#[test]
fn places_and_organisations() {
    let a = analysis();
    let kind = |name: &str| a.entities.iter().find(|e| e.name == name).map(|e| e.kind);
    assert_eq!(
        kind("Kim Il Sung Square"),
        Some(EntityKind::Place),
        "a square named after a person is a place"
    );
    for place in [
        "North Korea",
        "Russia",
        "Ukraine",
        "Pyongyang",
        "Vietnam",
        "Hanoi",
        "South Korea",
    ] {
        assert_eq!(kind(place), Some(EntityKind::Place), "{place}");
    }
    assert_eq!(kind("NATO"), Some(EntityKind::Organization));
    let kcna = a.entities.iter().find(|e| e.name == "KCNA").unwrap();
    assert_eq!(
        (kcna.kind, kcna.role.as_deref()),
        (EntityKind::Organization, Some("state news agency"))
    );
    assert!(
        !a.entities.iter().any(|e| e.name.contains("Putin Visits")),
        "headline case makes no actor"
    );
}

#[test]
fn quotes_with_speakers() {
    let a = analysis();
    assert_eq!(
        speaker(&a, "full support and solidarity"),
        Some("Kim Jong Un")
    );
    assert_eq!(
        speaker(&a, "hegemonic and imperialist policy"),
        Some("Vladimir Putin")
    );
    assert_eq!(a.quotes.iter().filter(|q| q.direct).count(), 6);
}

#[test]
fn main_events() {
    let a = analysis();
    let visit = a
        .events
        .iter()
        .find(|e| e.kind == "visit")
        .expect("a visit");
    assert_eq!(visit.summary, "Vladimir Putin visits North Korea");
    let pledge = a
        .events
        .iter()
        .find(|e| e.kind == "pledge")
        .expect("a pledge");
    assert_eq!(a.entity_name(pledge.actors[0]), Some("Kim Jong Un"));
    assert!(
        a.events
            .iter()
            .any(|e| e.kind == "pledge" && e.time.as_deref() == Some("on Wednesday"))
    );
    assert!(
        a.events
            .iter()
            .any(|e| e.kind == "criticism" && e.summary.contains("Blinken"))
    );
    let summaries: Vec<(&str, &str)> = a
        .events
        .iter()
        .map(|e| (e.kind.as_str(), e.summary.as_str()))
        .collect();
    for told in [
        ("meeting", "meeting with Russian President Vladimir Putin"),
        ("visit", "Vladimir Putin's first visit to North Korea"),
        ("test", "increased weapons tests by North Korea"),
        ("exercise", "large-scale military exercises in South Korea"),
        ("sanctions", "UN sanctions"),
    ] {
        assert!(summaries.contains(&told), "{told:?} in {summaries:#?}");
    }
    let meeting = a.events.iter().find(|e| e.kind == "meeting").unwrap();
    assert_eq!(meeting.time.as_deref(), Some("on Wednesday"));
}

#[test]
fn partial_quotes_and_reported_speech() {
    let a = analysis();
    assert_eq!(speaker(&a, "unwavering"), Some("Vladimir Putin"));
    assert_eq!(speaker(&a, "breakthrough"), Some("Vladimir Putin"));
    assert_eq!(speaker(&a, "new level"), Some("Vladimir Putin"));
    let blinken = a
        .quotes
        .iter()
        .find(|q| !q.direct && q.text.starts_with("Russia is seeking"))
        .expect("Blinken's reported suggestion");
    assert_eq!(blinken.cue.as_deref(), Some("suggesting"));
    let speaker = blinken.speaker.and_then(|i| a.entity_name(i));
    assert_eq!(speaker, Some("Antony Blinken"));
}

#[test]
fn titles_acronyms_and_headline_words() {
    let a = analysis();
    assert_eq!(role(&a, "Antony Blinken"), Some("US Secretary of State"));
    assert!(
        !a.entities
            .iter()
            .any(|e| e.name == "UN" && e.kind == EntityKind::Person)
    );
    assert!(!a.entities.iter().any(|e| e.name == "Visits"));
}

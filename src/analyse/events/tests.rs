//! Event finder tests on short fixtures written for this project.

use super::*;

/// An entity named at every occurrence of `name` in `text`.
fn entity(text: &str, name: &str, kind: EntityKind) -> Entity {
    let mentions = text
        .match_indices(name)
        .map(|(start, _)| Span::new(start, start + name.len()))
        .collect();
    Entity {
        name: name.to_string(),
        kind,
        role: None,
        mentions,
        references: Vec::new(),
        salience: 1.0,
    }
}

fn events(text: &str, names: &[(&str, EntityKind)]) -> Vec<Event> {
    let doc = Document::new(text);
    let entities: Vec<Entity> = names.iter().map(|(n, k)| entity(text, n, *k)).collect();
    find(&doc, &entities)
}

#[test]
fn visit_with_object_and_time() {
    let text =
        "Talks in the north\n\nAnna Berg visited Lithuania on Wednesday, her first trip there.";
    let found = events(
        text,
        &[
            ("Anna Berg", EntityKind::Person),
            ("Lithuania", EntityKind::Place),
        ],
    );
    assert_eq!(found.len(), 1);
    let event = &found[0];
    assert_eq!(event.kind, "visit");
    assert_eq!(event.summary, "Anna Berg visits Lithuania");
    assert_eq!(event.actors, vec![0, 1]);
    assert_eq!(event.time.as_deref(), Some("on Wednesday"));
    assert_eq!(
        event.span.of(text),
        "Anna Berg visited Lithuania on Wednesday, her first trip there."
    );
}

#[test]
fn agreement_with_place_and_auxiliary() {
    let text = "Deal done\n\nThe Union has signed a trade pact with Chile in Lima last year.";
    let found = events(
        text,
        &[
            ("Union", EntityKind::Organization),
            ("Chile", EntityKind::Place),
            ("Lima", EntityKind::Place),
        ],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, "agreement");
    assert_eq!(found[0].summary, "Union signs a trade pact with Chile");
    assert_eq!(found[0].actors, vec![0, 1]);
    assert_eq!(found[0].place.as_deref(), Some("Lima"));
    assert_eq!(found[0].time.as_deref(), Some("last year"));
}

#[test]
fn passive_takes_the_agent_after_by() {
    let text = "Raid\n\nThe depot was attacked by Rebel Front in 2021.";
    let found = events(
        text,
        &[
            ("Rebel Front", EntityKind::Organization),
            ("The depot", EntityKind::Other),
        ],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].summary, "Rebel Front attacks The depot");
    assert_eq!(found[0].actors, vec![0, 1]);
    assert_eq!(found[0].time.as_deref(), Some("in 2021"));
}

#[test]
fn nouns_and_quotes_are_not_events() {
    let text = "Plans\n\nThe visit was long. Omar Said: \"Kim visited us.\" Kim is tall.";
    let found = events(
        text,
        &[
            ("Kim", EntityKind::Person),
            ("Omar Said", EntityKind::Person),
        ],
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn no_entities_no_events() {
    assert!(events("Title\n\nSomeone visited somewhere.", &[]).is_empty());
}

#[test]
fn nouns_name_events_when_an_actor_or_place_is_tied_to_them() {
    let text = "Harbour news\n\nThe strike ended. Mayor Ana Ruiz praised Tallinn's visit to Oslo. \
                Later came naval drills in Finland and missile tests by Norland.";
    let found = events(
        text,
        &[
            ("Ana Ruiz", EntityKind::Person),
            ("Tallinn", EntityKind::Place),
            ("Oslo", EntityKind::Place),
            ("Finland", EntityKind::Place),
            ("Norland", EntityKind::Place),
        ],
    );
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|e| (e.kind.as_str(), e.summary.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("visit", "Tallinn's visit to Oslo"),
            ("exercise", "drills in Finland"),
            ("test", "missile tests by Norland"),
        ]
    );
    assert_eq!(found[0].actors, vec![1, 2]);
    assert_eq!(found[1].place.as_deref(), Some("Finland"));
    assert_eq!(found[2].actors, vec![4]);
}

#[test]
fn a_quote_after_the_verb_is_its_object_and_the_headline_is_not_told_twice() {
    let text = "Ana Ruiz pledges support\n\nAna Ruiz pledged \u{201C}every help we have\u{201D} on Monday.";
    let found = events(text, &[("Ana Ruiz", EntityKind::Person)]);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].summary,
        "Ana Ruiz pledges \u{201C}every help we have\u{201D}"
    );
    assert_eq!(found[0].time.as_deref(), Some("on Monday"));
}

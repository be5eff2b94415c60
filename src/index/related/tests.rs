//! Related stories on a small briefing written for these tests: three stories
//! about a ferry strike, two about a football match.

use super::*;
use crate::analyse::{Entity, EntityKind, analyse};
use crate::load::{Article, Meta};

const FERRY_1: &str = "Ferry crews walk out over pay\n\
Ferry crews on the Baltic routes walked out on Monday in a dispute over pay, \
stranding passengers at the harbour. The union said the strike would last three days.\n\
Operators cancelled every crossing and told passengers to rebook.";
const FERRY_2: &str = "Stranded passengers wait as ferry strike enters second day\n\
Passengers queued at the harbour as the ferry strike over crew pay entered its second day. \
The union and the ferry operators held no talks on Tuesday.\n\
Every crossing on the Baltic routes remained cancelled.";
const FERRY_3: &str = "Ferry union and operators agree pay deal\n\
The three-day ferry strike ended after the union accepted a pay offer from the operators. \
Crossings on the Baltic routes resume on Thursday and rebooked passengers will sail first.";
const MATCH_1: &str = "Late goal wins derby for Rovers\n\
A header in stoppage time gave Rovers a two-one win over City in the derby. \
The striker scored after a corner, and the goalkeeper could not reach the ball.\n\
The win lifts Rovers to third in the league table.";
const MATCH_2: &str = "City manager blames referee after derby defeat\n\
The City manager said the referee should have blown for a foul before the late corner \
that led to the Rovers goal. City drop to fifth in the league after the derby defeat.";

fn story(id: &str, text: &str) -> Story {
    let article = Article::from_text(id.into(), format!("{id}.txt"), text.into(), Meta::default());
    let analysis = analyse(&article.text);
    Story {
        article,
        analysis,
        related: Vec::new(),
    }
}

fn briefing() -> Vec<Story> {
    [FERRY_1, MATCH_1, FERRY_2, MATCH_2, FERRY_3]
        .iter()
        .enumerate()
        .map(|(i, text)| story(&format!("s{i}"), text))
        .collect()
}

const FERRIES: [usize; 3] = [0, 2, 4];
const MATCHES: [usize; 2] = [1, 3];

#[test]
fn stories_of_one_event_rank_each_other_first() {
    let mut stories = briefing();
    relate(&mut stories);
    for &i in &FERRIES {
        let top: Vec<usize> = stories[i].related.iter().take(2).map(|r| r.0).collect();
        assert!(top.iter().all(|j| FERRIES.contains(j)), "{i}: {top:?}");
    }
    for &i in &MATCHES {
        let first = stories[i].related.first().map(|r| r.0);
        let other = MATCHES.iter().copied().find(|&j| j != i);
        assert_eq!(first, other, "{i}");
    }
}

#[test]
fn scores_lie_in_unit_range_best_first_without_self() {
    let mut stories = briefing();
    relate(&mut stories);
    for (i, story) in stories.iter().enumerate() {
        assert!(story.related.len() <= MAX_RELATED);
        assert!(
            story
                .related
                .iter()
                .all(|&(j, s)| j != i && s > 0.0 && s < 1.0)
        );
        assert!(story.related.windows(2).all(|w| w[0].1 >= w[1].1));
    }
}

#[test]
fn exact_duplicates_score_one_and_come_first() {
    let mut stories = briefing();
    stories.push(story("copy", MATCH_2));
    stories.push(story("again", MATCH_2));
    relate(&mut stories);
    assert_eq!(stories[3].related[..2], [(5, 1.0), (6, 1.0)]);
    assert_eq!(stories[5].related[..2], [(3, 1.0), (6, 1.0)]);
    assert_eq!(stories[6].related[0], (3, 1.0));
    assert!(stories[5].related[2].1 < 1.0);
}

#[test]
fn one_story_relates_to_nothing() {
    let mut stories = vec![story("alone", FERRY_1)];
    relate(&mut stories);
    assert!(stories[0].related.is_empty());
    let mut none: Vec<Story> = Vec::new();
    relate(&mut none);
}

#[test]
fn unrelated_stories_are_left_out() {
    let mut stories = vec![story("a", FERRY_1), story("b", "Quiet\nNothing here.")];
    relate(&mut stories);
    assert!(stories[0].related.is_empty());
}

#[test]
fn ranking_is_deterministic() {
    let mut first = briefing();
    let mut second = briefing();
    relate(&mut first);
    relate(&mut second);
    let lists = |s: &[Story]| s.iter().map(|s| s.related.clone()).collect::<Vec<_>>();
    assert_eq!(lists(&first), lists(&second));
}

fn person(name: &str, salience: f32) -> Entity {
    Entity {
        name: name.into(),
        kind: EntityKind::Person,
        role: None,
        mentions: Vec::new(),
        references: Vec::new(),
        salience,
    }
}

#[test]
fn reason_names_shared_actors_then_a_shared_word() {
    let mut a = story("a", FERRY_1);
    let mut b = story("b", FERRY_3);
    a.analysis.entities = vec![person("Anna Berg", 3.0), person("Olof Lind", 1.0)];
    b.analysis.entities = vec![
        person("Lind", 2.0),
        person("Berg", 2.0),
        person("Sara Nyman", 5.0),
    ];
    assert_eq!(
        reason(&a, &b, &Rarity::default()),
        "shares Anna Berg, Olof Lind; ferry"
    );
}

#[test]
fn reason_without_actors_names_a_word_or_nothing() {
    let (mut a, mut b) = (story("a", MATCH_1), story("b", MATCH_2));
    a.analysis.entities.clear();
    b.analysis.entities.clear();
    assert_eq!(reason(&a, &b, &Rarity::default()), "shares derby");
    let quiet = story("q", "Quiet\nNothing here.");
    assert_eq!(reason(&a, &quiet, &Rarity::default()), "");
}

#[test]
fn shared_actors_lift_the_score() {
    let mut stories = vec![
        story("a", FERRY_1),
        story("b", FERRY_3),
        story("c", FERRY_2),
    ];
    stories[0].analysis.entities = vec![person("Anna Berg", 1.0)];
    stories[1].analysis.entities = vec![person("Berg", 1.0)];
    stories[2].analysis.entities = vec![person("Olof Lind", 1.0)];
    let plain = cosine_only(&stories, 0, 1);
    relate(&mut stories);
    let with_actor = stories[0].related.iter().find(|r| r.0 == 1).map(|r| r.1);
    assert!(
        with_actor.is_some_and(|s| s > plain),
        "{with_actor:?} vs {plain}"
    );
}

fn cosine_only(stories: &[Story], i: usize, j: usize) -> f32 {
    let text = Vocabulary::build(stories.iter().map(text_counts).collect());
    cosine(&text.vectors[i], &text.vectors[j])
}

#[test]
fn reason_names_the_word_the_briefing_uses_least() {
    let texts = [
        "Council backs new line\nThe council voted for the tram, a transport plan.",
        "Works start in spring\nWork on the tram starts in spring, transport chiefs said.",
        "Bus fares rise\nBus fares go up in May, transport chiefs said.",
        "Cycle lanes open\nNew cycle lanes opened, transport chiefs said.",
    ];
    let mut stories: Vec<Story> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| story(&format!("t{i}"), text))
        .collect();
    for story in &mut stories {
        story.analysis.entities.clear();
    }
    let rarity = relate(&mut stories);
    // Every story speaks of transport; only the first two of the tram.
    assert_eq!(reason(&stories[0], &stories[1], &rarity), "shares tram");
    // Without counts of the briefing, the longer word wins.
    assert_eq!(
        reason(&stories[0], &stories[1], &Rarity::default()),
        "shares transport"
    );
}

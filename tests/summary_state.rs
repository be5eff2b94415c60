//! Summary pane and jumping: every action on hand-built analyses, so the
//! expectations do not move when the analyser improves.

use briefing::analyse::{
    Analysis, Entity, EntityKind, Event, Quote, Reference, ReferenceKind, Span,
};
use briefing::load::{Article, Meta};
use briefing::story::{Story, Update};
use briefing::ui::action::Action;
use briefing::ui::app::{App, Cursor, Focus, Mode, SearchKey};
use briefing::ui::summary::Item;

const TEXT: &str = "Mayor Ada Lind opens the bridge\nMayor Ada Lind opened the new bridge in Port Vell on Monday.\n\"It joins two halves of the town,\" Lind said.\nCouncillor Bo Hart called it \"a triumph\".\nShe thanked the builders from Norde Works.\nHart said the road will reopen in May.";

fn find(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap();
    Span::new(start, start + needle.len())
}

fn entity(name: &str, kind: EntityKind, mentions: Vec<Span>, references: Vec<Reference>) -> Entity {
    Entity {
        name: name.into(),
        kind,
        role: None,
        mentions,
        references,
        salience: 1.0,
    }
}

fn quote(span: Span, speaker: Option<usize>, mention: Option<Span>) -> Quote {
    Quote {
        span,
        text: span.of(TEXT).into(),
        speaker,
        speaker_mention: mention,
        cue: Some("said".into()),
        direct: true,
    }
}

fn bridge_story() -> Story {
    let lind = entity(
        "Ada Lind",
        EntityKind::Person,
        vec![
            find(TEXT, "Ada Lind", 0),
            find(TEXT, "Ada Lind", 1),
            find(TEXT, "Lind", 2),
        ],
        vec![Reference {
            span: find(TEXT, "She", 0),
            kind: ReferenceKind::Pronoun,
        }],
    );
    let hart = entity(
        "Bo Hart",
        EntityKind::Person,
        vec![find(TEXT, "Bo Hart", 0), find(TEXT, "Hart", 1)],
        vec![],
    );
    let port = entity(
        "Port Vell",
        EntityKind::Place,
        vec![find(TEXT, "Port Vell", 0)],
        vec![],
    );
    let works = entity(
        "Norde Works",
        EntityKind::Organization,
        vec![find(TEXT, "Norde Works", 0)],
        vec![],
    );
    let analysis = Analysis {
        sentences: Vec::new(),
        entities: vec![lind, hart, port, works],
        quotes: vec![
            quote(
                find(TEXT, "It joins two halves of the town,", 0),
                Some(0),
                Some(find(TEXT, "Lind", 2)),
            ),
            quote(
                find(TEXT, "a triumph", 0),
                Some(1),
                Some(find(TEXT, "Bo Hart", 0)),
            ),
        ],
        events: vec![Event {
            kind: "opening".into(),
            summary: "Ada Lind opens the bridge".into(),
            actors: vec![0],
            place: Some("Port Vell".into()),
            time: Some("on Monday".into()),
            span: find(
                TEXT,
                "Mayor Ada Lind opened the new bridge in Port Vell on Monday.",
                0,
            ),
        }],
    };
    story("bridge", TEXT, analysis)
}

fn story(id: &str, text: &str, analysis: Analysis) -> Story {
    let article = Article::from_text(id.into(), format!("{id}.txt"), text.into(), Meta::default());
    Story {
        article,
        analysis,
        related: Vec::new(),
    }
}

fn plain_story(id: &str) -> Story {
    let mut text = format!("Weather for {id}\nRain is expected.\n");
    for n in 0..30 {
        text.push_str(&format!("Line {n} of the forecast.\n"));
    }
    story(id, &text, Analysis::default())
}

fn briefing() -> App {
    let mut stories = vec![bridge_story(), plain_story("b"), plain_story("c")];
    stories[0].related = vec![(2, 0.8), (1, 0.3)];
    let mut app = App::new(stories, (120, 40));
    app.open_story(0);
    app
}

fn status(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn summary_lists_groups_in_order() {
    let app = briefing();
    let items = app.summary_items();
    assert_eq!(
        items,
        [
            Item::Heading("People"),
            Item::Actor(0),
            Item::Actor(1),
            Item::Heading("Organisations"),
            Item::Actor(3),
            Item::Heading("Places"),
            Item::Actor(2),
            Item::Heading("Statements"),
            Item::Statement(0),
            Item::Statement(1),
            Item::Heading("Events"),
            Item::Event(0),
            Item::Heading("Related stories"),
            Item::Related(2, 0.8),
            Item::Related(1, 0.3),
        ]
    );
}

#[test]
fn next_and_previous_quote_mark_it_and_name_the_speaker() {
    let mut app = briefing();
    app.update(Action::NextQuote);
    assert_eq!(app.cursor, Some(Cursor::Quote(0)));
    assert_eq!(
        app.mark,
        Some(find(TEXT, "It joins two halves of the town,", 0))
    );
    assert_eq!(status(&app), "quote 1 of 2: Ada Lind (said)");
    app.update(Action::NextQuote);
    assert_eq!(status(&app), "quote 2 of 2: Bo Hart (said)");
    app.update(Action::NextQuote);
    assert_eq!(status(&app), "last quote");
    assert_eq!(app.cursor, Some(Cursor::Quote(1)));
    app.update(Action::PrevQuote);
    assert_eq!(app.cursor, Some(Cursor::Quote(0)));
    app.update(Action::PrevQuote);
    assert_eq!(status(&app), "first quote");
}

#[test]
fn a_story_without_quotes_or_events_says_so() {
    let mut app = briefing();
    app.update(Action::NextStory);
    app.update(Action::NextQuote);
    assert_eq!(status(&app), "no quotes in this story");
    app.update(Action::NextEvent);
    assert_eq!(status(&app), "no events in this story");
    app.update(Action::NextActor);
    assert_eq!(status(&app), "no actors in this story");
    app.update(Action::NextMention);
    assert!(status(&app).starts_with("no actor"), "{}", status(&app));
}

#[test]
fn cycling_actors_goes_through_people_first_and_wraps() {
    let mut app = briefing();
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.update(Action::NextActor);
        seen.push(app.focus_actor.unwrap());
    }
    assert_eq!(seen, [0, 1, 3, 2, 0]);
    app.update(Action::PrevActor);
    assert_eq!(app.focus_actor, Some(2));
}

#[test]
fn mentions_of_the_focused_person_include_pronouns() {
    let mut app = briefing();
    app.update(Action::NextActor);
    let spans = app.focus_spans();
    assert_eq!(spans.len(), 4);
    for n in 1..=4 {
        app.update(Action::NextMention);
        assert_eq!(status(&app), format!("Ada Lind: mention {n} of 4"));
    }
    assert_eq!(app.mark, Some(find(TEXT, "She", 0)));
    app.update(Action::NextMention);
    assert_eq!(status(&app), "last mention");
}

#[test]
fn events_are_stepped_and_marked() {
    let mut app = briefing();
    app.update(Action::NextEvent);
    assert_eq!(app.cursor, Some(Cursor::Event(0)));
    assert!(status(&app).contains("[opening] Ada Lind opens the bridge"));
    app.update(Action::NextEvent);
    assert_eq!(status(&app), "last event");
}

#[test]
fn tab_focuses_the_summary_and_enter_follows_the_selection() {
    let mut app = briefing();
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus, Focus::Summary);
    assert_eq!(app.summary_items()[app.summary.selected], Item::Actor(0));
    app.update(Action::ScrollDown);
    assert_eq!(app.summary_items()[app.summary.selected], Item::Actor(1));
    app.update(Action::Follow);
    assert_eq!(app.focus_actor, Some(1));
    assert_eq!(app.mark, Some(find(TEXT, "Bo Hart", 0)));
    // Down past the group heading lands on the next selectable row.
    app.update(Action::ScrollDown);
    assert_eq!(app.summary_items()[app.summary.selected], Item::Actor(3));
    app.update(Action::Bottom);
    assert_eq!(
        app.summary_items()[app.summary.selected],
        Item::Related(1, 0.3)
    );
    app.update(Action::Follow);
    assert_eq!(app.current, 1, "Enter on a related story opens it");
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::JumpBack);
    assert_eq!(app.current, 0, "and the jump list brings us back");
}

#[test]
fn filter_narrows_the_summary_fuzzily() {
    let mut app = briefing();
    app.update(Action::ToggleFocus);
    app.update(Action::Search);
    assert_eq!(app.mode, Mode::FilterInput);
    for c in "trmph".chars() {
        app.filter_input(SearchKey::Char(c));
    }
    assert_eq!(
        app.summary_items(),
        [Item::Heading("Statements"), Item::Statement(1)]
    );
    assert_eq!(app.summary.selected, 1);
    app.filter_input(SearchKey::Submit);
    assert_eq!(app.mode, Mode::Normal);
    app.update(Action::Follow);
    assert_eq!(app.cursor, Some(Cursor::Quote(1)));
    app.update(Action::ToggleFocus);
    app.update(Action::Clear);
    assert_eq!(app.summary_items().len(), 15);
}

#[test]
fn jump_list_goes_back_and_forward_across_stories() {
    let mut app = briefing();
    app.update(Action::NextEvent);
    let at_event = app.top();
    app.update(Action::OpenRelated);
    assert_eq!(app.current, 2, "the most related story opens");
    app.update(Action::ScrollDown);
    let paged = app.top();
    app.update(Action::Bottom);
    let bottom = app.top();
    assert!(bottom > paged);
    app.update(Action::JumpBack);
    assert_eq!(
        (app.current, app.top()),
        (2, paged),
        "back to where Bottom jumped from"
    );
    app.update(Action::JumpBack);
    assert_eq!(
        (app.current, app.top()),
        (0, at_event),
        "scrolling is not a jump"
    );
    app.update(Action::JumpForward);
    assert_eq!((app.current, app.top()), (2, paged));
    app.update(Action::JumpForward);
    assert_eq!((app.current, app.top()), (2, bottom));
    app.update(Action::JumpForward);
    assert_eq!(status(&app), "no later jump");
}

#[test]
fn related_needs_related_stories() {
    let mut app = briefing();
    app.update(Action::NextStory);
    app.update(Action::OpenRelated);
    assert_eq!(status(&app), "no related stories");
}

#[test]
fn the_last_section_says_so() {
    let mut app = App::new(vec![plain_story("a")], (80, 24));
    let sections = app.layout.section_rows.len();
    for _ in 0..sections + 2 {
        app.update(Action::NextSection);
    }
    assert_eq!(status(&app), "last section");
}

#[test]
fn mouse_wheel_scrolls_and_a_click_selects_in_the_summary() {
    use briefing::ui::app::Pointer;
    let mut app = App::new(vec![plain_story("a")], (80, 10));
    app.mouse(Pointer::Wheel { down: true }, 10, 2);
    assert_eq!(app.top(), 3);
    app.mouse(Pointer::Wheel { down: false }, 10, 2);
    assert_eq!(app.top(), 0);

    let mut app = briefing();
    let summary = app.panes().summary.unwrap();
    // Row 0 of the pane is its border, row 1 the "People" heading, row 3 Bo Hart.
    app.mouse(Pointer::Click, summary.x + 3, summary.y + 3);
    assert_eq!(app.focus, Focus::Summary);
    assert_eq!(app.summary_items()[app.summary.selected], Item::Actor(1));
    assert_eq!(app.focus_actor, Some(1));
    app.mouse(Pointer::Click, summary.x + 3, summary.y + 1);
    assert_eq!(app.focus_actor, Some(1), "a heading is not selectable");
    app.mouse(Pointer::Click, 5, 5);
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn actor_index_lists_every_story_and_statement_and_jumps() {
    use briefing::ui::actors::{ActorRow, rows};
    use briefing::ui::app::Screen;
    let second_text = "Lind visits the harbour\nAda Lind toured the harbour on Tuesday.\n\"The boats are safe,\" Lind said.";
    let lind = entity(
        "Ada Lind",
        EntityKind::Person,
        vec![
            find(second_text, "Lind", 0),
            find(second_text, "Ada Lind", 0),
            find(second_text, "Lind", 2),
        ],
        vec![],
    );
    let span = find(second_text, "The boats are safe,", 0);
    let said = Quote {
        span,
        text: span.of(second_text).into(),
        speaker: Some(0),
        speaker_mention: Some(find(second_text, "Lind", 2)),
        cue: Some("said".into()),
        direct: true,
    };
    let second = story(
        "harbour",
        second_text,
        Analysis {
            entities: vec![lind],
            quotes: vec![said],
            ..Analysis::default()
        },
    );
    let mut app = App::new(vec![bridge_story(), second], (120, 40));
    app.install(Update::Related(
        vec![vec![(1, 0.5)], vec![(0, 0.5)]],
        Default::default(),
    ));
    app.open_story(0);
    app.update(Action::ActorIndex);
    assert_eq!(app.screen, Screen::Actor, "{:?}", app.message);
    let (actor, _) = app.actor_screen.unwrap();
    let index = app.actor_index.as_ref().unwrap();
    assert_eq!(
        rows(index, actor),
        [
            ActorRow::Story(0, 0),
            ActorRow::Statement(0, 0),
            ActorRow::Story(1, 0),
            ActorRow::Statement(1, 0)
        ]
    );
    for _ in 0..3 {
        app.update(Action::ScrollDown);
    }
    app.update(Action::Follow);
    assert_eq!((app.screen, app.current), (Screen::Story, 1));
    assert_eq!(app.cursor, Some(Cursor::Quote(0)));
    app.update(Action::JumpBack);
    assert_eq!(
        app.current, 0,
        "back to where the actor screen was opened from"
    );
}

#[test]
fn related_reasons_follow_the_briefing_once_it_is_related() {
    let texts = [
        "Council backs new line\nThe council voted for the tram, a transport plan.",
        "Works start in spring\nWork on the tram starts in spring, transport chiefs said.",
        "Bus fares rise\nBus fares go up in May, transport chiefs said.",
        "Cycle lanes open\nNew cycle lanes opened, transport chiefs said.",
    ];
    let stories: Vec<Story> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Story {
            article: Article::from_text(
                format!("t{i}"),
                format!("t{i}.txt"),
                (*text).into(),
                Meta::default(),
            ),
            analysis: Analysis::default(),
            related: Vec::new(),
        })
        .collect();
    let mut related = stories.clone();
    let rarity = briefing::index::related::relate(&mut related);
    let mut app = App::new(stories, (120, 40));
    app.open_story(0);
    // Before the briefing is counted, the longer shared word is named …
    assert_eq!(app.related_reason(1), "shares transport");
    // … and once it is, the one only these two stories use, not the
    // reason remembered from before.
    app.install(Update::Related(
        related.into_iter().map(|s| s.related).collect(),
        rarity,
    ));
    assert_eq!(app.related_reason(1), "shares tram");
}

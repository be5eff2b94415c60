//! Statement finder tests on short fixtures written for this project.

use super::*;
use crate::analyse::{Reference, ReferenceKind};

/// (quote text, speaker mention text, cue) for each direct quote.
fn direct(text: &str) -> Vec<(String, String, String)> {
    let doc = Document::new(text);
    find(&doc, &[])
        .into_iter()
        .filter(|q| q.direct)
        .map(|q| {
            (
                q.text,
                q.speaker_mention
                    .map_or(String::new(), |m| m.of(text).to_string()),
                q.cue.unwrap_or_default(),
            )
        })
        .collect()
}

fn row(quote: &str, speaker: &str, cue: &str) -> (String, String, String) {
    (quote.to_string(), speaker.to_string(), cue.to_string())
}

#[test]
fn speaker_after_the_quote() {
    assert_eq!(
        direct("Headline\n\n\u{201C}The bridge will open in May,\u{201D} said Mayor Ana Ruiz."),
        [row(
            "The bridge will open in May,",
            "Mayor Ana Ruiz",
            "said"
        )]
    );
    assert_eq!(
        direct("Headline\n\n\"We are ready,\" the spokesman told reporters on Friday."),
        [row("We are ready,", "the spokesman", "told")]
    );
}

#[test]
fn speaker_before_the_quote() {
    assert_eq!(
        direct("Headline\n\nThe council says \u{201C}no decision has been taken yet.\u{201D}"),
        [row(
            "no decision has been taken yet.",
            "The council",
            "says"
        )]
    );
    assert_eq!(
        direct("Headline\n\nAccording to Tom Berg, \"the plan is dead and buried.\""),
        [row(
            "the plan is dead and buried.",
            "Tom Berg",
            "according to"
        )]
    );
}

#[test]
fn partial_quote_in_reported_speech() {
    assert_eq!(
        direct(
            "Headline\n\nLena Holm described the deal as \u{201C}a breakthrough\u{201D} for the region."
        ),
        [row("a breakthrough", "Lena Holm", "described")]
    );
}

#[test]
fn participle_takes_the_clause_subject() {
    assert_eq!(
        direct(
            "Headline\n\nLater that day, Omar Diaz left the hall, saying \u{201C}we will be back next year.\u{201D}"
        ),
        [row("we will be back next year.", "Omar Diaz", "saying")]
    );
}

#[test]
fn pronoun_speaker_and_continued_quote() {
    let text = "Headline\n\nMina Cole runs the farm. \u{201C}It rained all week,\u{201D} she said. \u{201C}The barley is lost.\u{201D}";
    assert_eq!(
        direct(text),
        [
            row("It rained all week,", "she", "said"),
            row("The barley is lost.", "she", "said")
        ]
    );
}

#[test]
fn quote_running_over_paragraphs_keeps_its_speaker() {
    let text = "Headline\n\nPaul Lind said: \u{201C}First we fix the roof.\n\n\u{201C}Then we paint the walls.\u{201D}";
    let found = direct(text);
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[1],
        row("Then we paint the walls.", "Paul Lind", "said")
    );
}

#[test]
fn bare_paragraph_after_a_colon_line() {
    let text = "Headline\n\nThe minister wrote to the board:\n\n\"I cannot support this proposal in its present form.\"";
    assert_eq!(
        direct(text),
        [row(
            "I cannot support this proposal in its present form.",
            "The minister",
            "wrote"
        )]
    );
}

#[test]
fn titles_and_scare_quotes_are_not_statements() {
    assert!(
        direct("Headline\n\nShe starred in a film called \u{201C}Heat\u{201D} in 1995.").is_empty()
    );
    assert!(direct("Headline\n\nThe so-called \"experts\" were wrong again.").is_empty());
    assert!(
        direct("Headline\n\nHe appeared on CNN's \"State of the Union\" on Sunday.").is_empty()
    );
}

#[test]
fn transcript_speaker() {
    assert_eq!(
        direct("Headline\n\n\"HOST: Welcome back to the programme.\""),
        [row("HOST: Welcome back to the programme.", "HOST", "")]
    );
}

#[test]
fn speaker_entity_from_mention_reference_or_nearest_person() {
    let text = "Headline\n\nJan Berg spoke. \u{201C}We won,\u{201D} he said.";
    let doc = Document::new(text);
    let at = |s: &str| {
        let start = text.find(s).expect("fixture");
        Span::new(start, start + s.len())
    };
    let person = Entity {
        name: "Jan Berg".into(),
        kind: EntityKind::Person,
        role: None,
        mentions: vec![at("Jan Berg")],
        references: Vec::new(),
        salience: 1.0,
    };
    let quotes = find(&doc, std::slice::from_ref(&person));
    assert_eq!(quotes[0].speaker, Some(0));
    assert_eq!(quotes[0].speaker_mention, Some(at("he")));
    let other = Entity {
        name: "Eva".into(),
        kind: EntityKind::Person,
        role: None,
        mentions: Vec::new(),
        references: vec![Reference {
            span: at("he"),
            kind: ReferenceKind::Pronoun,
        }],
        salience: 1.0,
    };
    let quotes = find(&doc, &[person, other]);
    assert_eq!(quotes[0].speaker, Some(1));
}

#[test]
fn reported_speech_without_marks() {
    let text = "Headline\n\nThe mayor said that the new bridge would open next spring.";
    let doc = Document::new(text);
    let quotes = find(&doc, &[]);
    assert_eq!(quotes.len(), 1);
    assert!(!quotes[0].direct);
    assert_eq!(quotes[0].text, "the new bridge would open next spring");
    assert_eq!(
        quotes[0].speaker_mention.map(|m| m.of(text)),
        Some("The mayor")
    );
    assert_eq!(quotes[0].cue.as_deref(), Some("said"));
}

#[test]
fn subject_of_a_clause_without_a_cue() {
    let text = "Headline\n\nThe Bell campaign projects that \u{201C}a small tax on deals\u{201D} would raise $7 a year.";
    assert_eq!(direct(text), [row("a small tax on deals", "The Bell", "")]);
}

#[test]
fn speaker_found_by_surname_when_the_tagger_missed_it() {
    let text = "Headline\n\nJan Berg spoke first. \u{201C}We won,\u{201D} Berg said.";
    let doc = Document::new(text);
    let start = text.find("Jan Berg").expect("fixture");
    let person = Entity {
        name: "Jan Berg".into(),
        kind: EntityKind::Person,
        role: None,
        mentions: vec![Span::new(start, start + 8)],
        references: Vec::new(),
        salience: 1.0,
    };
    let quotes = find(&doc, &[person]);
    assert_eq!(quotes[0].speaker, Some(0));
    assert_eq!(quotes[0].speaker_mention.map(|m| m.of(text)), Some("Berg"));
}

/// (text, speaker mention, cue) of each reported statement.
fn reported(text: &str) -> Vec<(String, String, String)> {
    let doc = Document::new(text);
    find(&doc, &[])
        .into_iter()
        .filter(|q| !q.direct)
        .map(|q| {
            let speaker = q.speaker_mention.map_or("", |m| m.of(text));
            row(&q.text, speaker, &q.cue.unwrap_or_default())
        })
        .collect()
}

#[test]
fn reported_speech_in_a_participle_clause() {
    assert_eq!(
        reported(
            "Headline\n\nHarbour Minister Ola Berg criticised the plan, suggesting that \
             the port would lose its ferry trade within a decade."
        ),
        [row(
            "the port would lose its ferry trade within a decade",
            "Harbour Minister Ola Berg",
            "suggesting"
        )]
    );
    // A participle that is not speech, or one without a clause, is not.
    assert!(
        reported("Headline\n\nThe mayor opened the bridge, hoping that traffic would ease.")
            .is_empty()
    );
    assert!(
        reported("Headline\n\nThe mayor left early, adding to the confusion over the plan.")
            .is_empty()
    );
}

#[test]
fn passive_agent_speaks() {
    assert_eq!(
        direct(
            "Headline\n\nThe deal was described by Mayor Ana Ruiz as a \u{201C}turning point\u{201D} for the town."
        ),
        [row("turning point", "Mayor Ana Ruiz", "described")]
    );
}

#[test]
fn partial_quote_in_its_own_sentence_takes_its_subject() {
    let text = "Headline\n\nThe union promised \u{201C}full backing\u{201D} for the strike. \
                Mayor Ana Ruiz thanked the union for its \u{201C}steady\u{201D} support.";
    let quotes = direct(text);
    assert_eq!(quotes[0], row("full backing", "The union", "promised"));
    assert_eq!(quotes[1].0, "steady");
    assert_eq!(quotes[1].1, "Mayor Ana Ruiz");
}

#[test]
fn speaker_label_falls_back_to_the_words_that_name_the_speaker() {
    let text = "Headline\n\nThe harbour board says the ferry will sail again in the spring.\n\n\
                \u{201C}We will see,\u{201D} he said.";
    let analysis = crate::analyse::analyse(text);
    let labels: Vec<&str> = analysis
        .quotes
        .iter()
        .map(|q| analysis.speaker_label(q, text))
        .collect();
    assert_eq!(labels, ["The harbour board", "unattributed"]);
}

#[test]
fn the_name_in_an_aside_after_a_title_speaks() {
    assert_eq!(
        direct(
            "Headline\n\nThe chair of the harbour board, Nia Coldwell, said: \
             \u{201C}The pier stays shut.\u{201D}"
        ),
        [row("The pier stays shut.", "Nia Coldwell", "said")]
    );
    // A name before the aside keeps the quote; a lower-case aside is no name.
    assert_eq!(
        direct("Headline\n\nOwen Tarr, the board's chair, said: \"We wait.\""),
        [row("We wait.", "Owen Tarr", "said")]
    );
    assert_eq!(
        direct("Headline\n\nThe board, however, said: \"We wait.\""),
        [row("We wait.", "The board", "said")]
    );
}

#[test]
fn a_speaker_after_while_says_something_else() {
    let found = direct(
        "Headline\n\nThe mayor dismissed the report as \"nonsense\", while the Green Party said it was fair.",
    );
    assert_eq!(found.len(), 1);
    assert!(!found[0].1.contains("Green"), "{found:?}");
}

#[test]
fn as_x_puts_it_names_the_speaker() {
    assert_eq!(
        direct(
            "Headline\n\nAs the columnist Rosa Lind puts it, the mayor has made voters \
             \"an offer they cannot refuse.\""
        ),
        [row("an offer they cannot refuse.", "Rosa Lind", "puts it")]
    );
}

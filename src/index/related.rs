//! Related stories: for each story, the others of the briefing ranked by how
//! related they are.
//!
//! Placeholder until the ranking lands.

use crate::story::Story;

/// Fill `Story::related` of every story, best first, scores in [0, 1].
pub fn relate(stories: &mut [Story]) {
    for story in stories.iter_mut() {
        story.related.clear();
    }
}

/// Why two stories are related, in a few words, for the summary pane.
pub fn reason(a: &Story, b: &Story) -> String {
    let shared: Vec<&str> = a
        .analysis
        .entities
        .iter()
        .filter(|e| b.analysis.entities.iter().any(|f| f.name == e.name))
        .take(3)
        .map(|e| e.name.as_str())
        .collect();
    if shared.is_empty() {
        String::new()
    } else {
        format!("shares {}", shared.join(", "))
    }
}

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

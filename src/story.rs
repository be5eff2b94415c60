//! Stories: loaded articles with their analysis — the model every view and
//! export reads.

use rayon::prelude::*;

use crate::analyse::{Analysis, analyse};
use crate::load::Article;

/// One article together with what the analyser understood of it.
#[derive(Debug, Clone)]
pub struct Story {
    /// The loaded article.
    pub article: Article,
    /// Its analysis.
    pub analysis: Analysis,
    /// Other stories of the same briefing, best first: (index, score in [0, 1]).
    pub related: Vec<(usize, f32)>,
}

/// Analyse every article, in parallel, keeping their order, and relate them.
pub fn understand(articles: Vec<Article>) -> Vec<Story> {
    let mut stories: Vec<Story> = articles
        .into_par_iter()
        .map(|article| {
            let analysis = analyse(&article.text);
            Story {
                article,
                analysis,
                related: Vec::new(),
            }
        })
        .collect();
    crate::index::related::relate(&mut stories);
    stories
}

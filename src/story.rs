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

/// What the background analysis reports, story by story, then all at once.
#[derive(Debug)]
pub enum Update {
    /// Story `index` has been analysed.
    Analysed(usize, Analysis),
    /// Every story is analysed; here are the related stories of each.
    Related(Vec<Vec<(usize, f32)>>),
}

/// Stories ready to list at once (with empty analyses), and a channel on which
/// a background thread delivers each analysis as it is done, in parallel, then
/// the related stories: so a large briefing shows its list before it is
/// understood.
pub fn understand_in_background(
    articles: Vec<Article>,
) -> (Vec<Story>, std::sync::mpsc::Receiver<Update>) {
    let (sender, receiver) = std::sync::mpsc::channel();
    let stories: Vec<Story> = articles
        .iter()
        .map(|article| Story {
            article: article.clone(),
            analysis: Analysis::default(),
            related: Vec::new(),
        })
        .collect();
    std::thread::spawn(move || {
        let analyses: Vec<Analysis> = articles
            .par_iter()
            .enumerate()
            .map_with(sender.clone(), |sender, (index, article)| {
                let analysis = analyse(&article.text);
                // The reader may have quit; then nobody listens and that is fine.
                let _ = sender.send(Update::Analysed(index, analysis.clone()));
                analysis
            })
            .collect();
        let mut stories: Vec<Story> = articles
            .into_iter()
            .zip(analyses)
            .map(|(article, analysis)| Story {
                article,
                analysis,
                related: Vec::new(),
            })
            .collect();
        crate::index::related::relate(&mut stories);
        let _ = sender.send(Update::Related(
            stories.into_iter().map(|s| s.related).collect(),
        ));
    });
    (stories, receiver)
}

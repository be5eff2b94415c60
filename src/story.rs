//! Stories: loaded articles with their analysis — the model every view and
//! export reads.

use rayon::prelude::*;

use crate::analyse::{Analysis, analyse};

/// The most of one article the analyser reads. Longer texts (a 200 MB dump
/// is not a news story) are analysed up to the last paragraph break before
/// this, which bounds the analyser's memory; the reader still shows all of it.
pub const MAX_ANALYSED_BYTES: usize = 4 << 20;

/// Analyse an article, or its first [`MAX_ANALYSED_BYTES`] when it is longer.
pub fn analyse_article(text: &str) -> Analysis {
    analyse(prefix(text, MAX_ANALYSED_BYTES))
}

/// `text` up to `max` bytes, cut at the last line break (or character) before.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = text[..cut].rfind('\n').filter(|&n| n > 0).unwrap_or(cut);
    &text[..cut]
}

use crate::index::related::Rarity;
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
            let analysis = analyse_article(&article.text);
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
    /// Every story is analysed; here are the related stories of each, and
    /// how rare each word is in the briefing.
    Related(Vec<Vec<(usize, f32)>>, Rarity),
}

/// Stories ready to list at once (with empty analyses), and a channel on which
/// a background thread delivers each analysis as it is done, in parallel, then
/// the related stories: so a large briefing shows its list before it is
/// understood.
pub fn understand_in_background(
    articles: Vec<Article>,
) -> (Vec<Story>, std::sync::mpsc::Receiver<Update>) {
    let (sender, receiver) = std::sync::mpsc::channel();
    let copies: Vec<Article> = articles.iter().map(for_analysis).collect();
    let stories: Vec<Story> = articles
        .into_iter()
        .map(|article| Story {
            article,
            analysis: Analysis::default(),
            related: Vec::new(),
        })
        .collect();
    let articles = copies;
    std::thread::spawn(move || {
        let analyses: Vec<Analysis> = articles
            .par_iter()
            .enumerate()
            .map_with(sender.clone(), |sender, (index, article)| {
                let analysis = analyse_article(&article.text);
                // Relating reads the entities only; the whole analysis goes
                // to the reader, so a large briefing holds it once.
                let entities = analysis.entities.clone();
                // The reader may have quit; then nobody listens and that is fine.
                let _ = sender.send(Update::Analysed(index, analysis));
                Analysis {
                    entities,
                    ..Analysis::default()
                }
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
        let rarity = crate::index::related::relate(&mut stories);
        let _ = sender.send(Update::Related(
            stories.into_iter().map(|s| s.related).collect(),
            rarity,
        ));
    });
    (stories, receiver)
}

/// What the background analysis needs of an article: the part the analyser
/// reads and the title (for related stories), not a second copy of a huge
/// text. Offsets found in the part are offsets in the whole text.
fn for_analysis(article: &Article) -> Article {
    Article {
        id: article.id.clone(),
        path: article.path.clone(),
        title: article.title.clone(),
        text: prefix(&article.text, MAX_ANALYSED_BYTES).to_string(),
        meta: article.meta.clone(),
        paragraphs: Vec::new(),
        sections: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::prefix;

    #[test]
    fn long_texts_are_cut_at_a_line_break_or_character() {
        assert_eq!(prefix("short", 10), "short");
        assert_eq!(prefix("one\ntwo\nthree", 9), "one\ntwo");
        assert_eq!(prefix("ééééé", 5), "éé");
    }
}

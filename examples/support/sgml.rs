//! Reading the Reuters-21578 SGML files, shared by the related benchmark and
//! the evaluation examples (reading that SGML is not a product feature).

use std::path::{Path, PathBuf};

use briefing::load::{Article, Meta};
use rayon::prelude::*;

/// One `<REUTERS>` document with a `<BODY>`: the article (its first line the
/// `<TITLE>`) and its `<TOPICS>`, possibly none.
pub struct Document {
    pub article: Article,
    #[allow(dead_code)] // read by the evaluation, not the benchmarks
    pub topics: Vec<String>,
}

/// Every document with a body of the `*.sgm` files in `dir`, in file order;
/// the articles are built in parallel, as the loader builds a folder's.
pub fn reuters(dir: &Path) -> std::io::Result<Vec<Document>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let mut raw: Vec<(String, String, Vec<String>)> = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file)?;
        let text = String::from_utf8_lossy(&bytes);
        for (n, doc) in text.split("</REUTERS>").enumerate() {
            let Some(body) = between(doc, "<BODY>", "</BODY>") else {
                continue;
            };
            let topics = between(doc, "<TOPICS>", "</TOPICS>")
                .map(|t| {
                    t.split("<D>")
                        .filter_map(|d| d.strip_suffix("</D>"))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let title = between(doc, "<TITLE>", "</TITLE>").unwrap_or("");
            let id = format!("{}#{n}", file.display());
            let text = format!("{}\n{}", unescape(title), unescape(body));
            raw.push((id, text, topics));
        }
    }
    Ok(raw
        .into_par_iter()
        .map(|(id, text, topics)| Document {
            article: Article::from_text(id.clone(), id, text, Meta::default()),
            topics,
        })
        .collect())
}

/// The text between the first `open` and the `close` after it.
pub fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// The few entities the Reuters SGML uses, turned back into text.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#3;", "")
        .replace("&amp;", "&")
}

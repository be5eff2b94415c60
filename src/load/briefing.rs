//! Briefing files: a TOML file that names a briefing and lists its articles
//! (paths, folders or globs, relative to the file), with an optional order.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// How the stories of a briefing are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// As listed (folders and globs sorted by path).
    #[default]
    Listed,
    /// Newest first, by front-matter date (undated last).
    Date,
    /// By headline.
    Title,
}

/// A briefing file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefingFile {
    /// The briefing's name.
    pub title: String,
    /// What it is about.
    #[serde(default)]
    pub description: Option<String>,
    /// Article paths, folders or globs, relative to the file.
    pub articles: Vec<String>,
    /// How to order the stories.
    #[serde(default)]
    pub order: Order,
}

/// What a briefing is called, for the story list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefingInfo {
    /// The briefing's name.
    pub title: String,
    /// What it is about.
    pub description: Option<String>,
}

/// Parse a briefing file; the error names the line and column.
pub fn parse(source: &str) -> Result<BriefingFile, String> {
    toml::from_str(source).map_err(|e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        let before = source.get(..offset).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("line {line}, column {column}: {}", e.message().trim())
    })
}

/// The paths an entry stands for: a glob's matches (sorted) or the path itself.
pub fn expand(base: &Path, entry: &str) -> Result<Vec<PathBuf>, String> {
    let joined = base.join(entry);
    if !entry.contains(['*', '?', '[']) {
        return Ok(vec![joined]);
    }
    let pattern = joined.to_string_lossy().into_owned();
    let paths = glob::glob(&pattern).map_err(|e| format!("bad pattern {entry:?}: {}", e.msg))?;
    let mut found: Vec<PathBuf> = paths.filter_map(Result::ok).collect();
    found.sort();
    if found.is_empty() {
        return Err(format!("{entry:?} matches no file"));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_title_articles_and_order() {
        let file = parse(
            "title = \"Harbour week\"\narticles = [\"a.txt\", \"more/*.md\"]\norder = \"date\"\n",
        )
        .unwrap();
        assert_eq!(file.title, "Harbour week");
        assert_eq!(file.articles.len(), 2);
        assert_eq!(file.order, Order::Date);
    }

    #[test]
    fn errors_name_line_and_column() {
        let err = parse("title = \"x\"\narticles = [\"a.txt\"]\norder = \"random\"\n").unwrap_err();
        assert!(err.starts_with("line 3, column 9"), "{err}");
        let err = parse("title = \"x\"\n").unwrap_err();
        assert!(err.contains("articles"), "{err}");
    }
}

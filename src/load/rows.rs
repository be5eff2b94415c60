//! Bulk archives: a CSV file or JSON Lines file with one article per row,
//! with columns (or keys) for title and text, and optionally date, source, url.

use super::{Article, Meta};

/// Column names accepted for each field (matched case-insensitively).
const TITLE: &[&str] = &["title", "headline"];
const TEXT: &[&str] = &["text", "body", "content", "article"];
const DATE: &[&str] = &["date", "published", "pubdate"];
const SOURCE: &[&str] = &["source", "publisher", "outlet"];
const URL: &[&str] = &["url", "link"];

/// One row of an archive, before it becomes an article.
#[derive(Debug, Default)]
struct Row {
    title: Option<String>,
    text: Option<String>,
    meta: Meta,
}

impl Row {
    fn set(&mut self, key: &str, value: String) {
        let key = key.trim().to_ascii_lowercase();
        let value = Some(value).filter(|v| !v.trim().is_empty());
        let field = if TITLE.contains(&key.as_str()) {
            &mut self.title
        } else if TEXT.contains(&key.as_str()) {
            &mut self.text
        } else if DATE.contains(&key.as_str()) {
            &mut self.meta.date
        } else if SOURCE.contains(&key.as_str()) {
            &mut self.meta.source
        } else if URL.contains(&key.as_str()) {
            &mut self.meta.url
        } else {
            return;
        };
        *field = value;
    }

    /// The article: headline line, then the text. A row with no text is skipped.
    fn into_article(self, id: String, path: String) -> Option<Article> {
        let body = self.text?;
        let title = self
            .title
            .unwrap_or_else(|| body.lines().next().unwrap_or("").to_string());
        let text = format!(
            "{}\n{}",
            title.replace('\n', " "),
            body.replace("\r\n", "\n")
        );
        Some(Article::from_text(id, path, text, self.meta))
    }
}

/// The articles of a CSV archive (header row required) and the rows skipped.
pub fn from_csv(text: &str, stem: &str, path: &str) -> Result<(Vec<Article>, Vec<String>), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    if !headers
        .iter()
        .any(|h| TEXT.contains(&h.trim().to_ascii_lowercase().as_str()))
    {
        return Err(format!("no text column (one of {})", TEXT.join(", ")));
    }
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        match record {
            Ok(record) => {
                let mut row = Row::default();
                for (key, value) in headers.iter().zip(record.iter()) {
                    row.set(key, value.to_string());
                }
                match row.into_article(format!("{stem}/{line}"), path.to_string()) {
                    Some(article) => articles.push(article),
                    None => skipped.push(format!("{path}: line {line}: no text, skipped")),
                }
            }
            Err(e) => skipped.push(format!("{path}: line {line}: {e}, skipped")),
        }
    }
    Ok((articles, skipped))
}

/// The articles of a JSON Lines archive and the lines skipped.
pub fn from_json_lines(text: &str, stem: &str, path: &str) -> (Vec<Article>, Vec<String>) {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let number = n + 1;
        let object: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(line) {
            Ok(object) => object,
            Err(e) => {
                skipped.push(format!("{path}: line {number}: {e}, skipped"));
                continue;
            }
        };
        let mut row = Row::default();
        for (key, value) in object {
            match value {
                serde_json::Value::String(s) => row.set(&key, s),
                serde_json::Value::Number(n) => row.set(&key, n.to_string()),
                _ => {}
            }
        }
        match row.into_article(format!("{stem}/{number}"), path.to_string()) {
            Some(article) => articles.push(article),
            None => skipped.push(format!("{path}: line {number}: no text, skipped")),
        }
    }
    (articles, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_become_articles() {
        let csv = "Title,Text,Date\nFerry back,\"The ferry returned.\nCrowds cheered.\",2024-05-01\nNo body,,\n";
        let (articles, skipped) = from_csv(csv, "arch", "arch.csv").unwrap();
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].title, "Ferry back");
        assert_eq!(
            articles[0].text,
            "Ferry back\nThe ferry returned.\nCrowds cheered."
        );
        assert_eq!(articles[0].meta.date.as_deref(), Some("2024-05-01"));
        assert_eq!(articles[0].id, "arch/2");
        assert_eq!(skipped, ["arch.csv: line 3: no text, skipped"]);
    }

    #[test]
    fn csv_without_text_column_is_refused() {
        assert!(
            from_csv("a,b\n1,2\n", "x", "x.csv")
                .unwrap_err()
                .contains("no text column")
        );
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let jsonl = "{\"title\": \"Match won\", \"body\": \"The home side won.\", \"source\": \"Gazette\"}\nnot json\n";
        let (articles, skipped) = from_json_lines(jsonl, "feed", "feed.jsonl");
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].meta.source.as_deref(), Some("Gazette"));
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].starts_with("feed.jsonl: line 2:"));
    }
}

//! Loading: files, folders and the bundled sample → decoded [`Article`]s with
//! a headline, a lede and sections.

pub mod briefing;
pub mod decode;
pub mod markdown;
pub mod rows;
pub mod sections;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::analyse::text::paragraphs;
use crate::span::Span;
pub use briefing::BriefingInfo;
pub use sections::Section;

/// Longest headline kept in [`Article::title`]; the text keeps all of it.
const MAX_TITLE_CHARS: usize = 300;

/// What a Markdown front matter can say about an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// Publication or agency.
    pub source: Option<String>,
    /// Publication date as written.
    pub date: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// A title that overrides the first heading.
    pub title: Option<String>,
}

impl Meta {
    /// Source, date and byline, those that are known, for a one-line display.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        [&self.source, &self.date, &self.byline]
            .into_iter()
            .flatten()
            .map(String::as_str)
    }
}

/// One article, decoded and cut into paragraphs and sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable and unique within one load (derived from the path).
    pub id: String,
    /// Where it came from, as given or found.
    pub path: String,
    /// The headline (first line), shortened if absurdly long.
    pub title: String,
    /// The whole article as decoded, headline line included.
    pub text: String,
    /// Source, date, byline and url when known.
    pub meta: Meta,
    /// Paragraph spans; `paragraphs[0]` is the headline.
    pub paragraphs: Vec<Span>,
    /// Lede first, then body sections, covering every paragraph once.
    pub sections: Vec<Section>,
}

impl Article {
    /// Build an article from decoded plain text (line 1 the headline).
    pub fn from_text(id: String, path: String, text: String, meta: Meta) -> Self {
        Self::with_headings(id, path, text, meta, &[])
    }

    fn with_headings(
        id: String,
        path: String,
        text: String,
        meta: Meta,
        heading_lines: &[usize],
    ) -> Self {
        let paragraphs = paragraphs(&text);
        let headings = heading_paragraphs(&text, &paragraphs, heading_lines);
        let sections = sections::build(&text, &paragraphs, &headings);
        let headline = paragraphs.first().map_or("", |p| p.of(&text));
        let title = meta
            .title
            .clone()
            .unwrap_or_else(|| shorten(headline.trim(), MAX_TITLE_CHARS));
        Self {
            id,
            path,
            title,
            text,
            meta,
            paragraphs,
            sections,
        }
    }

    /// Index of the section that holds byte `offset`.
    pub fn section_at(&self, offset: usize) -> usize {
        self.sections
            .iter()
            .rposition(|s| s.span.start <= offset)
            .unwrap_or(0)
    }
}

/// Paragraph indices of the given 0-based line numbers.
fn heading_paragraphs(text: &str, paragraphs: &[Span], lines: &[usize]) -> Vec<usize> {
    if lines.is_empty() {
        return Vec::new();
    }
    let line_of = |offset: usize| text[..offset].matches('\n').count();
    // Paragraph 0 is the headline, never a section heading.
    paragraphs
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, p)| lines.contains(&line_of(p.start)))
        .map(|(i, _)| i)
        .collect()
}

fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// A path that could not be read, and why, for a one-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The path as given or found.
    pub path: String,
    /// What went wrong, in a few words.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Everything one load produced: the articles and what went wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Articles in the order given (folders sorted by path).
    pub articles: Vec<Article>,
    /// Paths that could not be read (these make `extract` exit non-zero).
    pub problems: Vec<Problem>,
    /// Things worth knowing that are not failures (skipped files, re-encoded text).
    pub notes: Vec<String>,
    /// The briefing file's title and description, when one was opened.
    pub briefing: Option<BriefingInfo>,
}

/// File extensions read as articles when a folder is walked.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// The sample briefing bundled into the binary: (file name, contents); its
/// `briefing.toml` lists the stories.
pub const SAMPLE: &[(&str, &str)] = &[
    (
        "briefing.toml",
        include_str!("../../assets/sample/briefing.toml"),
    ),
    (
        "000_f3b73f1a942b9b28.txt",
        include_str!("../../assets/sample/000_f3b73f1a942b9b28.txt"),
    ),
    (
        "01-treaty-terms.md",
        include_str!("../../assets/sample/01-treaty-terms.md"),
    ),
    (
        "02-ceremony-and-gifts.md",
        include_str!("../../assets/sample/02-ceremony-and-gifts.md"),
    ),
    (
        "03-vietnam-leg.md",
        include_str!("../../assets/sample/03-vietnam-leg.md"),
    ),
    (
        "04-seoul-reaction.md",
        include_str!("../../assets/sample/04-seoul-reaction.md"),
    ),
    (
        "05-washington-reaction.md",
        include_str!("../../assets/sample/05-washington-reaction.md"),
    ),
    (
        "06-nato-view.md",
        include_str!("../../assets/sample/06-nato-view.md"),
    ),
    (
        "07-tokyo-beijing.md",
        include_str!("../../assets/sample/07-tokyo-beijing.md"),
    ),
];

/// Load the bundled sample briefing.
pub fn sample() -> Loaded {
    let mut loaded = Loaded::default();
    let file = SAMPLE
        .iter()
        .find(|(name, _)| *name == "briefing.toml")
        .and_then(|(_, source)| briefing::parse(source).ok());
    let Some(file) = file else {
        loaded.problems.push(Problem {
            path: "sample".into(),
            message: "the bundled briefing is damaged".into(),
        });
        return loaded;
    };
    for entry in &file.articles {
        match SAMPLE.iter().find(|(name, _)| name == entry) {
            Some((name, text)) => {
                let path = format!("sample/{name}");
                loaded
                    .articles
                    .push(parse(&path, id_of(name), text.to_string()));
            }
            None => loaded.problems.push(Problem {
                path: format!("sample/{entry}"),
                message: "not bundled".into(),
            }),
        }
    }
    order(&mut loaded.articles, file.order);
    loaded.briefing = Some(BriefingInfo {
        title: file.title,
        description: file.description,
    });
    loaded
}

/// Put the stories of a briefing in the order it asks for.
fn order(articles: &mut [Article], order: briefing::Order) {
    match order {
        briefing::Order::Listed => {}
        briefing::Order::Title => articles.sort_by_key(|a| a.title.to_lowercase()),
        briefing::Order::Date => articles.sort_by(|a, b| match (&a.meta.date, &b.meta.date) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }),
    }
}

/// Load every path: files, folders (recursively, sorted) — never panicking,
/// collecting a problem for each path that cannot be read.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let mut ids = HashSet::new();
    for path in paths {
        let mut visited = HashSet::new();
        walk(path, path, true, &mut visited, &mut ids, &mut loaded);
    }
    loaded
}

fn walk(
    root: &Path,
    path: &Path,
    given: bool,
    visited: &mut HashSet<PathBuf>,
    ids: &mut HashSet<String>,
    loaded: &mut Loaded,
) {
    let shown = path.display().to_string();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            loaded.problems.push(Problem {
                path: shown,
                message: io_message(&e),
            });
            return;
        }
    };
    if meta.is_dir() {
        let Ok(real) = fs::canonicalize(path) else {
            loaded.problems.push(Problem {
                path: shown,
                message: "vanished while loading".into(),
            });
            return;
        };
        if !visited.insert(real) {
            loaded.notes.push(format!(
                "{shown}: skipped, a link back to a folder already read"
            ));
            return;
        }
        let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
            Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                loaded.problems.push(Problem {
                    path: shown,
                    message: io_message(&e),
                });
                return;
            }
        };
        entries.sort();
        let mut skipped = 0;
        for entry in entries {
            let hidden = entry
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            // The name first: it costs no look-up on the disk.
            if is_article_name(&entry) || entry.is_dir() {
                walk(root, &entry, false, visited, ids, loaded);
            } else {
                skipped += 1;
            }
        }
        if skipped > 0 {
            loaded.notes.push(format!(
                "{shown}: skipped {skipped} file(s) that are not articles (.txt, .md)"
            ));
        }
        return;
    }
    if !given && !meta.is_file() {
        // A pipe, socket or device found in a folder: reading it could block
        // for ever or never end. Named on the command line, it is read.
        loaded
            .notes
            .push(format!("{shown}: skipped, not a regular file"));
        return;
    }
    if given && let Some(kind) = special_kind(path) {
        load_special(path, kind, visited, ids, loaded);
        return;
    }
    match read_article(path) {
        Ok(text) => {
            let id = unique_id(ids, &relative_id(root, path, given));
            loaded.articles.push(parse(&shown, id, text));
        }
        Err(message) if given => loaded.problems.push(Problem {
            path: shown,
            message,
        }),
        Err(message) => loaded.notes.push(format!("{shown}: skipped, {message}")),
    }
}

/// Files that hold more than one article, read only when named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    Briefing,
    Csv,
    JsonLines,
}

fn special_kind(path: &Path) -> Option<Special> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "toml" => Some(Special::Briefing),
        "csv" => Some(Special::Csv),
        "jsonl" | "ndjson" => Some(Special::JsonLines),
        _ => None,
    }
}

fn load_special(
    path: &Path,
    kind: Special,
    visited: &mut HashSet<PathBuf>,
    ids: &mut HashSet<String>,
    loaded: &mut Loaded,
) {
    let shown = path.display().to_string();
    let text = match read_article(path) {
        Ok(text) => text,
        Err(message) => {
            loaded.problems.push(Problem {
                path: shown,
                message,
            });
            return;
        }
    };
    let stem = path
        .file_stem()
        .map_or_else(|| "rows".into(), |s| id_of(&s.to_string_lossy()));
    let stem = unique_id(ids, &stem);
    let (articles, skipped) = match kind {
        Special::Csv => match rows::from_csv(&text, &stem, &shown) {
            Ok(found) => found,
            Err(message) => {
                loaded.problems.push(Problem {
                    path: shown,
                    message,
                });
                return;
            }
        },
        Special::JsonLines => rows::from_json_lines(&text, &stem, &shown),
        Special::Briefing => {
            load_briefing(path, &text, visited, ids, loaded);
            return;
        }
    };
    if skipped.len() > 3 {
        loaded.notes.push(format!(
            "{shown}: skipped {} rows ({})",
            skipped.len(),
            skipped[0]
        ));
    } else {
        loaded.notes.extend(skipped);
    }
    loaded.articles.extend(articles);
}

fn load_briefing(
    path: &Path,
    text: &str,
    visited: &mut HashSet<PathBuf>,
    ids: &mut HashSet<String>,
    loaded: &mut Loaded,
) {
    let shown = path.display().to_string();
    let file = match briefing::parse(text) {
        Ok(file) => file,
        Err(message) => {
            loaded.problems.push(Problem {
                path: shown,
                message,
            });
            return;
        }
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let first = loaded.articles.len();
    for entry in &file.articles {
        match briefing::expand(base, entry) {
            Ok(paths) => {
                for found in paths {
                    if found.is_dir() {
                        walk(&found, &found, false, visited, ids, loaded);
                    } else {
                        walk(base, &found, false, visited, ids, loaded);
                    }
                }
            }
            Err(message) => loaded.problems.push(Problem {
                path: shown.clone(),
                message,
            }),
        }
    }
    order(&mut loaded.articles[first..], file.order);
    if loaded.briefing.is_none() {
        loaded.briefing = Some(BriefingInfo {
            title: file.title,
            description: file.description,
        });
    }
}

fn is_article_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The largest file read as an article (or archive): a bound on the loader's
/// memory, far above any news story (the README's 200 MB test fits).
pub const MAX_FILE_BYTES: u64 = 512 << 20;

/// Read and decode one file. The first 8 KiB are looked at before the rest, so
/// a device such as `/dev/zero` named on the command line is refused at once;
/// files over [`MAX_FILE_BYTES`] are refused rather than read.
fn read_article(path: &Path) -> Result<String, String> {
    use std::io::Read as _;
    let file = fs::File::open(path).map_err(|e| io_message(&e))?;
    let (size, regular) = file
        .metadata()
        .map_or((0, false), |m| (m.len(), m.is_file()));
    if size > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    let mut file = file.take(MAX_FILE_BYTES + 1);
    (&mut file)
        .take(HEAD_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if decode::head_is_binary(&bytes) {
        return Err(decode::DecodeError::Binary.to_string());
    }
    // A regular file that ended within its head has been read whole; reading
    // on would only ask the system again for the end it already gave.
    let ended = regular && (bytes.len() as u64) < HEAD_BYTES;
    if !ended {
        file.read_to_end(&mut bytes).map_err(|e| io_message(&e))?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    decode::decode_after_head(bytes)
        .map(|(text, _)| text)
        .map_err(|e| e.to_string())
}

/// How much of a file [`read_article`] reads before it looks for binary bytes:
/// as much as [`decode::head_is_binary`] looks at.
const HEAD_BYTES: u64 = decode::HEAD_BYTES as u64;

fn too_large() -> String {
    format!("larger than {} MB, not read", MAX_FILE_BYTES >> 20)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Plain text or Markdown, by the path's extension: the step after decoding,
/// public so the fuzz targets can reach it without touching the disk.
pub fn parse(path: &str, id: String, text: String) -> Article {
    let is_markdown = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown"));
    if is_markdown && let Ok(plain) = markdown::to_plain(&text) {
        return Article::with_headings(
            id,
            path.to_string(),
            plain.text,
            plain.meta,
            &plain.heading_lines,
        );
    }
    Article::from_text(id, path.to_string(), text, Meta::default())
}

/// "business/001" for `bbc/business/001.txt` under root `bbc`.
fn relative_id(root: &Path, path: &Path, given: bool) -> String {
    let rel = if given {
        path.file_name().map(Path::new).unwrap_or(path)
    } else {
        path.strip_prefix(root).unwrap_or(path)
    };
    id_of(&rel.with_extension("").to_string_lossy())
}

fn id_of(name: &str) -> String {
    let stem = name
        .rsplit_once('.')
        .filter(|(_, ext)| ARTICLE_EXTENSIONS.contains(ext))
        .map_or(name, |(s, _)| s);
    stem.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '/' | '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn unique_id(ids: &mut HashSet<String>, base: &str) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_headline_lede_and_sections() {
        let loaded = sample();
        let article = &loaded.articles[0];
        assert!(article.title.starts_with("Kim Jong Un Pledges"));
        assert_eq!(article.sections[0].heading, "Lede");
        assert!(
            (3..=6).contains(&article.sections.len()),
            "{:?}",
            article.sections
        );
        for pair in article.sections.windows(2) {
            assert_eq!(pair[0].paragraphs.end, pair[1].paragraphs.start);
        }
    }

    #[test]
    fn ids_are_unique() {
        let mut ids = HashSet::new();
        assert_eq!(unique_id(&mut ids, "a"), "a");
        assert_eq!(unique_id(&mut ids, "a"), "a-2");
    }
}

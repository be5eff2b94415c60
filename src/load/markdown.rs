//! Markdown articles: optional TOML front matter, `#` headings as section
//! headings, inline markup reduced to the words a reader reads.

use super::Meta;

/// A Markdown file turned into plain article text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plain {
    /// Headline line, then one line per paragraph or heading.
    pub text: String,
    /// Line numbers (0-based, in `text`) that are headings below the headline.
    pub heading_lines: Vec<usize>,
    /// What the front matter said.
    pub meta: Meta,
}

/// Why a Markdown file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("front matter, line {line}: {message}")]
pub struct FrontMatterError {
    /// 1-based line in the file.
    pub line: usize,
    /// What TOML said.
    pub message: String,
}

/// Convert Markdown source to plain article text.
pub fn to_plain(source: &str) -> Result<Plain, FrontMatterError> {
    let (meta, body, body_line) = split_front_matter(source)?;
    let mut lines: Vec<String> = Vec::new();
    let mut heading_lines = Vec::new();
    let mut paragraph = String::new();
    let mut in_code = false;
    // A paragraph or heading that is all markup ("* `") leaves no line: an
    // empty line would shift every line number after it.
    let flush = |paragraph: &mut String, lines: &mut Vec<String>| {
        let plain = strip_inline(paragraph.trim());
        if !plain.trim().is_empty() {
            lines.push(plain);
        }
        paragraph.clear();
    };
    for line in body.lines().skip(body_line) {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            flush(&mut paragraph, &mut lines);
            continue;
        }
        if in_code {
            if !trimmed.is_empty() {
                lines.push(trimmed.to_string());
            }
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            flush(&mut paragraph, &mut lines);
            let heading = strip_inline(trimmed[hashes..].trim().trim_end_matches('#').trim());
            if heading.trim().is_empty() {
                continue;
            }
            if !lines.is_empty() || hashes > 1 {
                heading_lines.push(lines.len());
            }
            lines.push(heading);
        } else if trimmed.is_empty() || is_rule(trimmed) {
            flush(&mut paragraph, &mut lines);
        } else {
            let item = trimmed
                .strip_prefix("> ")
                .or_else(|| trimmed.strip_prefix("- "))
                .or_else(|| trimmed.strip_prefix("* "))
                .unwrap_or(trimmed);
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(item);
        }
    }
    flush(&mut paragraph, &mut lines);
    // A first line that is a heading is the headline, not a section.
    if heading_lines.first() == Some(&0) {
        heading_lines.remove(0);
    }
    Ok(Plain {
        text: lines.join("\n"),
        heading_lines,
        meta,
    })
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '))
}

/// `+++` TOML front matter at the top, if any: (meta, body, lines to skip).
fn split_front_matter(source: &str) -> Result<(Meta, &str, usize), FrontMatterError> {
    let mut lines = source.lines();
    if lines.next().map(str::trim) != Some("+++") {
        return Ok((Meta::default(), source, 0));
    }
    let Some(close) = lines.position(|l| l.trim() == "+++") else {
        return Ok((Meta::default(), source, 0));
    };
    let toml_src: Vec<&str> = source.lines().skip(1).take(close).collect();
    let meta = toml::from_str(&toml_src.join("\n")).map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|s| toml_src.join("\n")[..s.start].matches('\n').count() + 2)
            .unwrap_or(1);
        FrontMatterError {
            line,
            message: e.message().to_string(),
        }
    })?;
    Ok((meta, source, close + 2))
}

/// Drop emphasis marks, inline code ticks and link targets: `[words](url)` → words.
fn strip_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '`' => {}
            '_' if out.ends_with(' ')
                || out.is_empty()
                || chars.peek().is_none_or(|n| !n.is_alphanumeric()) => {}
            '!' if chars.peek() == Some(&'[') => {}
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for skipped in chars.by_ref() {
                    if skipped == ')' {
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_front_matter_and_inline_markup() {
        let source = "+++\nsource = \"Harbour Gazette\"\ndate = \"2024-06-19\"\n+++\n# Ferry returns\n\nThe *new* ferry\nsailed at dawn.\n\n## Reaction\n\nCrowds [cheered](http://x.test).\n";
        let plain = to_plain(source).unwrap();
        assert_eq!(
            plain.text,
            "Ferry returns\nThe new ferry sailed at dawn.\nReaction\nCrowds cheered."
        );
        assert_eq!(plain.heading_lines, [2]);
        assert_eq!(plain.meta.source.as_deref(), Some("Harbour Gazette"));
        assert_eq!(plain.meta.date.as_deref(), Some("2024-06-19"));
    }

    #[test]
    fn bad_front_matter_names_the_line() {
        let err = to_plain("+++\ntitle = \"ok\"\ndate = = 3\n+++\n# X\n").unwrap_err();
        assert_eq!(err.line, 3);
    }
}

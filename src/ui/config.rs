//! The user's config file: where it is, what it may say, and errors that name
//! the file, line and column — each part falling back to the default alone.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::keymap::{Binding, Keymap};

/// A problem in a config, keymap or theme file, shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, as shown to the user.
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// What is wrong and what happens instead.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl ConfigError {
    /// An error at byte `offset` of `source`.
    pub fn at(file: &str, source: &str, offset: usize, message: String) -> Self {
        let before = source.get(..offset).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Self {
            file: file.to_string(),
            line,
            column,
            message,
        }
    }

    /// An error about the whole file, without a position.
    pub fn whole(file: &str, message: String) -> Self {
        Self {
            file: file.to_string(),
            line: 0,
            column: 0,
            message,
        }
    }

    /// A TOML syntax or type error, placed where TOML says it is.
    pub fn from_toml(file: &str, source: &str, error: &toml::de::Error) -> Self {
        let offset = error.span().map_or(0, |s| s.start);
        Self::at(file, source, offset, error.message().trim().to_string())
    }
}

/// What a config file may contain.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    theme: Option<Spanned<String>>,
    #[serde(default)]
    mouse: bool,
    #[serde(default)]
    bind: Vec<Binding>,
}

/// The settings the reader runs with, after merging the user's file.
#[derive(Debug, Clone)]
pub struct Config {
    /// The theme asked for by name or path, if any.
    pub theme: Option<String>,
    /// Whether to capture the mouse.
    pub mouse: bool,
    /// Built-in keys with the user's merged over them.
    pub keymap: Keymap,
    /// The folder user themes are looked up in.
    pub theme_dir: Option<PathBuf>,
    /// Everything that was wrong, for the status line.
    pub errors: Vec<ConfigError>,
}

/// Where the config file is: `$BRIEFING_CONFIG`, else `briefing/config.toml`
/// in the XDG config folder.
pub fn config_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("BRIEFING_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    dirs::config_dir().map(|d| d.join("briefing").join("config.toml"))
}

impl Config {
    /// Read the config file if there is one; a missing file is no error.
    pub fn load() -> Self {
        let path = config_path();
        let theme_dir = path
            .as_deref()
            .and_then(Path::parent)
            .map(|d| d.join("themes"));
        let source = path
            .as_deref()
            .and_then(|p| std::fs::read_to_string(p).ok());
        let shown = path
            .as_deref()
            .map_or_else(String::new, |p| p.display().to_string());
        let mut config = Self::parse(&shown, source.as_deref().unwrap_or(""));
        config.theme_dir = theme_dir;
        config
    }

    /// Parse config `source` read from `file`.
    pub fn parse(file: &str, source: &str) -> Self {
        let mut keymap = Keymap::default_keymap();
        let mut errors = Vec::new();
        let parsed = parse_parts(file, source, &mut errors);
        errors.extend(keymap.merge(&parsed.bind, file, source));
        Self {
            theme: parsed.theme.map(Spanned::into_inner),
            mouse: parsed.mouse,
            keymap,
            theme_dir: None,
            errors,
        }
    }
}

/// Parse a config file part by part. A syntax error drops the whole file
/// (nothing in it can be trusted), but a value of the wrong type or an unknown
/// setting drops only the lines it spans: they are blanked (offsets kept) and
/// the rest parsed again, so a bad `mouse` still leaves the theme and keys.
fn parse_parts(file: &str, source: &str, errors: &mut Vec<ConfigError>) -> ConfigFile {
    let mut text = source.to_string();
    loop {
        let e = match toml::from_str::<ConfigFile>(&text) {
            Ok(parsed) => return parsed,
            Err(e) => e,
        };
        let mut error = ConfigError::from_toml(file, source, &e);
        let syntax = toml::from_str::<toml::Table>(&text).is_err();
        let blanked = e
            .span()
            .filter(|_| !syntax)
            .map(|span| blank_lines(&text, span))
            .filter(|blanked| *blanked != text);
        match blanked {
            Some(blanked) => {
                error.message.push_str("; this part is ignored");
                errors.push(error);
                text = blanked;
            }
            None => {
                error.message.push_str("; using the default settings");
                errors.push(error);
                return ConfigFile::default();
            }
        }
    }
}

/// `text` with every line that `span` touches turned into spaces, so every
/// other byte keeps its offset (and its line and column).
fn blank_lines(text: &str, span: std::ops::Range<usize>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let first = span.start.min(bytes.len());
    let last = span.end.max(span.start + 1).min(bytes.len());
    let start = bytes[..first]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    let end = bytes[last.saturating_sub(1)..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| last.saturating_sub(1) + n);
    // Whole lines become spaces, so the result is still valid UTF-8.
    for b in &mut bytes[start..end.max(start)] {
        *b = b' ';
    }
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_is_defaults() {
        let config = Config::parse("c.toml", "");
        assert!(config.errors.is_empty());
        assert_eq!(config.theme, None);
    }

    #[test]
    fn syntax_error_names_line_and_column_and_keeps_defaults() {
        let config = Config::parse("c.toml", "theme = \"light\"\n[[bind]\n");
        assert_eq!(config.errors.len(), 1);
        assert!(
            config.errors[0].to_string().starts_with("c.toml:2:"),
            "{}",
            config.errors[0]
        );
        assert!(
            !config
                .keymap
                .keys_for(super::super::action::Action::Quit)
                .is_empty()
        );
    }

    #[test]
    fn unknown_setting_is_named() {
        let config = Config::parse("c.toml", "colour = \"red\"\n");
        assert!(
            config.errors[0].message.contains("colour"),
            "{}",
            config.errors[0]
        );
        assert_eq!(config.errors[0].line, 1);
    }
}

//! Themes are data: `themes/*.toml` map semantic keys (`quote`, `person`,
//! `selection`, …) to styles. Look-up order: a path, the user's theme folder,
//! the built-in themes. A bad value falls back to the default theme's style
//! for that key alone, with a message naming file, line and column.

use std::collections::HashMap;
use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use super::config::ConfigError;

/// Built-in themes, embedded so an installed binary needs no files.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

macro_rules! roles {
    ($($(#[$doc:meta])* $variant:ident = $key:literal,)*) => {
        /// What a piece of the screen means; themes give each a style.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role { $($(#[$doc])* $variant,)* }

        impl Role {
            /// Every role, in the order of the theme files.
            pub const ALL: &[Role] = &[$(Role::$variant,)*];

            /// The key of this role in a theme file.
            pub fn key(self) -> &'static str {
                match self { $(Role::$variant => $key,)* }
            }
        }
    };
}

roles! {
    /// Body text.
    Text = "text",
    /// Secondary text: meta lines, counts, hints.
    Dim = "dim",
    /// The story's headline.
    Headline = "headline",
    /// Section headings.
    Heading = "heading",
    /// The status line.
    Status = "status",
    /// Emphasised parts of the status line.
    StatusAccent = "status_accent",
    /// The selected row of a list; must stay visible without colour.
    Selection = "selection",
    /// Search matches.
    SearchMatch = "search_match",
    /// Quoted words.
    Quote = "quote",
    /// The speaker of a quote.
    Speaker = "speaker",
    /// People's names.
    Person = "person",
    /// Organisations' names.
    Organization = "organization",
    /// Places' names.
    Place = "place",
    /// The focused actor's mentions, the current quote or event.
    Highlight = "highlight",
    /// Pane borders.
    Border = "border",
    /// Pane titles.
    Title = "title",
    /// Key names in the help overlay.
    HelpKey = "help_key",
    /// Messages in the status line.
    Message = "message",
    /// Error messages in the status line.
    Error = "error",
}

/// One style as written in a theme file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reversed: bool,
}

/// A complete set of styles, one per [`Role`].
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The theme's name, for the help overlay.
    pub name: String,
    styles: HashMap<Role, Style>,
}

impl Theme {
    /// The style of `role`.
    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    /// The built-in default theme (16 ANSI colours).
    pub fn default_theme() -> Self {
        let (theme, errors) = Self::parse("default", "default", BUILT_IN[0].1, None);
        debug_assert!(errors.is_empty(), "{errors:?}");
        theme
    }

    /// Parse a theme file; keys it lacks or gets wrong come from `base`.
    pub fn parse(
        name: &str,
        file: &str,
        source: &str,
        base: Option<&Theme>,
    ) -> (Self, Vec<ConfigError>) {
        let mut errors = Vec::new();
        let mut styles = base.map(|b| b.styles.clone()).unwrap_or_default();
        let table: HashMap<String, Spanned<toml::Value>> = match toml::from_str(source) {
            Ok(table) => table,
            Err(e) => {
                let mut error = ConfigError::from_toml(file, source, &e);
                error.message.push_str("; using the default theme");
                errors.push(error);
                HashMap::new()
            }
        };
        for (key, value) in &table {
            let at =
                |offset: usize, message: String| ConfigError::at(file, source, offset, message);
            let Some(role) = Role::ALL.iter().find(|r| r.key() == key) else {
                errors.push(at(
                    value.span().start,
                    format!("unknown theme key '{key}'; it is ignored"),
                ));
                continue;
            };
            let spec: StyleSpec = match value.get_ref().clone().try_into() {
                Ok(spec) => spec,
                Err(e) => {
                    let message = format!("{key}: {}; using the default style", e.message().trim());
                    errors.push(at(value.span().start, message));
                    continue;
                }
            };
            match to_style(&spec) {
                Ok(style) => {
                    styles.insert(*role, style);
                }
                Err(message) => errors.push(at(
                    value.span().start,
                    format!("{key}: {message}; using the default style"),
                )),
            }
        }
        (
            Self {
                name: name.to_string(),
                styles,
            },
            errors,
        )
    }

    /// Find the theme called `name` (a path, a user theme or a built-in one).
    pub fn find(name: &str, user_dir: Option<&Path>) -> (Self, Vec<ConfigError>) {
        let default = Self::default_theme();
        let as_path = Path::new(name);
        let user = user_dir.map(|d| d.join(format!("{name}.toml")));
        for path in [Some(as_path.to_path_buf()), user].into_iter().flatten() {
            if path.is_file() {
                let shown = path.display().to_string();
                return match std::fs::read_to_string(&path) {
                    Ok(source) => Self::parse(name, &shown, &source, Some(&default)),
                    Err(e) => (
                        default,
                        vec![ConfigError::whole(
                            &shown,
                            format!("{e}; using the default theme"),
                        )],
                    ),
                };
            }
        }
        match BUILT_IN.iter().find(|(n, _)| *n == name) {
            Some((n, source)) => Self::parse(n, n, source, Some(&default)),
            None => {
                let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
                let message = format!(
                    "no such theme (built-in: {}); using the default theme",
                    names.join(", ")
                );
                (default, vec![ConfigError::whole(name, message)])
            }
        }
    }

    /// This theme without colours (for `NO_COLOR`): bold, reverse and the like stay.
    pub fn without_colour(mut self) -> Self {
        for style in self.styles.values_mut() {
            style.fg = None;
            style.bg = None;
            style.underline_color = None;
        }
        self
    }
}

fn to_style(spec: &StyleSpec) -> Result<Style, String> {
    let colour = |c: &Option<String>| -> Result<Option<Color>, String> {
        match c {
            None => Ok(None),
            Some(c) => parse_colour(c)
                .map(Some)
                .ok_or_else(|| format!("unknown colour '{c}'")),
        }
    };
    let mut style = Style::default();
    if let Some(fg) = colour(&spec.fg)? {
        style = style.fg(fg);
    }
    if let Some(bg) = colour(&spec.bg)? {
        style = style.bg(bg);
    }
    for (on, modifier) in [
        (spec.bold, Modifier::BOLD),
        (spec.dim, Modifier::DIM),
        (spec.italic, Modifier::ITALIC),
        (spec.underline, Modifier::UNDERLINED),
        (spec.reversed, Modifier::REVERSED),
    ] {
        if on {
            style = style.add_modifier(modifier);
        }
    }
    Ok(style)
}

/// The 16 ANSI names, "reset", a 0–255 index or "#rrggbb".
fn parse_colour(name: &str) -> Option<Color> {
    let lower = name.to_ascii_lowercase().replace(['-', '_', ' '], "");
    Some(match lower.as_str() {
        "reset" | "default" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" | "brightblack" => Color::DarkGray,
        "lightred" | "brightred" => Color::LightRed,
        "lightgreen" | "brightgreen" => Color::LightGreen,
        "lightyellow" | "brightyellow" => Color::LightYellow,
        "lightblue" | "brightblue" => Color::LightBlue,
        "lightmagenta" | "brightmagenta" => Color::LightMagenta,
        "lightcyan" | "brightcyan" => Color::LightCyan,
        "white" | "brightwhite" => Color::White,
        hex if hex.starts_with('#') && hex.len() == 7 => {
            let v = u32::from_str_radix(&hex[1..], 16).ok()?;
            Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
        }
        index => Color::Indexed(index.parse().ok()?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_themes_parse_cleanly_and_cover_every_role() {
        for (name, source) in BUILT_IN {
            let (theme, errors) = Theme::parse(name, name, source, None);
            assert!(errors.is_empty(), "{name}: {errors:?}");
            for role in Role::ALL {
                assert!(
                    theme.styles.contains_key(role),
                    "{name} lacks {}",
                    role.key()
                );
            }
        }
    }

    #[test]
    fn default_theme_uses_only_the_16_ansi_colours() {
        let theme = Theme::default_theme();
        for style in theme.styles.values() {
            for colour in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(colour, Color::Rgb(..) | Color::Indexed(_)),
                    "{colour:?}"
                );
            }
        }
    }

    #[test]
    fn selection_survives_without_colour() {
        for (name, _) in BUILT_IN {
            let (theme, _) = Theme::find(name, None);
            let selection = theme.without_colour().style(Role::Selection);
            assert!(
                selection
                    .add_modifier
                    .intersects(Modifier::REVERSED | Modifier::BOLD),
                "{name}"
            );
        }
    }

    #[test]
    fn bad_colour_falls_back_for_that_key_only() {
        let source = "quote = { fg = \"yellow\" }\nperson = { fg = \"chartreuse\" }\n";
        let default = Theme::default_theme();
        let (theme, errors) = Theme::parse("t", "t.toml", source, Some(&default));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("unknown colour 'chartreuse'"));
        assert_eq!(theme.style(Role::Quote).fg, Some(Color::Yellow));
        assert_eq!(theme.style(Role::Person), default.style(Role::Person));
    }

    #[test]
    fn unknown_theme_name_is_reported() {
        let (theme, errors) = Theme::find("no-such-theme", None);
        assert_eq!(theme.name, "default");
        assert!(errors[0].message.contains("no such theme"));
    }
}

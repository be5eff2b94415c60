//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A terminal reader for news briefings that tells you who said what.
#[derive(Debug, Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Articles, folders or briefing files to read (default: the bundled sample).
    pub paths: Vec<PathBuf>,
    /// How the reader looks.
    #[command(flatten)]
    pub view: ViewArgs,
    /// Print instead of reading.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the interactive reader.
#[derive(Debug, Clone, Default, Args)]
pub struct ViewArgs {
    /// Theme name (a file in themes/ or the config dir) or path to a theme file.
    #[arg(long)]
    pub theme: Option<String>,
    /// Draw with ASCII only (for serial consoles and poor terminals).
    #[arg(long)]
    pub ascii: bool,
    /// Use the mouse (wheel scrolls, click selects in the summary). Off by
    /// default: capturing the mouse stops the terminal's own text selection.
    #[arg(long)]
    pub mouse: bool,
}

/// What to do instead of opening the reader.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the analysed articles for scripts (JSON) or people (text).
    Extract(ExtractArgs),
    /// Print the statements starred in a briefing as Markdown, for notes.
    Starred {
        /// The same paths the briefing was opened with (default: the bundled sample).
        paths: Vec<PathBuf>,
    },
}

/// Options of `briefing extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Print JSON (the same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Articles, folders or briefing files (default: the bundled sample).
    pub paths: Vec<PathBuf>,
}

impl ExtractArgs {
    /// The format asked for; JSON when nothing is said.
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format.unwrap_or(Format::Json)
        }
    }
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The JSON object of the output contract.
    Json,
    /// Readable plain text, safe to pipe into a pager.
    Text,
}

/// What names a briefing in the state store: the canonical paths it was
/// opened with, or "sample".
pub fn briefing_inputs(paths: &[PathBuf]) -> Vec<String> {
    if paths.is_empty() {
        return vec!["sample".to_string()];
    }
    paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        })
        .collect()
}

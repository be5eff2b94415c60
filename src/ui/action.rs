//! Everything a user can ask the reader to do; keys map to these by name.

use serde::{Deserialize, Serialize};

/// One thing the reader can do. The names (snake_case) are the ones a keymap
/// file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scroll down one line.
    ScrollDown,
    /// Scroll up one line.
    ScrollUp,
    /// Scroll down one screen.
    PageDown,
    /// Scroll up one screen.
    PageUp,
    /// Scroll down half a screen.
    HalfPageDown,
    /// Scroll up half a screen.
    HalfPageUp,
    /// Go to the top of the story.
    Top,
    /// Go to the end of the story.
    Bottom,
    /// Go to the next section.
    NextSection,
    /// Go to the previous section.
    PrevSection,
    /// Go to the next story of the briefing.
    NextStory,
    /// Go to the previous story of the briefing.
    PrevStory,
    /// Start typing a search pattern.
    Search,
    /// Go to the next search match.
    SearchNext,
    /// Go to the previous search match.
    SearchPrev,
    /// Show or hide the outline of sections.
    ToggleOutline,
    /// Show or hide the list of keys.
    Help,
    /// Stop the program and restore the terminal (as Ctrl-Z does in a shell).
    Suspend,
    /// Leave the reader.
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 19] = [
        Action::ScrollDown,
        Action::ScrollUp,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::NextStory,
        Action::PrevStory,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::ToggleOutline,
        Action::Help,
        Action::Suspend,
        Action::Quit,
    ];
}

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
    /// Show or hide the summary pane (always shown on wide terminals).
    ToggleSummary,
    /// Move the keyboard focus between the reader and the summary pane.
    ToggleFocus,
    /// Follow the summary selection: focus an actor, go to a statement, event or story.
    Follow,
    /// Go to the next quote or statement.
    NextQuote,
    /// Go to the previous quote or statement.
    PrevQuote,
    /// Go to the next mention of the focused actor.
    NextMention,
    /// Go to the previous mention of the focused actor.
    PrevMention,
    /// Focus the next key actor (cycles through people first).
    NextActor,
    /// Focus the previous key actor.
    PrevActor,
    /// Go to the next event.
    NextEvent,
    /// Go to the previous event.
    PrevEvent,
    /// Open the most related story (or the one selected in the summary).
    OpenRelated,
    /// Go back to where the last jump started.
    JumpBack,
    /// Redo a jump undone with jump_back.
    JumpForward,
    /// Clear the focused actor, the marked item and the summary filter.
    Clear,
    /// Show the focused actor across the briefing: every story and statement.
    ActorIndex,
    /// Star or unstar the current statement (kept across sessions; `briefing starred` exports them).
    ToggleStar,
    /// Bookmark the top of the screen, or remove the bookmark there.
    ToggleBookmark,
    /// Go to the next bookmark of the story.
    NextBookmark,
    /// Show or hide the list of keys.
    Help,
    /// Stop the program and restore the terminal (as Ctrl-Z does in a shell).
    Suspend,
    /// Back from a story to the story list; from the list (or a lone story), quit.
    Back,
    /// Leave the reader from anywhere.
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 39] = [
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
        Action::ToggleSummary,
        Action::ToggleFocus,
        Action::Follow,
        Action::NextQuote,
        Action::PrevQuote,
        Action::NextMention,
        Action::PrevMention,
        Action::NextActor,
        Action::PrevActor,
        Action::NextEvent,
        Action::PrevEvent,
        Action::OpenRelated,
        Action::JumpBack,
        Action::JumpForward,
        Action::Clear,
        Action::ActorIndex,
        Action::ToggleStar,
        Action::ToggleBookmark,
        Action::NextBookmark,
        Action::Help,
        Action::Suspend,
        Action::Back,
        Action::Quit,
    ];
}

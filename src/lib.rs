//! briefing: a terminal reader for news briefings that understands what it shows.
//!
//! The data flows one way: **load → understand → index → show**.
//!
//! | module | stage | what it holds |
//! |---|---|---|
//! | [`load`] | load | bytes → decoded text → [`load::Article`] with headline, lede, sections |
//! | [`analyse`] | understand | article text → sentences, actors, statements, events |
//! | [`story`] | understand | articles with their analysis, analysed in parallel |
//! | [`index`] | index | related stories and actors across stories |
//! | [`export`] | export | the model as the JSON contract or readable text |
//! | [`state`] | show | read flags, positions, stars and bookmarks that survive |
//! | [`sanitize`] | show | making article text harmless for a terminal |
//! | [`ui`] | show | state, actions, keymap, themes and views of the reader |
//!
//! Nothing before `ui` imports ratatui or crossterm.

pub mod analyse;
pub mod cli;
pub mod export;
pub mod index;
pub mod load;
pub mod sanitize;
pub mod span;
pub mod state;
pub mod story;
pub mod ui;

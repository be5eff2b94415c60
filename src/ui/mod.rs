//! The reader: state, actions, keymap, themes and views.

use crate::cli::ViewArgs;
use crate::load::Loaded;

/// Open the reader on the loaded briefing until the user quits.
pub fn run(_loaded: Loaded, _view: &ViewArgs) -> anyhow::Result<()> {
    anyhow::bail!("the reader is not built yet")
}

//! The reader: state, actions, keymap, themes and views, and the loop that
//! runs them in a real terminal.
//!
//! | module | holds |
//! |---|---|
//! | [`action`] | everything a user can ask for |
//! | [`keymap`] | keys → actions, from TOML |
//! | [`config`] | the user's config file |
//! | [`theme`] | semantic styles from TOML |
//! | [`app`] | state and `update` |
//! | [`document`] | a story wrapped into display rows |
//! | [`search`] | smart-case search |
//! | [`jumps`] | the jump list |
//! | [`panes`] | where each pane goes |
//! | [`view`] and the panes | drawing |

pub mod action;
pub mod actors;
pub mod app;
pub mod config;
pub mod document;
pub mod help;
pub mod jumps;
pub mod keymap;
pub mod list;
pub mod outline;
pub mod panes;
pub mod reader;
pub mod saved;
pub mod search;
pub mod status;
pub mod summary;
pub mod theme;
pub mod view;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use anyhow::Context as _;
use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::DefaultTerminal;

use crate::cli::ViewArgs;
use crate::load::Loaded;
use crate::sanitize::clean_line;
use crate::state::Store;
use crate::story;
use app::{App, Message, Mode, Pointer, SearchKey};
use config::Config;
use theme::Theme;
use view::{Chrome, Glyphs};

/// Open the reader on the loaded briefing until the user quits.
/// `key` names the briefing in the state store (see [`crate::state::briefing_key`]).
pub fn run(loaded: Loaded, args: &ViewArgs, key: &str) -> anyhow::Result<()> {
    let Loaded {
        articles,
        problems,
        briefing,
        ..
    } = loaded;
    let config = Config::load();
    let (chrome, mut errors) = chrome(&config, args);
    errors.extend(config.errors.iter().map(ToString::to_string));
    errors.extend(problems.iter().map(ToString::to_string));
    if articles.is_empty() {
        for problem in &problems {
            eprintln!("briefing: {}", clean_line(&problem.to_string()));
        }
        anyhow::bail!("nothing to read");
    }
    let (stories, updates) = story::understand_in_background(articles);
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let mut terminal = ratatui::init();
    let mouse = args.mouse || config.mouse;
    if mouse {
        crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture)?;
    }
    let mut app = App::new(stories, terminal.size().map(|s| (s.width, s.height))?);
    app.briefing = briefing;
    app.progress = Some((0, app.stories.len()));
    let store = crate::state::data_dir().map(|dir| Store::new(&dir, key));
    if let Some(store) = &store {
        let (state, problem) = store.load();
        app.restore(&state);
        errors.extend(problem);
    }
    if let Some(first) = errors.first() {
        let more = if errors.len() > 1 {
            format!(" (+{} more)", errors.len() - 1)
        } else {
            String::new()
        };
        app.message = Some(Message {
            text: format!("{first}{more}"),
            error: true,
        });
    }
    let result = event_loop(
        &mut terminal,
        &mut app,
        &chrome,
        &updates,
        &stop,
        store.as_ref(),
    );
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
    }
    ratatui::restore();
    for problem in &problems {
        eprintln!("briefing: {}", clean_line(&problem.to_string()));
    }
    result
}

/// On SIGTERM or SIGHUP, ask the loop to stop; if it has not within a second
/// (when the terminal is gone, crossterm can wait on it for ever), restore
/// what can be restored and exit from here.
fn watch_signals(stop: Arc<AtomicBool>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])
        .context("installing signal handlers")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_secs(1));
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// The theme (from the flag, else the config), keymap and glyphs, with what
/// was wrong with them.
fn chrome(config: &Config, args: &ViewArgs) -> (Chrome, Vec<String>) {
    let name = args
        .theme
        .clone()
        .or_else(|| config.theme.clone())
        .unwrap_or_else(|| "default".into());
    let (mut theme, errors) = Theme::find(&name, config.theme_dir.as_deref());
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        theme = theme.without_colour();
    }
    let ascii = args.ascii || terminal_lacks_box_drawing();
    let chrome = Chrome {
        theme,
        keymap: config.keymap.clone(),
        glyphs: Glyphs::new(ascii),
    };
    (chrome, errors.iter().map(ToString::to_string).collect())
}

/// Terminals known to have no box-drawing characters, or a locale that is
/// not UTF-8 (`LANG=C`), where the terminal may not decode them either.
fn terminal_lacks_box_drawing() -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()));
    lacks_box_drawing(&term, locale.as_deref())
}

/// See [`terminal_lacks_box_drawing`]: `locale` is the first of `LC_ALL`,
/// `LC_CTYPE` and `LANG` that is set. No locale at all is taken as UTF-8 (the
/// default of terminals today) rather than forcing ASCII on everyone.
fn lacks_box_drawing(term: &str, locale: Option<&str>) -> bool {
    let poor_terminal = matches!(
        term,
        "dumb" | "vt52" | "vt100" | "vt102" | "vt220" | "ansi" | "linux"
    );
    let not_utf8 = locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        !l.contains("utf-8") && !l.contains("utf8")
    });
    poor_terminal || not_utf8
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    chrome: &Chrome,
    updates: &Receiver<story::Update>,
    stop: &AtomicBool,
    store: Option<&Store>,
) -> anyhow::Result<()> {
    let result = pump(terminal, app, chrome, updates, stop, store);
    app.leave_story();
    save(app, store);
    result
}

/// Save if anything changed; a failure is shown, not fatal.
fn save(app: &mut App, store: Option<&Store>) {
    if !app.dirty {
        return;
    }
    app.dirty = false;
    if let Some(store) = store
        && let Err(e) = store.save(&app.to_state())
    {
        app.message = Some(Message {
            text: format!("could not save: {e}"),
            error: true,
        });
    }
}

fn pump(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    chrome: &Chrome,
    updates: &Receiver<story::Update>,
    stop: &AtomicBool,
    store: Option<&Store>,
) -> anyhow::Result<()> {
    while !app.quit && !stop.load(Ordering::Relaxed) {
        while let Ok(update) = updates.try_recv() {
            app.install(update);
        }
        save(app, store);
        // The size the terminal has now, not the last resize event: in a
        // storm of resizes the events can end on a stale size, and the
        // layout would then be drawn off screen until the next resize.
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.resize((size.width, size.height));
        }
        terminal.draw(|frame| view::draw(frame, app, chrome))?;
        let wait = if app.progress.is_some() { 50 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        // Handle everything pending before drawing again, so a storm of
        // resizes or a held key costs one frame, not hundreds.
        loop {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => handle_key(app, chrome, key),
                Event::Resize(width, height) => app.resize((width, height)),
                Event::Mouse(mouse) => {
                    let pointer = match mouse.kind {
                        MouseEventKind::ScrollDown => Some(Pointer::Wheel { down: true }),
                        MouseEventKind::ScrollUp => Some(Pointer::Wheel { down: false }),
                        MouseEventKind::Down(MouseButton::Left) => Some(Pointer::Click),
                        _ => None,
                    };
                    if let Some(pointer) = pointer {
                        app.mouse(pointer, mouse.column, mouse.row);
                    }
                }
                _ => {}
            }
            if app.suspend {
                app.suspend = false;
                suspend(terminal)?;
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

/// Turn one key press into an action (or search input) and apply it.
pub fn handle_key(app: &mut App, chrome: &Chrome, key: KeyEvent) {
    if app.mode != Mode::Normal {
        let input = match key.code {
            KeyCode::Enter => SearchKey::Submit,
            KeyCode::Esc => SearchKey::Cancel,
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                SearchKey::Cancel
            }
            KeyCode::Backspace => SearchKey::Backspace,
            KeyCode::Char(c) => SearchKey::Char(c),
            _ => return,
        };
        if app.mode == Mode::FilterInput {
            app.filter_input(input);
        } else {
            app.search_input(input);
        }
        return;
    }
    match chrome.keymap.action(key) {
        Some(action) => app.update(action),
        None if app.help => app.help = false,
        None => {}
    }
}

/// Give the terminal back to the shell until `fg`, then take it again.
fn suspend(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    terminal.clear()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::lacks_box_drawing;

    #[test]
    fn ascii_for_poor_terminals_and_non_utf8_locales() {
        assert!(!lacks_box_drawing("xterm-256color", Some("en_GB.UTF-8")));
        assert!(!lacks_box_drawing("tmux-256color", Some("C.utf8")));
        assert!(!lacks_box_drawing("screen", None));
        assert!(lacks_box_drawing("vt100", Some("en_US.UTF-8")));
        assert!(lacks_box_drawing("linux", None));
        assert!(lacks_box_drawing("dumb", None));
        assert!(lacks_box_drawing("xterm", Some("C")));
        assert!(lacks_box_drawing("xterm", Some("POSIX")));
        assert!(lacks_box_drawing("xterm", Some("de_DE.ISO-8859-1")));
    }
}

//! Reader benchmarks: loading and sectioning a whole corpus, and the sample
//! from nothing to its first frame.
//!
//! `cargo bench --bench reader` reads `BRIEFING_CORPUS` (default
//! `../shared/corpus/bbc`) and skips the corpus benchmark when it is absent.

use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use briefing::load;
use briefing::story;
use briefing::ui::action::Action;
use briefing::ui::app::App;
use briefing::ui::config::Config;
use briefing::ui::theme::Theme;
use briefing::ui::view::{Chrome, Glyphs, draw};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The allocator the `briefing` binary uses, so that loading is measured as
/// it ships: many small, short-lived allocations (paragraphs, word lists).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    report_scroll_bytes();
    divan::main();
}

fn chrome() -> Chrome {
    Chrome {
        theme: Theme::default_theme(),
        keymap: Config::parse("bench", "").keymap,
        glyphs: Glyphs::new(false),
    }
}

/// Crossterm output captured in memory, shared with the bench to count it.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn take(&self) -> usize {
        std::mem::take(&mut *self.0.borrow_mut()).len()
    }
}

/// A terminal that writes crossterm's output into memory.
fn memory_terminal(width: u16, height: u16) -> (Terminal<CrosstermBackend<Captured>>, Captured) {
    let captured = Captured::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let backend = CrosstermBackend::new(captured.clone());
    (
        Terminal::with_options(backend, TerminalOptions { viewport }).unwrap(),
        captured,
    )
}

/// Bytes crossterm writes for a one-line scroll of the sample at 80×24.
fn report_scroll_bytes() {
    let chrome = chrome();
    let mut app = App::new(story::understand(load::sample().articles), (80, 24));
    let (mut terminal, captured) = memory_terminal(80, 24);
    terminal.draw(|frame| draw(frame, &app, &chrome)).unwrap();
    let first = captured.take();
    app.update(Action::ScrollDown);
    terminal.draw(|frame| draw(frame, &app, &chrome)).unwrap();
    let scroll = captured.take();
    eprintln!("bytes written at 80x24: first frame {first}, one-line scroll {scroll}");
}

/// The longest article of the corpus.
fn longest(path: &std::path::Path) -> Option<briefing::load::Article> {
    let loaded = load::load_paths(&[path.to_path_buf()]);
    loaded.articles.into_iter().max_by_key(|a| a.text.len())
}

/// Key → frame on the longest corpus article at 200×60: one `j` through
/// `update` and a full draw to crossterm output in memory.
#[divan::bench(sample_count = 200)]
fn key_to_frame_longest_at_200x60(bencher: divan::Bencher) {
    let Some(article) = corpus().and_then(|p| longest(&p)) else {
        return;
    };
    let chrome = chrome();
    let mut app = App::new(story::understand(vec![article]), (200, 60));
    let (mut terminal, captured) = memory_terminal(200, 60);
    terminal.draw(|frame| draw(frame, &app, &chrome)).unwrap();
    let mut down = true;
    bencher.bench_local(|| {
        if app.top() == app.max_top() || app.top() == 0 {
            down = !down;
        }
        app.update(if down {
            Action::ScrollDown
        } else {
            Action::ScrollUp
        });
        terminal.draw(|frame| draw(frame, &app, &chrome)).unwrap();
        captured.take();
    });
}

fn corpus() -> Option<PathBuf> {
    let path = PathBuf::from(
        std::env::var("BRIEFING_CORPUS").unwrap_or_else(|_| "../shared/corpus/bbc".into()),
    );
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!(
            "skipping: no corpus at {} (set BRIEFING_CORPUS)",
            path.display()
        );
        None
    }
}

/// Read, decode and section every article of the corpus (one thread).
#[divan::bench(sample_count = 10)]
fn load_and_section_corpus(bencher: divan::Bencher) {
    let Some(path) = corpus() else { return };
    let bytes: u64 = walk_bytes(&path);
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| load::load_paths(std::slice::from_ref(&path)).articles.len());
}

/// The bundled sample: load, analyse, lay out and draw the first frame at 80×24.
#[divan::bench(sample_count = 50)]
fn sample_to_first_frame() -> usize {
    let stories = story::understand(load::sample().articles);
    let app = App::new(stories, (80, 24));
    let chrome = chrome();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| draw(frame, &app, &chrome)).unwrap();
    app.layout.lines.len()
}

fn walk_bytes(path: &std::path::Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            total += walk_bytes(&p);
        } else if p.extension().is_some_and(|e| e == "txt") {
            total += entry.metadata().map_or(0, |m| m.len());
        }
    }
    total
}

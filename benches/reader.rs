//! Reader benchmarks: loading and sectioning a whole corpus, and the sample
//! from nothing to its first frame.
//!
//! `cargo bench --bench reader` reads `BRIEFING_CORPUS` (default
//! `../shared/corpus/bbc`) and skips the corpus benchmark when it is absent.

use std::path::PathBuf;

use briefing::load;
use briefing::story;
use briefing::ui::app::App;
use briefing::ui::config::Config;
use briefing::ui::theme::Theme;
use briefing::ui::view::{Chrome, Glyphs, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
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
    let chrome = Chrome {
        theme: Theme::default_theme(),
        keymap: Config::parse("bench", "").keymap,
        glyphs: Glyphs::new(false),
    };
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

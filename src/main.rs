//! The `briefing` binary: parse the command line, load, hand over to the
//! reader or the exporter.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;

use briefing::cli::{self, Cli, Command, Format};
use briefing::load::{self, Loaded};
use briefing::{export, state, story, ui};

/// mimalloc: the analyser makes many small, short-lived allocations, which
/// it serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Extract(args)) => {
            let loaded = open(&args.paths);
            report(&loaded);
            let stories = story::understand(loaded.articles);
            let output = match args.format() {
                Format::Json => export::to_json(&stories),
                Format::Text => export::to_text(&stories),
            };
            let mut stdout = std::io::stdout().lock();
            if writeln!(stdout, "{output}").is_err() {
                return ExitCode::FAILURE;
            }
            if loaded.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Starred { paths }) => {
            let key = state::briefing_key(&cli::briefing_inputs(&paths));
            let Some(dir) = state::data_dir() else {
                eprintln!("briefing: no data folder to read stars from");
                return ExitCode::FAILURE;
            };
            let (saved, problem) = state::Store::new(&dir, &key).load();
            if let Some(problem) = problem {
                eprintln!("briefing: {problem}");
            }
            print!("{}", state::starred_markdown(&saved));
            ExitCode::SUCCESS
        }
        None => {
            let loaded = open(&cli.paths);
            let key = state::briefing_key(&cli::briefing_inputs(&cli.paths));
            match ui::run(loaded, &cli.view, &key) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("briefing: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// The given paths, or the bundled sample when there are none.
fn open(paths: &[std::path::PathBuf]) -> Loaded {
    if paths.is_empty() {
        load::sample()
    } else {
        load::load_paths(paths)
    }
}

/// One line on stderr per path that could not be read, and per note.
fn report(loaded: &Loaded) {
    for problem in &loaded.problems {
        eprintln!(
            "briefing: {}",
            briefing::sanitize::clean_line(&problem.to_string())
        );
    }
    for note in &loaded.notes {
        eprintln!("briefing: note: {}", briefing::sanitize::clean_line(note));
    }
}

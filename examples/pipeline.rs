//! Opening a whole corpus as the reader does — load, analyse in the
//! background, relate, index the actors — timed stage by stage. Run it under
//! `/usr/bin/time -v` for peak memory.
//!
//! ```text
//! cargo run --release --example pipeline -- [DIR | reuters SGML_DIR]
//! ```
//!
//! A directory is loaded as the reader loads one (default
//! `../shared/corpus/bbc`); `reuters` reads every Reuters-21578 story with a
//! body. Exits quietly when the corpus is absent.

use std::path::{Path, PathBuf};
use std::time::Instant;

use briefing::index::actors::ActorIndex;
use briefing::load::{self, Article};
use briefing::story::{Story, Update, understand_in_background};

#[path = "support/sgml.rs"]
mod sgml;

/// The allocator the `briefing` binary uses: the analyser makes many small,
/// short-lived allocations, which it serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let start = Instant::now();
    let articles: Vec<Article> = match args.as_slice() {
        [kind, dir] if kind == "reuters" => match corpus(dir) {
            Some(dir) => sgml::reuters(&dir)?
                .into_iter()
                .map(|d| d.article)
                .collect(),
            None => return Ok(()),
        },
        [dir] => match corpus(dir) {
            Some(dir) => load::load_paths(&[dir]).articles,
            None => return Ok(()),
        },
        _ => match corpus("../shared/corpus/bbc") {
            Some(dir) => load::load_paths(&[dir]).articles,
            None => return Ok(()),
        },
    };
    let loaded = start.elapsed();
    eprintln!("peak after load {}", peak());
    let (mut stories, updates) = understand_in_background(articles);
    let listed = start.elapsed();
    for update in updates {
        let last = matches!(update, Update::Related(..));
        if last {
            eprintln!("peak when related {}", peak());
        }
        install(&mut stories, update);
        if last {
            break;
        }
    }
    let related = start.elapsed();
    let actors = ActorIndex::build(&stories).actors().len();
    let done = start.elapsed();
    println!("{} stories, {actors} actors", stories.len());
    println!("loaded               {loaded:>10.3?}");
    println!("listed               {listed:>10.3?}");
    println!("analysed and related {related:>10.3?}");
    println!("actor index          {done:>10.3?}");
    Ok(())
}

fn corpus(dir: &str) -> Option<PathBuf> {
    let path = Path::new(dir);
    if path.is_dir() {
        Some(path.to_path_buf())
    } else {
        eprintln!("skipping: no corpus at {dir}");
        None
    }
}

/// What the reader does with an update.
fn install(stories: &mut [Story], update: Update) {
    match update {
        Update::Analysed(index, analysis) => stories[index].analysis = analysis,
        Update::Related(related, _) => {
            for (story, related) in stories.iter_mut().zip(related) {
                story.related = related;
            }
        }
    }
}

fn peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("")
        .to_string()
}

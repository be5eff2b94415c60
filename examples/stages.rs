//! Where the analyser's time goes: every article of a corpus through each
//! stage in turn (tokens and sentences, names, actors, statements, events,
//! salience), on one thread, best of several rounds. Times are the thread's
//! CPU time, so that other processes on a busy machine count less (they
//! still share its caches).
//!
//! ```text
//! cargo run --release --example stages -- [DIR] [ROUNDS]
//! ```
//!
//! `DIR` defaults to `../shared/corpus/bbc`, `ROUNDS` to 7. Under
//! `valgrind --tool=callgrind` use one round: instruction counts per stage
//! do not depend on how busy the machine is.

use std::path::PathBuf;

use briefing::analyse::{STAGES, analyse_in_stages};
use briefing::load;
use cpu_time::ThreadTime;

/// The allocator the `briefing` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_else(|| "../shared/corpus/bbc".into()));
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(7);
    if !path.is_dir() {
        eprintln!("skipping: no corpus at {}", path.display());
        return;
    }
    let texts: Vec<String> = load::load_paths(&[path])
        .articles
        .into_iter()
        .map(|a| a.text)
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = [f64::MAX; STAGES.len()];
    for _ in 0..rounds.max(1) {
        let mut round = [0.0; STAGES.len()];
        for text in &texts {
            let mut marks = [ThreadTime::now(); STAGES.len() + 1];
            analyse_in_stages(text, |stage| marks[stage + 1] = ThreadTime::now());
            for (stage, pair) in round.iter_mut().zip(marks.windows(2)) {
                *stage += pair[1].duration_since(pair[0]).as_secs_f64();
            }
        }
        for (b, r) in best.iter_mut().zip(round) {
            *b = b.min(r);
        }
    }
    let total: f64 = best.iter().sum();
    for (name, secs) in STAGES.iter().zip(best) {
        println!(
            "{name:<10} {:8.1} ms {:5.1} %",
            secs * 1e3,
            secs / total * 100.0
        );
    }
    println!(
        "{:<10} {:8.1} ms, {:.1} MB/s over {bytes} bytes",
        "total",
        total * 1e3,
        bytes as f64 / total / 1e6
    );
}

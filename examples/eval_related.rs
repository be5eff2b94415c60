//! Related-story precision on a labelled corpus, without the JSON round trip.
//!
//! ```text
//! cargo run --release --example eval_related -- [DIR | reuters SGML_DIR]
//! ```
//!
//! A directory's articles are labelled by their parent folder (BBC: category);
//! Reuters-21578 stories count as right when they share a topic. Prints P@1,
//! P@5, the time `relate` takes, and checks the pairs of a `DUPLICATES.tsv`
//! beside the corpus rank each other first with score 1.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use briefing::index::related::relate;
use briefing::load::{self, Article};
use briefing::story::{Story, understand};

#[path = "support/sgml.rs"]
mod sgml;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (articles, labels) = match args.as_slice() {
        [kind, dir] if kind == "reuters" => reuters(Path::new(dir))?,
        [dir] => folder(Path::new(dir)),
        _ => folder(Path::new("../shared/corpus/bbc")),
    };
    let t = Instant::now();
    let mut stories = understand(articles);
    println!(
        "{} stories analysed and related in {:.3?}",
        stories.len(),
        t.elapsed()
    );
    let t = Instant::now();
    relate(&mut stories);
    println!("relate alone: {:.3?}", t.elapsed());

    for k in [1, 5, 10] {
        let mut total = 0.0;
        for (i, story) in stories.iter().enumerate() {
            let right = story
                .related
                .iter()
                .take(k)
                .filter(|&&(j, _)| shares(&labels[i], &labels[j]))
                .count();
            total += right as f64 / k as f64;
        }
        println!("P@{k} {:.4}", total / stories.len() as f64);
    }
    if std::env::var_os("DUMP").is_some() {
        for (i, story) in stories.iter().enumerate() {
            let wrong = story
                .related
                .iter()
                .take(5)
                .filter(|&&(j, _)| !shares(&labels[i], &labels[j]))
                .count();
            if wrong >= 2 {
                println!("\n[{}] {}", labels[i].join(","), story.article.title);
                for &(j, s) in story.related.iter().take(5) {
                    println!(
                        "   {s:.3} [{}] {}",
                        labels[j].join(","),
                        stories[j].article.title
                    );
                }
            }
        }
    }
    if let [dir] = args.as_slice() {
        check_duplicates(&stories, &Path::new(dir).join("DUPLICATES.tsv"));
    } else if args.is_empty() {
        check_duplicates(&stories, Path::new("../shared/corpus/bbc/DUPLICATES.tsv"));
    }
    Ok(())
}

fn shares(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn folder(dir: &Path) -> (Vec<Article>, Vec<Vec<String>>) {
    let articles = load::load_paths(&[dir.to_path_buf()]).articles;
    let labels = articles
        .iter()
        .map(|a| {
            let parent = PathBuf::from(&a.path).parent().map(Path::to_path_buf);
            vec![parent.map(|p| p.display().to_string()).unwrap_or_default()]
        })
        .collect();
    (articles, labels)
}

/// Reuters-21578 stories with a body and at least one topic.
fn reuters(dir: &Path) -> anyhow::Result<(Vec<Article>, Vec<Vec<String>>)> {
    Ok(sgml::reuters(dir)?
        .into_iter()
        .filter(|d| !d.topics.is_empty())
        .map(|d| (d.article, d.topics))
        .unzip())
}

fn check_duplicates(stories: &[Story], tsv: &Path) {
    let Ok(pairs) = std::fs::read_to_string(tsv) else {
        return;
    };
    let index: HashMap<String, usize> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| (tail(&s.article.path), i))
        .collect();
    let (mut ok, mut total) = (0, 0);
    for line in pairs.lines() {
        let Some((a, b)) = line.split_once('\t') else {
            continue;
        };
        let (Some(&i), Some(&j)) = (index.get(a), index.get(b)) else {
            continue;
        };
        for (x, y) in [(i, j), (j, i)] {
            total += 1;
            let first = stories[x].related.first();
            if first.is_some_and(|&(k, s)| {
                s == 1.0 && (k == y || stories[k].article.text == stories[y].article.text)
            }) {
                ok += 1;
            } else {
                println!("duplicate not first: {a} {b} → {first:?}");
            }
        }
    }
    println!("duplicates ranked first with score 1: {ok}/{total}");
}

/// The last two path components ("business/007.txt").
fn tail(path: &str) -> String {
    let p = Path::new(path);
    let file = p
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let dir = p
        .parent()
        .and_then(Path::file_name)
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    format!("{dir}/{file}")
}

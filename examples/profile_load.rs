fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let loaded = briefing::load::load_paths(std::slice::from_ref(&path));
        eprintln!("load {:?} {} articles", t.elapsed(), loaded.articles.len());
    }
}

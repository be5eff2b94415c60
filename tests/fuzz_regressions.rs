//! Inputs the fuzz targets (`fuzz/`) found to break an invariant, written
//! out readably, each kept as a test once fixed.

use briefing::load::{self, Article};

fn assert_sections_in_order(article: &Article) {
    let mut next = 0;
    for section in &article.sections {
        let range = &section.paragraphs;
        assert!(
            next <= range.start && range.start <= range.end,
            "sections overlap: {:?}",
            article.sections
        );
        assert!(range.end <= article.paragraphs.len());
        next = range.end;
    }
}

/// Found by `fuzz/load`: a first line that is all markup (`* \``) left an
/// empty line in the plain text, which shifted the heading line numbers by
/// one, so the headline became a section heading and two sections overlapped.
#[test]
fn markdown_line_of_markup_only_does_not_shift_headings() {
    let source = "* `\n\n# Harbour vote\n\nFirst paragraph.\n\n## Costs\n\nSecond paragraph.\n";
    let article = load::parse("f.md", "f".into(), source.to_string());
    assert_eq!(article.title, "Harbour vote");
    assert_sections_in_order(&article);
    let headings: Vec<&str> = article
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, ["Lede", "Costs"]);
    assert!(
        article.text.starts_with("Harbour vote\n"),
        "{:?}",
        article.text
    );
}

/// The same for a heading that is all markup: it is dropped, not kept empty.
#[test]
fn markdown_heading_of_markup_only_is_dropped() {
    let source = "# Harbour vote\n\nFirst.\n\n## `\n\nSecond.\n\n## Costs\n\nThird.\n";
    let article = load::parse("f.md", "f".into(), source.to_string());
    assert_sections_in_order(&article);
    assert!(
        article
            .sections
            .iter()
            .all(|s| !s.heading.trim().is_empty()),
        "{:?}",
        article.sections
    );
    assert!(article.sections.iter().any(|s| s.heading == "Costs"));
}

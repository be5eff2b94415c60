//! The two helpers the Reuters-21578 SGML readers share (a benchmark and an
//! evaluation helper; reading that SGML is not a product feature).

/// The text between the first `open` and the `close` after it.
pub fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// The few entities the Reuters SGML uses, turned back into text.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#3;", "")
        .replace("&amp;", "&")
}

//! Bytes → text without losing any: UTF-8 (with or without BOM), UTF-16 with
//! BOM, and Latin-1 / Windows-1252 for the bytes that are not UTF-8 (so a file
//! of mixed encodings keeps both); binary files are refused.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why a file's bytes are not an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no text at all.
    #[error("empty file")]
    Empty,
    /// NUL bytes or many control bytes: an image, archive or program.
    #[error("binary file, not text")]
    Binary,
}

/// Which decoding was used, so a note can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, BOM dropped if there was one.
    Utf8,
    /// UTF-16 announced by its BOM.
    Utf16,
    /// Not valid UTF-8: its valid UTF-8 runs kept, every other byte read as
    /// Windows-1252 (a superset of Latin-1's printable range).
    Windows1252,
}

/// Decode `bytes` and normalise line ends (CRLF and lone CR become LF).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] without copying a file that is already valid UTF-8, so a huge
/// article costs its size once, not twice.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    if head_is_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    decode_after_head(bytes)
}

/// [`decode_owned`] for bytes whose first [`HEAD_BYTES`] have already passed
/// [`head_is_binary`], so they are not looked at twice.
pub fn decode_after_head(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8)
    } else if bytes.starts_with(b"\xFF\xFE") {
        (
            UTF_16LE.decode_with_bom_removal(&bytes).0.into_owned(),
            Encoding::Utf16,
        )
    } else if bytes.starts_with(b"\xFE\xFF") {
        (
            UTF_16BE.decode_with_bom_removal(&bytes).0.into_owned(),
            Encoding::Utf16,
        )
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => (text, Encoding::Utf8),
            Err(e) => (mixed(e.as_bytes()), Encoding::Windows1252),
        }
    };
    let text = normalise_line_ends(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, encoding))
}

/// How many bytes of a file [`head_is_binary`] looks at.
pub const HEAD_BYTES: usize = 8192;

/// Whether the first bytes of a file already show it is binary (no BOM and
/// [`decode`] would refuse it), so a reader can stop before reading the rest.
pub fn head_is_binary(head: &[u8]) -> bool {
    let bom = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"];
    !bom.iter().any(|b| head.starts_with(b)) && looks_binary(head)
}

/// Valid UTF-8 runs as UTF-8 and the bytes between them as Windows-1252: a
/// UTF-8 file with a few Latin-1 bytes pasted in, or a Latin-1 file, loses
/// nothing. (A Latin-1 text that happens to hold a valid UTF-8 pair such as
/// "Ã©" reads as "é"; real text almost never does.)
fn mixed(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
    }
    text
}

/// NUL anywhere in the first 8 KiB, or more than one in ten bytes a C0
/// control other than tab, newline, carriage return, form feed and escape.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    if head.contains(&0) {
        return true;
    }
    // Without branches and in byte-sized counts (of 255 bytes at most), so
    // that the count runs over many bytes at once.
    let controls: usize = head
        .chunks(255)
        .map(|chunk| {
            let count = chunk.iter().fold(0u8, |count, &b| {
                let control = (b < 0x20)
                    & (b != b'\t')
                    & (b != b'\n')
                    & (b != b'\r')
                    & (b != 0x0C)
                    & (b != 0x1B);
                count + u8::from(control)
            });
            usize::from(count)
        })
        .sum();
    controls * 10 > head.len()
}

fn normalise_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let (text, enc) = decode(b"\xEF\xBB\xBFHead\r\nBody\r\n").unwrap();
        assert_eq!(text, "Head\nBody\n");
        assert_eq!(enc, Encoding::Utf8);
    }

    #[test]
    fn latin1_is_decoded_not_mangled() {
        let (text, enc) = decode(b"Caf\xe9 costs \xa35\n").unwrap();
        assert_eq!(text, "Café costs £5\n");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn mixed_encodings_keep_both() {
        let bytes = ["Café “ok” and caf".as_bytes(), b"\xe9 \x93too\x94"].concat();
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "Café “ok” and café “too”");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn windows_1252_quotes() {
        let (text, _) = decode(b"He said \x93yes\x94.").unwrap();
        assert_eq!(text, "He said \u{201C}yes\u{201D}.");
    }

    #[test]
    fn utf16_with_bom() {
        let (text, enc) = decode(b"\xFF\xFEH\0i\0").unwrap();
        assert_eq!(text, "Hi");
        assert_eq!(enc, Encoding::Utf16);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(DecodeError::Binary));
        assert_eq!(decode(b"  \n\n"), Err(DecodeError::Empty));
    }
}

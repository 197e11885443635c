//! Skipping over Rust's comments and literals in source text, byte by byte, without a full
//! lexer: what a scan for brackets needs to tell code from text (`cargo layout` cutting a file
//! into items, the derive cutting a struct's body into fields).
//!
//! Offsets are byte indices into the whole text; a function given an index where its token
//! starts returns one past where it ends, or `None` when the token is not closed.

/// Where the line comment starting at `i` ends: its newline, or the end of the text.
pub fn line_comment_end(bytes: &[u8], i: usize) -> usize {
    memchr(b'\n', bytes, i).unwrap_or(bytes.len())
}

/// The first `needle` at or after `from`.
fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map(|p| from + p)
}

/// Whether an identifier starts at `i` (not in the middle of one).
pub fn starts_ident(bytes: &[u8], i: usize) -> bool {
    i == 0 || !is_ident_byte(bytes[i - 1])
}

/// Whether `b` can be part of an identifier (any byte of a non-ASCII character can).
pub fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// One past the identifier (or number) starting at `i`.
pub fn ident_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_ident_byte(bytes[i]) {
        i += 1;
    }
    i
}

/// One past a `/* */` comment starting at `i` (they nest), or `None` if it is not closed.
pub fn block_comment_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut nesting = 0usize;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => {
                nesting += 1;
                i += 2;
            }
            (b'*', b'/') => {
                nesting -= 1;
                i += 2;
                if nesting == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// One past the closing `"` of a string whose contents start at `i` (escapes skipped).
pub fn string_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// At an identifier starting with `r`, `b` or `c`: one past the literal it prefixes (`r"..."`,
/// `r#"..."#`, `b"..."`, `br#"..."#`, `b'x'`, `c"..."`, `cr"..."`), `Some(Err)` for such a
/// literal that is not closed, `None` for a plain identifier (`r#type` included).
pub fn literal_prefix_end(bytes: &[u8], i: usize) -> Option<Result<usize, ()>> {
    let mut j = i;
    if matches!(bytes[j], b'b' | b'c') {
        j += 1;
        match bytes.get(j) {
            Some(b'"') => return Some(string_end(bytes, j + 1).ok_or(())),
            Some(b'\'') if bytes[i] == b'b' => return Some(char_end(bytes, j).ok_or(())),
            Some(b'r') => {}
            _ => return None,
        }
    }
    // `r` then hashes then `"`: a raw string.
    j += 1;
    let hashes_start = j;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    let hashes = j - hashes_start;
    let mut k = j + 1;
    while k < bytes.len() {
        if bytes[k] == b'"'
            && bytes[k + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return Some(Ok(k + 1 + hashes));
        }
        k += 1;
    }
    Some(Err(()))
}

/// At a `'`: one past a char literal (`'a'`, `'\n'`, `'\u{1F600}'`, `'é'`), or `None` for a
/// lifetime or label (`'a`, `'static`).
pub fn char_end(bytes: &[u8], i: usize) -> Option<usize> {
    let next = *bytes.get(i + 1)?;
    if next == b'\\' {
        let close = memchr(b'\'', bytes, i + 3)?;
        return Some(close + 1);
    }
    // One character (1 to 4 bytes in UTF-8) then `'`.
    let len = match next {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    };
    (bytes.get(i + 1 + len) == Some(&b'\'')).then_some(i + 2 + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_comments_end_where_rust_ends_them() {
        fn end(text: &str, f: fn(&[u8], usize) -> Option<usize>, at: usize) -> Option<&str> {
            f(text.as_bytes(), at).map(|e| &text[..e])
        }
        assert_eq!(
            end("/* a /* b */ c */ d", block_comment_end, 0),
            Some("/* a /* b */ c */")
        );
        assert_eq!(end("/* open", block_comment_end, 0), None);
        assert_eq!(end("\"a\\\"b\" c", string_end, 1), Some("\"a\\\"b\""));
        assert_eq!(end("'\\'' x", char_end, 0), Some("'\\''"));
        assert_eq!(end("'\\u{1F600}' x", char_end, 0), Some("'\\u{1F600}'"));
        assert_eq!(end("'é' x", char_end, 0), Some("'é'"));
        assert_eq!(end("'a x", char_end, 0), None, "a lifetime");
        let raw = "r#\"a \" b\"# c";
        assert_eq!(
            literal_prefix_end(raw.as_bytes(), 0),
            Some(Ok(raw.len() - 2))
        );
        assert_eq!(literal_prefix_end(b"br\"x\" y", 0), Some(Ok(5)));
        assert_eq!(literal_prefix_end(b"b'}' y", 0), Some(Ok(4)));
        assert_eq!(literal_prefix_end(b"r#type", 0), None);
        assert_eq!(literal_prefix_end(b"r\"open", 0), Some(Err(())));
    }
}

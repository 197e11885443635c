//! A struct body cut into one piece of source text per field, so that fields can be moved
//! with everything that belongs to them and nothing else.
//!
//! Field `i`'s piece is:
//! - `leading`: everything between the previous piece and the field's first token: the newline
//!   and indentation, blank lines and the plain comments above the field;
//! - `core`: the field's tokens (doc comments, attributes, visibility, name, type), up to its
//!   comma;
//! - whether a comma follows;
//! - `trailing`: what follows the comma on the same line, when it is only whitespace and
//!   comments (`a: u8, // the tag` keeps its comment).
//!
//! The text after the last piece, up to `}`, is the `tail`. Joining the pieces in declared
//! order with their commas gives back the body byte for byte; joining them in another order
//! gives the reordered body, with a comma after every field but the last, which gets one only
//! if the original last field had one (the original trailing-comma convention).

use std::ops::Range;

use crate::tree::FieldSpan;

/// One field's text, as byte ranges in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Whitespace and comments before the field.
    pub leading: Range<usize>,
    /// The field's tokens, up to (not including) its comma.
    pub core: Range<usize>,
    /// Whether a comma follows `core`.
    pub comma: bool,
    /// Whitespace and comments after the comma on the same line.
    pub trailing: Range<usize>,
}

/// A struct body cut into pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body {
    /// One piece per field, in declared order.
    pub pieces: Vec<Piece>,
    /// From the end of the last piece to the closing `}` (exclusive).
    pub tail: Range<usize>,
    /// From the opening `{` (exclusive) to the closing `}` (exclusive).
    pub whole: Range<usize>,
}

/// Cuts the body `start..end` (between the braces) of a struct whose fields are at `spans`.
pub fn cut(text: &str, start: usize, end: usize, spans: &[FieldSpan]) -> Body {
    let mut pieces = Vec::with_capacity(spans.len());
    let mut cursor = start;
    for s in spans {
        let (core_end, after) = match s.comma {
            Some(c) => (c, c + 1),
            None => (s.end, s.end),
        };
        let trailing_end = same_line_trivia(text, after, end);
        pieces.push(Piece {
            leading: cursor..s.start,
            core: s.start..core_end,
            comma: s.comma.is_some(),
            trailing: after..trailing_end,
        });
        cursor = trailing_end;
    }
    Body {
        pieces,
        tail: cursor..end,
        whole: start..end,
    }
}

/// The end of the whitespace and comments that follow `from` on its line, if nothing else
/// follows on that line; else `from` (the next field is on the same line).
fn same_line_trivia(text: &str, from: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    loop {
        while i < limit && (b[i] == b' ' || b[i] == b'\t' || b[i] == b'\r') {
            i += 1;
        }
        if i >= limit {
            // The closing brace follows on this line: the spaces before it are the tail's.
            return from;
        }
        if b[i] == b'\n' {
            // End of line: the trivia up to here is the field's. A `\r` before the newline
            // stays with it, so that CRLF files keep their line endings.
            return i;
        }
        if text[i..limit].starts_with("//") {
            return text[i..limit].find('\n').map_or(limit, |e| i + e);
        }
        if text[i..limit].starts_with("/*") {
            match text[i + 2..limit].find("*/") {
                Some(e) if !text[i..i + 2 + e].contains('\n') => {
                    i += 2 + e + 2;
                    continue;
                }
                _ => return from,
            }
        }
        return from;
    }
}

impl Body {
    /// The body text with the fields in `order` (a permutation of the declared indices).
    pub fn render(&self, text: &str, order: &[usize]) -> String {
        let last_comma = self.pieces.last().is_some_and(|p| p.comma);
        let mut out = String::with_capacity(self.whole.len() + order.len());
        for (k, &i) in order.iter().enumerate() {
            let p = &self.pieces[i];
            out.push_str(&text[p.leading.clone()]);
            out.push_str(&text[p.core.clone()]);
            if k + 1 < order.len() || last_comma {
                out.push(',');
            }
            out.push_str(&text[p.trailing.clone()]);
        }
        out.push_str(&text[self.tail.clone()]);
        out
    }

    /// The comments and attributes around field `i`, where its markers are written.
    pub fn marker_text(&self, text: &str, i: usize) -> String {
        let p = &self.pieces[i];
        format!(
            "{}\n{}",
            &text[p.leading.clone()],
            &text[p.trailing.clone()]
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cuts the body of the first struct in `src` the way the tool does.
    fn body_of(src: &str) -> Body {
        let file = syn::parse_str::<syn::File>(src).unwrap();
        let mut tree = crate::tree::Tree::default();
        let mut sources = crate::source::Sources::default();
        let dir = std::env::temp_dir().join(format!("cargo-layout-seg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("s{}.rs", src.len()));
        std::fs::write(&path, src).unwrap();
        tree.load_crate(
            &mut sources,
            &path,
            None,
            None,
            crate::tree::Follow::FileOnly,
        );
        drop(file);
        let s = tree.struct_of(0).unwrap();
        cut(
            src,
            s.body_start.unwrap(),
            s.body_end.unwrap(),
            &s.field_spans,
        )
    }

    #[test]
    fn declared_order_gives_back_the_body() {
        for src in [
            "struct S {\n    /// doc\n    #[x] pub a: u8, // tag\n\n    // lead\n    b: u64,\n}",
            "struct S { a: u8, b: u64 }",
            "struct S {\r\n    a: u8, /* x */ // y\r\n    b: u64 // z\r\n}",
            "struct S {}",
            "struct S { a: [u8; 3] /* odd */ , b: u8, }",
        ] {
            let body = body_of(src);
            let order: Vec<usize> = (0..body.pieces.len()).collect();
            assert_eq!(body.render(src, &order), src[body.whole.clone()], "{src:?}");
        }
    }

    #[test]
    fn reordering_moves_comments_and_keeps_the_comma_convention() {
        let src = "struct S {\n    a: u8, // tag\n    // lead\n    b: u64\n}";
        let body = body_of(src);
        assert_eq!(
            body.render(src, &[1, 0]),
            "\n    // lead\n    b: u64,\n    a: u8 // tag\n"
        );
        let src = "struct S { a: u8, b: u64, c: u16, }";
        let body = body_of(src);
        assert_eq!(body.render(src, &[1, 2, 0]), " b: u64, c: u16, a: u8, ");
    }
}

//! Parsing source text with syn in bounded memory, and the rules for reading where a syntax
//! node is.
//!
//! `--fix` edits at byte offsets, and the reports show types as written: proc-macro2 gives
//! both with its `span-locations` feature, by keeping every text it lexes, with a line table,
//! in a map local to the thread until the map is cleared. Parsed whole, a file takes about 70
//! times its size in tokens and syntax tree (a 52 MB file of structs peaked at 7.3 GB); kept
//! for the whole run, the syntax trees of every struct would too.
//!
//! So the tool keeps byte ranges, not syntax trees, and parses in two phases:
//!
//! - **Loading** ([`fresh`]): a file is parsed a piece at a time ([`pieces`]: runs of whole
//!   top-level items), the map cleared before each piece, and what is kept of a piece's items
//!   is recorded (names, byte ranges, `#[cfg]`s, markers) before the next piece is parsed.
//!   A file declared in a piece (`mod name;`, `include!`) is loaded right there, as rustc
//!   does (`#[macro_use]` needs it), with [`more`], so that the declaring piece's spans stay
//!   readable; so is a macro's body expanded away from its definition.
//! - **Analysis** ([`more`]): a struct, enum, alias or constant is parsed again from its
//!   range when it is modelled or reported ([`crate::tree::Tree::struct_of`]). The map is
//!   cleared ([`forget_spans`]) before each item reported, when nothing parsed for the one
//!   before is still used.
//!
//! The rule that keeps this right: **a span's location (byte offset, line, column) is read
//! only until the map is next cleared**: after that, an old span can fall inside a newer text
//! and give a wrong offset without any error. What outlives that is kept as byte offsets and
//! strings, or printed without locations ([`text_without_locations`]: the `#[cfg]` predicates
//! kept from loading).

use std::ops::Range;

use layout_syntax::lex::{
    block_comment_end, char_end, ident_end, line_comment_end, literal_prefix_end, starts_ident,
    string_end,
};
use proc_macro2::Span;

/// A piece is cut only once it is at least this long: fewer, larger pieces cost less to parse,
/// and the peak memory is about 70 times this.
pub const PIECE: usize = 256 * 1024;

/// Parses `text` after clearing proc-macro2's map of earlier texts: every span parsed before
/// stops being readable (see the module's rule).
pub fn fresh<T: syn::parse::Parse>(text: &str) -> syn::Result<T> {
    forget_spans();
    syn::parse_str(text)
}

/// Parses `text` keeping the earlier texts' spans readable.
pub fn more<T: syn::parse::Parse>(text: &str) -> syn::Result<T> {
    syn::parse_str(text)
}

/// Clears proc-macro2's map of the texts parsed so far: every span parsed before stops being
/// readable (see the module's rule).
pub fn forget_spans() {
    proc_macro2::extra::invalidate_current_thread_spans();
    GENERATION.set(GENERATION.get() + 1);
}

thread_local! {
    /// How many times the map was cleared on this thread.
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Changes each time the map is cleared: a syntax tree kept with the generation it was
/// parsed in may have its spans read while the generation is the same.
pub fn generation() -> u64 {
    GENERATION.get()
}

/// Where a span is, as a byte range of the whole file, when its text was parsed from `base`.
/// Only for spans of the latest [`fresh`] parse (or of [`more`] since).
pub fn at(span: Span, base: usize) -> Range<usize> {
    let r = span.byte_range();
    base + r.start..base + r.end
}

/// Tokens as written (the spacing between tokens on a line kept, line breaks as spaces): what
/// the reports show of a type, a path or an expression. Their spans must be readable (see the
/// module's rule).
pub fn text_of(tokens: proc_macro2::TokenStream) -> String {
    layout_syntax::source::tokens_source(tokens)
}

/// Tokens as text with conventional spacing (`all(unix, target_pointer_width = "64")`), not
/// reading the spans' locations: for what is kept from loading, such as `#[cfg]` predicates.
pub fn text_without_locations(tokens: proc_macro2::TokenStream) -> String {
    layout_syntax::source::tokens_source(located_nowhere(tokens))
}

/// The same tokens with every span replaced by one that has no location.
fn located_nowhere(tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    use proc_macro2::TokenTree;
    tokens
        .into_iter()
        .map(|mut t| {
            if let TokenTree::Group(g) = &t {
                let mut inner = proc_macro2::Group::new(g.delimiter(), located_nowhere(g.stream()));
                inner.set_span(Span::call_site());
                t = TokenTree::Group(inner);
            } else {
                t.set_span(Span::call_site());
            }
            t
        })
        .collect()
}

/// Cuts a file's text into pieces that are each a run of whole top-level items (and the
/// comments between them), at least [`PIECE`] bytes long but the last.
///
/// A cut is made only where an item certainly ends: after a `;` or `}` outside every bracket,
/// comment and literal, followed (after whitespace and comments) by the end of the text, an
/// attribute or a keyword that starts an item. Inside an item, a `}` outside brackets can only
/// end an expression (`const X: u8 = match a { .. } + 1;`), which no item keyword follows. Text
/// that does not lex (an unclosed string or comment) is never cut after the fault: the parse of
/// the last piece then reports it.
pub fn pieces(text: &str, min: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: usize = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = line_comment_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                match block_comment_end(bytes, i) {
                    Some(end) => i = end,
                    None => break,
                }
                continue;
            }
            b'"' => {
                match string_end(bytes, i + 1) {
                    Some(end) => i = end,
                    None => break,
                }
                continue;
            }
            b'r' | b'b' | b'c' if starts_ident(bytes, i) => {
                // A raw string (`r"..."`, `r#"..."#`, `br`, `cr`), a byte or C string, a byte
                // literal, or an identifier.
                match literal_prefix_end(bytes, i) {
                    Some(Ok(end)) => i = end,
                    Some(Err(())) => break,
                    None => i = ident_end(bytes, i),
                }
                continue;
            }
            b'\'' => {
                // A char literal or a lifetime / label.
                match char_end(bytes, i) {
                    Some(end) => i = end,
                    None => i += 1,
                }
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && i + 1 - start >= min && item_follows(bytes, i + 1) {
                    out.push(start..i + 1);
                    start = i + 1;
                }
            }
            b';' if depth == 0 && i + 1 - start >= min && item_follows(bytes, i + 1) => {
                out.push(start..i + 1);
                start = i + 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                i = ident_end(bytes, i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() || out.is_empty() {
        out.push(start..bytes.len());
    }
    out
}

/// Whether what follows `i` (after whitespace and comments) is the end of the text, an
/// attribute or a keyword that starts an item.
fn item_follows(bytes: &[u8], mut i: usize) -> bool {
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes[i..].starts_with(b"//") {
            // A doc comment starts the next item; a plain one is skipped.
            if bytes[i..].starts_with(b"///") || bytes[i..].starts_with(b"//!") {
                return true;
            }
            i = line_comment_end(bytes, i);
        } else if bytes[i..].starts_with(b"/*") {
            if bytes[i..].starts_with(b"/**") || bytes[i..].starts_with(b"/*!") {
                return true;
            }
            match block_comment_end(bytes, i) {
                Some(end) => i = end,
                None => return false,
            }
        } else {
            break;
        }
    }
    if i >= bytes.len() || bytes[i] == b'#' {
        return true;
    }
    let word = &bytes[i..ident_end(bytes, i)];
    const STARTS_ITEM: &[&[u8]] = &[
        b"pub",
        b"struct",
        b"enum",
        b"union",
        b"fn",
        b"impl",
        b"mod",
        b"use",
        b"const",
        b"static",
        b"type",
        b"trait",
        b"extern",
        b"unsafe",
        b"async",
        b"macro_rules",
        b"auto",
    ];
    STARTS_ITEM.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces of `text` cut as small as allowed.
    fn cut(text: &str) -> Vec<&str> {
        pieces(text, 1).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn items_are_cut_where_they_end() {
        assert_eq!(
            cut("struct A;\nstruct B { a: u8 }\n// c\nfn f() { g(); }\n"),
            [
                "struct A;",
                "\nstruct B { a: u8 }",
                "\n// c\nfn f() { g(); }",
                "\n"
            ]
        );
    }

    #[test]
    fn an_expression_block_does_not_end_its_item() {
        let text = "const X: u8 = match 1 { _ => 2 }\n    + 1;\nconst Y: S = S { a: 1 };";
        assert_eq!(
            cut(text),
            [
                "const X: u8 = match 1 { _ => 2 }\n    + 1;",
                "\nconst Y: S = S { a: 1 };"
            ]
        );
    }

    #[test]
    fn brackets_in_comments_and_literals_are_not_counted() {
        let text = concat!(
            "const A: &str = \"}\"; // }\n",
            "const B: char = '}';\n",
            "const C: &str = r#\"\"} \"#;\n",
            "/* { /* } */ */ const D: u8 = b'}';\n",
            "fn f<'a>(x: &'a u8) -> &'a u8 { x }\n",
            "const E: &[u8] = br\"{\";\n",
        );
        let got = cut(text);
        assert_eq!(got.len(), 7, "{got:#?}");
        assert_eq!(got.concat(), text);
        assert!(got[4].ends_with("{ x }"), "{got:#?}");
    }

    #[test]
    fn unclosed_literals_stop_the_cutting() {
        let text = "struct A;\nconst S: &str = \"open;\nstruct B;";
        assert_eq!(
            cut(text),
            ["struct A;", "\nconst S: &str = \"open;\nstruct B;"]
        );
    }

    #[test]
    fn pieces_are_at_least_the_minimum() {
        let text = "struct A;\n".repeat(100);
        let got = pieces(&text, 95);
        assert!(got.iter().rev().skip(1).all(|r| r.len() >= 95));
        assert_eq!(got.iter().map(|r| r.len()).sum::<usize>(), text.len());
    }
}

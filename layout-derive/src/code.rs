//! Generated code written as Rust source text and handed to the compiler in one piece, and the
//! one rule for what is built as tokens instead.
//!
//! A proc macro that builds its output token by token with `quote!` pays a call into the
//! compiler for every token (about half a microsecond each in the debug build a `cargo check`
//! uses), which for the ~250 tokens of a derived struct was most of what the derive cost a build
//! (`benches/compile-time`). Source text is lexed by the compiler in one call instead. Its tokens
//! all get the call site's span, which is what `quote!` gives them too.
//!
//! The rule, for every expansion (`expand`, `enums`, `entries`, `fallback`): generated code is
//! written as text, with [`Code`]; `quote!` and `quote_spanned!` build only tokens that must
//! point into the input, so that the compiler's error or warning lands there, and the least
//! around them that carries them, in one of two places:
//!
//! - a piece of an item written as text, left as a hole ([`Code::hole`]) and filled after lexing,
//!   spans kept: a field's type (a missing `Model` impl is reported at it), a discriminant
//!   expression, a generic struct's policy checks;
//! - a whole item whose errors or warnings point into the input, appended after the text's tokens
//!   (as a hole it would cost a walk of every token of the text, which filling does): the policy
//!   checks of constant evaluation and the compiling target's reports, at the type's name
//!   (`quote_spanned!` at that span, with the pieces built apart [`respan`]ned to it); a warning
//!   made while the macro expands, at the report's span; `fallback`'s placeholder impls beside the
//!   errors, with the input's generics as written.
//!
//! Text alone cannot serve: its tokens all get one span, and `respan` puts all of an item's at
//! one place, where these items mix spans (a warning's note stays at the call site, the
//! placeholder impls keep the input's generics). Tokens alone would cost a call into the
//! compiler per token in every expansion, where the text costs one.

use std::fmt::{Display, Write};

use proc_macro2::{Group, Span, TokenStream, TokenTree};

/// The suffix of the string literal `"i"__layout_hole` that marks hole `i` in the text. A
/// suffixed string literal lexes but is not valid Rust, so no part of the input that reaches the
/// text (the struct's name, generics, field names) can be mistaken for a hole.
const HOLE: &str = "__layout_hole";

/// Generated code being written as text, with its holes.
#[derive(Default)]
pub struct Code {
    text: String,
    holes: Vec<TokenStream>,
}

impl Code {
    /// Appends `text`.
    pub fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends `value` formatted with `Display`.
    pub fn display(&mut self, value: impl Display) {
        // Writing to a `String` cannot fail.
        let _ = write!(self.text, "{value}");
    }

    /// Appends `s` as a string literal.
    pub fn str_literal(&mut self, s: &str) {
        // `Debug` of a `str` is a valid Rust string literal: quotes, backslashes and control
        // characters escaped, `\u{..}` for the rest that need it.
        let _ = write!(self.text, "{s:?}");
    }

    /// Appends each of `items` with `write`, `separator` between them.
    pub fn separated<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        separator: &str,
        mut write: impl FnMut(&mut Code, T),
    ) {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.push(separator);
            }
            write(self, item);
        }
    }

    /// Appends a hole that [`Code::into_tokens`] fills with `tokens`, spans kept.
    pub fn hole(&mut self, tokens: TokenStream) {
        let _ = write!(self.text, " \"{}\"{HOLE} ", self.holes.len());
        self.holes.push(tokens);
    }

    /// The tokens: the text lexed by the compiler, holes filled. An error only if the derive
    /// wrote text that does not lex, which is a bug in the derive.
    pub fn into_tokens(self) -> Result<TokenStream, syn::Error> {
        let tokens = lex(&self.text).map_err(|e| {
            syn::Error::new(
                proc_macro2::Span::call_site(),
                format!(
                    "#[derive(Layout)] generated code that does not lex ({e}): please report it"
                ),
            )
        })?;
        if self.holes.is_empty() {
            return Ok(tokens);
        }
        let mut holes: Vec<Option<TokenStream>> = self.holes.into_iter().map(Some).collect();
        Ok(fill(tokens, &mut holes))
    }
}

/// `text` lexed: by the compiler directly inside a proc macro (`proc_macro2` would first lex it
/// again with its own lexer, built without optimisations like the rest of the macro, to check
/// it, which costs more than the derive's other work together), by `proc_macro2` elsewhere
/// (unit tests).
fn lex(text: &str) -> Result<TokenStream, String> {
    if proc_macro::is_available() {
        text.parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .map_err(|e| e.to_string())
    } else {
        text.parse::<TokenStream>().map_err(|e| e.to_string())
    }
}

/// `tokens` with every hole marker replaced by its tokens.
fn fill(tokens: TokenStream, holes: &mut [Option<TokenStream>]) -> TokenStream {
    let mut out = TokenStream::new();
    for tt in tokens {
        match tt {
            TokenTree::Literal(lit) => {
                let text = lit.to_string();
                let hole = text
                    .strip_suffix(HOLE)
                    .and_then(|t| {
                        t.strip_prefix('"')?
                            .strip_suffix('"')?
                            .parse::<usize>()
                            .ok()
                    })
                    .and_then(|i| holes.get_mut(i))
                    .and_then(Option::take);
                match hole {
                    Some(filling) => out.extend(filling),
                    None => out.extend([TokenTree::Literal(lit)]),
                }
            }
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), fill(g.stream(), holes));
                group.set_span(g.span());
                out.extend([TokenTree::Group(group)]);
            }
            other => out.extend([other]),
        }
    }
    out
}

/// `tokens` with every token at `span`, so that an error in constant evaluation points at the
/// struct's name rather than at the derive.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::{quote, quote_spanned};

    #[test]
    fn text_lexes_and_holes_keep_their_spans() {
        let mut s = Code::default();
        s.push("const X: [u8; 2] = [");
        let span = syn::parse_str::<syn::Ident>("\n\n   here").unwrap().span();
        s.hole(quote_spanned!(span=> 1u8));
        s.push(", { ");
        s.hole(quote!(2u8));
        s.push(" }]; const __layout_hole: u8 = 0; const S: &str = ");
        s.str_literal("a \"quote\", a \\ and a\nline break");
        s.push(";");
        let tokens = s.into_tokens().unwrap();
        assert_eq!(span.start().line, 3);
        let expected = quote!(
            const X: [u8; 2] = [1u8, { 2u8 }];
            const __layout_hole: u8 = 0;
            const S: &str = "a \"quote\", a \\ and a\nline break";
        );
        assert_eq!(tokens.to_string(), expected.to_string());
        // The filled token kept the span it was made with.
        fn find(tokens: TokenStream, text: &str) -> Option<proc_macro2::Span> {
            tokens.into_iter().find_map(|tt| match tt {
                TokenTree::Group(g) => find(g.stream(), text),
                tt if tt.to_string() == text => Some(tt.span()),
                _ => None,
            })
        }
        let filled = find(tokens, "1u8").unwrap();
        assert_eq!((filled.start(), filled.end()), (span.start(), span.end()));
    }

    #[test]
    fn text_that_does_not_lex_is_an_error_not_a_panic() {
        let mut s = Code::default();
        s.push("const X: u8 = (;");
        assert!(s.into_tokens().is_err());
    }
}

//! Source text of a field as the user wrote it, for the paste-ready body of a report: doc
//! comments, attributes, visibility, name and type, with the original spacing where the spans
//! carry locations (a proc macro on Rust 1.88+, or code parsed from a string), else with
//! conventional spacing.

use proc_macro2::{Delimiter, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// The field as written, one line per doc comment or attribute, then `vis name: Type` (for a
/// tuple field, `vis Type`), without the trailing comma.
pub fn field_source(field: &syn::Field) -> Vec<String> {
    let mut lines = Vec::new();
    for attr in &field.attrs {
        lines.push(attr_source(attr));
    }
    let mut decl = TokenStream::new();
    field.vis.to_tokens(&mut decl);
    if let Some(ident) = &field.ident {
        ident.to_tokens(&mut decl);
        if let Some(colon) = &field.colon_token {
            colon.to_tokens(&mut decl);
        } else {
            syn::Token![:](ident.span()).to_tokens(&mut decl);
        }
    }
    field.ty.to_tokens(&mut decl);
    lines.push(tokens_source(decl));
    lines
}

/// One attribute as written; a doc comment as its `///` line.
pub fn attr_source(attr: &syn::Attribute) -> String {
    if let Some(text) = attr.pound_token.span.source_text()
        && (text.starts_with("//") || text.starts_with("/*"))
    {
        return text.trim().to_owned();
    }
    if let syn::Meta::NameValue(nv) = &attr.meta
        && nv.path.is_ident("doc")
        && let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = &nv.value
        && matches!(attr.style, syn::AttrStyle::Outer)
    {
        let value = s.value();
        return value
            .lines()
            .map(|l| format!("///{l}"))
            .collect::<Vec<_>>()
            .join("\n");
    }
    tokens_source(attr.to_token_stream())
}

/// Tokens as text: original spacing between tokens on one line when the spans know their
/// columns, conventional spacing otherwise; line breaks become single spaces.
pub fn tokens_source(tokens: TokenStream) -> String {
    let mut out = Printer {
        text: String::new(),
        prev: None,
    };
    out.stream(tokens);
    out.text
}

#[derive(Clone, Copy)]
struct Prev {
    /// `(line, column)` just past the previous token, when known.
    end: Option<(usize, usize)>,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Open,
    Close,
    Punct(char, Spacing),
    /// The second `:` of a path separator `::`.
    PathSep,
}

struct Printer {
    text: String,
    prev: Option<Prev>,
}

/// A token's start, when its span knows where it is (a token is never empty, so an empty span
/// is a made-up one, such as `Span::call_site()` outside a macro).
fn start_of(span: Span) -> Option<(usize, usize)> {
    let (start, end) = (span.start(), span.end());
    (start.line > 0 && (start.line, start.column) != (end.line, end.column))
        .then_some((start.line, start.column))
}

fn end_of(span: Span) -> Option<(usize, usize)> {
    start_of(span)?;
    let lc = span.end();
    Some((lc.line, lc.column))
}

impl Printer {
    fn stream(&mut self, tokens: TokenStream) {
        for tt in tokens {
            self.tree(tt);
        }
    }

    fn tree(&mut self, tt: TokenTree) {
        match tt {
            TokenTree::Group(g) => {
                let (open, close) = match g.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("", ""),
                };
                if g.delimiter() == Delimiter::None {
                    self.stream(g.stream());
                    return;
                }
                self.token(open, g.span_open(), Kind::Open);
                self.stream(g.stream());
                self.token(close, g.span_close(), Kind::Close);
            }
            TokenTree::Ident(i) => self.token(&i.to_string(), i.span(), Kind::Word),
            TokenTree::Literal(l) => self.token(&l.to_string(), l.span(), Kind::Word),
            TokenTree::Punct(p) => {
                let c = p.as_char();
                self.token(&c.to_string(), p.span(), Kind::Punct(c, p.spacing()));
            }
        }
    }

    fn token(&mut self, text: &str, span: Span, mut kind: Kind) {
        if kind == Kind::Punct(':', Spacing::Alone)
            && self
                .prev
                .is_some_and(|p| p.kind == Kind::Punct(':', Spacing::Joint))
        {
            kind = Kind::PathSep;
        }
        if let Some(prev) = self.prev {
            let space = match (prev.end, start_of(span)) {
                (Some((pl, pc)), Some((l, c))) if l == pl && c >= pc => c - pc,
                (Some((pl, _)), Some((l, _))) if l > pl => 1,
                _ => usize::from(conventional_space(prev.kind, kind)),
            };
            self.text.extend(core::iter::repeat_n(' ', space.min(8)));
        }
        self.text.push_str(text);
        self.prev = Some(Prev {
            end: end_of(span),
            kind,
        });
    }
}

/// Whether a space goes between two tokens when their positions are not known.
fn conventional_space(prev: Kind, next: Kind) -> bool {
    match (prev, next) {
        (Kind::Word, Kind::Word) => true,
        (Kind::Punct(_, Spacing::Joint) | Kind::PathSep, _) => false,
        (Kind::Punct(',' | ';' | ':' | '=' | '+', _), _) => true,
        (Kind::Punct('>', _), Kind::Word) => true,
        (_, Kind::Punct('=' | '+', _)) => true,
        (Kind::Close, Kind::Word) => true,
        (Kind::Word | Kind::Close, Kind::Punct('-', Spacing::Joint)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(src: &str) -> syn::Field {
        let item: syn::ItemStruct = syn::parse_str(src).unwrap();
        item.fields.into_iter().next().unwrap()
    }

    #[test]
    fn keeps_docs_attributes_visibility_and_type() {
        let f = field(
            "struct S {\n    /// The id.\n    #[serde(rename = \"x\")]\n    pub(crate) id: Option<&'static [u8]>,\n}",
        );
        assert_eq!(
            field_source(&f),
            [
                "/// The id.",
                "#[serde(rename = \"x\")]",
                "pub(crate) id: Option<&'static [u8]>"
            ]
        );
    }

    #[test]
    fn conventional_spacing_without_locations() {
        let ty: syn::Type = syn::parse_quote!(fn(u8, *const T) -> Box<dyn Fn() + Send>);
        assert_eq!(
            tokens_source(ty.to_token_stream()),
            "fn(u8, *const T) -> Box<dyn Fn() + Send>"
        );
        let ty: syn::Type = syn::parse_quote!(::core::mem::ManuallyDrop<crate::a::T<'static>>);
        assert_eq!(
            tokens_source(ty.to_token_stream()),
            "::core::mem::ManuallyDrop<crate::a::T<'static>>"
        );
        let ty: syn::Type = syn::parse_quote!(<T as Trait>::Out);
        assert_eq!(tokens_source(ty.to_token_stream()), "<T as Trait>::Out");
    }
}

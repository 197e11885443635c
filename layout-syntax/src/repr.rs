//! `#[repr(...)]` attributes as an engine [`Repr`], with spanned errors for every form rustc
//! rejects (so a user of the derive sees the problem explained at the token, not a cascade).

use proc_macro2::Span;
use syn::spanned::Spanned;

use layout_engine::{MAX_ALIGN, MAX_PACK, Repr, ReprBase};

/// The representation of an item, as read from its `#[repr(...)]` attributes.
#[derive(Clone, Debug)]
pub struct ReprAttr {
    /// The representation.
    pub repr: Repr,
    /// The `#[repr(...)]` attribute that sets the base (`C`, `transparent`, `Rust`), if any: where
    /// to point when the base is the problem.
    pub base_span: Option<Span>,
    /// The `packed`/`packed(N)` token, if any.
    pub packed_span: Option<Span>,
    /// The `align(N)` token, if any.
    pub align_span: Option<Span>,
    /// A primitive representation (`u8`, `i32`, ...), which only enums may have.
    pub int: Option<syn::Ident>,
}

const INTS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// Reads every `#[repr(...)]` among `attrs` (several combine, as in rustc). All problems are
/// returned together, each spanned on its token.
pub fn parse_repr(attrs: &[syn::Attribute]) -> Result<ReprAttr, syn::Error> {
    let mut out = ReprAttr {
        repr: Repr::RUST,
        base_span: None,
        packed_span: None,
        align_span: None,
        int: None,
    };
    let mut errors: Option<syn::Error> = None;
    let mut push = |e: syn::Error| match &mut errors {
        Some(all) => all.combine(e),
        None => errors = Some(e),
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("repr")) {
        let parsed =
            attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                let name = match path.get_ident() {
                    Some(i) => i.to_string(),
                    None => return Err(meta.error("unknown representation hint")),
                };
                match name.as_str() {
                    "C" | "Rust" | "transparent" => {
                        let base = match name.as_str() {
                            "C" => ReprBase::C,
                            "transparent" => ReprBase::Transparent,
                            _ => ReprBase::Rust,
                        };
                        if let Some(prev) = out.base_span
                            && out.repr.base != base
                        {
                            let mut e = syn::Error::new(
                                path.span(),
                                format!(
                                    "conflicting representation hints: `{name}` with `{}`",
                                    base_name(out.repr.base)
                                ),
                            );
                            e.combine(syn::Error::new(prev, "the other hint is here"));
                            push(e);
                        }
                        out.repr.base = base;
                        out.base_span = Some(path.span());
                    }
                    "packed" => {
                        let n = if meta.input.peek(syn::token::Paren) {
                            let content;
                            syn::parenthesized!(content in meta.input);
                            let lit: syn::LitInt = content.parse()?;
                            power_of_two(&lit, MAX_PACK, "packed")?
                        } else {
                            1
                        };
                        if out.packed_span.is_some() {
                            push(meta.error(
                                "`packed` is given twice: keep one `packed(N)` (rustc E0634)",
                            ));
                        }
                        out.repr.packed = Some(n);
                        out.packed_span = Some(path.span());
                    }
                    "align" => {
                        if !meta.input.peek(syn::token::Paren) {
                            return Err(
                                meta.error("`align` needs a value: `align(N)`, N a power of two")
                            );
                        }
                        let content;
                        syn::parenthesized!(content in meta.input);
                        let lit: syn::LitInt = content.parse()?;
                        let n = power_of_two(&lit, MAX_ALIGN, "align")?;
                        // Several `align(N)` combine to the largest, as in rustc.
                        out.repr.align = Some(out.repr.align.map_or(n, |m: u64| m.max(n)));
                        out.align_span = Some(path.span());
                    }
                    int if INTS.contains(&int) => {
                        out.int = Some(
                            path.get_ident()
                                .cloned()
                                .unwrap_or_else(|| syn::Ident::new(int, path.span())),
                        )
                    }
                    other => {
                        return Err(meta.error(format!(
                        "unsupported representation hint `{other}`: expected `C`, `transparent`, \
                         `Rust`, `packed`, `packed(N)` or `align(N)`"
                    )));
                    }
                }
                Ok(())
            });
        if let Err(e) = parsed {
            push(e);
        }
    }
    if let (Some(p), Some(_)) = (out.packed_span, out.align_span) {
        push(syn::Error::new(
            p,
            "`packed` and `align` cannot be combined on one type (rustc E0587): to align a \
             packed struct, wrap it: `#[repr(C, align(N))] struct Aligned(Packed);`",
        ));
    }
    if out.repr.base == ReprBase::Transparent
        && let Some(s) = out.packed_span.or(out.align_span)
    {
        push(syn::Error::new(
            s,
            "`repr(transparent)` cannot be combined with `packed` or `align` (rustc E0692)",
        ));
    }
    match errors {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The hint's name, as written in `#[repr(...)]`.
pub fn base_name(base: ReprBase) -> &'static str {
    match base {
        ReprBase::C => "C",
        ReprBase::Transparent => "transparent",
        ReprBase::Rust => "Rust",
    }
}

fn power_of_two(lit: &syn::LitInt, max: u64, what: &str) -> syn::Result<u64> {
    if !lit.suffix().is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{what}` takes an unsuffixed integer: `{what}({})`",
                lit.base10_digits()
            ),
        ));
    }
    match lit.base10_parse::<u64>() {
        Ok(n) if n.is_power_of_two() && n <= max => Ok(n),
        _ => Err(syn::Error::new(
            lit.span(),
            format!(
                "`{what}({})`: the value must be a power of two from 1 to {} (2^{})",
                lit.base10_digits(),
                max,
                max.trailing_zeros()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(attrs: &str) -> Result<ReprAttr, String> {
        let item: syn::ItemStruct = syn::parse_str(&format!("{attrs} struct S;")).unwrap();
        parse_repr(&item.attrs).map_err(|e| {
            e.into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        })
    }

    #[test]
    fn forms_rustc_accepts() {
        assert_eq!(parse("").unwrap().repr, Repr::RUST);
        assert_eq!(parse("#[repr(C)]").unwrap().repr, Repr::C);
        assert_eq!(parse("#[repr(C, packed)]").unwrap().repr, Repr::C.packed(1));
        assert_eq!(
            parse("#[repr(C)] #[repr(packed(4))]").unwrap().repr,
            Repr::C.packed(4)
        );
        assert_eq!(
            parse("#[repr(C, align(8), align(16))]").unwrap().repr,
            Repr::C.aligned(16)
        );
        assert_eq!(
            parse("#[repr(transparent)]").unwrap().repr,
            Repr::TRANSPARENT
        );
        assert_eq!(
            parse("#[derive(Debug)] #[repr(Rust)]").unwrap().repr,
            Repr::RUST
        );
        assert!(parse("#[repr(u8)]").unwrap().int.is_some());
    }

    #[test]
    fn forms_rustc_rejects() {
        assert!(
            parse("#[repr(C, packed, align(8))]")
                .unwrap_err()
                .contains("cannot be combined")
        );
        assert!(
            parse("#[repr(align(3))]")
                .unwrap_err()
                .contains("power of two")
        );
        assert!(
            parse("#[repr(align(8u32))]")
                .unwrap_err()
                .contains("unsuffixed")
        );
        assert!(
            parse("#[repr(packed(0))]")
                .unwrap_err()
                .contains("power of two")
        );
        assert!(
            parse("#[repr(C, transparent)]")
                .unwrap_err()
                .contains("conflicting")
        );
        assert!(
            parse("#[repr(transparent, align(4))]")
                .unwrap_err()
                .contains("E0692")
        );
        assert!(parse("#[repr(simd)]").unwrap_err().contains("unsupported"));
        assert!(
            parse("#[repr(align)]")
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(
            parse("#[repr(packed, packed(2))]")
                .unwrap_err()
                .contains("twice")
        );
    }
}

//! Whether the struct's definition may be another on other targets: a field under a `#[cfg]`
//! about the target, or a `#[repr]` from a `#[cfg_attr]` about it. The derive sees the
//! definition of the compiling target only (rustc removes the fields switched off and expands
//! `cfg_attr` before a derive runs), so such a struct's layout elsewhere cannot be predicted
//! from what it sees: its fields are then modelled on the compiling target only, and naming
//! other targets is an error (see `valid`). A wrong number for another target would be worse
//! than none.
//!
//! What is seen: the `#[cfg]` that stays on a field that is on; the source text of the body for
//! the fields that are off; the source text of each `#[repr]` attribute, which for one made by
//! a `cfg_attr` is the `cfg_attr` itself. Without source text (code made by a procedural
//! macro) only the first is seen.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;

use layout_syntax::source::tokens_source;

/// Why the definition of `item` (a struct, union or enum) may differ on another target, or
/// `None`.
pub fn dependence(item: &syn::DeriveInput) -> Option<String> {
    for attr in &item.attrs {
        if !attr.path().is_ident("repr") {
            continue;
        }
        let Some(text) = attr.bracket_token.span.join().source_text() else {
            continue;
        };
        let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
        if inner.trim_start().starts_with("cfg_attr")
            && let Ok(meta) = syn::parse_str::<syn::Meta>(inner)
            && meta.path().is_ident("cfg_attr")
            && let Some(pred) = first_arg(&meta)
            && about_target(&pred)
        {
            return Some(format!(
                "its `#[{}]` comes from `#[cfg_attr({}, ..)]`",
                tokens_source(attr.meta.to_token_stream()),
                tokens_source(pred.to_token_stream())
            ));
        }
    }
    // The body as written shows the fields and variants switched off too (read only when it
    // mentions `cfg` at all: most bodies do not, and lexing them costs compile time).
    let brace = match &item.data {
        syn::Data::Struct(s) => match &s.fields {
            syn::Fields::Named(f) => Some(f.brace_token.span),
            _ => None,
        },
        syn::Data::Enum(e) => Some(e.brace_token.span),
        syn::Data::Union(u) => Some(u.fields.brace_token.span),
    };
    if let Some(text) = brace.and_then(|b| b.join().source_text())
        && text.contains("cfg")
        && let Ok(written) = text.parse::<TokenStream>()
        && let Some(why) = cfg_in(written)
    {
        return Some(why);
    }
    // The `#[cfg]` left on the fields and variants that are on (all there is without source
    // text).
    let cfg_on = |attrs: &[syn::Attribute]| {
        attrs.iter().find_map(|a| {
            let pred = a
                .path()
                .is_ident("cfg")
                .then(|| a.parse_args::<syn::Meta>().ok())??;
            about_target(&pred).then(|| {
                format!(
                    "its body has `#[cfg({})]`",
                    tokens_source(pred.to_token_stream())
                )
            })
        })
    };
    let fields_of = |fields: &syn::Fields| fields.iter().find_map(|f| cfg_on(&f.attrs));
    match &item.data {
        syn::Data::Struct(s) => fields_of(&s.fields),
        syn::Data::Enum(e) => e
            .variants
            .iter()
            .find_map(|v| cfg_on(&v.attrs).or_else(|| fields_of(&v.fields))),
        syn::Data::Union(u) => u.fields.named.iter().find_map(|f| cfg_on(&f.attrs)),
    }
}

/// The first `#[cfg(pred)]` about the target among the attributes in `tokens` (at any depth).
fn cfg_in(tokens: TokenStream) -> Option<String> {
    let mut prev_pound = false;
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) => {
                prev_pound = p.as_char() == '#';
                continue;
            }
            TokenTree::Group(g)
                if prev_pound && g.delimiter() == proc_macro2::Delimiter::Bracket =>
            {
                if let Ok(meta) = syn::parse2::<syn::Meta>(g.stream())
                    && meta.path().is_ident("cfg")
                    && let Ok(pred) = meta
                        .require_list()
                        .and_then(|l| l.parse_args::<syn::Meta>())
                    && about_target(&pred)
                {
                    return Some(format!(
                        "its body has `#[cfg({})]`",
                        tokens_source(pred.to_token_stream())
                    ));
                }
            }
            TokenTree::Group(g) => {
                if let Some(why) = cfg_in(g.stream()) {
                    return Some(why);
                }
            }
            _ => {}
        }
        prev_pound = false;
    }
    None
}

/// The predicate of `cfg_attr(pred, ..)`.
fn first_arg(meta: &syn::Meta) -> Option<syn::Meta> {
    let args = meta
        .require_list()
        .ok()?
        .parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
        .ok()?;
    args.into_iter().next()
}

/// Whether a `cfg` predicate may differ between targets of one build: anything but the
/// options that are the same for every target (features, `test`, `debug_assertions`, ...).
fn about_target(pred: &syn::Meta) -> bool {
    const BUILD_WIDE: &[&str] = &[
        "feature",
        "test",
        "debug_assertions",
        "doc",
        "docsrs",
        "doctest",
        "miri",
        "overflow_checks",
        "true",
        "false",
    ];
    match pred {
        syn::Meta::Path(p) => !p
            .get_ident()
            .is_some_and(|i| BUILD_WIDE.iter().any(|b| i == b)),
        syn::Meta::NameValue(nv) => !nv
            .path
            .get_ident()
            .is_some_and(|i| BUILD_WIDE.iter().any(|b| i == b)),
        syn::Meta::List(list) => {
            let op = list.path.get_ident().map(ToString::to_string);
            match (
                op.as_deref(),
                list.parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                ),
            ) {
                (Some("all" | "any" | "not"), Ok(args)) => args.iter().any(about_target),
                _ => true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::about_target;

    #[test]
    fn predicates_about_the_target() {
        let about = |s: &str| about_target(&syn::parse_str(s).unwrap());
        assert!(about("target_pointer_width = \"64\""));
        assert!(about("unix"));
        assert!(about("all(feature = \"x\", not(windows))"));
        assert!(about("my_custom_cfg"));
        assert!(!about("feature = \"tls\""));
        assert!(!about("any(test, debug_assertions, not(feature = \"a\"))"));
    }
}

//! `#[layout(...)]` on the struct and on its fields, parsed into plain values. Every mistake is
//! recorded in the [`Ctxt`] at its own token, and parsing goes on, so all of them are reported.

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::ctxt::Ctxt;
use crate::symbol::*;
use layout_engine::{Target, edit_distance};

/// A value with the span of the key that set it.
#[derive(Clone, Debug)]
pub struct WithSpan<T> {
    pub value: T,
    pub span: Span,
}

/// `#[layout(...)]` on the struct.
#[derive(Default)]
pub struct StructAttrs {
    /// `targets = "..."`: the targets, in order, as indices into `Target::ALL`, and the
    /// literal's span.
    pub targets: Option<WithSpan<Vec<usize>>>,
    /// `max_padding = N`.
    pub max_padding: Option<WithSpan<u64>>,
    /// `optimal`.
    pub optimal: Option<Span>,
    /// `size = N`.
    pub size: Option<WithSpan<u64>>,
    /// `align = N`.
    pub align: Option<WithSpan<u64>>,
    /// `max_variant_ratio = N` (enums).
    pub max_variant_ratio: Option<WithSpan<u64>>,
    /// `cache_line = N`.
    pub cache_line: Option<WithSpan<u64>>,
    /// `warn`.
    pub warn: Option<Span>,
    /// `bound = "..."`.
    pub bound: Option<Vec<syn::WherePredicate>>,
    /// `crate = "..."`.
    pub krate: Option<syn::Path>,
}

impl StructAttrs {
    /// Whether any policy is set (something to check).
    pub fn has_policy(&self) -> bool {
        self.max_padding.is_some()
            || self.optimal.is_some()
            || self.size.is_some()
            || self.align.is_some()
            || self.max_variant_ratio.is_some()
    }
}

/// `#[layout(...)]` on a field.
#[derive(Clone, Default)]
pub struct FieldAttrs {
    /// `hot`.
    pub hot: Option<Span>,
    /// `separate_line`.
    pub separate_line: Option<Span>,
    /// `pinned`.
    pub pinned: Option<Span>,
    /// `host_only`.
    pub host_only: Option<Span>,
}

/// The key `path` names among `keys`. The ident is turned into text once: comparing a compiler
/// ident with text is a call into the compiler each time, a chain of them a visible share of the
/// macro's time.
fn key(path: &syn::Path, keys: &[Symbol]) -> Option<Symbol> {
    let word = path.get_ident()?.to_string();
    keys.iter().copied().find(|k| k.0 == word)
}

/// Where a key is written: its ident's span, without joining the spans of a path's tokens.
fn key_span(path: &syn::Path) -> Span {
    path.get_ident()
        .map_or_else(|| path.span(), syn::Ident::span)
}

/// The `#[layout]` attributes among `attrs`.
fn layout_attrs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|a| a.path() == &LAYOUT)
}

/// The closest of `known` to `word`, if close enough to be a likely typo.
pub fn did_you_mean(word: &str, known: &[Symbol]) -> Option<Symbol> {
    let limit = (word.len() / 3).max(2);
    known
        .iter()
        .map(|k| (edit_distance(&word.to_ascii_lowercase(), k.0), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn list(keys: &[Symbol]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_key(cx: &mut Ctxt, path: &syn::Path, here: &[Symbol], other: &[Symbol], on_field: bool) {
    let word = path
        .get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| quote::quote!(#path).to_string());
    if let Some(k) = other.iter().find(|k| path == *k) {
        let msg = if on_field {
            format!("`{k}` is a struct attribute: put it in the `#[layout(...)]` above the struct")
        } else {
            format!("`{k}` is a field attribute: put `#[layout({k})]` on the field")
        };
        cx.error_spanned_by(path, msg);
        return;
    }
    let what = if on_field { "field" } else { "struct" };
    let msg = match did_you_mean(&word, here) {
        Some(k) => format!("unknown `layout` {what} attribute `{word}`; did you mean `{k}`?"),
        None => format!(
            "unknown `layout` {what} attribute `{word}`; expected one of {}",
            list(here)
        ),
    };
    cx.error_spanned_by(path, msg);
}

/// Consumes whatever value follows an unknown or misused key, so parsing can go on.
fn skip_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        value(meta)?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

/// The value of `key = value`. A literal alone, the usual case, is parsed as one without the
/// whole expression parser, which costs more than the rest of the attribute when the macro runs
/// unoptimised (as it does in `cargo check`).
fn value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<syn::Expr> {
    let input = meta.value()?;
    let lone_literal = input.cursor().literal().is_some_and(|(_, rest)| {
        rest.eof() || rest.punct().is_some_and(|(p, _)| p.as_char() == ',')
    });
    if lone_literal {
        return Ok(syn::Expr::Lit(syn::ExprLit {
            attrs: Vec::new(),
            lit: input.parse()?,
        }));
    }
    input.parse()
}

/// A flag (`optimal`): no value allowed.
fn flag(
    cx: &mut Ctxt,
    meta: &syn::meta::ParseNestedMeta<'_>,
    key: Symbol,
    slot: &mut Option<Span>,
) -> syn::Result<()> {
    let span = key_span(&meta.path);
    if meta.input.peek(syn::Token![=]) || meta.input.peek(syn::token::Paren) {
        skip_value(meta)?;
        cx.error_at(
            span,
            format!("`{key}` takes no value: write `#[layout({key})]`"),
        );
        return Ok(());
    }
    set(cx, key, span, slot, span);
    Ok(())
}

fn set<T>(cx: &mut Ctxt, key: Symbol, span: Span, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.error_at(
            span,
            format!("duplicate `layout` attribute `{key}`: give it once"),
        );
    } else {
        *slot = Some(value);
    }
}

/// `key = N` with `N` an unsuffixed integer literal.
fn int(
    cx: &mut Ctxt,
    meta: &syn::meta::ParseNestedMeta<'_>,
    key: Symbol,
    power_of_two: bool,
) -> syn::Result<Option<WithSpan<u64>>> {
    let span = key_span(&meta.path);
    if !meta.input.peek(syn::Token![=]) {
        skip_value(meta)?;
        cx.error_at(span, format!("`{key}` needs a value in bytes: `{key} = N`"));
        return Ok(None);
    }
    let expr = value(meta)?;
    let lit = match &expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i,
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => {
            cx.error_spanned_by(
                s,
                format!(
                    "`{key}` takes an integer, not a string: `{key} = {}`",
                    s.value().trim()
                ),
            );
            return Ok(None);
        }
        other => {
            cx.error_spanned_by(
                other,
                format!("`{key}` takes an integer literal (bytes): `{key} = 16`"),
            );
            return Ok(None);
        }
    };
    match lit.base10_parse::<u64>() {
        Ok(n) if power_of_two && !n.is_power_of_two() => {
            cx.error_spanned_by(lit, format!("`{key}` must be a power of two, not {n}"));
            Ok(None)
        }
        Ok(n) if !lit.suffix().is_empty() => {
            cx.error_spanned_by(
                lit,
                format!("`{key}` takes an unsuffixed integer: `{key} = {n}`"),
            );
            Ok(None)
        }
        Ok(n) => Ok(Some(WithSpan { value: n, span })),
        Err(e) => {
            cx.error_spanned_by(lit, format!("`{key}`: {e}"));
            Ok(None)
        }
    }
}

/// `key = "..."`.
fn string(
    cx: &mut Ctxt,
    meta: &syn::meta::ParseNestedMeta<'_>,
    key: Symbol,
    example: &str,
) -> syn::Result<Option<syn::LitStr>> {
    let span = key_span(&meta.path);
    if !meta.input.peek(syn::Token![=]) {
        skip_value(meta)?;
        cx.error_at(
            span,
            format!("`{key}` needs a string value: `{key} = {example}`"),
        );
        return Ok(None);
    }
    let expr = value(meta)?;
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Ok(Some(s)),
        other => {
            cx.error_spanned_by(
                &other,
                format!("`{key}` takes a string: `{key} = {example}`"),
            );
            Ok(None)
        }
    }
}

/// Parses `targets = "..."`: triples, `64`/`32`/`16` and `all`, comma-separated.
fn targets(cx: &mut Ctxt, lit: &syn::LitStr) -> Option<Vec<usize>> {
    let text = lit.value();
    if text.split(',').all(|n| n.trim().is_empty()) {
        cx.error_spanned_by(lit, "`targets` is empty: name targets (`\"64, 32\"`, a triple, or `\"all\"`), or remove it to check the compiling target");
        return None;
    }
    // `all` alone, the common case, needs no lookups.
    if text
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .all(|n| n == "all")
    {
        return Some((0..Target::ALL.len()).collect());
    }
    match Target::parse_list(&text) {
        Ok(list) => Some(list.into_iter().filter_map(index_of).collect()),
        Err(unknown) => {
            for u in unknown {
                cx.error_spanned_by(lit, format!("{u}"));
            }
            None
        }
    }
}

/// The index of `t` in `Target::ALL` (by triple: `Target::ALL` is a constant, so the address of
/// one of its entries is not an identity).
pub fn index_of(t: &Target) -> Option<usize> {
    Target::ALL.iter().position(|x| x.triple == t.triple)
}

/// Runs `each` on every key of the `#[layout(...)]` attributes among `attrs` that is one of
/// `keys`. A bare `#[layout]` is reported with the message `bare` makes; any other key (`other` are the keys of
/// the other place, struct or field) is reported and its value skipped, so parsing goes on.
fn parse_keys(
    cx: &mut Ctxt,
    attrs: &[syn::Attribute],
    (keys, other, on_field): (&[Symbol], &[Symbol], bool),
    bare: impl Fn() -> String,
    mut each: impl FnMut(&mut Ctxt, Symbol, &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for attr in layout_attrs(attrs) {
        if let syn::Meta::Path(_) = attr.meta {
            cx.error_spanned_by(attr, bare());
            continue;
        }
        let r = attr.parse_nested_meta(|meta| match key(&meta.path, keys) {
            Some(k) => each(cx, k, &meta),
            None => {
                skip_value(&meta)?;
                unknown_key(cx, &meta.path, keys, other, on_field);
                Ok(())
            }
        });
        if let Err(e) = r {
            cx.syn_error(e);
        }
    }
}

/// `bound = "..."`: predicates separated by commas.
type WherePredicates = syn::punctuated::Punctuated<syn::WherePredicate, syn::Token![,]>;

/// Parses the struct's `#[layout(...)]` attributes.
pub fn struct_attrs(cx: &mut Ctxt, attrs: &[syn::Attribute]) -> StructAttrs {
    let mut out = StructAttrs::default();
    let bare = || {
        "`#[layout]` needs policies: `#[layout(optimal)]`, `#[layout(max_padding = 0)]`, ..."
            .to_owned()
    };
    parse_keys(
        cx,
        attrs,
        (STRUCT_KEYS, FIELD_KEYS, false),
        bare,
        |cx, key, meta| {
            let span = key_span(&meta.path);
            match key {
                TARGETS => {
                    if let Some(lit) = string(cx, meta, TARGETS, "\"64, 32\"")?
                        && let Some(list) = targets(cx, &lit)
                    {
                        let value = WithSpan {
                            value: list,
                            span: lit.span(),
                        };
                        set(cx, TARGETS, span, &mut out.targets, value);
                    }
                }
                MAX_PADDING => {
                    if let Some(v) = int(cx, meta, MAX_PADDING, false)? {
                        set(cx, MAX_PADDING, span, &mut out.max_padding, v);
                    }
                }
                SIZE => {
                    if let Some(v) = int(cx, meta, SIZE, false)? {
                        set(cx, SIZE, span, &mut out.size, v);
                    }
                }
                ALIGN => {
                    if let Some(v) = int(cx, meta, ALIGN, true)? {
                        set(cx, ALIGN, span, &mut out.align, v);
                    }
                }
                MAX_VARIANT_RATIO => {
                    if let Some(v) = int(cx, meta, MAX_VARIANT_RATIO, false)? {
                        if v.value == 0 {
                            cx.error_at(v.span, "`max_variant_ratio` is how many times the next largest variant the largest may be: at least 1 (`max_variant_ratio = 1` wants the two largest variants equal)");
                        } else {
                            set(cx, MAX_VARIANT_RATIO, span, &mut out.max_variant_ratio, v);
                        }
                    }
                }
                CACHE_LINE => {
                    if let Some(v) = int(cx, meta, CACHE_LINE, true)? {
                        set(cx, CACHE_LINE, span, &mut out.cache_line, v);
                    }
                }
                OPTIMAL => flag(cx, meta, OPTIMAL, &mut out.optimal)?,
                WARN => flag(cx, meta, WARN, &mut out.warn)?,
                BOUND => {
                    if let Some(lit) = string(cx, meta, BOUND, "\"T: layout_core::Model\"")? {
                        let parsed = lit.parse_with(WherePredicates::parse_terminated);
                        match parsed {
                            Ok(preds) => {
                                set(cx, BOUND, span, &mut out.bound, preds.into_iter().collect())
                            }
                            Err(e) => cx.error_spanned_by(
                                &lit,
                                format!("`bound`: not a where-clause: {e}"),
                            ),
                        }
                    }
                }
                CRATE => {
                    if let Some(lit) = string(cx, meta, CRATE, "\"my_layout_core\"")? {
                        match lit.parse::<syn::Path>() {
                            Ok(path) => set(cx, CRATE, span, &mut out.krate, path),
                            Err(e) => {
                                cx.error_spanned_by(&lit, format!("`crate`: not a path: {e}"))
                            }
                        }
                    }
                }
                // `parse_keys` passes only `STRUCT_KEYS`.
                _ => {}
            }
            Ok(())
        },
    );
    if out.krate.is_none() {
        out.krate = crate::krate::renamed();
        if let Some(e) = crate::krate::missing_error() {
            cx.syn_error(e);
        }
    }
    out
}

/// Parses a field's `#[layout(...)]` attributes.
pub fn field_attrs(cx: &mut Ctxt, attrs: &[syn::Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let bare = || format!("`#[layout]` on a field needs one of {}", list(FIELD_KEYS));
    parse_keys(
        cx,
        attrs,
        (FIELD_KEYS, STRUCT_KEYS, true),
        bare,
        |cx, key, meta| {
            let slot = match key {
                HOT => &mut out.hot,
                SEPARATE_LINE => &mut out.separate_line,
                PINNED => &mut out.pinned,
                HOST_ONLY => &mut out.host_only,
                // `parse_keys` passes only `FIELD_KEYS`.
                _ => return Ok(()),
            };
            flag(cx, meta, key, slot)
        },
    );
    out
}

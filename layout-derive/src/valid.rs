//! Validation of the input, which needs no layout ([`validate`]): combinations the derive cannot
//! honour, each an error spanned on the offending token that says how to fix it. (The policies,
//! which need the layout, are evaluated in `findings` and during constant evaluation.)

use crate::ast::{Input, Kind};
use crate::ctxt::Ctxt;
use layout_engine::ReprBase;

/// Records every problem of `input` in `cx`.
pub fn validate(cx: &mut Ctxt, input: &Input<'_>) {
    let attrs = &input.attrs;
    let repr = input.repr.repr;
    let order_fixed = repr.order_is_declared() && input.kind != Kind::Union;

    for f in &input.fields {
        let a = &f.attrs;
        for (span, key) in [
            (a.hot, "hot"),
            (a.pinned, "pinned"),
            (a.separate_line, "separate_line"),
        ] {
            let Some(span) = span else { continue };
            if input.kind == Kind::Union {
                cx.error_at(
                    span,
                    format!(
                        "`{key}` has no meaning in a union: all of its fields start at offset 0"
                    ),
                );
            } else if !order_fixed {
                let why = match repr.base {
                    ReprBase::Transparent => {
                        "`repr(transparent)` has the layout of its one non-zero-sized field"
                    }
                    _ => "rustc may reorder the fields of a `repr(Rust)` struct",
                };
                cx.error_at(
                    span,
                    format!(
                        "`{key}` needs a declared field order, but {why}: add `#[repr(C)]` to `{}`",
                        input.ident
                    ),
                );
            }
        }
        if let (Some(_), Some(p)) = (a.hot, a.pinned) {
            let first_fields = input.marked.hot.len();
            let index = input
                .fields
                .iter()
                .position(|g| g.name == f.name)
                .unwrap_or(0);
            if index >= first_fields {
                cx.error_at(p, format!(
                    "`{}` is both `hot` and `pinned` at index {index}, but the hot fields go first (indices 0..{first_fields}): unpin it",
                    f.name
                ));
            }
        }
    }
    if let Some(first) = input.fields.first()
        && let Some(span) = first.attrs.separate_line
    {
        cx.error_at(span, "`separate_line` keeps a field off the cache line of the field before it, and the first field has none: put it on a later field");
    }
    let line_users = !input.marked.hot.is_empty() || !input.marked.separate.is_empty();
    if let Some(cl) = &attrs.cache_line
        && !line_users
    {
        cx.error_at(cl.span, "`cache_line` sets the line size for `hot` and `separate_line` fields, and there are none: mark fields `#[layout(hot)]` or `#[layout(separate_line)]`, or remove it");
    }
    // After an error in the attributes, "there is no policy" may only mean a misspelt one.
    let any_check = input.has_policy() || cx.has_errors();
    if let Some(span) = attrs.warn
        && !any_check
    {
        cx.error_at(span, "`warn` reports broken policies as warnings, and there is no policy: add one (`optimal`, `max_padding = N`, ...) or remove `warn`");
    }
    if let Some(span) = attrs.warn
        && any_check
        && input.is_generic()
    {
        cx.error_at(span, format!(
            "`warn` cannot apply to a generic struct: the policies of `{}` are checked for each instantiation during constant evaluation, where stable Rust has no way to emit a warning (only an error); remove `warn`, so that a broken policy is an error where the instantiation is used, or derive `Layout` on a non-generic struct with the field types you need to check",
            input.ident
        ));
    }
    if let Some(t) = &attrs.targets
        && !any_check
    {
        cx.error_at(t.span, "`targets` names where the policies are checked, and there is no policy: add one (`optimal`, `max_padding = N`, `size = N`, ...) or remove `targets`; `Layout::layout_on` predicts any target without it");
    }
    if let Some(t) = &attrs.targets
        && repr.base == ReprBase::Rust
    {
        cx.error_at(t.span, format!(
            "`{}` is `repr(Rust)`: rustc chooses its layout and does not promise it on other targets, so it can only be checked on the compiling target: add `#[repr(C)]`, or remove `targets`",
            input.ident
        ));
    }
    if let Some(r) = &attrs.max_variant_ratio {
        cx.error_at(
            r.span,
            format!(
                "`max_variant_ratio` compares the variants of an enum, and `{}` is a {}: remove it",
                input.ident,
                if input.kind == Kind::Union {
                    "union"
                } else {
                    "struct"
                }
            ),
        );
    }
    if input.kind == Kind::Union
        && let Some(span) = attrs.optimal
    {
        cx.error_at(
            span,
            "`optimal` has no meaning for a union: its size is its largest field's, in any order",
        );
    }
    if input.fields.iter().any(|f| f.attrs.pinned.is_some())
        && attrs.optimal.is_none()
        && attrs.max_padding.is_none()
        && attrs.size.is_none()
        && !line_users
    {
        let span = input
            .fields
            .iter()
            .find_map(|f| f.attrs.pinned)
            .unwrap_or_else(proc_macro2::Span::call_site);
        cx.error_at(span, "`pinned` keeps a field in place in the suggested orders, and no policy suggests one: add `optimal`, `max_padding = N` or `size = N`, or remove `pinned`");
    }
}

//! `#[derive(Layout)]` on an enum: reading it, the checks of the input, and the generated code.
//!
//! For an enum with a defined layout (`repr(u8)`, `repr(C)`, `repr(C, u8)`, `align(N)`) the
//! expansion is
//!
//! ```text
//! #[doc = "The layout of `E`, as `#[derive(Layout)]` computed it: <table>"]
//! impl ::layout_core::LayoutEnum for E {}
//! impl ::layout_core::Model for E {
//!     const TY: P::Ty<'static> = P::Ty::Enum(&P::EnumDef {
//!         name: "E",
//!         repr: P::EnumRepr::int(P::Prim::U8),
//!         variants: &[
//!             P::Variant { name: "A", discriminant: None, fields: &[] },
//!             P::Variant { name: "B", discriminant: Some(-1),
//!                 fields: &{ let fields = P::fields::<1, 0>("0: u32", []); fields } },
//!         ],
//!     });
//! }
//! const _: () = P::same_prims::<(u32,), _>((0u32,));
//! const _: () = P::verify_enum::<E>(&<E as ::layout_core::LayoutEnum>::DEF);
//! const _: () = { const DEF: P::EnumDef<'static> = ..; P::run_enum::<2>(&DEF, &P::EnumPolicy { .. }, &P::Targets { .. }); };
//! ```
//!
//! (`P` is layout-core's versioned private module.) Each variant's fields are described as a
//! struct's are (`entries`): types the macro reads by name, which the compiler confirms with
//! `same_prims` or `same_types`, and types only the compiler resolves through `<T as Model>::TY`.
//! Discriminants written as integer literals are read by the macro; any other expression is
//! evaluated by the compiler as the discriminant's type (`{ const D: u8 = EXPR; D } as i128`).
//! `verify_enum` asserts that the engine's size and alignment on the compiling target are the
//! compiler's; the policies run during constant evaluation (`layout_core::check::enums`),
//! except `optimal`, whose per-variant order search runs while the macro expands
//! ([`optimal_checks`]): its reports are an error now for named targets, or one per target
//! family selected by the compiling target's family key.
//!
//! A `repr(Rust)` enum without policies gets a `Model` from the compiler's own numbers
//! (`Ty::Host`: the compiling target only) and no `LayoutEnum`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Input, Kind};
use crate::attr::{self, StructAttrs};
use crate::code::Code;
use crate::ctxt::Ctxt;
use crate::entries::{self, Model};
use crate::expand::{ImplHead, option, static_instance, targets};
use crate::krate::Paths;
use layout_engine::{EnumDef, EnumRepr, Prim, ReprBase, Target, Variant};
use layout_syntax::repr::{ReprAttr, parse_repr};

/// A discriminant as the derive passes it.
enum Discriminant {
    /// None written.
    Implicit,
    /// An integer literal, possibly negated.
    Literal(i128),
    /// Anything else: evaluated by the compiler.
    Expr(Box<syn::Expr>),
}

/// One variant, read.
struct VariantIn<'a> {
    name: String,
    discriminant: Discriminant,
    /// The variant's fields as the struct machinery reads them (an `Input` per variant).
    input: Input<'a>,
}

/// The enum, read.
struct EnumIn<'a> {
    original: &'a syn::DeriveInput,
    name: String,
    repr: ReprAttr,
    /// The engine's representation; `None` for `repr(Rust)`.
    engine_repr: Option<EnumRepr>,
    attrs: StructAttrs,
    variants: Vec<VariantIn<'a>>,
    /// Why its definition may be another on other targets (see `per_target`): then it is
    /// modelled, like a `repr(Rust)` enum, by the compiler's numbers on the compiling target.
    per_target: Option<String>,
}

/// The derive on an enum: the generated items, or the errors.
pub fn try_expand(
    original: &syn::DeriveInput,
    data: &syn::DataEnum,
) -> Result<TokenStream, syn::Error> {
    let mut cx = Ctxt::default();
    let e = read(&mut cx, original, data);
    if let Some(e) = &e {
        validate(&mut cx, e, data);
    }
    cx.check()?;
    let e = e.expect("read fails only with an error");
    generate(&e)
}

/// The integer type named in `repr(...)`.
fn prim_of(int: &syn::Ident) -> Option<Prim> {
    Prim::from_name(&int.to_string())
        .filter(|p| !matches!(p, Prim::Bool | Prim::Char | Prim::F32 | Prim::F64))
}

/// The value of an integer literal discriminant (`7`, `-1`, `0xFFu8`, `(3)`), if it is one.
fn literal(expr: &syn::Expr) -> Option<i128> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse::<i128>().ok(),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => literal(expr).and_then(i128::checked_neg),
        syn::Expr::Paren(p) => literal(&p.expr),
        syn::Expr::Group(g) => literal(&g.expr),
        _ => None,
    }
}

fn read<'a>(
    cx: &mut Ctxt,
    original: &'a syn::DeriveInput,
    data: &'a syn::DataEnum,
) -> Option<EnumIn<'a>> {
    let attrs = attr::struct_attrs(cx, &original.attrs);
    let repr = match parse_repr(&original.attrs) {
        Ok(r) => r,
        Err(e) => {
            cx.syn_error(e);
            return None;
        }
    };
    let engine_repr = {
        let int = repr.int.as_ref().and_then(prim_of);
        let mut r = match int {
            Some(p) => EnumRepr::int(p),
            None => EnumRepr::RUST,
        };
        if repr.repr.base == ReprBase::C {
            r = r.with_c();
        }
        if let Some(n) = repr.repr.align {
            r = r.aligned(n);
        }
        r.is_defined().then_some(r)
    };
    let mut variants = Vec::new();
    for v in &data.variants {
        for a in v.attrs.iter().filter(|a| a.path().is_ident("layout")) {
            cx.error_spanned_by(a, "`#[layout]` has no keys for a variant: put policies in the `#[layout(...)]` above the enum, and field attributes on the variant's fields");
        }
        let input = Input::from_variant(cx, original, v, &repr);
        let discriminant = match &v.discriminant {
            None => Discriminant::Implicit,
            Some((_, expr)) => match literal(expr) {
                Some(n) => Discriminant::Literal(n),
                None => Discriminant::Expr(Box::new(expr.clone())),
            },
        };
        variants.push(VariantIn {
            name: input.name.clone(),
            discriminant,
            input,
        });
    }
    Some(EnumIn {
        original,
        name: original.ident.to_string(),
        repr,
        engine_repr,
        attrs,
        variants,
        per_target: crate::per_target::dependence(original),
    })
}

/// Records every problem of the enum in `cx`: what the derive cannot model, and what has no
/// meaning on an enum.
fn validate(cx: &mut Ctxt, e: &EnumIn<'_>, data: &syn::DataEnum) {
    let ident = &e.original.ident;
    let g = &e.original.generics;
    if let Some(p) = g.type_params().next() {
        cx.error_spanned_by(p, format!("`#[derive(Layout)]` does not support generic enums yet: give `{ident}` concrete field types (a type alias per instantiation), or derive on a struct wrapping the data"));
    } else if let Some(p) = g.const_params().next() {
        cx.error_spanned_by(p, format!("`#[derive(Layout)]` does not support generic enums yet: give `{ident}` concrete field types (a type alias per instantiation), or derive on a struct wrapping the data"));
    }
    if data.variants.is_empty() {
        cx.error_spanned_by(ident, format!("`{ident}` has no variants: it has no values and no layout to check (rustc gives it size 0); add a variant, or remove `#[derive(Layout)]`"));
    }
    let repr = &e.repr;
    if repr.repr.base == ReprBase::Transparent {
        cx.error_at(repr.base_span.unwrap_or_else(|| ident.span()), format!("`#[derive(Layout)]` does not support `repr(transparent)` enums: `{ident}` has the layout of its one field, so derive or model that field's type instead, or give `{ident}` `#[repr(u8)]` or `#[repr(C)]`"));
    }
    if let Some(span) = repr.packed_span {
        cx.error_at(span, "enums cannot be `packed` (rustc E0517): remove `packed`; to keep a small tag, use `#[repr(u8)]`, and to avoid padding, pack the variants' fields into `#[repr(C, packed)]` structs");
    }
    let a = &e.attrs;
    if let Some(why) = &e.per_target {
        let policy = a
            .targets
            .as_ref()
            .map(|t| t.span)
            .or(a.max_padding.as_ref().map(|v| v.span))
            .or(a.size.as_ref().map(|v| v.span))
            .or(a.align.as_ref().map(|v| v.span))
            .or(a.max_variant_ratio.as_ref().map(|v| v.span))
            .or(a.optimal)
            .or(a.warn);
        if let Some(span) = policy {
            cx.error_at(span, format!("the policies of `{ident}` cannot be checked: its definition depends on the target ({why}), and the derive sees only the compiling target's definition, so it would predict every target from it. Remove the `#[layout(...)]`; `{ident}` is then modelled by the compiler's size and alignment on the compiling target"));
        }
    } else if e.engine_repr.is_none() && repr.repr.base != ReprBase::Transparent {
        let policy = a
            .targets
            .as_ref()
            .map(|t| t.span)
            .or(a.max_padding.as_ref().map(|v| v.span))
            .or(a.size.as_ref().map(|v| v.span))
            .or(a.align.as_ref().map(|v| v.span))
            .or(a.max_variant_ratio.as_ref().map(|v| v.span))
            .or(a.optimal)
            .or(a.warn);
        if let Some(span) = policy {
            cx.error_at(span, format!("`{ident}` is `repr(Rust)`: rustc chooses its layout (niches, tag width, field order) and promises it nowhere, so there is nothing to check: add `#[repr(u8)]` (a one-byte tag; `u16` ... for more variants) or `#[repr(C)]` to `{ident}`, or remove the `#[layout(...)]`"));
        }
    }
    if let Some(span) = a.optimal
        && e.engine_repr.is_some()
        && e.per_target.is_none()
    {
        if let Err(field) = known_fields(e) {
            cx.error_at(span, format!("`optimal` on an enum runs the order search while the macro expands, and the field `{field}` has a type only the compiler resolves: write it as a primitive, a pointer or an array of them, or remove `optimal` (`LayoutEnum::layout()` shows each variant's padding)"));
        } else if e.variants.iter().all(|v| v.input.fields.len() < 2) {
            cx.error_at(span, format!("`optimal` reorders the fields of each variant, and no variant of `{ident}` has two: remove it"));
        }
    }
    if let Some(cl) = &a.cache_line {
        cx.error_at(cl.span, "`cache_line` has no meaning on an enum: it is for the `hot` and `separate_line` fields of a `#[repr(C)]` struct; remove it");
    }
    if let Some(b) = &a.bound {
        let span = b
            .first()
            .map_or_else(|| ident.span(), |p| p.to_token_stream().span());
        cx.error_at(span, "`bound` sets the where-clause of a generic type's impls, and derived enums are not generic: remove it");
    }
    let any_policy = a.has_policy() || cx.has_errors();
    if let Some(span) = a.warn
        && !any_policy
    {
        cx.error_at(span, "`warn` reports broken policies as warnings, and there is no policy: add one (`max_variant_ratio = N`, `max_padding = N`, `size = N`, ...) or remove `warn`");
    }
    if let Some(t) = &a.targets
        && !any_policy
    {
        cx.error_at(t.span, "`targets` names where the policies are checked, and there is no policy: add one (`max_variant_ratio = N`, `max_padding = N`, `size = N`, ...) or remove `targets`; `LayoutEnum::layout_on` predicts any target without it");
    }
    let has_fields = e.variants.iter().any(|v| !v.input.fields.is_empty());
    if let Some(r) = e.engine_repr
        && r.c
        && r.int.is_some()
        && !has_fields
    {
        let span = repr.int.as_ref().map_or_else(|| ident.span(), |i| i.span());
        cx.error_at(span, format!("`repr(C, {})` on an enum without fields names two tag types (rustc's `conflicting_repr_hints`): keep one, `#[repr({})]` or `#[repr(C)]`", prim_name(r), prim_name(r)));
    }
    for v in &e.variants {
        for f in &v.input.fields {
            for (span, key) in [
                (f.attrs.hot, "hot"),
                (f.attrs.pinned, "pinned"),
                (f.attrs.separate_line, "separate_line"),
            ] {
                if let Some(span) = span {
                    cx.error_at(span, format!("`{key}` has no meaning on the field of an enum variant: the variant's fields are placed by the enum's `repr`, not by a suggested order; remove it"));
                }
            }
        }
    }
}

fn prim_name(r: EnumRepr) -> &'static str {
    r.int.map_or("C", Prim::name)
}

/// The generated items.
fn generate(e: &EnumIn<'_>) -> Result<TokenStream, syn::Error> {
    let paths = Paths::of(e.attrs.krate.as_ref());
    let Paths {
        krate,
        krate_tokens,
        private,
        private_tokens,
    } = &paths;
    let ident = &e.name;
    let head = ImplHead::of(ident, &e.original.generics);
    let concrete = static_instance(ident, &e.original.generics);
    let mut code = Code::default();

    let Some(repr) = e.engine_repr.filter(|_| e.per_target.is_none()) else {
        // `repr(Rust)`, or a definition per target: the compiler's numbers on the compiling
        // target only.
        code.push("#[doc = ");
        code.str_literal(&match &e.per_target {
            Some(why) => format!(
                "The definition of `{ident}` depends on the target ({why}), and `#[derive(Layout)]` sees only the compiling target's, so it models `{ident}` by the compiler's size and alignment on the compiling target only."
            ),
            None => format!(
                "`{ident}` is `repr(Rust)`: rustc chooses its layout, so `#[derive(Layout)]` models it by the compiler's size and alignment on the compiling target only. Add `#[repr(u8)]` or `#[repr(C)]` for `LayoutEnum`: the tag, every variant's offsets and padding, on every target."
            ),
        });
        code.push("]\n");
        head.write(&mut code, &format!("{krate}::Model for "));
        code.display(format_args!(
            "\n    const TY: {private}::Ty<'static> = {private}::Ty::Host {{ name: "
        ));
        code.str_literal(ident);
        code.push(", size: ::core::mem::size_of::<Self>() as u64, align: ::core::mem::align_of::<Self>() as u64 };\n}\n");
        return code.into_tokens();
    };

    doc_comment(&mut code, e, repr);
    head.write(&mut code, &format!("{krate}::LayoutEnum for "));
    code.push("}\n");
    head.write(&mut code, &format!("{krate}::Model for "));
    code.display(format_args!(
        "\n    const TY: {private}::Ty<'static> = {private}::Ty::Enum(&{private}::EnumDef {{\n        name: "
    ));
    code.str_literal(ident);
    code.push(",\n        repr: ");
    write_repr(&mut code, repr, private);
    code.push(",\n        variants: &[");
    let disc_ty = match repr.int {
        Some(p) => format!("::core::primitive::{}", p.name()),
        None => String::from("::core::primitive::isize"),
    };
    for v in &e.variants {
        code.display(format_args!("\n            {private}::Variant {{ name: "));
        code.str_literal(&v.name);
        code.push(", discriminant: ");
        match &v.discriminant {
            Discriminant::Implicit => code.push("::core::option::Option::None"),
            Discriminant::Literal(n) => {
                code.display(format_args!("::core::option::Option::Some({n})"))
            }
            Discriminant::Expr(expr) => {
                // The compiler evaluates it as the discriminant's type, as in the enum.
                code.display(format_args!(
                    "::core::option::Option::Some({{ const D: {disc_ty} = "
                ));
                code.hole(expr.to_token_stream());
                code.push("; D } as i128)");
            }
        }
        code.push(", fields: ");
        if v.input.fields.is_empty() {
            code.push("&[]");
        } else {
            entries::write_fields(&mut code, &v.input, &paths);
        }
        code.push(" },");
    }
    code.push("\n        ],\n    });\n}\n");
    for v in &e.variants {
        if let Some(check) = entries::confirmations(&v.input, private) {
            code.push("const _: () = ");
            code.push(&check);
            code.push(";\n");
        }
    }
    code.display(format_args!(
        "const _: () = {private}::verify_enum::<{concrete}>(&<{concrete} as {krate}::LayoutEnum>::DEF);\n"
    ));
    let mut tokens = code.into_tokens()?;
    let a = &e.attrs;
    if a.max_padding.is_some()
        || a.size.is_some()
        || a.align.is_some()
        || a.max_variant_ratio.is_some()
    {
        tokens.extend(const_policy_checks(
            e,
            &concrete,
            krate_tokens,
            private_tokens,
        )?);
    }
    if a.optimal.is_some() {
        tokens.extend(optimal_checks(e, repr, private_tokens)?);
    }
    Ok(tokens)
}

/// `P::EnumRepr::int(P::Prim::U8).with_c().aligned(8)`, ...
fn write_repr(code: &mut Code, repr: EnumRepr, private: &str) {
    match repr.int {
        Some(p) => code.display(format_args!(
            "{private}::EnumRepr::int({private}::Prim::{p:?})"
        )),
        None => code.display(format_args!("{private}::EnumRepr::C")),
    }
    if repr.c && repr.int.is_some() {
        code.push(".with_c()");
    }
    if let Some(n) = repr.align {
        code.display(format_args!(".aligned({n})"));
    }
}

/// The policies, checked during constant evaluation at the enum's name.
fn const_policy_checks(
    e: &EnumIn<'_>,
    concrete: &str,
    krate: &TokenStream,
    private: &TokenStream,
) -> Result<TokenStream, syn::Error> {
    let a = &e.attrs;
    let opt = |v: &Option<attr::WithSpan<u64>>| option(v.as_ref().map(|v| v.value));
    let (max_padding, size, align, ratio) = (
        opt(&a.max_padding),
        opt(&a.size),
        opt(&a.align),
        opt(&a.max_variant_ratio),
    );
    let named: &[usize] = a.targets.as_ref().map_or(&[], |t| t.value.as_slice());
    let current = named.is_empty();
    let n = e.variants.len();
    let this: syn::Type = syn::parse_str(concrete)?;
    let policy = quote! {
        &#private::EnumPolicy { max_padding: #max_padding, size: #size, align: #align, max_variant_ratio: #ratio }
    };
    let targets = targets(private, named, current);
    let span = e.original.ident.span();
    if a.warn.is_some()
        && current
        && let Some(repr) = e.engine_repr
        && let Some(reports) = current_policy_reports(e, repr)
    {
        return Ok(crate::expand::current_warnings(span, &reports, private));
    }
    let tokens = if a.warn.is_none() {
        quote_spanned! {span=>
            const _: () = {
                const DEF: #private::EnumDef<'static> = <#this as #krate::LayoutEnum>::DEF;
                #private::run_enum::<#n>(&DEF, #policy, #targets);
            };
        }
    } else {
        quote_spanned! {span=>
            #[warn(deprecated)]
            const _: () = {
                const DEF: #private::EnumDef<'static> = <#this as #krate::LayoutEnum>::DEF;
                <<[(); #private::violated_enum::<#n>(&DEF, #policy, #targets) as usize] as #private::Select>::Report>::layout_policy_broken_on_the_compiling_target();
            };
        }
    };
    Ok(crate::code::respan(tokens, span))
}

/// The layout table(s) as the doc comment of the `LayoutEnum` impl, when the macro knows every
/// field type and discriminant: the named targets when they are three at most, else the first,
/// or a representative 64-bit target when none is named.
fn doc_comment(code: &mut Code, e: &EnumIn<'_>, repr: EnumRepr) {
    let mut text = format!(
        "The layout of `{}`, as `#[derive(Layout)]` computed it:\n",
        e.name
    );
    let tables = tables(e, repr);
    if tables.is_empty() {
        text.push_str("\nsome field types or discriminants are resolved by the compiler only: `LayoutEnum::layout()` and `LayoutEnum::layout_on(target)` give the tables.");
    }
    for table in &tables {
        text.push_str("\n```text\n");
        text.push_str(table);
        text.push_str("\n```\n");
    }
    code.push("#[doc = ");
    code.str_literal(&text);
    code.push("]\n");
}

fn tables(e: &EnumIn<'_>, repr: EnumRepr) -> Vec<String> {
    let (Ok(fields), Some(discriminants)) = (known_fields(e), literal_discriminants(e)) else {
        return Vec::new();
    };
    let variants = variants_of(e, &fields, &discriminants);
    let def = EnumDef::new(&e.name, repr, &variants);
    let named: &[usize] = e.attrs.targets.as_ref().map_or(&[], |t| t.value.as_slice());
    let shown: Vec<usize> = match named {
        [] => Target::find("64")
            .and_then(attr::index_of)
            .into_iter()
            .collect(),
        [first, _, _, _, ..] => vec![*first],
        few => few.to_vec(),
    };
    let mut out: Vec<String> = shown
        .iter()
        .filter_map(|&i| def.layout_on(&Target::ALL[i]).ok())
        .map(|l| l.to_string())
        .collect();
    if named.len() > shown.len() && !out.is_empty() {
        out.push(format!(
            "... and {} more targets: `LayoutEnum::layout_on` gives each",
            named.len() - shown.len()
        ));
    }
    out
}

/// `optimal` on an enum, decided while the macro expands (its fields are all modelled from the
/// syntax, `validate` made sure): on the named targets, an error (or warning) now; on the compiling
/// target, one report per target family where a variant is not optimal, the compiling target's
/// family picking the one shown, as a `const` panic (or, with `warn`, a deprecated item).
fn optimal_checks(
    e: &EnumIn<'_>,
    repr: EnumRepr,
    private: &TokenStream,
) -> Result<TokenStream, syn::Error> {
    let Ok(fields) = known_fields(e) else {
        return Ok(TokenStream::new());
    };
    let span = e.original.ident.span();
    let warn = e.attrs.warn.is_some();
    let named: &[usize] = e.attrs.targets.as_ref().map_or(&[], |t| t.value.as_slice());
    if !named.is_empty() {
        let targets: Vec<&'static Target> = named.iter().map(|&i| &Target::ALL[i]).collect();
        // A named target where a variant has no layout cannot be checked: said, not skipped.
        let report = match optimal_report(e, repr, &fields, &targets, true, &mut Vec::new()) {
            Ok(None) => return Ok(TokenStream::new()),
            Ok(Some(report)) | Err(report) => report,
        };
        if !warn {
            return Err(syn::Error::new(span, report));
        }
        return Ok(quote_spanned! {span=>
            #[warn(deprecated)]
            const _: () = {
                #[deprecated(note = #report)]
                struct LayoutPolicy;
                let _ = LayoutPolicy;
            };
        });
    }
    let atomics = fields.iter().flatten().any(|f| f.ty.contains_atomic());
    let c_enum = repr.int.is_none();
    let mut reports: Vec<(Vec<(u64, u64)>, String)> = Vec::new();
    let mut cache = SearchCache::new();
    for (i, key) in current_groups(atomics, c_enum) {
        let target = &Target::ALL[i];
        // A family where a variant has no layout (a field's atomic type is missing) cannot
        // be the compiling target: the enum does not build there.
        let Ok(Some(report)) = optimal_report(e, repr, &fields, &[target], true, &mut cache) else {
            continue;
        };
        let report = report.replace(target.triple, "the compiling target");
        match reports.iter_mut().find(|(_, r)| *r == report) {
            Some((keys, _)) => keys.push(key),
            None => reports.push((vec![key], report)),
        }
    }
    let current = crate::findings::CurrentReports {
        atomics,
        c_enum,
        reports,
    };
    if warn {
        return Ok(crate::expand::current_warnings(span, &current, private));
    }
    if current.reports.is_empty() {
        return Ok(TokenStream::new());
    }
    let selector = crate::expand::current_selector(&current, private);
    let arms = current.reports.iter().map(|(keys, report)| {
        let keys = crate::expand::current_keys(&current, keys);
        quote!(#(#keys)|* => ::core::panic!("{}", #report),)
    });
    let item = quote! {
        const _: () = match #selector { #(#arms)* _ => {} };
    };
    Ok(crate::code::respan(item, span))
}

/// The built-in targets that stand for all of them on the compiling-target path, each with its
/// key: one per target family, and per C enum width too when `c_enum` (a `repr(C)` tag's width
/// is per target, not per family). Each is the first target of its group, which lays out every
/// enum of the group alike.
fn current_groups(atomics: bool, c_enum: bool) -> Vec<(usize, (u64, u64))> {
    let families = crate::findings::family_table(atomics);
    let mut out: Vec<(usize, (u64, u64))> = Vec::new();
    for (i, t) in Target::ALL.iter().enumerate() {
        let Some(&family) = families.get(i) else {
            continue;
        };
        let Some(rep) = Target::ALL.get(family) else {
            continue;
        };
        let width = if c_enum {
            t.c_enum_min_bytes().unwrap_or(0)
        } else {
            0
        };
        let key = (layout_engine::check::family::key(rep, atomics), width);
        if !out.iter().any(|(_, k)| *k == key) {
            out.push((i, key));
        }
    }
    out
}

/// The warning mode's reports of the enum policies (not `optimal`) for the compiling target,
/// made while the macro expands when it knows every field type and discriminant: one per group
/// of targets ([`current_groups`]) where a policy is broken, written by the same functions as
/// the `const` report. `None` when the macro cannot lay the enum out itself.
fn current_policy_reports(
    e: &EnumIn<'_>,
    repr: EnumRepr,
) -> Option<crate::findings::CurrentReports> {
    use layout_engine::check::enums::{enum_broken, enum_facts, write_enum_broken_in};
    use layout_engine::check::{MSG_BYTES, Msg};
    use layout_engine::{VariantLayout, enum_layout};
    let fields = known_fields(e).ok()?;
    let discriminants = literal_discriminants(e)?;
    let variants = variants_of(e, &fields, &discriminants);
    let def = EnumDef::new(&e.name, repr, &variants);
    let a = &e.attrs;
    let policy = layout_engine::check::enums::EnumPolicy {
        max_padding: a.max_padding.as_ref().map(|v| v.value),
        size: a.size.as_ref().map(|v| v.value),
        align: a.align.as_ref().map(|v| v.value),
        max_variant_ratio: a.max_variant_ratio.as_ref().map(|v| v.value),
    };
    let atomics = fields.iter().flatten().any(|f| f.ty.contains_atomic());
    let c_enum = repr.int.is_none();
    let mut reports: Vec<(Vec<(u64, u64)>, String)> = Vec::new();
    for (i, key) in current_groups(atomics, c_enum) {
        let target = &Target::ALL[i];
        let mut placed = vec![VariantLayout::default(); variants.len()];
        let report = match enum_layout(&def, target, &mut placed, &mut []) {
            Ok(layout) => {
                let facts = enum_facts(&def, target, layout, &placed);
                let b = enum_broken(&policy, &facts);
                if !b.any() {
                    continue;
                }
                let mut m = Box::new(Msg::<MSG_BYTES>::new());
                let mut scratch = variants.clone();
                write_enum_broken_in(&mut m, &def, &policy, target, &facts, &b, &mut scratch);
                m.as_str().to_owned()
            }
            Err(err) => no_layout_text(&e.name, target.triple, &err),
        };
        let report = report.replace(target.triple, "the compiling target");
        match reports.iter_mut().find(|(_, r)| *r == report) {
            Some((keys, _)) => keys.push(key),
            None => reports.push((vec![key], report)),
        }
    }
    Some(crate::findings::CurrentReports {
        atomics,
        c_enum,
        reports,
    })
}

/// The field models of every variant when the macro models them all from the syntax: what
/// `optimal` needs, since its order search runs while the macro expands. `Err` names the first
/// field it does not model, `variant.field: Type`.
fn known_fields<'e>(e: &'e EnumIn<'_>) -> Result<Vec<Vec<EngineField<'e>>>, String> {
    e.variants
        .iter()
        .map(|v| {
            v.input
                .fields
                .iter()
                .map(|f| match f.model {
                    Model::Known(ty) => Ok(EngineField {
                        name: &f.name,
                        ty_name: &f.ty_name,
                        ty,
                    }),
                    _ => Err(format!("{}.{}: {}", v.name, f.name, f.ty_name)),
                })
                .collect()
        })
        .collect()
}

type EngineField<'a> = layout_engine::Field<'a>;

/// Each variant's discriminant when every one is implicit or a literal; `None` when one is an
/// expression only the compiler evaluates.
fn literal_discriminants(e: &EnumIn<'_>) -> Option<Vec<Option<i128>>> {
    e.variants
        .iter()
        .map(|v| match v.discriminant {
            Discriminant::Implicit => Some(None),
            Discriminant::Literal(n) => Some(Some(n)),
            Discriminant::Expr(_) => None,
        })
        .collect()
}

/// The engine's variants, from the enum's variants, their fields and their discriminants.
fn variants_of<'a>(
    e: &'a EnumIn<'_>,
    fields: &'a [Vec<EngineField<'a>>],
    discriminants: &[Option<i128>],
) -> Vec<Variant<'a>> {
    e.variants
        .iter()
        .zip(fields)
        .zip(discriminants)
        .map(|((v, fs), d)| Variant {
            name: &v.name,
            discriminant: *d,
            fields: fs,
        })
        .collect()
}

/// The order searches already made for a variant laid out alike on other targets: the variant's
/// index, its fields' placements on each target searched, and the result.
type SearchCache = Vec<(
    usize,
    Vec<Vec<layout_engine::FieldLayout>>,
    Option<layout_engine::order::Joint>,
)>;

/// One variant whose fields can be reordered into a smaller struct.
struct VariantFix {
    /// Index into the enum's variants.
    variant: usize,
    /// The suggested order of the variant's own fields (declared indices, the tag left out).
    order: Vec<usize>,
    moved: usize,
    /// The variant's struct (with the tag, for `repr(Int)`) on each target: now, with `order`,
    /// and the best any order reaches.
    now: Vec<u64>,
    sizes: Vec<u64>,
    best: Vec<u64>,
    exact: bool,
}

/// `optimal` on an enum, on `targets`: the report if some variant's fields, reordered, make a
/// smaller variant struct (RFC 2195: for `repr(Int)` a `repr(C)` struct that starts with the
/// tag, which stays first; for `repr(C)` and `repr(C, Int)` a `repr(C)` struct of the fields
/// alone), with one order per variant for all of `targets` (the engine's `suggest_joint`) and
/// the enum body to paste. `None` when every variant is optimal; `Err` with the report of why
/// when a variant has no layout on one of `targets`. `whole` says whether to give
/// the enum's own size on `targets[..]`, which needs the real target, not only its family, when
/// the tag is a C enum (its width is per target: `Target::c_enum_min_bytes`).
fn optimal_report(
    e: &EnumIn<'_>,
    repr: EnumRepr,
    fields: &[Vec<EngineField<'_>>],
    targets: &[&'static Target],
    whole: bool,
    cache: &mut SearchCache,
) -> Result<Option<String>, String> {
    use layout_engine::order::Constraints;
    use layout_engine::{FieldLayout, StructDef, StructLayout, Ty, struct_layout};
    let tag = repr.int.filter(|_| !repr.c);
    let mut fixes: Vec<VariantFix> = Vec::new();
    for (vi, v) in e.variants.iter().enumerate() {
        if fields[vi].len() < 2 {
            continue;
        }
        let mut fs: Vec<EngineField<'_>> = Vec::new();
        if let Some(p) = tag {
            fs.push(EngineField::new("(tag)", p.name(), Ty::Prim(p)));
        }
        fs.extend(fields[vi].iter().copied());
        let def = StructDef::repr_c(&v.name, &fs);
        let mut layouts = Vec::new();
        for &target in targets {
            let mut placed = vec![FieldLayout::default(); fs.len()];
            let layout = match struct_layout(&def, target, &mut placed) {
                Ok(layout) => layout,
                Err(err) => return Err(no_layout_report(e, &fields[vi], target, err)),
            };
            layouts.push(StructLayout {
                def,
                target,
                layout,
                fields: placed,
            });
        }
        let pinned: &[usize] = if tag.is_some() { &[0] } else { &[] };
        let constraints = Constraints {
            pinned,
            groups: &[],
            hot: &[],
            cache_line: 64,
        };
        // Many target groups lay a variant out alike: search once per distinct layout.
        let key: Vec<Vec<FieldLayout>> = layouts.iter().map(|l| l.fields.clone()).collect();
        let joint = match cache.iter().find(|(v, k, _)| *v == vi && *k == key) {
            Some((_, _, joint)) => joint.clone(),
            None => {
                let joint = StructLayout::suggest_joint(&layouts, constraints).ok();
                cache.push((vi, key, joint.clone()));
                joint
            }
        };
        let Some(joint) = joint else {
            continue;
        };
        let now: Vec<u64> = layouts.iter().map(|l| l.layout.size).collect();
        if now.iter().zip(&joint.best).all(|(n, b)| n <= b) {
            continue;
        }
        let skip = usize::from(tag.is_some());
        fixes.push(VariantFix {
            variant: vi,
            order: joint
                .order
                .iter()
                .filter(|&&i| i >= skip)
                .map(|&i| i - skip)
                .collect(),
            moved: joint.moves(),
            now,
            sizes: joint.sizes.clone(),
            best: joint.best.clone(),
            exact: joint.exact,
        });
    }
    // The first target where a variant is not optimal is the one the report describes.
    let Some(first) = (0..targets.len()).find(|&t| fixes.iter().any(|f| f.now[t] > f.best[t]))
    else {
        return Ok(None);
    };
    let target = targets[first];
    let with_tag = if tag.is_some() { " (with its tag)" } else { "" };
    let mut m = format!(
        "`{}` breaks its layout policy on {}:",
        e.name, target.triple
    );
    for f in fixes.iter().filter(|f| f.now[first] > f.best[first]) {
        m.push_str(&format!(
            "\n  - `optimal`: variant `{}`{with_tag} is {} bytes, and some order of its fields makes it {}",
            e.variants[f.variant].name, f.now[first], f.best[first]
        ));
    }
    let reordered: Vec<&VariantFix> = fixes.iter().filter(|f| f.moved > 0).collect();
    if let Some((before, after)) = enum_sizes(e, repr, fields, &reordered, target).filter(|_| whole)
    {
        m.push_str(&format!(
            "\n`{}` is {before} bytes on {}{}",
            e.name,
            target.triple,
            if after < before {
                format!(", {after} with the orders below")
            } else {
                String::from(
                    " either way: its largest variant or its tag decides the size, but each reordered variant needs less",
                )
            }
        ));
    }
    if reordered.is_empty() {
        m.push_str("\n(no single order of those fields is smaller on every named target)");
        return Ok(Some(m));
    }
    let moves: Vec<String> = reordered
        .iter()
        .map(|f| {
            format!(
                "`{}` {} bytes ({} moved)",
                e.variants[f.variant].name,
                f.sizes[first],
                if f.moved == 1 {
                    String::from("1 field")
                } else {
                    format!("{} fields", f.moved)
                }
            )
        })
        .collect();
    m.push_str(&format!(
        "\nsuggested orders: {}; paste this body:\n\n{}",
        moves.join(", "),
        enum_body(e, &reordered)
    ));
    for f in &reordered {
        if f.sizes != f.best {
            let costs: Vec<String> = targets
                .iter()
                .zip(f.sizes.iter().zip(&f.best))
                .filter(|(_, (size, best))| size > best)
                .map(|(t, (size, best))| format!("{size} bytes on {} (best {best})", t.triple))
                .collect();
            m.push_str(&format!(
                "\n(no single order of `{}` is the smallest on every named target; this one costs {})",
                e.variants[f.variant].name,
                costs.join(", ")
            ));
        }
        if !f.exact {
            m.push_str(&format!(
                "\n(the order of `{}` reaches the size above, but is not proven to move the fewest fields)",
                e.variants[f.variant].name
            ));
        }
    }
    if reordered
        .iter()
        .any(|f| e.variants[f.variant].input.kind == Kind::Tuple)
    {
        m.push_str("\n(a tuple variant's fields are positional: update its patterns and constructors to the new order)");
    }
    let others = (first + 1..targets.len())
        .filter(|&t| fixes.iter().any(|f| f.now[t] > f.best[t]))
        .count();
    if others > 0 {
        m.push_str(&format!(
            "\n(a variant is not optimal on {others} more of the named targets too)"
        ));
    }
    Ok(Some(m))
}

/// Why `e` has no layout on `target`, where the struct of one of its variants (`variant`, its
/// fields) has none: the engine's report, naming the enum and the field whose type has no
/// layout there.
fn no_layout_report(
    e: &EnumIn<'_>,
    variant: &[EngineField<'_>],
    target: &Target,
    err: layout_engine::LayoutError<'_>,
) -> String {
    let field_err = variant.iter().find_map(|f| {
        layout_engine::type_layout(&f.ty, target)
            .err()
            .map(|err| err.in_field(&e.name, f.name, f.ty_name))
    });
    no_layout_text(&e.name, target.triple, &field_err.unwrap_or(err))
}

/// The engine's words for why the enum `name` has no layout on `triple` (those of the const
/// checks, so that both paths say the same).
fn no_layout_text(name: &str, triple: &str, err: &layout_engine::LayoutError<'_>) -> String {
    use layout_engine::check::{MSG_BYTES, Msg};
    let mut m = Box::new(Msg::<MSG_BYTES>::new());
    layout_engine::check::report::write_no_layout(&mut m, name, triple, err);
    m.as_str().to_owned()
}

/// The enum's size on `target` as declared and with the `reordered` variants, when the macro
/// knows every discriminant (a `repr(C)` tag's width may depend on them).
fn enum_sizes(
    e: &EnumIn<'_>,
    repr: EnumRepr,
    fields: &[Vec<EngineField<'_>>],
    reordered: &[&VariantFix],
    target: &'static Target,
) -> Option<(u64, u64)> {
    let discriminants = literal_discriminants(e)?;
    let moved: Vec<Vec<EngineField<'_>>> = fields
        .iter()
        .enumerate()
        .map(
            |(vi, fs)| match reordered.iter().find(|f| f.variant == vi) {
                Some(f) => f.order.iter().map(|&i| fs[i]).collect(),
                None => fs.clone(),
            },
        )
        .collect();
    let size = |fields: &[Vec<EngineField<'_>>]| -> Option<u64> {
        let variants: Vec<Variant<'_>> = e
            .variants
            .iter()
            .zip(fields)
            .zip(&discriminants)
            .map(|((v, fs), d)| Variant {
                name: &v.name,
                discriminant: *d,
                fields: fs,
            })
            .collect();
        let def = EnumDef::new(&e.name, repr, &variants);
        def.layout_on(target).ok().map(|l| l.size())
    };
    Some((size(fields)?, size(&moved)?))
}

/// The enum as written, with the `reordered` variants' fields in their suggested orders: every
/// variant keeps its attributes, doc comments and discriminant, every field its attributes,
/// visibility and type as written.
fn enum_body(e: &EnumIn<'_>, reordered: &[&VariantFix]) -> String {
    use layout_syntax::source::{attr_source, field_source, tokens_source};
    let d = e.original;
    let vis = tokens_source(d.vis.to_token_stream());
    let generics = tokens_source(d.generics.to_token_stream());
    let mut out = [vis.as_str(), "enum", &format!("{}{}", d.ident, generics)]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    out.push_str(" {\n");
    let syn::Data::Enum(data) = &d.data else {
        return out + "}";
    };
    for (vi, (v, vin)) in data.variants.iter().zip(&e.variants).enumerate() {
        for a in &v.attrs {
            out.push_str("    ");
            out.push_str(&attr_source(a));
            out.push('\n');
        }
        let order: Vec<usize> = match reordered.iter().find(|f| f.variant == vi) {
            Some(f) => f.order.clone(),
            None => (0..vin.input.fields.len()).collect(),
        };
        out.push_str("    ");
        out.push_str(&vin.name);
        match vin.input.kind {
            Kind::Named => {
                out.push_str(" {\n");
                for &i in &order {
                    for line in field_source(vin.input.fields[i].original) {
                        out.push_str("        ");
                        out.push_str(&line);
                        out.push('\n');
                    }
                    out.pop();
                    out.push_str(",\n");
                }
                out.push_str("    }");
            }
            Kind::Tuple => {
                let fields: Vec<String> = order
                    .iter()
                    .map(|&i| field_source(vin.input.fields[i].original).join(" "))
                    .collect();
                out.push('(');
                out.push_str(&fields.join(", "));
                out.push(')');
            }
            _ => {}
        }
        if let Some((_, expr)) = &v.discriminant {
            out.push_str(" = ");
            out.push_str(&tokens_source(expr.to_token_stream()));
        }
        out.push_str(",\n");
    }
    out.push('}');
    out
}

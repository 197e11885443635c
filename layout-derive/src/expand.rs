//! Code generation. For a struct whose field types the macro models itself, the whole expansion
//! is
//!
//! ```text
//! #[doc = "The layout of `S`, as `#[derive(Layout)]` computed it: <table>"]
//! impl ::layout_core::Layout for S {}
//! impl ::layout_core::Model for S {
//!     const TY: P::Ty<'static> = P::Ty::Struct(&P::StructDef {
//!         fields: &{ let fields = P::fields::<2, 0>("a: u8\nb: u64", []); fields },
//!         ..P::def::<Self>("S", P::Repr::C, &[])
//!     });
//! }
//! const _: () = {
//!     P::same_prims::<(u8, u64), _>((0u8, 0u64));
//!     P::expect::<S>("S", match P::FAMILY { 0xa04022222222100 => (12, 4), _ => (16, 8) })
//! };
//! ```
//!
//! where `P` is `::layout_core::__private_0_1_0`, the private module named after this version
//! (`krate::private_module`); `tests/expand/*.expanded.rs` pin the real expansions.
//!
//! `Model::TY` is the struct as the engine sees it (`Layout::DEF` defaults to it), evaluated only
//! when used; `same_prims` (`same_types` where a name is not a primitive's) has the compiler
//! confirm that the field types modelled from their names are the types those names were taken
//! for; `expect` asserts that the size
//! and alignment the macro computed for the compiling target's family of targets (named by the
//! key of its facts, `layout_engine::check::family::key`) are the compiler's. Where a field type
//! is resolved by the compiler only, its model is `<T as Model>::TY` and the assertion runs the
//! engine during constant evaluation instead (`P::verify`); generic
//! structs check each instantiation when it is used; policies the macro cannot decide are
//! `const` items that run `layout_core::check`. In the warning mode, a `const` check can only
//! pick a deprecated item, not write its note: where the macro laid the struct out on every
//! family, it writes the compiling target's report for each family instead
//! ([`current_warnings`]), and the family key picks the one used.
//!
//! The expansion is kept small and is written as text ([`Code`]; `code` says what is built as
//! spanned tokens instead): the compiler type-checks and borrow-checks it for every derived
//! struct, and the macro runs unoptimised in the debug builds `cargo check` uses, so both its
//! size and the work of making it are most of what the derive costs a build
//! (`benches/compile-time`).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};

use crate::ast::{Input, Kind};
use crate::code::{Code, respan};
use crate::ctxt::Ctxt;
use crate::entries::{self, Model};
use crate::findings::{self, Findings, Predictions};
use crate::krate::Paths;
use crate::sources::Sources;
use crate::{bound, fallback, valid};
use layout_engine::check::family;
use layout_engine::{ReprBase, Target, TypeLayout};

/// The derive: the generated items, or the errors beside a placeholder impl.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    match try_expand(input) {
        Ok(ts) => ts,
        Err(e) => fallback::expand(input, e),
    }
}

fn try_expand(original: &syn::DeriveInput) -> Result<TokenStream, syn::Error> {
    if let syn::Data::Enum(data) = &original.data {
        return crate::enums::try_expand(original, data);
    }
    let mut cx = Ctxt::default();
    let input = Input::from_syn(&mut cx, original);
    let Some(input) = input else {
        return Err(cx.check().expect_err("from_syn fails only with an error"));
    };
    valid::validate(&mut cx, &input);
    if let (Some(why), Some(targets)) = (&input.per_target, &input.attrs.targets) {
        cx.error_at(targets.span, per_target_error(&input.name, why));
    }
    cx.check()?;

    let findings = findings::evaluate(&input);
    let warn = input.attrs.warn.is_some();
    if !warn && !findings.reports.is_empty() {
        let mut errors = findings
            .reports
            .iter()
            .map(|r| syn::Error::new(r.span, &r.message));
        let mut first = errors.next().expect("not empty");
        for e in errors {
            first.combine(e);
        }
        // The reports read the field types by name: if a name in scope means something else,
        // the confirmation says so beside them.
        let mut tokens = fallback::expand(original, first);
        if !input.is_generic()
            && let Some(check) =
                entries::confirmations(&input, &Paths::of(input.attrs.krate.as_ref()).private)
        {
            let mut code = Code::default();
            code.push("const _: () = ");
            code.push(&check);
            code.push(";\n");
            tokens.extend(code.into_tokens()?);
        }
        return Ok(tokens);
    }
    generate(&input, &findings)
}

/// `targets` on a struct whose definition depends on the target (see `per_target`).
pub fn per_target_error(name: &str, why: &str) -> String {
    format!(
        "`targets` cannot be checked: the definition of `{name}` depends on the target ({why}), \
         and the derive sees only the compiling target's definition, so it would predict other \
         targets from the wrong one. Remove `targets`: the policies are then checked on each \
         target you compile for (`cargo check --target ...`), and `Layout::layout_on` answers \
         for the compiling target only"
    )
}

/// What the compiling target's reports are picked by: its family key, and with a C enum tag the
/// width of a C enum there.
pub fn current_selector(current: &findings::CurrentReports, private: &TokenStream) -> TokenStream {
    let family = if current.atomics {
        quote!(#private::ATOMIC_FAMILY)
    } else {
        quote!(#private::FAMILY)
    };
    if current.c_enum {
        quote!((#family, #private::C_ENUM_BYTES))
    } else {
        family
    }
}

/// The patterns of `keys` for [`current_selector`]'s value.
pub fn current_keys(current: &findings::CurrentReports, keys: &[(u64, u64)]) -> Vec<TokenStream> {
    keys.iter()
        .map(|&(family, c_enum)| {
            let family = syn::LitInt::new(&format!("{family:#x}"), Span::call_site());
            if current.c_enum {
                let c_enum = proc_macro2::Literal::u64_unsuffixed(c_enum);
                quote!((#family, #c_enum))
            } else {
                quote!(#family)
            }
        })
        .collect()
}

/// The generated items (see the module documentation for their shape).
fn generate(input: &Input<'_>, findings: &Findings) -> Result<TokenStream, syn::Error> {
    let paths = Paths::of(input.attrs.krate.as_ref());
    let Paths {
        krate,
        krate_tokens,
        private,
        private_tokens,
    } = &paths;
    let confirmation = entries::confirmations(input, private);
    let ident = &input.name;
    let n = input.fields.len();
    let plain = input.original.generics.params.is_empty() && input.attrs.bound.is_none();
    let head = if plain {
        ImplHead::plain(ident)
    } else {
        let krate_path: syn::Path = syn::parse2(krate_tokens.clone())?;
        ImplHead::of(ident, &bound::with_bounds(input, &krate_path))
    };

    let const_checks =
        input.has_policy() && (findings.const_current || !findings.const_named.is_empty());
    let run = const_checks.then(|| const_policy_checks(input, findings, private_tokens));
    let warn = input.attrs.warn.is_some();

    let mut code = Code::default();
    if input.is_generic() {
        // Checks run per instantiation: whenever `DEF` (and so `TY`) is used.
        head.write(&mut code, "");
        code.push("\n    #[doc(hidden)]\n    const __LAYOUT_NAME: &'static ");
        code.push(private);
        code.display(format_args!(
            "::Msg<{{{private}::NAME_BYTES}}> = &{private}::generic_name("
        ));
        code.str_literal(ident);
        code.push(", &[");
        code.separated(generic_args(input, krate), ", ", |code, arg| {
            code.push(private);
            code.push("::Arg::");
            code.push(&arg);
        });
        code.push("]);");
        code.push("\n    #[doc(hidden)]\n    const __LAYOUT_DEF: ");
        code.push(private);
        code.push("::StructDef<'static> = ");
        struct_def(&mut code, input, &paths);
        code.push(";\n    #[doc(hidden)]\n    const __LAYOUT_CHECKED: () = { ");
        code.push(private);
        code.display(format_args!("::verify::<{n}>(&Self::__LAYOUT_DEF); "));
        if let Some(check) = &confirmation {
            code.push(check);
            code.push("; ");
        }
        if let Some((run, _)) = run {
            code.hole(run);
        }
        code.push("};\n}\n");
        doc_comment(&mut code, input, findings);
        head.write(&mut code, &format!("{krate}::Layout for "));
        code.push("\n    const DEF: ");
        code.push(private);
        code.push("::StructDef<'static> = {\n        let () = Self::__LAYOUT_CHECKED;\n        Self::__LAYOUT_DEF\n    };\n}\n");
        head.write(&mut code, &format!("{krate}::Model for "));
        code.display(format_args!(
            "\n    const TY: {private}::Ty<'static> = {private}::Ty::Struct(&<Self as {krate}::Layout>::DEF);\n}}\n"
        ));
        let mut tokens = code.into_tokens()?;
        tokens.extend(expansion_warnings(input, findings));
        return Ok(tokens);
    }

    let concrete = static_instance(ident, &input.original.generics);

    doc_comment(&mut code, input, findings);
    head.write(&mut code, &format!("{krate}::Layout for "));
    code.push("}\n");
    head.write(&mut code, &format!("{krate}::Model for "));
    code.push("\n    const TY: ");
    code.push(private);
    code.push("::Ty<'static> = ");
    code.push(private);
    code.push("::Ty::Struct(&");
    struct_def(&mut code, input, &paths);
    code.push(");\n}\n");
    // The engine agrees with the compiler: the macro's own predictions where it modelled every
    // field, else the engine run during constant evaluation. A `repr(Rust)` layout is the
    // compiler's numbers themselves, with nothing to compare. The confirmation of the names
    // goes in the same `const` item: each item costs the compiler a body to check and evaluate.
    let all_known = input
        .fields
        .iter()
        .all(|f| matches!(f.model, Model::Known(_)));
    let open = |code: &mut Code| match &confirmation {
        Some(check) => {
            code.push("const _: () = {\n    ");
            code.push(check);
            code.push(";\n    ");
        }
        None => code.push("const _: () = "),
    };
    let close = |code: &mut Code| {
        code.push(if confirmation.is_some() {
            "\n};\n"
        } else {
            ";\n"
        })
    };
    match &findings.predictions {
        Some(p) => {
            open(&mut code);
            code.display(format_args!("{private}::expect::<{concrete}>("));
            code.str_literal(ident);
            code.push(", ");
            predicted(&mut code, p, private);
            code.push(")");
            close(&mut code);
        }
        None if all_known && input.repr.repr.base == ReprBase::Rust => {
            if let Some(check) = &confirmation {
                code.push("const _: () = ");
                code.push(check);
                code.push(";\n");
            }
        }
        None => {
            open(&mut code);
            code.display(format_args!(
                "{private}::verify::<{n}>(&<{concrete} as {krate}::Layout>::DEF)"
            ));
            close(&mut code);
        }
    }
    let mut tokens = code.into_tokens()?;

    if let Some((run, violated)) = run {
        let span = input.ident.span();
        let krate = &krate_tokens;
        let ident = input.ident;
        let lifetimes: Vec<TokenStream> = input
            .original
            .generics
            .lifetimes()
            .map(|_| quote!('static))
            .collect();
        let this = if !lifetimes.is_empty() {
            quote!(<#ident<#(#lifetimes),*> as #krate::Layout>::DEF)
        } else {
            quote!(<#ident as #krate::Layout>::DEF)
        };
        if !warn {
            tokens.extend(quote_spanned! {span=>
                const _: () = { const DEF: #private_tokens::StructDef<'static> = #this; #run };
            });
        } else {
            tokens.extend(quote_spanned! {span=>
                #[warn(deprecated)]
                const _: () = {
                    const DEF: #private_tokens::StructDef<'static> = #this;
                    <<[(); #violated as usize] as #private_tokens::Select>::Report>::layout_policy_broken_on_the_compiling_target();
                };
            });
        }
    }
    if let Some(current) = &findings.current {
        tokens.extend(current_warnings(
            input.ident.span(),
            current,
            private_tokens,
        ));
    }
    tokens.extend(expansion_warnings(input, findings));
    Ok(tokens)
}

/// The warning mode on the compiling target, when the macro laid the struct out on every family:
/// each family's full report is the note of a deprecated function, and the compiling target's
/// family key picks the one the expansion calls (0: the one that is not deprecated).
pub fn current_warnings(
    span: Span,
    current: &findings::CurrentReports,
    private: &TokenStream,
) -> TokenStream {
    if current.reports.is_empty() {
        return TokenStream::new();
    }
    let impls = current.reports.iter().enumerate().map(|(i, (_, note))| {
        let n = proc_macro2::Literal::usize_unsuffixed(i + 1);
        quote_spanned! {span=>
            #[allow(dead_code)]
            impl LayoutPolicy<#n> {
                #[deprecated(note = #note)]
                const fn broken_on_the_compiling_target() {}
            }
        }
    });
    let arms = current.reports.iter().enumerate().map(|(i, (keys, _))| {
        let n = proc_macro2::Literal::usize_unsuffixed(i + 1);
        let keys = current_keys(current, keys);
        quote!(#(#keys)|* => #n,)
    });
    let selector = current_selector(current, private);
    // `warn(deprecated)` on the item: a crate-wide `allow(deprecated)` must not silence it.
    let item = quote! {
        #[warn(deprecated)]
        const _: () = {
            struct LayoutPolicy<const N: usize>;
            #[allow(dead_code)]
            impl LayoutPolicy<0> {
                const fn broken_on_the_compiling_target() {}
            }
            #(#impls)*
            LayoutPolicy::<{ match #selector { #(#arms)* _ => 0 } }>::broken_on_the_compiling_target();
        };
    };
    respan(item, span)
}

/// The head of a generated impl, `impl<..> TRAIT for NAME<..> where .. {`, as text.
pub struct ImplHead<'a> {
    name: &'a str,
    impl_generics: String,
    ty_generics: String,
    where_clause: String,
}

impl<'a> ImplHead<'a> {
    /// For `name` without generics.
    pub fn plain(name: &'a str) -> Self {
        ImplHead {
            name,
            impl_generics: String::new(),
            ty_generics: String::new(),
            where_clause: String::new(),
        }
    }

    /// For `name` with `generics`.
    pub fn of(name: &'a str, generics: &syn::Generics) -> Self {
        let (i, t, w) = generics.split_for_impl();
        ImplHead {
            name,
            impl_generics: i.to_token_stream().to_string(),
            ty_generics: t.to_token_stream().to_string(),
            where_clause: w.to_token_stream().to_string(),
        }
    }

    /// Writes the head of the impl of `trait_` (the path and ` for `, or nothing for an
    /// inherent impl).
    pub fn write(&self, code: &mut Code, trait_: &str) {
        code.push("#[automatically_derived]\nimpl");
        code.push(&self.impl_generics);
        code.push(" ");
        code.push(trait_);
        code.push(self.name);
        code.push(&self.ty_generics);
        code.push(" ");
        code.push(&self.where_clause);
        code.push(" {");
    }
}

/// The type that the checks of a type with lifetime parameters only use: its `'static`
/// instantiation (`S<'static>`), or the name alone.
pub fn static_instance(name: &str, generics: &syn::Generics) -> String {
    let lifetimes = generics.lifetimes().count();
    if lifetimes > 0 {
        format!("{name}<{}>", vec!["'static"; lifetimes].join(", "))
    } else {
        name.to_owned()
    }
}

/// The struct as a `StructDef` expression: the fields as one spec string (see
/// `layout_core::check::fields`) with the models only the compiler knows as spanned holes, and
/// the rest from `__private::def`.
fn struct_def(code: &mut Code, input: &Input<'_>, paths: &Paths) {
    let private = paths.private.as_str();
    code.push(private);
    code.push("::StructDef {\n        fields: ");
    entries::write_fields(code, input, paths);
    code.push(",\n        ..");
    code.push(private);
    code.push("::def::<Self>(");
    if input.is_generic() {
        // The instantiation's name, `Pair<u64, u8>`, made during constant evaluation.
        code.push("Self::__LAYOUT_NAME.as_str()");
    } else {
        code.str_literal(&input.name);
    }
    code.push(", ");
    repr(code, input, private);
    code.push(", &[");
    // Field offsets from the compiler only where the engine needs them: rustc's own order
    // (`repr(Rust)`) and the zero-sized fields of `repr(transparent)`. A `repr(C)`-family
    // layout is the engine's, checked against `offset_of!` by the project's tests; leaving the
    // offsets out keeps the derive cheap to compile.
    if matches!(input.repr.repr.base, ReprBase::Rust | ReprBase::Transparent) {
        code.separated(&input.fields, ", ", |code, f| {
            code.push("::core::mem::offset_of!(Self, ");
            code.push(&f.member.to_token_stream().to_string());
            code.push(") as u64");
        });
    }
    code.push("])");
    if input.kind == Kind::Union {
        code.push(".union()");
    }
    code.push("\n    }");
}

/// The arguments of a generic struct's name (`__private::generic_name`), in the order of its
/// type and const parameters, as the text after `Arg::`: a type parameter by its model where the
/// impls bound it by `Model`, a const parameter of an integer or `bool` type by its value, the
/// rest unknown (`_`).
fn generic_args(input: &Input<'_>, krate: &str) -> Vec<String> {
    let mut args = Vec::new();
    for param in &input.original.generics.params {
        match param {
            syn::GenericParam::Type(t) if crate::bound::has_model_bound(input, &t.ident) => {
                args.push(format!("Ty(<{} as {krate}::Model>::TY)", t.ident));
            }
            syn::GenericParam::Type(_) => args.push("Unknown".to_owned()),
            syn::GenericParam::Const(c) => {
                let ty = c.ty.to_token_stream().to_string();
                let id = &c.ident;
                args.push(match ty.as_str() {
                    "u8" | "u16" | "u32" | "u64" | "usize" => format!("Unsigned({id} as u64)"),
                    "i8" | "i16" | "i32" | "i64" | "isize" => format!("Signed({id} as i64)"),
                    "bool" => format!("Bool({id})"),
                    _ => "Unknown".to_owned(),
                });
            }
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    args
}

/// `Repr::C`, `Repr::C.packed(2)`, ...
fn repr(code: &mut Code, input: &Input<'_>, private: &str) {
    let repr = input.repr.repr;
    code.push(private);
    code.push(match repr.base {
        ReprBase::C => "::Repr::C",
        ReprBase::Transparent => "::Repr::TRANSPARENT",
        ReprBase::Rust => "::Repr::RUST",
    });
    if let Some(n) = repr.packed {
        code.display(format_args!(".packed({n})"));
    }
    if let Some(n) = repr.align {
        code.display(format_args!(".aligned({n})"));
    }
}

/// The predicted `(size, align)` on the compiling target: one pair when every family agrees,
/// else a `match` on the compiling target's family, the most common pair last. `(0, 0)` where
/// the struct has no layout.
fn predicted(code: &mut Code, p: &Predictions, private: &str) {
    let pair = |code: &mut Code, l: Option<TypeLayout>| {
        let (size, align) = l.map_or((0, 0), |l| (l.size, l.align));
        code.display(format_args!("({size}, {align})"));
    };
    // Distinct layouts in order of first appearance, with their families.
    let mut groups: Vec<(Option<TypeLayout>, Vec<usize>)> = Vec::new();
    for &(rep, layout) in &p.families {
        match groups.iter_mut().find(|(l, _)| *l == layout) {
            Some((_, reps)) => reps.push(rep),
            None => groups.push((layout, vec![rep])),
        }
    }
    let Some(common) = (0..groups.len()).max_by_key(|&i| (groups[i].1.len(), usize::MAX - i))
    else {
        return code.push("(0, 0)");
    };
    if groups.len() == 1 {
        return pair(code, groups[0].0);
    }
    code.push("match ");
    code.push(private);
    code.push(if p.atomics {
        "::ATOMIC_FAMILY {"
    } else {
        "::FAMILY {"
    });
    for (i, (layout, reps)) in groups.iter().enumerate() {
        if i == common {
            continue;
        }
        code.push("\n        ");
        // A family is written as the key of its facts, not as a position in the target table:
        // its meaning does not depend on which table the derive was built with.
        let keys = reps
            .iter()
            .map(|&rep| family::key(&Target::ALL[rep], p.atomics));
        code.separated(keys, " | ", |code, key| {
            code.display(format_args!("{key:#x}"))
        });
        code.push(" => ");
        pair(code, *layout);
        code.push(",");
    }
    code.push("\n        _ => ");
    pair(code, groups[common].0);
    code.push(",\n    }");
}

/// The const-evaluation checks: `check::run(...)` (panics with the report) and the
/// `check::violated(...)` switch of the warning mode. Both refer to a `DEF` const in scope.
fn const_policy_checks(
    input: &Input<'_>,
    findings: &Findings,
    private: &TokenStream,
) -> (TokenStream, TokenStream) {
    let n = input.fields.len();
    let a = &input.attrs;
    let max_padding = option(a.max_padding.as_ref().map(|v| v.value));
    let optimal = a.optimal.is_some();
    let size = option(a.size.as_ref().map(|v| v.value));
    let align = option(a.align.as_ref().map(|v| v.value));
    let cache_line = a.cache_line.as_ref().map_or(64, |v| v.value);
    let m = &input.marked;
    let (hot, separate, pinned) = (list(&m.hot), list(&m.separate), list(&m.pinned));
    let sources = Sources::of(input);
    let header = &sources.header;
    let field_sources = &sources.fields;
    let tuple = input.kind == Kind::Tuple;
    let def = if input.is_generic() {
        quote!(Self::__LAYOUT_DEF)
    } else {
        quote!(DEF)
    };
    let policy = quote! {
        &#private::Policy {
            max_padding: #max_padding, optimal: #optimal, size: #size, align: #align,
            cache_line: #cache_line, hot: #hot, separate: #separate, pinned: #pinned,
        }
    };
    let targets = targets(private, &findings.const_named, findings.const_current);
    let span = input.ident.span();
    let run = quote_spanned! {span=>
        #private::run::<#n>(
            &#private::Subject { def: &#def, header: #header, sources: &[#(#field_sources),*], tuple: #tuple },
            #policy,
            #targets,
        );
    };
    let violated = quote_spanned!(span=> #private::violated::<#n>(&#def, #policy, #targets));
    (respan(run, span), respan(violated, span))
}

/// `&P::Targets { .. }`: the checks of constant evaluation on the `named` targets (indices into
/// `Target::ALL`), and on the compiling target when `current`.
pub fn targets(private: &TokenStream, named: &[usize], current: bool) -> TokenStream {
    let named = named.iter().map(|&i| {
        let triple = Target::ALL[i].triple;
        quote!(#private::target(#i, #triple))
    });
    quote!(&#private::Targets { named: &[#(#named),*], current: #current })
}

/// `Some(v)` or `None`, by absolute path.
pub fn option(v: Option<u64>) -> TokenStream {
    match v {
        Some(n) => quote!(::core::option::Option::Some(#n)),
        None => quote!(::core::option::Option::None),
    }
}

fn list(v: &[usize]) -> TokenStream {
    quote!(&[#(#v),*])
}

/// The warning mode at expansion time: each report as a deprecated item that the expansion uses
/// (stable Rust has no other way for a derive to warn).
fn expansion_warnings(input: &Input<'_>, findings: &Findings) -> TokenStream {
    if input.attrs.warn.is_none() {
        return TokenStream::new();
    }
    let items = findings.reports.iter().map(|r| {
        let note = &r.message;
        let span: Span = r.span;
        // `warn(deprecated)` on the item: a crate-wide `allow(deprecated)` (common, for
        // dependencies' deprecations) must not silence a layout policy.
        quote_spanned! {span=>
            #[warn(deprecated)]
            const _: () = {
                #[deprecated(note = #note)]
                struct LayoutPolicy;
                let _ = LayoutPolicy;
            };
        }
    });
    quote!(#(#items)*)
}

/// The layout table as the doc comment of the `Layout` impl.
fn doc_comment(code: &mut Code, input: &Input<'_>, findings: &Findings) {
    let mut text = format!(
        "The layout of `{}`, as `#[derive(Layout)]` computed it:\n",
        input.ident
    );
    if findings.doc.is_empty() {
        match input.repr.repr.base {
            ReprBase::Rust => text.push_str("\n`repr(Rust)`: rustc chooses the layout; `Layout::layout()` gives it on the compiling target."),
            _ => fields_doc(&mut text, input),
        }
    }
    for table in &findings.doc {
        text.push_str("\n```text\n");
        text.push_str(table);
        text.push_str("\n```\n");
    }
    code.push("#[doc = ");
    code.str_literal(&text);
    code.push("]\n");
}

/// The doc of a struct some of whose field types only the compiler resolves (another derived
/// struct, an alias, a generic parameter): the macro cannot lay it out while it expands, so
/// the doc says what it knows, the fields with the numbers of those it models itself, and
/// where the rest is, without a guessed number.
fn fields_doc(text: &mut String, input: &Input<'_>) {
    let Some(target) = Target::find("64") else {
        return;
    };
    let resolved: Vec<String> = input
        .fields
        .iter()
        .filter(|f| !matches!(f.model, Model::Known(_)))
        .map(|f| format!("`{}: {}`", f.name, f.ty_name))
        .collect();
    text.push_str(&format!(
        "\nThe layout of {} comes from the compiler, so the macro cannot lay `{}` out while it \
         expands and prints no table here rather than guessed numbers: `Layout::layout()` gives \
         the table on the compiling target and `Layout::layout_on(target)` on any built-in \
         target. A field type that derives `Layout` itself has its own table in its docs.\n",
        resolved.join(", "),
        input.ident
    ));
    let name_w = input
        .fields
        .iter()
        .map(|f| f.name.len())
        .fold(5, usize::max);
    let ty_w = input
        .fields
        .iter()
        .map(|f| f.ty_name.len())
        .fold(4, usize::max);
    text.push_str(&format!(
        "\n```text\nthe fields of {}, sizes on {}:\n{:<name_w$}  {:<ty_w$}  {:>5}  {:>5}\n",
        input.name, target.triple, "field", "type", "size", "align"
    ));
    for f in &input.fields {
        let ty = &f.ty_name;
        let numbers = match &f.model {
            Model::Known(t) => layout_engine::type_layout(t, target).ok(),
            _ => None,
        };
        match numbers {
            Some(l) => text.push_str(&format!(
                "{:<name_w$}  {:<ty_w$}  {:>5}  {:>5}\n",
                f.name, ty, l.size, l.align
            )),
            None => text.push_str(&format!(
                "{:<name_w$}  {:<ty_w$}  {:>5}  {:>5}  (resolved by the compiler)\n",
                f.name, ty, "-", "-"
            )),
        }
    }
    text.push_str("```\n");
}

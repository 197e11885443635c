//! Code generation: `impl Layout` (the struct as the engine sees it, with the compiler's own
//! numbers), `impl Model` (so the struct nests), the const assertion that the engine agrees with
//! the compiler, and the policy checks left to constant evaluation.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::ast::{Input, Kind};
use crate::checks::{self, Findings, Lists, Texts};
use crate::ctxt::Ctxt;
use crate::engine::{ReprBase, Target};
use crate::syntax::ty::{Class, Context, HostOnly, NoResolver, classify};
use crate::{bound, fallback, valid};

/// The derive: the generated items, or the errors beside a placeholder impl.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    match try_expand(input) {
        Ok(ts) => ts,
        Err(e) => fallback::expand(input, e),
    }
}

fn try_expand(original: &syn::DeriveInput) -> Result<TokenStream, syn::Error> {
    let mut cx = Ctxt::default();
    let input = Input::from_syn(&mut cx, original);
    let Some(input) = input else {
        return Err(cx.check().expect_err("from_syn fails only with an error"));
    };
    valid::check(&mut cx, &input);
    cx.check()?;

    let lists = Lists::of(&input);
    let texts = Texts::of(&input, lists.any_check(&input));
    let findings = checks::run(&input, &lists, &texts);
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
        return Err(first);
    }
    Ok(generate(&input, &lists, &texts, &findings))
}

fn generate(input: &Input<'_>, lists: &Lists, texts: &Texts, findings: &Findings) -> TokenStream {
    let krate: syn::Path = input
        .attrs
        .krate
        .clone()
        .unwrap_or_else(|| syn::parse_quote!(::layout_core));
    let ident = input.ident;
    let name = ident.to_string();
    let generics = bound::with_bounds(input, &krate);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let n = input.fields.len();

    let shape = match input.kind {
        Kind::Union => quote!(#krate::Shape::Union),
        _ => quote!(#krate::Shape::Struct),
    };
    let repr = input.repr.repr;
    let base = match repr.base {
        ReprBase::C => quote!(#krate::ReprBase::C),
        ReprBase::Transparent => quote!(#krate::ReprBase::Transparent),
        ReprBase::Rust => quote!(#krate::ReprBase::Rust),
    };
    let packed = option(repr.packed);
    let align = option(repr.align);

    let mut resolver = NoResolver;
    let mut tcx = Context::new(&input.original.generics, &mut resolver);
    let fields = input.fields.iter().zip(&texts.types).map(|(f, ty_name)| {
        let fname = &f.name;
        let ty = f.ty;
        let host = f.attrs.host_only.is_some()
            || matches!(
                classify(ty, &mut tcx),
                Class::HostOnly(HostOnly::ReprRust | HostOnly::TargetDependentC)
            );
        let model = if host {
            quote! {
                #krate::Ty::Host {
                    name: #ty_name,
                    size: ::core::mem::size_of::<#ty>() as u64,
                    align: ::core::mem::align_of::<#ty>() as u64,
                }
            }
        } else {
            quote_spanned!(syn::spanned::Spanned::span(ty)=> <#ty as #krate::Model>::TY)
        };
        quote!(#krate::Field { name: #fname, ty_name: #ty_name, ty: #model })
    });
    // Field offsets from the compiler only where the engine needs them: rustc's own order
    // (`repr(Rust)`) and the zero-sized fields of `repr(transparent)`. A `repr(C)`-family
    // layout is the engine's, checked against `offset_of!` by the project's tests; leaving the
    // offsets out keeps the derive cheap to compile.
    let host_offsets = matches!(repr.base, ReprBase::Rust | ReprBase::Transparent);
    let offsets = input.fields.iter().filter(|_| host_offsets).map(|f| {
        let member = &f.member;
        quote!(::core::mem::offset_of!(Self, #member) as u64)
    });
    let def = quote! {
        #krate::StructDef {
            name: #name,
            shape: #shape,
            repr: #krate::Repr { base: #base, packed: #packed, align: #align },
            fields: &[#(#fields),*],
            host: ::core::option::Option::Some(#krate::HostLayout {
                size: ::core::mem::size_of::<Self>() as u64,
                align: ::core::mem::align_of::<Self>() as u64,
                offsets: &[#(#offsets),*],
            }),
        }
    };

    let doc = doc_comment(input, findings);
    let any_check = lists.any_check(input);
    let const_checks = any_check && (findings.const_current || !findings.const_named.is_empty());
    let run = const_checks.then(|| policy_run(input, lists, texts, findings, &krate));
    let warn = input.attrs.warn.is_some();
    let warnings = expansion_warnings(input, findings);

    let span = ident.span();
    if input.is_generic() {
        // Checks run per instantiation: whenever `DEF` (and so `TY`) is used.
        let run = run.map(|(run, _)| run);
        let checked = quote_spanned! {span=>
            let () = #krate::__private::verify_unit(#krate::__private::verify::<#n>(&Self::__LAYOUT_DEF));
            #run
        };
        quote! {
            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc(hidden)]
                const __LAYOUT_DEF: #krate::StructDef<'static> = #def;
                #[doc(hidden)]
                const __LAYOUT_CHECKED: () = { #checked };
            }
            #doc
            #[automatically_derived]
            impl #impl_generics #krate::Layout for #ident #ty_generics #where_clause {
                const DEF: #krate::StructDef<'static> = {
                    let () = Self::__LAYOUT_CHECKED;
                    Self::__LAYOUT_DEF
                };
            }
            #[automatically_derived]
            impl #impl_generics #krate::Model for #ident #ty_generics #where_clause {
                const TY: #krate::Ty<'static> = #krate::Ty::Struct(&<Self as #krate::Layout>::DEF);
            }
            #warnings
        }
    } else {
        // Lifetime parameters only: check the `'static` instantiation.
        let lifetimes = input.original.generics.lifetimes().map(|_| quote!('static));
        let concrete = if input.original.generics.lifetimes().next().is_some() {
            quote!(#ident<#(#lifetimes),*>)
        } else {
            quote!(#ident)
        };
        let this = quote!(<#concrete as #krate::Layout>::DEF);
        let (run, violated) = match run {
            Some((run, violated)) => (Some(run), Some(violated)),
            None => (None, None),
        };
        let run = run.map(|r| quote_spanned!(span=> const _: () = { const DEF: #krate::StructDef<'static> = #this; #r };));
        let warn_const = (warn && violated.is_some()).then(|| {
            let violated = violated.expect("checked");
            quote_spanned! {span=>
                const _: () = {
                    const DEF: #krate::StructDef<'static> = #this;
                    <<[(); #violated as usize] as #krate::__private::Select>::Report>::layout_policy_broken_on_the_compiling_target();
                };
            }
        });
        let run = if warn { None } else { run };
        quote! {
            #doc
            #[automatically_derived]
            impl #impl_generics #krate::Layout for #ident #ty_generics #where_clause {
                const DEF: #krate::StructDef<'static> = #def;
            }
            #[automatically_derived]
            impl #impl_generics #krate::Model for #ident #ty_generics #where_clause {
                const TY: #krate::Ty<'static> = #krate::Ty::Struct(&<Self as #krate::Layout>::DEF);
            }
            #krate::__private::static_assertions::const_assert!(#krate::__private::verify::<#n>(&#this));
            #run
            #warn_const
            #warnings
        }
    }
}

fn option(v: Option<u64>) -> TokenStream {
    match v {
        Some(n) => quote!(::core::option::Option::Some(#n)),
        None => quote!(::core::option::Option::None),
    }
}

fn list(v: &[usize]) -> TokenStream {
    quote!(&[#(#v),*])
}

/// The const-evaluation checks: `check::run(...)` (panics with the report) and the
/// `check::violated(...)` switch of the warning mode. Both refer to a `DEF` const in scope.
fn policy_run(
    input: &Input<'_>,
    lists: &Lists,
    texts: &Texts,
    findings: &Findings,
    krate: &syn::Path,
) -> (TokenStream, TokenStream) {
    let n = input.fields.len();
    let a = &input.attrs;
    let max_padding = option(a.max_padding.as_ref().map(|v| v.value));
    let optimal = a.optimal.is_some();
    let size = option(a.size.as_ref().map(|v| v.value));
    let align = option(a.align.as_ref().map(|v| v.value));
    let cache_line = a.cache_line.as_ref().map_or(64, |v| v.value);
    let (hot, separate, pinned) = (list(&lists.hot), list(&lists.separate), list(&lists.pinned));
    let header = &texts.header;
    let sources = &texts.fields;
    let tuple = input.kind == Kind::Tuple;
    let named = findings
        .const_named
        .iter()
        .map(|i| quote!(&#krate::Target::ALL[#i]));
    let current = findings.const_current;
    let def = if input.is_generic() {
        quote!(Self::__LAYOUT_DEF)
    } else {
        quote!(DEF)
    };
    let policy = quote! {
        &#krate::check::Policy {
            max_padding: #max_padding, optimal: #optimal, size: #size, align: #align,
            cache_line: #cache_line, hot: #hot, separate: #separate, pinned: #pinned,
        }
    };
    let targets = quote!(&#krate::check::Targets { named: &[#(#named),*], current: #current });
    let span = input.ident.span();
    let run = quote_spanned! {span=>
        #krate::check::run::<#n>(
            &#krate::check::Subject { def: &#def, header: #header, sources: &[#(#sources),*], tuple: #tuple },
            #policy,
            #targets,
        );
    };
    let violated = quote_spanned!(span=> #krate::check::violated::<#n>(&#def, #policy, #targets));
    (respan(run, span), respan(violated, span))
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
        quote_spanned! {span=>
            const _: () = {
                #[deprecated(note = #note)]
                struct LayoutPolicy;
                let _ = LayoutPolicy;
            };
        }
    });
    quote!(#(#items)*)
}

fn doc_comment(input: &Input<'_>, findings: &Findings) -> TokenStream {
    let mut text = format!(
        "The layout of `{}`, as `#[derive(Layout)]` computed it:\n",
        input.ident
    );
    if findings.doc.is_empty() {
        text.push_str(match input.repr.repr.base {
            ReprBase::Rust => "\n`repr(Rust)`: rustc chooses the layout; `Layout::layout()` gives it on the compiling target.",
            _ => "\nsome field types are resolved by the compiler only: `Layout::layout()` and `Layout::layout_on(target)` give the tables.",
        });
    }
    for table in &findings.doc {
        text.push_str("\n```text\n");
        text.push_str(table);
        text.push_str("\n```\n");
    }
    let _ = Target::ALL;
    quote!(#[doc = #text])
}

/// `tokens` with every token at `span`, so that an error in constant evaluation points at the
/// struct's name rather than at the derive.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let proc_macro2::TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = proc_macro2::TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

//! How the generated code describes the fields: a `(name, type, model)` triple of string
//! literals per field, read by `layout_core::__private::fields` (see `layout_core::check::fields`
//! for the form), plus the models that only the compiler can give.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};

use crate::ast::Input;
use crate::code::Code;
use crate::krate::Paths;
use layout_engine::Ty;
use layout_engine::check::fields::spelling;
use layout_syntax::source::tokens_source;
use layout_syntax::ty::{Class, Context, HostOnly, NoResolver, Unknown, classify, confirmation};

/// How one field's model is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    /// From the syntax alone, the same on every target.
    Known(Ty<'static>),
    /// By the compiler's size and alignment on the compiling target only (`host_only`, `Vec`,
    /// `c_int`, ...).
    HostOnly,
    /// `[elem; LEN]` with a length only the compiler knows and an element modelled from the
    /// syntax: the element keeps its model (`[c_long; N]` is not `[i64; N]` elsewhere).
    ArrayOf(Ty<'static>),
    /// By the compiler, through the type's `layout_core::Model` impl.
    Compiler,
}

/// The model of each field, in declaration order, from its type and whether it is marked
/// `host_only` (the type parameters of `generics` in scope).
pub fn models<'t>(
    generics: &syn::Generics,
    fields: impl Iterator<Item = (&'t syn::Type, bool)>,
) -> Vec<Model> {
    let mut resolver = NoResolver;
    let mut cx = Context::new(generics, &mut resolver);
    fields
        .map(|(ty, host_only)| {
            if host_only {
                return Model::HostOnly;
            }
            match classify(ty, &mut cx) {
                Class::Known(ty) => Model::Known(ty),
                Class::HostOnly(HostOnly::ReprRust) => Model::HostOnly,
                Class::Unknown(Unknown::ArrayLen) => match array_elem(ty) {
                    Some(elem) => match classify(elem, &mut cx) {
                        Class::Known(ty) if spelling(&ty).is_some() => Model::ArrayOf(ty),
                        _ => Model::Compiler,
                    },
                    None => Model::Compiler,
                },
                Class::Unknown(_) => Model::Compiler,
            }
        })
        .collect()
}

/// The element type of an array type (through parentheses and invisible groups).
pub fn array_elem(ty: &syn::Type) -> Option<&syn::Type> {
    match ty {
        syn::Type::Paren(p) => array_elem(&p.elem),
        syn::Type::Group(g) => array_elem(&g.elem),
        syn::Type::Array(a) => Some(&a.elem),
        _ => None,
    }
}

/// The length expression of an array type.
pub fn array_len(ty: &syn::Type) -> Option<&syn::Expr> {
    match ty {
        syn::Type::Paren(p) => array_len(&p.elem),
        syn::Type::Group(g) => array_len(&g.elem),
        syn::Type::Array(a) => Some(&a.len),
        _ => None,
    }
}

/// The compiler's confirmation that the fields modelled from their names are the types the
/// names were taken for (see `layout_syntax::ty::Confirmation`): a call of
/// `{private}::same_types::<(written, ...), (meant, ...)>()`, or `None` when no model rests on a
/// name. Without it a `type u8 = u64;` in scope would build a wrong prediction. Each type is
/// confirmed once, however many fields have it; when every one is a primitive by its bare name
/// (most structs), the call is `{private}::same_prims::<(u8, u64), _>((0u8, 0u64))`, the meant
/// types inferred from literals, which costs the compiler less than their paths.
pub fn confirmations(input: &Input<'_>, private: &str) -> Option<String> {
    let mut resolver = NoResolver;
    let mut cx = Context::new(&input.original.generics, &mut resolver);
    // `(written, meant)`, each once, in the order of first use.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for f in &input.fields {
        let read_by_name = match f.model {
            Model::Known(_) => f.ty,
            Model::ArrayOf(_) => array_elem(f.ty).unwrap_or(f.ty),
            _ => continue,
        };
        let Some(c) = confirmation(read_by_name, &mut cx, private) else {
            continue;
        };
        if c.is_trivial() {
            continue;
        }
        let mut push = |written: String, meant: String| {
            if !pairs.iter().any(|(w, m)| *w == written && *m == meant) {
                pairs.push((written, meant));
            }
        };
        push(c.written, c.meant);
        // A pointee taken to be `Sized`: a tuple's first element must be.
        for ty in &c.sized {
            let sized = format!("({ty}, ())");
            push(sized.clone(), sized);
        }
    }
    if pairs.is_empty() {
        return None;
    }
    let mut written = String::new();
    for (w, _) in &pairs {
        written.push_str(w);
        written.push_str(", ");
    }
    let prims: Option<Vec<&str>> = pairs
        .iter()
        .map(|(w, m)| match m.strip_prefix("::core::primitive::") {
            Some(p) if p == w => prim_literal(w),
            _ => None,
        })
        .collect();
    Some(match prims {
        Some(lits) => {
            let mut meant = String::new();
            for lit in lits {
                meant.push_str(lit);
                meant.push_str(", ");
            }
            format!("{private}::same_prims::<({written}), _>(({meant}))")
        }
        None => {
            let mut meant = String::new();
            for (_, m) in &pairs {
                meant.push_str(m);
                meant.push_str(", ");
            }
            format!("{private}::same_types::<({written}), ({meant})>()")
        }
    })
}

/// A literal of the primitive named `name`, of that type whatever is in scope.
fn prim_literal(name: &str) -> Option<&'static str> {
    Some(match name {
        "bool" => "false",
        "char" => "' '",
        "u8" => "0u8",
        "u16" => "0u16",
        "u32" => "0u32",
        "u64" => "0u64",
        "u128" => "0u128",
        "usize" => "0usize",
        "i8" => "0i8",
        "i16" => "0i16",
        "i32" => "0i32",
        "i64" => "0i64",
        "i128" => "0i128",
        "isize" => "0isize",
        "f32" => "0f32",
        "f64" => "0f64",
        _ => return None,
    })
}

/// The type of `ty` as written, for messages and the engine's tables.
pub fn type_name(ty: &syn::Type) -> String {
    // Most field types are one word (`u32`): skip the spacing-preserving printer, which asks
    // the compiler where each token is.
    if let syn::Type::Path(p) = ty
        && p.qself.is_none()
        && let Some(id) = p.path.get_ident()
    {
        return id.to_string();
    }
    tokens_source(ty.to_token_stream())
}

/// The fields as the spec string `__private::fields` reads (see `layout_core::check::fields`),
/// and the indices of the fields whose model is left to the compiler (`?`), in order.
pub fn spec(input: &Input<'_>) -> (String, Vec<usize>) {
    let mut spec = String::new();
    let mut slots = Vec::new();
    for (i, f) in input.fields.iter().enumerate() {
        if i > 0 {
            spec.push('\n');
        }
        spec.push_str(&f.name);
        spec.push_str(": ");
        // Line breaks separate the fields and tabs the models: none inside a type name.
        let start = spec.len();
        spec.extend(f.ty_name.chars().map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c => c,
        }));
        let spelt = match &f.model {
            Model::Known(ty) => spelling(ty),
            _ => None,
        };
        match spelt {
            // The type as written is the model's spelling: leave the model out.
            Some(s) if s == spec[start..] => {}
            Some(s) => {
                spec.push('\t');
                spec.push_str(&s);
            }
            None => {
                spec.push_str("\t?");
                slots.push(i);
            }
        }
    }
    (spec, slots)
}

/// The fields as generated code gives them to a `StructDef` or a `Variant`:
/// `&{ let fields = P::fields::<N, K>("spec", [slots]); fields }`, each of the `K` models only
/// the compiler knows a hole spanned at the field's type, so that a missing `Model` impl is
/// reported there.
pub fn write_fields(code: &mut Code, input: &Input<'_>, paths: &Paths) {
    let private_tokens = &paths.private_tokens;
    let (spec, slot_fields) = spec(input);
    let slots: Vec<TokenStream> = slot_fields
        .into_iter()
        .map(|i| {
            let ty = input.fields[i].ty;
            let span = syn::spanned::Spanned::span(ty);
            match input.fields[i].model {
                Model::HostOnly => quote_spanned!(span=> #private_tokens::host_only::<#ty>()),
                Model::ArrayOf(elem) => {
                    let elem = spelling(&elem).unwrap_or_default();
                    let len = match array_len(ty) {
                        Some(len) => quote!(#len),
                        None => quote!(0),
                    };
                    quote_spanned!(span=> #private_tokens::array_of(#elem, #len))
                }
                _ => quote_spanned!(span=> #private_tokens::model::<#ty>()),
            }
        })
        .collect();
    code.push("&{ let fields = ");
    code.push(&paths.private);
    code.display(format_args!(
        "::fields::<{}, {}>(",
        input.fields.len(),
        slots.len()
    ));
    code.str_literal(&spec);
    code.push(", [");
    code.separated(slots, ", ", Code::hole);
    code.push("]); fields }");
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout_engine::check::fields::fields;
    use layout_engine::{Prim, PtrKind};

    fn known(src: &str) -> Ty<'static> {
        let ty: syn::Type = syn::parse_str(src).unwrap();
        let mut resolver = NoResolver;
        let generics = syn::Generics::default();
        let mut cx = Context::new(&generics, &mut resolver);
        match classify(&ty, &mut cx) {
            Class::Known(t) => t,
            other => panic!("{src}: {other:?}"),
        }
    }

    fn leak(s: String) -> &'static str {
        Box::leak(s.into_boxed_str())
    }

    /// Every type the syntax models reads back, through the spec, as the same model and name.
    #[test]
    fn specs_read_back_as_the_classified_model() {
        let types = [
            "u8",
            "usize",
            "char",
            "()",
            "*const ()",
            "*const u8",
            "&'a str",
            "Box<dyn Fn(u8) -> u8>",
            "Box<dyn Iterator<Item = u8>>",
            "fn()",
            "extern \"C\" fn(i32) -> i32",
            "Option<&'static [u8]>",
            "core::num::NonZeroU64",
            "AtomicU32",
            "std::sync::atomic::AtomicBool",
            "AtomicPtr<u8>",
            "PhantomData<T>",
            "[u8; 4]",
            "[[u16; 2 * 3]; (1 << 2) + 1]",
            "[AtomicUsize; 3]",
            "[[u8; 0xFFFF_FFFF_FFFF_FFFF]; 2]",
        ];
        let src = format!(
            "struct S<'a, T> {{ {} x: Vec<u8>, y: Foo<T>, z: [u8; N] }}",
            types
                .iter()
                .enumerate()
                .map(|(i, t)| format!("f{i}: {t},"))
                .collect::<String>()
        );
        let d: syn::DeriveInput = syn::parse_str(&src).unwrap();
        let mut cx = crate::ctxt::Ctxt::default();
        let input = Input::from_syn(&mut cx, &d).unwrap();
        cx.check().unwrap();
        let names: Vec<&str> = input.fields.iter().map(|f| f.ty_name.as_str()).collect();
        let (spec, slots) = spec(&input);
        let n = types.len();
        assert_eq!(slots, [n, n + 1, n + 2]);
        let host = Ty::Host {
            name: "",
            size: 24,
            align: 8,
        };
        let fields: [layout_engine::Field<'static>; 24] = fields(
            leak(spec),
            [host, Ty::Prim(Prim::U32), Ty::Array(&Ty::Prim(Prim::U8), 3)],
        );
        for (i, src) in types.iter().enumerate() {
            assert_eq!(fields[i].ty, known(src), "{src}");
            assert_eq!(fields[i].ty_name, names[i], "{src}");
            assert_eq!(fields[i].name, format!("f{i}"));
        }
        assert_eq!(fields[n].ty_name, "Vec<u8>");
        assert!(matches!(
            fields[n].ty,
            Ty::Host {
                name: "Vec<u8>",
                ..
            }
        ));
        assert_eq!(fields[n + 1].ty, Ty::Prim(Prim::U32));
        assert_eq!(known("&'a str"), Ty::Ptr(PtrKind::Wide));
        assert_eq!(known("[[u8; 2]; 3]"), Ty::Array(&Ty::Prim(Prim::U8), 6));
    }

    #[test]
    fn a_type_written_over_lines_stays_one_line() {
        let d: syn::DeriveInput =
            syn::parse_str("struct S { a: [u8;\n\t4], b: HashMap<\n    K,\n    V,\n> }").unwrap();
        let mut cx = crate::ctxt::Ctxt::default();
        let input = Input::from_syn(&mut cx, &d).unwrap();
        cx.check().unwrap();
        let (spec, slots) = spec(&input);
        assert_eq!(slots, [1]);
        assert_eq!(spec.lines().count(), 2, "{spec:?}");
        let [a, b]: [layout_engine::Field<'static>; 2] = fields(leak(spec), [Ty::Prim(Prim::U8)]);
        assert_eq!(a.ty, Ty::Array(&Ty::Prim(Prim::U8), 4));
        assert!(!b.ty_name.contains('\n') && b.ty_name.starts_with("HashMap<"));
    }
}

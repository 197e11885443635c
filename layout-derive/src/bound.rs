//! Inferred bounds for generic structs, as serde does: every type parameter that a field's
//! layout depends on gets `T: Model` (a parameter only behind a pointer, `Box`, `PhantomData`
//! and the like does not, since those have one layout for every `T`). `#[layout(bound = "...")]`
//! replaces the inferred bounds.

use syn::parse_quote;

use crate::ast::Input;

/// The generics of the generated impls.
pub fn with_bounds(input: &Input<'_>, krate: &syn::Path) -> syn::Generics {
    let mut generics = input.original.generics.clone();
    let wc = generics.make_where_clause();
    if let Some(custom) = &input.attrs.bound {
        wc.predicates.extend(custom.iter().cloned());
        return generics;
    }
    let params: Vec<syn::Ident> = input
        .original
        .generics
        .type_params()
        .map(|p| p.ident.clone())
        .collect();
    for p in params {
        if has_model_bound(input, &p) {
            wc.predicates.push(parse_quote!(#p: #krate::Model));
        }
    }
    generics
}

/// Whether the generated impls bound the type parameter `p` by `Model` (an inferred bound; with
/// `#[layout(bound = "...")]` the derive does not know, and says no).
pub fn has_model_bound(input: &Input<'_>, p: &syn::Ident) -> bool {
    input.attrs.bound.is_none()
        && input
            .fields
            .iter()
            .any(|f| f.attrs.host_only.is_none() && needs_model(f.ty, p))
}

/// Whether the layout of `ty` depends on the parameter `p`.
fn needs_model(ty: &syn::Type, p: &syn::Ident) -> bool {
    match ty {
        syn::Type::Paren(t) => needs_model(&t.elem, p),
        syn::Type::Group(t) => needs_model(&t.elem, p),
        syn::Type::Array(a) => needs_model(&a.elem, p),
        syn::Type::Tuple(t) => t.elems.iter().any(|e| needs_model(e, p)),
        syn::Type::Path(tp) => {
            if tp.qself.is_none() && tp.path.is_ident(p) {
                return true;
            }
            let Some(last) = tp.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            if matches!(
                name.as_str(),
                "PhantomData" | "Box" | "Rc" | "Arc" | "NonNull" | "Vec" | "AtomicPtr"
            ) {
                return false;
            }
            tp.path.segments.iter().any(|seg| match &seg.arguments {
                syn::PathArguments::AngleBracketed(a) => a.args.iter().any(|arg| match arg {
                    syn::GenericArgument::Type(t) => needs_model(t, p),
                    _ => false,
                }),
                _ => false,
            })
        }
        // Pointers, references and fn pointers have one layout whatever they point to.
        _ => false,
    }
}

//! What the derive emits when the input has errors: the errors, and a minimal `Layout` and
//! `Model` impl so that uses of the type elsewhere do not add a cascade of "trait not
//! implemented" errors to the one that matters. It names layout-core as the expansion would
//! (`#[layout(crate = "...")]`, a renamed dependency), so no "could not find" error joins them.

use proc_macro2::TokenStream;
use quote::quote;

/// `compile_error!`s for `errors` beside a placeholder impl for `input`.
pub fn expand(input: &syn::DeriveInput, errors: syn::Error) -> TokenStream {
    let ident = &input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let errors = errors.to_compile_error();
    let krate = crate::krate::path_of(input);
    if krate.to_string() == ":: layout_core" && crate::krate::missing_error().is_some() {
        // The placeholder impls would only add "could not find `layout_core`" errors.
        return errors;
    }
    if let syn::Data::Enum(_) = &input.data {
        // An enum's placeholder: `LayoutEnum` with no variants.
        return quote! {
            #errors
            #[automatically_derived]
            impl #impl_generics #krate::LayoutEnum for #ident #ty_generics #where_clause {
                const DEF: #krate::EnumDef<'static> = #krate::EnumDef {
                    name: #name,
                    repr: #krate::EnumRepr::RUST,
                    variants: &[],
                };
            }
            #[automatically_derived]
            impl #impl_generics #krate::Model for #ident #ty_generics #where_clause {
                const TY: #krate::Ty<'static> = #krate::Ty::Opaque { name: #name };
            }
        };
    }
    quote! {
        #errors
        #[automatically_derived]
        impl #impl_generics #krate::Layout for #ident #ty_generics #where_clause {
            const DEF: #krate::StructDef<'static> = #krate::StructDef {
                name: #name,
                shape: #krate::Shape::Struct,
                repr: #krate::Repr::RUST,
                fields: &[],
                host: ::core::option::Option::None,
            };
        }
        #[automatically_derived]
        impl #impl_generics #krate::Model for #ident #ty_generics #where_clause {
            const TY: #krate::Ty<'static> = #krate::Ty::Opaque { name: #name };
        }
    }
}

//! What the derive emits when the input has errors: the errors, and a minimal `Layout` and
//! `Model` impl so that uses of the type elsewhere do not add a cascade of "trait not
//! implemented" errors to the one that matters.

use proc_macro2::TokenStream;
use quote::quote;

/// `compile_error!`s for `errors` beside a placeholder impl for `input`.
pub fn expand(input: &syn::DeriveInput, errors: syn::Error) -> TokenStream {
    let ident = &input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let errors = errors.to_compile_error();
    if let syn::Data::Enum(_) = &input.data {
        // An enum's placeholder: `LayoutEnum` with no variants.
        return quote! {
            #errors
            #[automatically_derived]
            impl #impl_generics ::layout_core::LayoutEnum for #ident #ty_generics #where_clause {
                const DEF: ::layout_core::EnumDef<'static> = ::layout_core::EnumDef {
                    name: #name,
                    repr: ::layout_core::EnumRepr::RUST,
                    variants: &[],
                };
            }
            #[automatically_derived]
            impl #impl_generics ::layout_core::Model for #ident #ty_generics #where_clause {
                const TY: ::layout_core::Ty<'static> = ::layout_core::Ty::Opaque { name: #name };
            }
        };
    }
    quote! {
        #errors
        #[automatically_derived]
        impl #impl_generics ::layout_core::Layout for #ident #ty_generics #where_clause {
            const DEF: ::layout_core::StructDef<'static> = ::layout_core::StructDef {
                name: #name,
                shape: ::layout_core::Shape::Struct,
                repr: ::layout_core::Repr::RUST,
                fields: &[],
                host: ::core::option::Option::None,
            };
        }
        #[automatically_derived]
        impl #impl_generics ::layout_core::Model for #ident #ty_generics #where_clause {
            const TY: ::layout_core::Ty<'static> = ::layout_core::Ty::Opaque { name: #name };
        }
    }
}

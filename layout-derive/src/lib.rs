//! `#[derive(Layout)]`. Re-exported by `layout-core` beside the trait; use it from there
//! (`use layout_core::Layout;`), where its attributes are documented.
extern crate alloc;

mod ast;
mod attr;
mod bound;
mod code;
mod ctxt;
mod entries;
mod enums;
mod expand;
mod fallback;
mod findings;
mod joint_order;
mod krate;
mod per_target;
mod sources;
mod symbol;
mod valid;

/// Implements `layout_core::Layout` and `layout_core::Model`, asserts at compile time that the
/// engine agrees with the compiler, and checks the `#[layout(...)]` policies. See
/// `layout_core::Layout` for the attributes.
#[proc_macro_derive(Layout, attributes(layout))]
pub fn derive_layout(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

#[cfg(test)]
mod expansion_snapshots;
#[cfg(test)]
mod no_panic;

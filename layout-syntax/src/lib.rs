//! Rust syntax → the engine's model: `#[repr(...)]` and field types read from source code.
//!
//! # Contract
//!
//! This crate is shared by the derive macro and by the `cargo layout` tool, so both read a type
//! the same way. It is written only against `layout_engine`, `syn`, `quote` and `proc_macro2`,
//! never `proc_macro`, so it runs outside a macro too.
//!
//! The API is small on purpose and kept stable:
//!
//! - [`repr::parse_repr`]: the `#[repr(...)]` attributes of an item as an engine [`Repr`], with
//!   an error spanned on the offending token for everything rustc would reject.
//! - [`ty::classify`]: a `syn::Type` as an engine [`Ty`] when its layout is known from the
//!   syntax alone on every target ([`Class::Known`]), else why not ([`Class::HostOnly`],
//!   [`Class::Unknown`]). Paths the module does not know (a struct of the same crate, a `type`
//!   alias, a type from another crate) go to a caller-supplied [`Resolver`]; the derive's
//!   resolver knows nothing (such types are resolved by the compiler, through
//!   `layout_core::Model`), the tool's resolves the crate's own structs and aliases.
//! - [`source::field_source`]: a field as written (doc comments, attributes, visibility, name,
//!   type), for the paste-ready reordered body of a report.
//!
//! # Allocation
//!
//! `Ty::Array(&'a Ty<'a>, n)` and `Ty::Struct(&'a StructDef<'a>)` borrow. This module allocates
//! nothing and leaks nothing (the proc-macro server of an IDE lives long, so leaks would
//! accumulate): the leaves it builds (primitives, pointers, atomics, ZSTs) have `'static`
//! models, nested arrays are flattened into one array of their total length (the layout of
//! `[[T; a]; b]` is that of `[T; a * b]` on every target), and a type the resolver knows is
//! returned by reference into storage the *caller* owns, for the caller's lifetime `'a`.
//!
//! [`Repr`]: layout_engine::Repr
//! [`Ty`]: layout_engine::Ty
//! [`Class::Known`]: ty::Class::Known
//! [`Class::HostOnly`]: ty::Class::HostOnly
//! [`Class::Unknown`]: ty::Class::Unknown
//! [`Resolver`]: ty::Resolver

pub mod body;
pub mod lex;
pub mod repr;
pub mod source;
pub mod ty;

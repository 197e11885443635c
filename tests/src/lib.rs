//! Test support for checking the layout engine against the real compiler.
//!
//! - [`oracle`]: rustc's own layouts for any built-in target (`-Zprint-type-sizes` on a
//!   `no_core` crate).
//! - [`corpus`]: a seeded generator of varied `repr(C)`-family structs, as engine definitions
//!   and as Rust source.
//! - [`enum_corpus`]: the same for enums with a defined layout and the structs that hold them.

pub mod corpus;
pub mod enum_corpus;
pub mod oracle;

//! The struct layout engine behind `#[derive(Layout)]`.
//!
//! Given a struct's fields and `#[repr]`, it computes the exact layout rustc gives it on any of
//! rustc's built-in targets: every field's offset, size and alignment, each padding hole, the
//! minimum size any order could reach, cache-line use, and the order that reaches that minimum
//! while moving the fewest fields. The computation is `no_std` and `const`; reports and
//! suggestions need the `alloc` feature (on by default through `std`).
//!
//! ```
//! use layout_core::{Field, Prim, StructDef, Target, Ty};
//!
//! // Go's `T1 { a int8; b int64; c int16 }` from the seed article, as a repr(C) struct.
//! const FIELDS: &[Field] = &[
//!     Field::new("a", "i8", Ty::Prim(Prim::I8)),
//!     Field::new("b", "i64", Ty::Prim(Prim::I64)),
//!     Field::new("c", "i16", Ty::Prim(Prim::I16)),
//! ];
//! const T1: StructDef = StructDef::repr_c("T1", FIELDS);
//!
//! let x86_64 = Target::find("x86_64-unknown-linux-gnu").unwrap();
//! let layout = T1.layout_on(x86_64).unwrap();
//! assert_eq!((layout.size(), layout.min_size()), (24, 16));
//! let i686 = Target::find("32").unwrap(); // alias of i686-unknown-linux-gnu
//! assert_eq!(T1.layout_on(i686).unwrap().size(), 16); // u64 aligns to 4 there
//!
//! // The same numbers in `const`, without allocation:
//! const T1_ON_X86_64: u64 = match layout_core::struct_layout(&T1, &Target::ALL[0], &mut []) {
//!     Ok(l) => l.size,
//!     Err(_) => 0,
//! };
//! # let _ = T1_ON_X86_64;
//! ```
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod check;
pub mod engine;
mod layout;
mod model;

pub use engine::*;
pub use layout::Layout;
/// `#[derive(Layout)]`: see the [`layout_derive`] crate documentation for its attributes.
#[cfg(feature = "derive")]
pub use layout_derive::Layout;
pub use model::{Model, Niche};

/// Used by the code `#[derive(Layout)]` generates; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::check::private::{
        ATOMIC_FAMILY, FAMILY, Loud, Quiet, Select, def, expect, fields, host_only, verify,
    };
}

//! The struct layout engine behind `#[derive(Layout)]`.
//!
//! Given a struct's fields and `#[repr]`, it computes the exact layout rustc gives it on any of
//! rustc's built-in targets: every field's offset, size and alignment, each padding hole, the
//! minimum size any order could reach, cache-line use, and the order that reaches that minimum
//! while moving the fewest fields. The computation is `no_std` and `const`; reports and
//! suggestions need the `alloc` feature (on by default through `std`).
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod analysis;
mod compute;
mod def;
mod error;
mod model;
mod prim;
#[cfg(feature = "alloc")]
mod report;
mod repr;
mod target;
mod ty;

pub use compute::{FieldLayout, TypeLayout, check_repr, round_up, struct_layout, type_layout};
pub use def::{Field, HostLayout, Shape, StructDef};
pub use error::{LayoutError, ReprProblem};
pub use model::{Model, Niche};
pub use prim::Prim;
#[cfg(feature = "alloc")]
pub use report::{CacheUse, Hole, StructLayout};
pub use repr::{MAX_ALIGN, MAX_PACK, Repr, ReprBase};
pub use target::{ALIASES, Endian, ScalarAligns, Target};
pub use ty::{PtrKind, Ty};

//! The layout engine behind `#[derive(Layout)]` and `cargo layout`: rustc's built-in targets, the
//! type model, the `repr` rules, offsets, padding analysis, the fewest-moves optimal order, and the
//! policy checks and report texts that run during constant evaluation ([`check`]).
//!
//! Use it through [`layout_core`](https://docs.rs/layout-core), which re-exports all of it beside
//! the `Layout` and `Model` traits and the derive. It is its own crate so that the proc macro
//! (which cannot depend on the crate that re-exports it) and the facade run one engine, compiled
//! once per build configuration.
//!
//! Everything here depends on nothing but `core` and, behind the `alloc` feature, `alloc`: the
//! layouts themselves are `const fn`; reports, renderings and the order search need `alloc`.
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod analysis;
mod compute;
mod def;
#[cfg(feature = "alloc")]
mod enum_report;
mod enums;
mod error;
#[cfg(feature = "alloc")]
pub mod order;
mod prim;
#[cfg(feature = "alloc")]
mod render;
#[cfg(feature = "alloc")]
mod report;
mod repr;
mod target;
#[cfg(feature = "alloc")]
mod target_names;
mod ty;

pub mod check;

pub use compute::{FieldLayout, TypeLayout, check_repr, round_up, struct_layout, type_layout};
pub use def::{EnumDef, Field, HostLayout, Shape, StructDef, Variant};
#[cfg(feature = "alloc")]
pub use enum_report::EnumLayout;
pub use enums::{EnumTypeLayout, TagLayout, VariantLayout, discriminants, enum_layout, enum_tag};
pub use error::{FieldAt, LayoutError, ReprProblem};
pub use prim::Prim;
#[cfg(feature = "alloc")]
pub use render::{Comparison, LayoutTable, ReorderError, Reordering};
#[cfg(feature = "alloc")]
pub use report::{CacheUse, Hole, StructLayout};
pub use repr::{EnumRepr, MAX_ALIGN, MAX_PACK, Repr, ReprBase};
pub(crate) use target::bytes_eq;
pub use target::{ALIASES, Endian, ScalarAligns, Target};
#[cfg(feature = "alloc")]
pub use target_names::{UnknownTarget, closest_names, edit_distance};
pub use ty::{PtrKind, Ty};

//! The layout engine proper: targets, the type model, repr rules, offsets, analysis, optimal
//! order and reports.
//!
//! These files are compiled twice: as `layout_core::engine` (for `const` use and at run time)
//! and, through the symlink `layout-derive/src/engine`, inside the proc-macro, which runs the same
//! engine while it expands `#[derive(Layout)]` (a proc-macro crate cannot depend on the crate that
//! re-exports it). So everything here names its siblings as `crate::engine::...` and depends on
//! nothing but `core` and, behind the `alloc` feature, `alloc`.

pub mod analysis;
mod compute;
mod def;
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

pub use compute::{FieldLayout, TypeLayout, check_repr, round_up, struct_layout, type_layout};
pub use def::{Field, HostLayout, Shape, StructDef};
pub use error::{LayoutError, ReprProblem};
pub use prim::Prim;
#[cfg(feature = "alloc")]
pub use render::{Comparison, LayoutTable, ReorderError, Reordering};
#[cfg(feature = "alloc")]
pub use report::{CacheUse, Hole, StructLayout};
pub use repr::{MAX_ALIGN, MAX_PACK, Repr, ReprBase};
pub(crate) use target::bytes_eq;
pub use target::{ALIASES, Endian, ScalarAligns, Target};
#[cfg(feature = "alloc")]
pub use target_names::{UnknownTarget, closest_names, edit_distance};
pub use ty::{PtrKind, Ty};

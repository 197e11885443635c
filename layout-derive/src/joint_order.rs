//! The field order the expansion-time reports suggest: one order for every named target (the
//! engine's `order::suggest_joint`, through `StructLayout::suggest_joint`), under the derive's
//! `pinned` and `hot` fields and `cache_line`.
//!
//! Reports made during constant evaluation cannot allocate, so they use the `const` search of
//! `layout_engine::check::order` instead.

use crate::ast::Marked;
use layout_engine::order::{Constraints, Joint};
use layout_engine::{FieldLayout, StructDef, StructLayout, Target, TypeLayout};

/// One suggested order of `def` for all of `on` (each target with the struct laid out there),
/// or `None` if the engine has none (constraints no order satisfies).
pub fn for_targets<'p>(
    def: &StructDef<'_>,
    on: impl Iterator<Item = (&'static Target, TypeLayout, &'p [FieldLayout])>,
    marked: &Marked,
    cache_line: u64,
) -> Option<Joint> {
    let layouts: Vec<StructLayout<'_>> = on
        .map(|(target, layout, placed)| StructLayout {
            def: *def,
            target,
            layout,
            fields: placed.to_vec(),
        })
        .collect();
    StructLayout::suggest_joint(&layouts, constraints(marked, cache_line)).ok()
}

/// The engine's constraints for the derive's field attributes.
fn constraints(marked: &Marked, cache_line: u64) -> Constraints<'_> {
    Constraints {
        pinned: &marked.pinned,
        groups: &[],
        hot: &marked.hot,
        cache_line,
    }
}

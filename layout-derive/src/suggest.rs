//! The field order the expansion-time reports suggest: the engine's exact fewest-moves order
//! (`engine::order`, through `StructLayout::suggest`), under the derive's `pinned` and `hot`
//! fields and `cache_line`.
//!
//! Reports made during constant evaluation cannot allocate, so they use the `const` search of
//! `layout_core::check::order` instead. Both reach the same size (the smallest the pins and the
//! hot block allow; tested below); the `const` one may move more fields than needed.

use crate::checks::{Lists, constraints};
use layout_engine::order::Suggestion;
use layout_engine::{StructDef, Target};

/// The suggested order of `def` laid out on `target`, or `None` if the engine has none (no
/// layout there, or constraints no order satisfies).
pub fn suggest(
    def: &StructDef<'_>,
    target: &'static Target,
    lists: &Lists,
    cache_line: u64,
) -> Option<Suggestion> {
    let layout = def.layout_on(target).ok()?;
    layout.suggest(constraints(lists, cache_line)).ok()
}

//! Worked examples of `#[derive(Layout)]`: the structs the `tour` example prints, and a helper
//! that prints a struct's table and suggested order on a target.
//!
//! Run `cargo run --example tour`.

use layout_core::order::Constraints;
use layout_core::{Layout, StructLayout, Target};

/// The table of `T` on `target`, and the suggested order if some order is smaller.
pub fn show<T: Layout>(target: &'static Target) -> String {
    match T::layout_on(target) {
        Ok(layout) => describe(&layout),
        Err(e) => format!("{} on {}: {e}", T::DEF.name, target.triple),
    }
}

/// A layout's table, then the suggested order when reordering would make it smaller.
pub fn describe(layout: &StructLayout<'_>) -> String {
    let mut out = layout.to_string();
    // The engine's search: the smallest size, then the fewest moves (what the derive and
    // `cargo layout` suggest).
    if let Ok(suggestion) = layout.suggest(Constraints::NONE)
        && suggestion.size < layout.size()
        && let Ok(reordering) = layout.reordered(&suggestion.order)
    {
        let moved = suggestion.moves();
        out.push_str(&format!(
            "\n\nsuggested order ({} bytes instead of {}, {} moved):\n{}",
            reordering.size(),
            layout.size(),
            if moved == 1 {
                "1 field".to_owned()
            } else {
                format!("{moved} fields")
            },
            reordering.field_list()
        ));
    }
    out
}

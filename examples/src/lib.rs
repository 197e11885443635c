//! Worked examples of `#[derive(Layout)]`: the structs the `tour` example prints, and a helper
//! that prints a struct's table and suggested order on a target.
//!
//! Run `cargo run --example tour`.

use layout_core::check::order;
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
    if layout.min_size() < layout.size() {
        let min_align = layout.def.repr.align.unwrap_or(1);
        let suggestion = order::suggest::<64>(&layout.fields, min_align, &[], &[]);
        if let Ok(reordering) = layout.reordered(suggestion.as_slice()) {
            out.push_str(&format!(
                "\n\nsuggested order ({} bytes instead of {}, {} moved):\n{}",
                reordering.size(),
                layout.size(),
                if suggestion.moved == 1 {
                    "1 field".to_owned()
                } else {
                    format!("{} fields", suggestion.moved)
                },
                reordering.field_list()
            ));
        }
    }
    out
}

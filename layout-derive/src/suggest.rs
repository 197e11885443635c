//! The field order the expansion-time reports suggest.
//!
//! Today this is the `const` heuristic of `layout_core::check::order` (which always reaches the
//! minimum size without pins); it switches to the engine's exact fewest-moves search
//! (`engine::order::suggest`) once that lands in the engine directory the derive compiles.

use crate::check::order;
use crate::engine::FieldLayout;

/// A suggested order.
pub struct Suggested {
    /// Declared indices in suggested order.
    pub order: Vec<usize>,
    /// The size in that order.
    pub size: u64,
    /// Fields moved.
    pub moved: usize,
}

/// The suggested order of `fields` (sizes and effective alignments on one target).
pub fn suggest(
    fields: &[FieldLayout],
    min_align: u64,
    pinned: &[usize],
    hot: &[usize],
) -> Suggested {
    const MAX: usize = 4096;
    if fields.len() > MAX {
        let order: Vec<usize> = (0..fields.len()).collect();
        let size = order::size_in_order(fields, &order, min_align);
        return Suggested {
            order,
            size,
            moved: 0,
        };
    }
    let o = Box::new(order::suggest::<MAX>(fields, min_align, pinned, hot));
    Suggested {
        order: o.as_slice().to_vec(),
        size: o.size,
        moved: o.moved,
    }
}

//! Layout policies and how a layout breaks them. Everything is `const fn`: the same code decides
//! at macro-expansion time (natively, in the proc macro) and during constant evaluation.

use crate::analysis;
use crate::{FieldLayout, Shape, StructDef, Target, TypeLayout};

/// What a struct's layout must satisfy on each checked target (`#[layout(...)]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy<'a> {
    /// `max_padding = N`: at most `N` bytes of padding (holes and tail).
    pub max_padding: Option<u64>,
    /// `optimal`: no field order is smaller.
    pub optimal: bool,
    /// `size = N`: the size is exactly `N`.
    pub size: Option<u64>,
    /// `align = N`: the alignment is exactly `N`.
    pub align: Option<u64>,
    /// `cache_line = N`: the cache line size in bytes for `hot` and `separate_line` (64 if not
    /// given).
    pub cache_line: u64,
    /// Fields (declared indices) marked `hot`: they must come first and span the fewest cache
    /// lines.
    pub hot: &'a [usize],
    /// Fields marked `separate_line`: they must never share a cache line with the field
    /// declared before them (false sharing).
    pub separate: &'a [usize],
    /// Fields marked `pinned`: a suggested order keeps them at their declared index.
    pub pinned: &'a [usize],
}

impl Policy<'static> {
    /// No policy.
    pub const NONE: Policy<'static> = Policy {
        max_padding: None,
        optimal: false,
        size: None,
        align: None,
        cache_line: 64,
        hot: &[],
        separate: &[],
        pinned: &[],
    };
}

/// A struct laid out on one target: the facts every check and report uses.
#[derive(Clone, Copy, Debug)]
pub struct Placed<'p> {
    /// The target.
    pub target: &'static Target,
    /// Size and alignment.
    pub layout: TypeLayout,
    /// Each field's placement, in declaration order.
    pub fields: &'p [FieldLayout],
    /// The smallest size any order reaches.
    pub min_size: u64,
}

impl<'p> Placed<'p> {
    /// The facts for `def` laid out as `layout`/`fields` on `target`.
    pub const fn new(
        def: &StructDef<'_>,
        target: &'static Target,
        layout: TypeLayout,
        fields: &'p [FieldLayout],
    ) -> Self {
        Placed {
            target,
            layout,
            fields,
            min_size: analysis::min_size(def.shape, def.repr, fields, layout),
        }
    }

    /// Padding bytes: holes plus tail.
    pub const fn padding(&self, shape: Shape) -> u64 {
        analysis::padding(shape, self.fields, self.layout)
    }
}

/// The policies a layout breaks on one target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Broken {
    /// `size = N` does not hold.
    pub size: bool,
    /// `align = N` does not hold.
    pub align: bool,
    /// `max_padding = N` does not hold.
    pub max_padding: bool,
    /// `optimal` does not hold: some order is smaller.
    pub optimal: bool,
    /// A hot field that is not among the first fields (declared index).
    pub hot_not_first: Option<usize>,
    /// The hot fields span more cache lines than they need.
    pub hot_lines: bool,
    /// A `separate_line` field that may share a cache line with the field before it.
    pub shares_line: Option<usize>,
}

impl Broken {
    /// Whether any policy is broken.
    pub const fn any(&self) -> bool {
        self.size
            || self.align
            || self.max_padding
            || self.optimal
            || self.hot_not_first.is_some()
            || self.hot_lines
            || self.shares_line.is_some()
    }

    /// Whether some field order would repair what is broken (and so a reordered body is worth
    /// suggesting).
    pub const fn wants_reorder(&self) -> bool {
        self.size
            || self.max_padding
            || self.optimal
            || self.hot_not_first.is_some()
            || self.hot_lines
    }
}

impl Placed<'_> {
    /// The least padding any field order leaves (the minimum size less the fields' bytes).
    pub const fn least_padding(&self, shape: Shape) -> u64 {
        match (shape, analysis::field_bytes(self.fields)) {
            (Shape::Struct, Some(sum)) if sum <= self.min_size => self.min_size - sum,
            _ => self.padding(shape),
        }
    }
}

/// Whether reordering the fields to an order of `size` bytes repairs every policy that
/// depends on the order among those `b` breaks (the suggested order honours the hot fields;
/// `align` and `separate_line` need other changes, which their report lines say). A report
/// offers a body to paste only when this holds, so pasting it never meets the same error.
pub const fn reorder_repairs(
    policy: &Policy<'_>,
    b: &Broken,
    placed: &Placed<'_>,
    size: u64,
) -> bool {
    if b.size
        && let Some(n) = policy.size
        && size != n
    {
        return false;
    }
    if b.max_padding
        && let Some(n) = policy.max_padding
        && let Some(sum) = analysis::field_bytes(placed.fields)
        && size.saturating_sub(sum) > n
    {
        return false;
    }
    !(b.optimal && size > placed.min_size)
}

/// Bytes the hot fields occupy, and the fewest cache lines they can span at offset 0 (sorted by
/// decreasing alignment, they have no padding between them).
pub const fn hot_floor(policy: &Policy<'_>, fields: &[FieldLayout]) -> (u64, u64) {
    let mut sum = 0u64;
    let mut i = 0;
    while i < policy.hot.len() {
        let f = policy.hot[i];
        if f < fields.len() {
            sum = sum.saturating_add(fields[f].size);
        }
        i += 1;
    }
    (sum, sum.div_ceil(line_size(policy)))
}

/// The policy's cache line size (never zero).
pub const fn line_size(policy: &Policy<'_>) -> u64 {
    if policy.cache_line == 0 {
        64
    } else {
        policy.cache_line
    }
}

/// One past the last byte of the hot fields, and whether they are the first fields.
pub const fn hot_block(policy: &Policy<'_>, fields: &[FieldLayout]) -> (u64, Option<usize>) {
    let mut end = 0u64;
    let mut not_first = None;
    let mut i = 0;
    while i < policy.hot.len() {
        let f = policy.hot[i];
        if f < fields.len() {
            if fields[f].end() > end {
                end = fields[f].end();
            }
            if f >= policy.hot.len() && not_first.is_none() {
                not_first = Some(f);
            }
        }
        i += 1;
    }
    (end, not_first)
}

/// Whether field `i` may share a cache line with the field declared before it, wherever the
/// struct is placed in memory: always unless their bytes are a whole line apart, or the struct
/// is aligned to the line and they sit in different lines of it.
pub const fn may_share_line(fields: &[FieldLayout], i: usize, align: u64, line: u64) -> bool {
    if i == 0 || i >= fields.len() {
        return false;
    }
    let prev = &fields[i - 1];
    let this = &fields[i];
    let prev_last = if prev.size == 0 {
        prev.offset
    } else {
        prev.end() - 1
    };
    if this.offset >= prev_last && this.offset - prev_last >= line {
        return false;
    }
    !(align >= line && prev_last / line != this.offset / line)
}

/// The policies `placed` breaks.
pub const fn broken(def: &StructDef<'_>, policy: &Policy<'_>, placed: &Placed<'_>) -> Broken {
    let mut b = Broken {
        size: false,
        align: false,
        max_padding: false,
        optimal: false,
        hot_not_first: None,
        hot_lines: false,
        shares_line: None,
    };
    if let Some(n) = policy.size {
        b.size = placed.layout.size != n;
    }
    if let Some(n) = policy.align {
        b.align = placed.layout.align != n;
    }
    if let Some(n) = policy.max_padding {
        b.max_padding = placed.padding(def.shape) > n;
    }
    b.optimal = policy.optimal && placed.layout.size > placed.min_size;
    if !policy.hot.is_empty() {
        let (end, not_first) = hot_block(policy, placed.fields);
        let (_, floor) = hot_floor(policy, placed.fields);
        b.hot_not_first = not_first;
        b.hot_lines = not_first.is_none() && end.div_ceil(line_size(policy)) > floor;
    }
    let mut i = 0;
    while i < policy.separate.len() {
        let f = policy.separate[i];
        if may_share_line(placed.fields, f, placed.layout.align, line_size(policy)) {
            b.shares_line = Some(f);
            break;
        }
        i += 1;
    }
    b
}

//! A field order for a report built during constant evaluation, where the engine's exact
//! fewest-moves search (`order::suggest`, which allocates) cannot run.
//!
//! It follows the engine's documented heuristic: pinned fields stay at their index, hot fields
//! come first sorted by decreasing alignment (so they span the fewest cache lines), and the
//! others keep the longest declared prefix that still lets the rest, sorted by decreasing
//! alignment, reach the smallest size; among the sizes reached, the fewest moves win. Without
//! pins it always reaches the minimum size. It runs only when a check has failed, so it costs
//! nothing on a build that passes.

use crate::engine::{FieldLayout, round_up};

/// A suggested order of at most `N` fields.
#[derive(Clone, Copy, Debug)]
pub struct Order<const N: usize> {
    /// Declared indices in suggested order (`order[..len]`).
    pub order: [usize; N],
    /// Number of fields.
    pub len: usize,
    /// The struct's size in this order.
    pub size: u64,
    /// Fields moved from the declared order (`len` minus the longest kept subsequence).
    pub moved: usize,
}

impl<const N: usize> Order<N> {
    /// The order as a slice.
    pub const fn as_slice(&self) -> &[usize] {
        self.order.split_at(self.len).0
    }
}

/// Above this many fields only two candidates are tried (everything sorted, or the declared
/// order), to bound the time constant evaluation spends on a report.
const FULL_SEARCH_LIMIT: usize = 40;

/// The size of `fields` (sizes and effective alignments) placed in `order`, or `u64::MAX` on
/// overflow.
pub const fn size_in_order(fields: &[FieldLayout], order: &[usize], min_align: u64) -> u64 {
    let mut align = min_align;
    let mut end = 0u64;
    let mut i = 0;
    while i < order.len() {
        let f = &fields[order[i]];
        if f.align > align {
            align = f.align;
        }
        end = match round_up(end, f.align) {
            Some(o) => match o.checked_add(f.size) {
                Some(e) => e,
                None => return u64::MAX,
            },
            None => return u64::MAX,
        };
        i += 1;
    }
    match round_up(end, align) {
        Some(s) => s,
        None => u64::MAX,
    }
}

/// `order.len()` minus the longest increasing subsequence of `order` (`O(n^2)`).
pub const fn moves(order: &[usize]) -> usize {
    let n = order.len();
    if n == 0 {
        return 0;
    }
    let mut lis = [0usize; 1024];
    if n > lis.len() {
        // Long structs: count fields not at their declared index (an upper bound).
        let mut out = 0;
        let mut i = 0;
        while i < n {
            if order[i] != i {
                out += 1;
            }
            i += 1;
        }
        return out;
    }
    let mut best = 0;
    let mut i = 0;
    while i < n {
        let mut l = 1;
        let mut j = 0;
        while j < i {
            if order[j] < order[i] && lis[j] + 1 > l {
                l = lis[j] + 1;
            }
            j += 1;
        }
        lis[i] = l;
        if l > best {
            best = l;
        }
        i += 1;
    }
    n - best
}

const fn contains(set: &[usize], x: usize) -> bool {
    let mut i = 0;
    while i < set.len() {
        if set[i] == x {
            return true;
        }
        i += 1;
    }
    false
}

/// Sorts `items[from..to]` by decreasing alignment of the fields they name, stably.
const fn sort_by_align<const N: usize>(
    items: &mut [usize; N],
    from: usize,
    to: usize,
    fields: &[FieldLayout],
) {
    let mut i = from + 1;
    while i < to {
        let x = items[i];
        let mut j = i;
        while j > from && fields[items[j - 1]].align < fields[x].align {
            items[j] = items[j - 1];
            j -= 1;
        }
        items[j] = x;
        i += 1;
    }
}

/// The suggested order for `fields` (see the [module documentation](self)); `N` must be at
/// least `fields.len()`.
pub const fn suggest<const N: usize>(
    fields: &[FieldLayout],
    min_align: u64,
    pinned: &[usize],
    hot: &[usize],
) -> Order<N> {
    let n = if fields.len() < N { fields.len() } else { N };
    // The hot fields (declared order, then sorted) and the rest, pins aside.
    let mut hot_seq = [0usize; N];
    let mut h = 0;
    let mut rest = [0usize; N];
    let mut r = 0;
    let mut i = 0;
    while i < n {
        if contains(pinned, i) {
        } else if contains(hot, i) {
            hot_seq[h] = i;
            h += 1;
        } else {
            rest[r] = i;
            r += 1;
        }
        i += 1;
    }
    sort_by_align(&mut hot_seq, 0, h, fields);

    let mut best = Order {
        order: [0usize; N],
        len: n,
        size: u64::MAX,
        moved: usize::MAX,
    };
    let mut k = r + 1;
    while k > 0 {
        k -= 1;
        if r > FULL_SEARCH_LIMIT && k != 0 && k != r {
            continue;
        }
        let mut seq = rest;
        sort_by_align(&mut seq, k, r, fields);
        // Fill the positions: pins where declared, then hot fields, then the sequence.
        let mut order = [0usize; N];
        let (mut hi, mut si) = (0, 0);
        let mut p = 0;
        while p < n {
            if contains(pinned, p) {
                order[p] = p;
            } else if hi < h {
                order[p] = hot_seq[hi];
                hi += 1;
            } else {
                order[p] = seq[si];
                si += 1;
            }
            p += 1;
        }
        let (slice, _) = order.split_at(n);
        let size = size_in_order(fields, slice, min_align);
        let moved = moves(slice);
        if size < best.size || (size == best.size && moved < best.moved) {
            best = Order {
                order,
                len: n,
                size,
                moved,
            };
        }
    }
    best
}

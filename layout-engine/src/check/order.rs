//! A field order for a report built during constant evaluation, where the engine's exact
//! fewest-moves search (`order::suggest`, which allocates) cannot run.
//!
//! Two candidates, the smaller (then the one moving fewer fields) wins:
//!
//! - the engine's documented heuristic: pinned fields stay at their index, hot fields come first
//!   sorted by decreasing alignment (so they span the fewest cache lines), and the others keep
//!   the longest declared prefix that still lets the rest, sorted by decreasing alignment, reach
//!   the smallest size. Without pins it always reaches the minimum size;
//! - for up to [`EXACT_FIELDS`] fields, a dynamic program over subsets that keeps, for each set
//!   of fields placed first, the smallest end offset (placing a set so that it ends earlier never
//!   hurts what follows): it finds the smallest size reachable under the pins and the hot block
//!   exactly, in `2^n * n` steps.
//!
//! The number of moves is small but, unlike the engine's search, not proven minimal. It runs
//! only when a check has failed, so it costs nothing on a build that passes, and it stays far
//! below the interpreter's step limit.

use crate::{FieldLayout, round_up};

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
    if order.len() <= 32 {
        // Short orders (the improvement loop's): a small table, cheap in constant evaluation.
        return moves_in::<32>(order);
    }
    moves_in::<1024>(order)
}

/// [`moves`] with a table of `T` entries (`order` longer than that: an upper bound).
const fn moves_in<const T: usize>(order: &[usize]) -> usize {
    let n = order.len();
    if n == 0 {
        return 0;
    }
    let mut lis = [0usize; T];
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
    sort_by_align_dir(items, from, to, fields, false)
}

/// `items[from..to]` stably sorted by alignment, decreasing, or increasing when `up`.
const fn sort_by_align_dir<const N: usize>(
    items: &mut [usize; N],
    from: usize,
    to: usize,
    fields: &[FieldLayout],
    up: bool,
) {
    let mut i = from + 1;
    while i < to {
        let x = items[i];
        let mut j = i;
        while j > from
            && if up {
                fields[items[j - 1]].align > fields[x].align
            } else {
                fields[items[j - 1]].align < fields[x].align
            }
        {
            items[j] = items[j - 1];
            j -= 1;
        }
        items[j] = x;
        i += 1;
    }
}

/// The largest number of fields the exact subset search handles.
pub const EXACT_FIELDS: usize = 16;

/// The exact smallest-size order under pins and the hot block (see the module documentation),
/// or `None` when no order satisfies them or there are too many fields.
pub const fn smallest<const N: usize>(
    fields: &[FieldLayout],
    min_align: u64,
    pinned: &[usize],
    hot: &[usize],
) -> Option<Order<N>> {
    let n = fields.len();
    if n > EXACT_FIELDS || n > N {
        return None;
    }
    const STATES: usize = 1 << EXACT_FIELDS;
    let mut end = [u64::MAX; STATES];
    let mut last = [u8::MAX; STATES];
    end[0] = 0;
    let h = hot.len();
    let full = (1usize << n) - 1;
    let mut mask = 0;
    while mask < full {
        if end[mask] != u64::MAX {
            let p = mask.count_ones() as usize;
            let mut f = 0;
            while f < n {
                let allowed = if contains(pinned, p) {
                    f == p
                } else {
                    !contains(pinned, f) && (contains(hot, f) == (p < h))
                };
                if allowed && mask & (1 << f) == 0 {
                    let e = match round_up(end[mask], fields[f].align) {
                        Some(o) => o.saturating_add(fields[f].size),
                        None => u64::MAX,
                    };
                    let next = mask | (1 << f);
                    if e < end[next] {
                        end[next] = e;
                        last[next] = f as u8;
                    }
                }
                f += 1;
            }
        }
        mask += 1;
    }
    if end[full] == u64::MAX {
        return None;
    }
    let mut order = [0usize; N];
    let mut m = full;
    let mut p = n;
    while p > 0 {
        p -= 1;
        let f = last[m] as usize;
        order[p] = f;
        m &= !(1 << f);
    }
    let (slice, _) = order.split_at(n);
    Some(Order {
        order,
        len: n,
        size: size_in_order(fields, slice, min_align),
        moved: moves(slice),
    })
}

/// The suggested order for `fields` (see the [module documentation](self)); `N` must be at
/// least `fields.len()`.
pub const fn suggest<const N: usize>(
    fields: &[FieldLayout],
    min_align: u64,
    pinned: &[usize],
    hot: &[usize],
) -> Order<N> {
    let heuristic = by_heuristic::<N>(fields, min_align, pinned, hot);
    // Without pins the heuristic reaches the smallest size (after the hot block, the rest by
    // increasing alignment ends as early as any order can); with pins, the exact search.
    let best = if pinned.is_empty() {
        heuristic
    } else {
        match smallest::<N>(fields, min_align, pinned, hot) {
            Some(exact)
                if exact.size < heuristic.size
                    || (exact.size == heuristic.size && exact.moved < heuristic.moved) =>
            {
                exact
            }
            _ => heuristic,
        }
    };
    fewer_moves(best, fields, min_align, pinned, hot)
}

/// The most fields [`fewer_moves`] works on (its work grows with the cube of the count).
const IMPROVE_FIELDS: usize = 24;

/// `o` with single fields moved elsewhere wherever that keeps the size, the pins and the hot
/// block and moves fewer fields, until no such move is left.
const fn fewer_moves<const N: usize>(
    mut o: Order<N>,
    fields: &[FieldLayout],
    min_align: u64,
    pinned: &[usize],
    hot: &[usize],
) -> Order<N> {
    let n = o.len;
    if n > IMPROVE_FIELDS {
        return o;
    }
    let mut improved = true;
    while improved && o.moved > 0 {
        improved = false;
        let mut from = 0;
        while from < n && !improved {
            let mut to = 0;
            while to < n && !improved {
                if to != from && !contains(pinned, from) && !contains(pinned, to) {
                    let mut trial = o.order;
                    let f = trial[from];
                    // Shift the fields between `from` and `to` by one, and put `f` at `to`.
                    let mut i = from;
                    while i != to {
                        let next = if to > from { i + 1 } else { i - 1 };
                        trial[i] = trial[next];
                        i = next;
                    }
                    trial[to] = f;
                    let (slice, _) = trial.split_at(n);
                    if honours(slice, pinned, hot) {
                        let size = size_in_order(fields, slice, min_align);
                        let moved = moves(slice);
                        if size <= o.size && moved < o.moved {
                            o.order = trial;
                            o.size = size;
                            o.moved = moved;
                            improved = true;
                        }
                    }
                }
                to += 1;
            }
            from += 1;
        }
    }
    o
}

/// Whether `order` keeps every pinned field at its index and the hot fields first.
const fn honours(order: &[usize], pinned: &[usize], hot: &[usize]) -> bool {
    let mut i = 0;
    while i < order.len() {
        if contains(pinned, i) && order[i] != i {
            return false;
        }
        if (i < hot.len()) != contains(hot, order[i]) {
            return false;
        }
        i += 1;
    }
    true
}

const fn by_heuristic<const N: usize>(
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
    // Each kept prefix of the declared rest, followed by the others sorted by decreasing
    // alignment, or by increasing alignment: after a prefix (or the hot block) ending at any
    // offset, the rest in increasing alignment ends as early as any order can.
    let mut k = 2 * (r + 1);
    while k > 0 {
        k -= 1;
        let (keep, up) = (k / 2, k % 2 == 1);
        if r > FULL_SEARCH_LIMIT && keep != 0 && keep != r {
            continue;
        }
        let mut seq = rest;
        sort_by_align_dir(&mut seq, keep, r, fields, up);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn f(size: u64, align: u64) -> FieldLayout {
        FieldLayout {
            offset: 0,
            size,
            align,
        }
    }

    #[test]
    fn t1_reaches_the_minimum_moving_one_field() {
        let fields = [f(1, 1), f(8, 8), f(2, 2)];
        let o = suggest::<3>(&fields, 1, &[], &[]);
        assert_eq!((o.size, o.moved), (16, 1));
    }

    #[test]
    fn a_pin_is_kept_and_the_exact_search_finds_the_way_around_it() {
        // tag: u8 pinned first, payload: u64, crc: u32 -> tag, crc, payload = 16 bytes.
        let fields = [f(1, 1), f(8, 8), f(4, 4)];
        let o = suggest::<3>(&fields, 1, &[0], &[]);
        assert_eq!(o.as_slice(), [0, 2, 1]);
        assert_eq!(o.size, 16);
    }

    #[test]
    fn hot_fields_come_first() {
        let fields = [f(48, 1), f(4, 4), f(4, 4), f(8, 8), f(64, 8)];
        let o = suggest::<5>(&fields, 1, &[], &[2, 3]);
        assert_eq!(&o.as_slice()[..2], [3, 2]);
    }
}

#[cfg(test)]
mod against_the_engine {
    use super::*;
    use crate::order::{Constraints, Item, Problem};
    use alloc::vec::Vec;

    /// The `const` search against the engine's exact one on random structs, with and without
    /// pins and hot fields: it never gives a bigger struct; prints how often it moves more.
    #[test]
    fn never_bigger_than_the_engine() {
        const KINDS: [(u64, u64); 9] = [
            (1, 1),
            (2, 2),
            (4, 4),
            (8, 8),
            (16, 8),
            (12, 4),
            (3, 1),
            (0, 1),
            (16, 16),
        ];
        let mut seed = 0x00C0_FFEE_u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let (mut cases, mut more_moves) = (0, 0);
        for case in 0..3000 {
            let n = 1 + next(16) as usize;
            let fields: Vec<FieldLayout> = (0..n)
                .map(|_| {
                    let (size, align) = KINDS[next(9) as usize];
                    FieldLayout {
                        offset: 0,
                        size,
                        align,
                    }
                })
                .collect();
            let (mut pinned, mut hot) = (Vec::new(), Vec::new());
            match case % 3 {
                1 => pinned.push(next(n as u64) as usize),
                2 => hot.extend((0..2).map(|_| next(n as u64) as usize)),
                _ => {}
            }
            hot.sort_unstable();
            hot.dedup();
            pinned.retain(|p| !hot.contains(p));
            let ours = suggest::<16>(&fields, 1, &pinned, &hot);
            let items: Vec<Item> = fields.iter().map(|f| Item::new(f.size, f.align)).collect();
            let c = Constraints::NONE.pinned(&pinned).hot(&hot);
            let Ok(engine) = crate::order::suggest(&Problem::new(&items).constraints(c)) else {
                continue;
            };
            cases += 1;
            assert!(
                ours.size <= engine.size,
                "{fields:?} pinned {pinned:?} hot {hot:?}: {} > {}",
                ours.size,
                engine.size
            );
            more_moves += usize::from(ours.moved > engine.moves());
        }
        std::eprintln!(
            "const search: {cases} structs, never bigger; moves more fields than the engine in {more_moves}"
        );
    }
}

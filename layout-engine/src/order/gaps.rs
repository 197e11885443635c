//! A lower bound on the fewest moves of an unconstrained problem from a relaxation that keeps
//! the fields in place and lets any field fill the gaps: [`gap_bound`].
//!
//! Take any order reaching `min_size` and its kept fields `K` (a subsequence of the declared
//! order, `moves = n - |K|`). Walk the declared order: each field is kept or moved. Between two
//! consecutive kept fields, and before the first, sits a block of moved fields, each placed at
//! its alignment. Relaxed, a block may hold fields of any type the struct has, any number of
//! times, and is counted by its number of fields (`fillers`); the blocks hold distinct moved
//! fields, so `fillers <= moves`. Offsets are tracked modulo `A`, the largest field alignment
//! (which every alignment divides, so every hole depends only on that residue), and every hole
//! (before a kept field or inside a block) is padding, which in the real order is at most the
//! slack `min_size - sum of sizes`.
//!
//! So every order reaching `min_size` is a path of the dynamic program below (over the declared
//! fields, the offset modulo `A` and the padding so far) with `moved` its moves and `fillers <=
//! moved`: the smallest `max(moved, fillers)` over the program's paths is at most the fewest
//! moves. The program allows more than real orders do (fillers of any type, as many as wanted;
//! the fields after the last kept one are free), which makes it a bound, not an answer.

use alloc::vec;
use alloc::vec::Vec;

use super::Item;

/// Most residues the program tracks: structs whose largest field alignment is above this, or
/// whose slack is above four times it, get no bound from it (0).
const MAX_ALIGN: u64 = 16;

/// No path reaches the state.
const NONE: u32 = u32::MAX;

/// A lower bound on the fewest moves of `items` (unconstrained, reaching `min_size`), or 0 when
/// the relaxation does not apply (an alignment above [`MAX_ALIGN`], a slack above four times the
/// alignment, or `min_size` below the sum of the sizes). See the [module documentation](self)
/// for why it is sound.
pub(super) fn gap_bound(items: &[Item], min_size: u64) -> usize {
    let a = items.iter().map(|i| i.align).max().unwrap_or(1);
    let total = items.iter().fold(0u64, |t, i| t.saturating_add(i.size));
    let Some(slack) = min_size.checked_sub(total) else {
        return 0;
    };
    // (The slack is below the struct's alignment, which only `repr(align)` raises above `a`.)
    if a > MAX_ALIGN || !a.is_power_of_two() || slack > 4 * a {
        return 0;
    }
    let n = items.len();
    let table = Table {
        a: a as usize,
        slack: slack as usize,
        n,
    };
    // The field types a block may use: size modulo `a`, alignment.
    let mut types: Vec<(usize, usize)> = items
        .iter()
        .map(|i| (i.size as usize % table.a, i.align as usize))
        .collect();
    types.sort_unstable();
    types.dedup();

    // best[state]: the fewest fillers of a path to `state` (offset residue, padding, moved).
    let mut best = vec![NONE; table.len()];
    best[table.index(0, 0, 0)] = 0;
    let mut next = vec![NONE; table.len()];
    for item in items {
        table.fill_blocks(&mut best, &types);
        next.fill(NONE);
        let (size, align) = (item.size as usize % table.a, item.align as usize);
        for m in 0..=n {
            for p in 0..=table.slack {
                for r in 0..table.a {
                    let f = best[table.index(r, p, m)];
                    if f == NONE {
                        continue;
                    }
                    // Moved: it leaves this place (it may sit in a block elsewhere).
                    if m < n {
                        let at = table.index(r, p, m + 1);
                        next[at] = next[at].min(f);
                    }
                    // Kept: the hole up to its alignment, then the field.
                    if let Some((r2, p2)) = table.place(r, p, size, align) {
                        let at = table.index(r2, p2, m);
                        next[at] = next[at].min(f);
                    }
                }
            }
        }
        core::mem::swap(&mut best, &mut next);
    }
    let mut bound = n;
    for m in 0..=n {
        for p in 0..=table.slack {
            for r in 0..table.a {
                let f = best[table.index(r, p, m)];
                if f != NONE {
                    bound = bound.min(m.max(f as usize));
                }
            }
        }
    }
    bound
}

/// The states of the program: offset residue below `a`, padding up to `slack`, moved up to `n`.
struct Table {
    a: usize,
    slack: usize,
    n: usize,
}

impl Table {
    fn len(&self) -> usize {
        self.a * (self.slack + 1) * (self.n + 1)
    }

    fn index(&self, r: usize, p: usize, m: usize) -> usize {
        (m * (self.slack + 1) + p) * self.a + r
    }

    /// The residue and padding after a field of `size` (modulo `a`) aligned to `align` placed
    /// at residue `r` with padding `p` so far, if the hole before it fits in the slack.
    fn place(&self, r: usize, p: usize, size: usize, align: usize) -> Option<(usize, usize)> {
        let hole = (align - r % align) % align;
        let p2 = p + hole;
        (p2 <= self.slack).then_some(((r + hole + size) % self.a, p2))
    }

    /// Every state reachable by appending filler fields (of `types`), each costing one: the
    /// fewest fillers per state, by a work list (each state improves at most `n` times: a path
    /// with more fillers than fields never gives the minimum, since moving every field costs
    /// `n`).
    fn fill_blocks(&self, best: &mut [u32], types: &[(usize, usize)]) {
        let mut work: Vec<usize> = (0..best.len()).filter(|&i| best[i] != NONE).collect();
        while let Some(i) = work.pop() {
            let f = best[i];
            if f as usize >= self.n {
                continue;
            }
            let (r, rest) = (i % self.a, i / self.a);
            let (p, m) = (rest % (self.slack + 1), rest / (self.slack + 1));
            for &(size, align) in types {
                if let Some((r2, p2)) = self.place(r, p, size, align) {
                    let at = self.index(r2, p2, m);
                    if best[at] > f + 1 {
                        best[at] = f + 1;
                        work.push(at);
                    }
                }
            }
        }
    }
}

//! The optimal field order: the smallest `repr(C)` size any order of the fields can reach, and
//! among the orders that reach it, the one that moves the fewest fields.
//!
//! The input is target-independent: each field is already reduced to its size and alignment on
//! one target ([`Item`]; a `packed(N)` struct passes alignments capped to `N`). [`suggest`]
//! returns a [`Suggestion`]: a permutation of the declared indices, its size, the declared size,
//! the minimum, the moved fields and, when [`Constraints`] make the minimum unreachable, why.
//!
//! # Layout rule
//!
//! Fields are placed in order, each at the next offset that is a multiple of its alignment. The
//! struct's alignment `A` is the largest field alignment (at least `min_struct_align`, from
//! `repr(align(N))`), and its size is the end of the last field rounded up to `A`. Every size is a
//! multiple of its alignment, so an order sorted by decreasing alignment has no padding between
//! fields: the minimum size is always `min_size = round_up(sum of sizes, A)`, and an order
//! reaches it exactly when its total padding before the tail fits in the slack
//! `min_size - sum of sizes` (so `{u8, u32}` is already minimal: 8 bytes either way).
//!
//! # Moves
//!
//! The *kept* fields of an order are a longest subsequence of the declared order that appears in
//! the same relative order in the suggestion (a longest increasing subsequence of the suggested
//! sequence of declared indices); the number of *moves* is `n - kept`: the fields one has to cut
//! and paste to turn the declaration into the suggestion. An order has 0 moves exactly when it is
//! the declared order. When several longest subsequences exist, [`Suggestion::moved`] reports the
//! one that keeps the earliest declared fields (lexicographically smallest kept indices).
//!
//! # What is optimised, in priority order
//!
//! 1. Constraints hold: pinned fields stay at their declared index, each group stays adjacent and
//!    in its declared order, hot fields fill the first positions.
//! 2. The hot block spans as few cache lines as possible: `ceil(end of the hot block /
//!    cache_line)`, counted as if the struct started on a line boundary.
//! 3. The struct size is as small as possible (`min_size` unless constraints forbid it).
//! 4. The fewest moves.
//! 5. Ties: the lexicographically smallest sequence of declared indices, that is the order that
//!    keeps the longest prefix of the declaration in place and then picks the earliest field.
//!    The result is deterministic.
//!
//! # Algorithm
//!
//! A group is one *unit* (its fields travel together, and a longest kept subsequence always keeps
//! a group whole or not at all, so a unit weighs its field count in moves); every other field is
//! a unit of its own. Two facts carry everything:
//!
//! * For a fixed sequence of fields the end offset is a non-decreasing function of the start
//!   offset, so among the ways of placing one set of units first, the smallest end offset (the
//!   least padding) dominates; and padding never decreases along an order, so a prefix whose
//!   padding exceeds the slack is dead.
//! * For single fields, whatever comes first and ends at offset `e`, the remaining fields sorted
//!   by *increasing* alignment end exactly at `round_up(e + their sizes, a)`, `a` their largest
//!   alignment (each alignment divides the next and each size is a multiple of its alignment).
//!   So without constraints a prefix can be completed to the minimum size exactly when its own
//!   padding fits in the slack.
//!
//! Steps:
//!
//! 1. **Shortcut.** If the declared order satisfies the constraints and reaches the lower bounds
//!    (`min_size`, and the hot lines of the hot sizes without padding), it is returned at once
//!    with 0 moves.
//! 2. **Best reachable size** (with constraints only). If a constructed order (step 4) reaches
//!    the lower bounds, they are the goal. Otherwise a depth-first search over sets of placed
//!    units (cut by the padding slack, remembering per set the least padding explored) answers
//!    "is there an order with at most `L` hot lines and size `X`?", binary-searched on `L` and
//!    then on `X` over multiples of the struct alignment. Above [`EXACT_LIMIT`] units (up to
//!    64) the same searches run within a budget of 200,000 units tried in all (about 1-9 ms
//!    per struct on average in a debug build, the slowest measured 63 ms), and the order the
//!    last one found replaces the constructed one when it is better: on random structs of
//!    17-64 fields with pins or groups it is smaller than the constructed order for 8-27% of
//!    them (`constrained_cost_in_debug` in the tests). Out of budget, the constructed order's
//!    size stands (step 4).
//! 3. **Fewest moves, up to [`EXACT_LIMIT`] units: exact.** Iterative deepening on the number of
//!    moves. Each iteration is a depth-first search over order prefixes, children in increasing
//!    declared index, so the first complete order found is the lexicographically smallest. A
//!    prefix carries, for each possible last kept unit `j`, the fewest moves so far (the
//!    longest-increasing-subsequence recurrence over all labelings of the prefix); a labeling is
//!    dropped when an earlier `j` has no more moves. Lower bound: the unplaced units declared
//!    before `j` must all move. A prefix is cut when:
//!    - its padding plus the padding the next unit cannot avoid exceeds the slack, the hot block
//!      spans too many lines, or a pin or the hot block cannot be honoured;
//!    - every labeling is over the bound, or has 0 or 1 spare move and fails an exact check:
//!      with 0 spare moves the completion must keep every remaining unit declared after `j` in
//!      order, with the forced ones interleaved (a dynamic program over (kept prefix, subset of
//!      forced units) keeping the smallest end); with 1 spare move, all but one of them;
//!    - a failure table proves it: a set of placed units with last kept unit `j` that failed
//!      with `r` moves to spare at padding `p` also fails for any later `j`, fewer moves and more
//!      padding.
//!
//!    Identical adjacent single fields are placed in declared order (swapping them never
//!    shortens the kept subsequence and gives a lexicographically smaller order).
//!    Worst case exponential: at most `2^u * (u + 1)` (placed set, last kept unit) pairs per
//!    padding value and budget. In practice, measured on 2,000 random 16-field structs of common
//!    types (`benches/order.rs`): about 55 µs each in a release build and 200 µs in a debug
//!    build (the proc macro's), the slowest about 3 ms; 8-field structs take 3 µs (release) and
//!    15 µs (debug). The hot loops avoid iterator adapters, which cost a call per step
//!    when unoptimised.
//! 4. **Heuristic, above [`EXACT_LIMIT`] units.** The exact search is exponential in the number
//!    of moves needed and the derive runs on every struct at compile time, so larger structs get
//!    a construction that is near-linear in practice (10,000 fields in milliseconds). Positions
//!    are cut into segments by the pins and the end of the hot block; free units are assigned
//!    to segments (first fit in declared order, else a small packing search for groups), and
//!    each segment takes the best of a few arrangements, among them the *longest fitting
//!    subsequence*: a dynamic program over (offset modulo the struct alignment, padding used)
//!    finding the longest declared subsequence whose own padding fits the slack, followed by
//!    the other units by increasing alignment; by the second fact it reaches the minimum, and it
//!    is the best of all orders that only move fields to the end. Without constraints (or with
//!    only hot fields) **the minimum size is always reached**; only the number of moves may
//!    exceed the optimum ([`Suggestion::exact`] is then `false`). With pins or groups on a
//!    large struct its size is best-effort: step 2 searches for a better one, and where that
//!    runs out of budget (or above 64 units) an unreached minimum is reported as
//!    [`Blocker::Unproven`].
//! 5. **Downward search after the heuristic.** When the goal is known (no constraint, the
//!    heuristic reaches the lower bounds, or step 2 found it within its budget) and the exact search cannot prove the answer (17-24
//!    units out of [`STEP_BUDGET`], or 25-64 units), the heuristic's order with `h` moves is a
//!    starting point: one depth-first iteration of the exact search with bound `h - 1`, and
//!    after each order found with `m` moves another with bound `m - 1`, within
//!    [`DESCENT_BUDGET`] steps in all, keeping the last order found. It meets the same goal
//!    (hot lines, size, constraints) with strictly fewer moves, and the answer stays
//!    deterministic. An iteration finds the lexicographically smallest order within its bound,
//!    so on 17-24 units an order found with as many moves as the interrupted ascending search
//!    proved necessary is the exact answer and is reported as such.
//!
//!    How far from the optimum, measured against [`moves_lower_bound`], a proven lower bound
//!    up to 64 units (the iteration of the exact search that its budget interrupts), on random
//!    structs of common fields (`benches/order.rs`): on 17-24 fields [`suggest`] moves within
//!    0.02 of the exact answer on average (the heuristic alone: 0.5-1.0 more), within one of it
//!    for every struct measured; on 32, 48 and 64 fields 4.4, 7.8 and 10.8 fields (the
//!    heuristic alone: 5.4, 8.3 and 11.0) against a bound of 3.6, 4.4 and 5.4, within one of it
//!    for 74%, 19% and 1% of them; the bound is weak there, so the true gap is not known. The
//!    cost is the budget: in a debug build about 7-15 ms per struct of 32-64 fields on
//!    average, the slowest measured about 0.12 s (see [`DESCENT_BUDGET`]).
//!
//! Why 16: exact for every struct most code has, at a cost that stays in the milliseconds in
//! a debug build even for the slowest random 16-field structs measured, while each further
//! unit can multiply the worst case; the bitsets and tables are sized for it.
//!
//! # Blocked minimum
//!
//! When the exact search proves that the constraints forbid `min_size`, every single constraint
//! whose removal alone (keeping the others) makes `min_size` reachable is listed in
//! [`Suggestion::blocked_by`], in the order hot block, pins, groups; [`Blocker::Combination`]
//! says that no single one does ([`Blocker::Unproven`] if a relaxed problem was too big to
//! decide, or above [`EXACT_LIMIT`] units its search ran out of budget). With single fields only, the hot block never blocks the minimum (by the second
//! fact); pins and groups can.
//!
//! All arithmetic is checked: a size that overflows `u64` is [`OrderError::Overflow`], never a
//! panic or a wrap.

#![cfg(feature = "alloc")]

mod exact;
mod gaps;
mod heuristic;
mod joint;
mod plan;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use core::fmt;

pub use joint::{Joint, suggest_joint};
use plan::Plan;

/// The largest number of units (groups count as one unit, every other field as one) for which
/// the fewest moves are always computed exactly. Above it, up to [`SEARCH_LIMIT`], the exact
/// search runs within [`STEP_BUDGET`]; past either, [`suggest`] uses the heuristic described in
/// the [module documentation](self) and says so ([`Suggestion::exact`] is `false`).
pub const EXACT_LIMIT: usize = 16;

/// The largest number of units for which the exact search is tried at all (within
/// [`STEP_BUDGET`] above [`EXACT_LIMIT`]).
pub const SEARCH_LIMIT: usize = 24;

/// The work the exact search may do on a struct of more than [`EXACT_LIMIT`] units, counted in
/// search nodes, not time, so that every machine and build gives the same answer. Sized so that
/// the worst case stays well under a second in an unoptimised build (the proc macro's) and
/// most random structs of 17-24 fields finish (`benches/order.rs` prints the share).
pub const STEP_BUDGET: u64 = 8_000;

/// The work of the downward search that improves the heuristic's order where the exact search
/// cannot prove the answer (17-24 units once [`STEP_BUDGET`] runs out, 25-64 units with a known
/// goal), counted in search nodes like [`STEP_BUDGET`] so that the answer stays deterministic.
/// Sized on a debug build (the proc macro's) on the random structs of `benches/order.rs`
/// section 4, on a shared 2-core machine (the ignored test `downward_search_cost_in_debug`):
/// `suggest` takes 7, 11 and 14 ms on average for 32, 48 and 64 common fields (0.15-0.5 ms
/// without it: most of the budget goes on searches that find nothing), the slowest 16, 37 and
/// 34 ms, and up to 117 ms on harsher random fields; on 17-24 fields the slowest 86 ms. It
/// moves 4.44, 7.77 and 10.82 fields there; 4,000 steps moved 4.14, 7.69 and 10.80 for three to
/// four times the time (mean 33-46 ms, slowest 0.16 s), 8,000 doubled that again for 0.1 fewer
/// moves, and 16,000 reached 0.55 s. The answers on 17-24 fields did not change between 1,000
/// and 4,000 steps.
pub const DESCENT_BUDGET: u64 = 1_000;

/// One field, reduced to its effective size and alignment on one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Item {
    /// Size in bytes; a multiple of `align` (true of every Rust type).
    pub size: u64,
    /// Alignment in bytes: a power of two, already capped to `N` in a `packed(N)` struct.
    pub align: u64,
}

impl Item {
    /// A field of `size` bytes aligned to `align`.
    pub const fn new(size: u64, align: u64) -> Self {
        Item { size, align }
    }
}

/// What a suggested order must respect. `Constraints::default()` (or [`Constraints::NONE`]) is
/// no constraint and 64-byte cache lines; the builder methods replace one field each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Constraints<'a> {
    /// Declared indices that must stay at exactly their declared index (e.g. a header that
    /// stays first). A pinned field inside a group pins the whole group where it is declared.
    pub pinned: &'a [usize],
    /// Groups of declared indices, each consecutive and increasing in the declaration, that
    /// must stay adjacent and in that order. Groups may not overlap.
    pub groups: &'a [&'a [usize]],
    /// Fields to place first, as a block at offset 0 spanning as few cache lines as possible.
    /// A group is either entirely hot or not at all.
    pub hot: &'a [usize],
    /// Cache line size in bytes for the hot block (not zero).
    pub cache_line: u64,
}

impl Constraints<'static> {
    /// No constraint, 64-byte cache lines.
    pub const NONE: Self = Constraints {
        pinned: &[],
        groups: &[],
        hot: &[],
        cache_line: 64,
    };
}

impl Default for Constraints<'_> {
    fn default() -> Self {
        Constraints::NONE
    }
}

impl<'a> Constraints<'a> {
    /// These constraints with `pinned` as the pinned fields.
    pub const fn pinned(self, pinned: &'a [usize]) -> Self {
        Constraints { pinned, ..self }
    }

    /// These constraints with `groups` as the groups.
    pub const fn groups(self, groups: &'a [&'a [usize]]) -> Self {
        Constraints { groups, ..self }
    }

    /// These constraints with `hot` as the hot fields.
    pub const fn hot(self, hot: &'a [usize]) -> Self {
        Constraints { hot, ..self }
    }

    /// These constraints with a `cache_line`-byte cache line.
    pub const fn cache_line(self, cache_line: u64) -> Self {
        Constraints { cache_line, ..self }
    }

    /// Whether there is any pinned field, group or hot field.
    pub const fn is_empty(&self) -> bool {
        self.pinned.is_empty() && self.groups.is_empty() && self.hot.is_empty()
    }
}

/// A struct to reorder: its fields in declared order, its `repr(align(N))` and the constraints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem<'a> {
    /// The fields, in declared order.
    pub items: &'a [Item],
    /// The alignment from `repr(align(N))`, else 1. A power of two.
    pub min_struct_align: u64,
    /// What the order must respect.
    pub constraints: Constraints<'a>,
}

impl<'a> Problem<'a> {
    /// `items` with no `repr(align)` and no constraint.
    pub const fn new(items: &'a [Item]) -> Self {
        Problem {
            items,
            min_struct_align: 1,
            constraints: Constraints::NONE,
        }
    }

    /// This problem with `repr(align(min_struct_align))`.
    pub const fn min_struct_align(self, min_struct_align: u64) -> Self {
        Problem {
            min_struct_align,
            ..self
        }
    }

    /// This problem with `constraints`.
    pub const fn constraints(self, constraints: Constraints<'a>) -> Self {
        Problem {
            constraints,
            ..self
        }
    }
}

/// A constraint that keeps the suggestion from reaching [`Suggestion::min_size`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Blocker {
    /// The hot block at offset 0 (hot fields win over size: the user asked for them).
    Hot,
    /// This pinned field (declared index).
    Pinned(usize),
    /// This group (index into [`Constraints::groups`]).
    Group(usize),
    /// No single constraint: only lifting several together reaches the minimum.
    Combination,
    /// Above [`EXACT_LIMIT`] units with constraints, the minimum was not reached and the
    /// searches ran out of budget (or there are more than 64 units): whether some order could
    /// reach it, or which constraint blocks it, is not known.
    Unproven,
}

/// The suggested order and what it achieves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The suggested order: a permutation of the declared indices.
    pub order: Vec<usize>,
    /// The struct size with `order`: the best reachable size under the constraints.
    pub size: u64,
    /// The struct size with the declared order.
    pub declared_size: u64,
    /// The smallest size any order could reach, ignoring the constraints.
    pub min_size: u64,
    /// Declared indices of the moved fields, ascending (see the [module documentation](self)).
    pub moved: Vec<usize>,
    /// Why `size > min_size`; empty when the minimum is reached.
    pub blocked_by: Vec<Blocker>,
    /// Cache lines spanned by the hot block (0 without hot fields).
    pub hot_lines: u64,
    /// Whether the order is proven optimal (fewest hot lines, smallest size, fewest moves, the
    /// documented tie-break). `false` only above [`EXACT_LIMIT`] units.
    pub exact: bool,
}

impl Suggestion {
    /// Whether `size == min_size`.
    pub fn reaches_min(&self) -> bool {
        self.size == self.min_size
    }

    /// The number of moved fields (`order.len()` minus the longest kept subsequence).
    pub fn moves(&self) -> usize {
        self.moved.len()
    }

    /// Whether the suggestion is the declared order (nothing to change).
    pub fn is_declared(&self) -> bool {
        self.moved.is_empty()
    }

    /// Bytes saved over the declared order (0 if the suggestion is not smaller, which hot fields
    /// can cause).
    pub fn saved(&self) -> u64 {
        self.declared_size.saturating_sub(self.size)
    }
}

/// Why no suggestion could be made: the input is invalid or too big.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrderError {
    /// A declared index in the constraints (or an order) is not below the number of fields.
    IndexOutOfRange {
        /// The index.
        index: usize,
        /// The number of fields.
        len: usize,
    },
    /// A field's alignment is not a power of two.
    BadAlign {
        /// The field.
        index: usize,
        /// Its alignment.
        align: u64,
    },
    /// A field's size is not a multiple of its alignment (no Rust type is like that).
    SizeNotMultipleOfAlign {
        /// The field.
        index: usize,
    },
    /// `min_struct_align` is not a power of two.
    BadStructAlign(u64),
    /// `cache_line` is zero.
    BadCacheLine,
    /// A field is pinned twice.
    DuplicatePinned(usize),
    /// A field is listed twice as hot.
    DuplicateHot(usize),
    /// A group is empty.
    EmptyGroup(usize),
    /// A group's indices are not consecutive and increasing (the group's index).
    GroupNotConsecutive(usize),
    /// A field belongs to two groups.
    OverlappingGroups(usize),
    /// A group is partly hot (the group's index).
    GroupSplitByHot(usize),
    /// A pinned field cannot stay at its index with the hot block first: a hot pinned field
    /// declared beyond the hot block, or a non-hot one inside it (declared index).
    PinConflictsWithHot(usize),
    /// Pins, groups and the hot block cannot all hold in any order (for more than
    /// [`EXACT_LIMIT`] units: none was found).
    Unsatisfiable,
    /// An order given to [`layout_size`] is not a permutation of the fields.
    NotAPermutation,
    /// A size or offset overflows `u64`.
    Overflow,
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            OrderError::IndexOutOfRange { index, len } => {
                write!(
                    f,
                    "field index {index} is out of range (the struct has {len} fields)"
                )
            }
            OrderError::BadAlign { index, align } => {
                write!(
                    f,
                    "field {index} has alignment {align}, which is not a power of two"
                )
            }
            OrderError::SizeNotMultipleOfAlign { index } => {
                write!(
                    f,
                    "field {index} has a size that is not a multiple of its alignment"
                )
            }
            OrderError::BadStructAlign(a) => {
                write!(f, "struct alignment {a} is not a power of two")
            }
            OrderError::BadCacheLine => f.write_str("the cache line size is zero"),
            OrderError::DuplicatePinned(i) => write!(f, "field {i} is pinned twice"),
            OrderError::DuplicateHot(i) => write!(f, "field {i} is listed twice as hot"),
            OrderError::EmptyGroup(g) => write!(f, "group {g} is empty"),
            OrderError::GroupNotConsecutive(g) => write!(
                f,
                "group {g} is not a run of consecutive declared fields in increasing order"
            ),
            OrderError::OverlappingGroups(i) => write!(f, "field {i} belongs to two groups"),
            OrderError::GroupSplitByHot(g) => {
                write!(
                    f,
                    "group {g} is partly hot: make all of its fields hot or none"
                )
            }
            OrderError::PinConflictsWithHot(i) => write!(
                f,
                "pinned field {i} cannot stay at its index while the hot fields come first"
            ),
            OrderError::Unsatisfiable => {
                f.write_str("no field order satisfies the pins, groups and hot fields together")
            }
            OrderError::NotAPermutation => {
                f.write_str("the order is not a permutation of the fields")
            }
            OrderError::Overflow => f.write_str("a size or offset overflows u64"),
        }
    }
}

impl core::error::Error for OrderError {}

/// The smallest size any order of `items` can reach: the sum of the sizes rounded up to the
/// struct alignment (`min_struct_align` or the largest field alignment).
pub fn min_size(items: &[Item], min_struct_align: u64) -> Result<u64, OrderError> {
    let align = plan::struct_align(items, min_struct_align)?;
    let mut total = 0u64;
    for item in items {
        total = total.checked_add(item.size).ok_or(OrderError::Overflow)?;
    }
    plan::align_up(total, align).ok_or(OrderError::Overflow)
}

/// The `repr(C)` size of `items` placed in `order` (a permutation of their indices).
pub fn layout_size(
    items: &[Item],
    order: &[usize],
    min_struct_align: u64,
) -> Result<u64, OrderError> {
    let align = plan::struct_align(items, min_struct_align)?;
    if order.len() != items.len() {
        return Err(OrderError::NotAPermutation);
    }
    let mut seen = alloc::vec![false; items.len()];
    let mut end = 0u64;
    for &i in order {
        if i >= items.len() {
            return Err(OrderError::IndexOutOfRange {
                index: i,
                len: items.len(),
            });
        }
        if core::mem::replace(&mut seen[i], true) {
            return Err(OrderError::NotAPermutation);
        }
        end = plan::align_up(end, items[i].align)
            .and_then(|o| o.checked_add(items[i].size))
            .ok_or(OrderError::Overflow)?;
    }
    plan::align_up(end, align).ok_or(OrderError::Overflow)
}

/// The number of moves of `order` (distinct declared indices): its length minus its longest
/// increasing subsequence. `O(n log n)`.
pub fn moves(order: &[usize]) -> usize {
    // tails[l] = smallest last value of an increasing subsequence of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    for &v in order {
        let p = tails.partition_point(|&t| t < v);
        if p == tails.len() {
            tails.push(v);
        } else {
            tails[p] = v;
        }
    }
    order.len() - tails.len()
}

/// The fields of `order` outside its longest increasing subsequence, choosing the subsequence
/// with the lexicographically smallest values; returned ascending. `O(n log n)`.
fn moved_fields(order: &[usize]) -> Vec<usize> {
    let n = order.len();
    // len_from[i]: longest increasing subsequence starting at position i. Reading right to left,
    // tails[l] is the largest first value of an increasing run of length l + 1 (decreasing in l).
    let mut len_from = alloc::vec![0usize; n];
    let mut tails: Vec<usize> = Vec::new();
    for i in (0..n).rev() {
        let v = order[i];
        let p = tails.partition_point(|&t| t > v);
        if p == tails.len() {
            tails.push(v);
        } else {
            tails[p] = v;
        }
        len_from[i] = p + 1;
    }
    let best = tails.len();
    // Positions grouped by len_from, each level in increasing position; within a level the
    // values decrease (two in increasing order would give the earlier a longer run).
    let mut levels: Vec<Vec<usize>> = alloc::vec![Vec::new(); best + 1];
    for (i, &l) in len_from.iter().enumerate() {
        levels[l].push(i);
    }
    let mut kept = alloc::vec![false; n];
    let (mut last_pos, mut last_val) = (None::<usize>, None::<usize>);
    for need in (1..=best).rev() {
        // Every valid candidate has len_from == need exactly; the smallest valid value is the
        // rightmost position whose value still exceeds last_val.
        let level = &levels[need];
        let start = last_pos.map_or(0, |p| level.partition_point(|&q| q <= p));
        let end = match last_val {
            None => level.len(),
            Some(lv) => start + level[start..].partition_point(|&q| order[q] > lv),
        };
        let pos = level[end - 1];
        kept[order[pos]] = true;
        last_pos = Some(pos);
        last_val = Some(order[pos]);
    }
    (0..n).filter(|&f| !kept[f]).collect()
}

/// The best order for `problem`: see the [module documentation](self) for what is optimised
/// and how.
pub fn suggest(problem: &Problem<'_>) -> Result<Suggestion, OrderError> {
    suggest_within(problem, STEP_BUDGET)
}

/// [`suggest`] with another step budget for the exact search on structs of more than
/// [`EXACT_LIMIT`] units (`0`: the heuristic alone, without the downward search of
/// [`DESCENT_BUDGET`] either; `u64::MAX`: no limit up to [`SEARCH_LIMIT`]). For measurements and tests; every user of the engine calls [`suggest`],
/// so that they all give the same answer.
pub fn suggest_within(problem: &Problem<'_>, step_budget: u64) -> Result<Suggestion, OrderError> {
    let plan = Plan::of(problem)?;
    let (declared, declared_eval, declared_at_floors) = plan.declared();
    let declared_size = plan.declared_size()?;
    let hot_lines_floor = plan.hot_lines_floor();
    let finish = |units: &[usize], blocked_by: Vec<Blocker>, exact: bool| {
        let eval = plan.evaluate(units).ok_or(OrderError::Overflow)?;
        let order = plan.fields_of(units);
        Ok(Suggestion {
            moved: moved_fields(&order),
            order,
            size: eval.size,
            declared_size,
            min_size: plan.min_size,
            blocked_by,
            hot_lines: eval.hot_lines,
            exact,
        })
    };

    // Shortcut: the declared order is valid and reaches every lower bound.
    if declared_at_floors {
        return finish(&declared, Vec::new(), true);
    }

    // Without constraints and up to the exact limit, the goal is known and the search needs no
    // constructed order.
    let unconstrained = problem.constraints.is_empty();
    let units = plan.units.len();
    let mut constructed = if unconstrained && units <= EXACT_LIMIT {
        None
    } else {
        heuristic::construct(&plan)
    };
    let mut constructed_eval = constructed.as_ref().and_then(|u| plan.evaluate(u));
    // The best reachable (hot lines, size): known without a search when there is no
    // constraint or the constructed order reaches the lower bounds.
    let mut known_goal = match constructed_eval {
        _ if unconstrained => Some(exact::Goal {
            max_size: plan.min_size,
            max_hot_lines: 0,
        }),
        Some(c) if c.size == plan.min_size && c.hot_lines == hot_lines_floor => Some(exact::Goal {
            max_size: c.size,
            max_hot_lines: c.hot_lines,
        }),
        _ => None,
    };
    // Above the exact limit with constraints, the best reachable within a budget, and an order
    // reaching it when the constructed one does not.
    if known_goal.is_none()
        && units > EXACT_LIMIT
        && units <= exact::MOVES_LIMIT
        && step_budget > 0
        && let Some((goal, order)) = exact::best_reachable_within(&plan, exact::REACH_BUDGET)?
    {
        let reached = plan.evaluate(&order);
        if constructed_eval.is_none_or(|c| reached.is_some_and(|r| r.key() < c.key())) {
            constructed = Some(order);
            constructed_eval = reached;
        }
        known_goal = Some(goal);
    }
    // The heuristic's order: the constructed one, unless the declared one is valid and at
    // least as good.
    let heuristic_order = |constructed: Option<Vec<usize>>| match (constructed, constructed_eval) {
        (Some(c), Some(ce)) if declared_eval.is_none_or(|d| ce.key() < d.key()) => Ok(c),
        _ if declared_eval.is_some() => Ok(declared.clone()),
        _ => Err(OrderError::Unsatisfiable),
    };
    // The heuristic's answer, said to be unproven.
    let unproven = |best: &[usize]| {
        let eval = plan.evaluate(best).ok_or(OrderError::Overflow)?;
        let blocked = if eval.size == plan.min_size {
            Vec::new()
        } else {
            alloc::vec![Blocker::Unproven]
        };
        finish(best, blocked, false)
    };
    // The heuristic's answer, improved when the goal is known: an order meeting it with fewer
    // moves, searched downwards within DESCENT_BUDGET (see `exact::fewer_moves`). Such an order
    // has the heuristic's hot lines and size (the heuristic meets a known goal, which is the
    // best reachable) and strictly fewer moves. `at_least`: a proven lower bound on the moves,
    // if any; an order found with that many moves is the exact answer. (When the heuristic
    // already has that many, the search looks for an order with as many, which is the exact
    // answer, the lexicographically smallest, if found.)
    let improved = |constructed: Option<Vec<usize>>, goal: exact::Goal, at_least: u32| {
        let best = heuristic_order(constructed)?;
        let eval = plan.evaluate(&best).ok_or(OrderError::Overflow)?;
        let h = moves_of_units(&plan, &best);
        let than = if h == at_least { h + 1 } else { h };
        if eval.size <= goal.max_size
            && eval.hot_lines <= goal.max_hot_lines
            && h >= at_least
            && let Some((order, m)) =
                exact::fewer_moves(&plan, goal, than, at_least, DESCENT_BUDGET)
        {
            return finish(&order, blockers(problem, &plan, goal)?, m == at_least);
        }
        unproven(&best)
    };

    let budget = match (units, known_goal) {
        (..=EXACT_LIMIT, _) => u64::MAX,
        (..=SEARCH_LIMIT, Some(_)) if step_budget > 0 => step_budget,
        (..=exact::MOVES_LIMIT, Some(goal)) if step_budget > 0 => {
            return improved(constructed, goal, 0);
        }
        _ => return unproven(&heuristic_order(constructed)?),
    };
    // Exact: first the best reachable (hot lines, size), then the fewest moves for it.
    let goal = match known_goal {
        Some(goal) => goal,
        None => exact::best_reachable(&plan)?,
    };
    if let Some(e) = declared_eval
        && e.size <= goal.max_size
        && e.hot_lines <= goal.max_hot_lines
    {
        return finish(&declared, blockers(problem, &plan, goal)?, true);
    }
    // A constructed order meeting the goal bounds the moves the search needs.
    let upper = constructed
        .as_ref()
        .zip(constructed_eval)
        .and_then(|(u, e)| {
            (e.size <= goal.max_size && e.hot_lines <= goal.max_hot_lines)
                .then(|| moves_of_units(&plan, u))
        });
    match exact::fewest_moves(&plan, goal, upper, budget) {
        exact::Fewest::Found(order) => finish(&order, blockers(problem, &plan, goal)?, true),
        exact::Fewest::Impossible => Err(OrderError::Unsatisfiable),
        exact::Fewest::OutOfBudget { at_least } => improved(constructed, goal, at_least),
    }
}

/// A proven lower bound on the moves of the exact answer for `problem` (the fewest moves among
/// the orders with the fewest hot lines and then the smallest size, as [`suggest`] computes
/// them exactly up to [`EXACT_LIMIT`] units), found with at most `step_budget` search nodes.
/// Never above that answer; equal to it when the search completes within the budget (always
/// with `u64::MAX` up to [`EXACT_LIMIT`] units). For measurements (the benchmark compares the
/// heuristic's moves with it); [`suggest`] does not call it.
///
/// How, and why each part is sound:
///
/// * 0 when the declared order satisfies the constraints and reaches the lower bounds on the
///   hot lines and the size (or, once the best reachable goal is known, meets it): it is the
///   answer. Otherwise, when the goal is known or the declared order breaks a constraint, the
///   declared order (the only one with 0 moves) is not the answer, which has at least 1 move.
/// * Up to 64 units, with a known goal (no constraint: `min_size`; with constraints, when the
///   heuristic's order reaches the lower bounds, or up to [`EXACT_LIMIT`] units, where the
///   best reachable size is computed as [`suggest`] does): the iterative deepening of the exact
///   search, within the budget. Each iteration it completes proves that no order meeting the
///   goal has fewer moves than the next iteration's bound, so when the budget runs out the
///   bound of the interrupted iteration is proven; when it completes, its answer is exact.
/// * Otherwise (more than 64 units, or constraints with an unknown goal above
///   [`EXACT_LIMIT`] units) the first point: 1 without constraints (`min_size` is always
///   reachable) or when the declared order breaks a constraint, else 0; and above 64 units
///   without constraints, the larger of that and a relaxation: the fewest moves (or the bound
///   the search proves) of the fields aligned to at most `a` alone in the same padding slack,
///   for each alignment `a` that leaves at most 64 of them (see `small_alignment_bound` for
///   why it is sound).
/// * Without constraints, at any size, also the larger of those and the gap relaxation (the
///   fields kept in place, any field type filling the gaps between them: `gaps::gap_bound`,
///   whose module says why it is sound), which raised the mean bound on random structs of 48
///   and 64 common fields from 4.0 to 4.4 and 5.4.
///
/// The bound holds with or without constraints.
pub fn moves_lower_bound(problem: &Problem<'_>, step_budget: u64) -> Result<usize, OrderError> {
    let plan = Plan::of(problem)?;
    let (_, declared_eval, declared_at_floors) = plan.declared();
    let hot_lines_floor = plan.hot_lines_floor();
    if declared_at_floors {
        return Ok(0);
    }
    // Without a goal to search for: without constraints `min_size` is always reachable, so the
    // declared order (which misses it) is not the answer; with constraints only an invalid
    // declared order is known not to be (the constraints may block every better size).
    let trivial = usize::from(problem.constraints.is_empty() || declared_eval.is_none());
    // Without constraints, the relaxation that counts the gaps the kept fields leave (`gaps`).
    let trivial = if problem.constraints.is_empty() {
        trivial.max(gaps::gap_bound(problem.items, plan.min_size))
    } else {
        trivial
    };
    let units = plan.units.len();
    if units > exact::MOVES_LIMIT {
        // Too many units for the search's sets: only the relaxations.
        // (Below, the whole search gets the budget: on random structs of 48 and 64 common
        // fields the relaxation to the less aligned fields raised the mean bound by only
        // 0.02-0.05 for twice the time.)
        if problem.constraints.is_empty() {
            return Ok(trivial.max(small_alignment_bound(&plan, step_budget)?));
        }
        return Ok(trivial);
    }
    let goal = if problem.constraints.is_empty() {
        exact::Goal {
            max_size: plan.min_size,
            max_hot_lines: 0,
        }
    } else if let Some(c) = heuristic::construct(&plan).and_then(|u| plan.evaluate(&u))
        && c.size == plan.min_size
        && c.hot_lines == hot_lines_floor
    {
        exact::Goal {
            max_size: c.size,
            max_hot_lines: c.hot_lines,
        }
    } else if units <= EXACT_LIMIT {
        exact::best_reachable(&plan)?
    } else {
        return Ok(trivial);
    };
    // The declared order meets a goal above the lower bounds: it is the answer.
    if let Some(e) = declared_eval
        && e.size <= goal.max_size
        && e.hot_lines <= goal.max_hot_lines
    {
        return Ok(0);
    }
    match exact::fewest_moves(&plan, goal, None, step_budget) {
        exact::Fewest::Found(order) => Ok(moves_of_units(&plan, &order) as usize),
        exact::Fewest::Impossible => Err(OrderError::Unsatisfiable),
        exact::Fewest::OutOfBudget { at_least } => Ok((at_least as usize).max(1).max(trivial)),
    }
}

/// A lower bound on the fewest moves of an unconstrained problem from smaller ones: for each
/// alignment `a` below the largest, the fields aligned to at most `a`, in declared order, which
/// must fit in the same padding slack (`min_size - sum of sizes`) as the whole struct. The
/// exact search on that sub-problem, within `step_budget` (each), gives its fewest moves or a
/// proven bound on them; the largest over `a` is returned. Sub-problems above
/// [`exact::MOVES_LIMIT`] fields are skipped.
///
/// Why it is sound: take any order of the whole struct reaching `min_size` (its last field ends
/// by `min_size`) and delete the fields aligned above `a`, the most aligned first. When field
/// `r` is deleted every field left is aligned to at most `align(r)`, so `size(r)`, a multiple
/// of `align(r)`, is a multiple of every alignment after it: shifting the start of the fields
/// after `r` by `size(r)` shifts their end by exactly `size(r)`, and the end is a
/// non-decreasing function of the start. Before the deletion they started at
/// `round_up(x, align(r)) + size(r) >= x + size(r)`, `x` the end before `r`; after it, at `x`.
/// So each deletion lowers the end by at least the deleted size: the sub-order ends by
/// `min_size - deleted sizes = its own sizes + slack`, and meets the sub-problem's goal. Its
/// kept fields include every kept field of the whole order that is aligned to at most `a` (a
/// subsequence stays in order when other fields are deleted), so its moves are at most the
/// whole order's. Hence the sub-problem's fewest moves are at most the whole problem's.
fn small_alignment_bound(plan: &Plan<'_>, step_budget: u64) -> Result<usize, OrderError> {
    let items = plan.items;
    let slack = plan.min_size - plan.total;
    let mut aligns: Vec<u64> = items.iter().map(|i| i.align).collect();
    aligns.sort_unstable();
    aligns.dedup();
    aligns.pop();
    let mut best = 0;
    for a in aligns {
        let sub: Vec<Item> = items.iter().copied().filter(|i| i.align <= a).collect();
        if sub.len() > exact::MOVES_LIMIT {
            break;
        }
        let sub_plan = Plan::new(&sub, 1, &Constraints::NONE)?;
        let goal = exact::Goal {
            max_size: sub_plan
                .total
                .checked_add(slack)
                .ok_or(OrderError::Overflow)?,
            max_hot_lines: 0,
        };
        // The declared sub-order meets the goal: 0 moves, no information.
        let mut end = 0u64;
        for item in &sub {
            end = plan::align_up(end, item.align)
                .and_then(|o| o.checked_add(item.size))
                .ok_or(OrderError::Overflow)?;
        }
        if end <= goal.max_size {
            continue;
        }
        let bound = match exact::fewest_moves(&sub_plan, goal, None, step_budget) {
            exact::Fewest::Found(order) => moves_of_units(&sub_plan, &order) as usize,
            exact::Fewest::OutOfBudget { at_least } => (at_least as usize).max(1),
            // Cannot happen (the whole struct's best order gives one); no information.
            exact::Fewest::Impossible => 0,
        };
        best = best.max(bound);
    }
    Ok(best)
}

/// Moves of a unit order, counted in fields.
fn moves_of_units(plan: &Plan<'_>, units: &[usize]) -> u32 {
    moves(&plan.fields_of(units)) as u32
}

/// The constraints that alone keep `goal` above the minimum size (exact path only).
fn blockers(
    problem: &Problem<'_>,
    plan: &Plan<'_>,
    goal: exact::Goal,
) -> Result<Vec<Blocker>, OrderError> {
    let mut out = Vec::new();
    if goal.max_size == plan.min_size {
        return Ok(out);
    }
    let c = &problem.constraints;
    // Some(whether min_size is reachable), None if the relaxed problem is too big to tell.
    // Up to EXACT_LIMIT units the searches are bounded by the problem's size; above, by a
    // budget per relaxed problem.
    let reaches = |constraints: &Constraints<'_>| -> Result<Option<bool>, OrderError> {
        let relaxed = Plan::new(problem.items, problem.min_struct_align, constraints)?;
        if relaxed.units.len() > exact::REACH_LIMIT {
            return Ok(None);
        }
        let mut budget = if relaxed.units.len() <= EXACT_LIMIT {
            exact::Budget::unlimited()
        } else {
            exact::Budget::new(exact::REACH_BUDGET)
        };
        Ok(exact::reaches_min(&relaxed, &mut budget).unwrap_or(Some(false)))
    };
    let mut unknown = false;
    let mut blocks = |r: Option<bool>| {
        unknown |= r.is_none();
        r == Some(true)
    };
    if !c.hot.is_empty() && blocks(reaches(&c.hot(&[]))?) {
        out.push(Blocker::Hot);
    }
    let mut buf: Vec<usize> = Vec::with_capacity(c.pinned.len());
    for (k, &p) in c.pinned.iter().enumerate() {
        buf.clear();
        buf.extend(
            c.pinned
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != k)
                .map(|(_, &q)| q),
        );
        if blocks(reaches(&c.pinned(&buf))?) {
            out.push(Blocker::Pinned(p));
        }
    }
    let mut groups: Vec<&[usize]> = Vec::with_capacity(c.groups.len());
    for g in 0..c.groups.len() {
        groups.clear();
        groups.extend(
            c.groups
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != g)
                .map(|(_, &s)| s),
        );
        if blocks(reaches(&c.groups(&groups))?) {
            out.push(Blocker::Group(g));
        }
    }
    if out.is_empty() {
        out.push(if unknown {
            Blocker::Unproven
        } else {
            Blocker::Combination
        });
    }
    Ok(out)
}

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
//!    then on `X` over multiples of the struct alignment.
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
//!    large struct the size is best-effort, and an unreached minimum is reported as
//!    [`Blocker::Unproven`].
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
//! decide). With single fields only, the hot block never blocks the minimum (by the second
//! fact); pins and groups can.
//!
//! All arithmetic is checked: a size that overflows `u64` is [`OrderError::Overflow`], never a
//! panic or a wrap.

#![cfg(feature = "alloc")]

mod exact;
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
    /// Above [`EXACT_LIMIT`] units with constraints, the heuristic did not reach the minimum;
    /// whether some order could is not known.
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
/// [`EXACT_LIMIT`] units (`0`: the heuristic alone; `u64::MAX`: no limit up to
/// [`SEARCH_LIMIT`]). For measurements and tests; every user of the engine calls [`suggest`],
/// so that they all give the same answer.
pub fn suggest_within(problem: &Problem<'_>, step_budget: u64) -> Result<Suggestion, OrderError> {
    let plan = Plan::new(
        problem.items,
        problem.min_struct_align,
        &problem.constraints,
    )?;
    let declared: Vec<usize> = (0..plan.units.len()).collect();
    let declared_eval = plan.evaluate(&declared);
    let declared_size = plan.declared_size()?;

    // The fewest hot lines any order could have (a lower bound: hot fields without padding).
    let hot_lines_floor = plan.lines(plan.hot_total);
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
    if let Some(e) = declared_eval
        && e.size == plan.min_size
        && e.hot_lines == hot_lines_floor
    {
        return finish(&declared, Vec::new(), true);
    }

    // Without constraints and up to the exact limit, the goal is known and the search needs no
    // constructed order.
    let unconstrained = problem.constraints.is_empty();
    let units = plan.units.len();
    let constructed = if unconstrained && units <= EXACT_LIMIT {
        None
    } else {
        heuristic::construct(&plan)
    };
    let constructed_eval = constructed.as_ref().and_then(|u| plan.evaluate(u));
    // The heuristic's answer: the constructed order, unless the declared one is valid and at
    // least as good.
    let heuristic = |constructed: Option<Vec<usize>>| {
        let best = match (constructed, constructed_eval) {
            (Some(c), Some(ce)) if declared_eval.is_none_or(|d| ce.key() < d.key()) => c,
            _ if declared_eval.is_some() => declared.clone(),
            _ => return Err(OrderError::Unsatisfiable),
        };
        let eval = plan.evaluate(&best).ok_or(OrderError::Overflow)?;
        let blocked = if eval.size == plan.min_size {
            Vec::new()
        } else {
            alloc::vec![Blocker::Unproven]
        };
        finish(&best, blocked, false)
    };

    // The best reachable (hot lines, size): known without a search when there is no
    // constraint or the constructed order reaches the lower bounds.
    let known_goal = match constructed_eval {
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
    let budget = match (units, known_goal) {
        (..=EXACT_LIMIT, _) => u64::MAX,
        (..=SEARCH_LIMIT, Some(_)) if step_budget > 0 => step_budget,
        _ => return heuristic(constructed),
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
        exact::Fewest::OutOfBudget => heuristic(constructed),
    }
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
    let reaches = |constraints: &Constraints<'_>| -> Result<Option<bool>, OrderError> {
        let relaxed = Plan::new(problem.items, problem.min_struct_align, constraints)?;
        if relaxed.units.len() > exact::REACH_LIMIT {
            return Ok(None);
        }
        Ok(Some(exact::reaches_min(&relaxed).unwrap_or(false)))
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

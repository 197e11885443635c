//! The exact searches: the best reachable size (up to [`REACH_LIMIT`] units, as the blocker
//! analysis runs it on problems with a group split up) and the fewest moves (up to
//! [`EXACT_LIMIT`] units).
//!
//! Both rest on one fact: for a fixed sequence of fields, the end offset is a non-decreasing
//! function of the start offset. So among all the ways to place a given set of units first, the
//! one with the smallest end offset (equivalently the least padding) is at least as good for
//! whatever follows.

use alloc::vec;
use alloc::vec::Vec;

use super::plan::{Plan, align_up};
use super::{OrderError, SEARCH_LIMIT};

/// Units above which [`best_reachable`] gives up (its sets of units are 64-bit masks).
pub(super) const REACH_LIMIT: usize = 64;

/// What an order must achieve: at most this size and this many hot lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Goal {
    pub max_size: u64,
    pub max_hot_lines: u64,
}

/// Steps (units tried) the searches for the best reachable size may take above
/// [`EXACT_LIMIT`](super::EXACT_LIMIT) units, where they are not bounded by the problem's size:
/// about 10 ms in the proc macro's unoptimised build, and almost always enough.
pub(super) const REACH_BUDGET: u64 = 200_000;

/// What the size searches may still spend, and whether one ran out (its "not found" then
/// means nothing).
pub(super) struct Budget {
    left: u64,
    out: bool,
}

impl Budget {
    /// No limit: the searches are bounded by the problem's size.
    pub(super) fn unlimited() -> Self {
        Budget::new(u64::MAX)
    }

    pub(super) fn new(steps: u64) -> Self {
        Budget {
            left: steps,
            out: false,
        }
    }

    fn take(&mut self) -> bool {
        if self.left == 0 {
            self.out = true;
            return false;
        }
        self.left -= 1;
        true
    }
}

/// The best (fewest hot lines, then smallest size) any order satisfying the constraints reaches.
/// First any valid order (an upper bound), then a binary search on the hot lines, then on the
/// size over multiples of the struct alignment, each step a [`Reach`] search. Errors:
/// [`OrderError::Unsatisfiable`] when no order satisfies the constraints (or above
/// [`REACH_LIMIT`] units), [`OrderError::Overflow`] when every one overflows.
pub(super) fn best_reachable(plan: &Plan<'_>) -> Result<Goal, OrderError> {
    best_with(plan, false, &mut Budget::unlimited())
}

/// [`best_reachable`] within `steps`, with an order that reaches it; `Ok(None)` when the
/// searches ran out of steps.
pub(super) fn best_reachable_within(
    plan: &Plan<'_>,
    steps: u64,
) -> Result<Option<(Goal, Vec<usize>)>, OrderError> {
    let mut budget = Budget::new(steps);
    let goal = best_with(plan, false, &mut budget);
    if budget.out {
        return Ok(None);
    }
    let goal = goal?;
    let max_hot_end = if plan.hot_len > 0 {
        goal.max_hot_lines.saturating_mul(plan.cache_line)
    } else {
        u64::MAX
    };
    let found = Reach::find(plan, goal.max_size, max_hot_end, &mut budget);
    match found {
        Ok(found) => Ok(Some((goal, found.order))),
        Err(_) if budget.out => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether the best reachable size is `plan.min_size` (`Ok(false)` also above [`REACH_LIMIT`]),
/// within `budget` (`None` when it ran out).
pub(super) fn reaches_min(
    plan: &Plan<'_>,
    budget: &mut Budget,
) -> Result<Option<bool>, OrderError> {
    let goal = best_with(plan, true, budget);
    if budget.out {
        return Ok(None);
    }
    Ok(Some(goal?.max_size == plan.min_size))
}

/// [`best_reachable`]; with `min_only`, the size search stops after testing `min_size`
/// (returning a larger size, not necessarily the best, if that fails). Meaningless when
/// `budget` runs out.
fn best_with(plan: &Plan<'_>, min_only: bool, budget: &mut Budget) -> Result<Goal, OrderError> {
    if plan.units.len() > REACH_LIMIT {
        return Err(OrderError::Unsatisfiable);
    }
    let line_end = |lines: u64| lines.saturating_mul(plan.cache_line);
    let first = Reach::find(plan, u64::MAX, u64::MAX, budget)?;
    let (mut hot_end, mut end) = (first.hot_end, first.end);
    let mut max_hot_lines = 0;
    let mut max_hot_end = u64::MAX;
    if plan.hot_len > 0 {
        let (mut lo, mut hi) = (plan.hot_lines_floor(), plan.lines(hot_end));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match Reach::find(plan, u64::MAX, line_end(mid), budget) {
                Ok(found) => {
                    (hot_end, end) = (found.hot_end, found.end);
                    hi = plan.lines(found.hot_end);
                }
                Err(_) => lo = mid + 1,
            }
        }
        max_hot_lines = lo;
        max_hot_end = line_end(lo);
        if plan.lines(hot_end) > lo {
            end = Reach::find(plan, u64::MAX, max_hot_end, budget)?.end;
        }
    }
    let a = plan.struct_align;
    let mut hi = align_up(end, a).ok_or(OrderError::Overflow)? / a;
    let mut lo = plan.min_size / a;
    if min_only && lo < hi {
        if Reach::find(plan, lo * a, max_hot_end, budget).is_ok() {
            hi = lo;
        }
        lo = hi;
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match Reach::find(plan, mid * a, max_hot_end, budget) {
            Ok(found) => hi = align_up(found.end, a).ok_or(OrderError::Overflow)? / a,
            Err(_) => lo = mid + 1,
        }
    }
    Ok(Goal {
        max_size: lo * a,
        max_hot_lines,
    })
}

/// An order [`Reach`] found: its units, and where its hot block and its last unit end.
struct Found {
    order: Vec<usize>,
    hot_end: u64,
    end: u64,
}

/// A depth-first search for any order of the units satisfying the constraints that ends by
/// `max_end` with its hot block ending by `max_hot_end`: cut when the padding exceeds
/// `max_end - total`, and remembering per set of placed units the least padding explored
/// (smaller dominates). Children by decreasing alignment, which has no padding when nothing
/// else constrains, so feasible searches dive straight to an answer.
struct Reach<'a, 'p, 'b> {
    plan: &'a Plan<'p>,
    by_align: Vec<usize>,
    max_end: u64,
    pad_max: u64,
    max_hot_end: u64,
    hot_mask: u64,
    explored: PadMemo,
    overflowed: bool,
    budget: &'b mut Budget,
    /// The units placed so far.
    path: Vec<usize>,
}

impl Reach<'_, '_, '_> {
    /// The first order found, or why none was (also when `budget` runs out: see
    /// [`Budget`]).
    fn find(
        plan: &Plan<'_>,
        max_end: u64,
        max_hot_end: u64,
        budget: &mut Budget,
    ) -> Result<Found, OrderError> {
        let mut by_align: Vec<usize> = (0..plan.units.len()).collect();
        by_align.sort_by_key(|&u| core::cmp::Reverse(plan.units[u].align));
        let mut r = Reach {
            plan,
            by_align,
            max_end,
            pad_max: max_end.saturating_sub(plan.total),
            max_hot_end,
            hot_mask: (0..plan.units.len())
                .filter(|&u| plan.units[u].hot)
                .map(|u| 1u64 << u)
                .sum(),
            explored: PadMemo::new(),
            overflowed: false,
            budget,
            path: Vec::with_capacity(plan.units.len()),
        };
        if max_end < plan.total {
            return Err(OrderError::Unsatisfiable);
        }
        match r.dfs(0, 0, 0, 0, 0) {
            Some((hot_end, end)) => Ok(Found {
                order: r.path,
                hot_end,
                end,
            }),
            None if r.overflowed => Err(OrderError::Overflow),
            None => Err(OrderError::Unsatisfiable),
        }
    }

    fn dfs(
        &mut self,
        mask: u64,
        pos: usize,
        end: u64,
        placed: u64,
        hot_end: u64,
    ) -> Option<(u64, u64)> {
        if pos == self.plan.items.len() {
            return Some((hot_end, end));
        }
        let pad = end - placed;
        if !self.explored.lower(mask, pad) {
            return None;
        }
        let mut i = 0;
        while i < self.by_align.len() {
            let u = self.by_align[i];
            i += 1;
            if !self.budget.take() {
                return None;
            }
            if mask & (1 << u) != 0 || !self.plan.can_place(u, pos) {
                continue;
            }
            let Some(e) = self.plan.place(u, end) else {
                self.overflowed = true;
                continue;
            };
            let placed2 = placed + self.plan.units[u].size;
            if e > self.max_end || e - placed2 > self.pad_max {
                continue;
            }
            let mask2 = mask | 1 << u;
            let mut hot_end2 = hot_end;
            if self.plan.hot_len > 0 && mask2 == self.hot_mask {
                if e > self.max_hot_end {
                    continue;
                }
                hot_end2 = e;
            }
            self.path.push(u);
            if let Some(found) = self.dfs(mask2, pos + self.plan.units[u].len, e, placed2, hot_end2)
            {
                return Some(found);
            }
            self.path.pop();
        }
        None
    }
}

/// Per set of placed units, the least padding explored from it: an open-addressing hash table.
struct PadMemo {
    keys: Vec<u64>,
    pads: Vec<u64>,
    len: usize,
}

impl PadMemo {
    fn new() -> Self {
        PadMemo {
            keys: vec![u64::MAX; 16],
            pads: vec![0; 16],
            len: 0,
        }
    }

    fn slot(keys: &[u64], key: u64) -> usize {
        let bits = keys.len().trailing_zeros();
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        while keys[i] != u64::MAX && keys[i] != key {
            i = (i + 1) & (keys.len() - 1);
        }
        i
    }

    /// Records `pad` for `mask` and returns `true` if it is less than any recorded before.
    fn lower(&mut self, mask: u64, pad: u64) -> bool {
        let i = Self::slot(&self.keys, mask);
        if self.keys[i] == mask {
            if self.pads[i] <= pad {
                return false;
            }
            self.pads[i] = pad;
            return true;
        }
        if (self.len + 1) * 2 > self.keys.len() {
            let cap = self.keys.len() * 2;
            let keys = core::mem::replace(&mut self.keys, vec![u64::MAX; cap]);
            let pads = core::mem::replace(&mut self.pads, vec![0; cap]);
            for (k, p) in keys.into_iter().zip(pads) {
                if k != u64::MAX {
                    let j = Self::slot(&self.keys, k);
                    self.keys[j] = k;
                    self.pads[j] = p;
                }
            }
        }
        let i = Self::slot(&self.keys, mask);
        self.keys[i] = mask;
        self.pads[i] = pad;
        self.len += 1;
        true
    }
}

const INF: u32 = u32::MAX / 4;
/// Most units [`fewest_moves`] searches: its sets of units are 64-bit masks.
pub(super) const MOVES_LIMIT: usize = 64;
/// Most forced units the no-spare-move completion check interleaves (its table has
/// `2^FREE_MAX` columns).
const FREE_MAX: usize = 4;
/// Most forced units for which the one-spare-move check runs (it runs the interleaving once
/// per remaining unit, with one more free unit).
const ONE_SPARE_FORCED: usize = 1;

/// A search state: the units of `mask` are placed, filling `pos` field positions and ending at
/// offset `end`; their sizes sum to `placed`.
#[derive(Clone, Copy)]
struct State {
    mask: u64,
    pos: usize,
    end: u64,
    placed: u64,
}

/// What [`fewest_moves`] found.
pub(super) enum Fewest {
    /// The lexicographically smallest order (of units) with the fewest moves.
    Found(Vec<usize>),
    /// No order meets the goal.
    Impossible,
    /// The search used its step budget before it could tell. Every order meeting the goal has
    /// at least `at_least` moves: the bound of the interrupted iteration (each earlier one
    /// proved, exhaustively, that no order has fewer moves; see [`fewest_moves`]).
    OutOfBudget { at_least: u32 },
}

/// The lexicographically smallest order with the fewest moves among those meeting `goal`.
/// `upper`: the moves of a known order meeting `goal`, if any; `budget`: the most search nodes
/// to visit (`u64::MAX` for no limit).
///
/// Iterative deepening on the number of moves; see the module documentation of `order`. Up to
/// [`SEARCH_LIMIT`] units the tables are sized for them; up to [`MOVES_LIMIT`] (for
/// [`super::moves_lower_bound`]) for 64 units. Both run the same search step for step.
///
/// Lower bound when the budget runs out: an iteration with bound `b` that completes without
/// finding an order has explored every labeling whose moves can stay within `b`, and cut each
/// other one at a proven lower bound on its final moves (the `lb` of a labeling over the bound,
/// `b + 1` for a failure-table hit or a failed exact completion check), cutting nothing else
/// but infeasible prefixes and labelings or orders dominated by one kept (an earlier last
/// kept unit with no more moves, a twin placed first). So no order has fewer moves than the
/// smallest such cut, which is the next iteration's bound. The bound of the interrupted
/// iteration is therefore proven (the first iteration's, 0, trivially).
pub(super) fn fewest_moves(plan: &Plan<'_>, goal: Goal, upper: Option<u32>, budget: u64) -> Fewest {
    if plan.units.len() <= SEARCH_LIMIT {
        fewest_moves_in::<{ SEARCH_LIMIT + 1 }>(plan, goal, upper, budget)
    } else {
        fewest_moves_in::<{ MOVES_LIMIT + 1 }>(plan, goal, upper, budget)
    }
}

/// [`fewest_moves`] with tables of `N` entries: at least one more than the units.
pub(super) fn fewest_moves_in<const N: usize>(
    plan: &Plan<'_>,
    goal: Goal,
    upper: Option<u32>,
    budget: u64,
) -> Fewest {
    let Some(mut s) = Search::<N>::new(plan, goal, budget) else {
        return Fewest::Impossible;
    };
    let root = root::<N>();
    loop {
        s.next_bound = INF;
        s.path.clear();
        if s.dfs(START, &root) {
            return Fewest::Found(s.path);
        }
        if s.steps > s.budget {
            return Fewest::OutOfBudget { at_least: s.bound };
        }
        if s.next_bound >= INF
            || s.bound >= plan.items.len() as u32
            || upper.is_some_and(|u| s.bound >= u)
        {
            return Fewest::Impossible;
        }
        s.bound = s.next_bound;
    }
}

/// An order meeting `goal` with fewer than `than` moves, searched downwards within `budget`
/// search nodes: one depth-first iteration of the search with bound `than - 1`; when it finds
/// an order with `m` moves, another with bound `m - 1`, and so on until an iteration fails (it
/// then proves that no order has fewer moves than the last one found) or the budget runs out.
/// Stops early once an order has `floor` moves (a proven lower bound, 0 if none). Returns the
/// last order found, with its moves, if any.
///
/// Each iteration finds the lexicographically smallest order within its bound when it finds
/// one (the search cuts only prefixes that cannot be completed within the bound and orders
/// with a lexicographically smaller twin that keeps as much), so an order found whose moves
/// equal a proven lower bound is the exact answer. The failure table carries over from one
/// iteration to the next: a failure with `r` moves to spare holds whatever the bound.
pub(super) fn fewer_moves(
    plan: &Plan<'_>,
    goal: Goal,
    than: u32,
    floor: u32,
    budget: u64,
) -> Option<(Vec<usize>, u32)> {
    if plan.units.len() <= SEARCH_LIMIT {
        fewer_moves_in::<{ SEARCH_LIMIT + 1 }>(plan, goal, than, floor, budget)
    } else if plan.units.len() <= MOVES_LIMIT {
        fewer_moves_in::<{ MOVES_LIMIT + 1 }>(plan, goal, than, floor, budget)
    } else {
        None
    }
}

/// [`fewer_moves`] with tables of `N` entries: at least one more than the units.
fn fewer_moves_in<const N: usize>(
    plan: &Plan<'_>,
    goal: Goal,
    than: u32,
    floor: u32,
    budget: u64,
) -> Option<(Vec<usize>, u32)> {
    let mut s = Search::<N>::new(plan, goal, budget)?;
    let root = root::<N>();
    let mut best = None;
    let mut than = than;
    while than > floor && s.steps < s.budget {
        s.bound = than - 1;
        s.path.clear();
        if !s.dfs(START, &root) {
            break;
        }
        let m = super::moves_of_units(plan, &s.path);
        // Within the bound by construction; checked so that the answer is never worse (and
        // without a panic: the derive runs this with debug assertions on).
        if m >= than {
            break;
        }
        best = Some((s.path.clone(), m));
        than = m;
    }
    best
}

/// The empty prefix: no unit placed.
const START: State = State {
    mask: 0,
    pos: 0,
    end: 0,
    placed: 0,
};

/// The labelings of the empty prefix: no move, no unit kept.
fn root<const N: usize>() -> [u32; N] {
    let mut root = [INF; N];
    root[0] = 0;
    root
}

/// The search. Hot loops are plain indexed loops: the derive macro runs this in an
/// unoptimised proc-macro build, where iterator adapters cost a call per step.
struct Search<'a, 'p, const N: usize> {
    plan: &'a Plan<'p>,
    k: usize,
    /// Per unit: fields (its weight in moves), size, largest and first alignment.
    weight: [u32; N],
    size: [u64; N],
    align: [u64; N],
    len: [usize; N],
    first_align: [u64; N],
    /// Units that are a single field.
    single: u64,
    /// Largest allowed end offset (the goal size).
    max_end: u64,
    /// Largest allowed total padding: `max_end - sum of sizes`.
    pad_max: u64,
    hot_mask: u64,
    hot_on: bool,
    max_hot_lines: u64,
    /// Whether pins or a hot block restrict positions.
    positional: bool,
    /// Units identical to the unit declared just before them (single free fields of the same
    /// size and alignment, same hot flag): placed only after it. Swapping such a pair never
    /// shortens the longest kept subsequence and makes the order lexicographically smaller.
    twin: u64,
    memo: FailMemo,
    path: Vec<usize>,
    /// Moves allowed in this iteration.
    bound: u32,
    /// Search nodes visited, and the most allowed.
    steps: u64,
    budget: u64,
    /// The smallest lower bound above `bound` met in this iteration.
    next_bound: u32,
}

impl<'a, 'p, const N: usize> Search<'a, 'p, N> {
    /// The search for orders meeting `goal` within `budget` nodes (bound 0 to start with), or
    /// `None` if the units' sizes alone exceed the goal.
    fn new(plan: &'a Plan<'p>, goal: Goal, budget: u64) -> Option<Self> {
        let k = plan.units.len();
        assert!(k < N && k <= MOVES_LIMIT);
        let pad_max = goal.max_size.checked_sub(plan.total)?;
        let mut s = Search {
            plan,
            k,
            weight: [0; N],
            size: [0; N],
            align: [1; N],
            len: [0; N],
            first_align: [1; N],
            single: 0,
            max_end: goal.max_size,
            pad_max,
            hot_mask: 0,
            hot_on: plan.hot_len > 0,
            max_hot_lines: goal.max_hot_lines,
            positional: plan.hot_len > 0 || plan.units.iter().any(|u| u.pinned),
            twin: 0,
            memo: FailMemo::new(),
            path: Vec::with_capacity(k),
            bound: 0,
            next_bound: INF,
            steps: 0,
            budget,
        };
        for (u, unit) in plan.units.iter().enumerate() {
            s.weight[u] = unit.len as u32;
            s.size[u] = unit.size;
            s.align[u] = unit.align;
            s.len[u] = unit.len;
            s.first_align[u] = unit.first_align;
            if unit.len == 1 {
                s.single |= 1 << u;
            }
            if unit.hot {
                s.hot_mask |= 1 << u;
            }
        }
        for u in 1..k {
            let (a, b) = (&plan.units[u - 1], &plan.units[u]);
            if a.len == 1
                && b.len == 1
                && !a.pinned
                && !b.pinned
                && a.hot == b.hot
                && a.size == b.size
                && a.align == b.align
            {
                s.twin |= 1 << u;
            }
        }
        Some(s)
    }
}

impl<const N: usize> Search<'_, '_, N> {
    /// The state after placing unit `u`, if that stays within the goal (pins and hot block,
    /// padding, size, hot lines).
    #[inline]
    fn step(&self, st: State, u: usize) -> Option<State> {
        if self.positional && !self.plan.can_place(u, st.pos) {
            return None;
        }
        let end = if self.single & (1 << u) != 0 {
            let a = self.align[u] - 1;
            if st.end > u64::MAX - a {
                return None;
            }
            let start = (st.end + a) & !a;
            if start > u64::MAX - self.size[u] {
                return None;
            }
            start + self.size[u]
        } else {
            self.plan.place(u, st.end)?
        };
        let placed = st.placed + self.size[u];
        if end > self.max_end || end - placed > self.pad_max {
            return None;
        }
        let mask = st.mask | (1 << u);
        if self.hot_on && mask == self.hot_mask && self.plan.lines(end) > self.max_hot_lines {
            return None;
        }
        Some(State {
            mask,
            pos: st.pos + self.len[u],
            end,
            placed,
        })
    }

    /// Whether this state can be completed with at most `spare` (0 or 1) moves beyond the
    /// forced ones, for labeling `j` (the last kept unit is `j - 1`, none if `j == 0`): the
    /// unplaced units declared after it must all be kept, in declared order, except at most
    /// `spare` of them, while the unplaced units declared before it (the forced moves) and the
    /// spared one go anywhere. Exact; answers `true` (no information) when there are too many
    /// forced units for the table.
    fn rest_feasible(&self, st: State, j: usize, spare: u32) -> bool {
        let limit = if spare == 0 {
            FREE_MAX
        } else {
            ONE_SPARE_FORCED
        };
        let mut rest = [0usize; N];
        let mut nrest = 0;
        let mut free = [0usize; FREE_MAX];
        let mut nfree = 0;
        let mut u = 0;
        while u < self.k {
            if st.mask & (1 << u) == 0 {
                if j == 0 || u >= j {
                    rest[nrest] = u;
                    nrest += 1;
                } else if nfree == limit {
                    return true;
                } else {
                    free[nfree] = u;
                    nfree += 1;
                }
            }
            u += 1;
        }
        if self.interleave(st, &rest[..nrest], &free[..nfree]) {
            return true;
        }
        if spare == 0 {
            return false;
        }
        let mut others = [0usize; N];
        let mut x = 0;
        while x < nrest {
            let mut i = 0;
            let mut n = 0;
            while i < nrest {
                if i != x {
                    others[n] = rest[i];
                    n += 1;
                }
                i += 1;
            }
            free[nfree] = rest[x];
            if self.interleave(st, &others[..n], &free[..=nfree]) {
                return true;
            }
            x += 1;
        }
        false
    }

    /// Whether `rest` (in this order) and `free` (in any order, anywhere) can complete the state
    /// within the goal: a dynamic program over (prefix of `rest`, subset of `free`) keeping the
    /// smallest end offset, which dominates.
    fn interleave(&self, st: State, rest: &[usize], free: &[usize]) -> bool {
        const W: usize = 1 << FREE_MAX;
        let subsets = 1usize << free.len();
        // Placed mask, positions and sizes of each subset of `free`.
        let mut sub_mask = [0u64; W];
        let mut sub_pos = [0usize; W];
        let mut sub_size = [0u64; W];
        let mut s = 1;
        while s < subsets {
            let (f, prev) = (free[s.trailing_zeros() as usize], s & (s - 1));
            sub_mask[s] = sub_mask[prev] | 1 << f;
            sub_pos[s] = sub_pos[prev] + self.len[f];
            sub_size[s] = sub_size[prev] + self.size[f];
            s += 1;
        }
        // row[s] (valid where bit s of `valid` is set): the smallest end offset with a prefix
        // of `rest` and the subset s of `free` placed; `next` for the prefix one longer.
        let mut row = [0u64; W];
        let mut next = [0u64; W];
        let (mut valid, mut next_valid) = (1u32, 0u32);
        row[0] = st.end;
        let mut base = st;
        let mut i = 0;
        loop {
            if valid == 0 {
                return false;
            }
            let mut s = 0;
            while s < subsets {
                if valid & (1 << s) != 0 {
                    let cur = State {
                        mask: base.mask | sub_mask[s],
                        pos: base.pos + sub_pos[s],
                        end: row[s],
                        placed: base.placed + sub_size[s],
                    };
                    if i < rest.len()
                        && let Some(to) = self.step(cur, rest[i])
                        && (next_valid & (1 << s) == 0 || to.end < next[s])
                    {
                        next[s] = to.end;
                        next_valid |= 1 << s;
                    }
                    let mut t = 0;
                    while t < free.len() {
                        let s2 = s | 1 << t;
                        if s2 != s
                            && let Some(to) = self.step(cur, free[t])
                            && (valid & (1 << s2) == 0 || to.end < row[s2])
                        {
                            row[s2] = to.end;
                            valid |= 1 << s2;
                        }
                        t += 1;
                    }
                }
                s += 1;
            }
            if i == rest.len() {
                return valid & (1 << (subsets - 1)) != 0;
            }
            let u = rest[i];
            base.mask |= 1 << u;
            base.pos += self.len[u];
            base.placed += self.size[u];
            core::mem::swap(&mut row, &mut next);
            valid = next_valid;
            next_valid = 0;
            i += 1;
        }
    }

    /// Whether the prefix `path` (state `st`) extends to a complete order within `bound` moves;
    /// on success `path` holds it. `v[0]`: moves so far if no unit is kept yet; `v[j + 1]`:
    /// fewest moves so far with unit `j` the last kept one (`INF` if impossible).
    fn dfs(&mut self, st: State, v: &[u32; N]) -> bool {
        let k = self.k;
        if st.pos == self.plan.items.len() {
            return true;
        }
        self.steps += 1;
        if self.steps > self.budget {
            return false;
        }
        // below[u]: weight of the unplaced units declared before u (all moved if u is the last
        // kept unit); and the smallest first alignment among the unplaced units.
        let mut below = [0u32; N];
        let mut acc = 0;
        let mut min_first_align = u64::MAX;
        let mut u = 0;
        while u < k {
            below[u] = acc;
            if st.mask & (1 << u) == 0 {
                acc += self.weight[u];
                if self.first_align[u] < min_first_align {
                    min_first_align = self.first_align[u];
                }
            }
            u += 1;
        }
        let pad = st.end - st.placed;
        // The next unit pads to at least its first field's alignment.
        let unavoidable = st.end.wrapping_neg() & (min_first_align - 1);
        if pad.saturating_add(unavoidable) > self.pad_max {
            return false;
        }
        // Live labelings: within the bound, and not dominated by an earlier last kept unit
        // with no more moves (which has every continuation the later one has, at no more cost).
        // Those with no spare move must keep every remaining unit declared after them, in order,
        // with the forced ones interleaved (with one spare move: all but one): checked exactly.
        // A bit per labeling j in 0..=k: up to 65 of them.
        let mut live = 0u128;
        let mut excess = INF;
        let mut best_before = INF;
        let mut j = 0;
        while j <= k {
            if v[j] < best_before {
                best_before = v[j];
                let lb = v[j] + if j == 0 { 0 } else { below[j - 1] };
                if lb > self.bound {
                    excess = excess.min(lb);
                } else if self.memo.failed(st.mask, j, self.bound - v[j], pad) {
                    excess = excess.min(self.bound + 1);
                } else if self.bound - lb <= 1 && !self.rest_feasible(st, j, self.bound - lb) {
                    self.memo.insert(st.mask, j, self.bound - v[j], pad);
                    excess = excess.min(self.bound + 1);
                } else {
                    live |= 1u128 << j;
                }
            }
            j += 1;
        }
        if live == 0 {
            self.next_bound = self.next_bound.min(excess);
            return false;
        }
        // keep[u]: fewest moves so far if u is kept next (the last kept unit declared before u).
        let mut keep = [INF; N];
        let mut run = v[0];
        u = 0;
        while u < k {
            keep[u] = run;
            run = run.min(v[u + 1]);
            u += 1;
        }
        u = 0;
        while u < k {
            let bit = 1u64 << u;
            let skip = st.mask & bit != 0 || (self.twin & bit != 0 && st.mask & (bit >> 1) == 0);
            if !skip && let Some(next) = self.step(st, u) {
                let w = self.weight[u];
                let mut v2 = [INF; N];
                let mut j = 0;
                while j <= k {
                    if v[j] < INF {
                        v2[j] = v[j] + w;
                    }
                    j += 1;
                }
                v2[u + 1] = keep[u];
                self.path.push(u);
                if self.dfs(next, &v2) {
                    return true;
                }
                self.path.pop();
            }
            u += 1;
        }
        let mut bits = live;
        while bits != 0 {
            let j = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            self.memo.insert(st.mask, j, self.bound - v[j], pad);
        }
        false
    }
}

/// Failed search states: with the units of `mask` placed, `j` the last kept one (0: none, else
/// unit `j - 1`) and padding `pad`, no completion uses at most `r` more moves. A failure also
/// holds for a later last kept unit, a smaller budget and more padding, so a query
/// `(mask, j', r', pad')` is answered by any point with `j <= j'`, `r >= r'`, `pad <= pad'`.
/// An open-addressing hash table from `mask` to a linked list of points.
struct FailMemo {
    keys: Vec<u64>,
    heads: Vec<u32>,
    points: Vec<Point>,
    len: usize,
}

#[derive(Clone, Copy)]
struct Point {
    j: u32,
    r: u32,
    pad: u64,
    next: u32,
}

/// No key: the full set, never looked up (a complete order ends the search first).
const EMPTY: u64 = u64::MAX;
const END: u32 = u32::MAX;

impl FailMemo {
    fn new() -> Self {
        FailMemo {
            keys: vec![EMPTY; 16],
            heads: vec![END; 16],
            points: Vec::new(),
            len: 0,
        }
    }

    fn slot(&self, key: u64) -> usize {
        let bits = self.keys.len().trailing_zeros();
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        while self.keys[i] != EMPTY && self.keys[i] != key {
            i = (i + 1) & (self.keys.len() - 1);
        }
        i
    }

    fn head(&self, mask: u64) -> u32 {
        let i = self.slot(mask);
        if self.keys[i] == EMPTY {
            END
        } else {
            self.heads[i]
        }
    }

    fn covered(&self, mut p: u32, j: u32, r: u32, pad: u64) -> bool {
        while p != END {
            let pt = self.points[p as usize];
            if pt.j <= j && pt.r >= r && pt.pad <= pad {
                return true;
            }
            p = pt.next;
        }
        false
    }

    /// Whether labeling `j` of the state with `r` moves left at padding `pad` is known to fail.
    fn failed(&self, mask: u64, j: usize, r: u32, pad: u64) -> bool {
        self.len != 0 && self.covered(self.head(mask), j as u32, r, pad)
    }

    fn insert(&mut self, mask: u64, j: usize, r: u32, pad: u64) {
        if self.covered(self.head(mask), j as u32, r, pad) {
            return;
        }
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let i = self.slot(mask);
        if self.keys[i] == EMPTY {
            self.keys[i] = mask;
            self.len += 1;
        }
        self.points.push(Point {
            j: j as u32,
            r,
            pad,
            next: self.heads[i],
        });
        self.heads[i] = (self.points.len() - 1) as u32;
    }

    fn grow(&mut self) {
        let cap = self.keys.len() * 2;
        let keys = core::mem::replace(&mut self.keys, vec![EMPTY; cap]);
        let heads = core::mem::replace(&mut self.heads, vec![END; cap]);
        for (key, head) in keys.into_iter().zip(heads) {
            if key != EMPTY {
                let i = self.slot(key);
                self.keys[i] = key;
                self.heads[i] = head;
            }
        }
    }
}

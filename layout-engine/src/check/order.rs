//! A field order for a report built during constant evaluation, where the engine's search
//! (`order::suggest`, which allocates) cannot run.
//!
//! It follows the engine's priorities and tie-break (see the engine's `order` module): the hot block spans
//! the fewest cache lines, then the struct is as small as possible, then the fewest fields move,
//! then the lexicographically smallest sequence of declared indices. Every search here counts
//! its work in steps (loop iterations) against a fixed budget ([`REPORT_STEPS`] per report), so
//! the answer is the same on every machine and constant evaluation stays far below the
//! compiler's `long_running_const_eval` limit (a deny-by-default lint after about two million
//! interpreted calls and loop iterations, which would replace the report by an error that
//! says nothing about the struct).
//!
//! 1. **A heuristic order**: pinned fields at their index, the hot fields first by decreasing
//!    alignment, the others keeping a declared prefix and then sorted by alignment (each prefix
//!    length up to [`PREFIX_FIELDS`] fields, both directions). Without pins it always reaches
//!    the lower bounds (the hot fields without padding, and the minimum size): after the hot
//!    block, the rest by increasing alignment ends as early as any order can.
//! 2. **The goal** (hot lines, size): the heuristic's when it reaches the lower bounds; with
//!    pins otherwise, a dynamic program over sets of placed fields that keeps the smallest end
//!    of each (`2^n * n` steps, run up to [`SUBSET_FIELDS`] fields): it finds the fewest hot
//!    lines and then the smallest size exactly. Beyond it, when the heuristic's hot lines are
//!    the fewest possible, a binary search over sizes, each a search of step 3 for any order
//!    of that size, within half the steps left. Where neither ends, the best size found
//!    stands, and the order says so ([`Order::size_proven`]).
//! 3. **Fewest moves**: depth-first searches over order prefixes, children in increasing
//!    declared index, cut when the padding exceeds what the goal allows, when the hot block
//!    ends too late, when a pin or the hot block is not honoured, or when the prefix's longest
//!    kept subsequence cannot grow enough (the bound of patience sorting: a kept sequence of
//!    length `l` ending at `t` can at most gain the unplaced fields declared after `t`).
//!    Identical fields declared next to each other are placed in declared order (swapping two
//!    never moves more), and a table of failed prefixes (`Search`) cuts a prefix whose
//!    fields, padding and moves to spare failed before. The first search allows as many moves
//!    as the best order known, for the lexicographically smallest order with as few; each order
//!    found lowers the bound to one fewer move. The first search to end without an order proves
//!    the last one found: the fewest moves, and the lexicographically smallest order with them,
//!    as the engine's ([`Order::moves_proven`]). A search cut by the budget keeps the best order
//!    found; above [`SEARCH_FIELDS`] fields the heuristic's order stands.
//!
//! Measured against the engine on random structs of common field types, with and without pins
//! and hot fields (the tests below print it), for a report that compares one layout (most do):
//! the size and hot lines are proven, and the engine's, for every struct up to 64 fields; the
//! order is proven and is the engine's for every struct up to 12 fields, more than 99% of
//! 13-16, about three quarters of 17-24 (an eighth of them get an order that moves more
//! fields than the engine's), few above (most move more: the engine's heuristic is better
//! there). The report says when an order is not proven. At most a second or two of constant
//! evaluation per report; in the worst cases tried the lint fired from about 700,000 steps.

use crate::{FieldLayout, round_up};

/// Steps one report may spend on orders, shared by the distinct layouts it compares. A step is
/// a loop iteration of a search here, about three interpreted calls and branches: the lint
/// fired from about 700,000 steps in the worst cases tried (64 fields), so this leaves it
/// almost five times the room, with the rest of the report.
pub const REPORT_STEPS: u64 = 150_000;

/// Fields up to which the dynamic program finds the best size under pins.
pub const SUBSET_FIELDS: usize = 12;

/// Fields (those neither pinned nor hot) up to which the heuristic tries every declared prefix;
/// above, only none and all of them.
pub const PREFIX_FIELDS: usize = 24;

/// Fields up to which the fewest-moves search runs: it recurses once per field, and constant
/// evaluation allows a call depth of about the crate's `recursion_limit` (128 by default).
pub const SEARCH_FIELDS: usize = 64;

const NONE: usize = usize::MAX;

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
    /// Whether no order honouring the pins and the hot block spans fewer hot lines or, with as
    /// many, is smaller.
    pub size_proven: bool,
    /// Whether no order of this size and hot lines moves fewer fields (and this is the
    /// lexicographically smallest of those that move as few): the engine's answer.
    pub moves_proven: bool,
}

impl<const N: usize> Order<N> {
    /// The order as a slice.
    pub const fn as_slice(&self) -> &[usize] {
        self.order.split_at(self.len).0
    }

    /// Whether the order is proven to be the one the engine's exact search gives.
    pub const fn proven(&self) -> bool {
        self.size_proven && self.moves_proven
    }

    /// No fields.
    pub const EMPTY: Order<N> = Order {
        order: [0; N],
        len: 0,
        size: 0,
        moved: 0,
        size_proven: true,
        moves_proven: true,
    };
}

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
        end = match place(end, f) {
            Some(e) => e,
            None => return u64::MAX,
        };
        i += 1;
    }
    match round_up(end, align) {
        Some(s) => s,
        None => u64::MAX,
    }
}

/// The end of `f` placed at the first offset from `start` its alignment allows.
const fn place(start: u64, f: &FieldLayout) -> Option<u64> {
    match round_up(start, f.align) {
        Some(o) => o.checked_add(f.size),
        None => None,
    }
}

/// `order.len()` minus its longest increasing subsequence (patience sorting, `O(n log n)`);
/// `order` has at most `N` entries.
const fn moves<const N: usize>(order: &[usize]) -> usize {
    let mut tails = [0usize; N];
    let mut len = 0;
    let mut i = 0;
    while i < order.len() {
        len = extend(&mut tails, len, order[i]).0;
        i += 1;
    }
    order.len() - len
}

/// Patience sorting: `tails[l]` is the smallest last value of an increasing subsequence of
/// length `l + 1` so far; adds `x` and returns the new length and the length of the longest
/// increasing subsequence ending at `x`.
const fn extend<const N: usize>(tails: &mut [usize; N], len: usize, x: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if tails[mid] < x {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    tails[lo] = x;
    (if lo == len { len + 1 } else { len }, lo + 1)
}

/// The pins and the hot block, the rules every order must honour (as the engine's plan).
struct Rules<'a, const N: usize> {
    fields: &'a [FieldLayout],
    n: usize,
    min_align: u64,
    /// `pinned[i]`: field `i` stays at position `i`.
    pinned: [bool; N],
    hot: [bool; N],
    /// Number of hot fields: positions below it take hot fields only.
    hot_len: usize,
    cache_line: u64,
}

impl<'a, const N: usize> Rules<'a, N> {
    const fn new(
        fields: &'a [FieldLayout],
        min_align: u64,
        pinned: &[usize],
        hot: &[usize],
        cache_line: u64,
    ) -> Self {
        let n = if fields.len() < N { fields.len() } else { N };
        let mut r = Rules {
            fields,
            n,
            min_align,
            pinned: [false; N],
            hot: [false; N],
            hot_len: 0,
            cache_line: if cache_line == 0 { 1 } else { cache_line },
        };
        let mut i = 0;
        while i < pinned.len() {
            if pinned[i] < n {
                r.pinned[pinned[i]] = true;
            }
            i += 1;
        }
        let mut i = 0;
        while i < hot.len() {
            if hot[i] < n && !r.hot[hot[i]] {
                r.hot[hot[i]] = true;
                r.hot_len += 1;
            }
            i += 1;
        }
        r
    }

    /// Whether field `f` may stand at position `pos`.
    const fn allows(&self, f: usize, pos: usize) -> bool {
        if self.hot_len > 0 && self.hot[f] != (pos < self.hot_len) {
            return false;
        }
        if self.pinned[pos] {
            f == pos
        } else {
            !self.pinned[f]
        }
    }

    /// Cache lines spanned by a hot block ending at `end` (0 without hot fields).
    const fn lines(&self, end: u64) -> u64 {
        if self.hot_len == 0 {
            0
        } else {
            end.div_ceil(self.cache_line)
        }
    }

    /// The struct alignment.
    const fn align(&self) -> u64 {
        let mut a = self.min_align;
        let mut i = 0;
        while i < self.n {
            if self.fields[i].align > a {
                a = self.fields[i].align;
            }
            i += 1;
        }
        a
    }

    /// The total of the field sizes, the smallest size any order can have, and the end of the
    /// hot fields without padding (lower bounds), or `None` on overflow.
    const fn floors(&self) -> Option<(u64, u64, u64)> {
        let (mut total, mut hot_total) = (0u64, 0u64);
        let mut i = 0;
        while i < self.n {
            total = match total.checked_add(self.fields[i].size) {
                Some(t) => t,
                None => return None,
            };
            if self.hot[i] {
                hot_total += self.fields[i].size;
            }
            i += 1;
        }
        match round_up(total, self.align()) {
            Some(min) => Some((total, min, hot_total)),
            None => None,
        }
    }

    /// The size and hot block end of `order`, or `None` if it breaks a rule or overflows.
    const fn evaluate(&self, order: &[usize]) -> Option<(u64, u64)> {
        let (mut end, mut hot_end) = (0u64, 0u64);
        let mut pos = 0;
        while pos < order.len() {
            let f = order[pos];
            if !self.allows(f, pos) {
                return None;
            }
            end = match place(end, &self.fields[f]) {
                Some(e) => e,
                None => return None,
            };
            pos += 1;
            if pos == self.hot_len {
                hot_end = end;
            }
        }
        match round_up(end, self.align()) {
            Some(size) => Some((size, hot_end)),
            None => None,
        }
    }

    /// `order` as an [`Order`], if it honours the rules.
    const fn order(&self, order: [usize; N]) -> Option<(Order<N>, u64)> {
        let (slice, _) = order.split_at(self.n);
        match self.evaluate(slice) {
            Some((size, hot_end)) => Some((
                Order {
                    order,
                    len: self.n,
                    size,
                    moved: moves::<N>(slice),
                    size_proven: false,
                    moves_proven: false,
                },
                self.lines(hot_end),
            )),
            None => None,
        }
    }
}

/// The suggested order for `fields` (see the [module documentation](self)), within `steps`
/// steps; `N` must be at least `fields.len()`.
pub const fn suggest<const N: usize>(
    fields: &[FieldLayout],
    min_align: u64,
    pinned: &[usize],
    hot: &[usize],
    cache_line: u64,
    steps: u64,
) -> Order<N> {
    let rules = Rules::<N>::new(fields, min_align, pinned, hot, cache_line);
    if rules.n == 0 {
        return Order::EMPTY;
    }
    let mut steps = Steps::new(steps);
    let Some((total, min_size, hot_total)) = rules.floors() else {
        return declared(&rules);
    };
    let heuristic = by_heuristic(&rules);
    let (best, lines) = match heuristic {
        Some((mut o, lines)) if o.size == min_size && lines == rules.lines(hot_total) => {
            // At the lower bounds: nothing is better.
            o.size_proven = true;
            (o, lines)
        }
        _ => match by_subsets(&rules, &mut steps) {
            Some((mut o, lines)) => {
                o.size_proven = true;
                (o, lines)
            }
            None => match heuristic {
                Some((o, lines)) => (
                    by_search(&rules, o, lines, total, min_size, hot_total, &mut steps),
                    lines,
                ),
                None => return declared(&rules),
            },
        },
    };
    fewest_moves(&rules, best, total, lines, &mut steps)
}

/// Above [`SUBSET_FIELDS`] fields (or out of steps for the subsets), the smallest size with
/// the heuristic's hot lines, when those are the fewest possible: a binary search over sizes
/// (multiples of the struct alignment), each a depth-first search of step 3 for any order of
/// that size, within half the steps left. Proven when it ends within them.
const fn by_search<const N: usize>(
    rules: &Rules<'_, N>,
    mut best: Order<N>,
    lines: u64,
    total: u64,
    min_size: u64,
    hot_total: u64,
    steps: &mut Steps,
) -> Order<N> {
    if lines != rules.lines(hot_total) || rules.n > SEARCH_FIELDS {
        return best;
    }
    let a = rules.align();
    let share = steps.left / 2;
    let mut part = Steps::new(share);
    let (mut lo, mut hi) = (min_size / a, best.size / a);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut search = Search::new(rules, mid * a - total, lines);
        match search.run(rules.n, &mut part) {
            Some(order) => {
                best = search.found(best, order, false);
                hi = best.size / a;
            }
            None if part.out => break,
            None => lo = mid + 1,
        }
    }
    steps.left -= share - part.left;
    best.size_proven = !part.out;
    best
}

/// The declared order, unproven: what is reported when no search could run (a size overflows,
/// or no order honours the rules).
const fn declared<const N: usize>(rules: &Rules<'_, N>) -> Order<N> {
    let mut order = [0usize; N];
    let mut i = 0;
    while i < rules.n {
        order[i] = i;
        i += 1;
    }
    let (slice, _) = order.split_at(rules.n);
    Order {
        order,
        len: rules.n,
        size: size_in_order(rules.fields, slice, rules.min_align),
        moved: 0,
        size_proven: false,
        moves_proven: false,
    }
}

/// A step counter against a fixed budget.
struct Steps {
    left: u64,
    out: bool,
}

impl Steps {
    const fn new(budget: u64) -> Self {
        Steps {
            left: budget,
            out: false,
        }
    }

    /// Takes `n` steps; `false` (and out of steps from then on) when fewer are left.
    const fn take(&mut self, n: u64) -> bool {
        if self.out || self.left < n {
            self.out = true;
            return false;
        }
        self.left -= n;
        true
    }
}

/// The heuristic order (step 1 of the module documentation) with its hot lines, or `None` when
/// none of its candidates honours the rules.
const fn by_heuristic<const N: usize>(rules: &Rules<'_, N>) -> Option<(Order<N>, u64)> {
    let n = rules.n;
    // The hot fields (sorted by decreasing alignment) and the rest, in declared order.
    let mut hot_seq = [0usize; N];
    let mut h = 0;
    let mut rest = [0usize; N];
    let mut r = 0;
    let mut i = 0;
    while i < n {
        if rules.pinned[i] {
        } else if rules.hot[i] {
            hot_seq[h] = i;
            h += 1;
        } else {
            rest[r] = i;
            r += 1;
        }
        i += 1;
    }
    sort_by_align(&mut hot_seq, h, rules.fields, false);
    // Positions in `rest` sorted by alignment, decreasing and increasing.
    let mut down = [0usize; N];
    let mut i = 0;
    while i < r {
        down[i] = rest[i];
        i += 1;
    }
    let mut up = down;
    sort_by_align(&mut down, r, rules.fields, false);
    sort_by_align(&mut up, r, rules.fields, true);

    let mut best: Option<(Order<N>, u64)> = None;
    let mut keep = 0;
    while keep <= r {
        if r <= PREFIX_FIELDS || keep == 0 || keep == r {
            let mut dir = 0;
            while dir < 2 {
                let sorted = if dir == 0 { &down } else { &up };
                // The sequence: the kept prefix, then the others in sorted order.
                let mut seq = rest;
                let mut s = keep;
                let mut j = 0;
                while j < r {
                    // `rest` is ascending, so a field is past the prefix when above its end.
                    if keep == 0 || sorted[j] > rest[keep - 1] {
                        seq[s] = sorted[j];
                        s += 1;
                    }
                    j += 1;
                }
                // Pins where declared, then hot fields, then the sequence.
                let mut order = [0usize; N];
                let (mut hi, mut si) = (0, 0);
                let mut p = 0;
                while p < n {
                    if rules.pinned[p] {
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
                if let Some((o, lines)) = rules.order(order)
                    && better(&o, lines, &best)
                {
                    best = Some((o, lines));
                }
                dir += 1;
            }
        }
        keep += 1;
    }
    best
}

/// Whether `o` (with `lines` hot lines) beats `best`: fewer hot lines, then smaller, then fewer
/// moves.
const fn better<const N: usize>(o: &Order<N>, lines: u64, best: &Option<(Order<N>, u64)>) -> bool {
    match best {
        None => true,
        Some((b, bl)) => {
            lines < *bl
                || (lines == *bl && (o.size < b.size || (o.size == b.size && o.moved < b.moved)))
        }
    }
}

/// `items[..len]` stably sorted by the alignment of the fields they name, decreasing, or
/// increasing when `up`: one pass per distinct alignment (powers of two, so at most 64), as an
/// insertion sort is quadratic and structs of hundreds of fields reach constant evaluation.
const fn sort_by_align<const N: usize>(
    items: &mut [usize; N],
    len: usize,
    fields: &[FieldLayout],
    up: bool,
) {
    let mut present = 0u64;
    let mut i = 0;
    while i < len {
        let align = fields[items[i]].align;
        if !align.is_power_of_two() {
            // Never from a layout; left unsorted rather than losing a field.
            return;
        }
        present |= align;
        i += 1;
    }
    let source = *items;
    let mut out = 0;
    while present != 0 {
        let align = if up {
            present & present.wrapping_neg()
        } else {
            1 << (63 - present.leading_zeros())
        };
        present &= !align;
        let mut i = 0;
        while i < len {
            if fields[source[i]].align == align {
                items[out] = source[i];
                out += 1;
            }
            i += 1;
        }
    }
}

/// The fewest hot lines and then the smallest size under the rules, exactly, with an order that
/// reaches them (step 2 of the module documentation); `None` above [`SUBSET_FIELDS`] fields,
/// out of steps, or when no order honours the rules.
const fn by_subsets<const N: usize>(
    rules: &Rules<'_, N>,
    steps: &mut Steps,
) -> Option<(Order<N>, u64)> {
    let n = rules.n;
    if n > SUBSET_FIELDS || !steps.take((1u64 << n) * n as u64) {
        return None;
    }
    // Per set of placed fields, the smallest end and the field placed last to reach it. The
    // smallest end at the set of the hot fields is the hot block's, which is also the best
    // start for everything after it: so the fewest lines and then the smallest size.
    const STATES: usize = 1 << SUBSET_FIELDS;
    let mut end = [u64::MAX; STATES];
    let mut last = [u8::MAX; STATES];
    end[0] = 0;
    let full = (1usize << n) - 1;
    let mut mask = 0;
    while mask < full {
        if end[mask] != u64::MAX {
            let pos = mask.count_ones() as usize;
            let mut f = 0;
            while f < n {
                if mask & (1 << f) == 0
                    && rules.allows(f, pos)
                    && let Some(e) = place(end[mask], &rules.fields[f])
                {
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
    rules.order(order)
}

/// `best` (which reaches the goal: `lines` hot lines and its size) with the fewest moves the
/// searches of step 3 find within `steps`.
const fn fewest_moves<const N: usize>(
    rules: &Rules<'_, N>,
    mut best: Order<N>,
    total: u64,
    lines: u64,
    steps: &mut Steps,
) -> Order<N> {
    if rules.n > SEARCH_FIELDS {
        return best;
    }
    let mut search = Search::new(rules, best.size - total, lines);
    // Descending bounds: first the best order's moves (for the lexicographically smallest order
    // with as few), then one fewer than each order found, until a search finds none.
    let mut bound = best.moved;
    loop {
        match search.run(bound, steps) {
            Some(order) => {
                best = search.found(best, order, false);
                // Smaller or fewer hot lines than the goal (only where the goal is not proven):
                // the new goal.
                search.slack = best.size - total;
                if let Some((_, hot_end)) = rules.evaluate(best.as_slice())
                    && rules.hot_len > 0
                {
                    search.max_hot_end = rules.lines(hot_end).saturating_mul(rules.cache_line);
                }
                if best.moved == 0 {
                    best.moves_proven = true;
                    return best;
                }
                bound = best.moved - 1;
            }
            None => {
                // No order with `bound` moves: the last one found is the answer, unless the
                // budget ended the search or no search found one yet.
                best.moves_proven = !steps.out && bound < best.moved;
                return best;
            }
        }
    }
}

/// For each field, the field declared just before it when the two are interchangeable (same
/// size and alignment, both free to move, both hot or neither), or `NONE`. Swapping two such
/// fields into declared order never moves more fields; for fields declared further apart it
/// can (`1, 2, 3, 0` keeps three, `1, 0, 3, 2` two).
const fn twins<const N: usize>(rules: &Rules<'_, N>) -> [usize; N] {
    let mut twin = [NONE; N];
    let mut f = 1;
    while f < rules.n {
        let (a, b) = (&rules.fields[f], &rules.fields[f - 1]);
        if a.size == b.size
            && a.align == b.align
            && !rules.pinned[f]
            && !rules.pinned[f - 1]
            && rules.hot[f] == rules.hot[f - 1]
        {
            twin[f] = f - 1;
        }
        f += 1;
    }
    twin
}

/// The bound of patience sorting on the fields a prefix can still keep in place: a kept
/// sequence of length `l` ending at `tails[l - 1]` gains at most the unplaced fields declared
/// after it, so at most `max over l of (l + unplaced above tails[l - 1])` are kept (`l = 0`:
/// every unplaced field). Computed once per prefix, then in constant time for each field that
/// may come next (placing `f`, which patience sorting puts at `tails[p]`, takes `f` from the
/// terms up to `p`, adds the term `p + 1 + unplaced above f`, and leaves the later ones).
struct KeptBound<const N: usize> {
    /// Per declared index, the unplaced fields declared after it.
    above: [usize; N],
    /// `prefix[l]`: the largest term for `l' <= l`; `suffix[l]`: for `l' >= l`.
    prefix: [usize; N],
    suffix: [usize; N],
    len: usize,
}

impl<const N: usize> KeptBound<N> {
    /// The bound for a prefix with `placed` fields of `n` and patience `tails[..len]` (`len < n`,
    /// as some field is unplaced).
    const fn new(
        placed: &[bool; N],
        n: usize,
        tails: &[usize; N],
        len: usize,
        steps: &mut Steps,
    ) -> Self {
        let _ = steps.take((n + len) as u64);
        let mut b = KeptBound {
            above: [0; N],
            prefix: [0; N],
            suffix: [0; N],
            len,
        };
        let mut unplaced = 0;
        let mut x = n;
        while x > 0 {
            x -= 1;
            b.above[x] = unplaced;
            if !placed[x] {
                unplaced += 1;
            }
        }
        let mut l = 0;
        while l <= len {
            let term = if l == 0 {
                unplaced
            } else {
                l + b.above[tails[l - 1]]
            };
            b.prefix[l] = if l > 0 && b.prefix[l - 1] > term {
                b.prefix[l - 1]
            } else {
                term
            };
            b.suffix[l] = term;
            l += 1;
        }
        let mut l = len;
        while l > 0 {
            l -= 1;
            if b.suffix[l + 1] > b.suffix[l] {
                b.suffix[l] = b.suffix[l + 1];
            }
        }
        b
    }

    /// The most fields kept by any completion once `f` is placed next, patience sorting having
    /// put it at `tails[p]`.
    const fn most_kept_with(&self, f: usize, p: usize) -> usize {
        let mut most = self.prefix[p] - 1;
        let at_f = p + 1 + self.above[f];
        if at_f > most {
            most = at_f;
        }
        if p + 2 <= self.len && self.suffix[p + 2] > most {
            most = self.suffix[p + 2];
        }
        most
    }
}

/// Entries of the table of failed prefixes (a direct-mapped cache: a collision forgets).
const FAILED_SLOTS: usize = 1 << 10;

/// One depth-first search for the lexicographically smallest order reaching the goal with at
/// most `bound` moves.
///
/// A prefix's future depends on its set of placed fields, its end, and for each placed field
/// `j` how many moves the prefix needs when `j` is the last field kept in place (`ending[j]`:
/// the longest increasing subsequence ending at `j`): the fields after it must move unless they
/// are declared after `j`. So when every order from a prefix fails, what failed is, for each
/// `j`, "the rest cannot be done with `r_j` moves to spare" (`r_j = bound - placed + ending[j]`,
/// and `r` for no field kept), and a later prefix with the same set, as much padding or more and
/// no more to spare for any `j` fails too (the engine's failure table, in this form).
struct Search<'r, 'a, const N: usize> {
    rules: &'r Rules<'a, N>,
    /// The padding the goal size leaves.
    slack: u64,
    /// Where the hot block must end by.
    max_hot_end: u64,
    twin: [usize; N],
    placed: [bool; N],
    /// For each placed field, the longest increasing subsequence of the prefix ending at it.
    ending: [u8; N],
    /// The order being built; the order found when the search succeeds.
    seq: [usize; N],
    bound: usize,
    failed: Failed<N>,
}

/// Failed prefixes: set, padding, moves to spare with no field kept and with each field kept
/// last (fields not in the set: unused).
struct Failed<const N: usize> {
    sets: [u64; FAILED_SLOTS],
    pads: [u64; FAILED_SLOTS],
    spare_none: [i16; FAILED_SLOTS],
    spare: [[i16; N]; FAILED_SLOTS],
}

impl<'r, 'a, const N: usize> Search<'r, 'a, N> {
    /// A search for orders with at most `slack` bytes of padding and `lines` hot lines.
    const fn new(rules: &'r Rules<'a, N>, slack: u64, lines: u64) -> Self {
        Search {
            rules,
            slack,
            max_hot_end: lines.saturating_mul(rules.cache_line),
            twin: twins(rules),
            placed: [false; N],
            seq: [0; N],
            bound: rules.n,
            ending: [0; N],
            failed: Failed {
                sets: [u64::MAX; FAILED_SLOTS],
                pads: [0; FAILED_SLOTS],
                spare_none: [0; FAILED_SLOTS],
                spare: [[0; N]; FAILED_SLOTS],
            },
        }
    }

    /// The lexicographically smallest order reaching the goal with at most `bound` moves, if
    /// the search finds one within `steps`.
    const fn run(&mut self, bound: usize, steps: &mut Steps) -> Option<[usize; N]> {
        self.bound = bound;
        self.placed = [false; N];
        if self.dfs(0, 0, 0, 0, [0; N], 0, steps) {
            Some(self.seq)
        } else {
            None
        }
    }

    /// `order`, found by [`Search::run`], as the answer replacing `best`.
    const fn found(&self, mut best: Order<N>, order: [usize; N], proven: bool) -> Order<N> {
        best.order = order;
        best.moved = moves::<N>(best.as_slice());
        // At most the goal's size (smaller only if the goal was not proven smallest).
        if let Some((size, _)) = self.rules.evaluate(best.as_slice()) {
            best.size = size;
        }
        best.moves_proven = proven;
        best
    }

    const fn slot(set: u64) -> usize {
        (set.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FAILED_SLOTS.trailing_zeros())) as usize
    }

    /// Moves to spare at position `pos` with no field kept: `bound - pos` (negative: none).
    const fn spare_none(&self, pos: usize) -> i16 {
        self.bound as i16 - pos as i16
    }

    /// Whether the prefix of `set` at padding `pad` and position `pos` is known to fail.
    const fn known_to_fail(&self, set: u64, pad: u64, pos: usize, steps: &mut Steps) -> bool {
        let s = Self::slot(set);
        let f = &self.failed;
        if f.sets[s] != set || pad < f.pads[s] || self.spare_none(pos) > f.spare_none[s] {
            return false;
        }
        let _ = steps.take(self.rules.n as u64);
        let mut j = 0;
        while j < self.rules.n {
            if self.placed[j] && self.spare_none(pos) + self.ending[j] as i16 > f.spare[s][j] {
                return false;
            }
            j += 1;
        }
        true
    }

    /// Remembers that the prefix of `set` at padding `pad` and position `pos` failed.
    const fn remember_failure(&mut self, set: u64, pad: u64, pos: usize) {
        let s = Self::slot(set);
        self.failed.sets[s] = set;
        self.failed.pads[s] = pad;
        self.failed.spare_none[s] = self.spare_none(pos);
        let mut j = 0;
        while j < self.rules.n {
            self.failed.spare[s][j] = self.spare_none(pos) + self.ending[j] as i16;
            j += 1;
        }
    }

    /// Extends the prefix `seq[..pos]` (the fields of `set`, ending at `end`, their sizes
    /// summing to `filled`, with patience-sorting `tails[..len]`); `true` when an order is
    /// complete.
    #[allow(clippy::too_many_arguments)]
    const fn dfs(
        &mut self,
        pos: usize,
        set: u64,
        end: u64,
        filled: u64,
        tails: [usize; N],
        len: usize,
        steps: &mut Steps,
    ) -> bool {
        let rules = self.rules;
        if pos == rules.n {
            return true;
        }
        if self.known_to_fail(set, end - filled, pos, steps) {
            return false;
        }
        let kept = KeptBound::new(&self.placed, rules.n, &tails, len, steps);
        let mut f = 0;
        while f < rules.n {
            if !steps.take(1) {
                return false;
            }
            let free = !self.placed[f]
                && rules.allows(f, pos)
                && (self.twin[f] == NONE || self.placed[self.twin[f]]);
            if free && let Some(e) = place(end, &rules.fields[f]) {
                let filled = filled + rules.fields[f].size;
                let hot_ok =
                    rules.hot_len == 0 || pos + 1 != rules.hot_len || e <= self.max_hot_end;
                if e - filled <= self.slack && hot_ok {
                    let mut tails = tails;
                    let (len, ending) = extend(&mut tails, len, f);
                    self.ending[f] = ending as u8;
                    self.placed[f] = true;
                    self.seq[pos] = f;
                    if rules.n - kept.most_kept_with(f, ending - 1) <= self.bound
                        && self.dfs(pos + 1, set | 1 << f, e, filled, tails, len, steps)
                    {
                        return true;
                    }
                    self.placed[f] = false;
                    if steps.out {
                        return false;
                    }
                }
            }
            f += 1;
        }
        self.remember_failure(set, end - filled, pos);
        false
    }
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

    fn suggest_n<const N: usize>(
        fields: &[FieldLayout],
        pinned: &[usize],
        hot: &[usize],
    ) -> Order<N> {
        suggest::<N>(fields, 1, pinned, hot, 64, REPORT_STEPS)
    }

    #[test]
    fn t1_reaches_the_minimum_moving_one_field() {
        let fields = [f(1, 1), f(8, 8), f(2, 2)];
        let o = suggest_n::<3>(&fields, &[], &[]);
        assert_eq!((o.size, o.moved, o.proven()), (16, 1, true));
        // The lexicographically smallest of the one-move orders: `b` moved to the end.
        assert_eq!(o.as_slice(), [0, 2, 1]);
    }

    #[test]
    fn a_pin_is_kept_and_the_exact_search_finds_the_way_around_it() {
        // tag: u8 pinned first, payload: u64, crc: u32 -> tag, crc, payload = 16 bytes.
        let fields = [f(1, 1), f(8, 8), f(4, 4)];
        let o = suggest_n::<3>(&fields, &[0], &[]);
        assert_eq!(o.as_slice(), [0, 2, 1]);
        assert_eq!((o.size, o.proven()), (16, true));
    }

    #[test]
    fn hot_fields_come_first() {
        let fields = [f(48, 1), f(4, 4), f(4, 4), f(8, 8), f(64, 8)];
        let o = suggest_n::<5>(&fields, &[], &[2, 3]);
        let first: [usize; 2] = [o.order[0], o.order[1]];
        assert!(first == [2, 3] || first == [3, 2], "{:?}", o.as_slice());
        assert!(o.proven());
    }

    #[test]
    fn the_declared_order_at_the_minimum_moves_nothing() {
        let fields = [f(8, 8), f(4, 4), f(2, 2), f(1, 1), f(1, 1)];
        let o = suggest_n::<5>(&fields, &[], &[]);
        assert_eq!(
            (o.as_slice(), o.moved, o.proven()),
            (&[0, 1, 2, 3, 4][..], 0, true)
        );
    }

    /// Out of steps, the heuristic's order stands, reaching the minimum size, and says it is not
    /// proven.
    #[test]
    fn without_steps_the_heuristic_order_stands_unproven() {
        let fields = [
            f(1, 1),
            f(8, 8),
            f(2, 2),
            f(1, 1),
            f(4, 4),
            f(8, 8),
            f(2, 2),
        ];
        let o = suggest::<7>(&fields, 1, &[], &[], 64, 0);
        assert_eq!(o.size, 32);
        assert!(o.size_proven && !o.moves_proven);
        let proven = suggest_n::<7>(&fields, &[], &[]);
        assert!(proven.proven() && proven.moved <= o.moved);
    }

    /// Swapping identical fields declared apart can move more fields: the search must not
    /// assume it never does. `a, b: u32, c, d` with `a` and `c` identical `u8`s.
    #[test]
    fn only_identical_neighbours_are_kept_in_declared_order() {
        for (fields, pinned) in [
            (
                alloc::vec![f(1, 1), f(2, 2), f(1, 1), f(4, 4)],
                alloc::vec![],
            ),
            (
                alloc::vec![f(1, 1), f(4, 4), f(2, 2), f(1, 1), f(8, 8)],
                alloc::vec![],
            ),
            (
                alloc::vec![f(2, 2), f(1, 1), f(4, 4), f(2, 2), f(1, 1)],
                alloc::vec![2],
            ),
        ] {
            let o = suggest_n::<8>(&fields, &pinned, &[]);
            let brute = brute_force(&fields, &pinned);
            assert_eq!((o.size, o.moved), (brute.0, brute.1), "{fields:?}");
        }
    }

    /// Every permutation: the smallest size under the pins, then the fewest moves.
    fn brute_force(fields: &[FieldLayout], pinned: &[usize]) -> (u64, usize) {
        fn rec(
            fields: &[FieldLayout],
            pinned: &[usize],
            perm: &mut alloc::vec::Vec<usize>,
            best: &mut (u64, usize),
        ) {
            let n = fields.len();
            if perm.len() == n {
                let size = size_in_order(fields, perm, 1);
                let key = (size, moves::<16>(perm));
                if key < *best {
                    *best = key;
                }
                return;
            }
            for x in 0..n {
                let pos = perm.len();
                let ok = !perm.contains(&x)
                    && if pinned.contains(&pos) {
                        x == pos
                    } else {
                        !pinned.contains(&x)
                    };
                if ok {
                    perm.push(x);
                    rec(fields, pinned, perm, best);
                    perm.pop();
                }
            }
        }
        let mut best = (u64::MAX, usize::MAX);
        rec(fields, pinned, &mut alloc::vec::Vec::new(), &mut best);
        best
    }
}

#[cfg(test)]
mod against_the_engine {
    use super::*;
    use crate::order::{Constraints, Item, Problem};
    use alloc::vec::Vec;

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

    /// The `const` search against the engine's on random structs of `min_fields` to `max_fields`
    /// fields, with and without pins and hot fields, within `steps`. Where the `const` search
    /// proves its answer and the engine's is exact, it is the engine's: the same order (so the
    /// same size, hot lines and moves); where it proves the size only, the same size and lines;
    /// where the engine's is not exact, never worse. Returns the cases, those with the size
    /// proven, those with everything proven, and how many of the others move more fields than
    /// the engine for the same size.
    fn compare(
        seed: u64,
        cases: usize,
        min_fields: u64,
        max_fields: u64,
        steps: u64,
    ) -> [usize; 4] {
        let mut seed = seed;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut counts = [0; 4];
        for case in 0..cases {
            let n = (min_fields + next(max_fields - min_fields + 1)) as usize;
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
            match case % 4 {
                1 => pinned.extend((0..1 + next(2)).map(|_| next(n as u64) as usize)),
                2 => hot.extend((0..1 + next(3)).map(|_| next(n as u64) as usize)),
                3 => {
                    pinned.push(next(n as u64) as usize);
                    hot.push(next(n as u64) as usize);
                }
                _ => {}
            }
            hot.sort_unstable();
            hot.dedup();
            pinned.sort_unstable();
            pinned.dedup();
            pinned.retain(|p| !hot.contains(p));
            let cache_line = [64, 16, 8][next(3) as usize];
            let ours = suggest::<64>(&fields, 1, &pinned, &hot, cache_line, steps);
            let items: Vec<Item> = fields.iter().map(|f| Item::new(f.size, f.align)).collect();
            let c = Constraints::NONE
                .pinned(&pinned)
                .hot(&hot)
                .cache_line(cache_line);
            let Ok(engine) = crate::order::suggest(&Problem::new(&items).constraints(c)) else {
                assert!(!ours.size_proven, "{fields:?} {pinned:?} {hot:?}");
                continue;
            };
            counts[0] += 1;
            let what =
                || std::format!("{fields:?} pinned {pinned:?} hot {hot:?} line {cache_line}");
            let rules = Rules::<64>::new(&fields, 1, &pinned, &hot, cache_line);
            let (size, hot_end) = rules.evaluate(ours.as_slice()).expect("honours the rules");
            assert_eq!(size, ours.size, "{}", what());
            let ours_goal = (rules.lines(hot_end), ours.size);
            let engine_goal = (engine.hot_lines, engine.size);
            if ours.size_proven {
                counts[1] += 1;
                // Never worse than the engine; the same where the engine is exact (above 16
                // fields with pins its size is best-effort, and ours can be smaller).
                assert!(ours_goal <= engine_goal, "{}", what());
                if engine.exact {
                    assert_eq!(ours_goal, engine_goal, "{}", what());
                }
            }
            if ours.proven() {
                counts[2] += 1;
                if engine.exact {
                    assert_eq!(ours.as_slice(), engine.order, "{}", what());
                } else if ours_goal == engine_goal {
                    assert!(ours.moved <= engine.moves(), "{}", what());
                }
            } else {
                counts[3] += usize::from(ours.moved > engine.moves() && ours_goal == engine_goal);
            }
        }
        counts
    }

    /// Up to 12 fields, every answer is proven within a report's budget (for a report that
    /// compares one layout, as most do) and equals the engine's, order for order; the engine's
    /// equals brute force up to 8 fields (`order::tests`). With the share of one of 8 layouts,
    /// prints how many are proven.
    #[test]
    fn proven_and_equal_to_the_engine_up_to_12_fields() {
        for seed in [0x00C0_FFEE_u64, 0x5EED] {
            let [cases, sized, proven, _] = compare(seed, 1500, 1, 12, REPORT_STEPS);
            assert_eq!((sized, proven), (cases, cases));
        }
        let [cases, sized, proven, more] = compare(0xFACE, 1500, 1, 12, REPORT_STEPS / 8);
        std::eprintln!(
            "1-12 fields, an eighth of the budget: {cases} structs; size proven for {sized}, \
             order proven for {proven}; {more} of the others move more fields than the engine"
        );
    }

    /// 13-64 fields: never a wrong claim; prints how often the answer is proven.
    #[test]
    fn equal_to_the_engine_where_proven_up_to_64_fields() {
        for (min, max, cases) in [(13, 16, 400), (17, 24, 400), (25, 64, 100)] {
            let [cases, sized, proven, more] = compare(0xBEEF, cases, min, max, REPORT_STEPS);
            std::eprintln!(
                "{min}-{max} fields: {cases} structs; size proven for {sized}, order proven for \
                 {proven}; {more} of the others move more fields than the engine"
            );
        }
    }
}

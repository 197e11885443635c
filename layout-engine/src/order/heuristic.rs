//! A constructive order for any number of units: the answer above
//! [`EXACT_LIMIT`](super::EXACT_LIMIT) units, and an upper bound for the exact search below it.
//!
//! 1. Positions are cut into segments by the pinned units and the end of the hot block. Free
//!    units are assigned to the free segments of their kind (hot or not): first fit in declared
//!    order, and if that leaves a segment short, a depth-first search placing the groups
//!    (longest first) with the single fields filling the rest.
//! 2. Each free segment is arranged from its start offset by the best (smallest end, or size for
//!    the last segment; then fewest moves; then the earlier candidate) of: its declared order;
//!    a declared prefix of `k` units followed by the rest sorted by decreasing, or increasing,
//!    alignment (stable, so a longest monotone-alignment subsequence stays in place), for the
//!    best `k`; *keep while it fits*: walk the declared order, keep each unit while the kept
//!    units' padding stays within the slack, and append the skipped ones by increasing
//!    alignment; the *longest fitting subsequence*: the same shape, but keeping the longest
//!    subsequence whose padding fits, found by a dynamic program over (offset modulo the struct
//!    alignment, padding used) in `O(units * alignment * slack)` (skipped when that table would
//!    be too big); and a greedy fill that places units needing no padding until the offset
//!    suits the largest remaining alignment.
//!
//! The key fact: for single fields, whatever comes first and ends at offset `e`, the remaining
//! fields sorted by increasing alignment end exactly at `round_up(e + their sizes, a)` (`a` their
//! largest alignment), since every alignment divides the next and every size is a multiple of
//! its alignment. So a prefix can be completed to the minimum size exactly when its own padding
//! fits in the slack, and *keep while it fits* (like the longest fitting subsequence) always
//! reaches the minimum when there are no constraints (one segment from offset 0), or only hot
//! fields (the hot block sorted by decreasing alignment has no padding).

use alloc::vec;
use alloc::vec::Vec;

use super::moves;
use super::plan::{Plan, align_up};

/// Node budget of the group placement search.
const PACK_BUDGET: u32 = 1 << 16;

enum Segment {
    Pinned(usize),
    Free { cap: usize, hot: bool },
}

/// A constructive order of units satisfying the constraints, or `None` if none was found (or an
/// offset overflowed).
pub(super) fn construct(plan: &Plan<'_>) -> Option<Vec<usize>> {
    let n = plan.items.len();
    let mut segments = Vec::new();
    let mut pos = 0;
    while pos < n {
        if let Some(u) = plan.pinned_at(pos) {
            segments.push(Segment::Pinned(u));
            pos += plan.units[u].len;
        } else {
            let end = plan.stop_after(pos);
            segments.push(Segment::Free {
                cap: end - pos,
                hot: pos < plan.hot_len,
            });
            pos = end;
        }
    }
    // Assign the free units of each kind to that kind's free segments.
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); segments.len()];
    for hot in [true, false] {
        let seg_ids: Vec<usize> = (0..segments.len())
            .filter(|&s| matches!(segments[s], Segment::Free { hot: h, .. } if h == hot))
            .collect();
        let caps: Vec<usize> = seg_ids
            .iter()
            .map(|&s| match segments[s] {
                Segment::Free { cap, .. } => cap,
                Segment::Pinned(_) => 0,
            })
            .collect();
        let units: Vec<usize> = (0..plan.units.len())
            .filter(|&u| !plan.units[u].pinned && plan.units[u].hot == hot)
            .collect();
        let parts = assign(plan, &caps, &units)?;
        for (s, part) in seg_ids.into_iter().zip(parts) {
            assigned[s] = part;
        }
    }
    // Arrange each segment from its start offset.
    let mut order = Vec::with_capacity(plan.units.len());
    let mut end = 0u64;
    let last = segments.len().saturating_sub(1);
    for (s, segment) in segments.iter().enumerate() {
        match *segment {
            Segment::Pinned(u) => {
                end = plan.place(u, end)?;
                order.push(u);
            }
            Segment::Free { .. } => {
                let part = arrange(plan, &assigned[s], end, s == last)?;
                for &u in &part {
                    end = plan.place(u, end)?;
                }
                order.extend(part);
            }
        }
    }
    Some(order)
}

/// Splits `units` (declared order) into parts whose field counts are exactly `caps`.
fn assign(plan: &Plan<'_>, caps: &[usize], units: &[usize]) -> Option<Vec<Vec<usize>>> {
    let len = |u: usize| plan.units[u].len;
    // First fit in declared order.
    let mut parts = vec![Vec::new(); caps.len()];
    let mut taken = vec![false; units.len()];
    let mut ok = true;
    for (s, &cap) in caps.iter().enumerate() {
        let mut left = cap;
        for (i, &u) in units.iter().enumerate() {
            if left == 0 {
                break;
            }
            if !taken[i] && len(u) <= left {
                taken[i] = true;
                left -= len(u);
                parts[s].push(u);
            }
        }
        ok &= left == 0;
    }
    if ok && taken.iter().all(|&t| t) {
        return Some(parts);
    }
    // Place the groups (longest first) by depth-first search, then fill with single fields.
    let mut groups: Vec<usize> = units.iter().copied().filter(|&u| len(u) > 1).collect();
    groups.sort_by_key(|&u| core::cmp::Reverse(len(u)));
    let mut left: Vec<usize> = caps.to_vec();
    let mut choice = vec![0usize; groups.len()];
    let mut budget = PACK_BUDGET;
    if !pack(plan, &groups, 0, &mut left, &mut choice, &mut budget) {
        return None;
    }
    let mut parts = vec![Vec::new(); caps.len()];
    for (g, &s) in groups.iter().zip(&choice) {
        parts[s].push(*g);
    }
    let mut s = 0;
    for &u in units.iter().filter(|&&u| len(u) == 1) {
        while s < caps.len() && left[s] == 0 {
            s += 1;
        }
        if s == caps.len() {
            return None;
        }
        parts[s].push(u);
        left[s] -= 1;
    }
    if left.iter().any(|&l| l != 0) {
        return None;
    }
    for part in &mut parts {
        part.sort_unstable();
    }
    Some(parts)
}

fn pack(
    plan: &Plan<'_>,
    groups: &[usize],
    g: usize,
    left: &mut [usize],
    choice: &mut [usize],
    budget: &mut u32,
) -> bool {
    if g == groups.len() {
        return true;
    }
    let len = plan.units[groups[g]].len;
    for s in 0..left.len() {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        // Segments with the same room left are interchangeable for this group.
        if left[s] < len || left[..s].contains(&left[s]) {
            continue;
        }
        left[s] -= len;
        choice[g] = s;
        if pack(plan, groups, g + 1, left, choice, budget) {
            return true;
        }
        left[s] += len;
    }
    false
}

/// The best arrangement found for `units` (declared order) placed from offset `start`; `tail`:
/// the segment ends the struct, so what counts is the end rounded up to the struct alignment.
///
/// Candidates: the declared order; a declared prefix then the rest sorted by decreasing, or by
/// increasing, alignment (best prefix length for each); keep-while-it-fits (below); and the
/// greedy fill. The best by (objective, moves) wins, earlier candidates on ties.
fn arrange(plan: &Plan<'_>, units: &[usize], start: u64, tail: bool) -> Option<Vec<usize>> {
    let m = units.len();
    if m <= 1 {
        return Some(units.to_vec());
    }
    let objective = |end: u64| {
        if tail {
            align_up(end, plan.struct_align)
        } else {
            Some(end)
        }
    };
    let end_of = |order: &[usize]| {
        let mut end = start;
        for &u in order {
            end = plan.place(u, end)?;
        }
        objective(end)
    };
    let align_exp = |u: usize| plan.units[u].align.trailing_zeros() as usize;
    // A unit's span: its extent from an offset aligned to its largest alignment, rounded up to
    // that alignment (its size, for a single field).
    let span = |u: usize| {
        plan.place(u, 0)
            .and_then(|e| align_up(e, plan.units[u].align))
    };

    // Suffix data: largest alignment, sum of spans, and the longest subsequences that sorting
    // the suffix by decreasing (non-increasing alignment) or increasing (non-decreasing) keeps.
    let mut suffix_align = vec![1u64; m + 1];
    let mut suffix_sum = vec![Some(0u64); m + 1];
    let mut kept_desc = vec![0usize; m + 1];
    let mut kept_asc = vec![0usize; m + 1];
    let (mut by_exp_desc, mut by_exp_asc) = ([0usize; 64], [0usize; 64]);
    let top = units.iter().map(|&u| align_exp(u)).max().unwrap_or(0);
    for i in (0..m).rev() {
        let u = units[i];
        suffix_align[i] = suffix_align[i + 1].max(plan.units[u].align);
        suffix_sum[i] = suffix_sum[i + 1]
            .zip(span(u))
            .and_then(|(a, b)| a.checked_add(b));
        let e = align_exp(u);
        let d = 1 + by_exp_desc[..=e].iter().copied().max().unwrap_or(0);
        by_exp_desc[e] = by_exp_desc[e].max(d);
        kept_desc[i] = kept_desc[i + 1].max(d);
        let a = 1 + by_exp_asc[e..=top].iter().copied().max().unwrap_or(0);
        by_exp_asc[e] = by_exp_asc[e].max(a);
        kept_asc[i] = kept_asc[i + 1].max(a);
    }
    // Prefix k + sorted rest. Estimates (upper bounds, exact for single fields): decreasing
    // order ends at round_up(prefix end, a) + spans; increasing order at
    // round_up(prefix end + spans, a), a the rest's largest alignment, because each alignment
    // divides the next and every span is a multiple of its alignment.
    let mut best_desc: Option<(u64, usize, usize)> = None; // (objective, moves, k)
    let mut best_asc: Option<(u64, usize, usize)> = None;
    let mut prefix_end = Some(start);
    for k in 0..=m {
        let Some(pe) = prefix_end else { break };
        let rest = suffix_sum[k];
        let desc = align_up(pe, suffix_align[k])
            .zip(rest)
            .and_then(|(a, b)| a.checked_add(b));
        let asc = rest
            .and_then(|r| pe.checked_add(r))
            .and_then(|e| align_up(e, suffix_align[k]));
        for (est, kept, best) in [
            (desc, &kept_desc, &mut best_desc),
            (asc, &kept_asc, &mut best_asc),
        ] {
            if let Some(obj) = est.and_then(objective) {
                let cand = (obj, (m - k) - kept[k], k);
                if best.is_none_or(|b| (cand.0, cand.1) <= (b.0, b.1)) {
                    *best = Some(cand);
                }
            }
        }
        if k < m {
            prefix_end = plan.place(units[k], pe);
        }
    }
    let mut candidates: Vec<Vec<usize>> = vec![units.to_vec()];
    if let Some((_, _, k)) = best_desc {
        let mut order = units.to_vec();
        order[k..].sort_by_key(|&u| core::cmp::Reverse(plan.units[u].align));
        candidates.push(order);
    }
    if let Some((_, _, k)) = best_asc {
        let mut order = units.to_vec();
        order[k..].sort_by_key(|&u| plan.units[u].align);
        candidates.push(order);
    }
    // The padding the increasing-order estimate allows: the end (or size) it reaches minus the
    // sizes. Orders whose kept part pads within it and that append the rest by increasing
    // alignment reach that estimate (for single fields).
    let sizes = units
        .iter()
        .try_fold(0u64, |acc, &u| acc.checked_add(plan.units[u].size));
    let budget = sizes.and_then(|s| start.checked_add(s)).and_then(|lower| {
        let to = if tail {
            plan.struct_align
        } else {
            suffix_align[0]
        };
        Some(align_up(lower, to)? - lower)
    });
    if let Some(budget) = budget {
        candidates.push(keep_while_it_fits(plan, units, start, budget));
        if let Some(order) = longest_fitting(plan, units, start, budget) {
            candidates.push(order);
        }
    }
    if !start.is_multiple_of(suffix_align[0]) {
        candidates.push(greedy_fill(plan, units, start)?);
    }
    let mut best: Option<(u64, usize, Vec<usize>)> = None;
    for order in candidates {
        let Some(obj) = end_of(&order) else { continue };
        let mv = moves(&order);
        if best.as_ref().is_none_or(|b| (obj, mv) < (b.0, b.1)) {
            best = Some((obj, mv, order));
        }
    }
    best.map(|b| b.2)
}

/// Keep while it fits: walk the declared order keeping each unit that keeps the kept units'
/// padding within `budget`, defer the others, and append the deferred ones by increasing
/// alignment.
fn keep_while_it_fits(plan: &Plan<'_>, units: &[usize], start: u64, budget: u64) -> Vec<usize> {
    let (mut end, mut kept_sizes) = (start, 0u64);
    let mut order = Vec::with_capacity(units.len());
    let mut deferred = Vec::new();
    for &u in units {
        let size = plan.units[u].size;
        match plan.place(u, end) {
            // The caller summed all sizes without overflow, so kept_sizes + size fits, and
            // end - start >= kept sizes.
            Some(e) if (e - start) - (kept_sizes + size) <= budget => {
                end = e;
                kept_sizes += size;
                order.push(u);
            }
            _ => deferred.push(u),
        }
    }
    deferred.sort_by_key(|&u| plan.units[u].align);
    order.extend(deferred);
    order
}

/// Most states (offset residues times padding values) and table entries (states times units)
/// of [`longest_fitting`].
const FIT_STATES: u64 = 1 << 14;
const FIT_TABLE: u64 = 1 << 22;

/// The longest subsequence of `units` (declared order) whose own padding, placed from `start`,
/// stays within `budget`, followed by the other units by increasing alignment. For single
/// fields that order ends by the increasing-order estimate (see `arrange`), and it is the best
/// of all orders that move units only to the end. A dynamic program over (offset modulo the
/// struct alignment, padding used), which is all the future depends on, keeping the most
/// units kept; `None` if its table would exceed [`FIT_TABLE`].
fn longest_fitting(
    plan: &Plan<'_>,
    units: &[usize],
    start: u64,
    budget: u64,
) -> Option<Vec<usize>> {
    const NONE: u32 = u32::MAX;
    let a = plan.struct_align;
    let width = budget.checked_add(1)?;
    let states = a.checked_mul(width).filter(|&s| s <= FIT_STATES)?;
    if states.checked_mul(units.len() as u64)? > FIT_TABLE {
        return None;
    }
    let (a, states, width) = (a as usize, states as usize, width as usize);
    // State r * width + p: offset r modulo a, padding p so far.
    let mut kept = vec![NONE; states];
    let mut next = vec![NONE; states];
    kept[(start % a as u64) as usize * width] = 0;
    // step[i * states + s]: 0 if unit i is skipped on the best way to state s, else 1 + the
    // padding it added (which identifies the previous state).
    let mut step = vec![0u16; states * units.len()];
    // Per residue r: the padding placing the unit adds, and the residue after it.
    let mut added = vec![0usize; a];
    let mut after = vec![0usize; a];
    for (i, &u) in units.iter().enumerate() {
        let size = plan.units[u].size;
        for r in 0..a {
            // r < a and the unit fits in u64 from 0 (the caller's sums did not overflow), so
            // placing it from r only fails for absurd sizes: then the unit is never kept.
            match plan.place(u, r as u64) {
                Some(end) => {
                    added[r] = (end - r as u64 - size) as usize;
                    after[r] = (end % a as u64) as usize;
                }
                None => added[r] = usize::MAX,
            }
        }
        next.copy_from_slice(&kept);
        let row = &mut step[i * states..(i + 1) * states];
        let mut r = 0;
        while r < a {
            let d = added[r];
            if d < width {
                let base_to = after[r] * width + d;
                let mut p = 0;
                while p + d < width {
                    let k = kept[r * width + p];
                    let to = base_to + p;
                    if k != NONE && (next[to] == NONE || k + 1 > next[to]) {
                        next[to] = k + 1;
                        row[to] = d as u16 + 1;
                    }
                    p += 1;
                }
            }
            r += 1;
        }
        core::mem::swap(&mut kept, &mut next);
    }
    let mut s = (0..states)
        .filter(|&s| kept[s] != NONE)
        .max_by_key(|&s| (kept[s], core::cmp::Reverse(s)))?;
    let mut keep = vec![false; units.len()];
    for i in (0..units.len()).rev() {
        let d = step[i * states + s] as usize;
        if d == 0 {
            continue;
        }
        keep[i] = true;
        let (r2, p2) = (s / width, s % width);
        let back = ((d as u64 - 1 + plan.units[units[i]].size) % a as u64) as usize;
        s = ((r2 + a - back) % a) * width + p2 - (d - 1);
    }
    let mut order: Vec<usize> = units
        .iter()
        .zip(&keep)
        .filter(|&(_, &k)| k)
        .map(|(&u, _)| u)
        .collect();
    let mut moved: Vec<usize> = units
        .iter()
        .zip(&keep)
        .filter(|&(_, &k)| !k)
        .map(|(&u, _)| u)
        .collect();
    moved.sort_by_key(|&u| plan.units[u].align);
    order.extend(moved);
    Some(order)
}

/// From `start`, place units that need no padding (largest alignment first) until the offset is
/// a multiple of the largest remaining alignment, then the rest by decreasing alignment.
fn greedy_fill(plan: &Plan<'_>, units: &[usize], start: u64) -> Option<Vec<usize>> {
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); 64];
    for &u in units {
        buckets[plan.units[u].align.trailing_zeros() as usize].push(u);
    }
    let mut cursor = [0usize; 64];
    let mut order = Vec::with_capacity(units.len());
    let mut end = start;
    while let Some(top) = (0..64).rev().find(|&e| cursor[e] < buckets[e].len()) {
        if end.is_multiple_of(1u64 << top) {
            break;
        }
        let low = end.trailing_zeros() as usize; // end != 0 here
        let Some(e) = (0..=low.min(top))
            .rev()
            .find(|&e| cursor[e] < buckets[e].len())
        else {
            break;
        };
        let u = buckets[e][cursor[e]];
        cursor[e] += 1;
        end = plan.place(u, end)?;
        order.push(u);
    }
    for e in (0..64).rev() {
        order.extend_from_slice(&buckets[e][cursor[e]..]);
    }
    Some(order)
}

//! Tests: seeds, errors, overflow, and the exact search against independent brute force.

use alloc::vec;
use alloc::vec::Vec;

use super::*;

/// splitmix64: a tiny seeded generator, enough for reproducible random structs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
}

/// A random field: mostly primitive-like, some byte arrays, ZSTs and large alignments.
fn random_item(rng: &mut Rng) -> Item {
    match rng.below(12) {
        0 => Item::new(0, 1 << rng.below(4)),
        1 => Item::new(1 + rng.below(12), 1),
        2 => {
            let align = [16, 32, 64, 4096][rng.index(4)];
            Item::new(align * rng.below(3), align)
        }
        3 => {
            let align = 1 << rng.below(4);
            Item::new(align * (1 + rng.below(5)), align)
        }
        _ => {
            let align = 1 << rng.below(4);
            Item::new(align * (1 + rng.below(2)), align)
        }
    }
}

fn random_items(rng: &mut Rng, n: usize) -> Vec<Item> {
    (0..n).map(|_| random_item(rng)).collect()
}

fn random_struct_align(rng: &mut Rng) -> u64 {
    if rng.below(6) == 0 {
        1 << rng.below(7)
    } else {
        1
    }
}

/// Owned random constraints (the `Constraints` view borrows from it).
struct OwnedConstraints {
    pinned: Vec<usize>,
    groups: Vec<Vec<usize>>,
    hot: Vec<usize>,
    cache_line: u64,
}

impl OwnedConstraints {
    fn random(rng: &mut Rng, n: usize) -> Self {
        let mut c = OwnedConstraints {
            pinned: Vec::new(),
            groups: Vec::new(),
            hot: Vec::new(),
            cache_line: 64,
        };
        if n == 0 {
            return c;
        }
        c.cache_line = [8, 16, 64][rng.index(3)];
        if rng.below(3) == 0 {
            for _ in 0..1 + rng.below(2) {
                let p = rng.index(n);
                if !c.pinned.contains(&p) {
                    c.pinned.push(p);
                }
            }
        }
        if n >= 2 && rng.below(3) == 0 {
            let mut used = vec![false; n];
            for _ in 0..1 + rng.below(2) {
                let len = 2 + rng.index(2).min(n - 2);
                let start = rng.index(n - len + 1);
                if used[start..start + len].iter().any(|&u| u) {
                    continue;
                }
                used[start..start + len].iter_mut().for_each(|u| *u = true);
                c.groups.push((start..start + len).collect());
            }
        }
        if rng.below(3) == 0 {
            for _ in 0..1 + rng.below(3) {
                let h = rng.index(n);
                if !c.hot.contains(&h) {
                    c.hot.push(h);
                }
            }
            // Mostly make groups wholly hot or not (a split group is a policy error).
            if rng.below(8) != 0 {
                for g in &c.groups {
                    if g.iter().any(|f| c.hot.contains(f)) {
                        for &f in g {
                            if !c.hot.contains(&f) {
                                c.hot.push(f);
                            }
                        }
                    }
                }
            }
        }
        c
    }

    /// The groups as the slices `Constraints` takes.
    fn group_slices(&self) -> Vec<&[usize]> {
        self.groups.iter().map(Vec::as_slice).collect()
    }

    /// These constraints, borrowed, with `groups` from [`OwnedConstraints::group_slices`].
    fn constraints<'a>(&'a self, groups: &'a [&'a [usize]]) -> Constraints<'a> {
        Constraints::NONE
            .pinned(&self.pinned)
            .groups(groups)
            .hot(&self.hot)
            .cache_line(self.cache_line)
    }
}

/// Brute force, independent of the module: every permutation in lexicographic order, the
/// constraints checked on the raw description. Returns the first order minimising (hot lines,
/// size, moves), i.e. the documented answer, or `None` if no order is valid.
struct Brute<'a> {
    items: &'a [Item],
    align: u64,
    pinned: Vec<bool>,
    hot: Vec<bool>,
    hot_len: usize,
    /// group_of[f] = (group, position in group).
    group_of: Vec<Option<(usize, usize)>>,
    groups: Vec<Vec<usize>>,
    cache_line: u64,
    best: Option<(u64, u64, usize, Vec<usize>)>,
    perm: Vec<usize>,
    prune: bool,
}

fn brute(
    items: &[Item],
    min_align: u64,
    c: &Constraints<'_>,
) -> Option<(u64, u64, usize, Vec<usize>)> {
    brute_with(items, min_align, c, true)
}

fn brute_with(
    items: &[Item],
    min_align: u64,
    c: &Constraints<'_>,
    prune: bool,
) -> Option<(u64, u64, usize, Vec<usize>)> {
    let n = items.len();
    let mut b = Brute {
        items,
        align: items.iter().map(|i| i.align).fold(min_align, u64::max),
        pinned: (0..n).map(|f| c.pinned.contains(&f)).collect(),
        hot: (0..n).map(|f| c.hot.contains(&f)).collect(),
        hot_len: c.hot.len(),
        group_of: vec![None; n],
        groups: c.groups.iter().map(|g| g.to_vec()).collect(),
        cache_line: c.cache_line,
        best: None,
        perm: Vec::new(),
        prune,
    };
    for (g, group) in c.groups.iter().enumerate() {
        for (t, &f) in group.iter().enumerate() {
            b.group_of[f] = Some((g, t));
        }
    }
    b.rec(0, 0, 0);
    b.best
}

impl Brute<'_> {
    fn rec(&mut self, used: u32, end: u64, hot_end: u64) {
        let n = self.items.len();
        let pos = self.perm.len();
        // Branch and bound: (lines, size, moves) can only grow from here, componentwise, so if
        // the lower bounds already reach the best found, nothing below can strictly beat it
        // (and ties keep the lexicographically first).
        if let Some((bl, bs, bm, _)) = self
            .best
            .as_ref()
            .filter(|_| self.prune)
            .map(|b| (b.0, b.1, b.2, ()))
        {
            let rest: u64 = (0..n)
                .filter(|&f| used & (1 << f) == 0)
                .map(|f| self.items[f].size)
                .sum();
            let lines = if pos >= self.hot_len && self.hot_len > 0 {
                hot_end.div_ceil(self.cache_line)
            } else {
                0
            };
            let size = end
                .checked_add(rest)
                .and_then(|e| plan::align_up(e, self.align))
                .unwrap_or(u64::MAX);
            // The final longest increasing subsequence is at most the prefix's plus the rest.
            let mv = moves(&self.perm);
            if (lines, size, mv) >= (bl, bs, bm) && pos < n {
                return;
            }
        }
        if pos == n {
            let Some(size) = plan::align_up(end, self.align) else {
                return;
            };
            let lines = if self.hot_len == 0 {
                0
            } else {
                hot_end.div_ceil(self.cache_line)
            };
            if let Some((bl, bs, _, _)) = self.best
                && (lines, size) > (bl, bs)
            {
                return;
            }
            let mv = moves(&self.perm);
            if self
                .best
                .as_ref()
                .is_none_or(|b| (lines, size, mv) < (b.0, b.1, b.2))
            {
                self.best = Some((lines, size, mv, self.perm.clone()));
            }
            return;
        }
        // If the previous field is a group member that is not the group's last, the next one
        // is forced.
        let forced = pos.checked_sub(1).and_then(|p| {
            let (g, t) = self.group_of[self.perm[p]]?;
            self.groups[g].get(t + 1).copied()
        });
        for f in 0..n {
            if used & (1 << f) != 0 {
                continue;
            }
            if forced.is_some_and(|x| x != f) {
                continue;
            }
            if let Some((_, t)) = self.group_of[f]
                && t != 0
                && forced != Some(f)
            {
                continue;
            }
            if (self.pinned[f] && f != pos) || (pos < n && self.pinned[pos] && f != pos) {
                continue;
            }
            if self.hot_len > 0 && self.hot[f] != (pos < self.hot_len) {
                continue;
            }
            let item = self.items[f];
            let Some(e) = plan::align_up(end, item.align).and_then(|o| o.checked_add(item.size))
            else {
                continue;
            };
            let he = if pos + 1 == self.hot_len { e } else { hot_end };
            self.perm.push(f);
            self.rec(used | (1 << f), e, he);
            self.perm.pop();
        }
    }
}

/// Checks `suggest` against brute force on one problem; returns whether a suggestion was made.
fn check(items: &[Item], min_align: u64, c: &Constraints<'_>) -> bool {
    let problem = Problem::new(items)
        .min_struct_align(min_align)
        .constraints(*c);
    let got = suggest(&problem);
    let declared: Vec<usize> = (0..items.len()).collect();
    if layout_size(items, &declared, min_align) == Err(OrderError::Overflow) {
        assert_eq!(got, Err(OrderError::Overflow));
        return false;
    }
    let want = brute(items, min_align, c);
    let ctx = || alloc::format!("items {items:?} align {min_align} constraints {c:?}");
    match (got, want) {
        (Err(OrderError::GroupSplitByHot(_)), _) => false,
        (Err(OrderError::PinConflictsWithHot(_) | OrderError::Unsatisfiable), None) => false,
        (Ok(s), Some((lines, size, mv, order))) => {
            assert_eq!(s.order, order, "order: {}", ctx());
            assert_eq!(
                (s.hot_lines, s.size, s.moves()),
                (lines, size, mv),
                "{}",
                ctx()
            );
            assert!(s.exact);
            let min = min_size(items, min_align).unwrap();
            assert_eq!(s.min_size, min);
            assert_eq!(
                s.declared_size,
                layout_size(items, &declared, min_align).unwrap()
            );
            assert_eq!(layout_size(items, &s.order, min_align), Ok(s.size));
            assert_eq!(moves(&s.order), s.moves());
            // Blockers: every single constraint whose removal lets brute force reach the min.
            let mut blockers = Vec::new();
            if size > min {
                let reaches =
                    |r: &Constraints<'_>| brute(items, min_align, r).is_some_and(|b| b.1 == min);
                if !c.hot.is_empty() && reaches(&c.hot(&[])) {
                    blockers.push(Blocker::Hot);
                }
                for k in 0..c.pinned.len() {
                    let rest: Vec<usize> = c
                        .pinned
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i != k)
                        .map(|(_, &p)| p)
                        .collect();
                    if reaches(&c.pinned(&rest)) {
                        blockers.push(Blocker::Pinned(c.pinned[k]));
                    }
                }
                for g in 0..c.groups.len() {
                    let rest: Vec<&[usize]> = c
                        .groups
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i != g)
                        .map(|(_, &s)| s)
                        .collect();
                    if reaches(&c.groups(&rest)) {
                        blockers.push(Blocker::Group(g));
                    }
                }
                if blockers.is_empty() {
                    blockers.push(Blocker::Combination);
                }
            }
            assert_eq!(s.blocked_by, blockers, "{}", ctx());
            true
        }
        (got, want) => panic!("suggest {got:?} vs brute force {want:?}: {}", ctx()),
    }
}

#[test]
fn brute_force_prunes_soundly() {
    // The branch and bound of the brute force against plain enumeration of every permutation.
    let mut rng = Rng(13);
    for case in 0..300 {
        let n = 1 + case % 7;
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        let oc = OwnedConstraints::random(&mut rng, n);
        let groups = oc.group_slices();
        let c = oc.constraints(&groups);
        assert_eq!(
            brute_with(&items, align, &c, true),
            brute_with(&items, align, &c, false)
        );
    }
}

/// Field counts up to 8 for case `case`, weighted towards 6-8 (the cases brute force tests
/// hardest).
fn small_size(case: usize) -> usize {
    [case % 9, 8, 7, 6][case % 4].min(8)
}

/// Whether the declared order of `items` overflows (such cases are skipped: nothing to order).
fn declared_overflows(items: &[Item], align: u64) -> bool {
    let declared: Vec<usize> = (0..items.len()).collect();
    layout_size(items, &declared, align) == Err(OrderError::Overflow)
}

#[test]
fn brute_force_unconstrained() {
    let mut rng = Rng(1);
    let mut checked = 0;
    for case in 0..6000 {
        let n = small_size(case);
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        checked += check(&items, align, &Constraints::NONE) as usize;
    }
    assert_eq!(checked, 6000);
}

#[test]
fn brute_force_constrained() {
    let mut rng = Rng(2);
    let (mut checked, mut blocked) = (0, 0);
    for case in 0..6000 {
        let n = small_size(case);
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        let oc = OwnedConstraints::random(&mut rng, n);
        let groups = oc.group_slices();
        let c = oc.constraints(&groups);
        if check(&items, align, &c) {
            checked += 1;
            let s = suggest(&Problem::new(&items).min_struct_align(align).constraints(c)).unwrap();
            blocked += !s.reaches_min() as usize;
        }
    }
    // Most cases are valid, and some really are blocked by their constraints.
    assert!(checked > 4800, "{checked}");
    assert!(blocked > 50, "{blocked}");
}

/// Fewest moves for `items` without constraints, computed independently: for m = 0, 1, ...,
/// every set of m moved fields, and a subset DP interleaving them into the kept ones.
fn min_moves_by_subsets(items: &[Item], min_align: u64) -> usize {
    let n = items.len();
    let target = min_size(items, min_align).unwrap();
    for m in 0..=n {
        for moved in 0u32..1 << n {
            if moved.count_ones() as usize != m {
                continue;
            }
            let kept: Vec<usize> = (0..n).filter(|&f| moved & (1 << f) == 0).collect();
            let free: Vec<usize> = (0..n).filter(|&f| moved & (1 << f) != 0).collect();
            // dp[i][s]: smallest end with the first i kept fields and the moved subset s placed.
            let mut dp = vec![vec![u64::MAX; 1 << m]; kept.len() + 1];
            dp[0][0] = 0;
            let place =
                |end: u64, f: usize| plan::align_up(end, items[f].align).map(|o| o + items[f].size);
            for i in 0..=kept.len() {
                for s in 0..1usize << m {
                    let end = dp[i][s];
                    if end == u64::MAX {
                        continue;
                    }
                    if i < kept.len() {
                        let e = place(end, kept[i]).unwrap();
                        dp[i + 1][s] = dp[i + 1][s].min(e);
                    }
                    for (b, &f) in free.iter().enumerate() {
                        if s & (1 << b) == 0 {
                            let e = place(end, f).unwrap();
                            dp[i][s | 1 << b] = dp[i][s | 1 << b].min(e);
                        }
                    }
                }
            }
            if dp[kept.len()][(1 << m) - 1] <= target {
                return m;
            }
        }
    }
    unreachable!()
}

#[test]
fn fewest_moves_9_to_12_fields_independent_check() {
    let mut rng = Rng(3);
    for case in 0..40 {
        let n = 9 + case % 4;
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        let s = suggest(&Problem::new(&items).min_struct_align(align)).unwrap();
        assert!(s.exact && s.reaches_min());
        assert_eq!(s.moves(), min_moves_by_subsets(&items, align), "{items:?}");
    }
}

#[test]
fn exact_13_to_16_fields_reach_min_and_beat_heuristic() {
    let mut rng = Rng(4);
    for case in 0..300 {
        let n = 13 + case % 4;
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        let plan = Plan::new(&items, align, &Constraints::NONE).unwrap();
        let s = suggest(&Problem::new(&items).min_struct_align(align)).unwrap();
        assert!(s.exact && s.reaches_min());
        let h = plan.fields_of(&heuristic::construct(&plan).unwrap());
        assert_eq!(layout_size(&items, &h, align), Ok(s.min_size));
        assert!(s.moves() <= moves(&h));
        // Minimality of the lexicographic tie-break is covered by brute force up to 8 fields;
        // here at least no order one move shorter exists (checked independently for n = 13).
        if n == 13 && case % 20 == 0 {
            assert_eq!(s.moves(), min_moves_by_subsets(&items, align));
        }
    }
}

#[test]
fn heuristic_always_reaches_min_on_large_structs() {
    let mut rng = Rng(5);
    for case in 0..200 {
        let n = 20 + rng.index(181);
        let items = if case % 4 < 2 {
            random_items(&mut rng, n)
        } else {
            common_items(&mut rng, n)
        };
        let align = random_struct_align(&mut rng);
        // Hot fields alone never block: the hot block has no padding and the rest is free.
        let hot: Vec<usize> = if case % 2 == 0 {
            (0..3).map(|_| rng.index(n)).collect()
        } else {
            Vec::new()
        };
        let mut hot_dedup = hot.clone();
        hot_dedup.sort_unstable();
        hot_dedup.dedup();
        let c = Constraints::NONE.hot(&hot_dedup);
        let s = suggest(&Problem::new(&items).min_struct_align(align).constraints(c)).unwrap();
        assert!(s.reaches_min(), "{items:?}");
        // Exact only where the budgeted search ran (or the declared order is already best).
        assert!(!s.exact || s.is_declared() || n <= SEARCH_LIMIT);
        assert_eq!(layout_size(&items, &s.order, align), Ok(s.size));
        let mut sorted = s.order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..n).collect::<Vec<_>>());
        assert!(
            s.order[..hot_dedup.len()]
                .iter()
                .all(|f| hot_dedup.contains(f))
        );
        // Never worse than sorting every field (the Go fieldalignment baseline).
        let mut by_align: Vec<usize> = (0..n).collect();
        by_align.sort_by_key(|&f| core::cmp::Reverse(items[f].align));
        if hot_dedup.is_empty() {
            assert!(s.moves() <= moves(&by_align));
        }
    }
}

#[test]
fn heuristic_10_000_fields() {
    let mut rng = Rng(6);
    // Harsh fields (4096-byte alignments: the subsequence table is skipped) and common ones.
    for items in [
        random_items(&mut rng, 10_000),
        common_items(&mut rng, 10_000),
    ] {
        let s = suggest(&Problem::new(&items)).unwrap();
        assert!(s.reaches_min());
        assert_eq!(layout_size(&items, &s.order, 1), Ok(s.min_size));
        let mut by_align: Vec<usize> = (0..items.len()).collect();
        by_align.sort_by_key(|&f| core::cmp::Reverse(items[f].align));
        assert!(s.moves() < moves(&by_align));
        let mut sorted = s.order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..items.len()).collect::<Vec<_>>());
    }
}

#[test]
fn heuristic_with_pins_and_groups_on_large_structs() {
    let mut rng = Rng(7);
    for _ in 0..50 {
        let n = 20 + rng.index(60);
        let items = random_items(&mut rng, n);
        let oc = OwnedConstraints::random(&mut rng, n);
        let groups = oc.group_slices();
        let c = oc.constraints(&groups);
        match suggest(&Problem::new(&items).constraints(c)) {
            Ok(s) => {
                assert_eq!(layout_size(&items, &s.order, 1), Ok(s.size));
                for &p in &oc.pinned {
                    assert_eq!(s.order[p], p);
                }
                for g in &oc.groups {
                    let at = s.order.iter().position(|&f| f == g[0]).unwrap();
                    assert_eq!(&s.order[at..at + g.len()], g.as_slice());
                }
                assert!(s.order[..oc.hot.len()].iter().all(|f| oc.hot.contains(f)));
                assert_eq!(s.reaches_min(), s.blocked_by.is_empty());
            }
            Err(e) => assert!(matches!(
                e,
                OrderError::GroupSplitByHot(_)
                    | OrderError::PinConflictsWithHot(_)
                    | OrderError::Unsatisfiable
            )),
        }
    }
}

#[test]
fn moved_fields_is_the_lexicographically_smallest_lis() {
    let mut rng = Rng(8);
    for _ in 0..500 {
        let n = rng.index(9);
        let mut perm: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            perm.swap(i, rng.index(i + 1));
        }
        // Brute force: the increasing subsequences of maximal length, smallest kept set.
        let mut best: Option<Vec<usize>> = None;
        for mask in 0u32..1 << n {
            let vals: Vec<usize> = (0..n)
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| perm[i])
                .collect();
            if vals.windows(2).any(|w| w[0] > w[1]) {
                continue;
            }
            let better = match &best {
                None => true,
                Some(b) => vals.len() > b.len() || (vals.len() == b.len() && vals < *b),
            };
            if better {
                best = Some(vals);
            }
        }
        let kept = best.unwrap();
        let moved: Vec<usize> = (0..n).filter(|f| !kept.contains(f)).collect();
        assert_eq!(moved_fields(&perm), moved, "{perm:?}");
        assert_eq!(moves(&perm), n - kept.len());
    }
}

// ---- Seeds ------------------------------------------------------------------------------

/// Size/align of the primitives on x86_64.
const I8: Item = Item::new(1, 1);
const I16: Item = Item::new(2, 2);
const I32: Item = Item::new(4, 4);
const I64: Item = Item::new(8, 8);

#[test]
fn go_t1() {
    // type T1 struct { a int8; b int64; c int16 }
    let s = suggest(&Problem::new(&[I8, I64, I16])).unwrap();
    assert_eq!((s.declared_size, s.min_size, s.size), (24, 16, 16));
    assert_eq!(s.moves(), 1);
    // a stays first, c moves before b: a@0, c@2, b@8. Lexicographically first 1-move order.
    assert_eq!(s.order, [0, 2, 1]);
    assert_eq!(s.moved, [2]);
    assert!(s.exact && s.reaches_min() && s.blocked_by.is_empty());
    assert_eq!(s.saved(), 8);
}

#[test]
fn go_stats() {
    // type stats struct { Foo uint8; Bar uint16; Baz uint8 }
    let s = suggest(&Problem::new(&[I8, I16, I8])).unwrap();
    assert_eq!((s.declared_size, s.min_size, s.size), (6, 4, 4));
    assert_eq!(s.order, [0, 2, 1]);
    assert_eq!(s.moves(), 1);
}

#[test]
fn u8_u32_is_already_minimal() {
    let s = suggest(&Problem::new(&[I8, I32])).unwrap();
    assert_eq!((s.declared_size, s.min_size, s.size), (8, 8, 8));
    assert!(s.is_declared() && s.order == [0, 1]);
}

#[test]
fn empty_and_zero_sized() {
    let s = suggest(&Problem::new(&[])).unwrap();
    assert_eq!((s.size, s.order.len()), (0, 0));
    let zst = Item::new(0, 8);
    let s = suggest(&Problem::new(&[I8, zst, I8])).unwrap();
    // The 8-aligned ZST pads the declared order to 16; at the front it costs nothing.
    assert_eq!((s.declared_size, s.size), (16, 8));
    assert_eq!(s.order, [0, 2, 1]);
    assert_eq!(s.moves(), 1);
}

#[test]
fn repr_align_adds_slack() {
    // repr(align(32)): 32 bytes either way, so the declared T1 is already minimal.
    let s = suggest(&Problem::new(&[I8, I64, I16]).min_struct_align(32)).unwrap();
    assert_eq!((s.declared_size, s.size, s.min_size), (32, 32, 32));
    assert!(s.is_declared());
    // repr(align(16)): 32 declared, 16 reachable.
    let s = suggest(&Problem::new(&[I8, I64, I16]).min_struct_align(16)).unwrap();
    assert_eq!((s.declared_size, s.size, s.min_size), (32, 16, 16));
}

#[test]
fn pinned_header_stays_first() {
    // struct { hdr: u8 (pinned), ptr: u64, len: u32, tag: u8 }: 24 declared, min 16.
    let items = [I8, I64, I32, I8];
    let c = Constraints::NONE.pinned(&[0]);
    let s = suggest(&Problem::new(&items).constraints(c)).unwrap();
    assert_eq!(s.order[0], 0);
    assert_eq!((s.declared_size, s.size, s.min_size), (24, 16, 16));
    assert_eq!(s.order, [0, 3, 2, 1]);
    assert_eq!(s.moves(), 2);
    // Unpinned, one move suffices (the header would move to the end).
    let free = suggest(&Problem::new(&items)).unwrap();
    assert_eq!((free.size, free.moves()), (16, 1));
}

#[test]
fn pins_that_block_the_minimum() {
    // { a: u8 (pinned), x: u64, b: u8 (pinned), y: u64 }: min 24, but with a at 0 and b at 2
    // every order is 32. Either pin alone would allow 24.
    let items = [I8, I64, I8, I64];
    let c = Constraints::NONE.pinned(&[0, 2]);
    let s = suggest(&Problem::new(&items).constraints(c)).unwrap();
    assert_eq!((s.size, s.min_size), (32, 24));
    assert!(!s.reaches_min());
    assert_eq!(s.blocked_by, [Blocker::Pinned(0), Blocker::Pinned(2)]);
    assert!(s.is_declared()); // the declared order is already the best reachable
}

#[test]
fn group_stays_together() {
    // { flag: u8, ptr: u64, len: u32, cap: u32, x: u8 } with (len, cap) a group: 32 -> 24.
    let items = [I8, I64, I32, I32, I8];
    let groups: &[&[usize]] = &[&[2, 3]];
    let s = suggest(&Problem::new(&items).constraints(Constraints::NONE.groups(groups))).unwrap();
    assert_eq!((s.declared_size, s.size), (32, 24));
    assert_eq!(s.order, [0, 2, 3, 4, 1]);
    assert_eq!(s.moved, [1]);
    // Groups can block the minimum: each (u8, u64) pads 7 bytes unless its u8 lands just
    // before an 8-byte boundary, which only a free u8 before it can arrange.
    let items = [I8, I64, I8, I64];
    let groups: &[&[usize]] = &[&[0, 1], &[2, 3]];
    let s = suggest(&Problem::new(&items).constraints(Constraints::NONE.groups(groups))).unwrap();
    assert_eq!((s.size, s.min_size), (32, 24));
    assert_eq!(s.blocked_by, [Blocker::Group(0), Blocker::Group(1)]);
}

#[test]
fn hot_fields_first() {
    // { a: u64, b: u8 (hot), c: u64, d: u32 (hot), e: u8 }: hot block d, b (ends at 5, so e fits
    // at 5 and the rest reaches the 24-byte minimum).
    let items = [I64, I8, I64, I32, I8];
    let c = Constraints::NONE.hot(&[1, 3]);
    let s = suggest(&Problem::new(&items).constraints(c)).unwrap();
    assert_eq!(s.order, [3, 1, 4, 0, 2]);
    assert_eq!((s.size, s.min_size, s.hot_lines), (24, 24, 1));
    assert!(s.reaches_min());
}

#[test]
fn hot_lines_are_minimised() {
    // Hot: a u32 and a 40-byte 8-aligned array; 16-byte lines. Array first ends at 44, u32
    // first at 48: 3 lines either way, but ending at 44 lets the rest fit: arr@0, a@40, d@44,
    // c@48 -> 56, the minimum (u32 first gives 64).
    let arr = Item::new(40, 8);
    let items = [I32, arr, I64, I32];
    let c = Constraints::NONE.hot(&[0, 1]).cache_line(16);
    let s = suggest(&Problem::new(&items).constraints(c)).unwrap();
    assert_eq!(s.hot_lines, 3);
    assert_eq!((s.size, s.min_size), (56, 56));
    assert_eq!(s.order[..2], [1, 0]);
}

#[test]
fn hot_wins_over_size() {
    // A hot group (u8, u64) pads 7 bytes at offset 0; without the hot block (or the group) the
    // minimum is reachable. Hot is honoured and both blockers are reported.
    let items = [I8, I64, I8, I64];
    let groups: &[&[usize]] = &[&[0, 1]];
    let c = Constraints::NONE.groups(groups).hot(&[0, 1]);
    let s = suggest(&Problem::new(&items).constraints(c)).unwrap();
    assert_eq!((s.size, s.min_size), (32, 24));
    assert_eq!(s.order[..2], [0, 1]);
    assert_eq!(s.blocked_by, [Blocker::Hot, Blocker::Group(0)]);
}

#[test]
fn unsatisfiable_constraints() {
    // Positions: 0 hot+pinned, 1 must be the other hot field (4), 3 pinned: the group (1, 2)
    // would have to fit in position 2 alone.
    let items = [I8; 5];
    let groups: &[&[usize]] = &[&[1, 2]];
    let c = Constraints::NONE
        .pinned(&[0, 3])
        .hot(&[0, 4])
        .groups(groups);
    assert_eq!(
        suggest(&Problem::new(&items).constraints(c)),
        Err(OrderError::Unsatisfiable)
    );
}

#[test]
fn validation_errors() {
    let items = [I8, I64, I16, I32];
    let run = |c: Constraints<'_>| suggest(&Problem::new(&items).constraints(c));
    assert_eq!(
        run(Constraints::NONE.pinned(&[4])),
        Err(OrderError::IndexOutOfRange { index: 4, len: 4 })
    );
    assert_eq!(
        run(Constraints::NONE.hot(&[9])),
        Err(OrderError::IndexOutOfRange { index: 9, len: 4 })
    );
    assert_eq!(
        run(Constraints::NONE.pinned(&[1, 1])),
        Err(OrderError::DuplicatePinned(1))
    );
    assert_eq!(
        run(Constraints::NONE.hot(&[2, 2])),
        Err(OrderError::DuplicateHot(2))
    );
    assert_eq!(
        run(Constraints::NONE.groups(&[&[]])),
        Err(OrderError::EmptyGroup(0))
    );
    assert_eq!(
        run(Constraints::NONE.groups(&[&[0, 2]])),
        Err(OrderError::GroupNotConsecutive(0))
    );
    assert_eq!(
        run(Constraints::NONE.groups(&[&[1, 0]])),
        Err(OrderError::GroupNotConsecutive(0))
    );
    assert_eq!(
        run(Constraints::NONE.groups(&[&[0, 1], &[1, 2]])),
        Err(OrderError::OverlappingGroups(1))
    );
    assert_eq!(
        run(Constraints::NONE.groups(&[&[2, 3]]).hot(&[3])),
        Err(OrderError::GroupSplitByHot(0))
    );
    // A non-hot field pinned inside the hot block, and a hot field pinned beyond it.
    assert_eq!(
        run(Constraints::NONE.pinned(&[0]).hot(&[2])),
        Err(OrderError::PinConflictsWithHot(0))
    );
    assert_eq!(
        run(Constraints::NONE.pinned(&[3]).hot(&[3])),
        Err(OrderError::PinConflictsWithHot(3))
    );
    // A pin inside a group pins the group: consistent, not an error.
    assert!(run(Constraints::NONE.pinned(&[3]).groups(&[&[2, 3]])).is_ok());
    assert_eq!(
        run(Constraints::NONE.cache_line(0)),
        Err(OrderError::BadCacheLine)
    );
    let bad = [Item::new(3, 3)];
    assert_eq!(
        suggest(&Problem::new(&bad)),
        Err(OrderError::BadAlign { index: 0, align: 3 })
    );
    let bad = [Item::new(2, 4)];
    assert_eq!(
        suggest(&Problem::new(&bad)),
        Err(OrderError::SizeNotMultipleOfAlign { index: 0 })
    );
    let bad = [Item::new(2, 0)];
    assert_eq!(
        suggest(&Problem::new(&bad)),
        Err(OrderError::BadAlign { index: 0, align: 0 })
    );
    assert_eq!(
        suggest(&Problem::new(&items).min_struct_align(12)),
        Err(OrderError::BadStructAlign(12))
    );
    assert_eq!(
        layout_size(&items, &[0, 1, 2], 1),
        Err(OrderError::NotAPermutation)
    );
    assert_eq!(
        layout_size(&items, &[0, 1, 2, 2], 1),
        Err(OrderError::NotAPermutation)
    );
    assert_eq!(
        layout_size(&items, &[0, 1, 2, 7], 1),
        Err(OrderError::IndexOutOfRange { index: 7, len: 4 })
    );
    assert_eq!(layout_size(&items, &[1, 3, 2, 0], 1), Ok(16));
    assert_eq!(min_size(&items, 1), Ok(16));
    assert_eq!(min_size(&items, 64), Ok(64));
}

#[test]
fn overflow_is_an_error() {
    let big = Item::new(1 << 62, 1 << 62);
    // The sum overflows.
    let items = [Item::new(u64::MAX - 7, 8), I64];
    assert_eq!(min_size(&items, 1), Err(OrderError::Overflow));
    assert_eq!(suggest(&Problem::new(&items)), Err(OrderError::Overflow));
    // The sum fits but rounding it up to the alignment does not.
    let items = [big, big, big, I8];
    assert_eq!(min_size(&items, 1), Err(OrderError::Overflow));
    assert_eq!(suggest(&Problem::new(&items)), Err(OrderError::Overflow));
    // The minimum fits (3 * 2^62) but the declared order overflows: the struct cannot exist.
    let items = [I8, big, big, I8];
    assert_eq!(min_size(&items, 1), Ok(3 << 62));
    assert_eq!(
        layout_size(&items, &[0, 1, 2, 3], 1),
        Err(OrderError::Overflow)
    );
    assert_eq!(suggest(&Problem::new(&items)), Err(OrderError::Overflow));
    // Near the top of u64, orders that overflow are skipped, never wrapped.
    let items = [big, I8, big];
    let s = suggest(&Problem::new(&items)).unwrap();
    assert_eq!((s.declared_size, s.size), (3 << 62, 3 << 62));
    assert!(s.is_declared());
    let items = [I8, big, I8, Item::new(1 << 61, 1 << 61)];
    let s = suggest(&Problem::new(&items)).unwrap();
    assert_eq!(s.size, s.min_size);
    assert_eq!(layout_size(&items, &s.order, 1), Ok(s.size));
}

#[test]
fn deterministic() {
    let mut rng = Rng(9);
    for _ in 0..50 {
        let items = random_items(&mut rng, 16);
        let a = suggest(&Problem::new(&items)).unwrap();
        let b = suggest(&Problem::new(&items)).unwrap();
        assert_eq!(a, b);
    }
}

/// Sizes and alignments of common field types on a 64-bit target: integers, pointers,
/// `String`/`Vec`, `u128`, small arrays and tuples, `PhantomData`.
const COMMON: [(u64, u64); 18] = [
    (1, 1),
    (1, 1),
    (2, 2),
    (4, 4),
    (8, 8),
    (8, 8),
    (8, 8),
    (16, 8),
    (24, 8),
    (4, 4),
    (16, 16),
    (0, 1),
    (3, 1),
    (6, 2),
    (12, 4),
    (32, 8),
    (2, 1),
    (8, 4),
];

fn common_items(rng: &mut Rng, n: usize) -> Vec<Item> {
    (0..n)
        .map(|_| COMMON[rng.index(COMMON.len())])
        .map(|(s, a)| Item::new(s, a))
        .collect()
}

#[cfg(feature = "std")]
#[test]
fn sixteen_fields_are_fast_enough_in_debug() {
    // Not a benchmark (see benches/order.rs): a guard against a search blowing up, on common
    // field types and on the harsher random distribution used above.
    let mut rng = Rng(10);
    for (name, cases) in [
        (
            "common",
            (0..300)
                .map(|_| common_items(&mut rng, 16))
                .collect::<Vec<_>>(),
        ),
        (
            "harsh",
            (0..100).map(|_| random_items(&mut rng, 16)).collect(),
        ),
    ] {
        let start = std::time::Instant::now();
        let mut worst = core::time::Duration::ZERO;
        for items in &cases {
            let t = std::time::Instant::now();
            let s = suggest(&Problem::new(items)).unwrap();
            assert!(s.reaches_min() && s.exact);
            worst = worst.max(t.elapsed());
        }
        let mean = start.elapsed() / cases.len() as u32;
        std::eprintln!("16 {name} fields, debug: mean {mean:?}, worst {worst:?}");
        assert!(
            mean < core::time::Duration::from_millis(10),
            "mean {mean:?}"
        );
    }
}

#[test]
fn budgeted_exact_search_agrees_with_an_unbounded_one_on_17_to_24_fields() {
    let mut rng = Rng(17);
    let (mut exact, mut total) = (0, 0);
    for case in 0..40 {
        let n = EXACT_LIMIT + 1 + case % (SEARCH_LIMIT - EXACT_LIMIT);
        let items = common_items(&mut rng, n);
        let problem = Problem::new(&items);
        let s = suggest(&problem).unwrap();
        assert!(s.reaches_min(), "{items:?}");
        total += 1;
        if s.exact {
            exact += 1;
            let full = suggest_within(&problem, u64::MAX).unwrap();
            assert_eq!(s.order, full.order, "{items:?}");
        } else {
            // Out of budget: the heuristic's order, said to be unproven.
            assert_eq!(s.order, suggest_within(&problem, 0).unwrap().order);
        }
    }
    assert!(exact * 10 >= total * 9, "{exact} of {total} exact");
}

/// Budgets for the lower-bound tests: none, tiny ones that interrupt the first iterations, and
/// no limit.
const LOWER_BOUND_BUDGETS: [u64; 7] = [0, 1, 2, 5, 20, 200, u64::MAX];

/// The moves of the exact search for `plan` with no limit on the steps, and whether the bound
/// it gives within `budget` came from an interrupted search whose bound equals that answer (a
/// bound one too big would then exceed it).
fn lower_bound_is_tight_when_interrupted(
    problem: &Problem<'_>,
    budget: u64,
    fewest: usize,
) -> bool {
    let plan = Plan::new(
        problem.items,
        problem.min_struct_align,
        &problem.constraints,
    )
    .unwrap();
    let goal = if problem.constraints.is_empty() {
        exact::Goal {
            max_size: plan.min_size,
            max_hot_lines: 0,
        }
    } else {
        exact::best_reachable(&plan).unwrap()
    };
    matches!(
        exact::fewest_moves(&plan, goal, None, budget),
        exact::Fewest::OutOfBudget { at_least } if (at_least as usize).max(1) == fewest && fewest >= 1
    )
}

#[test]
fn moves_lower_bound_is_below_brute_force_up_to_8_fields() {
    let mut rng = Rng(41);
    let (mut checked, mut tight) = (0, 0);
    for case in 0..1500 {
        let n = small_size(case);
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        let oc = OwnedConstraints::random(&mut rng, n);
        let groups = oc.group_slices();
        let c = if case % 2 == 0 {
            Constraints::NONE
        } else {
            oc.constraints(&groups)
        };
        if declared_overflows(&items, align) {
            continue;
        }
        let problem = Problem::new(&items).min_struct_align(align).constraints(c);
        let Some((_, _, fewest, _)) = brute(&items, align, &c) else {
            continue;
        };
        let ctx = || alloc::format!("items {items:?} align {align} constraints {c:?}");
        let Ok(s) = suggest(&problem) else {
            continue;
        };
        assert_eq!(s.moves(), fewest, "{}", ctx());
        checked += 1;
        for budget in LOWER_BOUND_BUDGETS {
            let lb = moves_lower_bound(&problem, budget).unwrap();
            assert!(
                lb <= fewest,
                "bound {lb} > {fewest} at budget {budget}: {}",
                ctx()
            );
            if budget == u64::MAX {
                assert_eq!(lb, fewest, "{}", ctx());
            }
            if lb == fewest && lower_bound_is_tight_when_interrupted(&problem, budget, fewest) {
                tight += 1;
            }
        }
    }
    assert!(checked > 1200, "{checked}");
    // Interrupted searches whose bound is exactly the answer: a bound one too big would fail.
    assert!(tight > 100, "{tight}");
}

#[test]
fn moves_lower_bound_is_below_the_exact_answer_up_to_16_fields() {
    let mut rng = Rng(42);
    let (mut checked, mut tight, mut nontrivial) = (0, 0, 0);
    for case in 0..160 {
        let n = 9 + case % 8;
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        let oc = OwnedConstraints::random(&mut rng, n);
        let groups = oc.group_slices();
        let c = if case % 2 == 0 {
            Constraints::NONE
        } else {
            oc.constraints(&groups)
        };
        let problem = Problem::new(&items).min_struct_align(align).constraints(c);
        let Ok(s) = suggest(&problem) else {
            assert!(moves_lower_bound(&problem, u64::MAX).is_err());
            continue;
        };
        assert!(s.exact);
        checked += 1;
        let fewest = s.moves();
        if case % 8 == 0 && c.is_empty() {
            assert_eq!(fewest, min_moves_by_subsets(&items, align));
        }
        for budget in LOWER_BOUND_BUDGETS.into_iter().chain([1_000, 10_000]) {
            let lb = moves_lower_bound(&problem, budget).unwrap();
            assert!(
                lb <= fewest,
                "bound {lb} > {fewest} at budget {budget}: {items:?} {c:?}"
            );
            if budget == u64::MAX {
                assert_eq!(lb, fewest, "{items:?} {c:?}");
            }
            nontrivial += (lb >= 2) as usize;
            if lb == fewest && lower_bound_is_tight_when_interrupted(&problem, budget, fewest) {
                tight += 1;
            }
        }
    }
    assert!(checked > 120, "{checked}");
    assert!(tight > 20, "{tight}");
    assert!(nontrivial > 50, "{nontrivial}");
}

#[test]
fn moves_lower_bound_on_17_to_24_fields_agrees_with_the_budgeted_search() {
    let mut rng = Rng(43);
    let (mut exact, mut below) = (0, 0);
    for case in 0..24 {
        let n = EXACT_LIMIT + 1 + case % (SEARCH_LIMIT - EXACT_LIMIT);
        let items = common_items(&mut rng, n);
        let problem = Problem::new(&items);
        let heuristic = suggest_within(&problem, 0).unwrap();
        // The 64-unit tables run the same search as the 24-unit ones, step for step.
        let plan = Plan::new(&items, 1, &Constraints::NONE).unwrap();
        let goal = exact::Goal {
            max_size: plan.min_size,
            max_hot_lines: 0,
        };
        let outcome = |f: exact::Fewest| match f {
            exact::Fewest::Found(order) => (Some(order), 0),
            exact::Fewest::Impossible => (None, u32::MAX),
            exact::Fewest::OutOfBudget { at_least } => (None, at_least),
        };
        for budget in [0, 50, STEP_BUDGET] {
            assert_eq!(
                outcome(exact::fewest_moves_in::<{ SEARCH_LIMIT + 1 }>(
                    &plan, goal, None, budget
                )),
                outcome(exact::fewest_moves_in::<65>(&plan, goal, None, budget)),
                "{items:?}"
            );
        }
        for budget in [0, 3, 100, STEP_BUDGET] {
            let lb = moves_lower_bound(&problem, budget).unwrap();
            let s = suggest_within(&problem, budget).unwrap();
            assert!(lb <= s.moves() && lb <= heuristic.moves(), "{items:?}");
            if s.exact {
                // The same search completed: the bound is the answer.
                assert_eq!(lb, s.moves(), "{items:?}");
                exact += 1;
            } else {
                below += 1;
            }
        }
    }
    assert!(exact > 10 && below > 10, "{exact} {below}");
}

#[test]
fn moves_lower_bound_up_to_64_fields() {
    // Eight u8 separated by runs of seven u64: with no slack the u8 must form one block, which
    // keeps at most one of them in place (keeping two would move the seven u64 between them),
    // so exactly 7 moves; the search proves it.
    let mut items = Vec::new();
    for _ in 0..8 {
        items.push(I8);
        items.extend([I64; 7]);
    }
    let problem = Problem::new(&items);
    let s = suggest(&problem).unwrap();
    assert!(s.reaches_min() && !s.exact);
    assert_eq!(s.moves(), 7);
    // The gap relaxation alone proves it (each u8 kept off the first needs a filler before
    // the u64 after it, and only u8 can fill); so does the search, given the budget.
    assert_eq!(gaps::gap_bound(&items, s.min_size), 7);
    assert_eq!(moves_lower_bound(&problem, 0).unwrap(), 7);
    let lb = moves_lower_bound(&problem, 50 * STEP_BUDGET).unwrap();
    assert_eq!(lb, 7);
    for budget in [1, 10, 1_000, STEP_BUDGET] {
        assert!((1..=7).contains(&moves_lower_bound(&problem, budget).unwrap()));
    }
    // Random structs of 25-64 fields, with and without constraints: never above the
    // heuristic's moves (an upper bound on the answer when it reaches the same goal).
    let mut rng = Rng(44);
    for case in 0..40 {
        let n = 25 + rng.index(40);
        let items = common_items(&mut rng, n);
        let oc = OwnedConstraints::random(&mut rng, n);
        let groups = oc.group_slices();
        let c = if case % 2 == 0 {
            Constraints::NONE
        } else {
            oc.constraints(&groups)
        };
        let problem = Problem::new(&items).constraints(c);
        let Ok(s) = suggest(&problem) else {
            continue;
        };
        let plan = Plan::new(&items, 1, &c).unwrap();
        let lb = moves_lower_bound(&problem, 2_000).unwrap();
        if s.size == plan.min_size && s.hot_lines == plan.hot_lines_floor() {
            assert!(lb <= s.moves(), "{items:?} {c:?}");
        }
        assert!(lb <= n);
    }
    // Above 64 units no search, but the gap relaxation: eight u8 among u64 with no slack must
    // form one block, so 7 moves, which the heuristic reaches.
    let big: Vec<Item> = (0..70).map(|i| if i % 9 == 0 { I8 } else { I64 }).collect();
    let big = Problem::new(&big);
    assert_eq!(moves_lower_bound(&big, u64::MAX).unwrap(), 7);
    assert_eq!(suggest(&big).unwrap().moves(), 7);
}

#[test]
fn small_alignment_bound_is_below_brute_force() {
    // The relaxation alone (the fields aligned to at most each smaller alignment, in the same
    // slack), against brute force; often it is the answer (a bound one too big would fail).
    let mut rng = Rng(45);
    let (mut tight, mut positive) = (0, 0);
    for case in 0..1500 {
        let n = 2 + case % 7;
        let items = random_items(&mut rng, n);
        let align = random_struct_align(&mut rng);
        if declared_overflows(&items, align) {
            continue;
        }
        let (_, _, fewest, _) = brute(&items, align, &Constraints::NONE).unwrap();
        let plan = Plan::new(&items, align, &Constraints::NONE).unwrap();
        for budget in [0, 3, u64::MAX] {
            let bound = small_alignment_bound(&plan, budget).unwrap();
            assert!(
                bound <= fewest,
                "{bound} > {fewest}: {items:?} align {align}"
            );
            positive += (bound >= 1) as usize;
            tight += (bound >= 1 && bound == fewest) as usize;
        }
    }
    assert!(tight > 100, "{tight}");
    assert!(positive > tight, "{positive} {tight}");
    // Above 64 fields only the relaxation applies: eight runs of a u8 and three u32 (32 fields
    // aligned to at most 4, with no slack) among 40 u64.
    let mut items = Vec::new();
    for _ in 0..8 {
        items.push(I8);
        items.extend([I32; 3]);
        items.extend([I64; 5]);
    }
    assert_eq!(items.len(), 72);
    let problem = Problem::new(&items);
    let s = suggest(&problem).unwrap();
    let lb = moves_lower_bound(&problem, 50 * STEP_BUDGET).unwrap();
    assert!(lb >= 2 && lb <= s.moves(), "{lb} {}", s.moves());
}

// ---- The downward search after the heuristic ------------------------------------------------

/// No constraint, owned.
fn no_constraints() -> OwnedConstraints {
    OwnedConstraints {
        pinned: Vec::new(),
        groups: Vec::new(),
        hot: Vec::new(),
        cache_line: 64,
    }
}

/// Checks a suggestion against the heuristic's alone for the same problem: a valid permutation
/// honouring the constraints, the same size and hot lines, and no more moves. Returns whether
/// it has fewer.
fn check_against_heuristic(
    items: &[Item],
    align: u64,
    oc: &OwnedConstraints,
    s: &Suggestion,
    h: &Suggestion,
) -> bool {
    let n = items.len();
    let mut seen = vec![false; n];
    for &f in &s.order {
        assert!(f < n && !seen[f], "{items:?} {:?}", s.order);
        seen[f] = true;
    }
    assert_eq!(s.order.len(), n);
    assert_eq!(layout_size(items, &s.order, align), Ok(s.size));
    for &p in &oc.pinned {
        assert_eq!(s.order[p], p);
    }
    for g in &oc.groups {
        let at = s.order.iter().position(|&f| f == g[0]).unwrap();
        assert_eq!(&s.order[at..at + g.len()], g.as_slice());
    }
    assert!(s.order[..oc.hot.len()].iter().all(|f| oc.hot.contains(f)));
    assert_eq!(s.moves(), moves(&s.order));
    assert_eq!(s.moved, moved_fields(&s.order));
    assert_eq!(s.reaches_min(), s.blocked_by.is_empty(), "{items:?}");
    // With constraints the budgeted search for the best reachable size can beat the
    // heuristic's; otherwise the same goal, with no more moves.
    assert!((s.hot_lines, s.size) <= (h.hot_lines, h.size), "{items:?}");
    if (s.hot_lines, s.size) < (h.hot_lines, h.size) {
        assert!(!oc.pinned.is_empty() || !oc.groups.is_empty() || !oc.hot.is_empty());
        return false;
    }
    assert_eq!(
        s.blocked_by.is_empty(),
        h.blocked_by.is_empty(),
        "{items:?}"
    );
    assert!(s.moves() <= h.moves(), "{items:?}");
    s.moves() < h.moves()
}

#[test]
fn downward_search_improves_the_heuristic_on_17_to_64_fields() {
    let mut rng = Rng(61);
    let (mut improved, mut constrained, mut total) = (0, 0, 0);
    for case in 0..48 {
        let n = 17 + rng.index(48);
        let items = if case % 3 == 0 {
            random_items(&mut rng, n)
        } else {
            common_items(&mut rng, n)
        };
        let align = if case % 4 == 0 {
            random_struct_align(&mut rng)
        } else {
            1
        };
        let oc = if case % 2 == 0 {
            OwnedConstraints::random(&mut rng, n)
        } else {
            no_constraints()
        };
        let groups = oc.group_slices();
        let problem = Problem::new(&items)
            .min_struct_align(align)
            .constraints(oc.constraints(&groups));
        let (Ok(s), Ok(h)) = (suggest(&problem), suggest_within(&problem, 0)) else {
            continue;
        };
        total += 1;
        constrained += usize::from(!problem.constraints.is_empty());
        improved += usize::from(check_against_heuristic(&items, align, &oc, &s, &h));
        // Never below a proven lower bound; where the exact answer is known, never below it.
        assert!(moves_lower_bound(&problem, STEP_BUDGET).unwrap() <= s.moves());
        if n <= SEARCH_LIMIT {
            let full = suggest_within(&problem, u64::MAX).unwrap();
            assert!(full.exact && full.moves() <= s.moves(), "{items:?}");
            if s.exact {
                assert_eq!(s.order, full.order, "{items:?}");
            }
        }
    }
    std::eprintln!("{improved} of {total} improved ({constrained} constrained)");
    assert!(total > 40 && constrained > 15, "{total} {constrained}");
    assert!(improved > 10, "{improved} of {total} improved");
}

#[test]
fn downward_search_on_common_17_to_24_fields_against_the_exact_answer() {
    // Where the budgeted ascending search gives up (here within a small budget, so that it
    // often does), the downward one takes over: never below the exact answer, equal to it when
    // it says so, and often better than the heuristic.
    let mut rng = Rng(62);
    let (mut open, mut improved, mut proven) = (0, 0, 0);
    for case in 0..60 {
        let n = EXACT_LIMIT + 1 + case % (SEARCH_LIMIT - EXACT_LIMIT);
        let items = common_items(&mut rng, n);
        let problem = Problem::new(&items);
        let budget = [20, 200, 2_000][case % 3];
        let s = suggest_within(&problem, budget).unwrap();
        let ascending = exact::fewest_moves(
            &Plan::new(&items, 1, &Constraints::NONE).unwrap(),
            exact::Goal {
                max_size: min_size(&items, 1).unwrap(),
                max_hot_lines: 0,
            },
            None,
            budget,
        );
        let h = suggest_within(&problem, 0).unwrap();
        let oc = no_constraints();
        let better = check_against_heuristic(&items, 1, &oc, &s, &h);
        let full = suggest_within(&problem, u64::MAX).unwrap();
        assert!(full.exact && full.moves() <= s.moves(), "{items:?}");
        if s.exact {
            assert_eq!(s.order, full.order, "{items:?}");
        }
        if let exact::Fewest::OutOfBudget { at_least } = ascending {
            open += 1;
            improved += usize::from(better);
            // Exact only where the downward search reaches the proven bound.
            assert!(!s.exact || s.moves() == at_least as usize, "{items:?}");
            proven += usize::from(s.exact);
        }
    }
    std::eprintln!("{open} out of budget: {improved} improved, {proven} proven");
    assert!(
        open >= 20 && improved * 3 >= open && proven >= 5,
        "{open} {improved} {proven}"
    );
}

/// Debug-build cost of `suggest` on random structs of 32, 48 and 64 common fields (the
/// downward search's budget is sized from it): run by hand with
/// `cargo test -p layout-engine --lib downward_search_cost -- --ignored --nocapture`.
#[cfg(feature = "std")]
#[test]
#[ignore]
fn downward_search_cost_in_debug() {
    // The structs of section 4 of the benchmark (same seeds), and harsher ones.
    for (harsh, n) in [17, 18, 19, 20, 21, 22, 23, 24, 32, 48, 64]
        .map(|n| (false, n))
        .into_iter()
        .chain([32, 48, 64].map(|n| (true, n)))
    {
        let mut rng = Rng(if n <= SEARCH_LIMIT { 100 } else { 300 } + n as u64);
        let (mut worst, mut total, mut heur, mut ours) =
            (core::time::Duration::ZERO, core::time::Duration::ZERO, 0, 0);
        let cases = if n <= SEARCH_LIMIT { 200 } else { 100 };
        for _ in 0..cases {
            let items = if harsh {
                random_items(&mut rng, n)
            } else {
                common_items(&mut rng, n)
            };
            let problem = Problem::new(&items);
            let t = std::time::Instant::now();
            let s = suggest(&problem).unwrap();
            let e = t.elapsed();
            total += e;
            worst = worst.max(e);
            ours += s.moves();
            heur += suggest_within(&problem, 0).unwrap().moves();
        }
        let mean = total / cases;
        std::eprintln!(
            "{n} {} fields, debug: mean {mean:?}, worst {worst:?}; \
             moves {:.2} (heuristic {:.2})",
            if harsh { "harsh" } else { "common" },
            ours as f64 / f64::from(cases),
            heur as f64 / f64::from(cases),
        );
    }
}

/// The cost, in a debug build (the proc macro's), of the budgeted search for the best reachable
/// size above the exact limit with constraints (random pins, groups and hot fields), and how
/// often it beats the heuristic's size. A measurement, printed: `cargo test -p layout-engine
/// --lib constrained_cost_in_debug -- --ignored --nocapture`.
#[cfg(feature = "std")]
#[test]
#[ignore]
fn constrained_cost_in_debug() {
    for n in [17, 20, 24, 32, 48, 64] {
        let mut rng = Rng(700 + n as u64);
        let (mut worst, mut total, mut smaller, mut cases) = (
            core::time::Duration::ZERO,
            core::time::Duration::ZERO,
            0,
            0u32,
        );
        while cases < 100 {
            let items = common_items(&mut rng, n);
            let oc = OwnedConstraints::random(&mut rng, n);
            if oc.pinned.is_empty() && oc.groups.is_empty() {
                continue;
            }
            let groups = oc.group_slices();
            let problem = Problem::new(&items).constraints(oc.constraints(&groups));
            let Ok(h) = suggest_within(&problem, 0) else {
                continue;
            };
            cases += 1;
            let t = std::time::Instant::now();
            let s = suggest(&problem).unwrap();
            let e = t.elapsed();
            total += e;
            worst = worst.max(e);
            smaller += usize::from((s.hot_lines, s.size) < (h.hot_lines, h.size));
        }
        std::eprintln!(
            "{n} fields with pins or groups, debug: mean {:?}, worst {worst:?}; smaller than \
             the heuristic's for {smaller} of {cases}",
            total / cases
        );
    }
}

// ---- The gap relaxation --------------------------------------------------------------------

#[test]
fn gap_bound_is_below_brute_force_and_the_exact_answer() {
    // Against brute force up to 8 fields and the exact search up to 16; counted where it is the
    // answer, so that a bound one too big fails.
    let mut rng = Rng(47);
    let (mut tight, mut positive) = (0, 0);
    for case in 0..3000 {
        let n = 1 + case % 16;
        let items = if case % 2 == 0 {
            random_items(&mut rng, n)
        } else {
            common_items(&mut rng, n)
        };
        let align = random_struct_align(&mut rng);
        if declared_overflows(&items, align) {
            continue;
        }
        let fewest = if n <= 8 {
            brute(&items, align, &Constraints::NONE).unwrap().2
        } else {
            let s = suggest(&Problem::new(&items).min_struct_align(align)).unwrap();
            assert!(s.exact);
            s.moves()
        };
        let min_size = min_size(&items, align).unwrap();
        let bound = gaps::gap_bound(&items, min_size);
        assert!(
            bound <= fewest,
            "{bound} > {fewest}: {items:?} align {align}"
        );
        positive += (bound >= 1) as usize;
        tight += (bound >= 1 && bound == fewest) as usize;
        // The bound the engine reports includes it.
        let lb = moves_lower_bound(&Problem::new(&items).min_struct_align(align), 0).unwrap();
        assert!(lb >= bound && lb <= fewest, "{lb} {bound} {fewest}");
    }
    assert!(tight > 300, "{tight}");
    assert!(positive > tight, "{positive} {tight}");
}

/// Above the exact limit with a pin, the best reachable size is searched for (within a
/// budget), not taken from the heuristic: these 18 fields reach their minimum of 160 bytes
/// with field 10 pinned, where the heuristic alone stops at 176 (and the derive used to tell
/// the user that the pin kept `optimal` out of reach).
#[test]
fn a_pin_above_the_exact_limit_still_reaches_the_best_size() {
    let items: Vec<Item> = [
        (12, 4),
        (16, 16),
        (16, 16),
        (12, 4),
        (4, 4),
        (16, 16),
        (8, 8),
        (16, 16),
        (16, 8),
        (1, 1),
        (16, 16),
        (4, 4),
        (2, 2),
        (0, 1),
        (2, 2),
        (1, 1),
        (8, 8),
        (4, 4),
    ]
    .iter()
    .map(|&(size, align)| Item::new(size, align))
    .collect();
    let problem = Problem::new(&items).constraints(Constraints::NONE.pinned(&[10]));
    let heuristic = suggest_within(&problem, 0).unwrap();
    assert_eq!((heuristic.size, heuristic.exact), (176, false));
    let s = suggest(&problem).unwrap();
    assert_eq!(s.order[10], 10);
    assert_eq!(layout_size(&items, &s.order, 1), Ok(160));
    assert!(s.reaches_min() && s.blocked_by.is_empty());
}

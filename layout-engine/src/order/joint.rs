//! One order for several targets at once.
//!
//! A struct checked on several targets needs one declaration: an order that is the best on one
//! target and not on another sends the user round again. [`suggest_joint`] looks for an order
//! that reaches, on every target, the best size [`suggest`] reaches there (the minimum, unless
//! the constraints forbid it), moving the fewest fields; where no such order is found it returns
//! the best compromise and says what it costs on each target.
//!
//! Candidates: the declared order, each target's own suggestion, and (without constraints) the
//! fields sorted by decreasing alignment on one target with ties broken by the others, which is
//! minimal on every target whenever the targets agree on how the alignments compare. The best
//! candidate (fewest targets above their best size, then the least excess, then the fewest
//! moves) is then improved by putting moved fields back among the kept ones wherever no target
//! gets bigger.
//!
//! It is proven to move the fewest fields ([`Joint::exact`]) when every target's own
//! suggestion is exact and the result moves no more fields than the most any of them moves:
//! every order that is best on all targets is best on each, so it moves at least that many.

use alloc::vec::Vec;

use super::{
    Blocker, Constraints, OrderError, Problem, Suggestion, layout_size, moved_fields, moves,
    suggest,
};

/// Above this many fields the improvement step (cubic in the number of fields) is skipped.
const IMPROVE_LIMIT: usize = 64;

/// An order for several targets (the problems of [`suggest_joint`], in the same order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joint {
    /// The order: a permutation of the declared indices.
    pub order: Vec<usize>,
    /// Declared indices of the moved fields, ascending.
    pub moved: Vec<usize>,
    /// The size with `order` on each target.
    pub sizes: Vec<u64>,
    /// The best size any order reaches on each target under the constraints (each target's own
    /// suggestion's size).
    pub best: Vec<u64>,
    /// Whether the order is proven to move the fewest fields among the orders that reach the
    /// best size everywhere (see [`suggest_joint`]).
    pub exact: bool,
    /// Whether every target's best size is proven ([`Blocker::Unproven`] on none: with pins or
    /// groups above [`EXACT_LIMIT`](super::EXACT_LIMIT) units the search for it has a budget).
    pub best_proven: bool,
}

impl Joint {
    /// Whether the order reaches the best size on every target.
    pub fn best_everywhere(&self) -> bool {
        self.sizes == self.best
    }

    /// The number of moved fields.
    pub fn moves(&self) -> usize {
        self.moved.len()
    }
}

/// The best single order for `problems`: the same fields (by count and declared index) and the
/// same constraints laid out on several targets.
///
/// Candidates: the declared order, each target's own suggestion, and (without constraints) the
/// fields sorted by decreasing alignment on one target with ties broken by the others. The best
/// candidate (fewest targets above their best size, then the least excess, then the fewest
/// moves) is improved by putting moved fields back wherever no target gets bigger. It is proven
/// to move the fewest fields when every target's own suggestion is exact and it moves no more
/// fields than the most any of them moves.
pub fn suggest_joint(problems: &[Problem<'_>]) -> Result<Joint, OrderError> {
    let Some(first) = problems.first() else {
        return Ok(Joint {
            order: Vec::new(),
            moved: Vec::new(),
            sizes: Vec::new(),
            best: Vec::new(),
            exact: true,
            best_proven: true,
        });
    };
    let n = first.items.len();
    if problems.iter().any(|p| p.items.len() != n) {
        return Err(OrderError::NotAPermutation);
    }
    let own: Vec<Suggestion> = problems.iter().map(suggest).collect::<Result<_, _>>()?;
    let best: Vec<u64> = own.iter().map(|s| s.size).collect();

    let mut candidates: Vec<Vec<usize>> = Vec::with_capacity(2 * problems.len() + 1);
    candidates.push((0..n).collect());
    candidates.extend(own.iter().map(|s| s.order.clone()));
    if first.constraints.is_empty() {
        for lead in 0..problems.len() {
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&a, &b| {
                let key = |i: usize| {
                    core::iter::once(lead)
                        .chain(0..problems.len())
                        .map(move |t| core::cmp::Reverse(problems[t].items[i].align))
                };
                key(a).cmp(key(b))
            });
            candidates.push(order);
        }
    }

    let mut chosen: Option<(Score, Vec<usize>)> = None;
    for order in candidates {
        if !honours(&order, &first.constraints) {
            continue;
        }
        let score = score(problems, &order, &best)?;
        if chosen
            .as_ref()
            .is_none_or(|(s, o)| (&score, &order) < (s, o))
        {
            chosen = Some((score, order));
        }
    }
    // The declared order honours every constraint, so there is always a candidate.
    let (score, mut order) = chosen.ok_or(OrderError::NotAPermutation)?;
    if n <= IMPROVE_LIMIT {
        order = improve(problems, order, &score, &first.constraints)?;
    }
    let sizes = sizes(problems, &order)?;
    let moved = moved_fields(&order);
    let exact = sizes == best
        && own.iter().all(|s| s.exact)
        && moved.len() <= own.iter().map(Suggestion::moves).max().unwrap_or(0);
    let best_proven = own
        .iter()
        .all(|s| !s.blocked_by.contains(&Blocker::Unproven));
    Ok(Joint {
        order,
        moved,
        sizes,
        best,
        exact,
        best_proven,
    })
}

/// How good an order is for all targets: targets above their best size, total excess, moves
/// (smaller is better).
type Score = (usize, u64, usize);

fn sizes(problems: &[Problem<'_>], order: &[usize]) -> Result<Vec<u64>, OrderError> {
    problems
        .iter()
        .map(|p| layout_size(p.items, order, p.min_struct_align))
        .collect()
}

fn score(problems: &[Problem<'_>], order: &[usize], best: &[u64]) -> Result<Score, OrderError> {
    let sizes = sizes(problems, order)?;
    let over = sizes.iter().zip(best).filter(|(s, b)| s > b).count();
    let excess = sizes
        .iter()
        .zip(best)
        .map(|(s, b)| s.saturating_sub(*b))
        .fold(0u64, u64::saturating_add);
    Ok((over, excess, moves(order)))
}

/// `order` with moved fields put back among the kept ones wherever that makes no target bigger
/// and the order still honours the constraints, until no field can go back.
fn improve(
    problems: &[Problem<'_>],
    mut order: Vec<usize>,
    score_now: &Score,
    constraints: &Constraints<'_>,
) -> Result<Vec<usize>, OrderError> {
    let mut now = *score_now;
    let limits = sizes(problems, &order)?;
    'again: loop {
        for f in moved_fields(&order) {
            let from = order.iter().position(|&x| x == f).unwrap_or(0);
            let mut trial = order.clone();
            trial.remove(from);
            for at in 0..=trial.len() {
                trial.insert(at, f);
                if honours(&trial, constraints) {
                    let s = sizes(problems, &trial)?;
                    let m = moves(&trial);
                    if m < now.2 && s.iter().zip(&limits).all(|(a, b)| a <= b) {
                        now.2 = m;
                        order = trial;
                        continue 'again;
                    }
                }
                trial.remove(at);
            }
        }
        return Ok(order);
    }
}

/// Whether `order` keeps pinned fields at their declared index, hot fields first and groups
/// adjacent and in declared order.
fn honours(order: &[usize], c: &Constraints<'_>) -> bool {
    if c.pinned.iter().any(|&p| order.get(p) != Some(&p)) {
        return false;
    }
    if !c.hot.is_empty()
        && !order[..c.hot.len().min(order.len())]
            .iter()
            .all(|f| c.hot.contains(f))
    {
        return false;
    }
    c.groups.iter().all(|g| {
        let Some(start) = g.first().and_then(|f| order.iter().position(|x| x == f)) else {
            return true;
        };
        order.get(start..start + g.len()) == Some(g)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::Item;

    fn items(spec: &[(u64, u64)]) -> Vec<Item> {
        spec.iter().map(|&(s, a)| Item::new(s, a)).collect()
    }

    #[test]
    fn one_order_minimal_on_64_and_32_bit() {
        // `{ alive: bool, pos: [f32; 3], vel: [f32; 3], id: u64, kind: u8 }`.
        let x86_64 = items(&[(1, 1), (12, 4), (12, 4), (8, 8), (1, 1)]);
        let i686 = items(&[(1, 1), (12, 4), (12, 4), (8, 4), (1, 1)]);
        let problems = [Problem::new(&x86_64), Problem::new(&i686)];
        let j = suggest_joint(&problems).unwrap();
        assert!(j.best_everywhere(), "{j:?}");
        assert_eq!(j.best, [40, 36]);
        assert_eq!(j.moves(), 1, "{j:?}");
        assert!(j.exact);
        for p in &problems {
            let own = suggest(p).unwrap();
            assert_eq!(layout_size(p.items, &j.order, 1).unwrap(), own.size);
        }
    }

    #[test]
    fn constraints_are_honoured_and_a_declared_minimum_is_kept() {
        let a = items(&[(8, 8), (4, 4), (1, 1), (1, 1)]);
        let b = items(&[(8, 4), (4, 4), (1, 1), (1, 1)]);
        let problems = [Problem::new(&a), Problem::new(&b)];
        let j = suggest_joint(&problems).unwrap();
        assert_eq!(j.order, [0, 1, 2, 3]);
        assert!(j.exact);

        let x = items(&[(1, 1), (8, 8), (2, 2)]);
        let y = items(&[(1, 1), (8, 4), (2, 2)]);
        let pinned = [0usize];
        let c = Constraints::NONE.pinned(&pinned);
        let problems = [
            Problem::new(&x).constraints(c),
            Problem::new(&y).constraints(c),
        ];
        let j = suggest_joint(&problems).unwrap();
        assert_eq!(j.order[0], 0);
        assert!(honours(&j.order, &c));
    }

    /// Every permutation of `0..n`.
    fn permutations(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return alloc::vec![Vec::new()];
        }
        let mut out = Vec::new();
        for p in permutations(n - 1) {
            for at in 0..=p.len() {
                let mut q = p.clone();
                q.insert(at, n - 1);
                out.push(q);
            }
        }
        out
    }

    #[test]
    fn against_brute_force_on_three_targets() {
        // Scalars as (size, align) on x86_64, i686 and msp430.
        const KINDS: [[(u64, u64); 3]; 6] = [
            [(1, 1); 3],
            [(2, 2), (2, 2), (2, 2)],
            [(4, 4), (4, 4), (4, 2)],
            [(8, 8), (8, 4), (8, 2)],
            [(16, 16), (16, 16), (16, 2)],
            [(12, 4), (12, 4), (12, 2)],
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let (mut everywhere, mut exact) = (0, 0);
        for _ in 0..300 {
            let n = 2 + next(6) as usize;
            let kinds: Vec<usize> = (0..n).map(|_| next(6) as usize).collect();
            let per: Vec<Vec<Item>> = (0..3)
                .map(|t| {
                    kinds
                        .iter()
                        .map(|&k| Item::new(KINDS[k][t].0, KINDS[k][t].1))
                        .collect()
                })
                .collect();
            let problems: Vec<Problem<'_>> = per.iter().map(|i| Problem::new(i)).collect();
            let j = suggest_joint(&problems).unwrap();
            // Brute force: the fewest moves among orders that are best on every target.
            let fewest = permutations(n)
                .into_iter()
                .filter(|o| sizes(&problems, o).unwrap() == j.best)
                .map(|o| moves(&o))
                .min();
            assert_eq!(j.best_everywhere(), fewest.is_some(), "{kinds:?}: {j:?}");
            if let Some(fewest) = fewest {
                everywhere += 1;
                assert!(j.moves() >= fewest);
                if j.exact {
                    exact += 1;
                    assert_eq!(j.moves(), fewest, "{kinds:?}: {j:?}");
                }
            }
        }
        assert!(everywhere > 250 && exact > 200, "{everywhere} {exact}");
    }
}

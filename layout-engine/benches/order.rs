//! Benchmark of `layout_engine::order`: `cargo bench -p layout-engine --bench order`.
//!
//! Each figure is printed next to a baseline measured in the same run on the same input: a
//! plain stable sort of the field indices by decreasing alignment (what Go's fieldalignment
//! does, and the usual "sort your fields" advice), which also always reaches the minimum size
//! but moves many more fields.

use std::cmp::Reverse;
use std::hint::black_box;
use std::time::{Duration, Instant};

use layout_engine::order::{
    EXACT_LIMIT, Item, Problem, STEP_BUDGET, layout_size, min_size, moves, moves_lower_bound,
    suggest, suggest_within,
};

/// The step budget of the proven lower bound on the fewest moves ([`moves_lower_bound`]) in
/// section 4: bench-only, far above what `suggest` may spend.
const BOUND_BUDGET: u64 = 25 * STEP_BUDGET;

/// splitmix64: seeded, so every run measures the same structs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn index(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Sizes and alignments of common field types on x86_64: integers, pointers, `String`/`Vec`,
/// `u128`, small arrays and tuples, `PhantomData`.
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

fn random_struct(rng: &mut Rng, n: usize) -> Vec<Item> {
    (0..n)
        .map(|_| COMMON[rng.index(COMMON.len())])
        .map(|(size, align)| Item::new(size, align))
        .collect()
}

/// The baseline: declared indices stably sorted by decreasing alignment.
fn sort_by_align(items: &[Item]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| Reverse(items[i].align));
    order
}

/// The median of `rounds` timings of `f`.
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

fn main() {
    println!("layout_engine::order benchmark (baseline: stable sort by decreasing alignment)");

    // 1. The heuristic on one 10,000-field struct.
    let mut rng = Rng(2024);
    let items = random_struct(&mut rng, 10_000);
    let problem = Problem::new(&items);
    let ours = median(21, || {
        black_box(suggest(black_box(&problem)).unwrap());
    });
    let base = median(21, || {
        black_box(sort_by_align(black_box(&items)));
    });
    let s = suggest(&problem).unwrap();
    let sorted = sort_by_align(&items);
    assert_eq!(layout_size(&items, &sorted, 1), Ok(s.min_size));
    println!();
    println!("1. suggest, one struct of 10,000 random fields (median of 21 runs)");
    println!(
        "   suggest {:>10.3} ms   baseline {:>8.3} ms   ratio {:>6.1}x",
        ms(ours),
        ms(base),
        ratio(ours, base)
    );
    println!(
        "   size: declared {} -> {} (minimum {}, reached: {}); moves: {} vs {} for the baseline",
        s.declared_size,
        s.size,
        s.min_size,
        s.reaches_min(),
        s.moves(),
        moves(&sorted)
    );

    // 2. The exact search on many 16-field structs (3. the same on 8-field structs).
    for (section, n) in [(2, 16), (3, 8)] {
        let mut rng = Rng(7 + n as u64);
        let batch: Vec<Vec<Item>> = (0..2000).map(|_| random_struct(&mut rng, n)).collect();
        let run_ours = || {
            for items in &batch {
                black_box(suggest(&Problem::new(black_box(items))).unwrap());
            }
        };
        let run_base = || {
            for items in &batch {
                black_box(sort_by_align(black_box(items)));
            }
        };
        let ours = median(5, run_ours) / batch.len() as u32;
        let base = median(5, run_base) / batch.len() as u32;
        let (mut ours_moves, mut base_moves, mut minimal, mut worst) = (0, 0, 0, Duration::ZERO);
        for items in &batch {
            let t = Instant::now();
            let s = suggest(&Problem::new(items)).unwrap();
            worst = worst.max(t.elapsed());
            assert!(s.exact && s.reaches_min());
            assert_eq!(s.min_size, min_size(items, 1).unwrap());
            ours_moves += s.moves();
            base_moves += moves(&sort_by_align(items));
            minimal += s.is_declared() as usize;
        }
        println!();
        println!(
            "{section}. exact fewest moves, {} random {n}-field structs (mean per struct, median of 5 batches)",
            batch.len()
        );
        println!(
            "   suggest {:>10.3} us   baseline {:>8.3} us   ratio {:>6.1}x   (slowest struct {:.3} ms)",
            us(ours),
            us(base),
            ratio(ours, base),
            ms(worst)
        );
        println!(
            "   moves per struct: {:.2} vs {:.2} for the baseline; {} already minimal (0 moves)",
            ours_moves as f64 / batch.len() as f64,
            base_moves as f64 / batch.len() as f64,
            minimal
        );
    }
    beyond_the_exact_limit();
}

/// Section 4: structs of 17-24 fields: the share the budgeted exact search proves, its time,
/// and the moves of the heuristic alone and of `suggest` (the heuristic improved by the
/// downward search where the budget runs out) against the exact answer, or where that is not
/// found, against a proven lower bound; the same for 25-64 fields.
fn beyond_the_exact_limit() {
    println!();
    println!(
        "4. 17-24 fields: exact search within {STEP_BUDGET} steps (200 random structs per size)"
    );
    println!(
        "   fields  exact  mean time  slowest   moves  heuristic  suggest  exact (no budget, where found)  \
         within one  | not found: heuristic  suggest  proven bound  within one"
    );
    for n in EXACT_LIMIT + 1..=24 {
        let mut rng = Rng(100 + n as u64);
        let batch: Vec<Vec<Item>> = (0..200).map(|_| random_struct(&mut rng, n)).collect();
        let (mut exact, mut total, mut worst, mut moves_sum) =
            (0, Duration::ZERO, Duration::ZERO, 0);
        let (mut heur, mut ours, mut best, mut compared, mut within) = (0, 0, 0, 0, 0);
        // Where 50 times the budget does not find the exact answer: the heuristic's moves, the
        // proven lower bound and how often the first is at most the second plus one.
        // ("within one": `suggest`'s moves.)
        let (mut open, mut open_heur, mut open_ours, mut open_bound, mut open_within) =
            (0, 0, 0, 0, 0);
        for items in &batch {
            let problem = Problem::new(items);
            let t = Instant::now();
            let s = suggest(&problem).unwrap();
            let e = t.elapsed();
            total += e;
            worst = worst.max(e);
            assert!(s.reaches_min());
            exact += s.exact as usize;
            moves_sum += s.moves();
            let h = suggest_within(&problem, 0).unwrap();
            // The exact answer with 50 times the budget, where that finds it.
            let full = suggest_within(&problem, 50 * STEP_BUDGET).unwrap();
            if full.exact {
                compared += 1;
                heur += h.moves();
                ours += s.moves();
                best += full.moves();
                within += usize::from(s.moves() <= full.moves() + 1);
            } else {
                let bound = moves_lower_bound(&problem, BOUND_BUDGET).unwrap();
                assert!(bound <= s.moves() && s.moves() <= h.moves());
                open += 1;
                open_heur += h.moves();
                open_ours += s.moves();
                open_bound += bound;
                open_within += usize::from(s.moves() <= bound + 1);
            }
        }
        let not_found = if open == 0 {
            format!(
                "{open:>3}: {:>9}  {:>7}  {:>12}  {:>10}",
                "-", "-", "-", "-"
            )
        } else {
            format!(
                "{open:>3}: {:>9.2}  {:>7.2}  {:>12.2}  {:>9.0}%",
                open_heur as f64 / open as f64,
                open_ours as f64 / open as f64,
                open_bound as f64 / open as f64,
                100.0 * open_within as f64 / open as f64,
            )
        };
        println!(
            "   {n:>6}  {:>4.0}%  {:>7.1} us  {:>6.2} ms  {:>5.2}  {:>9.2}  {:>7.2}  {:>5.2} ({compared:>3})\
             {:>21.0}%  | {not_found}",
            100.0 * exact as f64 / batch.len() as f64,
            us(total / batch.len() as u32),
            ms(worst),
            moves_sum as f64 / batch.len() as f64,
            heur as f64 / compared.max(1) as f64,
            ours as f64 / compared.max(1) as f64,
            best as f64 / compared.max(1) as f64,
            100.0 * within as f64 / compared.max(1) as f64,
        );
    }
    // 25-64 fields: the moves of the heuristic alone and of `suggest` (improved by the downward
    // search) against the trivial lower bound (1 when the declared order is not minimal, since
    // some field must move; 0 otherwise) and the proven one (the exact search within
    // BOUND_BUDGET steps), and the share of structs whose moves (`suggest`'s) are at most the
    // proven bound plus one (where found, the bound is the exact answer).
    println!(
        "   fields  heuristic moves  suggest  lower bound  (25-64: trivial)  proven bound  within one  \
         (bound within {BOUND_BUDGET} steps, exact where found)  time"
    );
    for n in [32, 48, 64] {
        let mut rng = Rng(300 + n as u64);
        let (mut heur, mut ours, mut lower, mut proven, mut within) = (0, 0, 0, 0, 0);
        let t = Instant::now();
        for _ in 0..100 {
            let items = random_struct(&mut rng, n);
            let problem = Problem::new(&items);
            let s = suggest(&problem).unwrap();
            let h = suggest_within(&problem, 0).unwrap();
            let bound = moves_lower_bound(&problem, BOUND_BUDGET).unwrap();
            assert!(bound <= s.moves() && s.moves() <= h.moves());
            heur += h.moves();
            ours += s.moves();
            lower += usize::from(s.declared_size > s.min_size);
            proven += bound;
            within += usize::from(s.moves() <= bound + 1);
        }
        println!(
            "   {n:>6}  {:>15.2}  {:>7.2}  {:>11.2}  {:>16}  {:>12.2}  {:>9.0}%  {:>46}  {:.1} s",
            heur as f64 / 100.0,
            ours as f64 / 100.0,
            lower as f64 / 100.0,
            "",
            proven as f64 / 100.0,
            within as f64,
            "",
            t.elapsed().as_secs_f64()
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-12)
}

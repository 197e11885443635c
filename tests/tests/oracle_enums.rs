//! Enums against rustc itself, on every built-in target rustc can compile for.
//!
//! The seeded enum corpus (`repr(C)`, `repr(Int)`, `repr(C, Int)`, `align(N)`, fieldless and
//! with data, discriminants that widen tags, structs holding enums and variants holding structs)
//! is compiled by rustc for each target with `-Zprint-type-sizes`. For every enum, the size,
//! alignment, tag width, every variant's field offsets and sizes, and the size rustc prints for
//! each variant must equal the engine's; for every struct, its size, alignment and field
//! offsets. Enums the engine rejects on a target (a discriminant out of `isize`'s range there)
//! are left out of that target's crate, and some are compiled alone to confirm that rustc
//! rejects them too. The test fails, never skips, when the oracle itself cannot run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use layout_core::{LayoutError, ReprBase, ReprProblem, Target};
use layout_tests::corpus::Corpus;
use layout_tests::enum_corpus;
use layout_tests::oracle::{self, Measured};

/// What the engine says of one corpus type on one target.
enum Verdict {
    /// A layout: defined and kept in rustc's crate.
    Laid,
    /// Too big: defined, not kept (rustc would fail to lay it out).
    TooBig,
    /// Rejected by the engine as rustc would reject it: not defined. `own` is set when the
    /// type's own definition is at fault (not a type it nests).
    Rejected { own: bool, problem: ReprProblem },
    /// Any other error: a test failure.
    Failed(String),
}

fn verdict(name: &str, result: Result<(), LayoutError<'_>>) -> Verdict {
    match result {
        Ok(()) => Verdict::Laid,
        Err(LayoutError::TooBig { .. }) => Verdict::TooBig,
        Err(LayoutError::BadRepr { ty, problem }) => Verdict::Rejected {
            own: ty == name,
            problem,
        },
        Err(e) => Verdict::Failed(e.to_string()),
    }
}

/// The corpus's types on one target: each name with the engine's verdict.
fn verdicts(corpus: &Corpus, target: &'static Target) -> Vec<(&'static str, bool, Verdict)> {
    let mut out = Vec::new();
    for e in &corpus.enums {
        let r = e.def.layout_on(target).map(|_| ());
        out.push((e.def.name, true, verdict(e.def.name, r)));
    }
    for s in &corpus.structs {
        let r = s.def.layout_on(target).map(|_| ());
        out.push((s.def.name, false, verdict(s.def.name, r)));
    }
    out
}

/// The crate for one target: every type not rejected there, plus `extra` definitions, and a
/// `keep` item for each name in `kept`.
fn source(corpus: &Corpus, defined: &[&str], kept: &[&str]) -> String {
    let mut src = String::new();
    for e in corpus
        .enums
        .iter()
        .filter(|e| defined.contains(&e.def.name))
    {
        src.push_str(&e.rust_source(true));
    }
    for s in corpus
        .structs
        .iter()
        .filter(|s| defined.contains(&s.def.name))
    {
        src.push_str(&s.rust_source(true));
    }
    for name in kept {
        src.push_str(&oracle::keep(name));
    }
    src
}

/// How many types the engine rejects or calls too big are compiled alone per target, to
/// confirm that rustc rejects them too.
const REJECTED_CHECKED: usize = 2;

/// What one target contributed: differences, and counts of what was compared.
#[derive(Default)]
struct Outcome {
    diffs: Vec<String>,
    enums: usize,
    variants: usize,
    fields: usize,
    structs: usize,
    rejected: usize,
    confirmed: usize,
}

fn check_target(target: &'static Target, corpus: &Corpus) -> Outcome {
    let mut out = Outcome::default();
    let all = verdicts(corpus, target);
    let defined: Vec<&str> = all
        .iter()
        .filter(|(_, _, v)| !matches!(v, Verdict::Rejected { .. }))
        .map(|(n, _, _)| *n)
        .collect();
    let kept: Vec<&str> = all
        .iter()
        .filter(|(_, _, v)| matches!(v, Verdict::Laid))
        .map(|(n, _, _)| *n)
        .collect();
    for (name, _, v) in &all {
        match v {
            Verdict::Failed(e) => out.diffs.push(format!("{target} / {name}: engine: {e}")),
            Verdict::Rejected { .. } => out.rejected += 1,
            _ => {}
        }
    }
    let base = source(corpus, &defined, &[]);
    match oracle::measure(target.triple, &source(corpus, &defined, &kept)) {
        Ok(measured) => compare(target, corpus, &kept, &measured, &mut out),
        Err(e) => out
            .diffs
            .push(format!("the oracle failed for {target}: {e}")),
    }
    // rustc must reject what the engine rejects, for the reason it gives.
    let own_rejections = all.iter().filter_map(|(n, is_enum, v)| match v {
        Verdict::Rejected { own: true, problem } if *is_enum => Some((*n, *problem)),
        _ => None,
    });
    for (name, problem) in own_rejections.take(REJECTED_CHECKED) {
        let e = corpus.enums.iter().find(|e| e.def.name == name).unwrap();
        let src = format!("{base}{}", e.rust_source(true));
        // rustc evaluates a literal out of range to the value it wraps to, and may report what
        // that causes first: an overflow of the next implicit value, or a duplicate.
        let expected: &[&str] = match problem {
            ReprProblem::DiscriminantOutOfRange(_) => &["literal out of range", "E0370", "E0081"],
            ReprProblem::DiscriminantOverflow(_) => &["E0370"],
            ReprProblem::DuplicateDiscriminant(_) => &["E0081"],
            other => {
                out.diffs
                    .push(format!("{target} / {name}: unexpected rejection {other:?}"));
                continue;
            }
        };
        match oracle::measure(target.triple, &src) {
            Err(oracle::OracleError::Rustc { stderr, .. })
                if expected.iter().any(|x| stderr.contains(x)) =>
            {
                out.confirmed += 1
            }
            other => out.diffs.push(format!(
                "{target} / {name}: the engine says {problem:?}, rustc says {other:?}"
            )),
        }
    }
    let too_big = all
        .iter()
        .filter(|(_, _, v)| matches!(v, Verdict::TooBig))
        .map(|(n, _, _)| *n);
    for name in too_big.take(REJECTED_CHECKED) {
        match oracle::measure(target.triple, &format!("{base}{}", oracle::keep(name))) {
            Err(oracle::OracleError::Rustc { stderr, .. }) if stderr.contains("too big") => {
                out.confirmed += 1
            }
            other => out.diffs.push(format!(
                "{target} / {name}: the engine says too big, rustc says {other:?}"
            )),
        }
    }
    out
}

/// Every difference between the engine and rustc for one target.
fn compare(
    target: &'static Target,
    corpus: &Corpus,
    kept: &[&str],
    measured: &BTreeMap<String, Measured>,
    out: &mut Outcome,
) {
    // The generated table of C enum widths, against the smallest C enum.
    match measured.get("CMin") {
        Some(m) if Some(m.size) == target.c_enum_min_bytes() => {}
        other => out.diffs.push(format!(
            "{target}: C enum width {:?} in the engine's table, rustc lays `enum CMin {{ A }}` out as {other:?}",
            target.c_enum_min_bytes()
        )),
    }
    for e in corpus.enums.iter().filter(|e| kept.contains(&e.def.name)) {
        let name = e.def.name;
        let Some(real) = measured.get(name) else {
            out.diffs
                .push(format!("{target} / {name}: rustc printed no layout"));
            continue;
        };
        let engine = e.def.layout_on(target).expect("kept only when laid out");
        out.enums += 1;
        if (engine.size(), engine.align()) != (real.size, real.align) {
            out.diffs.push(format!(
                "{target} / {name}: size/align engine {}/{}, rustc {}/{}",
                engine.size(),
                engine.align(),
                real.size,
                real.align
            ));
        }
        // rustc prints the discriminant first and each variant's fields after it: the tag is at
        // offset 0.
        if engine.tag.offset != 0 || real.discriminant != Some(engine.tag.size) {
            out.diffs.push(format!(
                "{target} / {name}: tag at {} of {} bytes, rustc: {:?} bytes at 0",
                engine.tag.offset, engine.tag.size, real.discriminant
            ));
        }
        for (v, variant) in e.def.variants.iter().enumerate() {
            out.variants += 1;
            let Some(rv) = real.variants.iter().find(|r| r.name == variant.name) else {
                out.diffs.push(format!(
                    "{target} / {name}::{}: rustc printed no such variant",
                    variant.name
                ));
                continue;
            };
            // rustc's printed variant size: to the end of its fields, or of its whole struct
            // when it has none, less the tag.
            let placed = &engine.variants[v];
            let printed = if variant.fields.is_empty() {
                placed.size
            } else {
                placed.end
            } - engine.tag.size;
            if printed != rv.size {
                out.diffs.push(format!(
                    "{target} / {name}::{}: variant size engine {printed} (struct {placed:?}), rustc {}",
                    variant.name, rv.size
                ));
            }
            if !variant.fields.is_empty() && engine.payload_size(v) != rv.size {
                out.diffs.push(format!(
                    "{target} / {name}::{}: payload {} bytes, rustc {}",
                    variant.name,
                    engine.payload_size(v),
                    rv.size
                ));
            }
            for (field, f) in variant.fields.iter().zip(engine.variant_fields(v)) {
                out.fields += 1;
                match rv.fields.iter().find(|r| r.name == field.name) {
                    Some(r) if (r.offset, r.size) == (f.offset, f.size) => {}
                    other => out.diffs.push(format!(
                        "{target} / {name}::{}.{}: offset/size engine {}/{}, rustc {other:?}",
                        variant.name, field.name, f.offset, f.size
                    )),
                }
            }
        }
    }
    for s in corpus.structs.iter().filter(|s| kept.contains(&s.def.name)) {
        let name = s.def.name;
        let Some(real) = measured.get(name) else {
            out.diffs
                .push(format!("{target} / {name}: rustc printed no layout"));
            continue;
        };
        let engine = s.def.layout_on(target).expect("kept only when laid out");
        out.structs += 1;
        if (engine.size(), engine.align()) != (real.size, real.align) {
            out.diffs.push(format!(
                "{target} / {name}: size/align engine {}/{}, rustc {}/{}",
                engine.size(),
                engine.align(),
                real.size,
                real.align
            ));
        }
        for (field, placed) in s.def.fields.iter().zip(&engine.fields) {
            if s.def.repr.base == ReprBase::Transparent && placed.size == 0 {
                continue; // unspecified, as in the struct oracle test
            }
            out.fields += 1;
            match real.fields.iter().find(|f| f.name == field.name) {
                Some(r) if (r.offset, r.size) == (placed.offset, placed.size) => {}
                other => out.diffs.push(format!(
                    "{target} / {name}.{}: offset/size engine {}/{}, rustc {other:?}",
                    field.name, placed.offset, placed.size
                )),
            }
        }
    }
}

#[test]
fn enums_match_rustc_on_every_target() {
    let corpus = enum_corpus::enums();
    assert!(corpus.enums.len() >= 300, "{} enums", corpus.enums.len());
    let triples =
        oracle::compilable_targets().unwrap_or_else(|e| panic!("the oracle cannot run: {e}"));
    assert!(
        triples.len() >= 300,
        "rustc lists only {} compilable targets: is this rustc complete?",
        triples.len()
    );
    let targets: Vec<&'static Target> = triples.iter().filter_map(|t| Target::find(t)).collect();
    assert_eq!(
        targets.len(),
        triples.len(),
        "the engine's table lacks targets"
    );
    let outcomes: Vec<Outcome> =
        layout_tests::oracle::on_each_target(&targets, |t| check_target(t, &corpus));
    let sum = |f: fn(&Outcome) -> usize| outcomes.iter().map(f).sum::<usize>();
    eprintln!(
        "oracle: {} enums and {} structs in the corpus; on {} targets compared {} enum layouts \
         ({} variants), {} struct layouts, {} field offsets; {} (type, target) pairs rejected by \
         the engine, {} rejections confirmed by rustc",
        corpus.enums.len(),
        corpus.structs.len(),
        targets.len(),
        sum(|o| o.enums),
        sum(|o| o.variants),
        sum(|o| o.structs),
        sum(|o| o.fields),
        sum(|o| o.rejected),
        sum(|o| o.confirmed),
    );
    let diffs: Vec<&String> = outcomes.iter().flat_map(|o| &o.diffs).collect();
    if !diffs.is_empty() {
        let mut msg = format!(
            "{} differences between the engine and rustc:\n",
            diffs.len()
        );
        for d in diffs.iter().take(60) {
            let _ = writeln!(msg, "  {d}");
        }
        panic!("{msg}");
    }
}

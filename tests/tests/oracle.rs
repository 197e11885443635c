//! The engine against rustc itself, on every built-in target rustc can compile for.
//!
//! A seeded corpus of several hundred `repr(C)`/`packed`/`align`/union/`transparent` structs
//! (plus the seed articles' structs and a `{ u8, T }` pair per scalar) is compiled by rustc for
//! each target with `-Zprint-type-sizes`; every size, alignment and field offset must equal the
//! engine's. The test fails, never skips, when the oracle itself cannot run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use layout_core::{LayoutError, ReprBase, Target};
use layout_tests::corpus::{self, Corpus};
use layout_tests::oracle::{self, Measured};

/// Every struct's definition, and a `keep` item (which makes rustc lay it out) for the names in
/// `kept`.
fn oracle_source(corpus: &Corpus, kept: &[&str]) -> String {
    let mut src = String::new();
    for s in &corpus.structs {
        src.push_str(&s.rust_source(true));
    }
    for name in kept {
        src.push_str(&oracle::keep(name));
    }
    src
}

/// How many of the structs the engine rejects as too big are also compiled alone, one rustc call
/// each, to confirm that rustc rejects them too.
const TOO_BIG_CHECKED: usize = 6;

/// One target: the structs the engine lays out must match rustc; some of those it rejects as too
/// big must be rejected by rustc as well.
fn check_target(target: &'static Target, corpus: &Corpus) -> Vec<String> {
    let mut diffs = compare_cfg(target);
    let (mut fits, mut too_big) = (Vec::new(), Vec::new());
    for s in &corpus.structs {
        match s.def.layout_on(target) {
            Err(LayoutError::TooBig { .. }) => too_big.push(s.def.name),
            _ => fits.push(s.def.name),
        }
    }
    match oracle::measure(target.triple, &oracle_source(corpus, &fits)) {
        Ok(measured) => diffs.extend(compare(target, corpus, &fits, &measured)),
        Err(e) => diffs.push(format!("the oracle failed for {target}: {e}")),
    }
    for name in too_big.iter().take(TOO_BIG_CHECKED) {
        match oracle::measure(target.triple, &oracle_source(corpus, &[name])) {
            Err(oracle::OracleError::Rustc { stderr, .. }) if stderr.contains("too big") => {}
            other => diffs.push(format!(
                "{target} / {name}: the engine says too big, rustc says {other:?}"
            )),
        }
    }
    diffs
}

/// Every difference between the engine and rustc for one target, as readable lines.
fn compare(
    target: &'static Target,
    corpus: &Corpus,
    kept: &[&str],
    measured: &BTreeMap<String, Measured>,
) -> Vec<String> {
    let mut diffs = Vec::new();
    for s in corpus.structs.iter().filter(|s| kept.contains(&s.def.name)) {
        let name = s.def.name;
        let Some(real) = measured.get(name) else {
            diffs.push(format!("{target} / {name}: rustc printed no layout"));
            continue;
        };
        let engine = match s.def.layout_on(target) {
            Ok(l) => l,
            Err(e) => {
                diffs.push(format!(
                    "{target} / {name}: engine failed ({e}), rustc: {real:?}"
                ));
                continue;
            }
        };
        if (engine.size(), engine.align()) != (real.size, real.align) {
            diffs.push(format!(
                "{target} / {name}: size/align engine {}/{}, rustc {}/{}",
                engine.size(),
                engine.align(),
                real.size,
                real.align
            ));
        }
        for (field, placed) in s.def.fields.iter().zip(&engine.fields) {
            if s.def.repr.base == ReprBase::Transparent && placed.size == 0 {
                // Unspecified: rustc places a transparent struct's ZSTs by its repr(Rust)
                // field sort; the engine does not predict them (see `place_transparent`).
                continue;
            }
            match real.fields.iter().find(|f| f.name == field.name) {
                Some(r) if (r.offset, r.size) == (placed.offset, placed.size) => {}
                Some(r) => diffs.push(format!(
                    "{target} / {name}.{}: offset/size engine {}/{}, rustc {}/{}",
                    field.name, placed.offset, placed.size, r.offset, r.size
                )),
                None => diffs.push(format!(
                    "{target} / {name}.{}: rustc printed no such field",
                    field.name
                )),
            }
        }
    }
    diffs
}

/// Target facts that `rustc --print cfg` states directly.
fn compare_cfg(target: &Target) -> Vec<String> {
    let cfg = match oracle::target_cfg(target.triple) {
        Ok(c) => c,
        Err(e) => return vec![format!("{target}: rustc --print cfg failed: {e}")],
    };
    let mut diffs = Vec::new();
    if cfg.pointer_bits != target.pointer_bits || cfg.arch != target.arch {
        diffs.push(format!(
            "{target}: pointer width/arch {}/{} in rustc",
            cfg.pointer_bits, cfg.arch
        ));
    }
    if cfg.big_endian != (target.endian == layout_core::Endian::Big) {
        diffs.push(format!("{target}: byte order differs from rustc"));
    }
    for bits in [8, 16, 32, 64, 128] {
        if cfg.atomic_load_store.contains(&bits) != target.has_atomic(bits) {
            diffs.push(format!("{target}: {bits}-bit atomics differ from rustc"));
        }
    }
    diffs
}

#[test]
fn engine_matches_rustc_on_every_target() {
    let corpus = corpus::standard();
    let triples =
        oracle::compilable_targets().unwrap_or_else(|e| panic!("the oracle cannot run: {e}"));
    assert!(
        triples.len() >= 300,
        "rustc lists only {} compilable targets: is this rustc complete?",
        triples.len()
    );

    // The engine's table and rustc's list must name the same targets.
    let mut diffs: Vec<String> = Vec::new();
    for t in &triples {
        if Target::find(t).is_none() {
            diffs.push(format!(
                "{t}: rustc knows it, the engine's table does not (regenerate it)"
            ));
        }
    }
    for t in Target::ALL {
        if !triples.iter().any(|x| x == t.triple) {
            diffs.push(format!(
                "{t}: in the engine's table but not compilable by this rustc"
            ));
        }
    }

    let targets: Vec<&'static Target> = triples.iter().filter_map(|t| Target::find(t)).collect();
    let per_target: Vec<Vec<String>> =
        layout_tests::oracle::on_each_target(&targets, |t| check_target(t, &corpus));
    diffs.extend(per_target.into_iter().flatten());

    let fields: usize = corpus.structs.iter().map(|s| s.def.fields.len()).sum();
    eprintln!(
        "oracle: {} structs ({} fields) compared on {} targets; left out: {:?}",
        corpus.structs.len(),
        fields,
        targets.len(),
        oracle::UNCOMPILABLE
            .iter()
            .map(|(t, _)| *t)
            .collect::<Vec<_>>()
    );
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

/// rustc's object size limit, measured at its edge on a 64-, a 32- and a 16-bit target: the
/// engine must accept exactly the sizes rustc accepts and report the others as errors.
#[test]
fn object_size_limit_matches_rustc() {
    for (triple, limit) in [
        ("x86_64-unknown-linux-gnu", 1u64 << 61),
        ("i686-unknown-linux-gnu", 1 << 31),
        ("msp430-none-elf", 1 << 15),
    ] {
        let target = Target::find(triple).unwrap();
        assert_eq!(target.object_size_limit(), limit);
        for (len, fits) in [(limit - 1, true), (limit, false)] {
            let elem = layout_core::Ty::U8;
            let ty = layout_core::Ty::Array(&elem, len);
            let engine = layout_core::type_layout(&ty, target);
            let src = format!(
                "pub struct Big {{ a: [u8; {len}] }}\n{}",
                oracle::keep("Big")
            );
            let rustc = oracle::measure(triple, &src);
            match (fits, &engine, &rustc) {
                (true, Ok(l), Ok(m)) => assert_eq!(l.size, m["Big"].size, "{triple} [u8; {len}]"),
                (
                    false,
                    Err(LayoutError::TooBig { .. }),
                    Err(oracle::OracleError::Rustc { stderr, .. }),
                ) => {
                    assert!(
                        stderr.contains("too big"),
                        "{triple}: rustc failed otherwise: {stderr}"
                    )
                }
                _ => panic!("{triple} [u8; {len}]: engine {engine:?}, rustc {rustc:?}"),
            }
        }
    }
}

/// The suggested orders, compiled by rustc: on targets of every family of pointer width and
/// alignment rules, every corpus struct that can shrink is rewritten in the engine's suggested
/// order, and rustc must lay the rewrite out at exactly the minimum size the engine promised.
#[test]
fn order_suggestions_compile_to_the_minimum() {
    use layout_core::order::Constraints;
    let corpus = corpus::standard();
    let mut checked = 0;
    for triple in [
        "x86_64-unknown-linux-gnu",
        "i686-unknown-linux-gnu",
        "msp430-none-elf",
        "m68k-unknown-linux-gnu",
        "powerpc64-ibm-aix",
        "armv7-unknown-linux-gnueabihf",
    ] {
        let target = Target::find(triple).unwrap();
        let mut src = String::new();
        let mut promised = Vec::new();
        for s in &corpus.structs {
            let Ok(layout) = s.def.layout_on(target) else {
                continue;
            };
            if layout.saving() == 0 {
                continue;
            }
            let suggestion = layout.suggest(Constraints::default()).unwrap();
            let mut def = *s.def;
            let fields: Vec<_> = suggestion.order.iter().map(|&i| s.def.fields[i]).collect();
            let name = format!("R_{}", s.def.name);
            def.fields = Box::leak(fields.into_boxed_slice());
            def.name = Box::leak(name.clone().into_boxed_str());
            let rewritten = layout_tests::corpus::GenStruct {
                def: Box::leak(Box::new(def)),
            };
            src.push_str(&rewritten.rust_source(true));
            src.push_str(&oracle::keep(&name));
            promised.push((name, layout.min_size()));
        }
        for s in &corpus.structs {
            src.push_str(&s.rust_source(true));
        }
        let measured = oracle::measure(triple, &src).unwrap_or_else(|e| panic!("{e}"));
        for (name, min) in &promised {
            assert_eq!(measured[name].size, *min, "{name} on {triple}");
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} reorderings checked");
    eprintln!("oracle: {checked} suggested reorderings compiled at their promised minimum");
}

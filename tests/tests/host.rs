//! The engine against the compiler of this very build: the oracle corpus compiled for real,
//! every size, alignment and field offset compared with `size_of`, `align_of` and
//! `memoffset::offset_of!`.

use layout_core::{StructDef, Target};
use layout_tests::corpus;

#[allow(dead_code, clippy::all)]
mod real {
    include!(concat!(env!("OUT_DIR"), "/host_corpus.rs"));
}

#[test]
fn engine_matches_the_compiler_on_the_host() {
    let corpus = corpus::standard();
    let defs: Vec<(&str, &StructDef<'_>)> =
        corpus.structs.iter().map(|s| (s.def.name, s.def)).collect();
    corpus::assert_match_compiler(&defs, &real::measured());
}

/// The seed articles' structs, with the numbers the articles give (x86_64 sizes).
#[test]
fn seed_structs_match_the_articles() {
    let corpus = corpus::standard();
    let x86_64 = Target::find("x86_64-unknown-linux-gnu").unwrap();
    let find = |n: &str| corpus.structs.iter().find(|s| s.def.name == n).unwrap().def;
    let t1 = find("T1").layout_on(x86_64).unwrap();
    assert_eq!((t1.size(), t1.min_size()), (24, 16));
    assert_eq!(find("T2").layout_on(x86_64).unwrap().size(), 16);
    let stats = find("Stats").layout_on(x86_64).unwrap();
    assert_eq!((stats.size(), stats.min_size()), (6, 4));
    let offsets: Vec<u64> = stats.fields.iter().map(|f| f.offset).collect();
    assert_eq!(offsets, [0, 2, 4]);
}

/// The suggested order of every corpus struct, on a 64-, a 32- and a 16-bit target: laid out by
/// the engine it has the minimum size, and that minimum is also what rustc gives the reordered
/// struct (checked against rustc in the oracle test `order_suggestions_compile_to_the_minimum`).
#[test]
fn suggestions_reach_the_minimum_on_every_corpus_struct() {
    use layout_core::order::Constraints;
    let corpus = corpus::standard();
    for triple in ["64", "32", "16"] {
        let target = Target::find(triple).unwrap();
        for s in &corpus.structs {
            let Ok(layout) = s.def.layout_on(target) else {
                continue;
            };
            let suggestion = layout.suggest(Constraints::default()).unwrap();
            let reordered = layout.reordered(&suggestion.order).map(|r| r.size());
            if s.def.repr.order_is_declared() && s.def.shape == layout_core::Shape::Struct {
                assert_eq!(
                    suggestion.size,
                    layout.min_size(),
                    "{} on {triple}",
                    s.def.name
                );
                assert_eq!(
                    reordered.unwrap(),
                    layout.min_size(),
                    "{} on {triple}",
                    s.def.name
                );
            } else {
                assert!(suggestion.is_declared(), "{} on {triple}", s.def.name);
            }
        }
    }
}

#[allow(dead_code, clippy::all, repr_c_enums_larger_than_int)]
mod real_enums {
    include!(concat!(env!("OUT_DIR"), "/host_enums.rs"));
}

/// The enum corpus compiled for real: every enum's size and alignment equal `size_of` and
/// `align_of`, every struct holding them its `offset_of!`s, and every unit variant's value
/// starts with its discriminant, stored in the engine's tag width at offset 0.
/// (`offset_of!` on enum variants is unstable: the variants' field offsets are checked against
/// rustc's own layouts by the oracle test, on the host target too.)
#[test]
fn enums_match_the_compiler_on_the_host() {
    let corpus = layout_tests::enum_corpus::enums();
    let host = Target::CURRENT.expect("the host is a built-in target");
    let mut diffs = Vec::new();
    let measured = real_enums::enums_measured();
    assert_eq!(measured.len(), corpus.enums.len());
    for (e, (name, size, align)) in corpus.enums.iter().zip(&measured) {
        assert_eq!(e.def.name, *name);
        match e.def.layout_on(host) {
            Ok(l) if (l.size(), l.align()) == (*size as u64, *align as u64) => {}
            Ok(l) => diffs.push(format!(
                "{name}: size/align {}/{}, compiler {size}/{align}",
                l.size(),
                l.align()
            )),
            Err(err) => diffs.push(format!("{name}: no layout: {err}")),
        }
    }
    let structs = real_enums::measured();
    let defs: Vec<(&str, &StructDef<'_>)> =
        corpus.structs.iter().map(|s| (s.def.name, s.def)).collect();
    assert_eq!(defs.len(), structs.len());
    for ((_, def), real) in defs.iter().zip(&structs) {
        diffs.extend(corpus::diff_against_compiler(def, real));
    }
    let tags = real_enums::tags();
    assert!(tags.len() > 300, "only {} unit variants", tags.len());
    for (name, v, bytes) in &tags {
        let def = corpus
            .enums
            .iter()
            .find(|e| e.def.name == *name)
            .unwrap()
            .def;
        let mut values = vec![0i128; def.variants.len()];
        layout_core::discriminants(def, host, &mut values).unwrap();
        let le = values[*v].to_le_bytes();
        let expected: Vec<u8> = match host.endian {
            layout_core::Endian::Little => le[..bytes.len()].to_vec(),
            layout_core::Endian::Big => le[..bytes.len()].iter().rev().copied().collect(),
        };
        if *bytes != expected {
            diffs.push(format!(
                "{name}::{}: tag bytes {bytes:?}, discriminant {} is {expected:?}",
                def.variants[*v].name, values[*v]
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
    eprintln!(
        "host: {} enums, {} structs holding them, {} unit-variant tags compared",
        measured.len(),
        structs.len(),
        tags.len()
    );
}

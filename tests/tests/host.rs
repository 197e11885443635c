//! The engine against the compiler of this very build: the oracle corpus compiled for real,
//! every size, alignment and field offset compared with `size_of`, `align_of` and
//! `memoffset::offset_of!`.

use layout_core::{ReprBase, Target};
use layout_tests::corpus;

#[allow(dead_code, clippy::all)]
mod real {
    include!(concat!(env!("OUT_DIR"), "/host_corpus.rs"));
}

#[test]
fn engine_matches_the_compiler_on_the_host() {
    let target = Target::CURRENT.expect("the host is a built-in target");
    let corpus = corpus::standard();
    let measured = real::measured();
    assert_eq!(measured.len(), corpus.structs.len());
    let mut diffs = Vec::new();
    for (s, (name, size, align, offsets)) in corpus.structs.iter().zip(measured) {
        assert_eq!(s.def.name, name);
        let engine = s
            .def
            .layout_on(target)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if (engine.size(), engine.align()) != (size as u64, align as u64) {
            diffs.push(format!(
                "{name}: engine {}/{}, compiler {size}/{align}",
                engine.size(),
                engine.align()
            ));
        }
        for ((field, placed), (real_name, real_offset)) in
            s.def.fields.iter().zip(&engine.fields).zip(offsets)
        {
            assert_eq!(field.name, real_name);
            if s.def.repr.base == ReprBase::Transparent && placed.size == 0 {
                continue; // unspecified: see the oracle test
            }
            if placed.offset != real_offset as u64 {
                diffs.push(format!(
                    "{name}.{real_name}: engine {}, offset_of! {real_offset}",
                    placed.offset
                ));
            }
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
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

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

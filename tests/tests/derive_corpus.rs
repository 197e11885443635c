//! `#[derive(Layout)]` on the whole oracle corpus (425 structs: every primitive, pointers, ZSTs,
//! arrays, nesting, `packed(N)`, `align(N)`, unions, `transparent`, the seed structs):
//! - on the host, each derived layout equals `size_of`, `align_of` and `memoffset::offset_of!`;
//! - on every built-in target, each derived prediction equals the engine's layout of the same
//!   struct, which the oracle test checks against rustc itself on all those targets.

use layout_core::{Layout, ReprBase, StructDef, Target};
use layout_tests::corpus;

#[allow(dead_code, non_camel_case_types, clippy::all)]
mod derived {
    include!(concat!(env!("OUT_DIR"), "/derived_corpus.rs"));

    /// `(name, DEF)` of every derived corpus struct, in corpus order.
    pub fn defs() -> Vec<(&'static str, layout_core::StructDef<'static>)> {
        include!(concat!(env!("OUT_DIR"), "/derived_defs.rs"))
    }
}

fn derived_defs() -> Vec<(&'static str, StructDef<'static>)> {
    derived::defs()
}

#[test]
fn derived_layouts_match_the_compiler_on_the_host() {
    let defs = derived_defs();
    let defs: Vec<(&str, &StructDef<'_>)> = defs.iter().map(|(name, def)| (*name, def)).collect();
    corpus::assert_match_compiler(&defs, &derived::measured());
}

#[test]
fn derived_predictions_match_the_oracle_checked_engine_on_every_target() {
    let corpus = corpus::standard();
    let defs = derived_defs();
    let mut compared = 0;
    for (generated, (name, def)) in corpus.structs.iter().zip(&defs) {
        assert_eq!(generated.def.name, *name);
        for target in Target::ALL {
            let derived = def
                .layout_on(target)
                .map(|l| (l.size(), l.align(), offsets(&l)));
            let engine = generated
                .def
                .layout_on(target)
                .map(|l| (l.size(), l.align(), offsets(&l)));
            match (&derived, &engine) {
                (Ok(d), Ok(e)) if d == e => compared += 1,
                // Transparent ZST offsets: the derive knows the host's, the engine reports 0.
                (Ok(d), Ok(e))
                    if def.repr.base == ReprBase::Transparent && (d.0, d.1) == (e.0, e.1) => {}
                (Err(_), Err(_)) => {}
                _ => panic!("{name} on {target}: derive {derived:?}, engine {engine:?}"),
            }
        }
    }
    assert!(compared > 100_000, "only {compared} layouts compared");
}

/// The derive lays a struct out once per target family (`layout_core::check::family`) and asserts
/// the family's numbers for the compiling target: that rests on every target of a family giving
/// every struct the same layout. Checked here for every corpus struct on every target (the
/// oracle test checks the engine against rustc on each of them).
#[test]
fn every_target_lays_structs_out_like_its_family() {
    use layout_core::check::family::family;
    let corpus = corpus::standard();
    let mut compared = 0;
    for s in &corpus.structs {
        let atomics = s.def.fields.iter().any(|f| f.ty.contains_atomic());
        for target in Target::ALL {
            let rep = &Target::ALL[family(target, atomics)];
            let layout = |t| {
                s.def
                    .layout_on(t)
                    .map(|l| (l.size(), l.align(), offsets(&l)))
                    .map_err(|e| e.kind_str())
            };
            assert_eq!(
                layout(target),
                layout(rep),
                "{} on {} and on {}, its family's representative",
                s.def.name,
                target.triple,
                rep.triple
            );
            compared += 1;
        }
    }
    assert!(compared > 100_000, "{compared}");
}

fn offsets(l: &layout_core::StructLayout) -> Vec<u64> {
    l.fields.iter().map(|f| f.offset).collect()
}

/// The trait's own entry points agree with `DEF`.
#[test]
fn trait_methods_agree() {
    let t1 = <derived::T1 as Layout>::layout();
    assert_eq!((t1.size(), t1.min_size()), (24, 16));
    let i686 = Target::find("32").unwrap();
    assert_eq!(<derived::T1 as Layout>::layout_on(i686).unwrap().size(), 16);
}

//! `#[derive(Layout)]` on a sample of the engine's seeded enum corpus (`layout_tests::enum_corpus`):
//! every corpus enum whose fields are primitives, C types, pointers, arrays or earlier sampled
//! enums, derived as written (`enum_sample/sample.rs`, generated from the corpus and checked
//! against it here). Each derivation asserts at compile time that the engine's size and
//! alignment on the host are the compiler's; here, each derived definition is laid out like the
//! corpus definition (which `oracle_enums` checks against rustc) on every built-in target.
//!
//! To regenerate the sample after a corpus change: `LAYOUT_ENUM_SAMPLE=overwrite cargo test -p
//! layout-tests --test derive_enum_corpus`.

use layout_core::{EnumDef, Target, Ty};
use layout_tests::enum_corpus;

// Some corpus enums are `repr(C)` with discriminants wider than C's `int`, as rustc still
// accepts (with a future-compatibility warning).
#[allow(
    dead_code,
    non_camel_case_types,
    clippy::all,
    repr_c_enums_larger_than_int
)]
mod sample {
    include!("enum_sample/sample.rs");
}

/// Whether `ty` is modelled from its name alone or is an enum of the sample.
fn in_sample(ty: &Ty<'_>, sampled: &[&str]) -> bool {
    match ty {
        Ty::Prim(_) | Ty::Ptr(_) | Ty::Zst => true,
        Ty::Array(elem, _) => in_sample(elem, sampled),
        Ty::Enum(def) => sampled.contains(&def.name),
        _ => false,
    }
}

/// The sampled enums, in corpus order.
fn sampled() -> Vec<&'static EnumDef<'static>> {
    let mut names: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for e in enum_corpus::enums().enums {
        let fits = e
            .def
            .variants
            .iter()
            .all(|v| v.fields.iter().all(|f| in_sample(&f.ty, &names)));
        if fits {
            names.push(e.def.name);
            out.push(e.def);
        }
    }
    out
}

/// The sample as Rust source.
fn sample_source() -> String {
    let mut src = String::from(
        "// GENERATED from layout_tests::enum_corpus by derive_enum_corpus.rs. Do not edit.\n\
         pub trait Tr {}\n\
         #[allow(unused_imports)]\n\
         use ::core::ffi::{c_char, c_schar, c_uchar, c_short, c_ushort, c_int, c_uint, c_long, \
         c_ulong, c_longlong, c_ulonglong, c_float, c_double};\n",
    );
    let corpus = enum_corpus::enums();
    let sampled = sampled();
    for e in &corpus.enums {
        if sampled.iter().any(|s| s.name == e.def.name) {
            src.push_str("#[derive(::layout_core::Layout)] ");
            src.push_str(&e.rust_source(false));
        }
    }
    src.push_str("pub fn defs() -> Vec<::layout_core::EnumDef<'static>> {\n    vec![\n");
    for s in &sampled {
        src.push_str(&format!(
            "        <{} as ::layout_core::LayoutEnum>::DEF,\n",
            s.name
        ));
    }
    src.push_str("    ]\n}\n");
    src
}

#[test]
fn the_sample_is_the_corpus() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/enum_sample/sample.rs");
    let want = sample_source();
    if std::env::var_os("LAYOUT_ENUM_SAMPLE").is_some_and(|v| v == "overwrite") {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let got = std::fs::read_to_string(&path).unwrap();
    assert!(
        got == want,
        "enum_sample/sample.rs is not the corpus sample: LAYOUT_ENUM_SAMPLE=overwrite to regenerate"
    );
}

#[test]
fn derived_enums_are_laid_out_like_the_corpus_on_every_target() {
    let sampled = sampled();
    let derived = sample::defs();
    assert_eq!(derived.len(), sampled.len());
    assert!(sampled.len() >= 100, "only {} enums sampled", sampled.len());
    let mut compared = 0;
    for (d, e) in derived.iter().zip(&sampled) {
        assert_eq!(d.name, e.name);
        for target in Target::ALL {
            let layout = |def: &EnumDef<'_>| {
                def.layout_on(target)
                    .map(|l| (l.layout, l.tag, l.variants, l.fields))
                    .map_err(|e| e.kind_str())
            };
            assert_eq!(layout(d), layout(e), "{} on {}", e.name, target.triple);
            compared += 1;
        }
    }
    eprintln!("{} enums, {compared} layouts compared", sampled.len());
}

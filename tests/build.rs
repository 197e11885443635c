//! Writes the seeded corpus as real Rust (`$OUT_DIR/host_corpus.rs`) for the host test, which
//! compares the engine with what the compiler itself says of the same structs, and the same
//! with `#[derive(Layout)]` on every struct (`$OUT_DIR/derived_corpus.rs`) for the derive test.

#[allow(dead_code)]
#[path = "src/corpus.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "src/enum_corpus.rs"]
mod enum_corpus;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let corpus = corpus::standard();
    std::fs::write(out.join("host_corpus.rs"), corpus.host_source()).expect("write host_corpus.rs");
    std::fs::write(out.join("derived_corpus.rs"), corpus.derived_source())
        .expect("write derived_corpus.rs");
    let defs: Vec<String> = corpus
        .structs
        .iter()
        .map(|s| format!("(\"{0}\", <{0} as ::layout_core::Layout>::DEF)", s.def.name))
        .collect();
    std::fs::write(
        out.join("derived_defs.rs"),
        format!("vec![{}]", defs.join(", ")),
    )
    .expect("write derived_defs.rs");
    // The enum corpus, with the engine's tag width on this host for the tag check.
    let host = layout_core::Target::CURRENT;
    let enums = enum_corpus::enums()
        .enum_host_source(|def| host.and_then(|t| def.layout_on(t).ok()).map(|l| l.tag.size));
    std::fs::write(out.join("host_enums.rs"), enums).expect("write host_enums.rs");
    println!("cargo:rerun-if-changed=src/corpus.rs");
    println!("cargo:rerun-if-changed=src/enum_corpus.rs");
    println!("cargo:rerun-if-changed=build.rs");
}

//! Writes the seeded corpus as real Rust (`$OUT_DIR/host_corpus.rs`) for the host test, which
//! compares the engine with what the compiler itself says of the same structs.

#[allow(dead_code)]
#[path = "src/corpus.rs"]
mod corpus;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("host_corpus.rs"), corpus::standard().host_source())
        .expect("write host_corpus.rs");
    println!("cargo:rerun-if-changed=src/corpus.rs");
    println!("cargo:rerun-if-changed=build.rs");
}

//! Records the target triple being compiled for, so `Target::CURRENT` can name it in `const`.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    println!("cargo:rustc-env=LAYOUT_ENGINE_TARGET={target}");
    println!("cargo:rerun-if-changed=build.rs");
}

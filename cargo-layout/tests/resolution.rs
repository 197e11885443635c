//! Name resolution as rustc does it, or an honest "unresolved" (issue 11): each test is a
//! small crate that rustc compiles (checked), and the numbers or the unresolved reasons the
//! tool gives for it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

/// A fresh crate under the target's temporary directory with these files (paths relative to
/// the crate; `Cargo.toml` is added).
fn krate(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("resolution-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    let manifest = format!(
        "[package]\nname = \"{}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
        tag.replace('-', "_")
    );
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Asserts that rustc accepts the crate (so the test is about valid code).
fn assert_compiles(dir: &Path) {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--emit=metadata",
        ])
        .arg("--out-dir")
        .arg(dir.join("out"))
        .arg(dir.join("src/lib.rs"))
        .output()
        .expect("run rustc");
    assert!(
        out.status.success(),
        "the test crate does not compile:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs the tool with a time limit: a hang is a failure, not a stuck test.
fn run_limited(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cargo-layout");
    // Read both pipes while waiting: a full pipe would stop the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut v).unwrap();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut v).unwrap();
        v
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Output {
                status,
                stdout: out.join().unwrap(),
                stderr: err.join().unwrap(),
            };
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "cargo-layout did not finish within {limit:?} on {}",
                dir.display()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The JSON report of the crate on the host.
fn report(dir: &Path) -> Value {
    let out = run_limited(dir, &["--all", "--format", "json"], Duration::from_secs(60));
    assert!(
        out.status.code() == Some(0),
        "status {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn find<'d>(doc: &'d Value, path: &str) -> &'d Value {
    doc["structs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap_or_else(|| panic!("no struct {path} in the report"))
}

/// The size of `path` on the first target, and each field's offset.
fn size(doc: &Value, path: &str) -> (u64, Vec<u64>) {
    let s = find(doc, path);
    assert!(
        s["unresolved"].is_null(),
        "{path} is unresolved: {}",
        s["unresolved"]
    );
    let l = &s["layouts"][0];
    let offsets = l["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["offset"].as_u64().unwrap_or(u64::MAX))
        .collect();
    (l["size"].as_u64().unwrap(), offsets)
}

/// The reasons `path` has no layout, joined.
fn unresolved(doc: &Value, path: &str) -> String {
    let s = find(doc, path);
    let u = s["unresolved"]
        .as_array()
        .unwrap_or_else(|| panic!("{path} has a layout: {}", s["layouts"][0]));
    u.iter()
        .map(|f| f["reason"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn glob_cycles_with_a_name_defined_nowhere_terminate() {
    // ash 0.38 in ten lines: the resolver retried every glob recursively, without memory.
    let dir = krate(
        "hang",
        &[(
            "src/lib.rs",
            "pub use a::*;\npub use b::*;\npub mod a { use super::*; #[repr(C)] pub struct A1 { pub x: u16 } }\n\
             pub mod b { use super::*; pub struct B1; }\npub mod c {\n    use super::*;\n    \
             #[repr(C)]\n    pub struct S { pub d: core::time::Duration, pub n: u32 }\n    \
             #[repr(C)]\n    pub struct T { pub a: A1, pub n: u32 }\n}\n",
        )],
    );
    assert_compiles(&dir);
    let doc = report(&dir);
    assert!(unresolved(&doc, "crate::c::S").contains("core::time::Duration"));
    assert_eq!(size(&doc, "crate::c::T"), (8, vec![0, 4]));
}

#[test]
fn a_deep_web_of_globs_resolves_in_linear_time() {
    // 400 modules, each glob-importing its parent and its two neighbours, and the root
    // re-exporting all of them: every name lookup crosses the whole web.
    let n = 400;
    let mut src = String::new();
    for i in 0..n {
        src.push_str(&format!("pub use m{i}::*;\n"));
    }
    for i in 0..n {
        let prev = (i + n - 1) % n;
        let next = (i + 1) % n;
        src.push_str(&format!(
            "pub mod m{i} {{ use super::*; pub use super::m{prev}::*; pub use super::m{next}::*; \
             #[repr(C)] pub struct S{i} {{ pub a: u8, pub b: Missing{i}, pub c: S{next}Box }} \
             pub struct S{i}Box(pub u8); }}\n"
        ));
    }
    let dir = krate("web", &[("src/lib.rs", &src)]);
    let start = Instant::now();
    let out = run_limited(&dir, &["--format", "json"], Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(0));
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_std_glob_brings_std_types_and_never_an_item_of_another_module() {
    let dir = krate(
        "stdglob",
        &[(
            "src/lib.rs",
            "pub mod mytime { #[repr(C)] pub struct Duration { pub ms: u32 } }\n\
             pub mod timer { use std::time::*; #[repr(C)] pub struct Timer { pub armed: u8, \
             pub period: Duration, pub id: u32 } }\n",
        )],
    );
    assert_compiles(&dir);
    let doc = report(&dir);
    // rustc: 32 bytes, `id` at 24; std's Duration is repr(Rust), so no layout here.
    let why = unresolved(&doc, "crate::timer::Timer");
    assert!(why.contains("std::time::Duration"), "{why}");
    assert_eq!(size(&doc, "crate::mytime::Duration").0, 4);
}

#[test]
fn explicit_imports_and_items_shadow_globs_and_two_globs_are_ambiguous() {
    let dir = krate(
        "shadow",
        &[(
            "src/lib.rs",
            "pub mod wide { #[repr(C)] pub struct X { pub v: u64 } #[repr(C)] pub struct Y { pub v: u64 } }\n\
             pub mod narrow { #[repr(C)] pub struct X { pub v: u8 } #[repr(C)] pub struct Y { pub v: u8 } }\n\
             pub mod same { pub use crate::narrow::Y; }\n\
             pub mod explicit { use crate::wide::*; use crate::narrow::X;\n\
                 #[repr(C)] pub struct S { pub x: X } }\n\
             pub mod local { use crate::wide::*;\n\
                 #[repr(C)] pub struct X { pub a: u16 }\n\
                 #[repr(C)] pub struct S { pub x: X } }\n\
             pub mod two { use crate::wide::*; use crate::narrow::*;\n\
                 #[repr(C)] pub struct S { pub n: u8 } }\n\
             pub mod one_item_twice { use crate::narrow::*; use crate::same::*;\n\
                 #[repr(C)] pub struct S { pub y: Y } }\n",
        )],
    );
    assert_compiles(&dir);
    let doc = report(&dir);
    assert_eq!(size(&doc, "crate::explicit::S").0, 1);
    assert_eq!(size(&doc, "crate::local::S").0, 2);
    assert_eq!(size(&doc, "crate::one_item_twice::S").0, 1);
    assert_eq!(size(&doc, "crate::two::S").0, 1);
    // Using `X` there is rustc's E0659; the tool does not pick one either.
    let dir = krate(
        "ambiguous",
        &[(
            "src/lib.rs",
            "pub mod wide { #[repr(C)] pub struct X { pub v: u64 } }\n\
             pub mod narrow { #[repr(C)] pub struct X { pub v: u8 } }\n\
             pub mod two { use crate::wide::*; use crate::narrow::*;\n\
                 #[repr(C)] pub struct U { pub x: X } }\n",
        )],
    );
    let doc = report(&dir);
    let why = unresolved(&doc, "crate::two::U");
    assert!(why.contains("ambiguous"), "{why}");
    assert!(!why.contains("defined 2 times"), "{why}");
}

#[test]
fn local_items_shadow_primitives_and_the_prelude() {
    let dir = krate(
        "prims",
        &[(
            "src/lib.rs",
            "#![allow(non_camel_case_types)]\n\
             pub mod a { type u8 = u64;\n\
                 #[repr(C)] pub struct S { pub x: u8, pub y: ::core::primitive::u8 } }\n\
             pub mod b { #[repr(C)] pub struct Option<T>(pub T, pub T);\n\
                 #[repr(C)] pub struct S { pub x: Option<u32> } }\n\
             pub mod c { pub enum Box { A, B } #[repr(C)] pub struct S { pub x: Box } }\n\
             pub mod d { #[repr(C)] pub struct Path { pub x: u8 }\n\
                 #[repr(C)] pub struct S<'a> { pub p: &'a Path } }\n",
        )],
    );
    assert_compiles(&dir);
    let doc = report(&dir);
    // `u8` is the alias: 8 bytes, then the real u8 at 8.
    assert_eq!(size(&doc, "crate::a::S"), (16, vec![0, 8]));
    assert_eq!(size(&doc, "crate::b::S").0, 8);
    let why = unresolved(&doc, "crate::c::S");
    assert!(why.contains("enum"), "{why}");
    // A local `Path` is sized: a reference to it is one word, not two.
    assert_eq!(
        size(&doc, "crate::d::S").0,
        u64::from(usize::BITS / 8),
        "&Path"
    );
}

#[test]
fn a_module_imported_by_use_crate_resolves_its_items() {
    // goblin: `use crate::dd;` then `dd::DataDirectory`.
    let dir = krate(
        "usecrate",
        &[(
            "src/lib.rs",
            "pub mod dd { #[repr(C)] pub struct DataDirectory { pub va: u32, pub size: u32 } }\n\
             pub mod pe { use crate::dd;\n\
                 #[repr(C)] pub struct Header { pub kind: u8, pub dir: dd::DataDirectory } }\n",
        )],
    );
    assert_compiles(&dir);
    let doc = report(&dir);
    assert_eq!(size(&doc, "crate::pe::Header"), (12, vec![0, 4]));
}

#[test]
fn a_path_attribute_in_an_inline_module_is_relative_to_its_directory() {
    let dir = krate(
        "pathattr",
        &[
            (
                "src/lib.rs",
                "pub mod x { #[path = \"foo.rs\"] pub mod y; }\n",
            ),
            (
                "src/x/foo.rs",
                "#[repr(C)] pub struct InFoo { pub a: u8, pub b: u32 }\n",
            ),
            ("src/foo.rs", "#[repr(C)] pub struct Wrong { pub a: u8 }\n"),
        ],
    );
    assert_compiles(&dir);
    let doc = report(&dir);
    assert_eq!(size(&doc, "crate::x::y::InFoo").0, 8);
    assert!(
        doc["structs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["name"] != "Wrong")
    );
}

// ---------------------------------------------------------------------------------------------
// Deeply nested valid code (rustc accepts 700 nested modules and 10,000-long alias chains)

#[test]
fn deeply_nested_modules_and_long_alias_chains_do_not_overflow_the_stack() {
    let n = 700;
    let mut deep: String = (0..n).map(|i| format!("pub mod m{i} {{\n")).collect();
    deep.push_str("#[repr(C)] pub struct Deep { pub a: u8, pub b: u32 }\n");
    deep.push_str(&"}\n".repeat(n));
    let n = 2000;
    let mut chain = String::from("#[repr(C)] pub struct Chain { pub a: u8, pub b: T0 }\n");
    for i in 0..n {
        chain.push_str(&format!("pub type T{i} = T{};\n", i + 1));
    }
    chain.push_str(&format!("pub type T{n} = u64;\n"));
    let dir = krate(
        "deep",
        &[
            ("src/lib.rs", "pub mod deep;\npub mod chain;\n"),
            ("src/deep.rs", &deep),
            ("src/chain.rs", &chain),
        ],
    );
    assert_compiles(&dir);
    let doc = report(&dir);
    let deep_path = format!(
        "crate::deep::{}::Deep",
        (0..700)
            .map(|i| format!("m{i}"))
            .collect::<Vec<_>>()
            .join("::")
    );
    assert_eq!(size(&doc, &deep_path), (8, vec![0, 4]));
    assert_eq!(size(&doc, "crate::chain::Chain"), (16, vec![0, 8]));
}

#[test]
fn a_glob_through_a_module_an_earlier_glob_brings_resolves() {
    // libc's `new/mod.rs`: `pub(crate) use linux_uapi::*;` then `pub use asm::socket::*;`,
    // where `asm` is a module of `linux_uapi`. The second glob was resolved while the first
    // was not yet seen, and became "a glob of another crate".
    let dir = krate(
        "partial-globs",
        &[(
            "src/lib.rs",
            "mod uapi { pub mod asm { pub mod socket { pub type Word = u32; } } }\n\
             pub(crate) use uapi::*;\npub use asm::socket::*;\n\
             #[repr(C)]\npub struct S { pub a: u8, pub w: Word }\n",
        )],
    );
    assert_compiles(&dir);
    assert_eq!(size(&report(&dir), "crate::S"), (8, vec![0, 4]));
}

#[test]
fn use_of_a_crate_by_its_own_name_is_that_crate_not_a_cycle() {
    // nix: `use libc::{self, c_int};` in a module is the `libc` crate.
    let dir = krate(
        "self-named-use",
        &[(
            "src/lib.rs",
            "pub mod m {\n    use core::{self};\n    #[repr(C)]\n    pub struct S { pub d: core::time::Duration }\n}\n",
        )],
    );
    assert_compiles(&dir);
    let why = unresolved(&report(&dir), "crate::m::S");
    assert!(why.contains("core::time::Duration"), "{why}");
    assert!(!why.contains("cycle"), "{why}");
}

/// Messages show the types as written: never the tool's internal rewriting of a path
/// (`__cargo_layout:: m3<u8, u32>` used to leak into them).
#[test]
fn messages_show_generic_types_as_written() {
    let dir = krate(
        "as-written",
        &[(
            "src/lib.rs",
            "pub struct G<A, B> { a: A, b: B }\n\
             #[repr(C)] pub struct H<A, B> { a: A, b: B }\n\
             pub type Al<T> = G<T, u8>;\n\
             #[repr(C)] pub struct S1 { x: Al<u32> }\n\
             #[repr(C)] pub struct S2 { y: G<u8, u32> }\n\
             #[repr(C)] pub struct S3<T> { q: H<T, u8> }\n\
             #[repr(C)] pub struct S4 { z: core::cell::UnsafeCell<H<u8, Unknown>> }\n\
             #[repr(C)] pub struct S5 { z: [G<u8, u8>; 2] }\n",
        )],
    );
    let doc = report(&dir);
    let text = doc.to_string();
    assert!(!text.contains("__cargo_layout"), "{text}");
    assert!(
        unresolved(&doc, "crate::S1").contains("`Al<u32>` is a generic type alias"),
        "{}",
        unresolved(&doc, "crate::S1")
    );
    assert!(
        unresolved(&doc, "crate::S3").contains("`T` in `H<T, u8>`"),
        "{}",
        unresolved(&doc, "crate::S3")
    );
    assert!(
        unresolved(&doc, "crate::S4").contains("in `H<u8, Unknown>`"),
        "{}",
        unresolved(&doc, "crate::S4")
    );
    let s2 = find(&doc, "crate::S2")["layouts"].to_string();
    assert!(s2.contains("`G<u8, u32>` is repr(Rust)"), "{s2}");
}

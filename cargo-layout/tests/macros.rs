//! Items inside macro bodies and `include!`d files (issue 11): `cfg_if!` branches under their
//! conditions, parameterless `macro_rules!` expanded, other bodies read as written with a
//! note, `include!("file.rs")` followed, and a crate root given by path.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

fn krate(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("macros-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run cargo-layout")
}

fn json(dir: &Path, args: &[&str]) -> (Value, String) {
    let out = run(dir, &[args, &["--format", "json"]].concat());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

fn find<'a>(doc: &'a Value, path: &str) -> &'a Value {
    doc["structs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap_or_else(|| panic!("`{path}` not reported in {doc:#}"))
}

/// The struct's size on each target of the run, in target order (layouts are grouped by
/// the targets that share them).
fn sizes(doc: &Value, s: &Value) -> Vec<Value> {
    doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            s["layouts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["targets"].as_array().unwrap().contains(t))
                .unwrap_or_else(|| panic!("no layout on {t}: {s:#}"))["size"]
                .clone()
        })
        .collect()
}

const MANIFEST: &str =
    "[package]\nname = \"mac\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n";

const LIB: &str = r#"
#[macro_use]
mod macros;

prelude!();

cfg_if::cfg_if! {
    if #[cfg(target_pointer_width = "64")] {
        #[path = "wide.rs"]
        mod imp;
    } else if #[cfg(target_pointer_width = "32")] {
        #[path = "narrow.rs"]
        mod imp;
    } else {
        pub type Word = u8;
    }
}
#[cfg(any(target_pointer_width = "64", target_pointer_width = "32"))]
pub use imp::Word;

#[repr(C)]
pub struct Frame {
    pub tag: u8,
    pub w: Word,
    pub p: crate::prelude::Pre,
}

s! {
    pub struct Plain { pub a: u8, pub b: u32 }
    #[repr(C)]
    pub struct Declared { pub a: u8, pub b: u64, pub c: u8 }
}

include!("generated.rs");

make!(Hidden);
"#;

const MACROS: &str = r#"
macro_rules! prelude {
    () => {
        mod prelude {
            pub type Pre = u16;
        }
    };
}
macro_rules! s {
    ($($i:item)*) => { $(#[repr(C)] $i)* };
}
macro_rules! make {
    ($n:ident) => { #[repr(C)] pub struct $n { a: u8, b: u64 } };
}
"#;

#[test]
fn macro_bodies_and_includes_are_scanned() {
    let dir = krate(
        "crate",
        &[
            ("Cargo.toml", MANIFEST),
            ("src/lib.rs", LIB),
            ("src/macros.rs", MACROS),
            ("src/wide.rs", "pub type Word = u64;\n"),
            ("src/narrow.rs", "pub type Word = u32;\n"),
            (
                "src/generated.rs",
                "#[repr(C)]\npub struct Included { pub a: u8, pub b: [u16; LEN] }\nconst LEN: usize = 3;\n",
            ),
        ],
    );
    let (doc, stderr) = json(&dir, &["-t", "64,32,16", "--all"]);
    // Each target takes its `cfg_if!` branch: `Word` is u64, u32 and u8.
    let frame = find(&doc, "crate::Frame");
    assert_eq!(sizes(&doc, frame), [24, 12, 4], "{frame:#}");
    // A parameterless macro is expanded: `crate::prelude::Pre` resolves.
    assert!(
        stderr.contains("`prelude!()` expanded from its definition"),
        "{stderr}"
    );
    // `s!`'s body is read as written: no repr there is repr(Rust), never guessed repr(C).
    let plain = find(&doc, "crate::Plain");
    assert_eq!(plain["order"], "rustc");
    assert!(
        plain["notes"][0]
            .as_str()
            .unwrap()
            .contains("inside macro `s!`: read as written, without a #[repr]: repr(Rust)"),
        "{plain:#}"
    );
    let declared = find(&doc, "crate::Declared");
    assert_eq!(sizes(&doc, declared)[0], 24);
    assert_eq!(declared["notes"][0], "inside macro `s!`: read as written");
    assert!(
        stderr.contains("src/lib.rs:28: inside macro `s!`: read as written"),
        "{stderr}"
    );
    // `include!` is followed, relative to the including file; its constants resolve.
    let included = find(&doc, "crate::Included");
    assert_eq!(included["file"], "src/generated.rs");
    assert_eq!(sizes(&doc, included), [8, 8, 8]);
    // What is not scanned is named.
    assert!(
        stderr.contains("src/lib.rs:36: `make!` not scanned: its body is not a list of items"),
        "{stderr}"
    );
}

#[test]
fn a_crate_root_given_by_path_is_the_crate_root() {
    let dir = krate(
        "root",
        &[
            (
                "src/lib.rs",
                "mod net;\npub const N: usize = 4;\n#[repr(C)]\npub struct A { pub a: u8, pub h: crate::net::H, pub b: [u8; crate::N] }\n",
            ),
            ("src/net.rs", "#[repr(C)]\npub struct H { pub x: u32 }\n"),
            (
                "a.rs",
                "#[repr(C)]\npub struct Sized { pub a: u8, pub b: [u32; LEN] }\n",
            ),
            ("b.rs", "pub const LEN: usize = 5;\n"),
        ],
    );
    let (doc, _) = json(&dir, &["-t", "64", "src/lib.rs"]);
    assert_eq!(sizes(&doc, find(&doc, "crate::A"))[0], 12);
    assert_eq!(sizes(&doc, find(&doc, "crate::net::H"))[0], 4);
    // Constants of another file given on the same command line size arrays.
    let (doc, _) = json(&dir, &["-t", "64", "a.rs", "b.rs"]);
    assert_eq!(sizes(&doc, find(&doc, "crate::a::Sized"))[0], 24);
}

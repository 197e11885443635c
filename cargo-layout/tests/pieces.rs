//! Files larger than one parse piece (issue 11, memory): cargo-layout parses a file a piece of
//! about 256 KiB at a time and keeps byte ranges instead of syntax trees, so every item of a
//! big file must be recorded, located, resolved and edited exactly as in a small one, with
//! braces in comments, strings and expressions never taken for the end of an item, and
//! nothing of a file kept when a later piece of it does not parse.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn scratch(tag: &str, name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pieces-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
    dir
}

/// How many numbered structs the big file has: about 600 KB, more than two pieces.
const STRUCTS: usize = 4000;

/// A file of [`STRUCTS`] structs `S{i}` between items whose brackets could fool a cutter
/// (in doc comments, block comments, strings, raw strings, chars and a `match` that does not
/// end its constant), inline modules, a macro defined at the top and used at the bottom, and a
/// struct at the end that nests the first struct and one declared after it. With the line of
/// each `S{i}`.
fn big_file() -> (String, Vec<usize>) {
    let mut file = Lines::default();
    file.push(
        "//! A generated file. }\n#![allow(dead_code)]\n\
         macro_rules! early { () => { #[repr(C)] pub struct FromMacro { pub a: u8, pub b: u64 } }; }\n",
    );
    let mut lines = Vec::new();
    for i in 0..STRUCTS {
        file.push(&format!("/// doc }} {{\n#[repr(C)]\npub struct S{i} {{\n"));
        lines.push(file.lines);
        file.push(&format!(
            "    pub a: u8, /* }} */ pub b: u64,\n    pub c: u16,\n}}\n\
             const C{i}: &str = \"}}{{;\";\n\
             const D{i}: u8 = match 1 {{ _ => 2 }}\n    + 1;\n\
             const R{i}: &str = r#\"}}\"#;\nconst Q{i}: char = '}}';\n"
        ));
        if i % 500 == 250 {
            file.push(&format!(
                "pub mod m{i} {{\n    #[repr(C)]\n    pub struct Inner {{ pub a: u8, pub b: u32 }}\n}}\n"
            ));
        }
    }
    file.push(
        "early!();\n\
         #[repr(C)]\npub struct Last { pub a: u8, pub first: S0, pub later: Later }\n\
         #[repr(C)]\npub struct Later { pub x: u8, pub y: u32 }\n",
    );
    (file.text, lines)
}

/// A text and how many lines it has.
#[derive(Default)]
struct Lines {
    text: String,
    lines: usize,
}

impl Lines {
    fn push(&mut self, more: &str) {
        self.text.push_str(more);
        self.lines += more.matches('\n').count();
    }
}

fn json(dir: &Path, file: &str) -> (Value, String) {
    let out = common::run_in(
        dir,
        &[file, "--format", "json", "-t", "x86_64-unknown-linux-gnu"],
    );
    let stderr = common::text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

fn structs(doc: &Value) -> &Vec<Value> {
    doc["structs"].as_array().unwrap()
}

fn find<'a>(doc: &'a Value, name: &str) -> &'a Value {
    structs(doc)
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("`{name}` not reported"))
}

fn size(s: &Value) -> u64 {
    s["layouts"][0]["size"].as_u64().unwrap()
}

#[test]
fn every_item_of_a_file_of_many_pieces_is_recorded_where_it_is() {
    let (text, lines) = big_file();
    assert!(
        text.len() > 2 * 256 * 1024,
        "{} bytes: not several pieces",
        text.len()
    );
    let dir = scratch("whole", "big.rs", &text);
    let (doc, stderr) = json(&dir, "big.rs");
    assert!(!stderr.contains("error"), "{stderr}");
    // The numbered structs, one `Inner` per 500, the macro's and the two at the end.
    assert_eq!(structs(&doc).len(), STRUCTS + STRUCTS / 500 + 3, "{stderr}");
    for i in [0, 1, STRUCTS / 2, STRUCTS - 1] {
        let s = find(&doc, &format!("S{i}"));
        assert_eq!(s["line"], lines[i], "S{i}");
        // u8, u64, u16 in that order: 24 bytes, 16 reordered.
        assert_eq!(size(s), 24, "S{i}");
        assert_eq!(s["layouts"][0]["suggestion"]["size"], 16, "S{i}");
    }
    assert_eq!(find(&doc, "FromMacro")["layouts"][0]["size"], 16);
    // u8 (+7), S0 (24), Later (u8 +3 u32: 8): 40.
    assert_eq!(size(find(&doc, "Last")), 40);
    assert_eq!(
        structs(&doc)
            .iter()
            .filter(|s| s["name"] == "Inner")
            .count(),
        STRUCTS / 500
    );
}

#[test]
fn fix_edits_every_piece_at_the_right_bytes() {
    let (text, _) = big_file();
    let dir = scratch("fix", "big.rs", &text);
    let out = common::run_in(&dir, &["big.rs", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::text(&out.stderr));
    let fixed = std::fs::read_to_string(dir.join("big.rs")).unwrap();
    // Fields were moved, nothing else: the same bytes in another order, line by line the
    // same items around them.
    assert_ne!(fixed, text);
    let mut before: Vec<char> = text.chars().collect();
    let mut after: Vec<char> = fixed.chars().collect();
    before.sort_unstable();
    after.sort_unstable();
    assert_eq!(before, after);
    for i in [0, STRUCTS / 2, STRUCTS - 1] {
        assert!(
            fixed.contains(&format!("const C{i}: &str = \"}}{{;\";")),
            "C{i}"
        );
    }
    let (doc, _) = json(&dir, "big.rs");
    for i in [0, 1, STRUCTS / 2, STRUCTS - 1] {
        assert_eq!(size(find(&doc, &format!("S{i}"))), 16, "S{i} after --fix");
    }
    // A second run has nothing left to do.
    let again = common::run_in(&dir, &["big.rs", "--fix"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(dir.join("big.rs")).unwrap(), fixed);
}

#[test]
fn a_syntax_error_in_a_later_piece_keeps_nothing_of_the_file() {
    let (mut text, _) = big_file();
    let line = text.lines().count() + 1;
    text.push_str("#[repr(C)]\npub struct Broken { pub a: u8 pub b: u16 }\n");
    let dir = scratch("broken", "big.rs", &text);
    let out = common::run_in(&dir, &["big.rs", "--format", "json"]);
    let stderr = common::text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "big.rs:{}:31: syntax error: expected `,`",
            line + 1
        )),
        "{stderr}"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(structs(&doc).len(), 0, "{stderr}");
}

#[test]
fn a_syntax_error_in_a_later_piece_takes_back_the_modules_it_declared() {
    let (big, _) = big_file();
    let manifest =
        "[package]\nname = \"big\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n";
    // Declared in the first piece, after the crate's inner doc and attribute.
    let lib = big.replacen("macro_rules! early", "mod child;\nmacro_rules! early", 1);
    let child = "#[repr(C)]\npub struct FromChild { pub a: u8, pub b: u64 }\n";
    let files = |lib: &str| {
        let dir = scratch("crate", "Cargo.toml", manifest);
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
        std::fs::write(dir.join("src/child.rs"), child).unwrap();
        dir
    };
    // Whole, the child's struct is there.
    let dir = files(&lib);
    let out = common::run_in(&dir, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    find(&doc, "FromChild");
    // Broken at the end, nothing of lib.rs is kept, the module it declared included.
    let dir = files(&format!("{lib}pub struct Broken {{ a: u8 b: u16 }}\n"));
    let out = common::run_in(&dir, &["--format", "json"]);
    let stderr = common::text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("src/lib.rs:"), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(structs(&doc).len(), 0, "{stderr}");
}

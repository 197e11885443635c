//! End-to-end tests of enums in `cargo layout`, on the fixture crate `tests/fixtures/enums`:
//! the text and JSON reports pinned in `tests/expected/` (regenerate with `CARGO_LAYOUT_BLESS=1`
//! and review), and every number of the JSON against rustc's own layouts
//! (`-Zprint-type-sizes` through the oracle harness of `layout-tests`) on targets of every
//! family: sizes, alignments, tags, each variant field's offset, the structs that hold enums,
//! the size each suggested variant order claims, and the bytes of fields of `repr(Rust)` enums.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::{run_in, snapshot, text};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/enums")
}

#[test]
fn text_report_on_64_and_32_bit() {
    let out = run_in(&fixture(), &["-t", "64,32", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    snapshot("enums.txt", &text(&out.stdout));
}

#[test]
fn json_report_on_64_and_32_bit() {
    let out = run_in(&fixture(), &["-t", "64,32", "--all", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    snapshot("enums.json", &text(&out.stdout));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], 2);
    assert_eq!(
        doc["summary"]["enums"],
        doc["enums"].as_array().unwrap().len()
    );
}

#[test]
fn what_the_tool_cannot_know_it_says() {
    let out = run_in(&fixture(), &["-t", "64", "--all", "--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let get = |name: &str| {
        doc["enums"]
            .as_array()
            .unwrap()
            .iter()
            .chain(doc["structs"].as_array().unwrap())
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("{name} not reported"))
            .clone()
    };
    // A discriminant it cannot evaluate: no layout, and the reason.
    let unknown = get("Unknown");
    let why = unknown["unresolved"][0]["reason"].as_str().unwrap();
    assert!(why.contains("pick()"), "{why}");
    assert!(unknown["layouts"].as_array().unwrap().is_empty());
    // A repr(Rust) enum: no layout, only the exact bytes of each variant's fields.
    let message = get("Message");
    assert_eq!(message["order"], "rustc");
    assert!(message["layouts"].as_array().unwrap().is_empty());
    assert_eq!(message["field_bytes"]["variants"][2]["bytes"], 256);
    assert_eq!(message["large_variant"]["flagged"], true);
    // ... and as a field it blocks the struct.
    let holder = get("HasRustEnum");
    let why = holder["unresolved"][0]["reason"].as_str().unwrap();
    assert!(why.contains("repr(Rust) enum"), "{why}");
    // A generic enum is laid out where it is instantiated.
    let why = get("Maybe")["unresolved"][0]["reason"].clone();
    assert!(why.as_str().unwrap().contains("is generic"), "{why}");
    assert!(get("UsesGeneric")["unresolved"].is_null());
    // Without --all, repr(Rust) enums are not reported.
    let out = run_in(&fixture(), &["-t", "64", "--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["enums"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["name"] != "Message")
    );
}

#[test]
fn the_variant_ratio_flag_sets_what_is_large() {
    let flagged = |ratio: &str| -> Vec<String> {
        let out = run_in(
            &fixture(),
            &[
                "-t",
                "64",
                "--all",
                "--format",
                "json",
                "--max-variant-ratio",
                ratio,
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["enums"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["large_variant"]["flagged"] == true)
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(flagged("4"), ["PerArch", "Message", "PerTarget"]);
    assert_eq!(
        flagged("1"),
        [
            "Command",
            "Event",
            "Aligned",
            "Shape",
            "PerArch",
            "Message",
            "PerTarget"
        ]
    );
    assert_eq!(flagged("100"), Vec::<String>::new());
    let out = run_in(&fixture(), &["--max-variant-ratio", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// The JSON against rustc

/// Targets of every family the layout rules distinguish (see shared/ORACLE.md).
const ORACLE_TARGETS: &[&str] = &[
    "x86_64-unknown-linux-gnu",
    "i686-unknown-linux-gnu",
    "i686-pc-windows-msvc",
    "aarch64-apple-darwin",
    "armv7-unknown-linux-gnueabihf",
    "thumbv7em-none-eabi",
    "s390x-unknown-linux-gnu",
    "powerpc64-ibm-aix",
    "m68k-unknown-linux-gnu",
    "msp430-none-elf",
    "avr-none",
    "hexagon-unknown-linux-musl",
    "wasm32-unknown-unknown",
];

/// What the fixture needs beyond the oracle's `no_core` prelude: the operators its
/// discriminants use (evaluated by rustc as built-ins once the traits exist).
const OPERATORS: &str = "
#[lang = \"add\"] pub trait Add<Rhs = Self> { type Output; fn add(self, rhs: Rhs) -> Self::Output; }
impl Add for i16 { type Output = i16; fn add(self, _: i16) -> i16 { loop {} } }
#[lang = \"shl\"] pub trait Shl<Rhs = Self> { type Output; fn shl(self, rhs: Rhs) -> Self::Output; }
impl Shl<i32> for i16 { type Output = i16; fn shl(self, _: i32) -> i16 { loop {} } }
#[lang = \"mul\"] pub trait Mul<Rhs = Self> { type Output; fn mul(self, rhs: Rhs) -> Self::Output; }
impl Mul for i16 { type Output = i16; fn mul(self, _: i16) -> i16 { loop {} } }
";

/// The fixture as items for the `no_core` oracle crate: without its inner attributes, module
/// docs and derives (no `core` to derive from).
fn fixture_items() -> String {
    let src = std::fs::read_to_string(fixture().join("src/lib.rs")).unwrap();
    let mut out: String = src
        .lines()
        .filter(|l| !(l.starts_with("//!") || l.starts_with("#![") || l.starts_with("#[derive")))
        .map(|l| format!("{l}\n"))
        .collect();
    out.push_str(OPERATORS);
    out
}

/// A layout group of `item` that has `target`.
fn layout_on<'a>(item: &'a Value, target: &str) -> Option<&'a Value> {
    item["layouts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["targets"].as_array().unwrap().iter().any(|t| t == target))
}

/// `#[repr(...)]` of an enum from the JSON's `repr`.
fn enum_repr(repr: &Value) -> String {
    let mut parts = Vec::new();
    if repr["c"] == true {
        parts.push("C".to_owned());
    }
    if let Some(int) = repr["int"].as_str() {
        parts.push(int.to_owned());
    }
    if let Some(n) = repr["align"].as_u64() {
        parts.push(format!("align({n})"));
    }
    format!("#[repr({})]", parts.join(", "))
}

/// The enum with its variants' fields in the suggested orders, as source.
fn suggested_enum(e: &Value, layout: &Value, name: &str) -> String {
    let shrink = e["shrink"].as_array().unwrap();
    let mut body = String::new();
    for v in layout["variants"].as_array().unwrap() {
        let vname = v["name"].as_str().unwrap();
        let fields = v["fields"].as_array().unwrap();
        let order: Vec<&str> = match shrink.iter().find(|s| s["variant"] == vname) {
            Some(s) => s["order"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap())
                .collect(),
            None => fields.iter().map(|f| f["name"].as_str().unwrap()).collect(),
        };
        let ty = |n: &str| {
            fields.iter().find(|f| f["name"] == n).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let tuple = order
            .first()
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        let fields: Vec<String> = order
            .iter()
            .map(|n| {
                if tuple {
                    ty(n)
                } else {
                    format!("{n}: {}", ty(n))
                }
            })
            .collect();
        let discriminant = if e["repr"]["int"].is_null() {
            String::new()
        } else {
            format!(" = {}", v["discriminant"])
        };
        body.push_str(&match (order.is_empty(), tuple) {
            (true, _) => format!("    {vname}{discriminant},\n"),
            (false, true) => format!("    {vname}({}){discriminant},\n", fields.join(", ")),
            (false, false) => format!("    {vname} {{ {} }}{discriminant},\n", fields.join(", ")),
        });
    }
    format!("{}\npub enum {name} {{\n{body}}}\n", enum_repr(&e["repr"]))
}

/// Every number of the report `doc` against rustc's layouts of `source` (the items the report
/// was made from, with what the `no_core` oracle needs) on `targets`: the mismatches, and the
/// layouts, variant fields and suggested orders checked.
fn against_rustc(doc: &Value, source: &str, targets: &[&str]) -> (Vec<String>, [usize; 3]) {
    use layout_tests::oracle;

    let enums: Vec<&Value> = doc["enums"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["unresolved"].is_null())
        .collect();
    let structs: Vec<&Value> = doc["structs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["unresolved"].is_null())
        .collect();
    let results = oracle::on_each_target(
        &targets
            .iter()
            .map(|t| layout_engine::Target::find(t).unwrap())
            .collect::<Vec<_>>(),
        |target| {
            let target = target.triple;
            let mut items = source.to_owned();
            let mut mismatches = Vec::new();
            let mut checked = 0;
            let mut fields = 0;
            let mut suggestions = 0;
            for item in enums.iter().chain(&structs) {
                let name = item["name"].as_str().unwrap();
                if layout_on(item, target).is_some_and(|l| l["error"].is_null()) {
                    items.push_str(&oracle::keep(name));
                }
                if let Some(l) = layout_on(item, target)
                    && !item["shrink"].is_null()
                    && l["error"].is_null()
                {
                    let suggested = format!("{name}Suggested");
                    items.push_str(&suggested_enum(item, l, &suggested));
                    items.push_str(&oracle::keep(&suggested));
                }
            }
            let measured = match oracle::measure(target, &items) {
                Ok(m) => m,
                Err(e) => {
                    return (
                        vec![format!("{target}: the oracle cannot run: {e}")],
                        [0; 3],
                    );
                }
            };
            for e in &enums {
                let name = e["name"].as_str().unwrap();
                let Some(real) = measured.get(name) else {
                    if layout_on(e, target).is_some_and(|l| l["error"].is_null()) {
                        mismatches.push(format!("{target} / {name}: rustc printed no layout"));
                    }
                    continue;
                };
                if e["order"] == "rustc" {
                    // The bytes of each variant's fields, exact whatever rustc chose.
                    for v in e["field_bytes"]["variants"].as_array().unwrap() {
                        let vname = v["name"].as_str().unwrap();
                        let bytes = v["bytes"].as_u64().unwrap();
                        let rustc: u64 = real
                            .variants
                            .iter()
                            .find(|r| r.name == vname)
                            .map_or(0, |r| r.fields.iter().map(|f| f.size).sum());
                        if target == targets[0] && rustc != bytes {
                            mismatches.push(format!(
                                "{target} / {name}::{vname}: field bytes tool {bytes}, rustc {rustc}"
                            ));
                        }
                        if bytes > real.size {
                            mismatches.push(format!(
                                "{target} / {name}: at least {bytes} bytes, rustc {}",
                                real.size
                            ));
                        }
                    }
                    checked += 1;
                    continue;
                }
                let Some(l) = layout_on(e, target) else {
                    mismatches.push(format!("{target} / {name}: no layout in the JSON"));
                    continue;
                };
                if !l["error"].is_null() {
                    mismatches.push(format!("{target} / {name}: tool error {}", l["error"]));
                    continue;
                }
                let tool = (l["size"].as_u64(), l["align"].as_u64());
                if tool != (Some(real.size), Some(real.align)) {
                    mismatches.push(format!(
                        "{target} / {name}: size/align tool {tool:?}, rustc {}/{}",
                        real.size, real.align
                    ));
                }
                // rustc prints no discriminant for a one-variant enum without fields.
                if let Some(d) = real.discriminant
                    && Some(d) != l["tag"]["size"].as_u64()
                {
                    mismatches.push(format!(
                        "{target} / {name}: tag tool {}, rustc {d}",
                        l["tag"]["size"]
                    ));
                }
                for v in l["variants"].as_array().unwrap() {
                    let vname = v["name"].as_str().unwrap();
                    for f in v["fields"].as_array().unwrap() {
                        let fname = f["name"].as_str().unwrap();
                        let r = real
                            .variants
                            .iter()
                            .find(|r| r.name == vname)
                            .and_then(|r| r.fields.iter().find(|x| x.name == fname));
                        match r {
                            Some(r)
                                if Some(r.offset) == f["offset"].as_u64()
                                    && Some(r.size) == f["size"].as_u64() =>
                            {
                                fields += 1;
                            }
                            other => mismatches.push(format!(
                                "{target} / {name}::{vname}.{fname}: tool {}/{}, rustc {other:?}",
                                f["offset"], f["size"]
                            )),
                        }
                    }
                }
                if let Some(size) = l["shrink_size"].as_u64() {
                    match measured.get(&format!("{name}Suggested")) {
                        Some(m) if m.size == size => suggestions += 1,
                        other => mismatches.push(format!(
                            "{target} / {name}: the variant orders claim {size} bytes, \
                             rustc {other:?}"
                        )),
                    }
                }
                checked += 1;
            }
            for s in &structs {
                let name = s["name"].as_str().unwrap();
                let Some(l) = layout_on(s, target).filter(|l| l["error"].is_null()) else {
                    continue;
                };
                let Some(real) = measured.get(name) else {
                    mismatches.push(format!("{target} / {name}: rustc printed no layout"));
                    continue;
                };
                if (l["size"].as_u64(), l["align"].as_u64()) != (Some(real.size), Some(real.align))
                {
                    mismatches.push(format!(
                        "{target} / {name}: size/align tool {}/{}, rustc {}/{}",
                        l["size"], l["align"], real.size, real.align
                    ));
                }
                for f in l["fields"].as_array().unwrap() {
                    let fname = f["name"].as_str().unwrap();
                    if real.offset_of(fname) != f["offset"].as_u64() {
                        mismatches.push(format!(
                            "{target} / {name}.{fname}: offset tool {}, rustc {:?}",
                            f["offset"],
                            real.offset_of(fname)
                        ));
                    }
                }
                checked += 1;
            }
            (mismatches, [checked, fields, suggestions])
        },
    );
    let [checked, fields, suggestions] = results
        .iter()
        .fold([0; 3], |a, (_, c)| [a[0] + c[0], a[1] + c[1], a[2] + c[2]]);
    let mismatches: Vec<String> = results.into_iter().flat_map(|(m, _)| m).collect();
    (mismatches, [checked, fields, suggestions])
}

#[test]
fn json_numbers_match_rustc_on_many_targets() {
    let targets: Vec<&str> = ORACLE_TARGETS
        .iter()
        .copied()
        .filter(|t| layout_engine::Target::find(t).is_some())
        .collect();
    assert_eq!(
        targets, ORACLE_TARGETS,
        "targets missing from the engine's table"
    );
    let out = run_in(
        &fixture(),
        &["--format", "json", "--all", "--target", &targets.join(",")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["enums"].as_array().unwrap().len() >= 14);
    let (mismatches, [checked, fields, suggestions]) =
        against_rustc(&doc, &fixture_items(), &targets);
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // 14 enums with a layout and 3 structs on 13 targets, less `Big` on the 9 targets whose
    // `isize` is smaller than 64 bits; every variant field of them; the 4 enums' suggested
    // orders everywhere.
    assert_eq!(checked, 17 * 13 - 9, "layouts checked");
    assert!(fields >= 13 * 22, "only {fields} variant fields checked");
    assert_eq!(suggestions, 4 * 13, "suggested orders checked");
}

// ---------------------------------------------------------------------------------------------
// --fix

/// Copies the fixture crate into a fresh directory under the target's temporary directory.
fn copy_fixture(tag: &str) -> PathBuf {
    let to = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cargo-layout-enums-{tag}"));
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(to.join("src")).unwrap();
    for file in ["Cargo.toml", "src/lib.rs"] {
        std::fs::copy(fixture().join(file), to.join(file)).unwrap();
    }
    to
}

fn lib(krate: &Path) -> String {
    std::fs::read_to_string(krate.join("src/lib.rs")).unwrap()
}

/// Every comment line of `src`, in order.
fn comments(src: &str) -> Vec<&str> {
    src.lines()
        .filter_map(|l| l.find("//").map(|i| l[i..].trim()))
        .collect()
}

fn compiles(krate: &Path) -> Result<(), String> {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--emit=metadata",
        ])
        .args(["--crate-name", "enum_zoo", "--out-dir"])
        .arg(krate.join("out"))
        .arg(krate.join("src/lib.rs"))
        .output()
        .expect("run rustc");
    if out.status.success() {
        Ok(())
    } else {
        Err(text(&out.stderr))
    }
}

/// The `shrink` orders left in the JSON report of `krate`, by enum name.
fn can_shrink(krate: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--format", "json", "-t", "64,32"];
    all.extend(args);
    let out = run_in(krate, &all);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["summary"]["enums_by_saving"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn fix_round_trip_compiles_keeps_comments_refuses_and_is_idempotent() {
    let krate = copy_fixture("fix");
    let before = lib(&krate);
    compiles(&krate).expect("the fixture compiles before the fix");
    assert_eq!(
        can_shrink(&krate, &[]),
        [
            "crate::Crossing",
            "crate::Ordered",
            "crate::Command",
            "crate::Configured"
        ]
    );

    let first = run_in(&krate, &["--fix", "-t", "64,32"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let stderr = text(&first.stderr);
    for expected in [
        "fixed: crate::Command in src/lib.rs:8: 12 -> 8 bytes on x86_64-unknown-linux-gnu, \
         12 -> 8 bytes on i686-unknown-linux-gnu",
        "`Ordered` not reordered: it derives `PartialOrd`, `Ord`: it compares the fields in \
         declaration order",
        "`Configured` not reordered: variant `Data` is under #[cfg] or has #[cfg] fields",
        "`Crossing` not reordered: it crosses an FFI boundary: it is named in the `extern \"C\"` \
         block declaring `take`",
    ] {
        assert!(stderr.contains(expected), "{expected}\nnot in:\n{stderr}");
    }
    let after = lib(&krate);
    assert_eq!(comments(&before), comments(&after));
    snapshot("enums-fixed-lib.rs", &after);
    compiles(&krate).unwrap_or_else(|e| panic!("the fixed crate does not compile:\n{e}"));

    // What could shrink did, the refused ones are still reported, and a second run is a no-op.
    assert_eq!(
        can_shrink(&krate, &[]),
        ["crate::Crossing", "crate::Ordered", "crate::Configured"]
    );
    let second = run_in(&krate, &["--fix", "-t", "64,32"]);
    assert_eq!(second.status.code(), Some(0));
    assert!(!text(&second.stderr).contains("fixed:"));
    assert_eq!(after, lib(&krate), "the second run changed the file");

    // The same overrides as for structs.
    let third = run_in(&krate, &["--fix", "-t", "64,32", "--allow-reorder", "ord"]);
    assert_eq!(third.status.code(), Some(0), "{}", text(&third.stderr));
    assert!(text(&third.stderr).contains("fixed: crate::Ordered"));
    assert!(lib(&krate).contains("Packet { kind: u8, last: u8, len: u64 }"));
    compiles(&krate).unwrap_or_else(|e| panic!("the fixed crate does not compile:\n{e}"));
    assert_eq!(
        can_shrink(&krate, &[]),
        ["crate::Crossing", "crate::Configured"]
    );
}

#[test]
fn diff_shows_the_variant_orders_and_writes_nothing() {
    let krate = copy_fixture("diff");
    let before = lib(&krate);
    let out = run_in(&krate, &["--diff", "-t", "64,32"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(before, lib(&krate), "--diff wrote the file");
    snapshot("enums.diff", &text(&out.stdout));
}

#[test]
fn deny_waste_counts_enums_that_can_shrink() {
    let waste = run_in(&fixture(), &["--deny-waste", "--name", "Command"]);
    assert_eq!(waste.status.code(), Some(1));
    let clean = run_in(&fixture(), &["--deny-waste", "--name", "Event"]);
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn sarif_has_enum_results() {
    let out = run_in(&fixture(), &["--format", "sarif", "-t", "64", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let of = |rule: &str| -> Vec<&str> {
        results
            .iter()
            .filter(|r| r["ruleId"] == rule)
            .map(|r| r["properties"]["path"].as_str().unwrap())
            .collect()
    };
    assert!(of("padding-waste").contains(&"crate::Command"));
    assert_eq!(
        of("large-enum-variant"),
        ["crate::PerArch", "crate::Message", "crate::PerTarget"]
    );
}

#[test]
fn hostile_enums_get_a_reason_never_a_guess() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cargo-layout-enums-hostile");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let many: String = (0..257).map(|i| format!("W{i}, ")).collect();
    let src = format!(
        "#[repr(u8)] pub enum TooMany {{ {many} }}\n\
         #[repr(C)] pub enum Empty {{}}\n\
         #[repr(u8)] pub enum SelfRef {{ A(SelfRef), B }}\n\
         #[repr(packed)] pub enum Packed {{ A }}\n\
         #[repr(u8, u16)] pub enum TwoInts {{ A }}\n\
         #[repr(i8)] pub enum Wraps {{ A = 127, B }}\n\
         #[repr(u8)] pub enum Called {{ A = f(), B }}\n\
         #[repr(C)] pub struct HasOption {{ pub o: Option<Inner> }}\n\
         #[repr(u8)] pub enum Inner {{ A, B }}\n\
         fn body() {{ #[repr(u16)] enum Local {{ A {{ x: u8, y: u32, z: u8 }} }} }}\n\
         pub const NEG: i32 = -5;\n\
         #[repr(i8)] pub enum Casts {{ A = NEG as i8, B = 300u32 as i8 }}\n\
         pub const L1: i32 = L2; pub const L2: i32 = L1;\n\
         #[repr(i32)] pub enum Cycle {{ A = L1 }}\n"
    );
    std::fs::write(dir.join("hostile.rs"), src).unwrap();
    let out = run_in(&dir, &["-t", "64", "--format", "json", "hostile.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let why = |name: &str| -> String {
        let e = doc["enums"]
            .as_array()
            .unwrap()
            .iter()
            .chain(doc["structs"].as_array().unwrap())
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("{name} not reported"));
        match e["unresolved"][0]["reason"].as_str() {
            Some(r) => r.to_owned(),
            None => e["layouts"][0]["error"].as_str().unwrap_or("").to_owned(),
        }
    };
    for (name, expected) in [
        ("TooMany", "overflows its type (rustc E0370)"),
        ("Empty", "without variants"),
        ("SelfRef", "contains itself by value"),
        ("Packed", "rustc rejects it on an enum"),
        ("TwoInts", "conflicting representation hints"),
        ("Wraps", "overflows its type"),
        ("Called", "not an integer expression the tool evaluates"),
        ("Casts", "`300u32 as i8` may wrap"),
        ("Cycle", "depends on itself"),
        // rustc may or may not use the tag's unused values as `Option`'s niche: no guess.
        ("HasOption", "rustc"),
    ] {
        let why = why(name);
        assert!(why.contains(expected), "{name}: {why}");
    }
    // An enum in a function body is reported, with its path.
    let local = doc["enums"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Local")
        .expect("Local reported");
    assert_eq!(local["layouts"][0]["size"], 12);
    assert_eq!(local["layouts"][0]["shrink_size"], 8);
}

#[test]
fn markers_before_an_enum_work_as_before_a_struct() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cargo-layout-enums-markers");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let src = "// cargo-layout: ignore\n\
               #[repr(u8)] pub enum Hidden { A { a: u8, b: u32, c: u8 } }\n\
               // cargo-layout: allow-reorder(ord)\n\
               #[derive(PartialEq, Eq, PartialOrd, Ord)]\n\
               #[repr(u8)] pub enum Allowed { A { a: u8, b: u32, c: u8 } }\n\
               // cargo-layout: check\n\
               // cargo-layout: shrnk\n\
               #[repr(u8)] pub enum Checked { A { a: u8, b: u32, c: u8 } }\n\
               #[repr(u8)]\npub enum Pinned {\n    A {\n        a: u8,\n        b: u32,\n        \
               c: u8, // cargo-layout: pin\n        d: u8,\n    },\n}\n\
               #[repr(u8)] pub enum Hot { A { a: u8, #[layout(hot)] b: u32, c: u8 } }\n";
    std::fs::write(dir.join("m.rs"), src).unwrap();
    let out = run_in(&dir, &["-t", "64", "--format", "json", "m.rs"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = doc["enums"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Allowed", "Checked", "Pinned", "Hot"]);
    // A pinned variant field keeps its index; the fewest moves around it.
    assert_eq!(
        doc["enums"][2]["shrink"][0]["order"],
        serde_json::json!(["a", "d", "c", "b"])
    );
    assert_eq!(doc["enums"][0]["refusals"][0]["allowed_by"], "marker");
    let notes = doc["enums"][1]["notes"].to_string();
    assert!(
        notes.contains("unknown marker `cargo-layout: shrnk`"),
        "{notes}"
    );
    let marked = run_in(
        &dir,
        &["-t", "64", "--only-marked", "--format", "json", "m.rs"],
    );
    let doc: Value = serde_json::from_slice(&marked.stdout).unwrap();
    assert_eq!(doc["enums"].as_array().unwrap().len(), 1);
    let fixed = run_in(&dir, &["-t", "64", "--fix", "m.rs"]);
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed.stderr));
    let after = std::fs::read_to_string(dir.join("m.rs")).unwrap();
    assert!(
        after.contains("Hidden { A { a: u8, b: u32, c: u8 } }"),
        "{after}"
    );
    assert!(
        after.contains("Allowed { A { a: u8, c: u8, b: u32 } }"),
        "{after}"
    );
    assert!(
        after.contains("Checked { A { a: u8, c: u8, b: u32 } }"),
        "{after}"
    );
    assert!(
        after.contains(
            "        a: u8,\n        d: u8,\n        c: u8, // cargo-layout: pin\n        b: u32,\n"
        ),
        "{after}"
    );
    assert!(
        after.contains("Hot { A { a: u8, #[layout(hot)] b: u32, c: u8 } }"),
        "{after}"
    );
    assert!(
        text(&fixed.stderr).contains("`Hot` not reordered: field `A.b` has a #[layout(...)]"),
        "{}",
        text(&fixed.stderr)
    );
}

/// A small deterministic generator (an LCG): the same enums on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}

/// `count` random enums of every representation (named, tuple and unit variants, explicit and
/// implicit discriminants, negative ones, `align(N)`, structs in variants, earlier enums in
/// variants), with structs holding some of them.
fn random_source(seed: u64, count: usize) -> String {
    let mut rng = Rng(seed);
    let mut src = String::from(
        "#[repr(C)] pub struct P { pub a: u16, pub b: u8 }\n\
         #[repr(C, align(8))] pub struct Q { pub a: u8 }\n",
    );
    let reprs = [
        "u8",
        "i8",
        "u16",
        "i16",
        "u32",
        "i64",
        "usize",
        "isize",
        "C",
        "C, u8",
        "C, i32",
        "C, align(8)",
        "u8, align(4)",
        "C, u16, align(16)",
    ];
    let mut scalars = vec![
        "u8",
        "u16",
        "u32",
        "u64",
        "i8",
        "i64",
        "f64",
        "bool",
        "char",
        "[u8; 3]",
        "[u32; 2]",
        "P",
        "Q",
        "*const u8",
        "&'static u32",
        "u128",
    ];
    let mut names: Vec<String> = Vec::new();
    for i in 0..count {
        let repr = rng.pick(&reprs);
        let int = repr
            .split(", ")
            .find(|p| p.starts_with('u') || p.starts_with('i'));
        let signed = int.is_some_and(|i| i.starts_with('i'));
        let variants = 1 + rng.below(5);
        let mut body = String::new();
        let mut any_fields = false;
        let mut value: i64 = if signed {
            -(rng.below(4) as i64) - 2
        } else {
            0
        };
        let explicit = int.is_some() && rng.below(2) == 0;
        for v in 0..variants {
            let kind = rng.below(3);
            let n = if kind == 0 { 0 } else { 1 + rng.below(4) };
            // `repr(C, Int)` without fields is rejected by rustc: the last variant gets one.
            let n = if n == 0 && v + 1 == variants && !any_fields && repr.contains("C, ") {
                1
            } else {
                n
            };
            let types: Vec<&str> = (0..n).map(|_| rng.pick(&scalars)).collect();
            any_fields |= n > 0;
            let fields = match (n, kind) {
                (0, _) => String::new(),
                (_, 1) => format!("({})", types.join(", ")),
                _ => {
                    let named: Vec<String> = types
                        .iter()
                        .enumerate()
                        .map(|(k, t)| format!("f{k}: {t}"))
                        .collect();
                    format!(" {{ {} }}", named.join(", "))
                }
            };
            // Explicit values (for an integer repr, half the enums): increasing, with gaps,
            // from a negative one for a signed tag.
            value += 1 + rng.below(3) as i64;
            let discriminant = if explicit {
                format!(" = {value}")
            } else {
                String::new()
            };
            body.push_str(&format!("    V{v}{fields}{discriminant},\n"));
        }
        let name = format!("E{i}");
        src.push_str(&format!("#[repr({repr})]\npub enum {name} {{\n{body}}}\n"));
        names.push(name);
        if rng.below(3) == 0 {
            scalars.push(Box::leak(names[i].clone().into_boxed_str()));
        }
    }
    for (k, pair) in names.chunks(2).enumerate() {
        let fields: Vec<String> = pair
            .iter()
            .enumerate()
            .map(|(j, n)| format!("pub x{j}: u8, pub e{j}: {n}"))
            .collect();
        src.push_str(&format!(
            "#[repr(C)] pub struct S{k} {{ {} }}\n",
            fields.join(", ")
        ));
    }
    src
}

#[test]
fn random_enums_match_rustc() {
    let targets = [
        "x86_64-unknown-linux-gnu",
        "i686-unknown-linux-gnu",
        "armv7-unknown-linux-gnueabihf",
        "msp430-none-elf",
    ];
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cargo-layout-enums-random");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let source = random_source(12, 120);
    std::fs::write(dir.join("random.rs"), &source).unwrap();
    let out = run_in(
        &dir,
        &[
            "--format",
            "json",
            "--target",
            &targets.join(","),
            "random.rs",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let unresolved: Vec<String> = doc["enums"]
        .as_array()
        .unwrap()
        .iter()
        .chain(doc["structs"].as_array().unwrap())
        .filter(|e| !e["unresolved"].is_null())
        .map(|e| format!("{}: {}", e["name"], e["unresolved"]))
        .collect();
    assert!(unresolved.is_empty(), "{unresolved:#?}");
    let (mismatches, [checked, fields, suggestions]) = against_rustc(&doc, &source, &targets);
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // 120 enums and 62 structs on 4 targets, every one with a layout on each.
    assert_eq!(checked, 182 * 4, "layouts checked");
    assert!(fields > 600, "only {fields} variant fields checked");
    assert!(
        suggestions > 20,
        "only {suggestions} suggested orders checked"
    );
}

/// Runs rustc with `args`, failing the test with its messages.
fn rustc(args: &[&std::ffi::OsStr]) {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .env("RUSTC_BOOTSTRAP", "1")
        .args(args)
        .output()
        .expect("run rustc");
    assert!(out.status.success(), "rustc failed:\n{}", text(&out.stderr));
}

/// On the host, with the compiled fixture itself: `size_of`, `align_of` of every enum and
/// struct with a layout, and `offset_of!` of every variant field (`offset_of!(E, V.f)`, unstable:
/// `offset_of_enum`, enabled with `RUSTC_BOOTSTRAP` as the oracle enables `-Z` flags) and
/// struct field, compared with the JSON of a run on the host.
#[test]
fn host_size_of_align_of_and_offset_of_agree() {
    let krate = copy_fixture("host");
    let out = run_in(&krate, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let host = doc["targets"][0].as_str().unwrap().to_owned();
    // (what, the tool's number, the expression rustc evaluates)
    let mut checks: Vec<(String, u64, String)> = Vec::new();
    for item in doc["enums"]
        .as_array()
        .unwrap()
        .iter()
        .chain(doc["structs"].as_array().unwrap())
    {
        let name = item["name"].as_str().unwrap();
        let Some(l) = layout_on(item, &host).filter(|l| l["error"].is_null()) else {
            continue;
        };
        for (what, f) in [("size", "size_of"), ("align", "align_of")] {
            checks.push((
                format!("{name} {what}"),
                l[what].as_u64().unwrap(),
                format!("core::mem::{f}::<{name}>()"),
            ));
        }
        // A fieldless enum's discriminants, as rustc casts them.
        if let Some(variants) = l["variants"].as_array()
            && variants
                .iter()
                .all(|v| v["fields"].as_array().unwrap().is_empty())
        {
            for v in variants {
                let vname = v["name"].as_str().unwrap();
                checks.push((
                    format!("{name}::{vname} discriminant"),
                    // Shifted, to print as an unsigned number.
                    (v["discriminant"].as_i64().unwrap() + (1 << 40)) as u64,
                    format!("({name}::{vname} as i64 + (1 << 40))"),
                ));
            }
        }
        let mut fields: Vec<(String, &Value)> = Vec::new();
        match l["variants"].as_array() {
            Some(variants) => {
                for v in variants {
                    for f in v["fields"].as_array().unwrap() {
                        fields.push((
                            format!(
                                "{}.{}",
                                v["name"].as_str().unwrap(),
                                f["name"].as_str().unwrap()
                            ),
                            f,
                        ));
                    }
                }
            }
            None => {
                for f in l["fields"].as_array().unwrap() {
                    fields.push((f["name"].as_str().unwrap().to_owned(), f));
                }
            }
        }
        for (path, f) in fields {
            checks.push((
                format!("{name}.{path} offset"),
                f["offset"].as_u64().unwrap(),
                format!("core::mem::offset_of!({name}, {path})"),
            ));
        }
    }
    assert!(checks.len() > 60, "only {} checks", checks.len());
    let mut main = String::from(
        "#![feature(offset_of_enum)]\n#![allow(unused_imports)]\nuse enum_zoo::*;\nfn main() {\n",
    );
    for (what, _, expr) in &checks {
        main.push_str(&format!("    println!(\"{what} {{}}\", {expr});\n"));
    }
    main.push_str("}\n");
    std::fs::write(krate.join("probe.rs"), main).unwrap();
    let lib = krate.join("libenum_zoo.rlib");
    rustc(&[
        "--edition".as_ref(),
        "2021".as_ref(),
        "--crate-type".as_ref(),
        "rlib".as_ref(),
        "--crate-name".as_ref(),
        "enum_zoo".as_ref(),
        "-o".as_ref(),
        lib.as_os_str(),
        krate.join("src/lib.rs").as_os_str(),
    ]);
    let extern_arg = format!("enum_zoo={}", lib.display());
    let probe = krate.join("probe");
    rustc(&[
        "--edition".as_ref(),
        "2021".as_ref(),
        "--extern".as_ref(),
        extern_arg.as_ref(),
        "-o".as_ref(),
        probe.as_os_str(),
        krate.join("probe.rs").as_os_str(),
    ]);
    let printed = text(&Command::new(&probe).output().expect("run the probe").stdout);
    let mut wrong = Vec::new();
    for ((what, tool, _), line) in checks.iter().zip(printed.lines()) {
        let real: u64 = line.rsplit(' ').next().unwrap().parse().unwrap();
        if real != *tool {
            wrong.push(format!("{what}: tool {tool}, rustc {real}"));
        }
    }
    assert_eq!(printed.lines().count(), checks.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn enums_in_macros_are_read_or_named() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cargo-layout-enums-macros");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let src = "macro_rules! mk { ($n:ident) => { #[repr(u8)] pub enum $n { A(u8) } } }\n\
               mk!(Made);\n\
               cfg_if::cfg_if! { if #[cfg(unix)] { #[repr(u8)] pub enum InCfgIf { A(u8) } } }\n\
               macro_rules! items { () => { #[repr(C)] pub enum FromMacro { X, Y } } }\n\
               items!();\n";
    std::fs::write(dir.join("m.rs"), src).unwrap();
    let out = run_in(&dir, &["-t", "64", "--format", "json", "m.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = doc["enums"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["InCfgIf", "FromMacro"]);
    let notes = doc["diagnostics"].to_string();
    assert!(
        notes.contains("macro_rules! mk not scanned: enums defined inside macros"),
        "{notes}"
    );
}

#[test]
fn the_baseline_records_enum_waste() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cargo-layout-enums-baseline");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let baseline = dir.join("baseline.json");
    let b = baseline.to_str().unwrap();
    let write = run_in(&fixture(), &["-t", "64,32", "--write-baseline", b]);
    assert_eq!(write.status.code(), Some(0), "{}", text(&write.stderr));
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(
        recorded["structs"]["crate::Command"],
        serde_json::json!({ "x86_64-unknown-linux-gnu": 4, "i686-unknown-linux-gnu": 4 })
    );
    let check = run_in(
        &fixture(),
        &["-t", "64,32", "--deny-waste", "--baseline", b],
    );
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    // Without the enum in the baseline, its waste is new.
    let mut edited = recorded.clone();
    edited["structs"]
        .as_object_mut()
        .unwrap()
        .remove("crate::Command");
    std::fs::write(&baseline, edited.to_string()).unwrap();
    let grown = run_in(
        &fixture(),
        &["-t", "64,32", "--deny-waste", "--baseline", b],
    );
    assert_eq!(grown.status.code(), Some(1));
    assert!(
        text(&grown.stderr).contains("`crate::Command` wastes 4 bytes"),
        "{}",
        text(&grown.stderr)
    );
}

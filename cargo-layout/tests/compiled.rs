//! `cargo layout --compiled` end to end (issue 13): the binary builds `tests/fixtures/compiled`
//! (macro-made `repr(C)` structs, enums of every representation, generics, `repr(Rust)`,
//! nested types, unused and unreachable types) and every number of its JSON report is checked
//! against the compiler's own `size_of`/`align_of`/`offset_of!`, printed by a generated probe
//! program; the check against the source scan agrees; a wrong prediction is loud; bad input
//! fails clearly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compiled")
}

fn tmp(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// Runs the binary in `dir` with its own target directory for the build.
fn run_in(
    dir: &Path,
    target: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> (Output, String, String) {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", tmp(target))
        .env_remove("CARGO_BUILD_TARGET");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

fn run(args: &[&str], env: &[(&str, &str)]) -> (Output, String, String) {
    run_in(&fixture(), "compiled-zoo", args, env)
}

/// The JSON report of the fixture, default features.
fn report() -> &'static Value {
    static REPORT: OnceLock<Value> = OnceLock::new();
    REPORT.get_or_init(|| {
        let (out, stdout, stderr) = run(&["--compiled", "--format", "json"], &[]);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        serde_json::from_str(&stdout).unwrap()
    })
}

fn types(report: &Value) -> &Vec<Value> {
    report["types"].as_array().unwrap()
}

fn get<'a>(report: &'a Value, name: &str) -> &'a Value {
    types(report)
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("`{name}` is not in the report"))
}

#[test]
fn every_kind_of_type_is_reported() {
    let r = report();
    for name in [
        "compiled_zoo::MacroHeader",
        "compiled_zoo::MacroPoint",
        "compiled_zoo::T1",
        "compiled_zoo::Wire",
        "compiled_zoo::Packed2",
        "compiled_zoo::Aligned",
        "compiled_zoo::Pointers",
        "compiled_zoo::Outer",
        "compiled_zoo::Inner",
        "compiled_zoo::Pair",
        "compiled_zoo::Bits",
        "compiled_zoo::Reordered",
        "compiled_zoo::Mixed",
        "compiled_zoo::Gen<u8, u32>",
        "compiled_zoo::Gen<u64, u16>",
        "compiled_zoo::Small",
        "compiled_zoo::CLike",
        "compiled_zoo::Wide",
        "compiled_zoo::TaggedU16",
        "compiled_zoo::TaggedC",
        "compiled_zoo::TaggedCU8",
        "compiled_zoo::Shape",
        "compiled_zoo::Maybe",
        "compiled_zoo::Flagged",
        "compiled_zoo::nested::deeper::Deep",
        "compiled_zoo::compiled_zoo_use_all::Local",
        // Used by no code: the source scan's path reached it through the shim.
        "compiled_zoo::Unused",
        "(u8, u32)",
    ] {
        get(r, name);
    }
    assert_eq!(r["mode"], "compiled");
    assert_eq!(r["summary"]["mismatches"], 0);
}

#[test]
fn unreachable_types_say_why() {
    let r = report();
    let unreached: Vec<(&str, &str)> = r["unreached"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["path"].as_str().unwrap(), u["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        unreached,
        [
            ("crate::Lonely", "generic"),
            ("crate::nested::Hidden", "private"),
            ("crate::private::Secret", "private"),
            ("crate::Extra", "feature"),
        ]
    );
    let extra = &r["unreached"][3]["message"];
    assert!(extra.as_str().unwrap().contains("`extra`"), "{extra}");
}

/// Every `repr(C)` struct and union the scan models agrees with the compiled layout; the
/// `repr(Rust)` ones are compared on what rustc promises (alignment, field sizes, minimum).
#[test]
fn the_source_scan_agrees_with_the_compiler() {
    let r = report();
    let status = |name: &str| get(r, name)["check"]["status"].as_str().unwrap().to_owned();
    for name in [
        "T1",
        "Wire",
        "Packed2",
        "Aligned",
        "Pointers",
        "Outer",
        "Inner",
        "Pair",
        "Bits",
        "Unused",
        "Reordered",
        "compiled_zoo_use_all::Local",
    ] {
        assert_eq!(status(&format!("compiled_zoo::{name}")), "agrees", "{name}");
    }
    // Macro-made, generic instances, enums, tuples: compiled only.
    for name in [
        "compiled_zoo::MacroHeader",
        "compiled_zoo::Gen<u8, u32>",
        "compiled_zoo::Shape",
        "(u8, u32)",
    ] {
        assert_eq!(status(name), "not_scanned", "{name}");
    }
    // A field the scan cannot model (a tuple is repr(Rust)): said, not compared.
    assert_eq!(status("compiled_zoo::Mixed"), "not_compared");
    assert_eq!(get(r, "compiled_zoo::Reordered")["order"], "rustc");
    assert_eq!(get(r, "compiled_zoo::T1")["order"], "declared");
    assert_eq!(get(r, "compiled_zoo::T1")["repr"], "#[repr(C)]");
    assert_eq!(get(r, "compiled_zoo::T1")["min_size"], 16);
    assert_eq!(get(r, "compiled_zoo::T1")["saving"], 8);
    assert_eq!(get(r, "compiled_zoo::MacroHeader")["min_size"], 16);
}

/// Writes and runs a program that prints the compiler's numbers for every nameable type of the
/// report, one JSON object per line.
fn probe(report: &Value) -> Vec<Value> {
    let dir = tmp("compiled-probe");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n[workspace]\n[dependencies]\ncompiled-zoo = {{ path = {:?} }}\n",
            fixture().display().to_string()
        ),
    )
    .unwrap();
    let mut main = String::from(
        "#![allow(unused)]\nuse core::mem::{align_of, offset_of, size_of};\n\
         fn field_size<T, F>(_: fn(&T) -> &F) -> usize { size_of::<F>() }\nfn main() {\n",
    );
    for t in types(report) {
        let ty = t["name"].as_str().unwrap();
        if ty.contains("compiled_zoo_use_all::") {
            continue; // declared in a function body: no path names it
        }
        main += &format!(
            "println!(\"{{{{\\\"type\\\":{{:?}},\\\"size\\\":{{}},\\\"align\\\":{{}}}}}}\", {ty:?}, size_of::<{ty}>(), align_of::<{ty}>());\n"
        );
        if t["kind"] == "enum" {
            continue;
        }
        for f in t["fields"].as_array().unwrap() {
            let name = f["name"].as_str().unwrap();
            let field = name.strip_prefix("__").unwrap_or(name);
            let access = if t["kind"] == "union" {
                format!("unsafe {{ &t.{field} }}")
            } else if t["repr"].as_str().is_some_and(|r| r.contains("packed")) {
                // No reference to a packed field: the size of its type from a raw pointer.
                format!("unsafe {{ &*core::ptr::addr_of!(t.{field}) }}")
            } else {
                format!("&t.{field}")
            };
            main += &format!(
                "println!(\"{{{{\\\"type\\\":{{:?}},\\\"field\\\":{{:?}},\\\"offset\\\":{{}},\\\"size\\\":{{}}}}}}\", {ty:?}, {name:?}, offset_of!({ty}, {field}), field_size(|t: &{ty}| {access}));\n"
            );
        }
    }
    main += "}\n";
    std::fs::write(dir.join("src/main.rs"), main).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(tmp("compiled-probe-target"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn every_number_is_the_compilers() {
    let r = report();
    let lines = probe(r);
    let mut checked = 0;
    for line in &lines {
        let t = get(r, line["type"].as_str().unwrap());
        match line.get("field") {
            None => {
                assert_eq!(t["size"], line["size"], "size of {}", t["name"]);
                assert_eq!(t["align"], line["align"], "align of {}", t["name"]);
            }
            Some(field) => {
                let f = t["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|f| &f["name"] == field)
                    .unwrap();
                assert_eq!(f["offset"], line["offset"], "{}.{field}", t["name"]);
                assert_eq!(f["size"], line["size"], "size of {}.{field}", t["name"]);
            }
        }
        checked += 1;
    }
    let expected: usize = types(r)
        .iter()
        .filter(|t| {
            !t["name"]
                .as_str()
                .unwrap()
                .contains("compiled_zoo_use_all::")
        })
        .map(|t| {
            1 + if t["kind"] == "enum" {
                0
            } else {
                t["fields"].as_array().unwrap().len()
            }
        })
        .sum();
    assert_eq!(checked, expected);
    assert!(checked >= 80, "{checked}");
}

/// Enums: the tag, each variant's fields, the niche (the values themselves are checked against
/// `-Zprint-type-sizes` by layout-dwarf's own tests).
#[test]
fn enums_show_tags_variants_and_niches() {
    let r = report();
    let e = &get(r, "compiled_zoo::TaggedU16")["enum"];
    assert_eq!(e["tag"]["size"], 2);
    assert_eq!(e["tag"]["encoding"], "direct");
    let wide = &e["variants"][2];
    assert_eq!(wide["name"], "Wide");
    assert_eq!(wide["fields"][0]["name"], "value");
    assert_eq!(wide["fields"][0]["offset"], 4);
    let maybe = &get(r, "compiled_zoo::Maybe")["enum"]["tag"];
    assert_eq!(maybe["encoding"]["niche"]["untagged"], "Yes");
    let (out, text, _) = run(&["--compiled", "--name", "Wide", "--name", "Maybe"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text.contains("variant Neg = -1"), "{text}");
    assert!(
        text.contains("niche: the tag is stored in invalid values of Yes.__0"),
        "{text}"
    );
}

#[test]
fn features_are_passed_to_the_build() {
    let (out, stdout, stderr) = run(
        &["--compiled", "--features", "extra", "--format", "json"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(get(&r, "compiled_zoo::Extra")["check"]["status"], "agrees");
    assert!(
        r["unreached"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["path"] != "crate::Extra")
    );
}

#[test]
fn other_targets_are_the_engines_predictions() {
    let (out, stdout, stderr) = run(&["--compiled", "-t", "64,32,16", "--name", "T1"], &[]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let expected = "\
compiled_zoo::T1 (src/lib.rs:22)
#[repr(C)] struct compiled for x86_64-unknown-linux-gnu: size 24, align 8
offset  size  field            type
     0     1  a                i8
     1     7  (7-byte hole)
     8     8  b                i64
    16     2  c                i16
           6  (6-byte tail padding)
size 24, padding 13, minimum 16 by reordering (saves 8)
checked: the engine's prediction for x86_64-unknown-linux-gnu is the same
          x86_64 (compiled)  i686  msp430
size                     24    16      12
align                     8     4       2
minimum                  16    12      12
a offset                  0     0       0
b offset                  8     4       2
c offset                 16    12      10
";
    assert!(stdout.starts_with(expected), "{stdout}");
    assert!(stderr.contains("builds for the host only"), "{stderr}");
}

#[test]
fn top_sorts_by_waste_or_size() {
    let (_, stdout, _) = run(&["--compiled", "--top", "3", "--format", "json"], &[]);
    let r: Value = serde_json::from_str(&stdout).unwrap();
    let names: Vec<&str> = types(&r)
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names[0], "compiled_zoo::Aligned", "{names:?}");
    assert_eq!(names.len(), 3);
    let (_, stdout, _) = run(
        &[
            "--compiled",
            "--top",
            "1",
            "--sort",
            "size",
            "--format",
            "json",
        ],
        &[],
    );
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(types(&r)[0]["name"], "compiled_zoo::Pointers");
    let (_, stdout, _) = run(
        &["--compiled", "--min-saving", "8", "--format", "json"],
        &[],
    );
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert!(types(&r).iter().all(|t| t["saving"].as_u64().unwrap() >= 8));
    assert!(
        types(&r)
            .iter()
            .any(|t| t["name"] == "compiled_zoo::MacroHeader")
    );
}

/// A wrong prediction (a test-only hook makes the engine's host prediction for `T1` wrong) is
/// a section of its own at the top, a line in the summary, and exit status 3.
#[test]
fn a_wrong_prediction_is_loud() {
    let hook = [("__CARGO_LAYOUT_TEST_WRONG_PREDICTION", "crate::T1")];
    let (out, stdout, stderr) = run(&["--compiled"], &hook);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stdout.starts_with(
            "!!! 1 type where the compiler and cargo-layout's engine disagree on \
             x86_64-unknown-linux-gnu\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("!!!     size: compiled 24, predicted 32"),
        "{stdout}"
    );
    assert!(
        stdout.contains("!!!     field `c` offset: compiled 16, predicted 17"),
        "{stdout}"
    );
    assert!(stdout.contains("1 DISAGREE (exit status 3)"), "{stdout}");
    assert!(stderr.contains("please report"), "{stderr}");
    let (out, stdout, _) = run(&["--compiled", "--format", "json"], &hook);
    assert_eq!(out.status.code(), Some(3));
    let r: Value = serde_json::from_str(&stdout).unwrap();
    let t1 = get(&r, "compiled_zoo::T1");
    assert_eq!(t1["check"]["status"], "disagrees");
    assert_eq!(t1["check"]["mismatches"][0]["compiled"], 24);
    assert_eq!(r["summary"]["mismatches"], 1);
}

fn scratch(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = tmp(&format!("compiled-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const MANIFEST: &str =
    "[package]\nname = \"bad\"\nversion = \"0.1.0\"\nedition = \"2021\"\n[workspace]\n";

#[test]
fn a_crate_that_does_not_build_shows_the_compilers_error() {
    let dir = scratch(
        "broken",
        &[
            ("Cargo.toml", MANIFEST),
            (
                "src/lib.rs",
                "pub struct A { a: u8 }\npub fn f() -> u8 { \"no\" }\n",
            ),
        ],
    );
    let (out, stdout, stderr) = run_in(&dir, "compiled-broken", &["--compiled"], &[]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("error: package `bad` does not build"),
        "{stderr}"
    );
    assert!(stderr.contains("mismatched types"), "{stderr}");
    assert!(stderr.contains("src/lib.rs:2"), "{stderr}");
}

#[test]
fn no_debug_information_names_the_profile_setting() {
    let dir = scratch(
        "nodebug",
        &[
            (
                "Cargo.toml",
                &format!("{MANIFEST}[profile.dev.package.bad]\ndebug = false\n"),
            ),
            ("src/lib.rs", "pub struct A { pub a: u8 }\n"),
        ],
    );
    let (out, _, stderr) = run_in(&dir, "compiled-nodebug", &["--compiled"], &[]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("without the debug information"), "{stderr}");
    assert!(
        stderr.contains("`debug = true` in `[profile.dev]`"),
        "{stderr}"
    );
    assert!(stderr.contains("[profile.dev.package.bad]"), "{stderr}");
}

#[test]
fn a_cross_target_is_refused_clearly() {
    let dir = scratch(
        "cross",
        &[
            ("Cargo.toml", MANIFEST),
            ("src/lib.rs", "#[repr(C)]\npub struct A { pub a: u8 }\n"),
        ],
    );
    // Cargo configured to build for a target whose std is not installed.
    let (out, _, stderr) = run_in(
        &dir,
        "compiled-cross",
        &["--compiled"],
        &[("CARGO_BUILD_TARGET", "thumbv7em-none-eabihf")],
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "standard library is not installed (CARGO_BUILD_TARGET=thumbv7em-none-eabihf)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("--compiled reads the host's layouts only"),
        "{stderr}"
    );
    // -t names prediction columns, never a cross build.
    let (out, stdout, stderr) = run_in(
        &dir,
        "compiled-cross",
        &[
            "--compiled",
            "-t",
            "thumbv7em-none-eabihf",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("note: --compiled builds for the host only"),
        "{stderr}"
    );
    let r: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(r["targets"][1], "thumbv7em-none-eabihf");
    assert_eq!(get(&r, "bad::A")["predictions"][0]["size"], 1);
}

#[test]
fn compiled_only_flags_and_refused_combinations() {
    for (args, message) in [
        (&["--release"][..], "--release only applies with --compiled"),
        (&["--top", "3"][..], "--top only applies with --compiled"),
        (
            &["--compiled", "--fix"][..],
            "--fix and --diff cannot be combined",
        ),
        (
            &["--compiled", "--workspace"][..],
            "--workspace cannot be combined",
        ),
        (&["--compiled", "a.rs"][..], "not .rs files"),
        (&["--compiled", "--top", "x"][..], "--top expects a number"),
        (&["--compiled", "--sort", "x"][..], "unknown sort `x`"),
    ] {
        let (out, _, stderr) = run(args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn sarif_lists_types_that_can_shrink() {
    let (out, stdout, stderr) = run(&["--compiled", "--format", "sarif"], &[]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "cargo-layout");
    let results = run["results"].as_array().unwrap();
    let t1 = results
        .iter()
        .find(|r| {
            r["message"]["text"]
                .as_str()
                .unwrap()
                .contains("compiled_zoo::T1")
        })
        .expect("T1 can shrink");
    assert_eq!(t1["ruleId"], "padding-waste");
    assert_eq!(t1["properties"]["saving"], 8);
    let location = &t1["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "src/lib.rs");
    assert_eq!(location["region"]["startLine"], 22);
    assert!(results.iter().all(|r| r["ruleId"] != "prediction-mismatch"));
}

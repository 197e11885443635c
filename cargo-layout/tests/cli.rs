//! End-to-end tests of the `cargo-layout` binary on the fixture crates in `tests/fixtures/`.
//!
//! - Report snapshots (text, JSON, `--diff`) are compared exactly with the reviewed files in
//!   `tests/expected/`. To regenerate them after an intended change, run with
//!   `CARGO_LAYOUT_BLESS=1` and review the diff before committing.
//! - `--fix` round trips: the fixed crate compiles, every comment is still there, a second
//!   run changes nothing.
//! - The JSON's numbers against rustc's own layouts on several targets (the oracle harness of
//!   `layout-tests`), including the size of every suggested order.
//! - Every bad input: a one-line error naming the file and line, exit status 2, and the rest
//!   of the scan still done.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::{BIN, run_in, snapshot, text};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies a fixture crate into a fresh directory under the target's temporary directory.
fn copy_fixture(name: &str, tag: &str) -> PathBuf {
    let to = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cargo-layout-{tag}"));
    let _ = std::fs::remove_dir_all(&to);
    copy_dir(&fixtures().join(name), &to);
    to
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every `.rs` file under `dir`, with its contents.
fn rust_files(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read_to_string(&p).unwrap(),
                );
            }
        }
    }
    out
}

/// Every comment in a file (`//...` to the end of the line, `/*...*/`), sorted.
fn comments(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find('/') {
        let tail = &rest[i..];
        if tail.starts_with("//") {
            let end = tail.find('\n').unwrap_or(tail.len());
            out.push(tail[..end].trim_end().to_owned());
            rest = &tail[end..];
        } else if tail.starts_with("/*") {
            let end = tail.find("*/").map_or(tail.len(), |e| e + 2);
            out.push(tail[..end].to_owned());
            rest = &tail[end..];
        } else {
            rest = &tail[1..];
        }
    }
    out.sort();
    out
}

fn compiles(krate: &Path) -> Result<(), String> {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--emit=metadata",
            "--crate-name",
            "zoo",
            "--out-dir",
        ])
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

// ---------------------------------------------------------------------------------------------
// Reports

#[test]
fn zoo_text_report_on_64_and_32_bit() {
    let out = run_in(&fixtures().join("zoo"), &["-t", "64", "-t", "32"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    snapshot("zoo.txt", &text(&out.stdout));
    snapshot("zoo.stderr", &text(&out.stderr));
}

#[test]
fn zoo_text_report_with_all_on_three_targets() {
    let out = run_in(
        &fixtures().join("zoo"),
        &[
            "--all",
            "--target",
            "x86_64-unknown-linux-gnu,i686-unknown-linux-gnu,16",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    snapshot("zoo-all.txt", &text(&out.stdout));
}

#[test]
fn zoo_json_report() {
    let out = run_in(
        &fixtures().join("zoo"),
        &["--all", "--format", "json", "-t", "64,32,16"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let doc: Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(doc["schema"], 2);
    assert!(doc.get("version").is_none());
    let structs = doc["structs"].as_array().unwrap();
    assert!(structs.len() >= 30, "{} structs", structs.len());
    snapshot("zoo.json", &stdout);
}

#[test]
fn the_zoo_has_what_the_issue_asks_for() {
    let out = run_in(&fixtures().join("zoo"), &["--all", "--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_name = |name: &str| -> Value {
        doc["structs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("{name} not reported"))
            .clone()
    };
    // Nested structs, aliases, constants, modules (file, mod.rs, inline, nested), renamed and
    // glob imports, function bodies: all resolved.
    for name in [
        "Nested",
        "Aliased",
        "Buf",
        "Packet",
        "Deep",
        "Sprite",
        "Local",
        "Ipv4Header",
        "Raw",
    ] {
        assert!(
            by_name(name)["unresolved"].is_null(),
            "{name}: {}",
            by_name(name)["unresolved"]
        );
    }
    // cfg'd items are included, with their condition.
    assert_eq!(
        by_name("OnlyOn64")["cfg"],
        serde_json::json!(["cfg(target_pointer_width = \"64\")"])
    );
    // Unresolvable fields are named, never skipped.
    for (name, field) in [("Holder", "v"), ("Gen", "t"), ("Timed", "at")] {
        assert_eq!(by_name(name)["unresolved"][0]["field"], field, "{name}");
    }
    // C types are laid out per target, as core defines them.
    let ffi = by_name("Ffi");
    assert!(ffi["unresolved"].is_null(), "{}", ffi["unresolved"]);
    assert_eq!(ffi["layouts"][0]["fields"][1]["offset"], 4);
    // repr(Rust) with --all: rustc's choice, no offsets.
    let plain = by_name("Plain");
    assert_eq!(plain["order"], "rustc");
    assert!(plain["layouts"][0]["fields"][0]["offset"].is_null());
    // Markers.
    let names: Vec<&str> = doc["structs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(!names.contains(&"Ignored") && !names.contains(&"IgnoredByAttribute"));
    assert_eq!(by_name("Header")["pinned"], serde_json::json!(["magic"]));
    assert_eq!(
        by_name("Header")["layouts"][0]["suggestion"]["order"][0],
        "magic"
    );
    // A macro body is not scanned, and says so.
    assert!(text(&out.stderr).contains("macro_rules! make not scanned"));
}

#[test]
fn filters_markers_and_the_cargo_subcommand_form() {
    let zoo = fixtures().join("zoo");
    let names = |args: &[&str]| -> Vec<String> {
        let out = run_in(&zoo, &[args, &["--format", "json"]].concat());
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["structs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["path"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(&["--only-marked"]), ["crate::Checked"]);
    assert_eq!(names(&["--name", "T?"]), ["crate::T1", "crate::T2"]);
    assert_eq!(
        names(&["--name", "crate::net::*"]),
        ["crate::net::Ipv4Header", "crate::net::tcp::TcpHeader"]
    );
    // Structs without a layout cannot be judged, so they are always listed.
    assert_eq!(
        names(&["--min-saving", "9"]),
        [
            "crate::gpu::shapes::Sprite",
            "crate::Holder",
            "crate::Gen",
            "crate::Timed",
            "crate::Wide",
            "crate::Vec3",
            "crate::Ring"
        ]
    );
    // `cargo layout ...` passes `layout` first.
    let direct = run_in(&zoo, &["--name", "T1"]);
    let via_cargo = run_in(&zoo, &["layout", "--name", "T1"]);
    assert_eq!(direct.stdout, via_cargo.stdout);
}

#[test]
fn deny_waste_sets_the_exit_status() {
    let zoo = fixtures().join("zoo");
    let waste = run_in(&zoo, &["--deny-waste", "--name", "T1"]);
    assert_eq!(waste.status.code(), Some(1));
    let clean = run_in(&zoo, &["--deny-waste", "--name", "T2"]);
    assert_eq!(clean.status.code(), Some(0));
    // A struct without a layout is listed, but is not waste.
    let blocked = run_in(&zoo, &["--deny-waste", "--name", "Holder"]);
    assert_eq!(blocked.status.code(), Some(0));
    assert!(text(&blocked.stdout).contains("field `v: Vec<u8>`"));
}

// ---------------------------------------------------------------------------------------------
// --fix and --diff

#[test]
fn fix_round_trip_compiles_keeps_comments_and_is_idempotent() {
    let krate = copy_fixture("zoo", "fix");
    let before = rust_files(&krate);
    compiles(&krate).expect("the fixture compiles before the fix");

    let first = run_in(&krate, &["--fix", "-t", "64", "-t", "32"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let stderr = text(&first.stderr);
    assert!(
        stderr.contains("fixed: crate::T1 in src/lib.rs:23: 24 -> 16 bytes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`Pair` not reordered: it is a tuple struct"),
        "{stderr}"
    );

    let after = rust_files(&krate);
    assert_ne!(before, after, "--fix changed nothing");
    for (path, old) in &before {
        assert_eq!(comments(old), comments(&after[path]), "{}", path.display());
    }
    snapshot("zoo-fixed-lib.rs", &after[Path::new("src/lib.rs")]);
    compiles(&krate).unwrap_or_else(|e| panic!("the fixed crate does not compile:\n{e}"));

    // Every struct that could shrink did (except the tuple struct), and a second run is a
    // no-op.
    let report = run_in(&krate, &["--format", "json", "-t", "64", "-t", "32"]);
    let doc: Value = serde_json::from_slice(&report.stdout).unwrap();
    let by_saving: Vec<&str> = doc["summary"]["by_saving"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(by_saving, ["crate::Pair"]);
    let second = run_in(&krate, &["--fix", "-t", "64", "-t", "32"]);
    assert_eq!(second.status.code(), Some(0));
    assert!(!text(&second.stderr).contains("fixed:"));
    assert_eq!(after, rust_files(&krate), "the second run changed files");
}

#[test]
fn diff_prints_what_fix_would_do_and_writes_nothing() {
    let krate = copy_fixture("zoo", "diff");
    let before = rust_files(&krate);
    let out = run_in(&krate, &["--diff"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(before, rust_files(&krate), "--diff wrote files");
    let diff = text(&out.stdout);
    snapshot("zoo.diff", &diff);
    // Applying the diff gives what --fix writes.
    let fixed = copy_fixture("zoo", "diff-fixed");
    assert_eq!(run_in(&fixed, &["--fix"]).status.code(), Some(0));
    let patched = apply_diff(&before, &diff);
    let want: BTreeMap<PathBuf, String> = rust_files(&fixed);
    assert_eq!(patched, want);
}

/// Applies a unified diff made of `--- a/P`, `+++ b/P` and `@@ -s,l +s,l @@` hunks.
fn apply_diff(files: &BTreeMap<PathBuf, String>, diff: &str) -> BTreeMap<PathBuf, String> {
    let mut out = files.clone();
    let mut lines = diff.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(path) = line.strip_prefix("--- a/") else {
            continue;
        };
        lines.next(); // +++
        let old: Vec<&str> = files[Path::new(path)].split_inclusive('\n').collect();
        let mut new = String::new();
        let mut next = 0;
        while lines.peek().is_some_and(|l| l.starts_with("@@")) {
            let header = lines.next().unwrap();
            let start: usize = header[4..]
                .split([',', ' '])
                .next()
                .unwrap()
                .parse()
                .unwrap();
            for l in &old[next..start - 1] {
                new.push_str(l);
            }
            next = start - 1;
            while let Some(l) = lines.peek() {
                if l.starts_with("@@") || l.starts_with("--- ") {
                    break;
                }
                let l = lines.next().unwrap();
                match l.as_bytes().first() {
                    Some(b' ') => {
                        new.push_str(old[next]);
                        next += 1;
                    }
                    Some(b'-') => next += 1,
                    Some(b'+') => {
                        new.push_str(&l[1..]);
                        new.push('\n');
                    }
                    _ => panic!("unexpected diff line {l:?}"),
                }
            }
        }
        for l in &old[next..] {
            new.push_str(l);
        }
        out.insert(PathBuf::from(path), new);
    }
    out
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
    "s390x-unknown-linux-gnu",
    "powerpc64-ibm-aix",
    "m68k-unknown-linux-gnu",
    "msp430-none-elf",
    "avr-none",
    "wasm32-unknown-unknown",
];

/// `#[repr(...)]` from the JSON's `repr` object.
fn repr_attr(repr: &Value) -> String {
    let mut parts = vec![repr["base"].as_str().unwrap().to_owned()];
    match repr["packed"].as_u64() {
        Some(1) => parts.push("packed".into()),
        Some(n) => parts.push(format!("packed({n})")),
        None => {}
    }
    if let Some(n) = repr["align"].as_u64() {
        parts.push(format!("align({n})"));
    }
    format!("#[repr({})]", parts.join(", "))
}

/// A struct's layout on `target`: the entry of `layouts` whose `targets` has it (exactly one).
fn layout_on<'a>(s: &'a Value, target: &str) -> &'a Value {
    let mut on = s["layouts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["targets"].as_array().unwrap().iter().any(|t| t == target));
    let layout = on
        .next()
        .unwrap_or_else(|| panic!("{}: no layout on {target}", s["name"]));
    assert!(
        on.next().is_none(),
        "{}: two layouts on {target}",
        s["name"]
    );
    layout
}

#[test]
fn json_numbers_match_rustc_on_many_targets() {
    use layout_tests::oracle;

    let fixture = fixtures().join("oracle.rs");
    let source = std::fs::read_to_string(&fixture).unwrap();
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
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "--format",
            "json",
            "--target",
            &targets.join(","),
            "tests/fixtures/oracle.rs",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The generic structs have no layout of their own (their instantiations do).
    let (structs, generic): (Vec<&Value>, Vec<&Value>) = doc["structs"]
        .as_array()
        .unwrap()
        .iter()
        .partition(|s| s["unresolved"].is_null());
    let generic: Vec<&str> = generic
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(generic, ["Vec3", "Ring"]);
    assert!(structs.len() >= 19, "{} structs", structs.len());

    let mut checked = 0;
    let mut mismatches = Vec::new();
    for target in &targets {
        // The fixture's structs, plus each suggested order as a struct of its own, so rustc
        // also says whether the suggestion really has the size the report claims.
        let mut items = source.clone();
        for s in &structs {
            let name = s["name"].as_str().unwrap();
            items.push_str(&oracle::keep(name));
            let layout = layout_on(s, target);
            if let Some(order) = layout["suggestion"]["order"].as_array() {
                let fields = layout["fields"].as_array().unwrap();
                let body: Vec<String> = order
                    .iter()
                    .map(|n| {
                        let f = fields.iter().find(|f| f["name"] == *n).unwrap();
                        format!(
                            "    {}: {},\n",
                            n.as_str().unwrap(),
                            f["type"].as_str().unwrap()
                        )
                    })
                    .collect();
                let suggested = format!("{name}Suggested");
                items.push_str(&format!(
                    "{}\npub struct {suggested} {{\n{}}}\n{}",
                    repr_attr(&layout["repr"]),
                    body.concat(),
                    oracle::keep(&suggested)
                ));
            }
        }
        let measured = oracle::measure(target, &items)
            .unwrap_or_else(|e| panic!("the rustc oracle cannot run for {target}: {e}"));
        for s in &structs {
            let name = s["name"].as_str().unwrap();
            let layout = layout_on(s, target);
            let Some(real) = measured.get(name) else {
                mismatches.push(format!("{target} / {name}: rustc printed no layout"));
                continue;
            };
            if !layout["error"].is_null() {
                mismatches.push(format!("{target} / {name}: tool error {}", layout["error"]));
                continue;
            }
            let tool = (layout["size"].as_u64(), layout["align"].as_u64());
            if tool != (Some(real.size), Some(real.align)) {
                mismatches.push(format!(
                    "{target} / {name}: size/align tool {tool:?}, rustc {}/{}",
                    real.size, real.align
                ));
            }
            for f in layout["fields"].as_array().unwrap() {
                let fname = f["name"].as_str().unwrap();
                match real.fields.iter().find(|r| r.name == fname) {
                    Some(r)
                        if Some(r.offset) == f["offset"].as_u64()
                            && Some(r.size) == f["size"].as_u64() => {}
                    other => mismatches.push(format!(
                        "{target} / {name}.{fname}: tool {}/{}, rustc {other:?}",
                        f["offset"], f["size"]
                    )),
                }
            }
            if let Some(size) = layout["suggestion"]["size"].as_u64() {
                match measured.get(&format!("{name}Suggested")) {
                    Some(m) if m.size == size => {}
                    other => mismatches.push(format!(
                        "{target} / {name}: suggested order claims {size} bytes, rustc {other:?}"
                    )),
                }
            }
            checked += 1;
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(checked >= 19 * 10, "only {checked} struct layouts checked");
}

// ---------------------------------------------------------------------------------------------
// Bad input

/// Runs on the `bad` fixture: every problem is one line naming file and line, and the good
/// structs are still reported.
#[test]
fn bad_files_are_reported_and_do_not_stop_the_scan() {
    let out = run_in(&fixtures().join("bad"), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "error: src/broken.rs:6:5: syntax error: expected `,`",
            "error: src/lib.rs:5: cannot read the module file src/latin1.rs: stream did not contain valid UTF-8",
            "error: src/lib.rs:6: cannot find the file of module `missing` (looked for src/missing.rs and src/missing/mod.rs)",
        ]
    );
    let stdout = text(&out.stdout);
    // The good file and the good struct after the bad ones are still there.
    assert!(
        stdout.contains("src/good.rs:3: crate::good::Fine"),
        "{stdout}"
    );
    assert!(stdout.contains("src/lib.rs:30: crate::After"), "{stdout}");
    snapshot("bad.txt", &stdout);
}

#[test]
fn bad_structs_are_listed_with_the_reason() {
    let out = run_in(&fixtures().join("bad"), &["--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reason = |name: &str| -> String {
        let s = doc["structs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap();
        s["unresolved"][0]["reason"].as_str().unwrap().to_owned()
    };
    assert!(
        reason("Loop").contains("contains itself by value"),
        "{}",
        reason("Loop")
    );
    assert!(
        reason("Conflict").contains("E0587"),
        "{}",
        reason("Conflict")
    );
    assert!(
        reason("Blocked").contains("`Unknown`"),
        "{}",
        reason("Blocked")
    );
    // The JSON carries the diagnostics too.
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 3);
    assert_eq!(diags[0]["file"], "src/broken.rs");
    assert_eq!(diags[0]["line"], 6);
}

#[test]
fn usage_errors_are_one_line_with_status_2() {
    let zoo = fixtures().join("zoo");
    for (args, wanted) in [
        (
            &["-t", "x86_64-unknown-linux-gnux"][..],
            "error: unknown target `x86_64-unknown-linux-gnux`; did you mean",
        ),
        (&["--bogus"][..], "error: unknown option `--bogus`"),
        // Issue 11: a multi-byte short flag panicked.
        (&["-é"][..], "error: unknown option `-é`"),
        (&["--fix=yes"][..], "error: --fix takes no value"),
        (&["--target"][..], "error: --target needs a value"),
        (
            &["--min-saving", "lots"][..],
            "error: --min-saving expects a number",
        ),
        (&["--format", "yaml"][..], "error: unknown format `yaml`"),
        (
            &["no/such/dir"][..],
            "error: no/such/dir: no such file or directory",
        ),
        (&["missing.rs"][..], "error: missing.rs: no such file"),
        (
            &["-p", "nope"][..],
            "error: Cargo.toml: no package `nope` in this workspace",
        ),
    ] {
        let out = run_in(&zoo, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with(wanted), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = run_in(&fixtures().join("badmanifest"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "error: Cargo.toml:2: cargo metadata: unclosed table, expected `]`"
    );
}

#[test]
fn one_bad_file_among_files_given_does_not_stop_the_others() {
    let bad = fixtures().join("bad");
    let out = run_in(&bad, &["src/broken.rs", "src/good.rs", "src/latin1.rs"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: src/broken.rs:6:5: syntax error"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: src/latin1.rs: cannot read: stream did not contain valid UTF-8"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("crate::good::Fine"));
}

#[test]
fn help_and_version() {
    let out = run_in(&fixtures(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("cargo layout:"));
    let out = run_in(&fixtures(), &["layout", "--version"]);
    assert!(text(&out.stdout).starts_with("cargo-layout "));
}

/// The workspace's own examples: the tool runs on them without an error. Their exact output
/// is in README.md (the examples change with the derive, so it is not a snapshot here).
#[test]
fn runs_on_the_workspace_examples() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let out = run_in(&examples, &["-t", "64", "-t", "32", "-t", "16"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("summary:"));
}

#[test]
fn the_derives_pinned_hot_and_separate_line_fields_are_honoured() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run_in(dir, &["--format", "json", "tests/fixtures/derived.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let session = &doc["structs"][0];
    assert_eq!(session["name"], "Session");
    assert_eq!(session["pinned"], serde_json::json!(["kind"]));
    assert_eq!(session["hot"], serde_json::json!(["flags", "state"]));
    let order = &session["layouts"][0]["suggestion"]["order"];
    assert_eq!(order[4], "kind", "pinned at its declared index: {order}");
    assert!(
        order[0] == "flags" || order[0] == "state",
        "hot fields first: {order}"
    );
    let conflicting = &doc["structs"][1]["layouts"][0];
    assert_eq!(
        conflicting["size"], 24,
        "the layout is there: {conflicting}"
    );
    assert!(
        conflicting["suggestion_error"]
            .as_str()
            .unwrap()
            .starts_with("no suggested order: pinned field 0"),
        "{conflicting}"
    );
    let diff = run_in(dir, &["--diff", "tests/fixtures/derived.rs"]);
    assert_eq!(diff.status.code(), Some(0));
    assert!(
        text(&diff.stderr).contains("`Split` not reordered: it has #[layout(separate_line)]"),
        "{}",
        text(&diff.stderr)
    );
}

#[test]
fn fix_keeps_a_byte_order_mark_crlf_line_ends_and_everything_else() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cargo-layout-crlf");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let before = "\u{feff}// BOM and CRLF\r\n#[repr(C)]\r\npub struct A {\r\n    /// doc\r\n    \
                  a: u8, // x\r\n    b: u64,\r\n    c: u8\r\n}\r\n";
    std::fs::write(dir.join("a.rs"), before).unwrap();
    let out = run_in(&dir, &["--fix", "a.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after = std::fs::read_to_string(dir.join("a.rs")).unwrap();
    assert_eq!(
        after,
        "\u{feff}// BOM and CRLF\r\n#[repr(C)]\r\npub struct A {\r\n    /// doc\r\n    \
         a: u8, // x\r\n    c: u8,\r\n    b: u64\r\n}\r\n"
    );
    let again = run_in(&dir, &["--fix", "a.rs"]);
    assert!(!text(&again.stderr).contains("fixed:"));
    assert_eq!(std::fs::read_to_string(dir.join("a.rs")).unwrap(), after);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["a.rs"]);
}

/// Issue 11: the hand-written diff kept every Myers frontier, memory quadratic in the change
/// (6.4 GB for these 10,000 changed one-line structs). Run under a 1 GiB address-space limit
/// (`ulimit -v`, which also binds root), the whole `--diff` must complete.
#[cfg(unix)]
#[test]
fn a_large_diff_completes_in_bounded_memory() {
    const STRUCTS: usize = 10_000;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cargo-layout-big-diff");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut src = String::from("#![allow(dead_code)]\n");
    for i in 0..STRUCTS {
        src.push_str(&format!(
            "#[repr(C)] pub struct S{i} {{ a: u8, b: u64, c: u8 }}\n"
        ));
    }
    std::fs::write(dir.join("big.rs"), &src).unwrap();
    let out = Command::new("sh")
        .args(["-c", "ulimit -v 1048576 && exec \"$0\" \"$@\"", BIN])
        .args(["--diff", "big.rs"])
        .current_dir(&dir)
        .output()
        .expect("run cargo-layout under sh");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let diff = text(&out.stdout);
    let count = |mark: char| diff.lines().filter(|l| l.starts_with(mark)).count();
    // Every struct's line is replaced (plus the `---`/`+++` header lines).
    assert_eq!((count('-'), count('+')), (STRUCTS + 1, STRUCTS + 1));
    assert!(diff.contains("+#[repr(C)] pub struct S9999 { a: u8, c: u8, b: u64 }\n"));
}

// ---------------------------------------------------------------------------------------------
// Writing safely (issue 11)

/// A fresh directory under the target's temporary directory with these files.
fn scratch(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cargo-layout-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The names in a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const WASTEFUL_A: &str = "#[repr(C)]\npub struct A {\n    a: u8,\n    b: u64,\n    c: u8,\n}\n";
const FIXED_A: &str = "#[repr(C)]\npub struct A {\n    a: u8,\n    c: u8,\n    b: u64,\n}\n";
const WASTEFUL_B: &str = "#[repr(C)]\npub struct B {\n    x: u16,\n    y: u32,\n    z: u16,\n}\n";
const FIXED_B: &str = "#[repr(C)]\npub struct B {\n    x: u16,\n    z: u16,\n    y: u32,\n}\n";

/// A file edited while `--fix` runs (between the scan and the write, made deterministic by
/// the tool's test-only pause) is not overwritten: an error names it, the status is 2, and the
/// other files are still fixed.
#[test]
fn a_file_edited_during_the_run_is_not_overwritten() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::Stdio;
    let dir = scratch("edited", &[("a.rs", WASTEFUL_A), ("b.rs", WASTEFUL_B)]);
    let mut child = Command::new(BIN)
        .args(["--fix", "a.rs", "b.rs"])
        .current_dir(&dir)
        .env("__CARGO_LAYOUT_TEST_PAUSE_BEFORE_WRITING", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut before = String::new();
    while !before.ends_with("paused before writing\n") {
        assert_ne!(
            stderr.read_line(&mut before).unwrap(),
            0,
            "no pause: {before}"
        );
    }
    let edited = format!("{WASTEFUL_A}// the user's edit\n");
    std::fs::write(dir.join("a.rs"), &edited).unwrap();
    child.stdin.take().unwrap().write_all(b"\n").unwrap();
    let mut after = String::new();
    stderr.read_to_string(&mut after).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2), "{after}");
    assert!(
        after.contains("error: a.rs: not rewritten: the file changed on disk since it was scanned"),
        "{after}"
    );
    assert!(!after.contains("fixed: crate::a::A"), "{after}");
    assert!(after.contains("fixed: crate::b::B"), "{after}");
    assert_eq!(std::fs::read_to_string(dir.join("a.rs")).unwrap(), edited);
    assert_eq!(std::fs::read_to_string(dir.join("b.rs")).unwrap(), FIXED_B);
    assert_eq!(listing(&dir), ["a.rs", "b.rs"]);
}

/// A symlinked source file stays a link (its target is rewritten), and a hard-linked one keeps
/// its links (rewritten in its own inode).
#[cfg(unix)]
#[test]
fn fix_writes_through_symlinks_and_keeps_hard_links() {
    use std::os::unix::fs::MetadataExt;
    let dir = scratch(
        "links",
        &[("shared/a.rs", WASTEFUL_A), ("b.rs", WASTEFUL_B)],
    );
    std::os::unix::fs::symlink("shared/a.rs", dir.join("a.rs")).unwrap();
    std::fs::hard_link(dir.join("b.rs"), dir.join("b-copy.rs")).unwrap();
    let inode = std::fs::metadata(dir.join("b.rs")).unwrap().ino();
    let out = run_in(&dir, &["--fix", "a.rs", "b.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let meta = std::fs::symlink_metadata(dir.join("a.rs")).unwrap();
    assert!(meta.file_type().is_symlink(), "a.rs is no longer a symlink");
    assert_eq!(
        std::fs::read_to_string(dir.join("shared/a.rs")).unwrap(),
        FIXED_A
    );
    for name in ["b.rs", "b-copy.rs"] {
        let meta = std::fs::metadata(dir.join(name)).unwrap();
        assert_eq!(
            (meta.ino(), meta.nlink()),
            (inode, 2),
            "{name}: link broken"
        );
        assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), FIXED_B);
    }
    assert_eq!(listing(&dir), ["a.rs", "b-copy.rs", "b.rs", "shared"]);
    assert_eq!(listing(&dir.join("shared")), ["a.rs"]);
}

/// A write that fails (here: no byte may be written, `ulimit -f 0`, which binds root too, as a
/// full disk would) is an error with status 2, never `fixed:`, and leaves no temporary file.
#[cfg(unix)]
#[test]
fn a_failed_write_is_an_error_not_fixed_and_leaves_no_temporary_file() {
    let dir = scratch("full", &[("a.rs", WASTEFUL_A)]);
    let out = Command::new("sh")
        .args(["-c", "trap '' XFSZ; ulimit -f 0 && exec \"$0\" \"$@\"", BIN])
        .args(["--fix", "a.rs"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("fixed:"), "{stderr}");
    assert!(
        stderr.contains("error: a.rs: not rewritten: File too large"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("a.rs")).unwrap(),
        WASTEFUL_A
    );
    assert_eq!(listing(&dir), ["a.rs"]);
}

// ---------------------------------------------------------------------------------------------
// Idempotence however deep the nesting (issue 11)

/// A chain of structs, each of which can shrink only once the one it nests has: `L0` is
/// `{ u8, u16, u8 }` (6 bytes, 4 reordered, align 2); each `Lk` is `{ i: L(k-1), d, b }` with
/// `d` and `b` of size and alignment `4a` and `2a` (`a` the alignment of `L(k-1)`), which is
/// already as small as it gets while `L(k-1)` is `3a` bytes and can shrink from `12a` to `8a`
/// once `L(k-1)` is `2a`. So fixing `Lk` takes round `k + 1`.
fn nested_chain(levels: u32) -> String {
    let mut src = String::from("#![allow(dead_code)]\n");
    src.push_str("#[repr(C)]\npub struct L0 {\n    x: u8,\n    y: u16,\n    z: u8,\n}\n");
    let mut aligns = Vec::new();
    for k in 1..levels {
        let a = 2u64 << (2 * (k - 1));
        aligns.extend([2 * a, 4 * a]);
        src.push_str(&format!(
            "#[repr(C)]\npub struct L{k} {{\n    i: L{},\n    d: A{},\n    b: A{},\n}}\n",
            k - 1,
            4 * a,
            2 * a
        ));
    }
    aligns.sort();
    aligns.dedup();
    for n in aligns {
        src.push_str(&format!(
            "#[repr(C, align({n}))]\npub struct A{n} {{\n    x: u8,\n}}\n"
        ));
    }
    src
}

#[test]
fn fix_is_idempotent_past_eight_rounds_of_nesting() {
    const LEVELS: u32 = 12;
    let dir = scratch("deep", &[("chain.rs", &nested_chain(LEVELS))]);
    let first = run_in(&dir, &["--fix", "-t", "64", "chain.rs"]);
    let stderr = text(&first.stderr);
    assert_eq!(first.status.code(), Some(0), "{stderr}");
    for k in 0..LEVELS {
        assert!(
            stderr.contains(&format!("fixed: crate::chain::L{k} in")),
            "L{k}: {stderr}"
        );
    }
    let fixed = std::fs::read_to_string(dir.join("chain.rs")).unwrap();
    let second = run_in(&dir, &["--fix", "--deny-waste", "-t", "64", "chain.rs"]);
    assert_eq!(second.status.code(), Some(0), "{}", text(&second.stderr));
    assert!(!text(&second.stderr).contains("fixed:"));
    assert_eq!(
        std::fs::read_to_string(dir.join("chain.rs")).unwrap(),
        fixed
    );
}

// ---------------------------------------------------------------------------------------------
// Field order is behaviour (issue 11)

/// Each struct of `tests/fixtures/orders/` with the reasons it is refused, and what allowed
/// them anyway (`-`: nothing).
const ORDER_REFUSALS: &[(&str, &[(&str, &str)])] = &[
    ("from_c", &[("ffi", "-")]),
    ("CfgGrows", &[("cfg", "-")]),
    ("CfgSafe", &[]),
    ("CfgNested", &[("cfg", "-")]),
    ("OrdKey", &[("ord", "-")]),
    ("Hashed", &[("hash", "-")]),
    ("Wire", &[("serde", "-")]),
    ("PodView", &[("bytes", "-")]),
    ("HandView", &[("bytes", "-")]),
    ("AllowedOrd", &[("ord", "marker")]),
    ("AllowedOther", &[("hash", "-")]),
    ("Plain", &[]),
    ("InExtern", &[("ffi", "-")]),
    ("NestedInC", &[("ffi", "-")]),
    ("ByValue", &[("ffi", "-")]),
    ("InFnPointer", &[("ffi", "-")]),
    ("Exported", &[("ffi", "-")]),
    ("RustAbi", &[]),
    ("AllowedFfi", &[("ffi", "marker")]),
];

const ORDER_FILES: [&str; 4] = ["bindings.rs", "cfg.rs", "derives.rs", "ffi.rs"];

/// The body of `pub struct NAME { ... }` in `src`.
fn struct_body<'s>(src: &'s str, name: &str) -> &'s str {
    let start = src
        .find(&format!("pub struct {name} {{"))
        .unwrap_or_else(|| panic!("no struct {name}"));
    let end = start + src[start..].find('}').unwrap();
    &src[start..end]
}

/// Whether `--fix` changed the struct `name` (found in whichever file has it).
fn reordered(
    before: &BTreeMap<PathBuf, String>,
    after: &BTreeMap<PathBuf, String>,
    name: &str,
) -> bool {
    let (path, old) = before
        .iter()
        .find(|(_, src)| src.contains(&format!("pub struct {name} {{")))
        .unwrap();
    struct_body(old, name) != struct_body(&after[path], name)
}

#[test]
fn fix_leaves_alone_structs_whose_order_means_something_and_says_why() {
    let dir = copy_fixture("orders", "orders");
    let report = run_in(
        &dir,
        &[&["-t", "64", "--format", "json"][..], &ORDER_FILES].concat(),
    );
    assert_eq!(report.status.code(), Some(0), "{}", text(&report.stderr));
    let doc: Value = serde_json::from_slice(&report.stdout).unwrap();
    let structs = doc["structs"].as_array().unwrap();
    assert_eq!(structs.len(), ORDER_REFUSALS.len() + 1, "with HasCfg");
    for (name, wanted) in ORDER_REFUSALS {
        let s = structs.iter().find(|s| s["name"] == *name).unwrap();
        let got: Vec<(String, String)> = s["refusals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                assert!(r["message"].as_str().is_some_and(|m| !m.is_empty()));
                (
                    r["reason"].as_str().unwrap().to_owned(),
                    r["allowed_by"].as_str().unwrap_or("-").to_owned(),
                )
            })
            .collect();
        let wanted: Vec<(String, String)> = wanted
            .iter()
            .map(|(r, a)| (r.to_string(), a.to_string()))
            .collect();
        assert_eq!(got, wanted, "{name}");
    }

    // The text report says why too.
    let report = run_in(
        &dir,
        &[&["-t", "64", "--name", "CfgGrows"][..], &ORDER_FILES].concat(),
    );
    assert!(
        text(&report.stdout).contains(
            "note: --fix leaves it alone: some fields are under #[cfg], and without `a`, `d` \
             the new order is 24 bytes instead of 16 on x86_64-unknown-linux-gnu (to reorder \
             it anyway: `// cargo-layout: allow-reorder(cfg)` or --allow-reorder cfg)"
        ),
        "{}",
        text(&report.stdout)
    );

    // --fix rewrites exactly the structs nothing refuses, and says why for the others.
    let before = rust_files(&dir);
    let fix = run_in(&dir, &[&["-t", "64", "--fix"][..], &ORDER_FILES].concat());
    let stderr = text(&fix.stderr);
    assert_eq!(fix.status.code(), Some(0), "{stderr}");
    let after = rust_files(&dir);
    for (name, reasons) in ORDER_REFUSALS {
        let refused = reasons.iter().any(|(_, allowed)| *allowed == "-");
        assert_eq!(
            reordered(&before, &after, name),
            !refused,
            "{name}: {stderr}"
        );
        if refused {
            assert!(
                stderr.contains(&format!("`{name}` not reordered: ")),
                "{name}: {stderr}"
            );
        }
    }
    for needle in [
        "`OrdKey` not reordered: it derives `PartialOrd`: it compares the fields in declaration order",
        "`InExtern` not reordered: it crosses an FFI boundary: it is named in the `extern \"C\"` block declaring `takes` (ffi.rs:20)",
        "`NestedInC` not reordered: it crosses an FFI boundary: it is reached from `InExtern`",
        "`from_c` not reordered: it crosses an FFI boundary: its file is generated by bindgen",
    ] {
        assert!(stderr.contains(needle), "{needle}: {stderr}");
    }
}

#[test]
fn allow_reorder_overrides_the_reasons_it_names() {
    let dir = copy_fixture("orders", "orders-allowed");
    let before = rust_files(&dir);
    let args = [
        &["-t", "64", "--fix", "--allow-reorder", "ffi,cfg"][..],
        &ORDER_FILES,
    ]
    .concat();
    let fix = run_in(&dir, &args);
    let stderr = text(&fix.stderr);
    assert_eq!(fix.status.code(), Some(0), "{stderr}");
    let after = rust_files(&dir);
    for (name, reasons) in ORDER_REFUSALS {
        let refused = reasons
            .iter()
            .any(|(reason, allowed)| *allowed == "-" && !["ffi", "cfg"].contains(reason));
        assert_eq!(
            reordered(&before, &after, name),
            !refused,
            "{name}: {stderr}"
        );
    }
    let report = run_in(
        &dir,
        &[
            &["-t", "64", "--format", "json", "--allow-reorder", "all"][..],
            &ORDER_FILES,
        ]
        .concat(),
    );
    let doc: Value = serde_json::from_slice(&report.stdout).unwrap();
    let hashed = doc["structs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Hashed")
        .unwrap();
    assert_eq!(hashed["refusals"][0]["allowed_by"], "flag");
}

#[test]
fn sys_packages_and_packages_with_links_are_ffi() {
    for (fixture, why) in [
        ("native-sys", "its package `native-sys` is a `-sys` package"),
        (
            "linked",
            "its package `linked` links the native library `z`",
        ),
    ] {
        let dir = copy_fixture(fixture, fixture);
        let before = rust_files(&dir);
        let out = run_in(&dir, &["-t", "64", "--fix"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "`Mirror` not reordered: it crosses an FFI boundary: {why}"
            )),
            "{stderr}"
        );
        assert_eq!(before, rust_files(&dir), "{fixture}");
        let out = run_in(&dir, &["-t", "64", "--fix", "--allow-reorder", "ffi"]);
        assert!(
            text(&out.stderr).contains("fixed: crate::Mirror"),
            "{fixture}"
        );
    }
}

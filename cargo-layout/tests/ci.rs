//! CI modes (issue 11): `--format sarif` and `--write-baseline`/`--baseline` with
//! `--deny-waste`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

fn scratch(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ci-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
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

const WASTEFUL: &str = "#[repr(C)]\npub struct T1 {\n    a: i8,\n    b: i64,\n    c: i16,\n}\n\n\
#[repr(C)]\npub struct Tight {\n    a: u64,\n    b: u8,\n}\n\n#[repr(C)]\npub struct Stats {\n    x: u8,\n    y: u16,\n    z: u8,\n}\n";

#[test]
fn sarif_has_the_required_fields_and_one_result_per_struct_that_can_shrink() {
    let dir = scratch("sarif", &[("a.rs", WASTEFUL)]);
    let out = run(&dir, &["-t", "64,32", "--format", "sarif", "a.rs"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    assert!(doc["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "cargo-layout");
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules = driver["rules"].as_array().unwrap();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let results = runs[0]["results"].as_array().unwrap();
    // T1 and Stats can shrink; Tight cannot.
    assert_eq!(results.len(), 2, "{doc:#}");
    for r in results {
        assert!(rule_ids.contains(&r["ruleId"].as_str().unwrap()));
        assert!(["warning", "error", "note", "none"].contains(&r["level"].as_str().unwrap()));
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "a.rs");
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    let t1 = &results[0];
    assert_eq!(
        t1["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    let text = t1["message"]["text"].as_str().unwrap();
    assert!(
        text.contains("16 bytes instead of 24 on x86_64-unknown-linux-gnu (saves 8)"),
        "{text}"
    );
    assert!(text.contains("order: a, c, b"), "{text}");
    assert!(
        text.contains("also saves 4 on i686-unknown-linux-gnu"),
        "{text}"
    );
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["region"]["startLine"],
        15
    );
}

#[test]
fn a_baseline_lets_deny_waste_fail_only_on_new_or_grown_waste() {
    let dir = scratch("baseline", &[("a.rs", WASTEFUL)]);
    // Without a baseline, the existing waste fails.
    assert_eq!(
        run(&dir, &["--deny-waste", "-t", "64", "a.rs"])
            .status
            .code(),
        Some(1)
    );
    // Record today's findings.
    let out = run(
        &dir,
        &["-t", "64", "--write-baseline", "waste.json", "a.rs"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let b: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("waste.json")).unwrap()).unwrap();
    assert_eq!(b["schema"], 1);
    assert_eq!(b["structs"]["crate::a::T1"]["x86_64-unknown-linux-gnu"], 8);
    assert_eq!(
        b["structs"]["crate::a::Stats"]["x86_64-unknown-linux-gnu"],
        2
    );
    assert!(b["structs"].get("crate::a::Tight").is_none());
    // The same code passes against it.
    let same = run(
        &dir,
        &[
            "--deny-waste",
            "--baseline",
            "waste.json",
            "-t",
            "64",
            "a.rs",
        ],
    );
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );
    // A struct that wastes more fails, named.
    let grown = WASTEFUL.replace("    z: u8,\n", "    z: u8,\n    w: u32,\n    v: u8,\n");
    std::fs::write(dir.join("a.rs"), grown).unwrap();
    let out = run(
        &dir,
        &[
            "--deny-waste",
            "--baseline",
            "waste.json",
            "-t",
            "64",
            "a.rs",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "`crate::a::Stats` wastes 4 bytes on x86_64-unknown-linux-gnu (the baseline has 2)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("T1"), "{stderr}");
    // A new wasteful struct fails too.
    std::fs::write(
        dir.join("a.rs"),
        format!("{WASTEFUL}#[repr(C)]\npub struct New {{ a: u8, b: u32, c: u8 }}\n"),
    )
    .unwrap();
    let out = run(
        &dir,
        &[
            "--deny-waste",
            "--baseline",
            "waste.json",
            "-t",
            "64",
            "a.rs",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("`crate::a::New` wastes"), "{stderr}");
    assert!(stderr.contains("(not in the baseline)"), "{stderr}");
    // A missing baseline is an error, not a pass.
    let out = run(&dir, &["--deny-waste", "--baseline", "none.json", "a.rs"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The streamed JSON (no `--fix`) keeps only each struct's waste once it is written: the
/// baseline it writes and `--deny-waste` against a baseline are the same as with the text.
#[test]
fn streamed_json_writes_and_checks_the_same_baseline() {
    let dir = scratch("json-baseline", &[("a.rs", WASTEFUL)]);
    let text = run(
        &dir,
        &["-t", "64,32", "--write-baseline", "text.json", "a.rs"],
    );
    assert_eq!(text.status.code(), Some(0));
    let json = run(
        &dir,
        &[
            "-t",
            "64,32",
            "--format",
            "json",
            "--write-baseline",
            "json.json",
            "a.rs",
        ],
    );
    assert_eq!(json.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["schema"], 2);
    assert_eq!(doc["summary"]["can_shrink"], 2);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert_eq!(read("text.json"), read("json.json"));
    let deny = |args: &[&str]| {
        run(
            &dir,
            &[&["-t", "64,32", "--deny-waste"], args, &["a.rs"]].concat(),
        )
        .status
        .code()
    };
    assert_eq!(deny(&["--format", "json"]), Some(1));
    assert_eq!(
        deny(&["--format", "json", "--baseline", "json.json"]),
        Some(0)
    );
    std::fs::write(dir.join("none.json"), "{\"schema\": 1, \"structs\": {}}").unwrap();
    assert_eq!(
        deny(&["--format", "json", "--baseline", "none.json"]),
        Some(1)
    );
}

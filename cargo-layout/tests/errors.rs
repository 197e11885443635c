//! Clear errors (issue 11): each names the cause, where it is, and what was expected.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

fn scratch(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("errors-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> (Output, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

#[test]
fn cargo_metadata_failures_keep_the_chain_of_causes() {
    let dir = scratch(
        "metadata",
        &[
            (
                "Cargo.toml",
                "[package]\nname = \"x\"\nversion = \"0.1.0\"\n[dependencies]\n\
                 nope = { path = \"../does-not-exist\" }\n[workspace]\n",
            ),
            ("src/lib.rs", ""),
        ],
    );
    let (out, _, stderr) = run(&dir, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("failed to load manifest for dependency `nope`"),
        "{stderr}"
    );
    assert!(stderr.contains("caused by: failed to read"), "{stderr}");
    assert!(stderr.contains("does-not-exist"), "{stderr}");
}

#[test]
fn syntax_errors_give_line_column_and_what_was_expected() {
    let dir = scratch(
        "syntax",
        &[
            ("lex.rs", "pub struct A {\n    a: u8,\n    b: (u8,\n}\n"),
            ("parse.rs", "pub struct A {\n    a: u8\n    b: u8,\n}\n"),
            ("open.rs", "pub mod m {\n    pub struct A { a: u8 }\n"),
        ],
    );
    let (out, _, stderr) = run(&dir, &["lex.rs", "parse.rs", "open.rs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains(
            "error: lex.rs:4:1: syntax error: unexpected closing delimiter `}`: expected `)` to \
             close the `(` opened at 3:8"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: parse.rs:3:5: syntax error: expected `,`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: open.rs:1:11: syntax error: this `{` is never closed"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("cannot parse string into token stream"),
        "{stderr}"
    );
}

#[test]
fn a_bad_array_length_says_what_fails() {
    let dir = scratch(
        "lengths",
        &[(
            "len.rs",
            "#[repr(C)] pub struct A { a: [u8; 0 - 1] }\n\
             #[repr(C)] pub struct B { a: [u8; 1 / 0] }\n\
             const S: usize = 64;\n\
             #[repr(C)] pub struct C { a: [u8; 1 << S] }\n",
        )],
    );
    let (_, stdout, _) = run(&dir, &["len.rs"]);
    assert!(stdout.contains("`0 - 1` underflows"), "{stdout}");
    assert!(stdout.contains("`1 / 0` divides by zero"), "{stdout}");
    assert!(stdout.contains("shifts by 64 bits or more"), "{stdout}");
    assert!(
        !stdout.contains("neither an integer expression"),
        "{stdout}"
    );
}

#[test]
fn targets_the_engine_cannot_model_and_the_primary_target_of_all() {
    let dir = scratch(
        "targets",
        &[(
            "a.rs",
            "#[repr(C)] pub struct R { pub r#type: u8, pub b: u32 }\n",
        )],
    );
    let (out, _, stderr) = run(&dir, &["-t", "xtensa-esp32-none-elf", "a.rs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("rustc knows, but one the engine cannot model"),
        "{stderr}"
    );
    assert!(!stderr.contains("unknown target"), "{stderr}");
    let (_, stdout, _) = run(&dir, &["-t", "all", "a.rs"]);
    let host = layout_engine::Target::CURRENT.unwrap().triple;
    assert!(
        stdout.contains(&format!("struct R on {host}:")),
        "{}",
        stdout.lines().take(3).collect::<Vec<_>>().join("\n")
    );
    // Raw identifiers as rustc shows them.
    assert!(stdout.contains("  type  "), "{stdout}");
    assert!(!stdout.contains("r#type"), "{stdout}");
}

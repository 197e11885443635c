//! `#[cfg]` per target: the committed facts (`src/target_cfg.txt`) against rustc itself, and
//! an item defined once per architecture laid out per target from the right definition.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

/// The facts rustc prints for `triple` that the tool evaluates, as one line of the table.
fn rustc_facts(triple: &str) -> String {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args(["--print", "cfg", "--target", triple])
        .output()
        .expect("run rustc");
    assert!(
        out.status.success(),
        "rustc --print cfg --target {triple} failed"
    );
    let mut facts: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| {
            matches!(*l, "unix" | "windows")
                || [
                    "target_arch=",
                    "target_os=",
                    "target_env=",
                    "target_vendor=",
                    "target_family=",
                    "target_pointer_width=",
                    "target_endian=",
                    "target_has_atomic=",
                    "target_abi=",
                ]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .map(str::to_owned)
        .collect();
    facts.sort();
    let mut line = triple.to_owned();
    for f in facts {
        line.push(' ');
        line.push_str(&f);
    }
    line
}

/// Every target of the engine's table has its facts, exactly as rustc prints them
/// (`CARGO_LAYOUT_BLESS=1` regenerates the file; review the diff).
#[test]
fn committed_cfg_facts_match_rustc_print_cfg() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/target_cfg.txt");
    let mut triples: Vec<&str> = layout_engine::Target::ALL
        .iter()
        .map(|t| t.triple)
        .collect();
    triples.sort_unstable();
    let chunks: Vec<Vec<&str>> = triples
        .chunks(triples.len().div_ceil(2))
        .map(<[_]>::to_vec)
        .collect();
    let lines: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|c| s.spawn(move || c.iter().map(|t| rustc_facts(t)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let expected = lines.join("\n") + "\n";
    if std::env::var_os("CARGO_LAYOUT_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    for (c, e) in committed.lines().zip(expected.lines()) {
        assert_eq!(
            c, e,
            "src/target_cfg.txt differs from rustc (CARGO_LAYOUT_BLESS=1 regenerates it)"
        );
    }
    assert_eq!(
        committed.lines().count(),
        expected.lines().count(),
        "one line per target"
    );
}

#[test]
fn an_item_defined_per_architecture_is_laid_out_from_the_right_definition() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cfg-per-arch");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"perarch\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/lib.rs"),
        r#"
#[cfg(target_arch = "x86_64")]
mod x86_64 { #[repr(C)] pub struct Regs { pub r: [u64; 4] } }
#[cfg(target_arch = "x86_64")]
pub use x86_64::*;
#[cfg(target_arch = "arm")]
mod arm { #[repr(C)] pub struct Regs { pub r: [u32; 2] } }
#[cfg(target_arch = "arm")]
pub use arm::*;
#[cfg(all(unix, not(target_pointer_width = "64")))]
pub type Word = u16;
#[cfg(any(windows, target_pointer_width = "64"))]
pub type Word = u64;
#[repr(C)]
pub struct Frame {
    pub tag: u8,
    pub regs: Regs,
    pub w: Word,
    #[cfg(target_endian = "big")]
    pub big: u64,
}
#[cfg(feature = "extra")]
#[repr(C)]
pub struct Extra { pub a: u8 }
#[cfg(windows)]
#[repr(C)]
pub struct OnlyWindows { pub a: u8 }
"#,
    )
    .unwrap();
    let out = Command::new(BIN)
        .args([
            "--format",
            "json",
            "-t",
            "x86_64-unknown-linux-gnu,armv7-unknown-linux-gnueabihf,aarch64-unknown-linux-gnu",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let structs = doc["structs"].as_array().unwrap();
    let frame = structs.iter().find(|s| s["name"] == "Frame").unwrap();
    let size_on = |triple: &str| {
        let l = frame["layouts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["targets"].as_array().unwrap().iter().any(|x| x == triple))
            .unwrap();
        (l["size"].clone(), l["error"].clone())
    };
    // x86_64: 8 + 32 + 8; arm: 4 + 8 + 2 (+2 tail); aarch64 defines no `Regs`.
    assert_eq!(size_on("x86_64-unknown-linux-gnu").0, 48);
    assert_eq!(size_on("armv7-unknown-linux-gnueabihf").0, 16);
    let (size, error) = size_on("aarch64-unknown-linux-gnu");
    assert!(size.is_null(), "{size}");
    assert!(error.as_str().unwrap().contains("Regs"), "{error}");
    // Under a feature: taken as holding, and noted.
    let extra = structs.iter().find(|s| s["name"] == "Extra").unwrap();
    assert!(
        extra["notes"].to_string().contains("cannot evaluate"),
        "{}",
        extra["notes"]
    );
    // Compiled for none of the targets: not reported, and said so.
    assert!(structs.iter().all(|s| s["name"] != "OnlyWindows"));
    assert!(
        stderr.contains("OnlyWindows") && stderr.contains("not compiled"),
        "{stderr}"
    );
}

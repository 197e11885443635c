//! `cargo layout --compiled --deps` on real crates at pinned versions (issue 13): `libc`,
//! `nix` and `goblin`, fetched by cargo into a temporary package that uses some of their types.
//! Every type of theirs that the report lists is counted per crate, and a sample of well-known
//! `repr(C)` types is checked against `size_of`/`align_of`/`offset_of!` printed by a program
//! built against the same crates. Needs cargo's registry: if it cannot be reached, the test
//! fails and says so.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

/// The sample: (crate, the end of the type's name in the debug information, Rust path, fields
/// to check).
const SAMPLE: &[(&str, &str, &str, &[&str])] = &[
    ("libc", "timeval", "libc::timeval", &["tv_sec", "tv_usec"]),
    (
        "libc",
        "stat",
        "libc::stat",
        &["st_dev", "st_ino", "st_mode", "st_size"],
    ),
    (
        "libc",
        "sockaddr",
        "libc::sockaddr",
        &["sa_family", "sa_data"],
    ),
    (
        "libc",
        "sockaddr_in6",
        "libc::sockaddr_in6",
        &["sin6_family", "sin6_port", "sin6_addr"],
    ),
    (
        "libc",
        "pollfd",
        "libc::pollfd",
        &["fd", "events", "revents"],
    ),
    (
        "goblin",
        "header64::Header",
        "goblin::elf64::header::Header",
        &["e_ident", "e_type", "e_entry", "e_shstrndx"],
    ),
    (
        "goblin",
        "program_header64::ProgramHeader",
        "goblin::elf64::program_header::ProgramHeader",
        &["p_type", "p_flags", "p_offset"],
    ),
];

fn package() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compiled-real-crates");
    std::fs::create_dir_all(dir.join("src/bin")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"real-crates\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nlibc = \"=0.2.191\"\nnix = { version = \"=0.30.1\", features = [\"time\", \"poll\"] }\n\
         goblin = \"=0.10.7\"\n\n[workspace]\n",
    )
    .unwrap();
    // The library uses the sample's types (and nix's), so that their debug information exists.
    let uses: Vec<String> = SAMPLE
        .iter()
        .enumerate()
        .map(|(i, (_, _, path, _))| format!("pub fn use{i}(x: {path}) -> {path} {{ x }}"))
        .collect();
    std::fs::write(
        dir.join("src/lib.rs"),
        format!(
            "{}\npub fn use_nix(t: nix::sys::time::TimeVal) -> nix::sys::time::TimeVal {{ t }}\n",
            uses.join("\n")
        ),
    )
    .unwrap();
    let probes: Vec<String> = SAMPLE
        .iter()
        .map(|(_, name, path, fields)| {
            let offsets: Vec<String> = fields
                .iter()
                .map(|f| format!("print!(\" {f}={{}}\", core::mem::offset_of!({path}, {f}));"))
                .collect();
            format!(
                "print!(\"{name} {{}} {{}}\", core::mem::size_of::<{path}>(), core::mem::align_of::<{path}>()); {} println!();",
                offsets.join(" ")
            )
        })
        .collect();
    std::fs::write(
        dir.join("src/bin/probe.rs"),
        format!("fn main() {{ {} }}\n", probes.join("\n")),
    )
    .unwrap();
    dir
}

#[test]
fn libc_nix_and_goblin_compiled_layouts_are_the_compilers() {
    let dir = package();
    let target = dir.join("target");
    let probe = Command::new(env!("CARGO"))
        .args(["run", "-q", "--bin", "probe"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&probe.stderr);
    assert!(
        probe.status.success(),
        "the probe did not build; if cargo could not reach the registry to fetch libc, nix and \
         goblin, this test cannot run here:\n{stderr}"
    );
    let started = Instant::now();
    let out = Command::new(BIN)
        .args(["--compiled", "--deps", "--format", "json"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let types = report["types"].as_array().unwrap();
    for krate in ["libc", "nix", "goblin"] {
        let n = types.iter().filter(|t| t["crate"] == krate).count();
        eprintln!("{krate}: {n} types reported");
        assert!(n > 0, "no type of {krate} in the report");
    }
    eprintln!("--compiled --deps took {elapsed:?} (the build was done by the probe)");
    assert!(elapsed.as_secs() < 120, "{elapsed:?}");

    for line in String::from_utf8_lossy(&probe.stdout).lines() {
        let mut words = line.split_whitespace();
        let name = words.next().unwrap();
        let size: u64 = words.next().unwrap().parse().unwrap();
        let align: u64 = words.next().unwrap().parse().unwrap();
        let (krate, ..) = SAMPLE.iter().find(|s| s.1 == name).unwrap();
        let t = types
            .iter()
            .find(|t| {
                t["crate"] == *krate
                    && t["name"]
                        .as_str()
                        .is_some_and(|n| n == name || n.ends_with(&format!("::{name}")))
                    && t["size"] == size
            })
            .unwrap_or_else(|| panic!("{krate}'s `{name}` ({size} bytes) is not in the report"));
        assert_eq!(t["align"], align, "{name}");
        for word in words {
            let (field, offset) = word.split_once('=').unwrap();
            let offset: u64 = offset.parse().unwrap();
            let f = t["fields"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["name"] == field)
                .unwrap_or_else(|| panic!("{name}.{field} is not in the report"));
            assert_eq!(f["offset"], offset, "{name}.{field}");
        }
    }
}

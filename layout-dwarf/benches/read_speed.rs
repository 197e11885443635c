//! How long reading the DWARF of a real crate build takes, and the same object file with
//! `pahole` (Debian's `dwarves`) when it is installed.
//!
//! ```sh
//! cargo bench -p layout-dwarf --bench read_speed            # the `object` crate
//! cargo bench -p layout-dwarf --bench read_speed -- syn     # other packages of the workspace graph
//! ```
//!
//! Each package is built once (release, with debug information forced on) in this workspace's
//! target directory; only reading is timed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use layout_dwarf::{BuildOptions, Collector, DebugInfo, Profile, Scope};

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed());
        last = Some(value);
    }
    (best, last.expect("at least one run"))
}

fn main() {
    let mut packages: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if packages.is_empty() {
        packages.push("object".to_owned());
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for package in packages {
        let options = BuildOptions {
            manifest_path: Some(workspace.join("Cargo.toml")),
            package: Some(package.clone()),
            profile: Profile::Release,
            lib_only: true,
            debug_info: DebugInfo::Force,
            ..BuildOptions::default()
        };
        let build = layout_dwarf::build(&options).unwrap_or_else(|e| panic!("{e}"));
        let rlib = build
            .artifacts
            .iter()
            .find(|a| a.own && a.path.extension().is_some_and(|e| e == "rlib"))
            .expect("an rlib")
            .path
            .clone();
        let bytes = std::fs::metadata(&rlib).map(|m| m.len()).unwrap_or(0);
        println!(
            "{package}: {} ({:.1} MB)",
            rlib.display(),
            bytes as f64 / 1e6
        );

        let (own, report) = best_of(5, || build.read().expect("readable"));
        println!(
            "  crate's own types: {} in {:.1} ms (best of 5)",
            report.types.len(),
            own.as_secs_f64() * 1e3
        );
        let (all, (types, units)) = best_of(5, || read(&rlib, &Scope::all()));
        println!(
            "  every type of every crate: {types} from {units} units in {:.1} ms",
            all.as_secs_f64() * 1e3
        );

        if Command::new("pahole").arg("--version").output().is_err() {
            println!("  pahole: not installed (apt-get install dwarves)");
            continue;
        }
        let object = largest_member(&rlib, &build.target_dir);
        let (ours, (types, _)) = best_of(5, || read(&object, &Scope::all()));
        let (theirs, status) = best_of(5, || {
            Command::new("pahole")
                .arg(&object)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("pahole runs")
        });
        println!(
            "  largest object file {} ({:.1} MB): layout-dwarf {:.1} ms ({types} types), \
             pahole {:.1} ms ({status}); pahole / layout-dwarf = {:.1}",
            object.file_name().unwrap().to_string_lossy(),
            std::fs::metadata(&object).map(|m| m.len()).unwrap_or(0) as f64 / 1e6,
            ours.as_secs_f64() * 1e3,
            theirs.as_secs_f64() * 1e3,
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    }
}

fn read(path: &Path, scope: &Scope) -> (usize, usize) {
    let mut collector = Collector::new();
    collector.read_file(path, scope).expect("readable");
    let units = collector.units_read();
    (collector.into_types().len(), units)
}

/// Extracts the rlib's largest object file, for pahole (which does not read archives).
fn largest_member(rlib: &Path, target_dir: &Path) -> PathBuf {
    let data = std::fs::read(rlib).expect("readable rlib");
    let archive = object::read::archive::ArchiveFile::parse(&*data).expect("an archive");
    let member = archive
        .members()
        .filter_map(Result::ok)
        .filter(|m| m.name().ends_with(b".o"))
        .max_by_key(|m| m.size())
        .expect("an object file");
    let out = target_dir.join("layout-dwarf").join("bench");
    std::fs::create_dir_all(&out).expect("writable target dir");
    let path = out.join(String::from_utf8_lossy(member.name()).into_owned());
    std::fs::write(&path, member.data(&*data).expect("member data")).expect("writable");
    path
}

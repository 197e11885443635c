//! Making unused types appear in the debug information.
//!
//! rustc emits debug information only for types that code uses. For each type path asked for
//! (e.g. found by a source scan) that the build's DWARF lacks, a small crate is generated in
//! the target directory (`<target>/layout-dwarf/shim-<package>-<hash of its manifest>/`) that depends on the package
//! (same features) and holds, one per line,
//!
//! ```text
//! #[no_mangle] pub fn __layout_dwarf_shim_0(_: ::core::mem::MaybeUninit<my_crate::Type>) {}
//! ```
//!
//! Exported functions are always compiled, so their parameter types reach the DWARF. Paths the
//! shim cannot compile are reported as [`Unreached`] with the compiler's reason (private,
//! generic without arguments, configured out by a feature, not found, unsized), then the shim
//! is built again without them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::build::{BuildOptions, Profile, build, run_build};
use crate::model::{Report, Unreached, UnreachedReason};
use crate::read::{Collector, Scope};
use crate::{Build, Error};

/// Builds the package, reads its layouts, and makes each of `paths` appear through a shim
/// when the build alone does not have it.
///
/// A path is the type as code outside the crate names it: `my_crate::module::Type`, or
/// `crate::module::Type` (read as the package's library), with generic arguments for a generic
/// type (`my_crate::Pair<u8, u32>`). Types the build already has are not compiled again.
pub fn compiled_layouts_with(options: &BuildOptions, paths: &[String]) -> Result<Report, Error> {
    let build = build(options)?;
    let mut report = build.read()?;
    reach(&build, &mut report, paths)?;
    Ok(report)
}

/// The name the DWARF gives the type of `path`: `crate::` replaced by the library's name, no
/// spaces but after commas.
fn dwarf_name(path: &str, lib_crate: &str) -> String {
    let path = path.trim();
    let path = match path.strip_prefix("crate::") {
        Some(rest) => format!("{lib_crate}::{rest}"),
        None => path.trim_start_matches("::").to_owned(),
    };
    let compact: String = path.split_whitespace().collect();
    compact.replace(',', ", ")
}

/// Adds the types of `paths` missing from `report`, via a shim crate.
pub fn reach(build: &Build, report: &mut Report, paths: &[String]) -> Result<(), Error> {
    let Some(lib_crate) = build.lib_crate.clone() else {
        report.unreached.extend(paths.iter().map(|path| Unreached {
            path: path.clone(),
            reason: UnreachedReason::NotFound,
            message: format!("package `{}` has no library to depend on", build.package),
        }));
        return Ok(());
    };
    let mut pending: BTreeMap<usize, (String, String)> = paths
        .iter()
        .enumerate()
        .map(|(i, path)| (i, (path.clone(), dwarf_name(path, &lib_crate))))
        .filter(|(_, (_, name))| report.get(name).is_none())
        .collect();
    if pending.is_empty() {
        return Ok(());
    }
    let profile = match build.options.profile {
        Profile::Release => Profile::Release,
        _ => Profile::Dev,
    };
    // Each round removes the paths the compiler rejects; a round with errors that name no
    // path is a failure of the shim as a whole.
    for _ in 0..4 {
        if pending.is_empty() {
            return Ok(());
        }
        let (source, first_line) = source(&pending);
        // One shim crate per content (features and paths): its directory and name carry a
        // hash of both, and its files are never rewritten with other text, so runs in one
        // target directory at the same time (other features, other rounds) never build each
        // other's shim, and a rerun reuses the build.
        let key = fnv1a((manifest(build, &lib_crate, "") + &source).as_bytes());
        let crate_name = format!("{}_{key:016x}", shim_crate(build));
        let dir = build
            .target_dir
            .join("layout-dwarf")
            .join(format!("shim-{}-{key:016x}", build.package));
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?;
        write_file(
            &dir.join("Cargo.toml"),
            &manifest(build, &lib_crate, &crate_name),
        )?;
        write_file(&dir.join("lib.rs"), &source)?;
        let mut command =
            std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        command
            .args(["build", "--lib", "--message-format=json", "--manifest-path"])
            .arg(dir.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&build.target_dir)
            .env(profile.debug_env_var(), "true");
        if profile == Profile::Release {
            command.arg("--release");
        }
        let run = run_build(command)?;
        if run.success {
            let shim_artifacts: Vec<_> = run
                .artifacts
                .iter()
                .filter(|a| a.crate_name == crate_name)
                .collect();
            let scope = Scope::crates([lib_crate.clone()]);
            let mut collector = Collector::new();
            for artifact in &shim_artifacts {
                collector.read_file(&artifact.path, &scope)?;
                report.artifacts.push(artifact.path.clone());
            }
            for layout in collector.into_types() {
                if !report.types.contains(&layout) {
                    report.types.push(layout);
                }
            }
            report
                .types
                .sort_by(|a, b| a.name.cmp(&b.name).then(a.size.cmp(&b.size)));
            for (path, name) in pending.into_values() {
                if report.get(&name).is_none() {
                    report.unreached.push(Unreached {
                        path,
                        reason: UnreachedReason::NotEmitted,
                        message: format!(
                            "the shim compiled, but the debug information has no type named \
                             `{name}` (a path through a re-export or a type alias names the \
                             type differently; use the defining path)"
                        ),
                    });
                }
            }
            return Ok(());
        }
        let mut rejected = BTreeMap::new();
        let mut stray = Vec::new();
        for error in &run.errors {
            let index = error
                .location
                .as_ref()
                .filter(|(file, _)| file.ends_with("lib.rs") && !file.contains("/src/"))
                .and_then(|(_, line)| line.checked_sub(first_line))
                .and_then(|offset| pending.keys().nth(offset).copied());
            match index {
                Some(index) => {
                    rejected.entry(index).or_insert(error);
                }
                None => stray.push(error.rendered.clone()),
            }
        }
        if rejected.is_empty() {
            return Err(Error::BuildFailed {
                package: format!("{} (layout shim)", build.package),
                errors: if stray.is_empty() {
                    run.errors.iter().map(|e| e.rendered.clone()).collect()
                } else {
                    stray
                },
                stderr: run.stderr,
            });
        }
        for (index, error) in rejected {
            let (path, _) = pending.remove(&index).expect("a pending path");
            report.unreached.push(Unreached {
                path,
                reason: classify(error.code.as_deref(), &error.rendered),
                message: error.message.clone(),
            });
        }
    }
    Err(Error::BuildFailed {
        package: format!("{} (layout shim)", build.package),
        errors: vec!["the shim still fails after removing every rejected path".to_owned()],
        stderr: String::new(),
    })
}

/// FNV-1a: a hash that is the same in every run and every Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn shim_crate(build: &Build) -> String {
    format!("layout_dwarf_shim_{}", build.package.replace('-', "_"))
}

fn manifest(build: &Build, lib_crate: &str, crate_name: &str) -> String {
    let options = &build.options;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "# Generated by layout-dwarf: names types so that their debug information is emitted.\n\
         [package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [workspace]\n\n[lib]\npath = \"lib.rs\"\n\n[dependencies.{lib_crate}]\n\
         package = \"{}\"\npath = {:?}\ndefault-features = {}",
        crate_name.replace('_', "-"),
        build.package,
        build.package_dir.display().to_string(),
        !options.no_default_features,
    );
    let wanted = if options.all_features {
        &build.package_features
    } else {
        &options.features
    };
    let features: Vec<String> = wanted.iter().map(|f| format!("{f:?}")).collect();
    let _ = writeln!(text, "features = [{}]", features.join(", "));
    text
}

/// The shim's source, and the line of its first function.
fn source(pending: &BTreeMap<usize, (String, String)>) -> (String, usize) {
    let mut text = String::from(
        "// Generated by layout-dwarf: one exported function per type, one per line.\n\
         #![allow(improper_ctypes_definitions, non_snake_case, unused)]\n",
    );
    let first_line = text.lines().count() + 1;
    for (index, (_, path)) in pending {
        let _ = writeln!(
            text,
            "#[no_mangle] pub fn __layout_dwarf_shim_{index}(_: ::core::mem::MaybeUninit<{path}>) {{}}"
        );
    }
    (text, first_line)
}

fn classify(code: Option<&str>, rendered: &str) -> UnreachedReason {
    if let Some(start) = rendered.find("gated behind the `") {
        let rest = &rendered[start + "gated behind the `".len()..];
        return UnreachedReason::FeatureGated {
            feature: rest.split('`').next().map(str::to_owned),
        };
    }
    if rendered.contains("configured out") {
        return UnreachedReason::FeatureGated { feature: None };
    }
    match code {
        Some("E0603" | "E0616" | "E0624") => UnreachedReason::Private,
        Some("E0107") => UnreachedReason::NeedsGenericArguments,
        Some("E0412" | "E0425" | "E0432" | "E0433" | "E0573" | "E0422") => {
            UnreachedReason::NotFound
        }
        Some("E0277") if rendered.contains("Sized") => UnreachedReason::Unsized,
        _ => UnreachedReason::CompileError,
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    // Unchanged files keep their timestamps, so cargo can reuse the previous shim build.
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    // Written beside and renamed: a run that reads it at the same time sees all of it or
    // none of it.
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let temporary = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&temporary, text).map_err(io)?;
    std::fs::rename(&temporary, path).map_err(io)
}

//! What to scan: the crates of a Cargo package or workspace (from `cargo metadata`, the way
//! Cargo itself finds targets), or a list of `.rs` files.
//!
//! Per package, the library (or proc-macro), binaries and examples are scanned, each from its
//! root file, following `mod` declarations; tests, benches and build scripts are not (they
//! rarely hold types whose layout matters, and test fixtures often waste space on purpose).
//! Give their files explicitly to scan them.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::source::Diag;

/// One crate to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrateRoot {
    /// The root file (`src/lib.rs`, `src/main.rs`, `examples/x.rs`, ...), or one given file.
    pub root: PathBuf,
    /// The name other crates of the package use for it in paths: the library's crate name.
    pub name: Option<String>,
    /// Whether to follow `mod name;` declarations (crates) or scan the file alone (files given).
    pub follow_mods: bool,
    /// Why its structs cross an FFI boundary as a whole: its package is a `-sys` package or
    /// links a native library (`links =`).
    pub ffi: Option<String>,
}

/// What the command line selects in workspaces.
#[derive(Debug, Default)]
pub struct Selection<'a> {
    /// `--package` names.
    pub packages: &'a [String],
    /// `--workspace`.
    pub workspace: bool,
}

/// The crates to scan for `paths` (none: the current directory).
pub fn discover(paths: &[PathBuf], sel: &Selection<'_>) -> Result<Vec<CrateRoot>, Diag> {
    let mut out: Vec<CrateRoot> = Vec::new();
    let cwd = std::env::current_dir().map_err(|e| Diag::error(".", 0, format!("{e}")))?;
    let given: Vec<PathBuf> = if paths.is_empty() {
        vec![cwd.clone()]
    } else {
        paths.to_vec()
    };
    for path in &given {
        let is_rs = path.extension().is_some_and(|e| e == "rs");
        if is_rs {
            if !path.is_file() {
                return Err(Diag::error(
                    path.display().to_string(),
                    0,
                    if path.exists() {
                        "not a file".to_owned()
                    } else {
                        "no such file".to_owned()
                    },
                ));
            }
            // `src/lib.rs` or `src/main.rs` is a crate root, as `rustc src/lib.rs` compiles
            // it: its `mod` declarations are followed and `crate::` paths are its items.
            let crate_root = path
                .file_name()
                .is_some_and(|n| n == "lib.rs" || n == "main.rs");
            push_unique(
                &mut out,
                CrateRoot {
                    root: absolute(&cwd, path),
                    name: None,
                    follow_mods: crate_root,
                    ffi: None,
                },
            );
            continue;
        }
        let manifest = if path.file_name().is_some_and(|n| n == "Cargo.toml") {
            path.clone()
        } else if path.is_dir() {
            let m = path.join("Cargo.toml");
            if !m.is_file() && paths.is_empty() {
                // `cargo layout` in a subdirectory: the nearest manifest above, as cargo does.
                find_upward(path).ok_or_else(|| {
                    Diag::error(
                        path.display().to_string(),
                        0,
                        "no Cargo.toml here or in any parent directory (give a crate \
                         directory, a Cargo.toml or .rs files)",
                    )
                })?
            } else {
                m
            }
        } else {
            return Err(Diag::error(
                path.display().to_string(),
                0,
                if path.exists() {
                    "not a crate directory, a Cargo.toml or a .rs file"
                } else {
                    "no such file or directory"
                },
            ));
        };
        if !manifest.is_file() {
            return Err(Diag::error(
                manifest.display().to_string(),
                0,
                "no such file (give a crate directory, a Cargo.toml or .rs files)",
            ));
        }
        for c in from_manifest(&absolute(&cwd, &manifest), sel)? {
            push_unique(&mut out, c);
        }
    }
    Ok(out)
}

fn push_unique(out: &mut Vec<CrateRoot>, c: CrateRoot) {
    if !out.iter().any(|x| x.root == c.root) {
        out.push(c);
    }
}

fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    }
}

fn find_upward(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join("Cargo.toml"))
        .find(|m| m.is_file())
}

/// The crates of the package (or workspace members) of `manifest`, from `cargo metadata`.
fn from_manifest(manifest: &Path, sel: &Selection<'_>) -> Result<Vec<CrateRoot>, Diag> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let shown = crate::source::display_path(manifest);
    let output = Command::new(&cargo)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--manifest-path",
        ])
        .arg(manifest)
        .output()
        .map_err(|e| Diag::error(&shown, 0, format!("cannot run `cargo metadata`: {e}")))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("failed")
            .trim_start_matches("error: ");
        // Cargo points at the manifest's line as ` --> Cargo.toml:2:9`.
        let line = stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("--> "))
            .and_then(|at| at.split(':').nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        // Cargo's chain of causes (`Caused by:` sections), each kept: the first line alone
        // often says only "failed to load manifest for dependency".
        let mut causes: Vec<String> = Vec::new();
        let mut lines = stderr.lines().map(str::trim);
        while let Some(l) = lines.next() {
            if l == "Caused by:" {
                let cause: Vec<&str> = lines.by_ref().take_while(|l| !l.is_empty()).collect();
                if !cause.is_empty() {
                    causes.push(cause.join(" "));
                }
            }
        }
        let mut message = format!("cargo metadata: {first}");
        for c in causes {
            message.push_str("; caused by: ");
            message.push_str(&c);
        }
        return Err(Diag::error(&shown, line, message));
    }
    let meta: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| Diag::error(&shown, 0, format!("cargo metadata: bad output: {e}")))?;
    let packages = meta["packages"].as_array().cloned().unwrap_or_default();
    let members: Vec<&str> = meta["workspace_members"]
        .as_array()
        .map(|m| m.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let manifest_canon = manifest.canonicalize().unwrap_or_else(|_| manifest.into());
    let chosen: Vec<&serde_json::Value> = if !sel.packages.is_empty() {
        let mut chosen = Vec::new();
        for name in sel.packages {
            match packages.iter().find(|p| p["name"] == name.as_str()) {
                Some(p) => chosen.push(p),
                None => {
                    let known: Vec<&str> =
                        packages.iter().filter_map(|p| p["name"].as_str()).collect();
                    return Err(Diag::error(
                        &shown,
                        0,
                        format!(
                            "no package `{name}` in this workspace (packages: {})",
                            known.join(", ")
                        ),
                    ));
                }
            }
        }
        chosen
    } else {
        let own = packages.iter().find(|p| {
            p["manifest_path"]
                .as_str()
                .map(|m| Path::new(m).canonicalize().unwrap_or_else(|_| m.into()))
                == Some(manifest_canon.clone())
        });
        match own {
            Some(p) if !sel.workspace => vec![p],
            _ => packages
                .iter()
                .filter(|p| p["id"].as_str().is_some_and(|id| members.contains(&id)))
                .collect(),
        }
    };
    let mut out = Vec::new();
    for p in chosen {
        let package = p["name"].as_str().unwrap_or_default();
        let ffi = match p["links"].as_str() {
            Some(lib) => Some(format!(
                "its package `{package}` links the native library `{lib}` (`links =` in its \
                 manifest)"
            )),
            None if package.ends_with("-sys") => Some(format!(
                "its package `{package}` is a `-sys` package (bindings to a native library)"
            )),
            None => None,
        };
        let targets = p["targets"].as_array().cloned().unwrap_or_default();
        let lib_name = targets
            .iter()
            .find(|t| is_lib(t))
            .and_then(|t| t["name"].as_str())
            .map(|n| n.replace('-', "_"));
        for t in &targets {
            let kinds: Vec<&str> = t["kind"]
                .as_array()
                .map(|k| k.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            let wanted = is_lib(t) || kinds.iter().any(|k| matches!(*k, "bin" | "example"));
            if !wanted {
                continue;
            }
            let Some(src) = t["src_path"].as_str() else {
                continue;
            };
            out.push(CrateRoot {
                root: PathBuf::from(src),
                name: if is_lib(t) { lib_name.clone() } else { None },
                follow_mods: true,
                ffi: ffi.clone(),
            });
        }
    }
    Ok(out)
}

fn is_lib(t: &serde_json::Value) -> bool {
    t["kind"].as_array().is_some_and(|k| {
        k.iter().any(|v| {
            matches!(
                v.as_str(),
                Some("lib" | "rlib" | "dylib" | "cdylib" | "staticlib" | "proc-macro")
            )
        })
    })
}

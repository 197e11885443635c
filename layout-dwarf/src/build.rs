//! Building a package with cargo, with debug information, and finding its artifacts.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::Error;
use crate::model::Report;
use crate::read::{Collector, Scope};

/// Which cargo profile to build with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Profile {
    /// `dev`, cargo's default.
    #[default]
    Dev,
    /// `release` (`--release`).
    Release,
    /// A custom profile (`--profile NAME`).
    Named(String),
}

impl Profile {
    /// The profile's name as in `[profile.NAME]`.
    pub fn name(&self) -> &str {
        match self {
            Profile::Dev => "dev",
            Profile::Release => "release",
            Profile::Named(name) => name,
        }
    }

    /// The environment variable that sets `debug` for this profile.
    pub fn debug_env_var(&self) -> String {
        format!(
            "CARGO_PROFILE_{}_DEBUG",
            self.name().to_ascii_uppercase().replace('-', "_")
        )
    }
}

/// What to do when the profile does not produce full debug information.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DebugInfo {
    /// Build with `CARGO_PROFILE_<NAME>_DEBUG=true` in the environment (cargo reuses an
    /// existing build when the profile already has `debug = true`, and rebuilds otherwise).
    #[default]
    Force,
    /// Build with the profile as it is, and fail with [`Error::NoDebugInfo`] if it has no
    /// full debug information.
    Require,
}

/// How to build the package whose layouts are wanted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// `--manifest-path`; the current directory's package or workspace when `None`.
    pub manifest_path: Option<PathBuf>,
    /// `-p SPEC`: a workspace member or a dependency; the manifest's own package when `None`.
    pub package: Option<String>,
    /// `--features`.
    pub features: Vec<String>,
    /// `--all-features`.
    pub all_features: bool,
    /// `--no-default-features`.
    pub no_default_features: bool,
    /// The profile.
    pub profile: Profile,
    /// Only the library target (`--lib`) instead of cargo's default targets (library and
    /// binaries).
    pub lib_only: bool,
    /// Force or require debug information.
    pub debug_info: DebugInfo,
    /// Also report the types of the package's dependencies (their artifacts are read too;
    /// they need debug information of their own, e.g. no `[profile.dev.package."*"] debug = false`).
    pub dependencies: bool,
    /// `--target-dir`; cargo's choice (`CARGO_TARGET_DIR`, the workspace's `target/`) when `None`.
    pub target_dir: Option<PathBuf>,
}

/// One file cargo produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    /// Cargo's package id.
    pub package_id: String,
    /// The crate name of the target (`my_crate`).
    pub crate_name: String,
    /// The file: an rlib, an executable, a shared library...
    pub path: PathBuf,
    /// The `debuginfo` level cargo reports for it (`2` or `"full"` is what layouts need).
    pub debuginfo: String,
    /// Whether it belongs to the selected package (otherwise to a dependency).
    pub own: bool,
}

/// A finished build: the selected package and the files to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Build {
    /// The selected package's name.
    pub package: String,
    /// The selected package's manifest directory.
    pub package_dir: PathBuf,
    /// The selected package's library crate name, if it has a library.
    pub lib_crate: Option<String>,
    /// Every feature the selected package declares.
    pub package_features: Vec<String>,
    /// Crate names of the selected package's targets.
    pub crates: BTreeSet<String>,
    /// Crate names of the dependencies built.
    pub dependency_crates: BTreeSet<String>,
    /// Every artifact cargo reported.
    pub artifacts: Vec<Artifact>,
    /// The options used.
    pub options: BuildOptions,
    /// The target directory.
    pub target_dir: PathBuf,
}

/// Builds the package (see [`BuildOptions`]) and returns its artifacts.
pub fn build(options: &BuildOptions) -> Result<Build, Error> {
    let metadata = metadata(options)?;
    let target_dir = options.target_dir.clone().unwrap_or_else(|| {
        PathBuf::from(metadata["target_directory"].as_str().unwrap_or("target"))
    });
    let package = select_package(&metadata, options.package.as_deref())?;
    let package_id = package["id"].as_str().unwrap_or_default().to_owned();
    let package_name = package["name"].as_str().unwrap_or_default().to_owned();
    let package_dir = Path::new(package["manifest_path"].as_str().unwrap_or_default())
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let lib_crate = package["targets"].as_array().and_then(|targets| {
        targets.iter().find_map(|t| {
            let kinds = t["kind"].as_array()?;
            kinds
                .iter()
                .any(|k| matches!(k.as_str(), Some("lib" | "rlib" | "proc-macro")))
                .then(|| t["name"].as_str().unwrap_or_default().replace('-', "_"))
        })
    });

    let mut command = cargo_command(options, "build");
    command.arg("--message-format=json");
    command.args(["-p", &spec_of(package)]);
    if options.lib_only {
        command.arg("--lib");
    }
    if let Some(dir) = &options.target_dir {
        command.arg("--target-dir").arg(dir);
    }
    if options.debug_info == DebugInfo::Force {
        command.env(options.profile.debug_env_var(), "true");
    }
    let run = run_build(command)?;
    if !run.success {
        return Err(if run.errors.is_empty() {
            Error::Cargo {
                command: run.command,
                stderr: run.stderr,
            }
        } else {
            Error::BuildFailed {
                package: package_name,
                errors: run.errors.into_iter().map(|e| e.rendered).collect(),
                stderr: run.stderr,
            }
        });
    }
    let mut build = Build {
        package: package_name,
        package_dir,
        lib_crate,
        package_features: package["features"]
            .as_object()
            .map(|f| f.keys().cloned().collect())
            .unwrap_or_default(),
        crates: BTreeSet::new(),
        dependency_crates: BTreeSet::new(),
        artifacts: Vec::new(),
        options: options.clone(),
        target_dir,
    };
    for artifact in run.artifacts {
        let own = artifact.package_id == package_id;
        if own {
            build.crates.insert(artifact.crate_name.clone());
        } else {
            build.dependency_crates.insert(artifact.crate_name.clone());
        }
        build.artifacts.push(Artifact { own, ..artifact });
    }
    Ok(build)
}

impl Build {
    /// Reads the layouts of the selected package's types (and of its dependencies' types if
    /// [`BuildOptions::dependencies`] is set).
    pub fn read(&self) -> Result<Report, Error> {
        let own: Vec<&Artifact> = self.artifacts.iter().filter(|a| a.own).collect();
        if let Some(artifact) = own.iter().find(|a| !full_debuginfo(&a.debuginfo)) {
            return Err(self.no_debug_info(format!(
                "cargo built `{}` with `debuginfo = {}`, and types need full debug information",
                artifact.path.display(),
                artifact.debuginfo
            )));
        }
        let mut scope = self.crates.clone();
        let mut files: Vec<&Artifact> = own;
        if self.options.dependencies {
            scope.extend(self.dependency_crates.iter().cloned());
            files.extend(self.artifacts.iter().filter(|a| !a.own));
        }
        let scope = Scope {
            crates: Some(scope),
            generated: false,
        };
        let mut collector = Collector::new();
        let mut report = Report::default();
        for artifact in files {
            let before = collector.units_read();
            collector.read_file(&artifact.path, &scope)?;
            // No DWARF is an error only for code: a crate of type declarations alone has
            // none, and its types come through the shim.
            if artifact.own
                && collector.units_read() == before
                && Collector::has_code(&artifact.path)?
            {
                return Err(self.no_debug_info(format!(
                    "`{}` holds no DWARF at all (is `-C debuginfo=0` or `-C strip` in RUSTFLAGS, \
                     or is the debug information split into separate files?)",
                    artifact.path.display()
                )));
            }
            report.artifacts.push(artifact.path.clone());
        }
        report.types = collector.into_types();
        Ok(report)
    }

    fn no_debug_info(&self, found: String) -> Error {
        let profile = self.options.profile.name();
        Error::NoDebugInfo {
            package: self.package.clone(),
            profile: profile.to_owned(),
            detail: format!(
                "{found}; set `debug = true` in `[profile.{profile}]` (and in \
                 `[profile.{profile}.package.{}]` if the workspace overrides it there), or \
                 build with `{}=true` (`DebugInfo::Force`)",
                self.package,
                self.options.profile.debug_env_var()
            ),
        }
    }
}

/// Builds the package and reads its layouts: [`build`] then [`Build::read`].
pub fn compiled_layouts(options: &BuildOptions) -> Result<Report, Error> {
    build(options)?.read()
}

fn full_debuginfo(level: &str) -> bool {
    matches!(level, "2" | "full")
}

fn cargo_command(options: &BuildOptions, subcommand: &str) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.arg(subcommand);
    if let Some(manifest) = &options.manifest_path {
        command.arg("--manifest-path").arg(manifest);
    }
    if !options.features.is_empty() {
        command.arg("--features").arg(options.features.join(","));
    }
    if options.all_features {
        command.arg("--all-features");
    }
    if options.no_default_features {
        command.arg("--no-default-features");
    }
    if subcommand == "build" {
        match &options.profile {
            Profile::Dev => {}
            Profile::Release => {
                command.arg("--release");
            }
            Profile::Named(name) => {
                command.args(["--profile", name]);
            }
        }
    }
    command
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

fn metadata(options: &BuildOptions) -> Result<Value, Error> {
    let mut command = cargo_command(options, "metadata");
    command.args(["--format-version", "1"]);
    let text = describe(&command);
    let output = command.output().map_err(|e| Error::Cargo {
        command: text.clone(),
        stderr: e.to_string(),
    })?;
    if !output.status.success() {
        return Err(Error::Cargo {
            command: text,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        });
    }
    serde_json::from_slice(&output.stdout).map_err(|e| Error::Cargo {
        command: text,
        stderr: format!("unreadable output: {e}"),
    })
}

fn select_package<'m>(metadata: &'m Value, spec: Option<&str>) -> Result<&'m Value, Error> {
    let packages = metadata["packages"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    match spec {
        None => {
            let root = metadata["resolve"]["root"]
                .as_str()
                .ok_or_else(|| Error::Package {
                    message: "the manifest is a virtual workspace: name a package".to_owned(),
                })?;
            packages
                .iter()
                .find(|p| p["id"].as_str() == Some(root))
                .ok_or_else(|| Error::Package {
                    message: format!("cargo metadata does not list the root package {root}"),
                })
        }
        Some(spec) => {
            let (name, version) = match spec.split_once('@') {
                Some((name, version)) => (name, Some(version)),
                None => (spec, None),
            };
            let found: Vec<&Value> = packages
                .iter()
                .filter(|p| {
                    p["name"].as_str() == Some(name)
                        && version.is_none_or(|v| p["version"].as_str() == Some(v))
                })
                .collect();
            match found.as_slice() {
                [one] => Ok(one),
                [] => Err(Error::Package {
                    message: format!("no package `{spec}` in the workspace or its dependencies"),
                }),
                _ => Err(Error::Package {
                    message: format!(
                        "`{spec}` names {} packages; add the version (`{name}@VERSION`)",
                        found.len()
                    ),
                }),
            }
        }
    }
}

fn spec_of(package: &Value) -> String {
    format!(
        "{}@{}",
        package["name"].as_str().unwrap_or_default(),
        package["version"].as_str().unwrap_or_default()
    )
}

/// A compiler error from cargo's JSON messages.
#[derive(Debug, Clone)]
pub(crate) struct CompilerError {
    pub rendered: String,
    pub message: String,
    pub code: Option<String>,
    /// The primary span's file and first line.
    pub location: Option<(String, usize)>,
}

pub(crate) struct BuildRun {
    pub command: String,
    pub success: bool,
    pub artifacts: Vec<Artifact>,
    pub errors: Vec<CompilerError>,
    pub stderr: String,
}

pub(crate) fn run_build(mut command: Command) -> Result<BuildRun, Error> {
    let text = describe(&command);
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Cargo {
            command: text.clone(),
            stderr: e.to_string(),
        })?;
    let mut run = BuildRun {
        command: text,
        success: output.status.success(),
        artifacts: Vec::new(),
        errors: Vec::new(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    for line in output.stdout.split(|&b| b == b'\n') {
        let Ok(message) = serde_json::from_slice::<Value>(line) else {
            continue;
        };
        match message["reason"].as_str() {
            Some("compiler-artifact") => {
                let package_id = message["package_id"].as_str().unwrap_or_default();
                let crate_name = message["target"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .replace('-', "_");
                let debuginfo = match &message["profile"]["debuginfo"] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let kinds: Vec<&str> = message["target"]["kind"]
                    .as_array()
                    .map(|k| k.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                // Build scripts run on the host and are not part of the crate.
                if kinds.contains(&"custom-build") {
                    continue;
                }
                let files = message["filenames"].as_array().cloned().unwrap_or_default();
                for file in files.iter().filter_map(Value::as_str) {
                    if file.ends_with(".rmeta") || file.ends_with(".d") {
                        continue;
                    }
                    run.artifacts.push(Artifact {
                        package_id: package_id.to_owned(),
                        crate_name: crate_name.clone(),
                        path: PathBuf::from(file),
                        debuginfo: debuginfo.clone(),
                        own: false,
                    });
                }
            }
            Some("compiler-message") => {
                let diagnostic = &message["message"];
                let text = diagnostic["message"].as_str().unwrap_or_default();
                if diagnostic["level"].as_str() != Some("error")
                    || text.starts_with("aborting due to")
                {
                    continue;
                }
                let location = diagnostic["spans"].as_array().and_then(|spans| {
                    spans
                        .iter()
                        .find(|s| s["is_primary"].as_bool() == Some(true))
                        .map(|s| {
                            (
                                s["file_name"].as_str().unwrap_or_default().to_owned(),
                                s["line_start"].as_u64().unwrap_or(0) as usize,
                            )
                        })
                });
                run.errors.push(CompilerError {
                    rendered: diagnostic["rendered"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    message: diagnostic["message"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    code: diagnostic["code"]["code"].as_str().map(str::to_owned),
                    location,
                });
            }
            _ => {}
        }
    }
    Ok(run)
}

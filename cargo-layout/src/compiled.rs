//! `--compiled`: the compiled view, checked against the source scan (issue 13).
//!
//! The source scan runs first: it finds the crate's structs, unions and enums by path, and
//! predicts the layouts of the ones it can model on every target named. Then `layout_dwarf`
//! builds the package for the host with debug information, reads the layouts rustc chose,
//! and makes the scanned types that no code uses appear through its shim. The report puts the
//! two together: the compiled numbers are the host's column, the engine's predictions fill the
//! other targets, and any difference between the compiled layout and the engine's prediction
//! for the host is this tool's bug, reported loudly with exit status 3.

use std::collections::BTreeMap;

use layout_dwarf::{BuildOptions, DebugInfo, Profile, TypeKind, TypeLayout, UnreachedReason};
use layout_engine::{Field, Repr, ReprBase, Shape, StructDef, StructLayout, Target, Ty};

use crate::cli::{Format, Options, UsageError};
use crate::scan::{self, Status, StructReport};
use crate::source::{Diag, Level};

/// Exit status: a compiled layout disagrees with the engine's prediction for the host.
pub const MISMATCH: u8 = 3;

/// Set in the tests of the loud report: the engine's host prediction for the type of this
/// path (`crate::T1`) is made wrong (bigger by its alignment, the last field one byte later)
/// before it is compared, as if the engine had a bug.
const WRONG_PREDICTION: &str = "__CARGO_LAYOUT_TEST_WRONG_PREDICTION";

/// The long flags only `--compiled` takes (and `--compiled` itself).
pub const FLAGS: &[&str] = &[
    "compiled",
    "features",
    "all-features",
    "no-default-features",
    "release",
    "deps",
    "top",
    "sort",
];

/// How `--top` picks and the report orders types.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// By name (the default without `--top`).
    #[default]
    Name,
    /// By bytes of padding, largest first (the default with `--top`).
    Waste,
    /// By size, largest first.
    Size,
}

/// The command-line flags of `--compiled`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// `--compiled`.
    pub enabled: bool,
    /// `--features` (each value split at commas and spaces, as cargo does).
    pub features: Vec<String>,
    /// `--all-features`.
    pub all_features: bool,
    /// `--no-default-features`.
    pub no_default_features: bool,
    /// `--release`.
    pub release: bool,
    /// `--deps`: the dependencies' types too.
    pub deps: bool,
    /// `--top N`.
    pub top: Option<usize>,
    /// `--sort`, when given.
    pub sort: Option<Sort>,
}

/// Reads one of [`FLAGS`] (`flag` without its `--`).
pub fn parse_flag(
    flags: &mut Flags,
    flag: &str,
    parser: &mut lexopt::Parser,
) -> Result<(), UsageError> {
    match flag {
        "compiled" => flags.enabled = true,
        "features" => {
            let v = crate::cli::value(parser, "--features")?;
            flags.features.extend(
                v.split([',', ' '])
                    .filter(|f| !f.is_empty())
                    .map(str::to_owned),
            );
        }
        "all-features" => flags.all_features = true,
        "no-default-features" => flags.no_default_features = true,
        "release" => flags.release = true,
        "deps" => flags.deps = true,
        "top" => {
            let v = crate::cli::value(parser, "--top")?;
            flags.top =
                Some(v.parse().map_err(|_| {
                    UsageError(format!("--top expects a number of types, not `{v}`"))
                })?);
        }
        "sort" => {
            flags.sort = Some(match crate::cli::value(parser, "--sort")?.as_str() {
                "waste" => Sort::Waste,
                "size" => Sort::Size,
                "name" => Sort::Name,
                other => {
                    return Err(UsageError(format!(
                        "unknown sort `{other}` (expected `waste`, `size` or `name`)"
                    )));
                }
            });
        }
        _ => unreachable!("only FLAGS reach here"),
    }
    Ok(())
}

/// The combinations `--compiled` refuses, and its flags without it.
pub fn check_flags(opts: &Options) -> Result<(), UsageError> {
    let c = &opts.compiled;
    if !c.enabled {
        let given = [
            (!c.features.is_empty(), "--features"),
            (c.all_features, "--all-features"),
            (c.no_default_features, "--no-default-features"),
            (c.release, "--release"),
            (c.deps, "--deps"),
            (c.top.is_some(), "--top"),
            (c.sort.is_some(), "--sort"),
        ];
        if let Some((_, flag)) = given.iter().find(|(on, _)| *on) {
            return Err(UsageError(format!(
                "{flag} only applies with --compiled (the source scan builds nothing)"
            )));
        }
        return Ok(());
    }
    let refused = [
        (opts.fix != crate::cli::FixMode::Off, "--fix and --diff"),
        (opts.workspace, "--workspace"),
        (opts.packages.len() > 1, "more than one --package"),
        (opts.paths.len() > 1, "more than one PATH"),
        (opts.only_marked, "--only-marked"),
        (
            opts.baseline.is_some() || opts.write_baseline.is_some(),
            "--baseline and --write-baseline",
        ),
    ];
    if let Some((_, what)) = refused.iter().find(|(on, _)| *on) {
        return Err(UsageError(format!(
            "--compiled builds one package: {what} cannot be combined with it"
        )));
    }
    if opts
        .paths
        .first()
        .is_some_and(|p| p.extension().is_some_and(|e| e == "rs"))
    {
        return Err(UsageError(
            "--compiled builds a package: give a crate directory or a Cargo.toml, not .rs files"
                .into(),
        ));
    }
    Ok(())
}

/// One compiled type with what the source scan says about it.
#[derive(Debug)]
pub struct Entry<'a> {
    /// The compiled layout (host).
    pub compiled: &'a TypeLayout,
    /// The scan's report of the type, when the scan found it (not for generic
    /// instantiations, tuples, enums, macro-made types or other crates' types).
    pub scanned: Option<&'a StructReport>,
    /// Where the scan found the type (`src/lib.rs:12`), also for enums and generics.
    pub location: Option<String>,
    /// Whether the scan says the field order is rustc's choice (`repr(Rust)`).
    pub rustc_order: Option<bool>,
    /// The smallest size any order of the compiled fields reaches, when it can be computed
    /// (structs with field alignments).
    pub min_size: Option<u64>,
    /// Each difference between the compiled layout and the engine's host prediction.
    pub mismatches: Vec<Mismatch>,
    /// Why the comparison with the prediction was not made, when it was not.
    pub not_compared: Option<String>,
}

impl Entry<'_> {
    /// Bytes of padding.
    pub fn waste(&self) -> u64 {
        self.compiled.padding()
    }

    /// Bytes a reordering saves (0 when unknown, or for unions and enums).
    pub fn saving(&self) -> u64 {
        self.min_size
            .map_or(0, |m| self.compiled.size.saturating_sub(m))
    }
}

/// One number on which the compiled layout and the engine's prediction disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// What: `size`, `align`, `field \`b\` offset`, `field \`b\``.
    pub what: String,
    /// The compiler's value (`None`: the field is not in the compiled type).
    pub compiled: Option<u64>,
    /// The engine's value (`None`: the field is not in the prediction).
    pub predicted: Option<u64>,
}

/// A type the scan found that the compiled view lacks, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The scan's path (`crate::net::Header`).
    pub path: String,
    /// Where.
    pub location: String,
    /// Short reason key (`private`, `generic`, `feature`, ...), for JSON.
    pub reason: &'static str,
    /// Explanation.
    pub message: String,
}

/// Everything the report shows.
#[derive(Debug)]
pub struct Compiled<'a> {
    /// The package built.
    pub package: String,
    /// The host: the compiled column.
    pub host: &'static Target,
    /// The other targets: the engine's columns.
    pub others: Vec<&'static Target>,
    /// The types reported, in report order.
    pub entries: Vec<Entry<'a>>,
    /// Types compiled in all (before `--name`, `--min-saving` and `--top`).
    pub total: usize,
    /// Scanned types with no compiled layout.
    pub missing: Vec<Missing>,
}

/// Runs `cargo layout --compiled` and returns the exit status.
pub fn run(opts: &Options) -> u8 {
    let Some(host) = Target::CURRENT else {
        eprintln!("error: this build's host is not a built-in rustc target");
        return crate::TROUBLE;
    };
    let others: Vec<&'static Target> = opts
        .targets
        .iter()
        .copied()
        .filter(|t| t.triple != host.triple)
        .collect();
    if !others.is_empty() {
        let names: Vec<&str> = others.iter().map(|t| t.triple).collect();
        eprintln!(
            "note: --compiled builds for the host only ({}); {} {} the engine's prediction, \
             not compiled (cross builds are not supported: they need the target's std \
             installed, and the debug information of another target)",
            host.triple,
            names.join(", "),
            if names.len() == 1 { "is" } else { "are" }
        );
    }

    // The source scan: every struct, union and enum of the package, and the predictions.
    let selection = crate::discover::Selection {
        packages: &opts.packages,
        workspace: false,
    };
    let roots = match crate::discover::discover(&opts.paths, &selection) {
        Ok(r) => r,
        Err(d) => {
            eprintln!("{d}");
            return crate::TROUBLE;
        }
    };
    let filter = scan::Filter {
        all: true,
        only_marked: false,
        names: Vec::new(),
        min_saving: 0,
        allow_reorder: Vec::new(),
    };
    let (sources, tree) = crate::load(&roots, std::collections::HashMap::new());
    let mut columns = vec![host];
    columns.extend(others.iter().copied());
    let (reports, scan_diags) = scan::scan(&tree, &sources, &columns, &filter);
    let mut diags: Vec<Diag> = tree.diags.clone();
    diags.extend(scan_diags);

    // The build.
    let options = build_options(opts);
    let build = match layout_dwarf::build(&options) {
        Ok(b) => b,
        Err(e) => return build_error(&e),
    };
    let mut report = match build.read() {
        Ok(r) => r,
        Err(e) => return build_error(&e),
    };
    let own_crate = build
        .lib_crate
        .clone()
        .or_else(|| (build.crates.len() == 1).then(|| build.crates.first().cloned())?)
        .unwrap_or_else(|| build.package.replace('-', "_"));
    let scanned = scanned_types(&tree, &sources, &reports, &own_crate);
    let asked: Vec<String> = scanned
        .iter()
        .filter(|s| s.askable)
        .map(|s| s.path.clone())
        .collect();
    if let Err(e) = layout_dwarf::shim::reach(&build, &mut report, &asked) {
        return build_error(&e);
    }
    let compiled = assemble(
        &report,
        &scanned,
        &reports,
        host,
        others,
        &own_crate,
        &build.package,
        opts,
    );

    let text = match opts.format {
        Format::Text => crate::compiled_report::text(&compiled),
        Format::Json => crate::compiled_report::json(&compiled, &diags),
        Format::Sarif => crate::sarif::render_compiled(&compiled),
    };
    use std::io::Write as _;
    let failed_write = std::io::stdout().lock().write_all(text.as_bytes()).is_err();
    diags.sort();
    diags.dedup();
    for d in &diags {
        eprintln!("{d}");
    }
    let mismatched = compiled.entries.iter().any(|e| !e.mismatches.is_empty());
    if mismatched {
        eprintln!(
            "error: the compiled layout of {} disagrees with the engine's prediction for {}: \
             this is a bug of cargo-layout, please report it with the section above",
            count(
                compiled
                    .entries
                    .iter()
                    .filter(|e| !e.mismatches.is_empty())
                    .count(),
                "type"
            ),
            host.triple
        );
        return MISMATCH;
    }
    if failed_write || diags.iter().any(|d| d.level == Level::Error) {
        return crate::TROUBLE;
    }
    if opts.deny_waste && compiled.entries.iter().any(|e| e.saving() > 0) {
        return crate::WASTE;
    }
    crate::OK
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn build_options(opts: &Options) -> BuildOptions {
    let c = &opts.compiled;
    let manifest_path = opts.paths.first().map(|p| {
        if p.file_name().is_some_and(|n| n == "Cargo.toml") {
            p.clone()
        } else {
            p.join("Cargo.toml")
        }
    });
    BuildOptions {
        manifest_path,
        package: opts.packages.first().cloned(),
        features: c.features.clone(),
        all_features: c.all_features,
        no_default_features: c.no_default_features,
        profile: if c.release {
            Profile::Release
        } else {
            Profile::Dev
        },
        lib_only: false,
        debug_info: DebugInfo::Force,
        dependencies: c.deps,
        target_dir: None,
    }
}

/// Prints a build or read error and returns exit status 2.
fn build_error(e: &layout_dwarf::Error) -> u8 {
    eprintln!("error: {e}");
    if let layout_dwarf::Error::BuildFailed { errors, stderr, .. } = e {
        let all = errors.join("\n") + stderr;
        if all.contains("can't find crate for `std`") || all.contains("can't find crate for `core`")
        {
            let configured = std::env::var("CARGO_BUILD_TARGET").ok();
            eprintln!(
                "error: cargo built for a target whose standard library is not installed{}: \
                 --compiled reads the host's layouts only ({}); unset CARGO_BUILD_TARGET or \
                 `build.target` in .cargo/config.toml for this run, and use -t for the other \
                 targets' predictions",
                configured
                    .map(|t| format!(" (CARGO_BUILD_TARGET={t})"))
                    .unwrap_or_default(),
                Target::CURRENT.map_or("?", |t| t.triple)
            );
        }
    }
    crate::TROUBLE
}

/// A type the scan found: a struct or union (with its report, if reported) or an enum.
#[derive(Debug)]
struct ScannedType {
    /// The scan's path (`crate::net::Header`).
    path: String,
    /// The name the DWARF gives it (`my_crate::net::Header`), without generic arguments.
    dwarf: String,
    /// `src/lib.rs:12`.
    location: String,
    /// Index in the scan's reports.
    report: Option<usize>,
    /// Whether the shim can name it (a type of the library, not of a function body).
    askable: bool,
    /// Why it cannot be asked for, when it cannot.
    not_askable: Option<(&'static str, String)>,
}

/// Every struct, union and enum the scan found in the package, with its DWARF name.
fn scanned_types(
    tree: &crate::tree::Tree,
    sources: &crate::source::Sources,
    reports: &[StructReport],
    own_crate: &str,
) -> Vec<ScannedType> {
    let own: Vec<usize> = match tree
        .crates
        .iter()
        .position(|c| c.name.as_deref() == Some(own_crate))
    {
        Some(k) => vec![k],
        None if tree.crates.len() == 1 => vec![0],
        None => Vec::new(),
    };
    let mut out: Vec<ScannedType> = Vec::new();
    let mut push = |path: String, location: String, report: Option<usize>, krate: usize| {
        let in_body = path.contains("::{body}");
        let dwarf = dwarf_name(&path, own_crate);
        let not_askable = if !own.contains(&krate) {
            Some((
                "other_crate",
                "in a binary or example target: only the code of that target can make it \
                 appear (it is reported when code uses it)"
                    .to_owned(),
            ))
        } else if in_body {
            Some((
                "function_body",
                "declared in a function body: no path outside the function names it, so \
                 it appears only when that function's code uses it"
                    .to_owned(),
            ))
        } else {
            None
        };
        if out.iter().any(|s| s.path == path && s.location == location) {
            return;
        }
        out.push(ScannedType {
            askable: not_askable.is_none(),
            path,
            dwarf,
            location,
            report,
            not_askable,
        });
    };
    for (i, r) in reports.iter().enumerate() {
        let krate = tree.modules[tree.items[r.item].module].krate;
        push(
            r.path.clone(),
            format!("{}:{}", r.file, r.line),
            Some(i),
            krate,
        );
    }
    for module in &tree.modules {
        for other in module.others.iter().filter(|o| o.kind == "enum") {
            // The tree keeps no line for enums: the module's file, and the line of the one
            // `enum Name` declaration in it when there is exactly one.
            let file = tree
                .items
                .get(module.items.first().copied().unwrap_or(usize::MAX))
                .map(|it| sources.get(it.file));
            let location =
                file.map_or_else(String::new, |f| match enum_line(&f.text, &other.name) {
                    Some(line) => format!("{}:{line}", f.display),
                    None => f.display.clone(),
                });
            push(
                format!("{}::{}", module.path, other.name),
                location,
                None,
                module.krate,
            );
        }
    }
    out
}

/// The line of `enum name` in `text`, when it occurs exactly once.
fn enum_line(text: &str, name: &str) -> Option<usize> {
    let needle = format!("enum {name}");
    let mut found = text.match_indices(&needle).filter(|(at, _)| {
        let after = text[at + needle.len()..].chars().next();
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    });
    let (at, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(text[..at].matches('\n').count() + 1)
}

/// The DWARF's name of a scanned path: `crate` replaced by the crate's name, function bodies
/// left out (rustc names a type in `fn f() { struct S; }` `my_crate::f::S`).
fn dwarf_name(path: &str, own_crate: &str) -> String {
    let path = path.replace("::{body}", "");
    match path.strip_prefix("crate") {
        Some(rest) => format!("{own_crate}{rest}"),
        None => path,
    }
}

/// The name without generic arguments: `a::Pair<u8, u32>` is `a::Pair`.
fn base_name(name: &str) -> &str {
    name.split('<').next().unwrap_or(name)
}

#[allow(clippy::too_many_arguments)]
fn assemble<'a>(
    report: &'a layout_dwarf::Report,
    scanned: &[ScannedType],
    reports: &'a [StructReport],
    host: &'static Target,
    others: Vec<&'static Target>,
    own_crate: &str,
    package: &str,
    opts: &Options,
) -> Compiled<'a> {
    let by_dwarf: BTreeMap<&str, &ScannedType> =
        scanned.iter().map(|s| (s.dwarf.as_str(), s)).collect();
    let mut entries: Vec<Entry<'a>> = Vec::new();
    for t in &report.types {
        let found = by_dwarf.get(base_name(&t.name)).copied();
        let generic_instance = t.name.contains('<') && t.kind != TypeKind::Tuple;
        let scanned = found
            .and_then(|s| s.report)
            .filter(|_| !generic_instance)
            .map(|i| &reports[i]);
        let rustc_order = scanned.and_then(|r| r.repr).map(|r| r.base != ReprBase::C);
        let mut entry = Entry {
            compiled: t,
            scanned,
            location: found.map(|s| s.location.clone()),
            rustc_order,
            min_size: min_size(t),
            mismatches: Vec::new(),
            not_compared: None,
        };
        if let Some(r) = scanned {
            match host_prediction(r) {
                Ok((predicted, rustc_choice)) => {
                    let mut mismatches = compare(t, predicted, rustc_choice);
                    if std::env::var(WRONG_PREDICTION).is_ok_and(|p| p == r.path) {
                        let mut wrong = predicted.clone();
                        wrong.layout.size += wrong.layout.align;
                        if let Some(f) = wrong.fields.last_mut() {
                            f.offset += 1;
                        }
                        mismatches = compare(t, &wrong, rustc_choice);
                    }
                    let cfg_fields = r.notes.iter().any(|n| n.contains("under #[cfg]"));
                    if cfg_fields
                        && mismatches
                            .iter()
                            .any(|m| m.compiled.is_none() || m.predicted.is_none())
                    {
                        entry.not_compared = Some(
                            "some fields are under #[cfg] that the source scan takes as \
                             holding: its prediction has fields this build does not"
                                .to_owned(),
                        );
                    } else {
                        entry.mismatches = mismatches;
                    }
                }
                Err(why) => entry.not_compared = Some(why),
            }
        }
        entries.push(entry);
    }
    let total = entries.len();
    let own_prefix = format!("{own_crate}::");
    let _ = package;
    entries.retain(|e| {
        let name = &e.compiled.name;
        let scan_path = e
            .scanned
            .map(|r| r.path.clone())
            .or_else(|| {
                name.strip_prefix(&own_prefix)
                    .map(|rest| format!("crate::{rest}"))
            })
            .unwrap_or_default();
        (opts.names.is_empty()
            || opts.names.iter().any(|p| {
                let short = base_name(name).rsplit("::").next().unwrap_or(name);
                scan::glob(p, name)
                    || scan::glob(p, base_name(name))
                    || scan::glob(p, short)
                    || scan::glob(p, &scan_path)
            }))
            && (opts.min_saving == 0 || e.saving() >= opts.min_saving)
    });
    let sort = opts
        .compiled
        .sort
        .unwrap_or(if opts.compiled.top.is_some() {
            Sort::Waste
        } else {
            Sort::Name
        });
    // Mismatches first: they are the tool's errors.
    entries.sort_by(|a, b| {
        b.mismatches
            .is_empty()
            .cmp(&a.mismatches.is_empty())
            .reverse()
            .then(match sort {
                Sort::Name => a.compiled.name.cmp(&b.compiled.name),
                Sort::Waste => b
                    .waste()
                    .cmp(&a.waste())
                    .then(a.compiled.name.cmp(&b.compiled.name)),
                Sort::Size => b
                    .compiled
                    .size
                    .cmp(&a.compiled.size)
                    .then(a.compiled.name.cmp(&b.compiled.name)),
            })
    });
    if let Some(n) = opts.compiled.top {
        let keep = n.max(entries.iter().filter(|e| !e.mismatches.is_empty()).count());
        entries.truncate(keep);
    }

    let mut missing = Vec::new();
    for s in scanned {
        let present = report.types.iter().any(|t| base_name(&t.name) == s.dwarf);
        if present {
            continue;
        }
        let (reason, message) = match &s.not_askable {
            Some((reason, message)) => (*reason, message.clone()),
            None => match report.unreached.iter().find(|u| u.path == s.path) {
                Some(u) => unreached_reason(&u.reason, &u.message),
                None => ("not_emitted", "not in the debug information".to_owned()),
            },
        };
        missing.push(Missing {
            path: s.path.clone(),
            location: s.location.clone(),
            reason,
            message,
        });
    }
    if !opts.names.is_empty() {
        missing.retain(|m| {
            opts.names.iter().any(|p| {
                scan::glob(p, &m.path) || scan::glob(p, m.path.rsplit("::").next().unwrap_or(""))
            })
        });
    }
    Compiled {
        package: package.to_owned(),
        host,
        others,
        entries,
        total,
        missing,
    }
}

fn unreached_reason(reason: &UnreachedReason, message: &str) -> (&'static str, String) {
    match reason {
        UnreachedReason::Private => (
            "private",
            format!("not visible outside the crate, and no code uses it ({message})"),
        ),
        UnreachedReason::NeedsGenericArguments => (
            "generic",
            "generic, and no instantiation of it was built".to_owned(),
        ),
        UnreachedReason::FeatureGated { feature } => (
            "feature",
            match feature {
                Some(f) => format!("behind the feature `{f}`, which this build does not enable"),
                None => "configured out in this build (#[cfg])".to_owned(),
            },
        ),
        UnreachedReason::NotFound => (
            "not_found",
            format!("the compiler does not find it by this path ({message})"),
        ),
        UnreachedReason::Unsized => ("unsized", "unsized: it has no single layout".to_owned()),
        UnreachedReason::CompileError => (
            "compile_error",
            format!("naming it does not compile: {message}"),
        ),
        UnreachedReason::NotEmitted => ("not_emitted", message.to_owned()),
    }
}

/// The engine's layout of a scanned type on the host (the first target of the scan), and
/// whether its order is rustc's (then the layout is the declared order's, for the sizes,
/// alignments and the minimum).
fn host_prediction(r: &StructReport) -> Result<(&StructLayout<'static>, bool), String> {
    match &r.status {
        Status::Blocked(b) => Err(format!("the source scan has no model: {b}")),
        Status::Laid {
            on, rustc_choice, ..
        } => match on.first().map(|o| &o.result) {
            Some(Ok(laid)) => Ok((&laid.layout, *rustc_choice)),
            Some(Err(e)) => Err(format!("the source scan has no layout on the host: {e}")),
            None => Err("the source scan has no layout on the host".to_owned()),
        },
    }
}

/// The field name the DWARF uses for a scanned field (`0` is `__0`).
fn dwarf_field(name: &str) -> String {
    if name.bytes().all(|b| b.is_ascii_digit()) {
        format!("__{name}")
    } else {
        name.to_owned()
    }
}

/// Every number on which the compiled layout and the engine's host prediction disagree. For a
/// type whose order is rustc's (`rustc_order`), offsets are rustc's to choose: only the
/// alignment, the fields and their sizes are compared, and the compiled size must not be below
/// the smallest size any order reaches.
pub fn compare(
    compiled: &TypeLayout,
    predicted: &StructLayout<'_>,
    rustc_order: bool,
) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let mut differ = |what: String, c: Option<u64>, p: Option<u64>| {
        if c != p {
            out.push(Mismatch {
                what,
                compiled: c,
                predicted: p,
            });
        }
    };
    if rustc_order {
        let min = predicted.min_size();
        if compiled.size < min {
            differ(
                "size (below the minimum)".into(),
                Some(compiled.size),
                Some(min),
            );
        }
    } else {
        differ("size".into(), Some(compiled.size), Some(predicted.size()));
    }
    if let Some(align) = compiled.align {
        differ("align".into(), Some(align), Some(predicted.align()));
    }
    for (field, laid) in predicted.def.fields.iter().zip(&predicted.fields) {
        let name = dwarf_field(field.name);
        let Some(c) = compiled.fields.iter().find(|f| f.name == name) else {
            differ(format!("field `{}`", field.name), None, Some(laid.size));
            continue;
        };
        differ(
            format!("field `{}` size", field.name),
            Some(c.size),
            Some(laid.size),
        );
        if !rustc_order {
            differ(
                format!("field `{}` offset", field.name),
                Some(c.offset),
                Some(laid.offset),
            );
        }
    }
    for c in &compiled.fields {
        if !predicted
            .def
            .fields
            .iter()
            .any(|f| dwarf_field(f.name) == c.name)
        {
            differ(
                format!("field `{}`", c.name.trim_start_matches("__")),
                Some(c.size),
                None,
            );
        }
    }
    out
}

/// The smallest size any order of a compiled struct's fields reaches, from the fields' sizes
/// and alignments and the type's alignment (an `align(N)` above every field's is kept, a
/// `packed` cap too). `None` for enums, unions, tuples of nothing, and fields without an
/// alignment in the debug information.
pub fn min_size(t: &TypeLayout) -> Option<u64> {
    if !matches!(t.kind, TypeKind::Struct | TypeKind::Tuple) || t.fields.is_empty() {
        return None;
    }
    let fields: Vec<Field<'_>> = t
        .fields
        .iter()
        .map(|f| {
            Some(Field::new(
                &f.name,
                &f.type_name,
                Ty::Fixed {
                    name: &f.type_name,
                    size: f.size,
                    align: f.align?,
                },
            ))
        })
        .collect::<Option<_>>()?;
    let max_field_align = fields
        .iter()
        .filter_map(|f| match f.ty {
            Ty::Fixed { align, .. } => Some(align),
            _ => None,
        })
        .max()
        .unwrap_or(1);
    let align = t.align?;
    let repr = Repr {
        base: ReprBase::C,
        packed: (align < max_field_align).then_some(align),
        align: (align > max_field_align).then_some(align),
    };
    let def = StructDef::repr_c(&t.name, &fields).with_repr(repr);
    let host = Target::CURRENT?;
    let layout = def.layout_on(host).ok()?;
    debug_assert_eq!(def.shape, Shape::Struct);
    Some(layout.min_size().min(t.size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout_dwarf::FieldLayout;
    use layout_engine::Prim;

    fn field(name: &str, ty: &str, offset: u64, size: u64) -> FieldLayout {
        FieldLayout {
            name: name.into(),
            type_name: ty.into(),
            offset,
            size,
            align: Some(size),
        }
    }

    /// `#[repr(C)] struct T1 { a: i8, b: i64, c: i16 }` as rustc compiles it on x86_64.
    fn t1_compiled() -> TypeLayout {
        TypeLayout {
            name: "x::T1".into(),
            crate_name: Some("x".into()),
            kind: TypeKind::Struct,
            size: 24,
            align: Some(8),
            fields: vec![
                field("a", "i8", 0, 1),
                field("b", "i64", 8, 8),
                field("c", "i16", 16, 2),
            ],
            holes: Vec::new(),
            tail_padding: 6,
            enum_layout: None,
        }
    }

    static T1_FIELDS: [Field<'static>; 3] = [
        Field::new("a", "i8", Ty::Prim(Prim::I8)),
        Field::new("b", "i64", Ty::Prim(Prim::I64)),
        Field::new("c", "i16", Ty::Prim(Prim::I16)),
    ];
    static T1: StructDef<'static> = StructDef::repr_c("T1", &T1_FIELDS);

    fn x86_64() -> &'static Target {
        Target::find("x86_64-unknown-linux-gnu").unwrap()
    }

    #[test]
    fn a_right_prediction_has_no_mismatch() {
        let predicted = T1.layout_on(x86_64()).unwrap();
        assert_eq!(compare(&t1_compiled(), &predicted, false), []);
        assert_eq!(compare(&t1_compiled(), &predicted, true), []);
    }

    #[test]
    fn a_wrong_prediction_is_every_number_that_differs() {
        // The i686 layout, as if the engine had taken x86_64 for a 32-bit target.
        let wrong = T1.layout_on(Target::find("32").unwrap()).unwrap();
        let m = compare(&t1_compiled(), &wrong, false);
        let what: Vec<(&str, Option<u64>, Option<u64>)> = m
            .iter()
            .map(|m| (m.what.as_str(), m.compiled, m.predicted))
            .collect();
        assert_eq!(
            what,
            [
                ("size", Some(24), Some(16)),
                ("align", Some(8), Some(4)),
                ("field `b` offset", Some(8), Some(4)),
                ("field `c` offset", Some(16), Some(12)),
            ]
        );
    }

    #[test]
    fn missing_and_extra_fields_and_sizes_are_mismatches() {
        static FIELDS: [Field<'static>; 3] = [
            Field::new("a", "i8", Ty::Prim(Prim::I8)),
            Field::new("b", "i32", Ty::Prim(Prim::I32)),
            Field::new("d", "i16", Ty::Prim(Prim::I16)),
        ];
        static DEF: StructDef<'static> = StructDef::repr_c("T1", &FIELDS);
        let predicted = DEF.layout_on(x86_64()).unwrap();
        let m = compare(&t1_compiled(), &predicted, true);
        let what: Vec<&str> = m.iter().map(|m| m.what.as_str()).collect();
        assert_eq!(
            what,
            ["align", "field `b` size", "field `d`", "field `c`"],
            "{m:?}"
        );
        // repr(Rust): a compiled size below any order's minimum is impossible.
        let mut small = t1_compiled();
        small.size = 8;
        let m = compare(&small, &T1.layout_on(x86_64()).unwrap(), true);
        assert_eq!(m[0].what, "size (below the minimum)");
    }

    #[test]
    fn tuple_fields_are_named_as_the_dwarf_names_them() {
        assert_eq!(dwarf_field("0"), "__0");
        assert_eq!(dwarf_field("len"), "len");
        assert_eq!(dwarf_name("crate::f::{body}::S", "x"), "x::f::S");
        assert_eq!(dwarf_name("crate::net::H", "my_crate"), "my_crate::net::H");
        assert_eq!(base_name("x::Pair<u8, u32>"), "x::Pair");
    }

    #[test]
    fn minimum_size_of_compiled_fields() {
        assert_eq!(min_size(&t1_compiled()), Some(16));
        let mut aligned = t1_compiled();
        aligned.align = Some(32);
        aligned.size = 32;
        assert_eq!(min_size(&aligned), Some(32));
        let mut packed = t1_compiled();
        packed.align = Some(1);
        packed.size = 11;
        packed.fields[1].offset = 1;
        packed.fields[2].offset = 9;
        assert_eq!(min_size(&packed), Some(11));
    }
}

//! `cargo layout`: scans a crate's structs and enums without annotating it, reports their layout
//! on any rustc target (the same engine as `#[derive(Layout)]`), and rewrites field orders in
//! place. See `README.md` for usage, markers, the JSON schema and exit codes.
//!
//! The pipeline: [`cli`] → [`discover`] (crates or files) → [`tree`] (modules and items, by
//! following `mod`) → [`resolve`] (engine models, through the shared `layout_syntax` classifier) →
//! [`scan`]/[`analyze`] (structs: layouts, orders, differences) and [`enums`] → [`text`] or
//! [`json`] → [`fix`].

/// See the dependency's comment in `Cargo.toml`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod analyze;
mod baseline;
mod cfg;
mod cli;
mod compiled;
mod compiled_report;
mod diff;
mod discover;
mod enums;
mod fix;
mod json;
mod markers;
mod names;
mod parse;
mod refusal;
mod replace;
mod resolve;
mod sarif;
mod scan;
mod segment;
mod source;
mod text;
mod tree;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use cli::{Command, FixMode, Format, Options};
use source::{Diag, Level, Sources};

/// Exit status: every reported struct is fine (or no `--deny-waste`).
const OK: u8 = 0;
/// Exit status: `--deny-waste` and some reported struct can shrink.
const WASTE: u8 = 1;
/// Exit status: a usage, I/O or syntax error (the rest of the scan still ran).
const TROUBLE: u8 = 2;

/// The stack of the thread that scans: deeply nested valid code (hundreds of nested modules,
/// type alias chains thousands long: rustc accepts 700 and 10,000) recurses in the parser and
/// the resolver. Reserved address space, not memory: pages are used only as deep as it goes.
const STACK_SIZES: [usize; 3] = [1 << 29, 1 << 26, 1 << 23];

fn main() -> ExitCode {
    // The largest stack the address-space limit allows (`ulimit -v`).
    for size in STACK_SIZES {
        if let Ok(worker) = std::thread::Builder::new()
            .name("scan".into())
            .stack_size(size)
            .spawn(main_on_this_thread)
        {
            return worker.join().unwrap_or(ExitCode::from(TROUBLE));
        }
    }
    main_on_this_thread()
}

fn main_on_this_thread() -> ExitCode {
    let command = match cli::parse(std::env::args_os().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {}", e.0);
            eprintln!("(run `cargo layout --help` for usage)");
            return ExitCode::from(TROUBLE);
        }
    };
    match command {
        Command::Help => {
            print!("{}", cli::USAGE);
            ExitCode::from(OK)
        }
        Command::Version => {
            println!("cargo-layout {}", env!("CARGO_PKG_VERSION"));
            ExitCode::from(OK)
        }
        Command::Run(opts) if opts.compiled.enabled => ExitCode::from(compiled::run(&opts)),
        Command::Run(opts) => ExitCode::from(run(&opts)),
    }
}

/// Runs a scan and returns the exit status.
fn run(opts: &Options) -> u8 {
    let selection = discover::Selection {
        packages: &opts.packages,
        workspace: opts.workspace,
    };
    let roots = match discover::discover(&opts.paths, &selection) {
        Ok(r) => r,
        Err(d) => {
            eprintln!("{d}");
            return TROUBLE;
        }
    };
    let filter = scan::Filter {
        all: opts.all,
        only_marked: opts.only_marked,
        names: opts.names.clone(),
        min_saving: opts.min_saving,
        allow_reorder: opts.allow_reorder.clone(),
    };
    let (sources, tree) = load(&roots, HashMap::new());
    let mut diags: Vec<Diag> = tree.diags.clone();
    let stdout = std::io::stdout();
    let mut failed_write = false;
    // The JSON and text reports without `--fix`/`--diff` are streamed: each report written and
    // dropped as soon as it is built, keeping only what the summary, the baseline and
    // `--deny-waste` need.
    let keep_wastes = opts.deny_waste || opts.baseline.is_some() || opts.write_baseline.is_some();
    if matches!(opts.format, Format::Json) && matches!(opts.fix, FixMode::Off) {
        let mut wastes: Vec<baseline::Waste> = Vec::new();
        let mut json = json::Writer::start(BufWriter::new(stdout.lock()), &opts.targets).ok();
        let scan_diags = scan::scan_each(&tree, &sources, &opts.targets, &filter, |r| {
            if let Some(w) = &mut json
                && w.write_struct(&r).is_err()
            {
                json = None;
            }
            if keep_wastes {
                wastes.extend(baseline::Waste::of(&r));
            }
        });
        diags.extend(scan_diags);
        let ratio = opts.max_variant_ratio;
        let enum_diags = enums::scan_each(&tree, &sources, &opts.targets, &filter, ratio, |e| {
            if let Some(w) = &mut json
                && w.write_enum(&e).is_err()
            {
                json = None;
            }
            if keep_wastes {
                wastes.extend(baseline::Waste::of_enum(&e));
            }
        });
        diags.extend(enum_diags);
        diags.sort();
        diags.dedup();
        let diags = merge_repeated_notes(diags);
        failed_write |= json.is_none_or(|w| w.finish(&diags).is_err());
        return finish(opts, &diags, failed_write, None, &wastes);
    }
    if matches!(opts.format, Format::Text) && matches!(opts.fix, FixMode::Off) {
        let mut wastes: Vec<baseline::Waste> = Vec::new();
        let ratio = opts.max_variant_ratio;
        let mut text = text::Writer::new(BufWriter::new(stdout.lock()), &opts.targets, ratio);
        diags.extend(scan::scan_each(
            &tree,
            &sources,
            &opts.targets,
            &filter,
            |r| {
                text.write_struct(&r);
                if keep_wastes {
                    wastes.extend(baseline::Waste::of(&r));
                }
            },
        ));
        diags.extend(enums::scan_each(
            &tree,
            &sources,
            &opts.targets,
            &filter,
            ratio,
            |e| {
                text.write_enum(&e);
                if keep_wastes {
                    wastes.extend(baseline::Waste::of_enum(&e));
                }
            },
        ));
        failed_write |= text.finish().is_err();
        diags.sort();
        diags.dedup();
        let diags = merge_repeated_notes(diags);
        return finish(opts, &diags, failed_write, None, &wastes);
    }
    let (reports, scan_diags) = scan::scan(&tree, &sources, &opts.targets, &filter);
    diags.extend(scan_diags);
    let mut enum_reports = Vec::new();
    diags.extend(enums::scan_each(
        &tree,
        &sources,
        &opts.targets,
        &filter,
        opts.max_variant_ratio,
        |e| enum_reports.push(e),
    ));
    let fix = match opts.fix {
        FixMode::Off => None,
        _ => Some(fix_rounds(
            &roots,
            &filter,
            opts,
            (&tree, &sources),
            (&reports, &enum_reports),
        )),
    };
    if let Some(f) = &fix {
        diags.extend(f.diags.iter().cloned());
    }
    diags.sort();
    diags.dedup();
    let diags = merge_repeated_notes(diags);

    let mut out = stdout.lock();
    match (opts.fix, &fix) {
        (FixMode::Diff, Some(f)) => {
            for file in &f.files {
                let d = diff::unified(&source::display_path(&file.path), &file.scanned, &file.text);
                failed_write |= out.write_all(d.as_bytes()).is_err();
            }
        }
        _ => {
            let report = match opts.format {
                Format::Text => text::render(
                    &reports,
                    &enum_reports,
                    &opts.targets,
                    opts.max_variant_ratio,
                ),
                Format::Json => json::render(&reports, &enum_reports, &opts.targets, &diags),
                Format::Sarif => sarif::render(&reports, &enum_reports),
            };
            failed_write |= out.write_all(report.as_bytes()).is_err();
        }
    }
    let _ = out.flush();
    drop(out);
    let mut wastes: Vec<baseline::Waste> = reports.iter().filter_map(baseline::Waste::of).collect();
    wastes.extend(enum_reports.iter().filter_map(baseline::Waste::of_enum));
    finish(opts, &diags, failed_write, fix.as_ref(), &wastes)
}

/// Prints the diagnostics, writes the fixed files, the baseline, and returns the exit status.
fn finish(
    opts: &Options,
    diags: &[Diag],
    failed_write: bool,
    fix: Option<&Rewrite>,
    wastes: &[baseline::Waste],
) -> u8 {
    let mut errors = diags.iter().any(|d| d.level == Level::Error);
    for d in diags {
        eprintln!("{d}");
    }
    let mut fixed: Vec<&str> = Vec::new();
    if let (FixMode::Write, Some(f)) = (opts.fix, fix) {
        pause_before_writing();
        // Real paths written, with their text: one file reached by two paths is written once.
        let mut written: Vec<(PathBuf, &str)> = Vec::new();
        for file in &f.files {
            let shown = source::display_path(&file.path);
            let real = file
                .path
                .canonicalize()
                .unwrap_or_else(|_| file.path.clone());
            let result = match written.iter().find(|(p, _)| *p == real) {
                Some((_, text)) if *text == file.text => Ok(()),
                Some(_) => Err(
                    "not rewritten: the same file, reached by another path, gets a \
                                different fix"
                        .to_owned(),
                ),
                None => replace::replace(&file.path, &file.scanned, &file.text)
                    .map(|_| written.push((real, &file.text)))
                    .map_err(|e| e.to_string()),
            };
            match result {
                Ok(()) => {
                    for line in &file.fixed {
                        eprintln!("fixed: {line}");
                    }
                    fixed.extend(file.fixed_paths.iter().map(String::as_str));
                }
                Err(e) => {
                    eprintln!("{}", Diag::error(shown, 0, e));
                    errors = true;
                }
            }
        }
    }
    if failed_write || errors {
        return TROUBLE;
    }
    let unfixed: Vec<&baseline::Waste> = wastes
        .iter()
        .filter(|w| !fixed.contains(&w.path.as_str()))
        .collect();
    if let Some(path) = &opts.write_baseline
        && let Err(e) = baseline::write(path, wastes)
    {
        eprintln!("{}", Diag::error(source::display_path(path), 0, e));
        return TROUBLE;
    }
    let waste = match &opts.baseline {
        None => !unfixed.is_empty(),
        Some(path) => match baseline::read(path) {
            Ok(b) => {
                let grown = baseline::grown(&unfixed, &b);
                for g in &grown {
                    eprintln!("waste: {g}");
                }
                !grown.is_empty()
            }
            Err(e) => {
                eprintln!("{}", Diag::error(source::display_path(path), 0, e));
                return TROUBLE;
            }
        },
    };
    if opts.deny_waste && waste {
        return WASTE;
    }
    OK
}

/// Set in the tests of a file edited during a run: `--fix` stops after planning, before it
/// writes anything, says so on stderr and waits for a line on stdin.
const PAUSE_BEFORE_WRITING: &str = "__CARGO_LAYOUT_TEST_PAUSE_BEFORE_WRITING";

fn pause_before_writing() {
    if std::env::var_os(PAUSE_BEFORE_WRITING).is_some() {
        eprintln!("paused before writing");
        let _ = std::io::stdin().read_line(&mut String::new());
    }
}

/// Reads and parses the crates, with `overlay` replacing files on disk.
pub(crate) fn load(
    roots: &[discover::CrateRoot],
    overlay: HashMap<PathBuf, String>,
) -> (Sources, tree::Tree) {
    let mut sources = Sources::with_overlay(overlay);
    let mut tree = tree::Tree::default();
    let files: Vec<PathBuf> = roots
        .iter()
        .filter(|r| !r.follow_mods)
        .map(|r| r.root.clone())
        .collect();
    if !files.is_empty() {
        tree.load_files(&mut sources, &files);
    }
    for root in roots.iter().filter(|r| r.follow_mods) {
        tree.load_crate(
            &mut sources,
            &root.root,
            root.name.clone(),
            root.ffi.clone(),
            tree::Follow::Modules,
        );
    }
    (sources, tree)
}

/// What `--fix`/`--diff` will write.
struct Rewrite {
    /// The changed files, by path.
    files: Vec<FileRewrite>,
    /// Notes and errors.
    diags: Vec<Diag>,
}

/// One changed file.
struct FileRewrite {
    /// The file as scanned.
    path: PathBuf,
    /// Its text when it was scanned: it is rewritten only if it still holds exactly this.
    scanned: String,
    /// Its final text.
    text: String,
    /// One line per fixed struct.
    fixed: Vec<String>,
    /// Paths (`crate::T1`) of the fixed structs.
    fixed_paths: Vec<String>,
}

/// Plans the rewrite in rounds until nothing changes: shrinking a struct can change the best
/// order of a struct that nests it, and the result must be what a second run would leave as
/// it is. Nothing is written here, and nothing is read from disk after the first scan: every
/// round works on the texts first read (or already rewritten).
///
/// The rounds end: a rewrite makes its struct smaller on some target and bigger on none, and
/// makes no struct that nests it bigger (same alignment, fewer bytes), so the sum of every
/// reported size on every target shrinks each round. Should a round ever fail to shrink it,
/// the planning stops there with an error naming the structs of that round.
fn fix_rounds(
    roots: &[discover::CrateRoot],
    filter: &scan::Filter,
    opts: &Options,
    (tree, sources): (&tree::Tree, &Sources),
    (reports, enum_reports): (&[scan::StructReport], &[enums::EnumReport]),
) -> Rewrite {
    let scanned: HashMap<PathBuf, String> = sources
        .files()
        .map(|f| (f.path.clone(), f.text.to_string()))
        .collect();
    let mut overlay = scanned.clone();
    let mut files: BTreeMap<PathBuf, FileRewrite> = BTreeMap::new();
    let mut diags = Vec::new();
    let mut plan = fix::plan(tree, sources, reports, enum_reports);
    let mut total = total_size(reports, enum_reports);
    let mut rounds = 0;
    loop {
        diags.extend(plan.diags.iter().cloned());
        if plan.files.is_empty() {
            break;
        }
        rounds += 1;
        let mut this_round: Vec<String> = Vec::new();
        for planned in plan.files {
            overlay.insert(planned.path.clone(), planned.text.clone());
            this_round.extend(planned.fixed_paths.iter().cloned());
            let file = files
                .entry(planned.path.clone())
                .or_insert_with(|| FileRewrite {
                    scanned: scanned.get(&planned.path).cloned().unwrap_or_default(),
                    path: planned.path,
                    text: String::new(),
                    fixed: Vec::new(),
                    fixed_paths: Vec::new(),
                });
            file.text = planned.text;
            file.fixed.extend(planned.fixed);
            file.fixed_paths.extend(planned.fixed_paths);
        }
        let (sources, tree) = load(roots, overlay.clone());
        let (reports, _) = scan::scan(&tree, &sources, &opts.targets, filter);
        let mut enum_reports = Vec::new();
        enums::scan_each(
            &tree,
            &sources,
            &opts.targets,
            filter,
            opts.max_variant_ratio,
            |e| enum_reports.push(e),
        );
        let after = total_size(&reports, &enum_reports);
        if after >= total {
            diags.push(Diag::error(
                ".",
                0,
                format!(
                    "--fix stopped after {rounds} rounds of nested fixes: round {rounds} \
                     ({}) made nothing smaller; nothing more is planned",
                    this_round.join(", ")
                ),
            ));
            break;
        }
        total = after;
        plan = fix::plan(&tree, &sources, &reports, &enum_reports);
    }
    for file in files.values_mut() {
        file.fixed_paths.sort();
        file.fixed_paths.dedup();
    }
    Rewrite {
        files: files.into_values().collect(),
        diags,
    }
}

/// The sum of every laid-out size of every report on every target: what each round of
/// `--fix` makes smaller.
fn total_size(reports: &[scan::StructReport], enum_reports: &[enums::EnumReport]) -> u128 {
    let enums: u128 = enum_reports
        .iter()
        .filter_map(|r| match &r.status {
            enums::EnumStatus::Laid { on, .. } => Some(on),
            _ => None,
        })
        .flatten()
        .filter_map(|o| o.result.as_ref().ok())
        .map(|l| u128::from(l.size()))
        .sum();
    enums
        + reports
            .iter()
            .filter_map(|r| match &r.status {
                scan::Status::Laid { on, .. } => Some(on),
                scan::Status::Blocked(_) => None,
            })
            .flatten()
            .filter_map(|o| o.result.as_ref().ok())
            .map(|l| u128::from(l.layout.size()))
            .sum::<u128>()
}

/// One note per file and message: the same note on many lines of a file (a macro invoked
/// a hundred times) becomes one, listing where else it applies.
fn merge_repeated_notes(diags: Vec<Diag>) -> Vec<Diag> {
    /// Lines listed before the rest are counted.
    const LISTED: usize = 5;
    let mut out: Vec<Diag> = Vec::new();
    let mut more: Vec<Vec<usize>> = Vec::new();
    for d in diags {
        let same = out.iter().position(|o| {
            o.level == Level::Note
                && d.level == Level::Note
                && o.file == d.file
                && o.message == d.message
        });
        match same {
            Some(i) => more[i].push(d.line),
            None => {
                out.push(d);
                more.push(Vec::new());
            }
        }
    }
    for (d, lines) in out.iter_mut().zip(more) {
        if lines.is_empty() {
            continue;
        }
        let shown: Vec<String> = lines.iter().take(LISTED).map(ToString::to_string).collect();
        let rest = lines.len().saturating_sub(LISTED);
        d.message = format!(
            "{} (also lines {}{})",
            d.message,
            shown.join(", "),
            if rest > 0 {
                format!(" and {rest} more")
            } else {
                String::new()
            }
        );
    }
    out
}

//! `cargo layout`: scans a crate's structs without annotating it, reports their layout on any
//! rustc target (the same engine as `#[derive(Layout)]`), and rewrites field orders in place.
//! See `README.md` for usage, markers, the JSON schema and exit codes.
//!
//! The pipeline: [`cli`] → [`discover`] (crates or files) → [`tree`] (modules and items, by
//! following `mod`) → [`resolve`] (engine models, through the shared [`syntax`] classifier) →
//! [`scan`]/[`analyze`] (layouts, orders, differences) → [`text`] or [`json`] → [`fix`].

mod analyze;
mod cli;
mod diff;
mod discover;
mod fix;
mod json;
mod markers;
mod resolve;
mod scan;
mod segment;
mod source;
mod text;
mod tree;

/// The engine, under the name the shared `syntax` sources use for it.
mod engine {
    pub use layout_core::engine::*;
}

/// Rust syntax → engine model, shared with the derive through the symlink `src/syntax`
/// (formatted with the derive's sources, not here).
#[allow(dead_code)]
#[rustfmt::skip]
mod syntax;

use std::io::Write;
use std::process::ExitCode;

use cli::{Command, FixMode, Format, Options};
use source::{Diag, Level, Sources};

/// Exit status: every reported struct is fine (or no `--deny-waste`).
const OK: u8 = 0;
/// Exit status: `--deny-waste` and some reported struct can shrink.
const WASTE: u8 = 1;
/// Exit status: a usage, I/O or syntax error (the rest of the scan still ran).
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
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
    let mut sources = Sources::default();
    let mut tree = tree::Tree::default();
    // The files given on the command line form one crate, each file a module of it.
    for root in &roots {
        let follow = if root.follow_mods {
            tree::Follow::Modules
        } else {
            tree::Follow::FileOnly
        };
        tree.load_crate(&mut sources, &root.root, root.name.clone(), follow);
    }
    let filter = scan::Filter {
        all: opts.all,
        only_marked: opts.only_marked,
        names: opts.names.clone(),
        min_saving: opts.min_saving,
    };
    let reports = scan::scan(&tree, &sources, &opts.targets, &filter);
    let mut diags: Vec<Diag> = tree.diags.clone();

    let fix = match opts.fix {
        FixMode::Off => None,
        _ => Some(fix::plan(&tree, &sources, &reports)),
    };
    if let Some(f) = &fix {
        diags.extend(f.diags.iter().cloned());
    }
    diags.sort();
    diags.dedup();

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed_write = false;
    match opts.fix {
        FixMode::Diff => {
            let f = fix.as_ref().expect("planned above");
            for (file_id, new) in &f.files {
                let file = sources.get(*file_id);
                let d = diff::unified(&file.display, &file.text, new);
                failed_write |= out.write_all(d.as_bytes()).is_err();
            }
        }
        _ => {
            let report = match opts.format {
                Format::Text => text::render(&reports, &opts.targets),
                Format::Json => json::render(&reports, &opts.targets, &diags),
            };
            failed_write |= out.write_all(report.as_bytes()).is_err();
        }
    }
    let _ = out.flush();
    let mut errors = diags.iter().any(|d| d.level == Level::Error);
    for d in &diags {
        eprintln!("{d}");
    }
    let mut fixed_items = Vec::new();
    if let (FixMode::Write, Some(f)) = (opts.fix, &fix) {
        for (file_id, new) in &f.files {
            let file = sources.get(*file_id);
            if let Err(e) = fix::write_atomic(&file.path, new) {
                eprintln!(
                    "{}",
                    Diag::error(&file.display, 0, format!("cannot write: {e}"))
                );
                errors = true;
            }
        }
        for line in &f.fixed {
            eprintln!("fixed: {line}");
        }
        fixed_items = f.fixed_items.clone();
    }
    if failed_write || errors {
        return TROUBLE;
    }
    let waste = reports
        .iter()
        .any(|r| r.can_shrink() && !fixed_items.contains(&r.item));
    if opts.deny_waste && waste {
        return WASTE;
    }
    OK
}

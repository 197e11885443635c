//! Builds a package with debug information and prints its compiled type layouts.
//!
//! ```sh
//! cargo run -p layout-dwarf --example compiled -- [--release] [--deps] [--json] \
//!     [--manifest-path PATH] [-p PACKAGE] [TYPE_PATH ...]
//! ```
//!
//! TYPE_PATHs (`my_crate::Type`, `crate::module::Type<u8>`) are made to appear through a shim
//! when no code of the crate uses them.

use layout_dwarf::{BuildOptions, Profile, compiled_layouts_with, render};

fn main() {
    let mut options = BuildOptions::default();
    let mut json = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--release" => options.profile = Profile::Release,
            "--deps" => options.dependencies = true,
            "--json" => json = true,
            "--lib" => options.lib_only = true,
            "--manifest-path" => options.manifest_path = args.next().map(Into::into),
            "-p" | "--package" => options.package = args.next(),
            "--features" => options.features.extend(args.next()),
            _ => paths.push(arg),
        }
    }
    let report = match compiled_layouts_with(&options, &paths) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("serializable")
        );
        return;
    }
    for t in &report.types {
        println!("{}", render::table(t));
    }
    for u in &report.unreached {
        println!("unreached: {} ({:?}): {}", u.path, u.reason, u.message);
    }
    println!(
        "{} types from {} files",
        report.types.len(),
        report.artifacts.len()
    );
}

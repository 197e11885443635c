//! Command-line options, parsed with `lexopt`: it splits the arguments (`--flag=value`,
//! `-tvalue`, `--`, short options of any character) without a panic on any input, and leaves
//! every message to this module, so each usage error stays one line that names the flag
//! (clap has its own multi-line error format and help layout; the grammar is a dozen flags).

use std::ffi::OsString;
use std::path::PathBuf;

use layout_engine::Target;

use crate::refusal::Reason;

/// The help text, printed by `--help` and after a usage error.
pub const USAGE: &str = "\
cargo layout: report struct and enum padding on any rustc target, and fix the field order

Usage: cargo layout [OPTIONS] [PATH]...

PATH is a crate directory, a Cargo.toml, or .rs files (default: the crate of the current
directory; a virtual workspace means all its members).

Options:
  -t, --target <T>       target triple, 64, 32, 16 or all; repeatable, or comma-separated
                         (default: the host)
      --all              also report repr(Rust) structs and enums (their layout is
                         rustc's choice)
      --max-variant-ratio <N>
                         flag an enum whose largest variant takes more than N times
                         the bytes of the next largest (default 4)
      --min-saving <N>   only structs that some order makes at least N bytes smaller
      --name <PATTERN>   only structs whose name or path matches (`*` and `?` wildcards);
                         repeatable
      --only-marked      only structs marked `// cargo-layout: check`
  -p, --package <NAME>   in a workspace, only this package; repeatable
      --workspace        every member of the workspace
      --format <FMT>     text (default), json or sarif
      --deny-waste       exit with status 1 if any reported struct or enum can shrink
      --write-baseline <FILE>
                         record the waste found (struct path -> bytes per target)
      --baseline <FILE>  --deny-waste fails only on waste new or grown since FILE
      --fix              rewrite the reported structs (and enum variants) in the suggested
                         order, in place
      --allow-reorder <REASONS>
                         let --fix reorder structs whose field order means something:
                         cfg, ord, hash, bytes, serde, ffi or all; comma-separated,
                         repeatable (per struct: `// cargo-layout: allow-reorder(...)`)
      --diff             print what --fix would change as a unified diff; write nothing
      --compiled         build the crate for the host with debug information and report
                         the compiled layouts of its structs, unions, enums and tuples,
                         checked against the source scan (see README.md); with it:
                         --features <F>, --all-features,
                         --no-default-features, --release, --deps, --top <N>,
                         --sort <waste|size|name>
  -h, --help             print this help
  -V, --version          print the version

Exit status: 0 success, 1 --deny-waste found a struct that can shrink, 2 usage, I/O or
syntax errors, or a file --fix could not write or found changed since the scan (the scan
still covers every other file), or with --compiled a build that fails; 3 (--compiled) the
compiled layout of a type disagrees with the source scan's prediction (a bug of this tool).
";

/// Report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable tables.
    Text,
    /// The JSON document described in `README.md`.
    Json,
    /// SARIF 2.1.0, one result per struct that can shrink.
    Sarif,
}

/// What `--fix`/`--diff` should do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    /// Report only.
    Off,
    /// Rewrite the files.
    Write,
    /// Print a unified diff, write nothing.
    Diff,
}

/// Everything the command line asks for.
#[derive(Debug)]
pub struct Options {
    /// Paths given (crate dirs, manifests or `.rs` files); empty means the current directory.
    pub paths: Vec<PathBuf>,
    /// Targets, in the order given, without duplicates.
    pub targets: Vec<&'static Target>,
    /// `--all`: include `repr(Rust)` structs.
    pub all: bool,
    /// `--min-saving`.
    pub min_saving: u64,
    /// `--max-variant-ratio`.
    pub max_variant_ratio: u64,
    /// `--name` patterns.
    pub names: Vec<String>,
    /// `--only-marked`.
    pub only_marked: bool,
    /// `--package`.
    pub packages: Vec<String>,
    /// `--workspace`.
    pub workspace: bool,
    /// `--format`.
    pub format: Format,
    /// `--deny-waste`.
    pub deny_waste: bool,
    /// `--fix` / `--diff`.
    pub fix: FixMode,
    /// `--allow-reorder`: the refusals `--fix` overrides.
    pub allow_reorder: Vec<Reason>,
    /// `--compiled` and the flags that only it takes.
    pub compiled: crate::compiled::Flags,
    /// `--write-baseline`.
    pub write_baseline: Option<PathBuf>,
    /// `--baseline`.
    pub baseline: Option<PathBuf>,
}

/// What the command line asked for: a run, or one of the informational flags.
#[derive(Debug)]
pub enum Command {
    /// Scan and report.
    Run(Box<Options>),
    /// `--help`.
    Help,
    /// `--version`.
    Version,
}

/// A usage error: one line, without the help text.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Parses the arguments after the program name. When run as `cargo layout`, cargo passes
/// `layout` first; it is skipped.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    if args.first().is_some_and(|a| a == "layout") {
        args.remove(0);
    }
    let mut target_names: Vec<String> = Vec::new();
    let mut opts = Options {
        paths: Vec::new(),
        targets: Vec::new(),
        all: false,
        min_saving: 0,
        max_variant_ratio: crate::enums::DEFAULT_VARIANT_RATIO,
        names: Vec::new(),
        only_marked: false,
        packages: Vec::new(),
        workspace: false,
        format: Format::Text,
        deny_waste: false,
        fix: FixMode::Off,
        allow_reorder: Vec::new(),
        compiled: crate::compiled::Flags::default(),
        write_baseline: None,
        baseline: None,
    };
    let (mut fix, mut diff) = (false, false);
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(usage)? {
        use lexopt::Arg::{Long, Short, Value};
        match arg {
            Value(path) => opts.paths.push(PathBuf::from(path)),
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Short('t') | Long("target") => target_names.push(value(&mut parser, "--target")?),
            Long("all") => opts.all = true,
            Long("min-saving") => {
                let v = value(&mut parser, "--min-saving")?;
                opts.min_saving = v.parse().map_err(|_| {
                    UsageError(format!("--min-saving expects a number of bytes, not `{v}`"))
                })?;
            }
            Long("max-variant-ratio") => {
                let v = value(&mut parser, "--max-variant-ratio")?;
                opts.max_variant_ratio = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    UsageError(format!(
                        "--max-variant-ratio expects a whole number of at least 1, not `{v}`"
                    ))
                })?;
            }
            Long("name") => opts.names.push(value(&mut parser, "--name")?),
            Long("only-marked") => opts.only_marked = true,
            Short('p') | Long("package") => opts.packages.push(value(&mut parser, "--package")?),
            Long("workspace") => opts.workspace = true,
            Long("format") => {
                opts.format = match value(&mut parser, "--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    other => {
                        return Err(UsageError(format!(
                            "unknown format `{other}` (expected `text`, `json` or `sarif`)"
                        )));
                    }
                }
            }
            Long("deny-waste") => opts.deny_waste = true,
            Long("write-baseline") => {
                opts.write_baseline = Some(value(&mut parser, "--write-baseline")?.into());
            }
            Long("baseline") => opts.baseline = Some(value(&mut parser, "--baseline")?.into()),
            Long("fix") => fix = true,
            Long("diff") => diff = true,
            Long("allow-reorder") => {
                let v = value(&mut parser, "--allow-reorder")?;
                let reasons = Reason::parse_list(v.split(',').map(str::trim)).map_err(|bad| {
                    UsageError(format!(
                        "--allow-reorder: unknown reason `{}` (expected cfg, ord, hash, bytes, \
                         serde, ffi or all)",
                        bad.join("`, `")
                    ))
                })?;
                opts.allow_reorder.extend(reasons);
                opts.allow_reorder.sort();
                opts.allow_reorder.dedup();
            }
            Long(flag) if crate::compiled::FLAGS.contains(&flag) => {
                let flag = flag.to_owned();
                crate::compiled::parse_flag(&mut opts.compiled, &flag, &mut parser)?;
            }
            other => return Err(usage(other.unexpected())),
        }
    }
    opts.fix = match (fix, diff) {
        (false, false) => FixMode::Off,
        (true, false) => FixMode::Write,
        (_, true) => FixMode::Diff,
    };
    opts.targets = parse_targets(&target_names)?;
    crate::compiled::check_flags(&opts)?;
    Ok(Command::Run(Box::new(opts)))
}

/// The value of the option just read (`--name X`, `--name=X`, `-tX`), as UTF-8. `name` is the
/// option's long form, which the messages use whichever form was given.
pub(crate) fn value(parser: &mut lexopt::Parser, name: &str) -> Result<String, UsageError> {
    match parser.value() {
        Ok(v) => v
            .into_string()
            .map_err(|_| UsageError(format!("the value of {name} is not valid UTF-8"))),
        Err(lexopt::Error::MissingValue { .. }) => Err(UsageError(format!("{name} needs a value"))),
        Err(e) => Err(usage(e)),
    }
}

/// lexopt's errors in this tool's words.
fn usage(e: lexopt::Error) -> UsageError {
    UsageError(match e {
        lexopt::Error::UnexpectedOption(flag) => format!("unknown option `{flag}`"),
        lexopt::Error::UnexpectedValue { option, .. } => format!("{option} takes no value"),
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("{option} needs a value"),
        lexopt::Error::UnexpectedArgument(a) => {
            format!("unexpected argument `{}`", a.to_string_lossy())
        }
        other => other.to_string(),
    })
}

/// rustc's built-in targets that the engine has no table entry for (`rustc --print
/// target-list`: they fail inside this rustc build).
const XTENSA: &[&str] = &[
    "xtensa-esp32-espidf",
    "xtensa-esp32-none-elf",
    "xtensa-esp32s2-espidf",
    "xtensa-esp32s2-none-elf",
    "xtensa-esp32s3-espidf",
    "xtensa-esp32s3-none-elf",
];

/// Resolves the `--target` values; none means the host.
fn parse_targets(names: &[String]) -> Result<Vec<&'static Target>, UsageError> {
    if names.is_empty() {
        return Target::CURRENT.map(|t| vec![t]).ok_or_else(|| {
            UsageError(
                "this build's host is not a built-in rustc target: name one with --target".into(),
            )
        });
    }
    let mut targets: Vec<&'static Target> = Vec::new();
    for name in names {
        // With `all` first, the primary target is the host, not the first triple in order.
        if targets.is_empty()
            && name.split(',').next().map(str::trim) == Some("all")
            && let Some(host) = Target::CURRENT
        {
            targets.push(host);
        }
        if let Some(x) = name.split(',').map(str::trim).find(|t| XTENSA.contains(t)) {
            return Err(UsageError(format!(
                "`{x}` is a target rustc knows, but one the engine cannot model: the xtensa \
                 targets fail inside this rustc build, so there is no layout data for them \
                 (every other built-in target is modelled)"
            )));
        }
        match Target::parse_list(name) {
            Ok(list) => {
                for t in list {
                    if !targets.iter().any(|x| x.triple == t.triple) {
                        targets.push(t);
                    }
                }
            }
            Err(unknown) => {
                let msgs: Vec<String> = unknown.iter().map(ToString::to_string).collect();
                return Err(UsageError(msgs.join("; ")));
            }
        }
    }
    if targets.is_empty() {
        return Err(UsageError("--target needs at least one target name".into()));
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, UsageError> {
        match parse(args.iter().map(OsString::from))? {
            Command::Run(o) => Ok(*o),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn skips_the_subcommand_name_cargo_passes() {
        let o = run(&["layout", "--target", "32", "src/lib.rs"]).unwrap();
        assert_eq!(o.paths, [PathBuf::from("src/lib.rs")]);
        assert_eq!(o.targets[0].triple, "i686-unknown-linux-gnu");
    }

    #[test]
    fn targets_accumulate_without_duplicates() {
        let o = run(&["-t", "64,32", "--target=64", "-t16"]).unwrap();
        let t: Vec<&str> = o.targets.iter().map(|t| t.triple).collect();
        assert_eq!(
            t,
            [
                "x86_64-unknown-linux-gnu",
                "i686-unknown-linux-gnu",
                "msp430-none-elf"
            ]
        );
    }

    #[test]
    fn bad_values_are_one_line_errors() {
        assert!(run(&["--min-saving", "x"]).unwrap_err().0.contains("`x`"));
        assert!(run(&["--format", "yaml"]).unwrap_err().0.contains("yaml"));
        assert!(run(&["--bogus"]).unwrap_err().0.contains("--bogus"));
        assert!(run(&["--target"]).unwrap_err().0.contains("needs a value"));
        assert!(
            run(&["--fix=yes"])
                .unwrap_err()
                .0
                .contains("takes no value")
        );
        let e = run(&["-t", "x86_64-unknown-linux-gnux"]).unwrap_err().0;
        assert!(
            e.starts_with("unknown target `x86_64-unknown-linux-gnux`"),
            "{e}"
        );
        assert!(e.contains("`x86_64-unknown-linux-gnu`"), "{e}");
    }

    #[test]
    fn allow_reorder_takes_reason_lists() {
        let o = run(&["--allow-reorder", "ffi,cfg", "--allow-reorder=ord"]).unwrap();
        assert_eq!(o.allow_reorder, [Reason::Cfg, Reason::Ord, Reason::Ffi]);
        assert_eq!(
            run(&["--allow-reorder=all"]).unwrap().allow_reorder.len(),
            6
        );
        let e = run(&["--allow-reorder", "ffi,abi"]).unwrap_err().0;
        assert!(e.contains("unknown reason `abi`"), "{e}");
    }

    #[test]
    fn diff_wins_over_fix() {
        assert_eq!(run(&["--fix", "--diff"]).unwrap().fix, FixMode::Diff);
        assert_eq!(run(&["--fix"]).unwrap().fix, FixMode::Write);
    }

    /// Issue 11: `-é` sliced a multi-byte character and panicked.
    #[test]
    fn any_unknown_flag_is_an_error_not_a_panic() {
        for (arg, flag) in [
            ("-é", "-é"),
            ("-éx", "-é"),
            ("--é", "--é"),
            ("--é=1", "--é"),
            ("-💥", "-💥"),
            ("-x", "-x"),
            ("---", "---"),
        ] {
            let e = run(&[arg]).unwrap_err().0;
            assert_eq!(e, format!("unknown option `{flag}`"), "{arg}");
        }
        let e = run(&["--target=é"]).unwrap_err().0;
        assert!(e.starts_with("unknown target `é`"), "{e}");
    }

    #[test]
    fn values_in_every_form_and_paths_after_the_separator() {
        let o = run(&["-t64", "-p", "a", "--package=b", "--", "--fix", "-"]).unwrap();
        assert_eq!(o.targets[0].triple, "x86_64-unknown-linux-gnu");
        assert_eq!(o.packages, ["a", "b"]);
        assert_eq!(o.paths, [PathBuf::from("--fix"), PathBuf::from("-")]);
        assert_eq!(o.fix, FixMode::Off);
        assert_eq!(run(&["-p"]).unwrap_err().0, "--package needs a value");
        assert!(matches!(
            parse(["-h", "--bogus"].map(OsString::from)),
            Ok(Command::Help)
        ));
    }
}

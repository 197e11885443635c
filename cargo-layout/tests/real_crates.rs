//! The tool on real crates (issue 11): the sources of `libc`, `ash`, `goblin`, `nix`, `x86_64`
//! and `bytemuck` at pinned versions, fetched by cargo into one shared temporary project.
//!
//! Each scan must finish within a generous time budget without a panic, and every struct the
//! tool gives a layout on the host is checked against the compiler: a generated binary that
//! depends on the crates prints `type_name`, `size_of`, `align_of` and `offset_of!` of each
//! struct a public path reaches (the others are counted, not checked), and any number that
//! differs fails the test, naming the struct. Per crate it prints the time, the structs with a
//! layout, those verified exact and the unresolved ones grouped by reason.
//!
//! It needs crates.io (or the crates already in cargo's cache): without it, it fails and says
//! so. It takes a few minutes (the crates are compiled once, in debug).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cargo-layout");

/// The crates, their exact versions and the rest of their dependency line (default features,
/// except `x86_64`, whose defaults need a nightly compiler: `abi_x86_interrupt`, `step_trait`).
const CRATES: &[(&str, &str, &str)] = &[
    ("libc", "=0.2.191", ""),
    ("ash", "=0.38.0", ""),
    ("goblin", "=0.10.7", ""),
    ("nix", "=0.30.1", ""),
    (
        "x86_64",
        "=0.15.5",
        ", default-features = false, features = [\"instructions\"]",
    ),
    ("bytemuck", "=1.25.2", ""),
];

/// The time one scan may take (a debug build of the tool; libc takes about 20 s).
const SCAN_BUDGET: Duration = Duration::from_secs(600);

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.env_remove("CARGO_TARGET_DIR");
    c
}

/// The shared project: depends on every crate, and is the checker binary.
fn project() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real-crates");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let mut manifest = String::from(
        "[package]\nname = \"layout-checker\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[workspace]\n\n[dependencies]\n",
    );
    for (name, version, rest) in CRATES {
        writeln!(manifest, "{name} = {{ version = \"{version}\"{rest} }}").unwrap();
    }
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(dir.join("src/main.rs"), "fn main() {}\n").unwrap();
    let out = cargo()
        .arg("fetch")
        .current_dir(&dir)
        .output()
        .expect("run cargo fetch");
    assert!(
        out.status.success(),
        "cannot fetch the crates: the crates.io registry is unreachable (and they are not in \
         cargo's cache), or a pinned version is gone. `cargo fetch` said:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// Each crate's library root file, from `cargo metadata`.
fn lib_roots(dir: &Path) -> BTreeMap<String, PathBuf> {
    let out = cargo()
        .args(["metadata", "--format-version", "1"])
        .current_dir(dir)
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut roots = BTreeMap::new();
    for p in doc["packages"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        if !CRATES.iter().any(|(n, _, _)| *n == name) {
            continue;
        }
        let lib = p["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["kind"].as_array().unwrap().iter().any(|k| k == "lib"))
            .unwrap_or_else(|| panic!("{name} has no library target"));
        roots.insert(
            name.to_owned(),
            PathBuf::from(lib["src_path"].as_str().unwrap()),
        );
    }
    roots
}

/// Runs the tool on a crate root with the time budget; its JSON and how long it took.
fn scan(name: &str, root: &Path) -> (Value, Duration) {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(["--all", "--format", "json"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cargo-layout");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap());
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > SCAN_BUDGET {
            let _ = child.kill();
            panic!("{name}: the scan took more than {SCAN_BUDGET:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    assert!(
        !err.contains("panicked") && matches!(status.code(), Some(0..=2)),
        "{name}: the scan failed ({status}):\n{err}"
    );
    let doc = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("{name}: the JSON does not parse: {e}\n{err}"));
    (doc, elapsed)
}

fn reason_kind(reason: &str) -> &'static str {
    let r = reason;
    if r.contains("a type of another crate") || r.contains("a type from another crate") {
        "a type of another crate"
    } else if r.contains("glob imports") {
        "a name only globs of other crates bring"
    } else if r.contains("a macro may define it") {
        "a name not declared in the scanned code (a macro may define it)"
    } else if r.contains("type parameter") || r.contains("const parameter") {
        "generic: depends on the instantiation"
    } else if r.contains("repr(Rust)") || r.contains("as it chooses") {
        "a repr(Rust) field type (rustc's choice)"
    } else if r.contains(" enum ") || r.contains("an enum") {
        "an enum field (not modelled)"
    } else if r.contains("times in") || r.contains("ambiguous") {
        "ambiguous (several definitions or globs)"
    } else if r.contains("not compiled for this target") {
        "not compiled for the host"
    } else if r.contains("the length") {
        "an array length that does not evaluate"
    } else if r.contains("trait") {
        "a trait object or trait of the scanned code"
    } else {
        "other"
    }
}

/// One struct the tool laid out on the host.
struct Laid {
    krate: String,
    /// As the report gives it: `crate::module::Name`.
    path: String,
    size: Option<u64>,
    align: Option<u64>,
    /// Field (as `offset_of!` names it) and offset, for the fields with one.
    offsets: Vec<(String, u64)>,
}

impl Laid {
    /// The path `core::any::type_name` gives the struct: its crate instead of `crate`.
    fn real_path(&self) -> String {
        format!("{}{}", self.krate, &self.path["crate".len()..])
    }

    fn name(&self) -> &str {
        self.path.rsplit("::").next().unwrap()
    }

    /// The module that defines it, below the crate root (`a::b`), if the report names one a
    /// path can reach (not a module made by a macro or a block).
    fn module(&self) -> Option<&str> {
        let inner = self.path.strip_prefix("crate::")?;
        let module = inner.rsplit_once("::")?.0;
        (!module.contains(['{', '<', ' '])).then_some(module)
    }
}

/// Where the checker looks names up: a block that glob-imports a public module of a crate
/// (its root, the module a struct is defined in, or one between).
struct Site {
    krate: String,
    /// Below the crate root; empty for the root.
    module: String,
    /// The names it looks up.
    probes: Vec<usize>,
    /// The compiler rejected the import (a private or absent module).
    dropped: bool,
}

/// One name looked up in one site: the compiler says which struct it is (`type_name`), and
/// its size, alignment and the offsets of the fields asked for.
struct Probe {
    name: String,
    fields: Vec<String>,
    /// Fields whose offset the compiler would not let the checker read (private, absent).
    dropped_fields: Vec<usize>,
    /// The name is something else in that site (a module, a trait, a generic type).
    dropped: bool,
}

/// What a line of the checker's source checks, to drop just that when the compiler rejects it.
#[derive(Clone, Copy)]
enum Line {
    Import(usize),
    Probe(usize),
    Field(usize, usize),
}

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// The checker's source. Every struct name the tool laid out is looked up where a user of the
/// crate would find it: in blocks that glob-import the crate's root, the module defining it
/// and each module between. A glob in a block shadows the items around it, so a name
/// the glob does not bring (a private struct, a module that is not public) falls back to a
/// stand-in struct declared outside the block and nothing fails to resolve: an unresolved path
/// costs rustc a search of every module of every dependency for an import to suggest (minutes
/// with libc). `type_name` then tells which struct each lookup reached, and only a struct the
/// compiler reached by its own path is compared.
///
/// Returns the text and, per line, what it checks.
fn checker(sites: &[Site], probes: &[Probe]) -> (String, BTreeMap<usize, Line>) {
    let mut src = String::from(
        "#![allow(deprecated, unused, non_camel_case_types, non_snake_case, dead_code)]\n\
         type Out = ::std::vec::Vec<(usize, &'static str, usize)>;\n",
    );
    let mut lines = BTreeMap::new();
    let mut line = 3;
    let mut push = |src: &mut String, text: String, what: Option<Line>| {
        src.push_str(&text);
        src.push('\n');
        if let Some(w) = what {
            lines.insert(line, w);
        }
        line += 1;
    };
    // Per crate: the stand-ins (one per name, with every field name asked for) and the sites.
    let mut crates: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (s, site) in sites.iter().enumerate() {
        crates.entry(&site.krate).or_default().push(s);
    }
    let mut calls = Vec::new();
    for (krate, site_ids) in &crates {
        push(&mut src, format!("mod in_{krate} {{"), None);
        let mut stand_ins: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for &s in site_ids {
            for &p in &sites[s].probes {
                let fields = stand_ins.entry(&probes[p].name).or_default();
                for f in &probes[p].fields {
                    if !fields.contains(&f.as_str()) {
                        fields.push(f);
                    }
                }
            }
        }
        for (name, fields) in &stand_ins {
            let named: Vec<String> = fields
                .iter()
                .filter(|f| f.parse::<u32>().is_err())
                .map(|f| format!("pub {}: u8", ident(f)))
                .collect();
            let tuple = fields.iter().filter_map(|f| f.parse::<usize>().ok()).max();
            let body = match (named.is_empty(), tuple) {
                (true, Some(n)) => format!("({});", vec!["pub u8"; n + 1].join(", ")),
                _ => format!(" {{ {} }}", named.join(", ")),
            };
            push(&mut src, format!("pub struct {}{body}", ident(name)), None);
        }
        for &s in site_ids {
            let site = &sites[s];
            if site.dropped {
                continue;
            }
            push(
                &mut src,
                format!("pub fn site_{s}(out: &mut super::Out) {{"),
                None,
            );
            let module = if site.module.is_empty() {
                String::new()
            } else {
                format!("::{}", site.module)
            };
            push(
                &mut src,
                format!("use ::{krate}{module}::*;"),
                Some(Line::Import(s)),
            );
            for &p in &site.probes {
                let probe = &probes[p];
                if probe.dropped {
                    continue;
                }
                let ty = ident(&probe.name);
                push(
                    &mut src,
                    format!(
                        "out.push(({p}, ::core::any::type_name::<{ty}>(), 0)); \
                         out.push(({p}, \"#size\", ::core::mem::size_of::<{ty}>())); \
                         out.push(({p}, \"#align\", ::core::mem::align_of::<{ty}>()));"
                    ),
                    Some(Line::Probe(p)),
                );
                for (j, f) in probe.fields.iter().enumerate() {
                    if probe.dropped_fields.contains(&j) {
                        continue;
                    }
                    push(
                        &mut src,
                        format!(
                            "out.push(({p}, {f:?}, ::core::mem::offset_of!({ty}, {})));",
                            ident(f)
                        ),
                        Some(Line::Field(p, j)),
                    );
                }
            }
            push(&mut src, "}".to_owned(), None);
            calls.push(format!("in_{krate}::site_{s}(&mut out);"));
        }
        push(&mut src, "}".to_owned(), None);
    }
    src.push_str("fn main() {\n    let mut out = Out::new();\n");
    for c in calls {
        writeln!(src, "    {c}").unwrap();
    }
    src.push_str(
        "    for (probe, what, value) in out {\n        \
         println!(\"{probe}\\t{what}\\t{value}\");\n    }\n}\n",
    );
    (src, lines)
}

/// Rounds of compiling the checker, each dropping what the compiler rejects.
const ROUNDS: usize = 8;

/// Compiles the checker, dropping what does not compile (an import of a private module, a
/// private field, a name that is not a type there), and returns its output.
fn compile_and_run(dir: &Path, sites: &mut [Site], probes: &mut [Probe]) -> String {
    for round in 1..=ROUNDS {
        let (src, lines) = checker(sites, probes);
        std::fs::write(dir.join("src/main.rs"), &src).unwrap();
        let start = Instant::now();
        let out = cargo()
            .args(["build", "--quiet", "--message-format=json"])
            .current_dir(dir)
            .output()
            .expect("run cargo build");
        let took = start.elapsed().as_secs_f64();
        if out.status.success() {
            eprintln!(
                "checker round {round}: {} lines, compiled in {took:.1} s",
                lines.len()
            );
            let run = Command::new(dir.join("target/debug/layout-checker"))
                .output()
                .expect("run the checker");
            assert!(run.status.success(), "the checker failed");
            return String::from_utf8(run.stdout).unwrap();
        }
        let mut rejected = Vec::new();
        let mut other = Vec::new();
        for msg in String::from_utf8_lossy(&out.stdout).lines() {
            let Ok(v) = serde_json::from_str::<Value>(msg) else {
                continue;
            };
            if v["reason"] != "compiler-message" || v["message"]["level"] != "error" {
                continue;
            }
            let spans = v["message"]["spans"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let at = spans
                .iter()
                .find(|s| s["is_primary"] == true && s["file_name"] == "src/main.rs")
                .or_else(|| spans.iter().find(|s| s["file_name"] == "src/main.rs"))
                .and_then(|s| s["line_start"].as_u64());
            match at.and_then(|l| lines.get(&(l as usize))) {
                Some(what) => rejected.push(*what),
                None if v["message"]["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("aborting") || m.contains("previous error")) => {
                }
                None => other.push(v["message"]["rendered"].as_str().unwrap_or("").to_owned()),
            }
        }
        assert!(
            other.is_empty() && !rejected.is_empty(),
            "the checker does not compile, for a reason not tied to one check:\n{}\n{}",
            other.join("\n"),
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!(
            "checker round {round}: {} lines, compiled in {took:.1} s: {} rejected",
            lines.len(),
            rejected.len()
        );
        for what in rejected {
            match what {
                Line::Import(s) => sites[s].dropped = true,
                Line::Probe(p) => probes[p].dropped = true,
                Line::Field(p, j) => probes[p].dropped_fields.push(j),
            }
        }
    }
    panic!("the checker still does not compile after {ROUNDS} rounds");
}

/// What the compiler said of one probe.
#[derive(Default)]
struct Measured {
    type_name: String,
    size: u64,
    align: u64,
    offsets: BTreeMap<String, u64>,
}

fn parse_output(output: &str) -> BTreeMap<usize, Measured> {
    let mut measured: BTreeMap<usize, Measured> = BTreeMap::new();
    for line in output.lines() {
        let mut w = line.splitn(3, '\t');
        let (Some(p), Some(what), Some(value)) = (w.next(), w.next(), w.next()) else {
            panic!("the checker printed {line:?}");
        };
        let m = measured.entry(p.parse().unwrap()).or_default();
        let value: u64 = value.parse().unwrap();
        match what {
            "#size" => m.size = value,
            "#align" => m.align = value,
            // Lifetime arguments do not change a layout: `ash::vk::Extent2D<'_>` is the struct.
            _ if what.contains("::") => m.type_name = what.split('<').next().unwrap().to_owned(),
            field => {
                m.offsets.insert(field.to_owned(), value);
            }
        }
    }
    measured
}

#[derive(Default)]
struct Tally {
    time: Duration,
    structs: usize,
    laid: usize,
    exact: usize,
    align_only: usize,
    /// Structs with a layout that no public path reaches (not checked).
    unreachable: usize,
    fields_unchecked: usize,
    unresolved: BTreeMap<&'static str, usize>,
}

#[test]
fn real_crates_scan_and_match_the_compiler() {
    let dir = project();
    let roots = lib_roots(&dir);
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut laid: Vec<Laid> = Vec::new();
    for (name, _, _) in CRATES {
        let root = &roots[*name];
        let (doc, time) = scan(name, root);
        let tally = tallies.entry((*name).to_owned()).or_default();
        tally.time = time;
        let structs = doc["structs"].as_array().unwrap();
        tally.structs = structs.len();
        for s in structs {
            if let Some(u) = s["unresolved"].as_array() {
                let reason = u.first().and_then(|u| u["reason"].as_str()).unwrap_or("");
                *tally.unresolved.entry(reason_kind(reason)).or_default() += 1;
                continue;
            }
            let host = &s["layouts"][0];
            if let Some(e) = host["error"].as_str() {
                *tally.unresolved.entry(reason_kind(e)).or_default() += 1;
                continue;
            }
            tally.laid += 1;
            let offsets = host["fields"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|f| Some((f["name"].as_str()?.to_owned(), f["offset"].as_u64()?)))
                .collect();
            laid.push(Laid {
                krate: (*name).to_owned(),
                path: s["path"].as_str().unwrap().to_owned(),
                size: host["size"].as_u64(),
                align: host["align"].as_u64(),
                offsets,
            });
        }
    }

    // The sites and their probes: each crate's root, and each module that defines a struct.
    let mut sites: Vec<Site> = Vec::new();
    let mut probes: Vec<Probe> = Vec::new();
    let mut site_of: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut probe_of: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for l in &laid {
        // The root, the defining module and every module between: a private module's items
        // are often re-exported by its parent (`pub use definitions::*`).
        let mut modules = vec![String::new()];
        if let Some(module) = l.module() {
            let segments: Vec<&str> = module.split("::").collect();
            modules.extend((1..=segments.len()).map(|n| segments[..n].join("::")));
        }
        for module in modules {
            let s = *site_of
                .entry((l.krate.clone(), module.clone()))
                .or_insert_with(|| {
                    sites.push(Site {
                        krate: l.krate.clone(),
                        module,
                        probes: Vec::new(),
                        dropped: false,
                    });
                    sites.len() - 1
                });
            let p = *probe_of.entry((s, l.name().to_owned())).or_insert_with(|| {
                probes.push(Probe {
                    name: l.name().to_owned(),
                    fields: Vec::new(),
                    dropped_fields: Vec::new(),
                    dropped: false,
                });
                sites[s].probes.push(probes.len() - 1);
                probes.len() - 1
            });
            for (f, _) in &l.offsets {
                if !probes[p].fields.contains(f) {
                    probes[p].fields.push(f.clone());
                }
            }
        }
    }

    let measured = parse_output(&compile_and_run(&dir, &mut sites, &mut probes));
    // Every struct the compiler reached by the path the report gives it.
    let mut reached: BTreeMap<&str, &Measured> = BTreeMap::new();
    for m in measured.values() {
        let best = reached.entry(&m.type_name).or_insert(m);
        if m.offsets.len() > best.offsets.len() {
            *best = m;
        }
    }
    let mut mismatches = Vec::new();
    for l in &laid {
        let tally = tallies.get_mut(&l.krate).unwrap();
        let Some(m) = reached.get(l.real_path().as_str()) else {
            tally.unreachable += 1;
            continue;
        };
        let mut wrong = Vec::new();
        if l.size.is_some_and(|s| s != m.size) {
            wrong.push(format!("size {} (rustc {})", l.size.unwrap(), m.size));
        }
        if l.align.is_some_and(|a| a != m.align) {
            wrong.push(format!("align {} (rustc {})", l.align.unwrap(), m.align));
        }
        for (field, off) in &l.offsets {
            match m.offsets.get(field) {
                Some(real) if real != off => {
                    wrong.push(format!("field `{field}` offset {off} (rustc {real})"))
                }
                Some(_) => {}
                None => tally.fields_unchecked += 1,
            }
        }
        if !wrong.is_empty() {
            mismatches.push(format!("{}: {}", l.real_path(), wrong.join(", ")));
        } else if l.size.is_some() {
            tally.exact += 1;
        } else {
            tally.align_only += 1;
        }
    }
    for (name, t) in &tallies {
        println!(
            "{name}: scanned in {:.1} s; {} structs reported, {} with a layout on the host, \
             {} verified exact against rustc (size, align, offsets), {} repr(Rust) checked for \
             align only, {} not reachable by a public path (not checked), {} field offsets not \
             readable (private fields)",
            t.time.as_secs_f64(),
            t.structs,
            t.laid,
            t.exact,
            t.align_only,
            t.unreachable,
            t.fields_unchecked
        );
        for (reason, n) in &t.unresolved {
            println!("    no layout on the host: {n:5}  {reason}");
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} structs differ from the compiler:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    let checked: usize = tallies.values().map(|t| t.exact + t.align_only).sum();
    assert!(
        checked > 0,
        "no struct was checked against the compiler: the checker reached none"
    );
}

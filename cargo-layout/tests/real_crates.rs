//! The tool on real crates (issue 11): the sources of `libc`, `ash`, `goblin`, `nix`, `x86_64`
//! and `bytemuck` at pinned versions, fetched by cargo into one shared temporary project.
//!
//! Each scan must finish within a generous time budget without a panic, and every struct the
//! tool gives a layout on the host is checked against the compiler: a generated binary that
//! depends on the crates prints `size_of`, `align_of` and `offset_of!` of each one reachable by
//! a public path (the others are skipped and counted), and any number that differs fails the
//! test, naming the struct. Per crate it prints the time, the structs with a layout, those
//! verified exact and the unresolved ones grouped by reason.
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

/// Rounds of compiling the checker, each dropping what the compiler rejects.
const ROUNDS: usize = 8;

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

/// One struct the tool laid out on the host.
struct Laid {
    krate: String,
    path: String,
    size: Option<u64>,
    align: Option<u64>,
    /// Field (as `offset_of!` names it) and offset, for the fields with one.
    offsets: Vec<(String, u64)>,
    /// Paths to try, in order.
    candidates: Vec<String>,
    /// Which candidate is being tried.
    at: usize,
    /// Fields whose offset the compiler would not let the checker read.
    dropped: Vec<usize>,
}

/// A reason, grouped by its kind.
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

/// Whether the struct's declaration says plain `pub` (read on the line of its name).
fn declared_pub(s: &Value) -> bool {
    let (Some(file), Some(line)) = (s["file"].as_str(), s["line"].as_u64()) else {
        return false;
    };
    let Ok(text) = std::fs::read_to_string(file) else {
        return false;
    };
    let Some(l) = text.lines().nth(line as usize - 1) else {
        return false;
    };
    let words: Vec<&str> = l.split_whitespace().collect();
    words
        .windows(2)
        .any(|w| w[0] == "pub" && (w[1] == "struct" || w[1] == "union"))
}

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

fn field_ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// The checker's source: a table with one entry per line (struct, field or a marker for
/// the size and the alignment, value), so an error's line names its check; `main` prints it.
/// Constants, not `println!`s: thousands of them compile in seconds.
/// Returns the text and, per line, the struct and field it checks.
fn checker(laid: &[Laid]) -> (String, BTreeMap<usize, (usize, Option<usize>)>) {
    let mut src = String::from(
        "#![allow(deprecated, unused, non_camel_case_types)]\n\
         use ::core::mem::{align_of, offset_of, size_of};\n\
         static CHECKS: &[(u32, u32, usize)] = &[\n",
    );
    let mut lines = BTreeMap::new();
    let mut line = 4;
    for (i, s) in laid.iter().enumerate() {
        let Some(ty) = s.candidates.get(s.at) else {
            continue;
        };
        writeln!(
            src,
            "({i}, {SIZE}, size_of::<{ty}>()), ({i}, {ALIGN}, align_of::<{ty}>()),"
        )
        .unwrap();
        lines.insert(line, (i, None));
        line += 1;
        for (j, (field, _)) in s.offsets.iter().enumerate() {
            if s.dropped.contains(&j) {
                continue;
            }
            writeln!(src, "({i}, {j}, offset_of!({ty}, {})),", field_ident(field)).unwrap();
            lines.insert(line, (i, Some(j)));
            line += 1;
        }
    }
    src.push_str(
        "];\nfn main() {\n    for (s, f, v) in CHECKS {\n        println!(\"{s} {f} {v}\");\n    }\n}\n",
    );
    (src, lines)
}

/// The field number of a struct's size and alignment in the checker's table.
const SIZE: u32 = u32::MAX;
const ALIGN: u32 = u32::MAX - 1;

/// Compiles the checker, dropping what does not compile (a private path, a private field),
/// and returns its output.
fn compile_and_run(dir: &Path, laid: &mut [Laid]) -> String {
    for round in 1..=ROUNDS {
        let (src, lines) = checker(laid);
        std::fs::write(dir.join("src/main.rs"), &src).unwrap();
        let start = Instant::now();
        let out = cargo()
            .args(["build", "--quiet", "--message-format=json"])
            .current_dir(dir)
            .output()
            .expect("run cargo build");
        if out.status.success() {
            eprintln!(
                "checker round {round}: {} checks, compiled in {:.1} s",
                lines.len(),
                start.elapsed().as_secs_f64()
            );
            let run = Command::new(dir.join("target/debug/layout-checker"))
                .output()
                .expect("run the checker");
            assert!(run.status.success(), "the checker failed");
            return String::from_utf8(run.stdout).unwrap();
        }
        let mut bad_structs = Vec::new();
        let mut bad_fields = Vec::new();
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
                Some((i, None)) => bad_structs.push(*i),
                Some((i, Some(j))) => bad_fields.push((*i, *j)),
                None if v["message"]["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("aborting") || m.contains("previous error")) => {
                }
                None => other.push(v["message"]["rendered"].as_str().unwrap_or("").to_owned()),
            }
        }
        assert!(
            other.is_empty() && !(bad_structs.is_empty() && bad_fields.is_empty()),
            "the checker does not compile, for a reason not tied to one check:\n{}\n{}",
            other.join("\n"),
            String::from_utf8_lossy(&out.stderr)
        );
        bad_structs.sort();
        bad_structs.dedup();
        eprintln!(
            "checker round {round}: {} checks, compiled in {:.1} s: {} paths and {} fields \
             rejected",
            lines.len(),
            start.elapsed().as_secs_f64(),
            bad_structs.len(),
            bad_fields.len()
        );
        for &i in &bad_structs {
            laid[i].at += 1;
            laid[i].dropped.clear();
        }
        for (i, j) in bad_fields {
            if !bad_structs.contains(&i) {
                laid[i].dropped.push(j);
            }
        }
    }
    panic!("the checker still does not compile after {ROUNDS} rounds");
}

#[derive(Default)]
struct Tally {
    time: Duration,
    structs: usize,
    laid: usize,
    exact: usize,
    align_only: usize,
    unreachable: usize,
    /// Structs with a layout not declared `pub` (not checked).
    private: usize,
    fields_unchecked: usize,
    unresolved: BTreeMap<&'static str, usize>,
}

#[test]
#[ignore = "minutes of rustc: every path the checker names that does not resolve (private, \
            or not re-exported at the root) makes rustc search every module of every dependency \
            for an import to suggest (perf: `lookup_import_candidates_from_module`, ~90% of the \
            time); round 1 still ran after 3 minutes; run with --ignored"]
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
        let mut mine: Vec<Laid> = Vec::new();
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
            let path = s["path"].as_str().unwrap().to_owned();
            // Only a `pub` struct can be named by the checker: trying the others costs rustc
            // a search of every module of the crate per privacy error (minutes for libc).
            if !declared_pub(s) {
                tally.laid += 1;
                tally.private += 1;
                continue;
            }
            let offsets = host["fields"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|f| Some((f["name"].as_str()?.to_owned(), f["offset"].as_u64()?)))
                .collect();
            let mut candidates = Vec::new();
            if !path.contains('{') {
                candidates.push(path.replacen("crate", name, 1));
            }
            mine.push(Laid {
                krate: (*name).to_owned(),
                path,
                size: host["size"].as_u64(),
                align: host["align"].as_u64(),
                offsets,
                candidates,
                at: 0,
                dropped: Vec::new(),
            });
        }
        // Also the crate root's re-export (`libc::stat`), when the name is unique here.
        let names: Vec<String> = mine
            .iter()
            .map(|l| l.path.rsplit("::").next().unwrap().to_owned())
            .collect();
        // Tried first: most modules of these crates are private and re-exported at the root.
        for (l, n) in mine.iter_mut().zip(&names) {
            let root_path = format!("{name}::{n}");
            if names.iter().filter(|m| *m == n).count() == 1 && !l.candidates.contains(&root_path) {
                l.candidates.insert(0, root_path);
            }
        }
        tally.laid += mine.len();
        laid.extend(mine);
    }

    let output = compile_and_run(&dir, &mut laid);
    let mut values: BTreeMap<(usize, u32), u64> = BTreeMap::new();
    for line in output.lines() {
        let w: Vec<u64> = line.split(' ').map(|n| n.parse().unwrap()).collect();
        values.insert((w[0] as usize, w[1] as u32), w[2]);
    }
    let measured: BTreeMap<usize, (u64, u64)> = values
        .iter()
        .filter(|((_, f), _)| *f == SIZE)
        .map(|(&(i, _), &size)| (i, (size, values[&(i, ALIGN)])))
        .collect();
    let offsets: BTreeMap<(usize, usize), u64> = values
        .iter()
        .filter(|((_, f), _)| *f < ALIGN)
        .map(|(&(i, j), &v)| ((i, j as usize), v))
        .collect();
    let mut mismatches = Vec::new();
    for (i, l) in laid.iter().enumerate() {
        let tally = tallies.get_mut(&l.krate).unwrap();
        let Some(&(size, align)) = measured.get(&i) else {
            tally.unreachable += 1;
            continue;
        };
        let ty = &l.candidates[l.at];
        let mut wrong = Vec::new();
        if l.size.is_some_and(|s| s != size) {
            wrong.push(format!("size {} (rustc {size})", l.size.unwrap()));
        }
        if l.align.is_some_and(|a| a != align) {
            wrong.push(format!("align {} (rustc {align})", l.align.unwrap()));
        }
        for (j, (field, off)) in l.offsets.iter().enumerate() {
            match offsets.get(&(i, j)) {
                Some(real) if real != off => {
                    wrong.push(format!("field `{field}` offset {off} (rustc {real})"))
                }
                Some(_) => {}
                None => tally.fields_unchecked += 1,
            }
        }
        if !wrong.is_empty() {
            mismatches.push(format!("{} (`{ty}`): {}", l.path, wrong.join(", ")));
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
             align only, {} not declared pub (skipped), {} not reachable by a public path \
             (skipped), {} field offsets not readable (private fields)",
            t.time.as_secs_f64(),
            t.structs,
            t.laid,
            t.exact,
            t.align_only,
            t.private,
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
}

//! The path generated code names layout-core by: `#[layout(crate = "...")]` if given, else the
//! name the crate being compiled gives layout-core in its `Cargo.toml` when it renamed the
//! dependency (`lc = { package = "layout-core", ... }`, as `proc-macro-crate` finds it), else
//! `::layout_core`; and a crate whose manifest never names layout-core gets one error that says
//! so ([`missing_error`]) instead of rustc's "could not find" at every generated item.
//!
//! The manifest is read with a small line reader rather than a TOML parser: the derive's own
//! build cost is part of what every user pays, and the dependency tables are all it needs. It
//! only ever finds a name where a dependency table says `package = "layout-core"` under it;
//! anything it does not understand leaves the default.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The path of layout-core for `input` as tokens, read leniently (for the placeholder impls of
/// an input with errors): `#[layout(crate = "...")]`, else [`renamed`], else `::layout_core`.
pub fn path_of(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let mut found: Option<syn::Path> = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("layout")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let lit: syn::LitStr = meta.value()?.parse()?;
                found = lit.parse().ok();
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    match found.or_else(renamed) {
        Some(path) => quote::ToTokens::to_token_stream(&path),
        None => quote::quote!(::layout_core),
    }
}

/// The package whose renames are looked for.
const PACKAGE: &str = "layout-core";

/// What the manifest of the crate being compiled says about layout-core.
#[derive(Clone, Debug, PartialEq)]
enum Found {
    /// Nothing against `::layout_core` (it depends on it under that name, or the manifest could
    /// not be read or understood).
    Default,
    /// A dependency renamed to this key.
    Renamed(String),
    /// The manifest (and the workspace's, for inherited dependencies) never names layout-core:
    /// `::layout_core` cannot resolve, short of an `extern crate` alias.
    Missing,
}

/// The manifest's answer for the crate being compiled, read once per manifest.
fn found() -> Found {
    // The derive's own unit tests (expansion snapshots) expand as if layout-core were there,
    // whatever this crate's manifest says.
    if cfg!(test) {
        return Found::Default;
    }
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return Found::Default;
    };
    // One compiler process may serve several crates (rust-analyzer): cache by manifest.
    static CACHE: Mutex<Vec<(PathBuf, Found)>> = Mutex::new(Vec::new());
    let dir = PathBuf::from(dir);
    let Ok(mut cache) = CACHE.lock() else {
        return Found::Default;
    };
    if let Some((_, found)) = cache.iter().find(|(d, _)| *d == dir) {
        return found.clone();
    }
    let found = lookup(&dir);
    cache.push((dir, found.clone()));
    found
}

/// The name layout-core has in the crate being compiled, if its manifest renames it (and does
/// not also depend on it under its own name), as a path: `::lc`.
pub fn renamed() -> Option<syn::Path> {
    match found() {
        Found::Renamed(key) => syn::parse_str(&format!("::{key}")).ok(),
        _ => None,
    }
}

/// An error for a crate whose `Cargo.toml` never names layout-core (nor does its workspace's,
/// where it inherits dependencies), when no `#[layout(crate = "...")]` is given: the generated
/// `::layout_core` cannot resolve, and rustc alone would only say "could not find". Said only
/// when the manifest was read and the package is not layout-core itself (whose doctests name
/// it as an extern crate).
pub fn missing_error() -> Option<syn::Error> {
    if std::env::var("CARGO_PKG_NAME").is_ok_and(|n| n == PACKAGE) || found() != Found::Missing {
        return None;
    }
    Some(syn::Error::new(
        proc_macro2::Span::call_site(),
        "`#[derive(Layout)]` generates code that names `::layout_core`, and this crate's \
         Cargo.toml has no dependency on `layout-core`: add `layout-core = \"0.1\"` to its \
         `[dependencies]`, or, if layout-core comes through another crate, name its path: \
         `#[layout(crate = \"other_crate::layout_core\")]`",
    ))
}

/// Whether `text` names layout-core at all.
fn names_it(text: &str) -> bool {
    text.contains(PACKAGE) || text.contains("layout_core")
}

/// The manifest in `dir` read for layout-core: a renamed dependency key (following
/// `workspace = true` to the workspace's `[workspace.dependencies]`), or that it never names it.
fn lookup(dir: &Path) -> Found {
    let Ok(manifest) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
        return Found::Default;
    };
    let deps = dependencies(&manifest);
    if let Some(found) = direct(&deps) {
        return match found {
            Some(key) => Found::Renamed(key.replace('-', "_")),
            None => Found::Default,
        };
    }
    // `lc = { workspace = true }`: the rename is the workspace's.
    let inherited: Vec<&Dep> = deps
        .iter()
        .filter(|d| d.workspace && d.kind != Kind::Build)
        .collect();
    if inherited.is_empty() {
        return if names_it(&manifest) {
            Found::Default
        } else {
            Found::Missing
        };
    }
    for ancestor in dir.ancestors().skip(1) {
        let Ok(text) = std::fs::read_to_string(ancestor.join("Cargo.toml")) else {
            continue;
        };
        if !text.contains("[workspace") {
            continue;
        }
        let root = dependencies(&text);
        let renamed = inherited.iter().find(|d| {
            root.iter().any(|r| {
                r.table_is_workspace && r.key == d.key && r.package.as_deref() == Some(PACKAGE)
            })
        });
        return match renamed {
            Some(d) => Found::Renamed(d.key.replace('-', "_")),
            None if names_it(&manifest) || names_it(&text) => Found::Default,
            None => Found::Missing,
        };
    }
    Found::Default
}

/// What the manifest's own entries say: `Some(None)` if it depends on layout-core under its own
/// name, `Some(Some(key))` if under another, `None` if neither (nor as `workspace = true`). The
/// `[dependencies]` tables decide first, since their names are the ones every build of the
/// crate has (a `[dev-dependencies]` name exists only in tests and examples); build
/// dependencies are for the build script, not the crate, and are not read.
fn direct(deps: &[Dep]) -> Option<Option<&str>> {
    for kind in [Kind::Normal, Kind::Dev] {
        let deps = || deps.iter().filter(move |d| d.kind == kind);
        if deps().any(|d| d.key == PACKAGE && d.package.is_none()) {
            return Some(None);
        }
        if let Some(d) = deps().find(|d| d.package.as_deref() == Some(PACKAGE)) {
            return Some(Some(&d.key));
        }
    }
    None
}

/// The table a dependency is in.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Normal,
    Dev,
    Build,
}

fn kind_of(table: &str) -> Kind {
    if table.ends_with("dev-dependencies") {
        Kind::Dev
    } else if table.ends_with("build-dependencies") {
        Kind::Build
    } else {
        Kind::Normal
    }
}

/// One dependency entry of a manifest.
#[derive(Debug, PartialEq)]
struct Dep {
    /// Its key (the name the crate uses, before `-` becomes `_`).
    key: String,
    /// `package = "..."`, if renamed.
    package: Option<String>,
    /// `workspace = true`.
    workspace: bool,
    /// Whether it is in `[workspace.dependencies]`.
    table_is_workspace: bool,
    /// Which table.
    kind: Kind,
}

/// The entries of every dependency table of `manifest` (`[dependencies]`,
/// `[dev-dependencies]`, `[build-dependencies]`, `[target.'...'.dependencies]`,
/// `[workspace.dependencies]`), written inline (`key = "1"`, `key = { ... }`, `key.package =
/// "..."`) or as their own table (`[dependencies.key]`).
fn dependencies(manifest: &str) -> Vec<Dep> {
    let mut out: Vec<Dep> = Vec::new();
    // Inside a dependency table: whether it is the workspace's; inside `[dependencies.key]`: the
    // entry's index in `out`.
    let mut table: Option<bool> = None;
    let mut kind = Kind::Normal;
    let mut own: Option<usize> = None;
    for line in manifest.lines() {
        let line = strip_comment(line).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            let header = line.trim_matches(|c| c == '[' || c == ']').trim();
            let (table_path, key) = split_header(header);
            table = None;
            own = None;
            if is_dependency_table(header) {
                table = Some(header.starts_with("workspace."));
                kind = kind_of(header);
            } else if let Some(key) = key
                && is_dependency_table(table_path)
            {
                out.push(Dep {
                    key: key.to_owned(),
                    package: None,
                    workspace: false,
                    table_is_workspace: table_path.starts_with("workspace."),
                    kind: kind_of(table_path),
                });
                own = Some(out.len() - 1);
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (key, value) = (unquote(key.trim()), value.trim());
        if let Some(i) = own {
            match key {
                "package" => out[i].package = string_value(value),
                "workspace" => out[i].workspace = value == "true",
                _ => {}
            }
            continue;
        }
        let Some(is_workspace) = table else { continue };
        // `key.package = "..."` and `key.workspace = true`.
        let (key, field) = match key.split_once('.') {
            Some((k, f)) => (unquote(k.trim()), Some(unquote(f.trim()))),
            None => (key, None),
        };
        let i = match out
            .iter()
            .position(|d| d.key == key && d.table_is_workspace == is_workspace && d.kind == kind)
        {
            Some(i) => i,
            None => {
                out.push(Dep {
                    key: key.to_owned(),
                    package: None,
                    workspace: false,
                    table_is_workspace: is_workspace,
                    kind,
                });
                out.len() - 1
            }
        };
        match field {
            Some("package") => out[i].package = string_value(value),
            Some("workspace") => out[i].workspace = value == "true",
            Some(_) => {}
            None if value.starts_with('{') => {
                let inner = value.trim_start_matches('{').trim_end_matches('}');
                for pair in inner.split(',') {
                    if let Some((k, v)) = pair.split_once('=') {
                        match unquote(k.trim()) {
                            "package" => out[i].package = string_value(v.trim()),
                            "workspace" => out[i].workspace = v.trim() == "true",
                            _ => {}
                        }
                    }
                }
            }
            None => {}
        }
    }
    out
}

/// Whether a table header names a dependency table.
fn is_dependency_table(header: &str) -> bool {
    ["dependencies", "dev-dependencies", "build-dependencies"]
        .iter()
        .any(|t| header == *t || header.ends_with(&format!(".{t}")))
}

/// `dependencies.lc` as `("dependencies", Some("lc"))`.
fn split_header(header: &str) -> (&str, Option<&str>) {
    match header.rsplit_once('.') {
        Some((path, key)) if !key.contains(['\'', '"']) => (path, Some(unquote(key.trim()))),
        _ => (header, None),
    }
}

/// `line` up to a `#` outside a string.
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

fn unquote(s: &str) -> &str {
    s.trim_matches(|c| c == '"' || c == '\'')
}

/// The text of a string value, `None` for anything else.
fn string_value(v: &str) -> Option<String> {
    let v = v.trim();
    let quoted = (v.starts_with('"') && v.ends_with('"') && v.len() >= 2)
        || (v.starts_with('\'') && v.ends_with('\'') && v.len() >= 2);
    quoted.then(|| v[1..v.len() - 1].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renamed_in(manifest: &str) -> Option<String> {
        direct(&dependencies(manifest))
            .flatten()
            .map(|key| key.replace('-', "_"))
    }

    #[test]
    fn finds_a_renamed_dependency_in_every_form() {
        let inline = "[package]\nname = \"x\"\n\n[dependencies]\nserde = \"1\"\nlc = { package = \"layout-core\", version = \"0.1\" } # renamed\n";
        assert_eq!(renamed_in(inline), Some("lc".into()));
        let dotted = "[dev-dependencies]\nmy-lc.package = 'layout-core'\nmy-lc.version = \"0.1\"\n";
        assert_eq!(renamed_in(dotted), Some("my_lc".into()));
        let table = "[target.'cfg(unix)'.dependencies.lc]\nversion = \"0.1\"\npackage = \"layout-core\"\n[features]\npackage = \"layout-core\"\n";
        assert_eq!(renamed_in(table), Some("lc".into()));
    }

    #[test]
    fn keeps_the_default_name_when_it_is_there_or_nothing_is_renamed() {
        let both = "[dependencies]\nlayout-core = \"0.1\"\nlc = { package = \"layout-core\", version = \"0.1\" }\n";
        assert_eq!(renamed_in(both), None);
        let plain = "[dependencies]\nlayout-core = { workspace = true }\n";
        assert_eq!(renamed_in(plain), None);
        // Not a dependency table.
        let features = "[package]\nname = \"lc\"\n[features]\nlc = { package = \"layout-core\" }\n";
        assert_eq!(renamed_in(features), None);
        let comment = "[dependencies]\n# lc = { package = \"layout-core\" }\n";
        assert_eq!(renamed_in(comment), None);
        // The `[dependencies]` name is the one lib builds have; build dependencies are not
        // the crate's.
        let dev_plain = "[dependencies]\nlc = { package = \"layout-core\", version = \"0.1\" }\n[dev-dependencies]\nlayout-core = \"0.1\"\n";
        assert_eq!(renamed_in(dev_plain), Some("lc".into()));
        let build = "[build-dependencies]\nlc = { package = \"layout-core\", version = \"0.1\" }\n";
        assert_eq!(renamed_in(build), None);
    }

    #[test]
    fn follows_a_workspace_dependency_to_the_workspace_rename() {
        let dir = std::env::temp_dir().join(format!("layout-derive-krate-{}", std::process::id()));
        let member = dir.join("member");
        std::fs::create_dir_all(&member).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[workspace]\nmembers = [\"member\"]\n[workspace.dependencies]\nlc = { package = \"layout-core\", path = \"x\" }\n",
        )
        .unwrap();
        std::fs::write(
            member.join("Cargo.toml"),
            "[package]\nname = \"member\"\n[dependencies]\nlc.workspace = true\n",
        )
        .unwrap();
        let found = lookup(&member);
        std::fs::write(
            member.join("Cargo.toml"),
            "[package]\nname = \"member\"\n[dependencies]\nserde.workspace = true\n",
        )
        .unwrap();
        let inherits_other = lookup(&member);
        std::fs::write(
            member.join("Cargo.toml"),
            "[package]\nname = \"member\"\n[dependencies]\nserde = \"1\"\n",
        )
        .unwrap();
        let none = lookup(&member);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, Found::Renamed("lc".into()));
        // The workspace names layout-core: not said to be missing, though this member does not
        // inherit it (the conservative answer).
        assert_eq!(inherits_other, Found::Default);
        assert_eq!(none, Found::Missing);
    }
}

//! Every body a UI snapshot offers to paste, pasted: each `paste this body:` block of
//! `tests/ui/*.stderr` replaces its struct in a copy of the case's source (with the other derived
//! types' policies removed, so they do not fail on their own), and the copy must compile: the
//! suggested order meets the struct's policies on every target it names, in one round.
//!
//! Like `ui.rs`, it runs under the toolchain the snapshots were made with.

use std::path::{Path, PathBuf};

use quote::ToTokens;

/// The bodies offered in `stderr`: `(name, text)`, the text dedented.
fn offered(stderr: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].ends_with("paste this body:") {
            i += 1;
            continue;
        }
        // A blank line, then the header at some indentation, up to the closing line there.
        let header = lines[i + 2];
        let indent = header.len() - header.trim_start().len();
        let mut body = Vec::new();
        let mut j = i + 2;
        while j < lines.len() {
            let line = lines[j].get(indent..).unwrap_or("");
            body.push(line);
            if line == "}" || line == ");" {
                break;
            }
            j += 1;
        }
        let name = header
            .trim()
            .trim_start_matches("pub ")
            .trim_start_matches("struct ")
            .trim_start_matches("enum ")
            .split(['(', ' ', '{', '<'])
            .next()
            .unwrap()
            .to_owned();
        out.push((name, body.join("\n")));
        i = j;
    }
    out
}

/// Whether `attrs` has `#[derive(... Layout ...)]`.
fn derives_layout(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("derive") && a.to_token_stream().to_string().contains("Layout"))
}

/// `source` with struct `name` replaced by `body` (its attributes kept) and the `#[layout]`
/// attributes of every other derived type removed.
fn pasted(source: &str, name: &str, body: &str) -> String {
    let file: syn::File = syn::parse_str(source).expect("the UI case parses");
    let mut out: String = file
        .attrs
        .iter()
        .map(|a| a.to_token_stream().to_string() + "\n")
        .collect();
    for item in &file.items {
        match item {
            syn::Item::Struct(s) if s.ident == name => {
                for a in &s.attrs {
                    out.push_str(&a.to_token_stream().to_string());
                    out.push('\n');
                }
                out.push_str(body);
                if body.ends_with('}') {
                    out.push('\n');
                }
                out.push('\n');
            }
            syn::Item::Enum(e) if e.ident == name => {
                for a in &e.attrs {
                    out.push_str(&a.to_token_stream().to_string());
                    out.push('\n');
                }
                out.push_str(body);
                out.push_str("\n\n");
            }
            syn::Item::Enum(e) if derives_layout(&e.attrs) => {
                let mut e = e.clone();
                e.attrs.retain(|a| !a.path().is_ident("layout"));
                out.push_str(&e.to_token_stream().to_string());
                out.push('\n');
            }
            syn::Item::Struct(s) if derives_layout(&s.attrs) => {
                let mut s = s.clone();
                s.attrs.retain(|a| !a.path().is_ident("layout"));
                for f in s.fields.iter_mut() {
                    f.attrs.retain(|a| !a.path().is_ident("layout"));
                }
                out.push_str(&s.to_token_stream().to_string());
                out.push('\n');
            }
            other => {
                out.push_str(&other.to_token_stream().to_string());
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn every_offered_body_compiles_and_meets_its_policies() {
    if !env!("LAYOUT_UI_RUSTC").starts_with("rustc 1.95.")
        && std::env::var_os("LAYOUT_UI_ANY_RUSTC").is_none()
    {
        eprintln!("pasted bodies not checked: the UI snapshots are for rustc 1.95");
        return;
    }
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pasted");
    std::fs::create_dir_all(&out_dir).unwrap();
    let t = trybuild::TestCases::new();
    let mut count = 0;
    let mut stderrs: Vec<PathBuf> = std::fs::read_dir(&ui)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "stderr"))
        .collect();
    stderrs.sort();
    for stderr in stderrs {
        let text = std::fs::read_to_string(&stderr).unwrap();
        let source = std::fs::read_to_string(stderr.with_extension("rs")).unwrap();
        for (name, body) in offered(&text) {
            let stem = stderr.file_stem().unwrap().to_string_lossy().into_owned();
            let path = out_dir.join(format!("{stem}_{name}.rs"));
            std::fs::write(&path, pasted(&source, &name, &body)).unwrap();
            t.pass(&path);
            count += 1;
        }
    }
    assert!(
        count >= 10,
        "only {count} bodies found: the snapshot format changed?"
    );
}

//! The expansion of representative inputs (`tests/expand/NAME.rs`), pretty-printed and pinned
//! as `tests/expand/NAME.expanded.rs`, as zerocopy-derive's output tests do: a change to the
//! generated code shows in review as a change to these files.
//!
//! To accept a change: `LAYOUT_EXPAND=overwrite cargo test -p layout-derive expansion`, then
//! read the diff of every `.expanded.rs` file.

use std::path::Path;

/// `input`'s expansion as the file it is pinned as.
fn expand(input: &str) -> String {
    let input: syn::DeriveInput = syn::parse_str(input).expect("the input parses");
    let tokens = crate::expand::derive(&input);
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as items");
    prettyplease::unparse(&file)
}

#[test]
fn expansions_equal_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let overwrite = std::env::var_os("LAYOUT_EXPAND").is_some_and(|v| v == "overwrite");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/expand")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "rs")
                && !p.to_string_lossy().ends_with(".expanded.rs")
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 10, "the snapshot inputs are missing");
    let mut differ = Vec::new();
    for input in &inputs {
        let got = expand(&std::fs::read_to_string(input).expect("read input"));
        let pinned = input.with_extension("expanded.rs");
        if overwrite {
            std::fs::write(&pinned, &got).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&pinned) {
            Ok(want) if want == got => {}
            Ok(want) => {
                let first = want
                    .lines()
                    .zip(got.lines())
                    .position(|(w, g)| w != g)
                    .unwrap_or(want.lines().count().min(got.lines().count()));
                differ.push(format!(
                    "{}: differs from line {}\n  pinned: {}\n  now:    {}",
                    pinned.display(),
                    first + 1,
                    want.lines().nth(first).unwrap_or("<end>"),
                    got.lines().nth(first).unwrap_or("<end>"),
                ));
            }
            Err(_) => differ.push(format!("{}: no snapshot", pinned.display())),
        }
    }
    assert!(
        differ.is_empty(),
        "expansions changed (LAYOUT_EXPAND=overwrite to accept, then review the diff):\n{}",
        differ.join("\n")
    );
}

//! Every misuse of `#[derive(Layout)]` and every broken policy, on both checking paths, with
//! its reviewed compiler output (`tests/ui/*.stderr`).
//!
//! The snapshots are rustc's own text, so they belong to one toolchain: [`SNAPSHOT_RUSTC`], the
//! one CI runs. Under another rustc the test says so and compares nothing (as zerocopy keeps
//! its snapshots per toolchain); `LAYOUT_UI_ANY_RUSTC=1` compares anyway.
//!
//! To add a case: write `tests/ui/NAME.rs`, run `TRYBUILD=overwrite cargo test -p
//! layout-ui-tests`, then read `NAME.stderr` and fix the macro until the message is excellent.

/// The rustc release the snapshots were made with.
const SNAPSHOT_RUSTC: &str = "rustc 1.95.";

#[test]
fn ui() {
    let rustc = env!("LAYOUT_UI_RUSTC");
    if !rustc.starts_with(SNAPSHOT_RUSTC) && std::env::var_os("LAYOUT_UI_ANY_RUSTC").is_none() {
        eprintln!(
            "UI snapshots not compared: they are for {SNAPSHOT_RUSTC}x, this is `{rustc}` \
             (set LAYOUT_UI_ANY_RUSTC=1 to compare anyway)"
        );
        return;
    }
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

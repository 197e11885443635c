//! Every misuse of `#[derive(Layout)]` and every broken policy, on both checking paths, with
//! its reviewed compiler output (`tests/ui/*.stderr`).
//!
//! To add a case: write `tests/ui/NAME.rs`, run `TRYBUILD=overwrite cargo test -p
//! layout-ui-tests`, then read `NAME.stderr` and fix the macro until the message is excellent.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

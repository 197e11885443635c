//! `#[derive(Layout)]`. Re-exported by `layout-core`; use it from there.
extern crate alloc;

// The engine is shared with layout-core; the derive uses only part of it.
#[allow(dead_code, unused_imports)]
mod engine;
#[allow(dead_code)]
mod syntax;

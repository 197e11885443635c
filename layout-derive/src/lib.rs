//! `#[derive(Layout)]`. Re-exported by `layout-core`; use it from there.
extern crate alloc;

#[allow(dead_code)]
mod engine;

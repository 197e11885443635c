// `warn` reports broken policies as warnings; `deny(warnings)` here so the test sees them, and
// a crate-wide `allow(deprecated)` does not silence them.
#![deny(warnings)]
#![allow(deprecated)]

use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", optimal, warn)]
struct Named {
    a: u8,
    b: u32,
    c: u8,
}

#[derive(Layout)]
#[repr(C)]
#[layout(optimal, warn)]
struct Current {
    a: u8,
    b: u32,
    c: u8,
}

fn main() {}

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



// Laid out differently per target family: the compiling target's family picks its own report.
#[derive(Layout)]
#[repr(C)]
#[layout(max_padding = 6, warn)]
struct PerFamily {
    a: u8,
    b: u64,
    c: u8,
}

// A field type only the compiler resolves: the compiling target's check runs in constant
// evaluation, which can pick a warning but not write its text.
type Alias = u32;

#[derive(Layout)]
#[repr(C)]
#[layout(optimal, warn)]
struct Resolved {
    a: u8,
    b: Alias,
    c: u8,
}
fn main() {}

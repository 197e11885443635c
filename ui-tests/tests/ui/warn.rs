// `warn` reports broken policies as warnings; denied here so the test sees them.
#![deny(deprecated)]

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

// A struct too big for the compiling target: the derive's error at the struct names the target.
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
pub struct Huge {
    a: [u8; 1 << 62],
    b: [u8; 1 << 62],
}

fn main() {}

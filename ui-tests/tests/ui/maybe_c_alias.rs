// A `u64` reached through an alias may be `c_ulong` (4 bytes on i686): the derive does not
// guess, and says how to write the field so that it can predict.
use layout_core::Layout;

type Word = u64;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", max_padding = 16)]
pub struct Aliased {
    pub tag: u8,
    pub word: Word,
}

// Written as the C type, it is predicted on every target.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32, 16", max_padding = 7)]
pub struct Spelt {
    pub word: std::ffi::c_ulong,
    pub tag: u8,
}

fn main() {}

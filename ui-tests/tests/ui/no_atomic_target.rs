// An atomic type that a named target does not have (MSP430 has no 64-bit atomics): the error
// names the field whose type it is, nested or not, and says what to do.
use core::sync::atomic::{AtomicU32, AtomicU64};
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 16", max_padding = 8)]
pub struct Counter {
    pub tag: u8,
    pub hits: AtomicU64,
}

#[derive(Layout)]
#[repr(C)]
pub struct Inner {
    pub small: AtomicU32,
    pub big: AtomicU64,
}

// The error names `Inner`'s first such field, not `Outer::inner`: the one to change. The check
// runs in constant evaluation here, since `Inner` is resolved by the compiler.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 16", max_padding = 8)]
pub struct Outer {
    pub inner: Inner,
    pub flag: u8,
}

fn main() {}

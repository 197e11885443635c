// A struct or enum whose definition depends on the target (a field under `#[cfg]` about the
// target, a `#[repr]` from a `#[cfg_attr]` about it) cannot have `targets`: the derive sees only
// the compiling target's definition. A `#[cfg]` about a feature is the same on every target.
#![allow(unexpected_cfgs)]
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", max_padding = 8)]
pub struct Regs {
    pub tag: u8,
    #[cfg(target_pointer_width = "64")]
    pub wide: u64,
    #[cfg(not(target_pointer_width = "64"))]
    pub narrow: u32,
}

#[derive(Layout)]
#[cfg_attr(target_arch = "x86_64", repr(C, align(4)))]
#[cfg_attr(not(target_arch = "x86_64"), repr(C, align(16)))]
#[layout(targets = "64", size = 4)]
pub struct Aligned {
    pub x: u8,
}

#[derive(Layout)]
#[repr(u8)]
#[layout(targets = "64", size = 1)]
pub enum Kind {
    A,
    #[cfg(windows)]
    B,
    C,
}

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", max_padding = 8)]
pub struct Featured {
    pub tag: u8,
    #[cfg(feature = "never-on")]
    pub extra: u64,
    pub len: u32,
}

fn main() {}

// An enum whose policy is checked on a target where a variant's field has no layout: the
// error names that field and says what to do, on both checking paths.
use core::sync::atomic::AtomicU64;
use layout_core::Layout;

// Every field type modelled from its name: checked while the macro expands.
#[derive(Layout)]
#[repr(u8)]
#[layout(targets = "64, 16", optimal)]
pub enum Stat {
    Idle,
    Counting { hits: AtomicU64, tag: u8 },
}

type Word = u64;

// `Word` is resolved by the compiler, so checked in constant evaluation: a `u64` reached
// through a name may be `c_ulong`, 4 bytes on i686.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", max_padding = 16)]
pub enum Tagged {
    Empty,
    Full { tag: u8, word: Word },
}

fn main() {}

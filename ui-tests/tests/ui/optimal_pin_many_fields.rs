use layout_core::Layout;

// 18 fields with one pinned: the order that keeps `f10` at index 10 still reaches the minimum,
// 160 bytes. The derive used to stop at the heuristic's 176 above 16 fields and to say the pin
// kept `optimal` out of reach; the best reachable size is now searched for (within a budget),
// while the macro expands and in constant evaluation alike.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "x86_64-unknown-linux-gnu", optimal)]
struct Direct {
    f0: [u32; 3],
    f1: u128,
    f2: u128,
    f3: [u32; 3],
    f4: u32,
    f5: u128,
    f6: u64,
    f7: u128,
    f8: [u64; 2],
    f9: u8,
    #[layout(pinned)]
    f10: u128,
    f11: u32,
    f12: u16,
    f13: [u8; 0],
    f14: u16,
    f15: u8,
    f16: u64,
    f17: u32,
}

// The same through an alias, which only the compiler resolves: checked in constant evaluation.
type Wide = u128;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", optimal)]
struct Through {
    f0: [u32; 3],
    f1: Wide,
    f2: u128,
    f3: [u32; 3],
    f4: u32,
    f5: u128,
    f6: u64,
    f7: u128,
    f8: [u64; 2],
    f9: u8,
    #[layout(pinned)]
    f10: u128,
    f11: u32,
    f12: u16,
    f13: [u8; 0],
    f14: u16,
    f15: u8,
    f16: u64,
    f17: u32,
}

fn main() {}

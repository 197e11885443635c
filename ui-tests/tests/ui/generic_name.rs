// A generic struct's policies run for each instantiation whose `Layout::DEF` (or `Model::TY`)
// is evaluated, here as a field of a derived struct; the report names the instantiation.
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(optimal)]
struct Pair<A, B> {
    a: A,
    b: B,
    c: u8,
}

// `Pair<u64, u8>` is optimal: no report.
#[derive(Layout)]
#[repr(C)]
struct Fine {
    p: Pair<u64, u8>,
}

#[derive(Layout)]
#[repr(C)]
struct Holder {
    p: Pair<u8, u64>,
}

fn main() {}

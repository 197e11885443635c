use layout_core::Layout;

// No `targets`: the compiling target, checked during constant evaluation.
#[derive(Layout)]
#[repr(C)]
#[layout(optimal)]
struct Stats {
    foo: u8,
    bar: u16,
    baz: u8,
}

fn main() {}

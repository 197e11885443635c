use layout_core::Layout;

struct Opaque {
    _x: u32,
}

#[derive(Layout)]
#[repr(C)]
struct Holder {
    a: u8,
    inner: Opaque,
}

fn main() {}

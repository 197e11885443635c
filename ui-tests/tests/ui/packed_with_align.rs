use layout_core::Layout;

#[derive(Layout)]
#[repr(C, packed(2), align(8))]
struct Wire {
    id: u32,
    kind: u8,
}

fn main() {}

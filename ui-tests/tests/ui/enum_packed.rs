use layout_core::Layout;

#[derive(Layout)]
#[repr(u8, packed)]
enum Packed {
    A(u8),
    B(u32),
}

fn main() {}

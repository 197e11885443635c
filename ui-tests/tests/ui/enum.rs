use layout_core::Layout;

#[derive(Layout)]
#[repr(u8)]
enum Kind {
    A,
    B,
}

fn main() {}

use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(maxpadding = 0, optimall)]
struct Header {
    #[layout(hott)]
    kind: u8,
    len: u16,
}

#[derive(Layout)]
#[repr(C)]
#[layout(hot)]
struct Misplaced {
    #[layout(optimal)]
    a: u8,
}

fn main() {}

use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "32", max_padding = 16)]
struct Buffer {
    len: u32,
    data: Vec<u8>,
}

fn main() {}

use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", cache_line = 64)]
struct Conn {
    name: [u8; 48],
    flags: u32,
    #[layout(hot)]
    state: u32,
    #[layout(hot)]
    seq: u64,
    stats: [u64; 8],
}

fn main() {}

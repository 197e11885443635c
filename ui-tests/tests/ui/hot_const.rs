use layout_core::Layout;

type Seq = u64;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", cache_line = 64)]
struct Conn {
    name: [u8; 48],
    flags: u32,
    #[layout(hot)]
    state: u32,
    #[layout(hot)]
    seq: Seq,
    stats: [u64; 8],
}

fn main() {}

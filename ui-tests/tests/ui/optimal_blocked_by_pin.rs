use layout_core::Layout;

// Known at expansion time: every field is a primitive and the targets are named.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", optimal)]
struct Frame {
    tag: u8,
    #[layout(pinned)]
    payload: u64,
    crc: u8,
}

fn main() {}

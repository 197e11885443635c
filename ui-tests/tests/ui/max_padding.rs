use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32, 16", max_padding = 5)]
pub struct Packet {
    /// Message kind.
    pub kind: u8,
    pub id: u64,
    pub len: u16,
}

fn main() {}

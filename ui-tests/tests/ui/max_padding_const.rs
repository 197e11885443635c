use layout_core::Layout;

type Id = f64; // resolved by the compiler: the check runs in constant evaluation

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32, 16", max_padding = 5)]
pub struct Packet {
    /// Message kind.
    pub kind: u8,
    pub id: Id,
    pub len: u16,
}

fn main() {}

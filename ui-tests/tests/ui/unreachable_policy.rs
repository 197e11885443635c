// No field order meets the policy: the error says so first, and what would, and offers no body
// that would fail again once pasted.
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", max_padding = 0)]
struct Packet {
    kind: u8,
    id: u64,
    len: u16,
}

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", size = 12)]
struct Sized12 {
    kind: u8,
    id: u64,
}

// The same on the compiling target, checked in constant evaluation.
type Id = f64;

#[derive(Layout)]
#[repr(C)]
#[layout(max_padding = 2)]
struct PacketConst {
    kind: u8,
    id: Id,
    len: u16,
}

fn main() {}

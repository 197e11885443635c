#[repr(C)]
pub struct Packet {
    kind: u8,
    id: u64,
    len: u16,
}

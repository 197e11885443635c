#[repr(C)]
#[layout(optimal, warn)]
enum Packet {
    Data { flag: bool, len: u64, kind: u8 },
    Empty,
}

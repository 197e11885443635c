#[repr(C)]
struct Packet {
    kind: u8,
    header: Header,
    crc: u16,
    fd: Fd,
}

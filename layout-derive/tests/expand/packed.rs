#[repr(C, packed(2))]
struct Header {
    magic: u32,
    flags: u8,
    size: u64,
}

#[repr(C)]
union Word {
    bytes: [u8; 4],
    value: u32,
}

struct Plain {
    a: u8,
    b: u32,
}

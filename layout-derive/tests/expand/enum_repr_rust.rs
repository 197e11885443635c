enum Plain {
    A(u8),
    B(u64),
}

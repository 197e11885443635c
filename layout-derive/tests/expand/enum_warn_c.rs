#[repr(C)]
#[layout(max_padding = 1, warn)]
enum Tagged {
    A(u8),
    B(u16),
}

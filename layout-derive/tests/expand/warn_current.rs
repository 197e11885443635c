#[repr(C)]
#[layout(optimal, warn)]
struct Warned {
    a: u8,
    b: u64,
    c: u8,
}

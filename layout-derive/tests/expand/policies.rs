#[repr(C)]
#[layout(targets = "64, 32, 16", max_padding = 8, optimal)]
struct Policy {
    id: u64,
    kind: u8,
    len: u16,
}

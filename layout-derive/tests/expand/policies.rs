#[repr(C)]
#[layout(targets = "64, 32, 16", max_padding = 8, size = 24, align = 8)]
struct Policy {
    id: u64,
    kind: u8,
    len: u16,
}

use layout_core::Layout;

// `size` and `align` on the compiling target.
#[derive(Layout)]
#[repr(u8)]
#[layout(size = 8, align = 8)]
enum Small {
    A(u16),
    B,
}

// `max_padding`: the fullest variant leaves 3 bytes on 64-bit targets.
#[derive(Layout)]
#[repr(C, u8)]
#[layout(targets = "64", max_padding = 2)]
enum Padded {
    A(u32),
    B(u8),
}

// Holds on the targets named: no error (on AVR, `u16` is 1-aligned and `align = 2` breaks).
#[derive(Layout)]
#[repr(u16)]
#[layout(targets = "64, 32, 16", size = 4, align = 2, max_variant_ratio = 1, max_padding = 0)]
enum Fine {
    A(u16),
    B([u8; 2]),
}

fn main() {}

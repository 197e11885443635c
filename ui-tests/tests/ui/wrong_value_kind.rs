use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(max_padding = "8", optimal = true, targets = 64, size, align = 3, cache_line = 48)]
struct Values {
    #[layout(hot = "yes", separate_line)]
    a: u64,
    b: u8,
}

fn main() {}

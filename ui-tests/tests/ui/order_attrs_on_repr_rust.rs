use layout_core::Layout;

#[derive(Layout)]
#[layout(optimal)]
struct Stats {
    #[layout(hot)]
    hits: u64,
    #[layout(pinned)]
    misses: u64,
    name: &'static str,
}

#[derive(Layout)]
#[layout(targets = "64, 32", max_padding = 0)]
struct Elsewhere {
    a: u8,
    b: u32,
}

fn main() {}

use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(optimal, max_padding = 0)]
#[layout(optimal)]
struct Twice {
    #[layout(hot, hot)]
    a: u64,
}

fn main() {}

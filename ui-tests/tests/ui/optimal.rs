use layout_core::Layout;

// Go's `T1` from the seed article.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "x86_64-unknown-linux-gnu", optimal)]
struct T1 {
    a: i8,
    b: i64,
    c: i16,
}

fn main() {}

use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
struct Inner {
    x: u16,
}

// `Inner` is another derived struct: only the compiler resolves it.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "x86_64-unknown-linux-gnu", optimal)]
struct Outer(u8, Inner, u8, u16);

fn main() {}

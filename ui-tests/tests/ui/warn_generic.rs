// `warn` on a generic struct: its policies run per instantiation in constant evaluation, where
// stable Rust cannot warn, so the derive says so at `warn`.
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(optimal, warn)]
struct Pair<A, B> {
    a: A,
    b: B,
}

fn main() {}

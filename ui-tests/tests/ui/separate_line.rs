use core::sync::atomic::AtomicUsize;
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64")]
struct Queue {
    head: AtomicUsize,
    #[layout(separate_line)]
    tail: AtomicUsize,
}

fn main() {}

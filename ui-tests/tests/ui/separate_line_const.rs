use core::sync::atomic::AtomicUsize;
use layout_core::Layout;

type Counter = AtomicUsize;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64")]
struct Queue {
    head: Counter,
    #[layout(separate_line)]
    tail: Counter,
}

fn main() {}

use layout_core::Layout;

type Payload = u64;

// `Payload` is an alias: only the compiler resolves it, so the check runs in const.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64", optimal)]
struct Frame {
    tag: u8,
    #[layout(pinned)]
    payload: Payload,
    crc: u8,
}

fn main() {}

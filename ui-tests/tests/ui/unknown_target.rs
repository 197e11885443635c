use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "x86_64-unknown-linux-gnux, 64, armv7-linux-gnueabihf", optimal)]
struct Packet {
    id: u64,
    kind: u8,
}

fn main() {}

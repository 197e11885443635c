use layout_core::Layout;

#[derive(Layout)]
#[repr(u8)]
#[layout(targets = "64, 32", max_variant_ratio = 4)]
enum Cmd {
    Write([u8; 1024]),
    Seek(u64),
    Stop,
}

fn main() {}

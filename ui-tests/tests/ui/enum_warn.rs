use layout_core::Layout;

#[derive(Layout)]
#[repr(u8)]
#[layout(max_variant_ratio = 2, warn)]
enum Cmd {
    Write([u8; 64]),
    Seek(u16),
}

fn main() {
    compile_error!("the warning above is the test");
}

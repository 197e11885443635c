use layout_core::Layout;

#[derive(Layout)]
#[repr(u8)]
#[layout(max_variant_ratio = 2, warn)]
enum Cmd {
    Write([u8; 64]),
    Seek(u16),
}

// A `repr(C)` tag: its width is per target (`c_enum_min_bytes`), so the report is picked by the
// target's family and C enum width.
#[derive(Layout)]
#[repr(C)]
#[layout(max_padding = 1, warn)]
enum Tagged {
    A(u8),
    B(u16),
}

// A field type the compiler resolves: the check runs in constant evaluation, which can pick
// the warning but not write its text.
type Alias = u64;

#[derive(Layout)]
#[repr(u8)]
#[layout(max_variant_ratio = 2, warn)]
enum Resolved {
    A([u8; 64]),
    B(Alias),
}

fn main() {
    compile_error!("the warning above is the test");
}

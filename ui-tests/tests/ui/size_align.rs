use layout_core::Layout;

#[derive(Layout)]
#[repr(C, align(16))]
#[layout(targets = "64", size = 16, align = 8)]
struct Uniform {
    color: [f32; 3],
    intensity: f32,
    position: [f32; 3],
}

fn main() {}

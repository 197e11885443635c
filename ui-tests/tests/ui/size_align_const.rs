use layout_core::Layout;

type Vec3 = [f32; 3];

#[derive(Layout)]
#[repr(C, align(16))]
#[layout(targets = "64", size = 16, align = 8)]
struct Uniform {
    color: Vec3,
    intensity: f32,
    position: Vec3,
}

fn main() {}

#[repr(C, u8)]
#[layout(targets = "64, 32", max_variant_ratio = 4)]
pub enum Shape {
    Dot,
    Circle { r: f32 },
    Line(u16, u64),
}

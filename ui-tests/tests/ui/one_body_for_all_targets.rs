// With several targets, the suggested body is one order that is the smallest on all of them,
// so pasting it ends the matter in one round.
use layout_core::Layout;

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", optimal)]
struct P {
    alive: bool,
    pos: [f32; 3],
    vel: [f32; 3],
    id: u64,
    kind: u8,
}

// The same, with a type only the compiler resolves: checked in constant evaluation.
type Vec3 = [f32; 3];

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", optimal)]
struct Q {
    alive: bool,
    pos: Vec3,
    vel: Vec3,
    id: u64,
    kind: u8,
}

fn main() {}

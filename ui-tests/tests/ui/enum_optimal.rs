// `optimal` on enums: each variant's fields reordered like a struct's, one enum body to paste.
use layout_core::Layout;

// `repr(u8)`: each variant is a `repr(C)` struct that starts with the tag, which stays first.
// Checked on the compiling target (its family's report, made while the macro expands).
#[derive(Layout)]
#[repr(u8)]
#[layout(optimal)]
pub enum Event {
    /// A key; already optimal, kept as written.
    Key { down: bool, code: u32 },
    Move {
        x: u8,
        /// Where it went.
        y: u64,
        z: u16,
    },
    Resize(u16, u64, u16) = 7,
    Quit,
}

// `repr(C)`: the variants are `repr(C)` structs of their fields alone, after the tag; named
// targets are checked while the macro expands, with one order per variant for all of them.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "64, 32", optimal)]
enum Packet {
    Data { flag: bool, len: u64, kind: u8, crc: u32 },
    Empty,
}

// `repr(C, u8)` with `warn`: the same report as a warning.
#[derive(Layout)]
#[repr(C, u8)]
#[layout(optimal, warn)]
enum Shape {
    Circle { r: f32, x: f64, y: f32 },
    Square(f64, f64),
}

// Every variant optimal: nothing to say.
#[derive(Layout)]
#[repr(u8)]
#[layout(optimal)]
enum Fine {
    A { a: u8, b: u16, c: u32 },
    B(u64),
}

fn main() {}

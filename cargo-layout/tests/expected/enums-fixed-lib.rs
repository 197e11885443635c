//! Enums for `cargo layout`: every representation with a defined layout, nested both ways,
//! generic, under `#[cfg]`, and the cases the tool must refuse to guess.
#![allow(dead_code)]

/// A `repr(u8)` tagged union: each variant is a `repr(C)` struct that starts with the tag, so
/// `Move`'s order costs bytes.
#[repr(u8)]
pub enum Command {
    Quit,
    Move {
        /// The small one.
        small: u8,
        #[allow(unused)]
        flag: u8,
        wide: u32, // the wide one
    },
    Write(u16),
}

/// A C enum: its tag is the target's C `enum` width.
#[repr(C)]
pub enum Level {
    Low,
    Mid = 5,
    High,
}

/// Discriminants that force an 8-byte C enum (rustc rejects them where `isize` is smaller).
#[cfg(target_pointer_width = "64")]
#[repr(C)]
pub enum Big {
    Small = 1,
    Huge = 0x1_0000_0000,
}

/// `repr(C, u8)`: the tag, then a union of the variants; `f64` aligns differently on i686.
#[repr(C, u8)]
pub enum Event {
    Key { code: u32 },
    Click { x: f64, pressed: bool },
    Scroll(i8),
}

/// Negative and computed discriminants, a constant among them.
pub const BASE: i16 = 40;
#[repr(i16)]
pub enum Signed {
    Neg = -3,
    Next,
    Computed = 1 << 4,
    FromConst = BASE + 2,
}

/// `align(N)` on an enum.
#[repr(C, align(16))]
pub enum Aligned {
    A(u8),
    B(u32),
}

/// A struct in a variant, and enums as struct fields.
#[repr(C)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[repr(u16)]
pub enum Shape {
    Dot(Point),
    Line { from: Point, to: Point },
}

#[repr(C)]
pub struct Holder {
    pub level: Level,
    pub tag: u8,
    pub event: Event,
}

/// A generic enum: laid out where it is instantiated.
#[repr(C, u8)]
pub enum Maybe<T> {
    Nothing,
    Just(T),
}

#[repr(C)]
pub struct UsesGeneric {
    pub a: Maybe<u64>,
    pub b: Maybe<u8>,
}

/// A variant only some targets have.
#[repr(u8)]
pub enum PerArch {
    Always(u8),
    #[cfg(target_pointer_width = "64")]
    Wide(u64),
}

/// Reordering `Packet`'s fields would change what `Ord` compares first: `--fix` refuses.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Ordered {
    Packet { kind: u8, len: u64, last: u8 },
    Empty,
}

/// A discriminant the tool cannot evaluate: no layout, and says why.
const fn pick() -> u8 {
    3
}
#[repr(u8)]
pub enum Unknown {
    A = pick(),
    B,
}

/// repr(Rust): rustc chooses; with `--all`, the bytes of each variant's fields.
pub enum Message {
    Ping,
    Text { id: u32, len: u16 },
    Blob([u8; 256]),
}

/// A repr(Rust) enum as a field: no layout.
#[repr(C)]
pub struct HasRustEnum {
    pub m: Message,
}

/// A variant field under `#[cfg]`: the orders are chosen in one configuration, so `--fix`
/// refuses.
#[repr(u8)]
pub enum Configured {
    Data {
        a: u8,
        b: u32,
        #[cfg(not(any()))]
        c: u8,
    },
}

/// C sees the declared order: `--fix` refuses.
#[repr(C)]
pub enum Crossing {
    Pair { a: u8, b: u64, c: u8 },
    Nothing,
}

extern "C" {
    fn take(e: *const Crossing);
}

/// Discriminants from negative constants and casts.
pub const LOW: i32 = -7;
#[repr(i16)]
pub enum FromConsts {
    Low = LOW as i16,
    High = (BASE as i16) * 2,
}

/// Its tag and its variants per target: `#[cfg_attr]` reprs and `#[cfg]` variants are
/// evaluated for each target.
#[cfg_attr(target_pointer_width = "64", repr(u32))]
#[cfg_attr(not(target_pointer_width = "64"), repr(u8))]
pub enum PerTarget {
    A(u8),
    #[cfg(target_pointer_width = "64")]
    B(u64),
    #[cfg(not(target_pointer_width = "64"))]
    C(u16),
}

//! The README's demo: layout tables and suggested orders for the seed articles' Go structs, a
//! wire-format header, a GPU uniform block and a hot/cold cache-line split, on 64-, 32- and
//! 16-bit targets.
//!
//! `cargo run --example tour`

use core::sync::atomic::{AtomicU32, AtomicU64};

use layout_core::{Comparison, Layout, Target};
use layout_examples::show;

// Go's `T1 { a int8; b int64; c int16 }` and its reordering `T2` (the seed article).
#[derive(Layout)]
#[repr(C)]
pub struct T1 {
    a: i8,
    b: i64,
    c: i16,
}

#[derive(Layout)]
#[repr(C)]
#[layout(targets = "all", optimal)] // T2 is as small as it gets on every target rustc knows
pub struct T2 {
    b: i64,
    c: i16,
    a: i8,
}

// Go's `stats` from fieldalignment's documentation, as declared in Go.
#[allow(non_snake_case, non_camel_case_types)]
#[derive(Layout)]
#[repr(C)]
pub struct stats {
    Foo: u8,
    Bar: u16,
    Baz: u8,
}

/// A network message header as it goes on the wire: packed, so no padding, and its size is a
/// protocol constant on every target.
#[derive(Layout)]
#[repr(C, packed)]
#[layout(targets = "64, 32, 16", size = 16, max_padding = 0)]
pub struct WireHeader {
    magic: [u8; 4],
    version: u8,
    flags: u8,
    length: u16,
    sequence: u32,
    checksum: u32,
}

/// A uniform block shared with a GPU shader (std140-like): 16-byte aligned, no hidden padding
/// inside, the same 48 bytes on every target.
#[derive(Layout)]
#[repr(C, align(16))]
#[layout(targets = "all", size = 48, align = 16)]
pub struct LightUniform {
    position: [f32; 3],
    intensity: f32,
    color: [f32; 3],
    range: f32,
    direction: [f32; 3],
    cone: f32,
}

/// A connection record: the fields touched on every packet first, in one cache line; the
/// counter written by another thread on a line of its own.
#[derive(Layout)]
#[repr(C, align(64))]
#[layout(targets = "64", cache_line = 64, optimal)]
pub struct Connection {
    #[layout(hot)]
    state: AtomicU32,
    #[layout(hot)]
    window: u32,
    #[layout(hot)]
    next_seq: u64,
    peer: [u8; 16],
    created: u64,
    name: [u8; 24],
    #[layout(separate_line)]
    bytes_in: CachePadded,
}

/// A counter on a cache line of its own.
#[derive(Layout)]
#[repr(C, align(64))]
pub struct CachePadded {
    value: AtomicU64,
}

fn main() {
    let targets: Vec<&'static Target> = ["64", "32", "16"]
        .iter()
        .map(|n| Target::find(n).expect("built-in alias"))
        .collect();
    let x86_64 = targets[0];

    section("Go's T1, declared order");
    println!("{}", show::<T1>(x86_64));
    section("Go's T2, the same fields reordered: optimal on all targets (checked at compile time)");
    println!("{}", show::<T2>(x86_64));
    section("Go's stats");
    println!("{}", show::<stats>(x86_64));
    section("T1 on 64-, 32- and 16-bit targets side by side");
    println!("{}", Comparison::new(&T1::DEF, &targets));
    section("A wire-format header: packed, 16 bytes on every target (checked)");
    println!("{}", show::<WireHeader>(targets[2]));
    section("A GPU uniform block, align(16): 48 bytes everywhere (checked on all targets)");
    println!("{}", show::<LightUniform>(x86_64));
    section("Hot fields first, a contended counter on its own cache line");
    println!("{}", show::<Connection>(x86_64));
    section("On the machine running this, from the compiler's own numbers");
    println!("{}", T1::layout());
}

fn section(title: &str) {
    println!("\n=== {title}\n");
}

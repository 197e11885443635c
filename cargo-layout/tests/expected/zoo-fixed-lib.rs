//! Fixture: structs of every kind, for `cargo layout`'s end-to-end tests. It must compile
//! (`rustc --edition 2024 --crate-type lib src/lib.rs`), before and after `--fix`.
#![allow(dead_code, unexpected_cfgs, improper_ctypes_definitions)]

use core::ffi::{c_char, c_int};
use core::marker::PhantomData;
use std::sync::atomic::AtomicU64;

pub mod gpu;
pub mod net;

use net::tcp::TcpHeader as Tcp;

/// A machine word.
pub type Word = u64;
/// A raw handle.
pub type Handle = *const u8;
/// The length of `Buf::data`.
pub const LEN: usize = 3;

/// Go's `T1` from the seed article: 24 bytes on x86_64, 16 reordered.
#[repr(C)]
pub struct T1 {
    pub a: i8,
    pub c: i16,
    pub b: i64,
}

/// Go's `T2`: the same fields, already in the best order.
#[repr(C)]
pub struct T2 {
    pub b: i64,
    pub c: i16,
    pub a: i8,
}

/// The seed article's `stats`: 6 bytes, 4 reordered.
#[repr(C)]
pub struct Stats {
    foo: u8,
    baz: u8,
    bar: u16,
}

/// Packed: no padding whatever the order.
#[repr(C, packed)]
pub struct Packed {
    a: u8,
    b: u64,
    c: u16,
}

/// `packed(2)` caps alignments at 2.
#[repr(C, packed(2))]
pub struct Packed2 {
    a: u8,
    c: u8,
    b: u32,
}

/// `align(16)` rounds the size up to 16.
#[repr(C, align(16))]
pub struct Aligned16 {
    a: u8,
    b: u32,
}

/// A C union: every field at 0.
#[repr(C)]
pub union Either {
    i: u32,
    f: f64,
    b: [u8; 3],
}

/// A struct nesting another struct of the crate by value.
#[repr(C)]
pub struct Nested {
    tag: u8,
    flag: bool,
    inner: T1,
}

/// Fields through `type` aliases.
#[repr(C)]
pub struct Aliased {
    a: u8,
    c: u8,
    w: Word,
    h: Handle,
}

/// An array whose length is a constant of the crate.
#[repr(C)]
pub struct Buf {
    len: u16,
    tag: u8,
    data: [u32; LEN],
}

/// Only on 64-bit targets.
#[cfg(target_pointer_width = "64")]
#[repr(C)]
pub struct OnlyOn64 {
    a: u8,
    b: u8,
    p: usize,
}

/// A tuple struct: reported, never reordered.
#[repr(C)]
pub struct Pair(pub u8, pub u64, pub u8);

/// repr(Rust): rustc chooses the order (reported with --all only).
pub struct Plain {
    a: u8,
    b: u64,
    c: u8,
}

/// repr(transparent) (reported with --all only).
#[repr(transparent)]
pub struct Wrapper(u64);

/// A field whose layout only the compiler knows.
#[repr(C)]
pub struct Holder {
    n: u32,
    v: Vec<u8>,
}

/// A type parameter.
#[repr(C)]
pub struct Gen<T> {
    a: u8,
    t: T,
    b: u8,
}

/// A type from another crate (std's `Duration`: no model).
#[repr(C)]
pub struct Timed {
    at: std::time::Duration,
    flag: bool,
}

/// C aliases, laid out per target as core defines them.
#[repr(C)]
pub struct Ffi {
    c: c_char,
    i: c_int,
}

// cargo-layout: ignore (layout fixed by a file format)
#[repr(C)]
pub struct Ignored {
    a: u8,
    b: u64,
    c: u8,
}

#[cfg_attr(any(), cargo_layout(ignore))]
#[repr(C)]
pub struct IgnoredByAttribute {
    a: u8,
    b: u64,
    c: u8,
}

// cargo-layout: check
#[repr(C)]
pub struct Checked {
    a: u8,
    c: u8,
    b: u32,
}

/// `magic` must stay first.
#[repr(C)]
pub struct Header {
    // cargo-layout: pin
    magic: u8,
    kind: u8,
    version: u16,
    len: u64,
}

/// An atomic: aligned to its size everywhere; absent where 64-bit atomics are.
#[repr(C)]
pub struct Counters {
    flag: bool,
    small: u16,
    hits: AtomicU64,
}

/// Pointers of every width.
#[repr(C)]
pub struct Ptrs {
    a: u8,
    b: u8,
    s: &'static str,
    f: fn(),
    o: Option<Box<u32>>,
}

/// Recursion through a pointer is fine.
#[repr(C)]
pub struct Node {
    val: u8,
    weight: u32,
    next: Option<Box<Node>>,
}

/// Comments, doc comments and attributes that `--fix` must carry along.
#[repr(C)]
pub struct Documented {

    /* the big one */
    pub(crate) b: u64,
    #[cfg(feature = "extra")]
    c: u16,
    /// The tag.
    #[allow(dead_code)]
    pub a: u8, // one byte
    /// Last, without a trailing comma.
    d: u8
}

/// A struct of another module, through a renamed import.
#[repr(C)]
pub struct Packet {
    kind: u8,
    crc: u16,
    hdr: Tcp,
}

/// Modules nest inline too.
pub mod inner {
    /// Paths to the crate root and to a sibling module.
    #[repr(C)]
    pub struct Deep {
        a: u8,
        c: u8,
        b: crate::T2,
        d: super::net::Ipv4Header,
    }
}

/// A struct inside a function body.
pub fn helper() -> usize {
    #[repr(C)]
    struct Local {
        a: u8,
        c: u8,
        b: u32,
    }
    core::mem::size_of::<Local>()
}

macro_rules! make {
    ($name:ident) => {
        #[repr(C)]
        pub struct $name {
            a: u8,
            b: u64,
        }
    };
}
make!(FromMacro);

/// No fields at all.
#[repr(C)]
pub struct Empty {}

/// A zero-sized field.
#[repr(C)]
pub struct WithPhantom {
    a: u8,
    p: PhantomData<u64>,
    b: u32,
}

/// A union holding a struct.
#[repr(C)]
pub union Raw {
    hdr: core::mem::ManuallyDrop<Tcp>,
    bytes: [u8; 16],
}

/// A repr(C) struct nesting a repr(Rust) one: no layout on any target.
#[repr(C)]
pub struct HasPlain {
    a: u8,
    p: Plain,
}

/// `u128` aligns to 16 on x86_64 and i686, to 8 on 32-bit ARM.
#[repr(C)]
pub struct Wide {
    a: u8,
    b: u8,
    x: u128,
}

/// One line.
#[repr(C)]
pub struct OneLine { a: u8, c: u8, b: u64 }

/// `u64` aligns to 4 on i686, so this one wastes only on 64-bit targets.
#[repr(C)]
pub struct Mixed {
    flag: bool,
    count: u32,
    when: u64,
}

/// A generic struct: no layout of its own, one per instantiation.
#[repr(C)]
pub struct Vec3<T> {
    x: T,
    y: T,
    z: T,
}

/// A const parameter.
#[repr(C)]
pub struct Ring<T, const CAP: usize> {
    head: u8,
    items: [T; CAP],
    tail: u16,
}

/// Instantiations of the generic structs, and a lifetime parameter.
#[repr(C)]
pub struct Body<'a> {
    tag: u8,
    pos: Vec3<f32>,
    ring: Ring<u64, 2>,
    name: &'a str,
    vel: Vec3<f64>,
}

/// A struct with a lifetime, nested.
#[repr(C)]
pub struct UsesBody {
    flag: bool,
    spare: Ring<Vec3<u8>, LEN>,
    body: Body<'static>,
}

//! `#[derive(Layout)]` against the real compiler: for every struct here, the engine's layout on
//! the compiling target (`Layout::layout()`) equals `size_of`, `align_of` and
//! `memoffset::offset_of!` for every field; predictions for other targets, nesting of derived
//! structs across targets, and generic structs per instantiation.

#![allow(dead_code, unexpected_cfgs)]

use core::cell::Cell;
use core::marker::PhantomData;
use core::mem::{ManuallyDrop, MaybeUninit, align_of, size_of};
use core::num::{NonZeroU16, NonZeroU64};
use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicU16, AtomicU32, AtomicUsize};

use layout_core::{Layout, Model, Target, Ty};

/// Asserts the derived layout of `$ty` on the host equals the compiler's, field by field.
macro_rules! host_agrees {
    ($ty:ty { $($field:tt),* }) => {{
        let l = <$ty as Layout>::layout();
        assert_eq!(l.size(), size_of::<$ty>() as u64, "size of {}", stringify!($ty));
        assert_eq!(l.align(), align_of::<$ty>() as u64, "align of {}", stringify!($ty));
        let offsets = [$(memoffset::offset_of!($ty, $field) as u64),*];
        let ours: Vec<u64> = l.fields.iter().map(|f| f.offset).collect();
        assert_eq!(ours, offsets, "offsets of {}", stringify!($ty));
    }};
}

#[derive(Layout)]
#[repr(C)]
struct T1 {
    a: i8,
    b: i64,
    c: i16,
}
#[derive(Layout)]
#[repr(C)]
struct T2 {
    a: i8,
    c: i16,
    b: i64,
}
// The seed article's figures, stated at compile time (the derive asserts its own predictions for
// every target; these are the article's numbers for 64-bit targets, written by hand).
#[cfg(target_pointer_width = "64")]
static_assertions::assert_eq_size!(T1, [u64; 3]);
#[cfg(target_pointer_width = "64")]
static_assertions::assert_eq_size!(T2, [u64; 2]);
static_assertions::const_assert!(size_of::<T2>() <= size_of::<T1>());
#[allow(non_snake_case)]
#[derive(Layout)]
#[repr(C)]
struct Stats {
    Foo: u8,
    Bar: u16,
    Baz: u8,
}
#[derive(Layout)]
#[repr(C)]
struct AllPrims {
    a: bool,
    b: char,
    c: u8,
    d: u16,
    e: u32,
    f: u64,
    g: u128,
    h: usize,
    i: i8,
    j: i16,
    k: i32,
    l: i64,
    m: i128,
    n: isize,
    o: f32,
    p: f64,
}
#[derive(Layout)]
#[repr(C)]
struct Pointers<'a> {
    a: u8,
    b: *const u8,
    c: &'a str,
    d: Box<[u16]>,
    e: Option<&'a u32>,
    f: fn(u8) -> u8,
    g: Option<NonNull<u64>>,
    h: &'a dyn Fn(),
    i: Option<Box<u8>>,
    j: NonZeroU16,
    k: Option<NonZeroU64>,
}
#[derive(Layout)]
#[repr(C)]
struct Arrays {
    a: u8,
    b: [u32; 3],
    c: [[u16; 2]; 3],
    d: [u64; 0],
    e: u8,
    f: [bool; 5],
}
#[derive(Layout)]
#[repr(C)]
struct Wrappers {
    a: u8,
    b: Cell<u32>,
    c: ManuallyDrop<u16>,
    d: MaybeUninit<u64>,
    e: PhantomData<String>,
    f: (),
}
#[derive(Layout)]
#[repr(C)]
struct Atomics {
    a: u8,
    b: AtomicU32,
    c: AtomicBool,
    d: AtomicUsize,
    e: AtomicU16,
    f: AtomicPtr<u8>,
}
#[derive(Layout)]
#[repr(C, packed)]
struct Packed {
    a: u8,
    b: u64,
    c: u16,
}
#[derive(Layout)]
#[repr(C, packed(2))]
struct Packed2 {
    a: u8,
    b: u64,
    c: u16,
    d: u8,
}
#[derive(Layout)]
#[repr(C, align(32))]
struct Aligned {
    a: u8,
    b: u16,
}
#[derive(Layout)]
#[repr(C)]
struct Nested {
    a: u8,
    inner: T1,
    b: u8,
    aligned: Aligned,
    packed: Packed,
}
#[derive(Layout)]
#[repr(C)]
struct Tuple(u8, u64, u16);
#[derive(Layout)]
#[repr(C)]
struct Unit;
#[derive(Layout)]
#[repr(C)]
struct Empty {}
#[derive(Layout)]
#[repr(transparent)]
struct Transparent {
    value: u64,
    marker: PhantomData<u8>,
}
#[derive(Layout)]
struct RustRepr {
    a: u8,
    b: u64,
    c: u16,
    d: u8,
}
#[derive(Layout)]
#[repr(C)]
#[derive(Clone, Copy)]
struct Small {
    a: u16,
    b: u8,
}
#[derive(Layout)]
#[repr(C)]
union Union {
    a: u32,
    b: [u8; 7],
    c: Small,
}
#[derive(Layout)]
#[repr(C)]
struct Generic<T, const N: usize> {
    tag: u8,
    items: [T; N],
    last: T,
}
#[derive(Layout)]
#[repr(C)]
struct Behind<T: ?Sized> {
    tag: u8,
    ptr: *const T,
    phantom: PhantomData<T>,
}
#[derive(Layout)]
#[repr(C)]
struct HostOnly {
    a: u8,
    #[layout(host_only)]
    v: Vec<u8>,
    s: String,
    t: (u8, u32),
    o: Option<u32>,
}
#[derive(Layout)]
#[repr(C)]
struct CTypes {
    a: core::ffi::c_char,
    b: core::ffi::c_int,
    c: core::ffi::c_long,
    d: core::ffi::c_double,
}

#[test]
fn every_derived_struct_matches_the_compiler_on_the_host() {
    host_agrees!(T1 { a, b, c });
    host_agrees!(T2 { a, c, b });
    host_agrees!(Stats { Foo, Bar, Baz });
    host_agrees!(AllPrims {
        a,
        b,
        c,
        d,
        e,
        f,
        g,
        h,
        i,
        j,
        k,
        l,
        m,
        n,
        o,
        p
    });
    host_agrees!(Pointers<'static> { a, b, c, d, e, f, g, h, i, j, k });
    host_agrees!(Arrays { a, b, c, d, e, f });
    host_agrees!(Wrappers { a, b, c, d, e, f });
    host_agrees!(Atomics { a, b, c, d, e, f });
    host_agrees!(Packed { a, b, c });
    host_agrees!(Packed2 { a, b, c, d });
    host_agrees!(Aligned { a, b });
    host_agrees!(Nested {
        a,
        inner,
        b,
        aligned,
        packed
    });
    host_agrees!(Tuple { 0, 1, 2 });
    host_agrees!(Unit {});
    host_agrees!(Empty {});
    host_agrees!(Transparent { value, marker });
    host_agrees!(RustRepr { a, b, c, d });
    host_agrees!(Union { a, b, c });
    host_agrees!(Generic<u8, 3> { tag, items, last });
    host_agrees!(Generic<u64, 0> { tag, items, last });
    host_agrees!(Generic<T1, 2> { tag, items, last });
    host_agrees!(Behind<str> { tag, ptr, phantom });
    host_agrees!(Behind<u64> { tag, ptr, phantom });
    host_agrees!(HostOnly { a, v, s, t, o });
    host_agrees!(CTypes { a, b, c, d });
}

fn target(name: &str) -> &'static Target {
    Target::find(name).unwrap()
}

#[test]
fn predictions_for_other_targets() {
    // Sizes the rustc oracle test establishes for the engine (seed articles).
    let sizes = |name: &str| {
        let t = target(name);
        (
            T1::layout_on(t).unwrap().size(),
            Stats::layout_on(t).unwrap().size(),
        )
    };
    assert_eq!(sizes("x86_64-unknown-linux-gnu"), (24, 6));
    assert_eq!(sizes("i686-unknown-linux-gnu"), (16, 6));
    assert_eq!(sizes("msp430-none-elf"), (12, 6));
    assert_eq!(T1::layout_on(target("64")).unwrap().min_size(), 16);
    // repr(Rust) is not predicted elsewhere; a host-only field has no layout elsewhere.
    let other = Target::ALL.iter().find(|t| !t.is_current()).unwrap();
    assert!(RustRepr::layout_on(other).is_err());
    assert!(HostOnly::layout_on(other).is_err());
    // A derived struct equals the same definition written by hand, on every target.
    use layout_core::{Field, Prim, Repr, StructDef};
    const FIELDS: &[Field] = &[
        Field::new("a", "u8", Ty::Prim(Prim::U8)),
        Field::new("b", "u64", Ty::Prim(Prim::U64)),
        Field::new("c", "u16", Ty::Prim(Prim::U16)),
        Field::new("d", "u8", Ty::Prim(Prim::U8)),
    ];
    let by_hand = StructDef::repr_c("Packed2", FIELDS).with_repr(Repr::C.packed(2));
    for t in Target::ALL {
        let derived = Packed2::layout_on(t).unwrap();
        let expected = by_hand.layout_on(t).unwrap();
        assert_eq!(
            (derived.layout, &derived.fields),
            (expected.layout, &expected.fields),
            "{t}"
        );
    }
}

#[test]
fn derived_structs_nest_on_every_target() {
    assert!(matches!(<T1 as Model>::TY, Ty::Struct(def) if def.name == "T1"));
    for t in Target::ALL {
        let outer = Nested::layout_on(t).unwrap();
        let inner = T1::layout_on(t).unwrap();
        let aligned = Aligned::layout_on(t).unwrap();
        assert_eq!(outer.fields[1].size, inner.size(), "{t}");
        assert_eq!(outer.fields[3].offset % 32, 0, "{t}");
        assert_eq!(outer.fields[3].size, aligned.size(), "{t}");
        assert_eq!(outer.align(), 32, "{t}");
    }
}

#[test]
fn generic_structs_per_instantiation() {
    assert_eq!(Generic::<u8, 3>::layout().size(), 5);
    // A `u64` the compiler resolved may be `c_ulong`, which is 4 bytes on i686: no guess.
    // The error names the field to change: the first one whose type is a `u64` (in the array).
    let err = Generic::<u64, 2>::layout_on(target("32")).unwrap_err();
    assert_eq!(
        err,
        layout_core::LayoutError::MaybeCType {
            prim: layout_core::Prim::U64,
            c: layout_core::Prim::CUlong,
            field: Some(layout_core::FieldAt {
                owner: "Generic<u64, 2>",
                name: "items",
                ty_name: "[T; N]",
            }),
        }
    );
    assert!(
        err.to_string()
            .starts_with("the type of the field `items: [T; N]` of `Generic<u64, 2>` is `u64`"),
        "{err}"
    );
    assert_eq!(
        Generic::<f64, 2>::layout_on(target("32")).unwrap().size(),
        28
    );
    assert_eq!(
        Generic::<u64, 2>::layout_on(target("64")).unwrap().size(),
        32
    );
    // `T: ?Sized` behind a pointer: no `Model` bound needed, thin or wide per instantiation.
    assert_eq!(Behind::<[u8]>::layout_on(target("64")).unwrap().size(), 24);
    assert_eq!(Behind::<u8>::layout_on(target("64")).unwrap().size(), 16);

    // Each instantiation is named with its arguments: type parameters by their models, const
    // parameters by their values; a parameter without a `Model` bound is `_`.
    assert_eq!(Generic::<u8, 3>::DEF.name, "Generic<u8, 3>");
    assert_eq!(
        Generic::<Generic<[u16; 2], 1>, 2>::DEF.name,
        "Generic<Generic<[u16; 2], 1>, 2>"
    );
    assert_eq!(Generic::<T1, 1>::DEF.name, "Generic<T1, 1>");
    assert_eq!(Behind::<[u8]>::DEF.name, "Behind<_>");
    assert!(
        Generic::<u8, 3>::layout()
            .to_string()
            .contains("struct Generic<u8, 3> on ")
    );
}

#[test]
fn the_compilers_numbers_are_in_def() {
    let host = RustRepr::DEF.host.unwrap();
    assert_eq!(host.size, size_of::<RustRepr>() as u64);
    assert_eq!(host.offsets[1], memoffset::offset_of!(RustRepr, b) as u64);
}

// A definition that depends on the target: the derive sees the compiling target's only.
#[derive(Layout)]
#[repr(C)]
pub struct PerTargetFields {
    pub tag: u8,
    #[cfg(target_pointer_width = "64")]
    pub wide: u64,
    #[cfg(not(target_pointer_width = "64"))]
    pub narrow: u16,
}

#[derive(Layout)]
#[cfg_attr(target_arch = "x86_64", repr(C, align(4)))]
#[cfg_attr(not(target_arch = "x86_64"), repr(C, align(16)))]
pub struct PerTargetRepr {
    pub x: u8,
}

#[derive(Layout)]
#[repr(u8)]
pub enum PerTargetVariants {
    A,
    #[cfg(windows)]
    B,
    C(u32),
}

// A feature is the same on every target of a build: predicted everywhere.
#[derive(Layout)]
#[repr(C)]
pub struct FeatureFields {
    pub tag: u8,
    #[cfg(feature = "never-on")]
    pub extra: u64,
    pub len: u32,
}

#[test]
fn a_definition_per_target_is_not_predicted_elsewhere() {
    let other = Target::ALL.iter().find(|t| !t.is_current()).unwrap();
    assert!(PerTargetFields::layout_on(other).is_err());
    assert!(PerTargetRepr::layout_on(other).is_err());
    assert!(matches!(<PerTargetVariants as Model>::TY, Ty::Host { .. }));
    // On the compiling target: the compiler's numbers.
    let here = PerTargetFields::layout();
    assert_eq!(here.size(), size_of::<PerTargetFields>() as u64);
    assert_eq!(here.align(), align_of::<PerTargetFields>() as u64);
    let repr = PerTargetRepr::layout();
    assert_eq!(repr.size(), size_of::<PerTargetRepr>() as u64);
    assert_eq!(repr.align(), align_of::<PerTargetRepr>() as u64);
    for t in Target::ALL {
        let f = FeatureFields::layout_on(t).unwrap();
        assert_eq!(f.fields.len(), 2, "{t}");
    }
}

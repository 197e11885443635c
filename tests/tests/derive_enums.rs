//! `#[derive(Layout)]` on enums against the compiler and the oracle-checked engine: each derived
//! enum's `LayoutEnum::layout()` equals `size_of`/`align_of` on the host; a struct holding
//! `repr(u8)`, `repr(C)` and `repr(C, u8)` derived enums derives with `targets = "all"`, and its
//! prediction on every built-in target equals the engine's layout of the same definitions
//! written by hand (the engine's enum layouts are checked against rustc on all of them by
//! `oracle_enums`), and on the host `size_of`, `align_of` and `offset_of!`.

#![allow(dead_code)]

use core::mem::{align_of, offset_of, size_of};

use layout_core::{
    EnumDef, EnumRepr, Field, Layout, LayoutEnum, Model, Prim, PtrKind, StructDef, Target, Ty,
    Variant,
};

/// Fieldless, one-byte tag.
#[derive(Layout, Clone, Copy)]
#[repr(u8)]
enum Kind {
    A,
    B = 7,
    C,
}

/// Fieldless `repr(C)`: the tag is a C enum (4 bytes on most targets, 2 on 16-bit ones, 1 on
/// some embedded ones).
#[derive(Layout)]
#[repr(C)]
enum CKind {
    X = -1,
    Y,
    Z = 300,
}

/// Data: unit, tuple and named variants, one-byte tag.
#[derive(Layout)]
#[repr(u8)]
enum Msg {
    Quit,
    Move { x: i32, y: i32 },
    Write(u16),
    Pair(u8, u64),
}

/// Data, `repr(C, u8)`: every variant's fields start at one offset.
#[derive(Layout)]
#[repr(C, u8)]
enum Shape {
    Dot,
    Circle { r: f32 },
    Line(u16, u64),
}

/// Data, `repr(C)` with `align`.
#[derive(Layout)]
#[repr(C, align(16))]
enum Aligned {
    Small(u8),
    Big([u32; 3]),
}

/// Field types only the compiler resolves (a derived enum inside, a pointer behind an alias),
/// and a discriminant the compiler evaluates.
type Word = usize;
const BASE: i16 = -300;
#[derive(Layout)]
#[repr(i16)]
enum Nested<'a> {
    First(Kind, Word) = BASE,
    Second { msg: &'a str, kind: CKind },
    Third(Option<&'a u8>),
}

/// A fieldless enum with computed discriminants.
#[derive(Layout)]
#[repr(u32)]
enum Computed {
    A = 1 << 20,
    B = u16::MAX as u32 + 2,
    C,
}

/// A `repr(Rust)` enum: `Model` from the compiler, on the compiling target only.
#[derive(Layout)]
enum Plain {
    A(u8),
    B(u64),
}

/// The struct holding them, checked on every target.
#[derive(Layout)]
#[repr(C)]
#[layout(targets = "all", max_padding = 64)]
struct Holder {
    kind: Kind,
    msg: Msg,
    ckind: CKind,
    shape: Shape,
    flag: bool,
}

#[test]
fn every_derived_enum_has_the_compilers_size_and_alignment() {
    fn check<T: LayoutEnum>(name: &str) {
        let l = T::layout();
        assert_eq!(
            (l.size(), l.align()),
            (size_of::<T>() as u64, align_of::<T>() as u64),
            "{name}"
        );
    }
    check::<Kind>("Kind");
    check::<CKind>("CKind");
    check::<Msg>("Msg");
    check::<Shape>("Shape");
    check::<Aligned>("Aligned");
    check::<Nested<'static>>("Nested");
    check::<Computed>("Computed");
    assert_eq!(
        <Plain as Model>::TY,
        Ty::Host {
            name: "Plain",
            size: size_of::<Plain>() as u64,
            align: align_of::<Plain>() as u64
        }
    );
}

#[test]
fn discriminants_are_the_compilers() {
    let values = |def: EnumDef<'static>| {
        def.layout_on(Target::CURRENT.unwrap())
            .unwrap()
            .discriminant_values()
    };
    assert_eq!(
        values(Kind::DEF),
        [Kind::A as i128, Kind::B as i128, Kind::C as i128]
    );
    assert_eq!(
        values(CKind::DEF),
        [CKind::X as i128, CKind::Y as i128, CKind::Z as i128]
    );
    assert_eq!(
        values(Computed::DEF),
        [
            Computed::A as i128,
            Computed::B as i128,
            Computed::C as i128
        ]
    );
    assert_eq!(values(Nested::DEF), [-300, -299, -298]);
}

/// Variant field offsets on the host, read from values: the address of a field inside an enum
/// value against the value's own.
#[test]
fn variant_field_offsets_are_the_compilers() {
    fn offset_in<E, F>(e: &E, f: &F) -> u64 {
        (f as *const F as usize - e as *const E as usize) as u64
    }
    let l = Msg::layout();
    let m = Msg::Move { x: 1, y: 2 };
    if let Msg::Move { x, y } = &m {
        assert_eq!(l.variant_fields(1)[0].offset, offset_in(&m, x));
        assert_eq!(l.variant_fields(1)[1].offset, offset_in(&m, y));
    }
    let p = Msg::Pair(1, 2);
    if let Msg::Pair(a, b) = &p {
        assert_eq!(l.variant_fields(3)[0].offset, offset_in(&p, a));
        assert_eq!(l.variant_fields(3)[1].offset, offset_in(&p, b));
    }
    let s = Shape::Line(1, 2);
    let l = Shape::layout();
    if let Shape::Line(a, b) = &s {
        assert_eq!(l.variant_fields(2)[0].offset, offset_in(&s, a));
        assert_eq!(l.variant_fields(2)[1].offset, offset_in(&s, b));
    }
    let c = Shape::Circle { r: 1.0 };
    if let Shape::Circle { r } = &c {
        assert_eq!(l.variant_fields(1)[0].offset, offset_in(&c, r));
    }
}

const fn f(name: &'static str, ty_name: &'static str, ty: Ty<'static>) -> Field<'static> {
    Field::new(name, ty_name, ty)
}

/// The enums of `Holder`, written by hand for the engine.
const KIND: EnumDef<'static> = EnumDef::new(
    "Kind",
    EnumRepr::int(Prim::U8),
    &[
        Variant::unit("A"),
        Variant::unit("B").with_discriminant(7),
        Variant::unit("C"),
    ],
);
const CKIND: EnumDef<'static> = EnumDef::new(
    "CKind",
    EnumRepr::C,
    &[
        Variant::unit("X").with_discriminant(-1),
        Variant::unit("Y"),
        Variant::unit("Z").with_discriminant(300),
    ],
);
const MSG: EnumDef<'static> = EnumDef::new(
    "Msg",
    EnumRepr::int(Prim::U8),
    &[
        Variant::unit("Quit"),
        Variant::new(
            "Move",
            &[
                f("x", "i32", Ty::Prim(Prim::I32)),
                f("y", "i32", Ty::Prim(Prim::I32)),
            ],
        ),
        Variant::new("Write", &[f("0", "u16", Ty::Prim(Prim::U16))]),
        Variant::new(
            "Pair",
            &[
                f("0", "u8", Ty::Prim(Prim::U8)),
                f("1", "u64", Ty::Prim(Prim::U64)),
            ],
        ),
    ],
);
const SHAPE: EnumDef<'static> = EnumDef::new(
    "Shape",
    EnumRepr::int(Prim::U8).with_c(),
    &[
        Variant::unit("Dot"),
        Variant::new("Circle", &[f("r", "f32", Ty::Prim(Prim::F32))]),
        Variant::new(
            "Line",
            &[
                f("0", "u16", Ty::Prim(Prim::U16)),
                f("1", "u64", Ty::Prim(Prim::U64)),
            ],
        ),
    ],
);
const HOLDER: StructDef<'static> = StructDef::repr_c(
    "Holder",
    &[
        f("kind", "Kind", Ty::Enum(&KIND)),
        f("msg", "Msg", Ty::Enum(&MSG)),
        f("ckind", "CKind", Ty::Enum(&CKIND)),
        f("shape", "Shape", Ty::Enum(&SHAPE)),
        f("flag", "bool", Ty::Prim(Prim::Bool)),
    ],
);

#[test]
fn the_holder_is_predicted_like_the_engine_on_every_target() {
    let mut compared = 0;
    for target in Target::ALL {
        let derived = Holder::layout_on(target).map(|l| (l.size(), l.align(), offsets(&l)));
        let engine = HOLDER
            .layout_on(target)
            .map(|l| (l.size(), l.align(), offsets(&l)));
        assert_eq!(derived, engine, "Holder on {}", target.triple);
        compared += 1;
        for (derived, by_hand) in [
            (Kind::DEF, KIND),
            (CKind::DEF, CKIND),
            (Msg::DEF, MSG),
            (Shape::DEF, SHAPE),
        ] {
            let d = derived
                .layout_on(target)
                .map(|l| (l.layout, l.tag, l.variants, l.fields));
            let e = by_hand
                .layout_on(target)
                .map(|l| (l.layout, l.tag, l.variants, l.fields));
            assert_eq!(d, e, "{} on {}", by_hand.name, target.triple);
        }
    }
    assert_eq!(compared, Target::ALL.len());
    // Nested enums resolved by the compiler are the derived ones.
    assert!(matches!(<Kind as Model>::TY, Ty::Enum(def) if *def == KIND));
    let _ = PtrKind::Thin;
}

#[test]
fn the_holder_on_the_host_is_the_compilers() {
    let l = Holder::layout();
    assert_eq!(l.size(), size_of::<Holder>() as u64);
    assert_eq!(l.align(), align_of::<Holder>() as u64);
    let offsets = [
        offset_of!(Holder, kind),
        offset_of!(Holder, msg),
        offset_of!(Holder, ckind),
        offset_of!(Holder, shape),
        offset_of!(Holder, flag),
    ]
    .map(|o| o as u64);
    assert_eq!(self::offsets(&l), offsets);
}

fn offsets(l: &layout_core::StructLayout) -> Vec<u64> {
    l.fields.iter().map(|f| f.offset).collect()
}

#[test]
fn the_table_is_the_engines() {
    let text = Msg::layout_on(Target::find("64").unwrap())
        .unwrap()
        .to_string();
    assert!(
        text.starts_with("#[repr(u8)] enum Msg on x86_64-unknown-linux-gnu: size 16, align 8"),
        "{text}"
    );
    assert!(text.contains("largest payload: Pair, 15 bytes"), "{text}");
}

//! Representations rustc rejects are errors in the engine too; each case is compiled by rustc
//! (through the oracle, for x86_64) to show that rustc rejects it with the same complaint.

use layout_core::{Field, LayoutError, Prim, Repr, ReprProblem, StructDef, Target, Ty};
use layout_tests::oracle;

const U8: Ty<'static> = Ty::Prim(Prim::U8);
const U32: Ty<'static> = Ty::Prim(Prim::U32);
const ALIGNED_FIELDS: &[Field] = &[Field::new("a", "u8", U8)];
const ALIGNED: StructDef =
    StructDef::repr_c("Aligned", ALIGNED_FIELDS).with_repr(Repr::C.aligned(8));

/// The engine's verdict on `def`, and rustc's on `source` (which must define `def.name`).
fn both(def: &StructDef<'static>, source: &str) -> (LayoutError<'static>, String) {
    let x86_64 = Target::find("64").unwrap();
    let engine = def.layout_on(x86_64).expect_err("the engine accepted it");
    let src = format!("{source}\n{}", oracle::keep(def.name));
    match oracle::measure(x86_64.triple, &src) {
        Err(oracle::OracleError::Rustc { stderr, .. }) => (engine, stderr),
        other => panic!("rustc accepted {source}: {other:?}"),
    }
}

#[test]
fn packed_with_align() {
    const F: &[Field] = &[Field::new("a", "u32", U32)];
    let def = StructDef::repr_c("S", F).with_repr(Repr::C.packed(2).aligned(4));
    let (engine, rustc) = both(
        &def,
        "#[repr(C, packed(2), align(4))] pub struct S { a: u32 }",
    );
    assert!(matches!(
        engine,
        LayoutError::BadRepr {
            problem: ReprProblem::PackedAndAligned,
            ..
        }
    ));
    assert!(rustc.contains("E0587"), "{rustc}");
}

#[test]
fn packed_around_an_aligned_type_but_not_an_array_of_them() {
    // An array of aligned types is accepted (its alignment is capped like any field's).
    const A: &[Field] = &[
        Field::new("x", "u8", U8),
        Field::new("a", "[Aligned; 2]", Ty::Array(&Ty::Struct(&ALIGNED), 2)),
    ];
    let arrays = StructDef::repr_c("PA", A).with_repr(Repr::C.packed(1));
    let x86_64 = Target::find("64").unwrap();
    let engine = arrays.layout_on(x86_64).unwrap();
    let src = format!(
        "#[repr(C, align(8))] pub struct Aligned {{ a: u8 }}\n#[repr(C, packed)] pub struct PA {{ x: u8, a: [Aligned; 2] }}\n{}",
        oracle::keep("PA")
    );
    let rustc = &oracle::measure(x86_64.triple, &src).unwrap()["PA"];
    assert_eq!(
        (engine.size(), engine.align(), engine.fields[1].offset),
        (rustc.size, rustc.align, 1)
    );

    // A field of an aligned type, directly or inside a nested struct, is rejected.
    const W: &[Field] = &[Field::new("inner", "Aligned", Ty::Struct(&ALIGNED))];
    const WRAP: StructDef = StructDef::repr_c("Wrap", W);
    const F: &[Field] = &[
        Field::new("x", "u8", U8),
        Field::new("a", "Wrap", Ty::Struct(&WRAP)),
    ];
    let def = StructDef::repr_c("P", F).with_repr(Repr::C.packed(1));
    let (engine, rustc) = both(
        &def,
        "#[repr(C, align(8))] pub struct Aligned { a: u8 }\n#[repr(C)] pub struct Wrap { inner: Aligned }\n#[repr(C, packed)] pub struct P { x: u8, a: Wrap }",
    );
    assert!(matches!(
        engine,
        LayoutError::BadRepr {
            problem: ReprProblem::PackedContainsAligned(1),
            ..
        }
    ));
    assert!(rustc.contains("E0588"), "{rustc}");
}

#[test]
fn transparent_with_two_fields() {
    const F: &[Field] = &[Field::new("a", "u8", U8), Field::new("b", "u32", U32)];
    let def = StructDef::repr_c("T", F).with_repr(Repr::TRANSPARENT);
    let (engine, rustc) = both(&def, "#[repr(transparent)] pub struct T { a: u8, b: u32 }");
    assert!(matches!(
        engine,
        LayoutError::BadRepr {
            problem: ReprProblem::TransparentFields,
            ..
        }
    ));
    assert!(rustc.contains("E0690"), "{rustc}");
}

#[test]
fn align_not_a_power_of_two() {
    const F: &[Field] = &[Field::new("a", "u8", U8)];
    let def = StructDef::repr_c("A", F).with_repr(Repr::C.aligned(3));
    let (engine, rustc) = both(&def, "#[repr(C, align(3))] pub struct A { a: u8 }");
    assert!(matches!(
        engine,
        LayoutError::BadRepr {
            problem: ReprProblem::BadAlignValue(3),
            ..
        }
    ));
    assert!(rustc.contains("E0589"), "{rustc}");
}

#[test]
fn array_size_overflow_is_an_error_not_a_wrap() {
    let x86_64 = Target::find("64").unwrap();
    let big = Ty::Array(&U32, u64::MAX / 2);
    assert!(matches!(
        layout_core::type_layout(&big, x86_64),
        Err(LayoutError::TooBig { .. })
    ));
    let nested = Ty::Array(&big, u64::MAX);
    assert!(matches!(
        layout_core::type_layout(&nested, x86_64),
        Err(LayoutError::TooBig { .. })
    ));
    const F: &[Field] = &[
        Field::new("a", "u8", U8),
        Field::new("b", "[u8; 2^61-1]", Ty::Array(&U8, (1 << 61) - 1)),
    ];
    // Each field fits; the struct, one byte larger, does not.
    assert!(matches!(
        StructDef::repr_c("S", F).layout_on(x86_64),
        Err(LayoutError::TooBig { ty: "S" })
    ));
}

#[test]
fn repr_rust_is_unpredictable_elsewhere_and_opaque_types_have_no_model() {
    let other = Target::ALL.iter().find(|t| !t.is_current()).unwrap();
    const F: &[Field] = &[Field::new("a", "u8", U8)];
    let rust = StructDef::repr_c("R", F).with_repr(Repr::RUST);
    assert!(matches!(
        rust.layout_on(other),
        Err(LayoutError::Unpredictable { ty: "R" })
    ));
    const G: &[Field] = &[Field::new("v", "Foreign", Ty::Opaque { name: "Foreign" })];
    assert!(matches!(
        StructDef::repr_c("O", G).layout_on(other),
        Err(LayoutError::NoModel { ty: "Foreign" })
    ));
}

#[test]
fn fixed_models_must_be_real_layouts() {
    let x86_64 = Target::find("64").unwrap();
    for (size, align) in [(4, 3), (6, 4), (8, 0)] {
        let ty = Ty::Fixed {
            name: "Foreign",
            size,
            align,
        };
        assert!(matches!(
            layout_core::type_layout(&ty, x86_64),
            Err(LayoutError::BadRepr { ty: "Foreign", .. })
        ));
    }
    let ok = Ty::Fixed {
        name: "Foreign",
        size: 24,
        align: 8,
    };
    assert_eq!(layout_core::type_layout(&ok, x86_64).unwrap().size, 24);
}

/// Enum representations rustc rejects: the engine's `BadRepr` problem and rustc's error code,
/// each compiled by rustc for x86_64.
#[test]
fn enum_reprs_rustc_rejects() {
    use layout_core::{EnumDef, EnumRepr, Variant};
    const FIELDS: &[Field] = &[Field::new("0", "u8", U8)];
    const AB: &[Variant] = &[Variant::unit("A"), Variant::unit("B")];
    let cases: Vec<(EnumDef<'static>, &str, ReprProblem, &str)> = vec![
        (
            EnumDef::new("E", EnumRepr::C, &[]),
            "#[repr(C)] pub enum E {}",
            ReprProblem::EmptyEnum,
            "E0084",
        ),
        (
            EnumDef::new("E", EnumRepr::int(Prim::U8), &[]),
            "#[repr(u8)] pub enum E {}",
            ReprProblem::EmptyEnum,
            "E0084",
        ),
        (
            EnumDef::new("E", EnumRepr::int(Prim::Bool), AB),
            "#[repr(bool)] pub enum E { A, B }",
            ReprProblem::BadEnumInt,
            "E0552",
        ),
        (
            EnumDef::new("E", EnumRepr::int(Prim::U8).with_c(), AB),
            "#[repr(C, u8)] pub enum E { A, B }",
            ReprProblem::ConflictingEnumHints,
            "E0566",
        ),
        (
            EnumDef::new("E", EnumRepr::C, {
                const V: &[Variant] = &[Variant::new("A", FIELDS).with_discriminant(3)];
                V
            }),
            "#[repr(C)] pub enum E { A(u8) = 3 }",
            ReprProblem::DiscriminantNeedsInt(0),
            "E0732",
        ),
        (
            EnumDef::new("E", EnumRepr::int(Prim::U8), {
                const V: &[Variant] = &[
                    Variant::unit("A").with_discriminant(255),
                    Variant::unit("B"),
                ];
                V
            }),
            "#[repr(u8)] pub enum E { A = 255, B }",
            ReprProblem::DiscriminantOverflow(1),
            "E0370",
        ),
        (
            EnumDef::new("E", EnumRepr::int(Prim::U8), {
                const V: &[Variant] = &[Variant::unit("A").with_discriminant(256)];
                V
            }),
            "#[repr(u8)] pub enum E { A = 256 }",
            ReprProblem::DiscriminantOutOfRange(0),
            "literal out of range",
        ),
        (
            EnumDef::new("E", EnumRepr::int(Prim::I8), {
                const V: &[Variant] = &[
                    Variant::unit("A").with_discriminant(1),
                    Variant::unit("B").with_discriminant(0),
                    Variant::unit("C"),
                ];
                V
            }),
            "#[repr(i8)] pub enum E { A = 1, B = 0, C }",
            ReprProblem::DuplicateDiscriminant(2),
            "E0081",
        ),
    ];
    let x86_64 = Target::find("64").unwrap();
    for (def, source, problem, code) in cases {
        let engine = def.layout_on(x86_64).expect_err(source);
        assert_eq!(
            engine,
            LayoutError::BadRepr { ty: "E", problem },
            "{source}"
        );
        let src = format!("{source}\n#[no_mangle] pub fn keep_e(x: &E) -> &E {{ x }}\n");
        match oracle::measure(x86_64.triple, &src) {
            Err(oracle::OracleError::Rustc { stderr, .. }) => {
                assert!(stderr.contains(code), "{source}: {stderr}")
            }
            other => panic!("rustc accepted {source}: {other:?}"),
        }
    }
}

/// rustc's E0588 check does not look into enums: a `packed` struct may hold an enum with
/// `align(N)` or with an aligned field, capping its alignment (so the engine accepts it too).
#[test]
fn packed_around_aligned_enums() {
    use layout_core::{EnumDef, EnumRepr, Variant};
    const AL: &[Field] = &[Field::new("0", "Aligned", Ty::Struct(&ALIGNED))];
    const VA: &[Variant] = &[Variant::new("A", AL), Variant::unit("B")];
    const EA: EnumDef = EnumDef::new("EA", EnumRepr::int(Prim::U8), VA);
    const VB: &[Variant] = &[Variant::unit("A"), Variant::unit("B")];
    const EB: EnumDef = EnumDef::new("EB", EnumRepr::int(Prim::U8).aligned(4), VB);
    const F: &[Field] = &[
        Field::new("x", "u8", U8),
        Field::new("a", "EA", Ty::Enum(&EA)),
        Field::new("b", "EB", Ty::Enum(&EB)),
    ];
    let def = StructDef::repr_c("P", F).with_repr(Repr::C.packed(1));
    let x86_64 = Target::find("64").unwrap();
    let engine = def.layout_on(x86_64).unwrap();
    let src = format!(
        "#[repr(C, align(8))] pub struct Aligned {{ a: u8 }}\n\
         #[repr(u8)] pub enum EA {{ A(Aligned), B }}\n\
         #[repr(u8, align(4))] pub enum EB {{ A, B }}\n\
         #[repr(C, packed)] pub struct P {{ x: u8, a: EA, b: EB }}\n{}",
        oracle::keep("P")
    );
    let rustc = &oracle::measure(x86_64.triple, &src).unwrap()["P"];
    let offsets: Vec<u64> = engine.fields.iter().map(|f| f.offset).collect();
    let real: Vec<u64> = ["x", "a", "b"]
        .iter()
        .map(|n| rustc.offset_of(n).unwrap())
        .collect();
    assert_eq!(
        (engine.size(), engine.align(), offsets),
        (rustc.size, rustc.align, real)
    );
}

/// `repr(Rust)` enums have no predicted layout, on any target.
#[test]
fn rust_enums_are_unpredictable() {
    use layout_core::{EnumDef, EnumRepr, Variant};
    const VB: &[Variant] = &[Variant::unit("A"), Variant::unit("B")];
    for def in [
        EnumDef::new("R", EnumRepr::RUST, VB),
        EnumDef::new("R", EnumRepr::RUST.aligned(8), &[]),
    ] {
        for target in Target::ALL {
            assert_eq!(
                def.layout_on(target),
                Err(LayoutError::Unpredictable { ty: "R" })
            );
        }
    }
}

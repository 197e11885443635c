//! A seeded generator of enums with a defined layout (`repr(C)`, `repr(Int)`, `repr(C, Int)`,
//! `align(N)`), fieldless and with unit, tuple and named variants, explicit discriminants
//! (including values that widen a C enum, negative ones, and ones out of `isize`'s range on
//! 32- and 16-bit targets), interleaved with structs and unions that hold them and that
//! variants hold in turn. The same definitions are laid out by the engine, by rustc for every
//! target (the oracle test) and by the compiler for the host.

use layout_core::{EnumDef, EnumRepr, Field, Prim, Shape, Target, Ty, Variant};

use crate::corpus::{Corpus, GenEnum, GenTy, Need, Rng, leak, leak_str, prim};

/// Seed of [`enums`].
pub const ENUM_SEED: u64 = 0xE10E_5EED;
/// Number of random enums in [`enums`] (besides the fixed ones).
pub const ENUM_RANDOM: usize = 330;
/// Number of random structs and unions in [`enums`], which nest the enums defined before them.
pub const ENUM_STRUCTS: usize = 110;

/// The enum corpus the oracle and host tests share.
pub fn enums() -> Corpus {
    Corpus::generate_enums(ENUM_SEED, ENUM_RANDOM, ENUM_STRUCTS)
}

/// The integers a `repr` may name.
const INTS: [Prim; 12] = [
    Prim::U8,
    Prim::U16,
    Prim::U32,
    Prim::U64,
    Prim::U128,
    Prim::Usize,
    Prim::I8,
    Prim::I16,
    Prim::I32,
    Prim::I64,
    Prim::I128,
    Prim::Isize,
];

/// Discriminant values around every integer boundary.
const EDGES: &[i128] = &[
    0,
    1,
    2,
    7,
    100,
    127,
    128,
    255,
    256,
    -1,
    -2,
    -128,
    -129,
    0x7FFF,
    0x8000,
    0xFFFF,
    0x1_0000,
    -0x8000,
    -0x8001,
    0x7FFF_FFFF,
    0x8000_0000,
    0xFFFF_FFFF,
    0x1_0000_0000,
    -0x8000_0000,
    -0x8000_0001,
    i64::MAX as i128,
    i64::MIN as i128,
    u64::MAX as i128,
    i128::MAX,
    i128::MIN,
];

/// A variant being generated: name, explicit discriminant, fields.
type GenVariant = (String, Option<i128>, Vec<(String, GenTy)>);

impl Corpus {
    /// The enum corpus: fixed enums for the rules' corners, then `enums` random enums and
    /// `structs` random structs interleaved, each nesting only earlier types.
    pub fn generate_enums(seed: u64, enums: usize, structs: usize) -> Corpus {
        let mut c = Corpus {
            structs: Vec::new(),
            enums: Vec::new(),
            rng: Rng::new(seed),
            heights: Default::default(),
        };
        c.add_fixed_enums();
        let (mut e, mut s) = (0, 0);
        while e < enums || s < structs {
            let struct_turn =
                s < structs && (e >= enums || c.rng.below(enums as u64 + 1) < structs as u64);
            if struct_turn {
                c.add_random_named(format!("ES{s:03}"));
                s += 1;
            } else {
                c.add_random_enum(format!("E{e:03}"));
                e += 1;
            }
        }
        c
    }

    /// Adds an enum; panics if the engine rejects its discriminants on a 64-bit target (the
    /// generator only makes enums that are valid there).
    pub(crate) fn push_enum(&mut self, name: String, repr: EnumRepr, variants: Vec<GenVariant>) {
        let variants: Vec<Variant<'static>> = variants
            .into_iter()
            .map(|(n, discriminant, fields)| {
                let fields: Vec<Field<'static>> = fields
                    .into_iter()
                    .map(|(n, t)| Field {
                        name: leak_str(n),
                        ty_name: leak_str(t.rust),
                        ty: t.ty,
                    })
                    .collect();
                Variant {
                    name: leak_str(n),
                    discriminant,
                    fields: Box::leak(fields.into_boxed_slice()),
                }
            })
            .collect();
        let def = EnumDef::new(leak_str(name), repr, Box::leak(variants.into_boxed_slice()));
        let fields = def.variants.iter().flat_map(|v| v.fields);
        let height = 1 + fields.map(|f| self.height(&f.ty)).max().unwrap_or(0);
        self.heights.insert(def.name, height);
        self.enums.push(GenEnum { def: leak(def) });
    }

    fn add_fixed_enums(&mut self) {
        use Prim::*;
        let unit = |n: &str, d: Option<i128>| (n.to_owned(), d, Vec::new());
        let tuple = |n: &str, d: Option<i128>, tys: Vec<GenTy>| {
            let fields = tys.into_iter().enumerate().map(|(i, t)| (i.to_string(), t));
            (n.to_owned(), d, fields.collect::<Vec<_>>())
        };
        let named = |n: &str, fields: Vec<(&str, GenTy)>| {
            let fields = fields.into_iter().map(|(f, t)| (f.to_owned(), t));
            (n.to_owned(), None, fields.collect::<Vec<_>>())
        };
        let zst = || GenTy {
            ty: Ty::Zst,
            rust: "()".into(),
        };
        let u32x0 = GenTy {
            ty: Ty::Array(leak(Ty::Prim(U32)), 0),
            rust: "[u32; 0]".into(),
        };
        let ab = || vec![unit("A", None), unit("B", None)];
        // The smallest C enum on each target (rustc's minimum C enum width).
        self.push_enum("CMin".into(), EnumRepr::C, vec![unit("A", None)]);
        self.push_enum("CTwo".into(), EnumRepr::C, ab());
        // Discriminants that widen a C enum where its minimum is 1 byte, or on 64-bit targets.
        self.push_enum("C200".into(), EnumRepr::C, vec![unit("A", Some(200))]);
        self.push_enum("C300".into(), EnumRepr::C, vec![unit("A", Some(300))]);
        self.push_enum(
            "CNeg".into(),
            EnumRepr::C,
            vec![unit("A", Some(-1)), unit("B", None)],
        );
        self.push_enum("CNeg129".into(), EnumRepr::C, vec![unit("A", Some(-129))]);
        self.push_enum(
            "CU32".into(),
            EnumRepr::C,
            vec![unit("A", Some(0xFFFF_FFFF))],
        );
        let wide = vec![unit("A", Some(-1)), unit("B", Some(0xFFFF_FFFF))];
        self.push_enum("CWide".into(), EnumRepr::C, wide);
        self.push_enum(
            "C2p32".into(),
            EnumRepr::C,
            vec![unit("A", Some(1 << 32)), unit("B", None)],
        );
        self.push_enum(
            "CMax16".into(),
            EnumRepr::C,
            vec![unit("A", Some(0x7FFF)), unit("B", None)],
        );
        // 300 implicit discriminants: a 2-byte tag where C enums are 1 byte.
        let many: Vec<GenVariant> = (0..300).map(|i| unit(&format!("V{i}"), None)).collect();
        self.push_enum("C300Variants".into(), EnumRepr::C, many);
        let many: Vec<GenVariant> = (0..300)
            .map(|i| {
                if i % 2 == 0 {
                    unit(&format!("V{i}"), None)
                } else {
                    tuple(&format!("V{i}"), None, vec![prim(U8)])
                }
            })
            .collect();
        self.push_enum("C300Data".into(), EnumRepr::C, many);
        // Data-carrying enums of each kind (the shapes of RFC 2195's examples).
        let data = || {
            vec![
                tuple("A", None, vec![prim(U32), prim(U8)]),
                named("B", vec![("x", prim(U16))]),
                unit("C", None),
            ]
        };
        self.push_enum("IntData".into(), EnumRepr::int(U8), data());
        self.push_enum("CData".into(), EnumRepr::C, data());
        self.push_enum("CIntData".into(), EnumRepr::int(U8).with_c(), data());
        self.push_enum("CAlign16".into(), EnumRepr::C.aligned(16), ab());
        self.push_enum(
            "I64Neg".into(),
            EnumRepr::int(I64),
            vec![unit("A", Some(-5)), unit("B", None)],
        );
        self.push_enum(
            "COne".into(),
            EnumRepr::C,
            vec![tuple("A", None, vec![prim(U8)])],
        );
        self.push_enum("U16One".into(), EnumRepr::int(U16), vec![unit("A", None)]);
        let big = vec![
            tuple("A", Some(7), vec![prim(U8)]),
            tuple("B", Some(1 << 32), vec![prim(U64)]),
        ];
        self.push_enum("CI64Data".into(), EnumRepr::int(I64).with_c(), big);
        let al = vec![tuple("A", None, vec![prim(U16)]), unit("B", None)];
        self.push_enum("U8Align8".into(), EnumRepr::int(U8).aligned(8), al);
        let al = vec![
            tuple("A", None, vec![prim(U16), prim(U8)]),
            tuple("B", None, vec![prim(U64)]),
        ];
        self.push_enum("CAlign2Data".into(), EnumRepr::C.aligned(2), al);
        // Zero-sized variants: the payload union still aligns to every field, ZSTs included.
        let z = vec![
            tuple("A", None, vec![zst()]),
            tuple("B", None, vec![u32x0.clone()]),
            unit("C", None),
        ];
        self.push_enum("CU8Zst".into(), EnumRepr::int(U8).with_c(), z.clone());
        self.push_enum("U8Zst".into(), EnumRepr::int(U8), z.clone());
        self.push_enum("CZst".into(), EnumRepr::C, z);
        self.push_enum(
            "U8OneZst".into(),
            EnumRepr::int(U8),
            vec![tuple("A", None, vec![zst()])],
        );
        // Wide tags: their alignment differs between targets (u128 is 8- or 16-aligned).
        let w = || vec![tuple("A", None, vec![prim(U8)]), unit("B", Some(9))];
        self.push_enum("U128Tag".into(), EnumRepr::int(U128), w());
        self.push_enum("I128Tag".into(), EnumRepr::int(I128).with_c(), w());
        self.push_enum("UsizeTag".into(), EnumRepr::int(Usize), w());
        self.push_enum("IsizeTag".into(), EnumRepr::int(Isize).with_c(), w());
        let f = vec![
            tuple("A", None, vec![prim(F64)]),
            tuple("B", None, vec![prim(U8), prim(F64)]),
            unit("C", None),
        ];
        self.push_enum("U8F64".into(), EnumRepr::int(U8), f.clone());
        self.push_enum("CF64".into(), EnumRepr::C, f);
    }

    /// A random enum with a defined layout named `name`.
    fn add_random_enum(&mut self, name: String) {
        let rng = &mut self.rng;
        let int = *rng.pick(&INTS);
        let mut repr = match rng.below(100) {
            0..30 => EnumRepr::C,
            30..75 => EnumRepr::int(int),
            _ => EnumRepr::int(int).with_c(),
        };
        if rng.chance(20) {
            repr = repr.aligned(*rng.pick(&[1, 2, 4, 8, 16, 32, 64]));
        }
        let fieldless = rng.chance(40);
        let n = if rng.chance(5) {
            20 + rng.below(21)
        } else {
            1 + rng.below(6)
        };
        let mut variants: Vec<GenVariant> = Vec::new();
        for k in 0..n {
            let kind = if fieldless { 0 } else { self.rng.below(3) };
            let count = if kind == 0 { 0 } else { 1 + self.rng.below(3) };
            let need = Need {
                packed: false,
                copy: false,
            };
            let fields: Vec<(String, GenTy)> = (0..count)
                .map(|i| {
                    let name = if kind == 1 {
                        i.to_string()
                    } else {
                        format!("f{i}")
                    };
                    (name, self.random_ty(need, 1))
                })
                .collect();
            variants.push((format!("V{k}"), None, fields));
        }
        if variants.iter().all(|v| v.2.is_empty()) && repr.c && repr.int.is_some() {
            // rustc rejects `repr(C, Int)` on a fieldless enum (E0566): so does the engine
            // (`repr_errors`); the corpus keeps to valid enums.
            repr.c = false;
        }
        // Explicit discriminants where Rust allows them, re-rolled until valid on a 64-bit
        // target (other targets may reject them: the tests check that the engine says so too).
        let allowed = fieldless || repr.int.is_some();
        if allowed && self.rng.chance(55) {
            let x86_64 = Target::find("x86_64-unknown-linux-gnu").expect("x86_64");
            for _ in 0..50 {
                for v in variants.iter_mut() {
                    v.1 = if self.rng.chance(45) {
                        Some(if self.rng.chance(70) {
                            *self.rng.pick(EDGES)
                        } else {
                            self.rng.below(1000) as i128 - 100
                        })
                    } else {
                        None
                    };
                }
                let probe: Vec<Variant<'_>> = variants
                    .iter()
                    .map(|(n, d, _)| Variant {
                        name: n,
                        discriminant: *d,
                        fields: &[],
                    })
                    .collect();
                let def = EnumDef::new("probe", repr, &probe);
                if layout_core::discriminants(&def, x86_64, &mut []).is_ok() {
                    break;
                }
                for v in variants.iter_mut() {
                    v.1 = None;
                }
            }
        }
        self.push_enum(name, repr, variants);
    }

    /// The corpus's enums and structs as a real Rust module for the compiling target, with
    /// `measured()` for the structs (as [`Corpus::host_source`]), `enums_measured()` giving
    /// `(name, size_of, align_of)` of every enum, and `tags()` giving, for every unit variant,
    /// `(enum, variant index, the first `tag_bytes` bytes of its value)`, where `tag_bytes`
    /// says how many bytes the engine's tag has on the host (`None`: no layout there).
    pub fn enum_host_source(&self, tag_bytes: impl Fn(&EnumDef<'_>) -> Option<u64>) -> String {
        let mut src = String::from(
            "// GENERATED by layout-tests' build script from the seeded enum corpus. Do not edit.\n\
             pub trait Tr {}\n\
             #[allow(unused_imports)]\n\
             use ::core::ffi::{c_char, c_schar, c_uchar, c_short, c_ushort, c_int, c_uint, c_long, \
             c_ulong, c_longlong, c_ulonglong, c_float, c_double};\n",
        );
        for e in &self.enums {
            src.push_str(&e.rust_source(false));
        }
        for s in &self.structs {
            src.push_str(&s.rust_source(false));
        }
        src.push_str(
            "/// (name, size_of, align_of, [(field, offset_of)]) for every struct.\n\
             pub fn measured() -> Vec<(&'static str, usize, usize, Vec<(&'static str, usize)>)> {\n    vec![\n",
        );
        for s in &self.structs {
            let name = s.def.name;
            let offset = if s.def.shape == Shape::Union {
                "offset_of_union"
            } else {
                "offset_of"
            };
            let fields: Vec<String> = s
                .def
                .fields
                .iter()
                .map(|f| format!("(\"{0}\", ::memoffset::{offset}!({name}, {0}))", f.name))
                .collect();
            src.push_str(&format!(
                "        (\"{name}\", ::core::mem::size_of::<{name}>(), ::core::mem::align_of::<{name}>(), vec![{}]),\n",
                fields.join(", ")
            ));
        }
        src.push_str("    ]\n}\n");
        src.push_str(
            "/// (name, size_of, align_of) for every enum.\n\
             pub fn enums_measured() -> Vec<(&'static str, usize, usize)> {\n    vec![\n",
        );
        for e in &self.enums {
            let name = e.def.name;
            src.push_str(&format!(
                "        (\"{name}\", ::core::mem::size_of::<{name}>(), ::core::mem::align_of::<{name}>()),\n"
            ));
        }
        src.push_str("    ]\n}\n");
        src.push_str(
            "/// (enum, variant index, the first bytes of the value) for every unit variant.\n\
             pub fn tags() -> Vec<(&'static str, usize, Vec<u8>)> {\n    vec![\n",
        );
        for e in &self.enums {
            let Some(n) = tag_bytes(e.def) else { continue };
            for (k, v) in e.def.variants.iter().enumerate() {
                if !v.fields.is_empty() {
                    continue;
                }
                src.push_str(&format!(
                    "        (\"{0}\", {k}, tag_of::<{0}, {n}>(|| {0}::{1})),\n",
                    e.def.name, v.name
                ));
            }
        }
        src.push_str(
            "    ]\n}\n\
             /// The first `N` bytes of the value `make` returns (in its own frame: some values \
             are large).\n\
             fn tag_of<E, const N: usize>(make: fn() -> E) -> Vec<u8> {\n    \
             let v = make();\n    \
             // SAFETY: the caller passes the width of `E`'s tag, which starts the value.\n    \
             unsafe { (&v as *const E as *const [u8; N]).read() }.to_vec()\n}\n",
        );
        src
    }
}

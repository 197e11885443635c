//! A seeded generator of varied `repr(C)`-family structs, each available both as an engine
//! definition ([`StructDef`]) and as Rust source, so the same structs can be laid out by the
//! engine, by rustc for every target (the oracle test) and by the compiler for the host.
//!
//! The mix covers every primitive, thin and wide raw pointers, function pointers, `()`,
//! zero-length arrays of aligned types (ZSTs that still align), arrays and nested arrays, nested
//! structs, empty structs, `packed`/`packed(N)`, `align(N)`, `repr(C)` unions and
//! `repr(transparent)`, plus the structs of the seed articles (Go's `T1`/`T2` and `stats`) and a
//! `{ u8, T }` pair for every scalar.

use layout_core::{EnumDef, Field, Prim, PtrKind, Repr, ReprBase, Shape, StructDef, Ty};

/// A small, seeded, dependency-free PRNG (SplitMix64), so a failing case can be reproduced.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// `true` with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A random element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// A generated field type: engine model plus Rust spelling.
#[derive(Clone, Debug)]
pub struct GenTy {
    /// The engine's model.
    pub ty: Ty<'static>,
    /// How the type is written in Rust.
    pub rust: String,
}

/// A generated struct.
#[derive(Clone, Debug)]
pub struct GenStruct {
    /// The engine's definition (leaked: test data lives for the whole run).
    pub def: &'static StructDef<'static>,
}

impl GenStruct {
    /// The struct as Rust source, `Copy` so that it can be a union field: through
    /// `#[derive(Clone, Copy)]` for a real crate, or a bare `impl Copy` for the oracle's
    /// `no_core` crate (whose `Copy` has no `Clone` supertrait and no derive).
    pub fn rust_source(&self, no_core: bool) -> String {
        self.source(no_core, "")
    }

    /// The struct as Rust source for a real crate, with `#[derive(::layout_core::Layout)]`.
    pub fn derived_source(&self) -> String {
        self.source(false, "#[derive(::layout_core::Layout)] ")
    }

    fn source(&self, no_core: bool, extra_derive: &str) -> String {
        let def = self.def;
        let mut repr = vec![
            match def.repr.base {
                ReprBase::C => "C",
                ReprBase::Transparent => "transparent",
                ReprBase::Rust => "Rust",
            }
            .to_owned(),
        ];
        if let Some(n) = def.repr.packed {
            repr.push(if n == 1 {
                "packed".into()
            } else {
                format!("packed({n})")
            });
        }
        if let Some(n) = def.repr.align {
            repr.push(format!("align({n})"));
        }
        let kind = if def.shape == Shape::Union {
            "union"
        } else {
            "struct"
        };
        let fields: Vec<String> = def
            .fields
            .iter()
            .map(|f| format!("pub {}: {}", f.name, f.ty_name))
            .collect();
        let (derive, copy) = if no_core {
            let copy = def.fields.iter().all(|f| no_core_copy(&f.ty));
            (
                String::new(),
                if copy {
                    format!("impl Copy for {} {{}}\n", def.name)
                } else {
                    String::new()
                },
            )
        } else {
            ("#[derive(Clone, Copy)] ".to_owned(), String::new())
        };
        format!(
            "{extra_derive}#[repr({})] {derive}pub {kind} {} {{ {} }}\n{copy}",
            repr.join(", "),
            def.name,
            fields.join(", ")
        )
    }
}

/// A generated enum.
#[derive(Clone, Debug)]
pub struct GenEnum {
    /// The engine's definition (leaked: test data lives for the whole run).
    pub def: &'static EnumDef<'static>,
}

impl GenEnum {
    /// The enum as Rust source, `Copy` (see [`GenStruct::rust_source`]).
    pub fn rust_source(&self, no_core: bool) -> String {
        let def = self.def;
        let mut repr = Vec::new();
        if def.repr.c {
            repr.push("C".to_owned());
        }
        if let Some(int) = def.repr.int {
            repr.push(int.name().to_owned());
        }
        if let Some(n) = def.repr.align {
            repr.push(format!("align({n})"));
        }
        let repr = if repr.is_empty() {
            String::new()
        } else {
            format!("#[repr({})] ", repr.join(", "))
        };
        let variants: Vec<String> = def
            .variants
            .iter()
            .map(|v| {
                let body = match v.fields.first() {
                    None => String::new(),
                    Some(f) if f.name.parse::<usize>().is_ok() => {
                        let tys: Vec<&str> = v.fields.iter().map(|f| f.ty_name).collect();
                        format!("({})", tys.join(", "))
                    }
                    Some(_) => {
                        let fs: Vec<String> = v
                            .fields
                            .iter()
                            .map(|f| format!("{}: {}", f.name, f.ty_name))
                            .collect();
                        format!(" {{ {} }}", fs.join(", "))
                    }
                };
                let discr = match v.discriminant {
                    None => String::new(),
                    Some(d) => format!(" = {d}"),
                };
                format!("{}{body}{discr}", v.name)
            })
            .collect();
        let copy = def
            .variants
            .iter()
            .all(|v| v.fields.iter().all(|f| no_core_copy(&f.ty)));
        let (derive, copy) = match (no_core, copy) {
            (false, _) => ("#[derive(Clone, Copy)] ", String::new()),
            (true, true) => ("", format!("impl Copy for {} {{}}\n", def.name)),
            (true, false) => ("", String::new()),
        };
        format!(
            "{repr}{derive}pub enum {} {{ {} }}\n{copy}",
            def.name,
            variants.join(", ")
        )
    }
}

/// Whether the oracle's `no_core` prelude makes `ty` `Copy`, as union fields must be: it has
/// `Copy` impls for primitives, raw pointers and arrays, but cannot give them to `()` or
/// function pointers (their impls are built into `core`).
pub fn no_core_copy(ty: &Ty) -> bool {
    match ty {
        Ty::Prim(_) | Ty::Ptr(PtrKind::Thin | PtrKind::Wide) => true,
        Ty::Array(elem, _) => no_core_copy(elem),
        Ty::Struct(def) => def.fields.iter().all(|f| no_core_copy(&f.ty)),
        Ty::Enum(def) => def
            .variants
            .iter()
            .all(|v| v.fields.iter().all(|f| no_core_copy(&f.ty))),
        _ => false,
    }
}

pub(crate) fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

pub(crate) fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

pub(crate) fn prim(p: Prim) -> GenTy {
    GenTy {
        ty: Ty::Prim(p),
        rust: p.name().into(),
    }
}

/// What a generated field type must satisfy.
#[derive(Clone, Copy)]
pub(crate) struct Need {
    /// In a `packed` struct: no `repr(align)` inside (rustc E0588).
    pub(crate) packed: bool,
    /// In a union: `Copy` in the oracle's prelude.
    pub(crate) copy: bool,
}

/// The generator: builds structs one by one so later ones can nest earlier ones.
pub struct Corpus {
    /// Every struct, in definition order (a struct only nests earlier ones).
    pub structs: Vec<GenStruct>,
    /// Every enum, in definition order (only in the enum corpus; nests earlier types only).
    pub enums: Vec<GenEnum>,
    pub(crate) rng: Rng,
    /// How deeply each struct and enum nests others (1: none), by name.
    pub(crate) heights: std::collections::HashMap<&'static str, u32>,
}

impl Corpus {
    /// The standard corpus: the seed structs, one `{ u8, T }` pair per scalar, and `random`
    /// generated structs from `seed`.
    pub fn generate(seed: u64, random: usize) -> Corpus {
        let mut c = Corpus {
            structs: Vec::new(),
            enums: Vec::new(),
            rng: Rng::new(seed),
            heights: Default::default(),
        };
        c.add_fixed();
        for i in 0..random {
            c.add_random(i);
        }
        c
    }

    pub(crate) fn push(
        &mut self,
        name: String,
        repr: Repr,
        shape: Shape,
        fields: Vec<(String, GenTy)>,
    ) {
        let fields: Vec<Field<'static>> = fields
            .into_iter()
            .map(|(n, t)| Field {
                name: leak_str(n),
                ty_name: leak_str(t.rust),
                ty: t.ty,
            })
            .collect();
        let def = StructDef {
            name: leak_str(name),
            shape,
            repr,
            fields: Box::leak(fields.into_boxed_slice()),
            host: None,
        };
        let height = 1 + def
            .fields
            .iter()
            .map(|f| self.height(&f.ty))
            .max()
            .unwrap_or(0);
        self.heights.insert(def.name, height);
        self.structs.push(GenStruct { def: leak(def) });
    }

    fn add_fixed(&mut self) {
        use Prim::*;
        let f = |n: &str, p| (n.to_owned(), prim(p));
        // The seed articles' structs (Go field names kept, in snake case).
        self.push(
            "T1".into(),
            Repr::C,
            Shape::Struct,
            vec![f("a", I8), f("b", I64), f("c", I16)],
        );
        self.push(
            "T2".into(),
            Repr::C,
            Shape::Struct,
            vec![f("a", I8), f("c", I16), f("b", I64)],
        );
        self.push(
            "Stats".into(),
            Repr::C,
            Shape::Struct,
            vec![f("foo", U8), f("bar", U16), f("baz", U8)],
        );
        self.push("Empty".into(), Repr::C, Shape::Struct, vec![]);
        // FFI-shaped structs of C types, as libc declares them on Unix.
        let c = |n: &str, ty: &str| {
            let &(_, p) = C_TYPES
                .iter()
                .find(|(name, _)| *name == ty)
                .expect("a C type");
            (n.to_owned(), c_type(ty, p))
        };
        self.push(
            "Timeval".into(),
            Repr::C,
            Shape::Struct,
            vec![c("tv_sec", "c_long"), c("tv_usec", "c_long")],
        );
        self.push(
            "Pollfd".into(),
            Repr::C,
            Shape::Struct,
            vec![
                c("fd", "c_int"),
                c("events", "c_short"),
                c("revents", "c_short"),
            ],
        );
        let sa_data = GenTy {
            ty: Ty::Array(leak(Ty::Prim(Prim::I8)), 14),
            rust: "[c_char; 14]".into(),
        };
        self.push(
            "Sockaddr".into(),
            Repr::C,
            Shape::Struct,
            vec![c("sa_family", "c_ushort"), ("sa_data".into(), sa_data)],
        );
        self.push(
            "Stat".into(),
            Repr::C,
            Shape::Struct,
            vec![
                c("st_dev", "c_ulong"),
                c("st_ino", "c_ulong"),
                c("st_mode", "c_uint"),
                c("st_nlink", "c_ulong"),
                c("st_uid", "c_uint"),
                c("st_gid", "c_uint"),
                c("st_rdev", "c_ulong"),
                c("st_size", "c_long"),
                c("st_blksize", "c_long"),
                c("st_blocks", "c_long"),
                c("st_atime", "c_long"),
                c("st_atime_nsec", "c_long"),
                c("st_flags", "c_int"),
                c("st_spare", "c_double"),
            ],
        );
        self.push(
            "TmLike".into(),
            Repr::C,
            Shape::Struct,
            vec![
                c("tm_sec", "c_int"),
                c("tm_gmtoff", "c_long"),
                c("tm_isdst", "c_char"),
                c("tm_zone", "c_ulonglong"),
                c("tm_frac", "c_float"),
            ],
        );
        for (name, ty) in scalar_types() {
            self.push(
                format!("Pair_{name}"),
                Repr::C,
                Shape::Struct,
                vec![("a".into(), prim(U8)), ("b".into(), ty)],
            );
        }
    }

    fn add_random(&mut self, i: usize) {
        self.add_random_named(format!("S{i:04}"));
    }

    /// A random struct or union named `name`, nesting earlier types.
    pub(crate) fn add_random_named(&mut self, name: String) {
        let rng = &mut self.rng;
        let roll = rng.below(100);
        let (mut repr, shape) = match roll {
            0..60 => (Repr::C, Shape::Struct),
            60..72 => (
                Repr::C.packed(*rng.pick(&[1, 1, 2, 4, 8, 16])),
                Shape::Struct,
            ),
            72..84 => (
                Repr::C.aligned(*rng.pick(&[1, 2, 4, 8, 16, 32, 64, 4096])),
                Shape::Struct,
            ),
            84..92 => (Repr::C, Shape::Union),
            _ => (Repr::TRANSPARENT, Shape::Struct),
        };
        if shape == Shape::Union && rng.chance(30) {
            repr = repr.packed(*rng.pick(&[1, 2, 4]));
        }
        let need = Need {
            packed: repr.packed.is_some(),
            copy: shape == Shape::Union,
        };
        let fields = if repr.base == ReprBase::Transparent {
            let mut fields = vec![("inner".to_owned(), self.random_ty(need, 2))];
            if self.rng.chance(50) {
                fields.push((
                    "marker".into(),
                    GenTy {
                        ty: Ty::Zst,
                        rust: "()".into(),
                    },
                ));
            }
            if self.rng.chance(50) {
                let last = fields.len() - 1;
                fields.swap(0, last);
            }
            fields
        } else {
            let n = match self.rng.below(10) {
                0 => 0,
                1..8 => 1 + self.rng.below(8),
                _ => 9 + self.rng.below(8),
            };
            (0..n)
                .map(|k| (format!("f{k}"), self.random_ty(need, 2)))
                .collect()
        };
        let shape = if fields.is_empty() {
            Shape::Struct
        } else {
            shape
        };
        self.push(name, repr, shape, fields);
    }

    /// A random field type meeting `need`; `depth` bounds array nesting.
    pub(crate) fn random_ty(&mut self, need: Need, depth: u32) -> GenTy {
        loop {
            let t = match self.rng.below(100) {
                0..50 => {
                    let mut scalars = scalar_types();
                    let k = self.rng.below(scalars.len() as u64) as usize;
                    scalars.swap_remove(k).1
                }
                50..56 => GenTy {
                    ty: Ty::Zst,
                    rust: "()".into(),
                },
                56..66 if depth > 0 => {
                    let elem = self.random_ty(need, depth - 1);
                    let len = *self.rng.pick(&[0, 1, 2, 3, 5, 7, 16, 33]);
                    GenTy {
                        rust: format!("[{}; {len}]", elem.rust),
                        ty: Ty::Array(leak(elem.ty), len),
                    }
                }
                66..100 if !self.enums.is_empty() && self.rng.chance(60) => {
                    let e = self.rng.pick(&self.enums).def;
                    GenTy {
                        ty: Ty::Enum(e),
                        rust: e.name.into(),
                    }
                }
                66..100 if !self.structs.is_empty() => {
                    let s = self.rng.pick(&self.structs).def;
                    GenTy {
                        ty: Ty::Struct(s),
                        rust: s.name.into(),
                    }
                }
                _ => continue,
            };
            if (need.packed && t.ty.contains_align_attr()) || (need.copy && !no_core_copy(&t.ty)) {
                continue;
            }
            // The enum corpus bounds nesting: the engine lays a nested type out once per path
            // to it, and deep random nesting makes the paths many.
            if !self.enums.is_empty() && self.height(&t.ty) > MAX_ENUM_CORPUS_HEIGHT {
                continue;
            }
            return t;
        }
    }

    /// How deeply `ty` nests structs and enums (0: none).
    pub(crate) fn height(&self, ty: &Ty<'_>) -> u32 {
        match ty {
            Ty::Array(elem, _) => self.height(elem),
            Ty::Struct(d) => self.heights.get(d.name).copied().unwrap_or(1),
            Ty::Enum(d) => self.heights.get(d.name).copied().unwrap_or(1),
            _ => 0,
        }
    }
}

/// The deepest nesting of a field type in the enum corpus.
const MAX_ENUM_CORPUS_HEIGHT: u32 = 3;

/// Every scalar field type the corpus uses, by a short name usable in identifiers.
pub fn scalar_types() -> Vec<(String, GenTy)> {
    let mut v: Vec<(String, GenTy)> = Prim::RUST
        .iter()
        .map(|&p| (p.name().to_owned(), prim(p)))
        .collect();
    let ptr = |kind, rust: &str| GenTy {
        ty: Ty::Ptr(kind),
        rust: rust.into(),
    };
    v.push(("thin".into(), ptr(PtrKind::Thin, "*const u8")));
    v.push(("slice".into(), ptr(PtrKind::Wide, "*const [u16]")));
    v.push(("fnptr".into(), ptr(PtrKind::Fn, "fn(u8) -> u32")));
    v.push(("dyn".into(), ptr(PtrKind::Wide, "*mut dyn Tr")));
    v.push(("str".into(), ptr(PtrKind::Wide, "*const str")));
    // core::ffi's C types, by their own names (the oracle's crate declares them under core's
    // `cfg`s, the host and derived crates import them from `core::ffi`).
    v.extend(
        C_TYPES
            .iter()
            .map(|&(name, p)| (name.to_owned(), c_type(name, p))),
    );
    v
}

/// core::ffi's C types and their models.
pub const C_TYPES: &[(&str, Prim)] = &[
    ("c_char", Prim::I8),
    ("c_schar", Prim::I8),
    ("c_uchar", Prim::U8),
    ("c_short", Prim::I16),
    ("c_ushort", Prim::U16),
    ("c_int", Prim::CInt),
    ("c_uint", Prim::CUint),
    ("c_long", Prim::CLong),
    ("c_ulong", Prim::CUlong),
    ("c_longlong", Prim::I64),
    ("c_ulonglong", Prim::U64),
    ("c_float", Prim::F32),
    ("c_double", Prim::F64),
];

fn c_type(name: &str, p: Prim) -> GenTy {
    GenTy {
        ty: Ty::Prim(p),
        rust: name.into(),
    }
}

impl Corpus {
    /// The corpus as a real Rust module for the compiling target: every struct, plus
    /// `measured()`, which returns what the compiler says of each (`size_of`, `align_of`, and
    /// `memoffset::offset_of!` of every field, `offset_of_union!` for unions).
    pub fn host_source(&self) -> String {
        self.real_source(false)
    }

    /// [`host_source`](Self::host_source) with `#[derive(Layout)]` on every struct.
    pub fn derived_source(&self) -> String {
        self.real_source(true)
    }

    fn real_source(&self, derived: bool) -> String {
        let mut src = String::from(
            "// GENERATED by layout-tests' build script from the seeded corpus. Do not edit.\n\
             pub trait Tr {}\n\
             #[allow(unused_imports)]\n\
             use ::core::ffi::{c_char, c_schar, c_uchar, c_short, c_ushort, c_int, c_uint, c_long, \
             c_ulong, c_longlong, c_ulonglong, c_float, c_double};\n",
        );
        for s in &self.structs {
            src.push_str(&if derived {
                s.derived_source()
            } else {
                s.rust_source(false)
            });
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
        src
    }
}

/// The corpus every test uses, so that the oracle and host tests check the same structs.
pub fn standard() -> Corpus {
    Corpus::generate(STANDARD_SEED, STANDARD_RANDOM)
}

/// Seed of [`standard`].
pub const STANDARD_SEED: u64 = 0x5EED_1A70;
/// Number of random structs in [`standard`] (besides the fixed ones).
pub const STANDARD_RANDOM: usize = 400;

/// What the compiler says of one struct: `(name, size_of, align_of, [(field, offset_of!)])`, as
/// the generated `measured()` functions return it.
pub type Measured = (&'static str, usize, usize, Vec<(&'static str, usize)>);

/// Asserts that each of `defs`, laid out on the compiling target, is what the compiler made of
/// the struct of the same name in `measured` (the same structs in the same order); the message
/// lists every difference.
pub fn assert_match_compiler(defs: &[(&str, &StructDef<'_>)], measured: &[Measured]) {
    assert_eq!(defs.len(), measured.len());
    let mut diffs = Vec::new();
    for ((name, def), real) in defs.iter().zip(measured) {
        assert_eq!(*name, real.0);
        diffs.extend(diff_against_compiler(def, real));
    }
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

/// Every difference between `def` laid out on the compiling target and what the compiler says
/// of the same struct, as readable lines. The offsets of a `repr(transparent)` struct's ZSTs are
/// unspecified (see the engine's `place_transparent`) and not compared unless `def` carries the
/// compiler's own offsets.
pub fn diff_against_compiler(def: &StructDef<'_>, measured: &Measured) -> Vec<String> {
    let (name, size, align, offsets) = measured;
    let target = layout_core::Target::CURRENT.expect("the host is a built-in target");
    let layout = match def.layout_on(target) {
        Ok(l) => l,
        Err(e) => return vec![format!("{name}: no layout: {e}")],
    };
    let mut diffs = Vec::new();
    if (layout.size(), layout.align()) != (*size as u64, *align as u64) {
        diffs.push(format!(
            "{name}: size/align {}/{}, compiler {size}/{align}",
            layout.size(),
            layout.align()
        ));
    }
    for (placed, (field, offset)) in layout.fields.iter().zip(offsets) {
        let unspecified =
            def.repr.base == ReprBase::Transparent && placed.size == 0 && def.host.is_none();
        if placed.offset != *offset as u64 && !unspecified {
            diffs.push(format!(
                "{name}.{field}: offset {}, offset_of! {offset}",
                placed.offset
            ));
        }
    }
    diffs
}

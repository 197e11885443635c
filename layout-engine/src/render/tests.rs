//! Rendered text, checked character for character. Every number in the expected text was
//! checked by hand against the layout rules (and the sizes of T1 and stats are the seed
//! article's, measured by rustc).

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Display;

use super::ReorderError;
use super::compare::short_labels;
use crate::{Comparison, Field, Prim, Repr, StructDef, Target, Ty};

fn target(name: &str) -> &'static Target {
    Target::find(name).unwrap()
}

fn x86_64() -> &'static Target {
    target("x86_64-unknown-linux-gnu")
}

/// x86_64, i686 and msp430: one target each of 64, 32 and 16 bits.
fn three_targets() -> Vec<&'static Target> {
    [
        "x86_64-unknown-linux-gnu",
        "i686-unknown-linux-gnu",
        "msp430-none-elf",
    ]
    .into_iter()
    .map(target)
    .collect()
}

const fn prim(name: &'static str, p: Prim) -> Field<'static> {
    Field::new(name, p.name(), Ty::Prim(p))
}

/// Compares rendered text with the expected lines (given after a leading newline), showing
/// both in full on a mismatch.
#[track_caller]
fn check(rendered: impl Display, expected: &str) {
    let rendered = rendered.to_string();
    let expected = expected.strip_prefix('\n').unwrap_or(expected);
    assert!(
        rendered == expected,
        "rendered:\n{rendered}\n--- expected:\n{expected}\n---"
    );
}

/// The seed article's `T1 {a: i8, b: i64, c: i16}`.
const T1: StructDef = StructDef::repr_c(
    "T1",
    &[
        prim("a", Prim::I8),
        prim("b", Prim::I64),
        prim("c", Prim::I16),
    ],
);

/// The seed article's `stats {Foo: u8, Bar: u16, Baz: u8}`.
const STATS: StructDef = StructDef::repr_c(
    "stats",
    &[
        prim("Foo", Prim::U8),
        prim("Bar", Prim::U16),
        prim("Baz", Prim::U8),
    ],
);

const BYTES_60: Ty = Ty::Array(&Ty::U8, 60);

/// Crosses two 64-byte boundaries, each time with a straddling field and then a hole.
const FRAME: StructDef = StructDef::repr_c(
    "Frame",
    &[
        Field::new("head", "[u8; 60]", BYTES_60),
        Field::new("words", "[u32; 4]", Ty::Array(&Ty::Prim(Prim::U32), 4)),
        prim("id", Prim::U64),
        Field::new("more", "[u8; 60]", BYTES_60),
        prim("seq", Prim::U64),
    ],
);

#[test]
fn render_t1_table() {
    check(
        T1.layout_on(x86_64()).unwrap(),
        r"
#[repr(C)] struct T1 on x86_64-unknown-linux-gnu: size 24, align 8
offset  size  align  field  type
     0     1      1  a      i8
     1     7         (7-byte hole)
     8     8      8  b      i64
    16     2      2  c      i16
    18     6         (6-byte tail padding)
size 24, padding 13 (54.2%), minimum 16 by reordering (saves 8, 33.3%)",
    );
}

#[test]
fn render_stats_table() {
    check(
        STATS.layout_on(x86_64()).unwrap(),
        r"
#[repr(C)] struct stats on x86_64-unknown-linux-gnu: size 6, align 2
offset  size  align  field  type
     0     1      1  Foo    u8
     1     1         (1-byte hole)
     2     2      2  Bar    u16
     4     1      1  Baz    u8
     5     1         (1-byte tail padding)
size 6, padding 2 (33.3%), minimum 4 by reordering (saves 2, 33.3%)",
    );
}

#[test]
fn render_union_table() {
    const VALUE: StructDef = StructDef::repr_c(
        "Value",
        &[
            prim("int", Prim::U32),
            prim("bytes", Prim::U128),
            prim("flag", Prim::Bool),
        ],
    )
    .union();
    // i686 aligns u128 to 16 but u64 to 4: the union is 16 bytes, and nothing is a hole.
    check(
        VALUE.layout_on(target("i686-unknown-linux-gnu")).unwrap(),
        r"
#[repr(C)] union Value on i686-unknown-linux-gnu: size 16, align 16
offset  size  align  field  type
     0     4      4  int    u32
     0    16     16  bytes  u128
     0     1      1  flag   bool
size 16, padding 0 (0.0%)",
    );
}

#[test]
fn render_union_tail_padding() {
    const WIDE: Ty = Ty::Array(&Ty::U8, 5);
    const U: StructDef = StructDef::repr_c(
        "U",
        &[Field::new("raw", "[u8; 5]", WIDE), prim("word", Prim::U32)],
    )
    .union();
    check(
        U.layout_on(x86_64()).unwrap(),
        r"
#[repr(C)] union U on x86_64-unknown-linux-gnu: size 8, align 4
offset  size  align  field  type
     0     5      1  raw    [u8; 5]
     0     4      4  word   u32
     5     3         (3-byte tail padding)
size 8, padding 3 (37.5%)",
    );
}

#[test]
fn render_packed_table() {
    // packed(2) caps the u32's alignment at 2: one hole, no tail, and no order does better.
    const WIRE: StructDef = StructDef::repr_c(
        "Wire",
        &[
            prim("tag", Prim::U8),
            prim("len", Prim::U32),
            prim("crc", Prim::U16),
        ],
    )
    .with_repr(Repr::C.packed(2));
    check(
        WIRE.layout_on(x86_64()).unwrap(),
        r"
#[repr(C, packed(2))] struct Wire on x86_64-unknown-linux-gnu: size 8, align 2
offset  size  align  field  type
     0     1      1  tag    u8
     1     1         (1-byte hole)
     2     4      2  len    u32
     6     2      2  crc    u16
size 8, padding 1 (12.5%), minimum 8 (no order is smaller)",
    );
}

#[test]
fn render_packed_field_straddling_a_line() {
    const LINE: StructDef = StructDef::repr_c(
        "Line",
        &[
            Field::new("head", "[u8; 60]", BYTES_60),
            prim("stamp", Prim::U64),
            prim("tail", Prim::U32),
        ],
    )
    .with_repr(Repr::C.packed(1));
    check(
        LINE.layout_on(x86_64()).unwrap(),
        r"
#[repr(C, packed)] struct Line on x86_64-unknown-linux-gnu: size 72, align 1
offset  size  align  field  type
     0    60      1  head   [u8; 60]
    60     8      1  stamp  u64       <- straddles cache lines 0-1
    64               --- cache line 1 ---
    68     4      1  tail   u32
size 72, padding 0 (0.0%), minimum 72 (no order is smaller)
spans 2 cache lines of 64 bytes; 1 field straddles a boundary",
    );
}

#[test]
fn render_cache_lines() {
    check(
        FRAME.layout_on(x86_64()).unwrap(),
        r"
#[repr(C)] struct Frame on x86_64-unknown-linux-gnu: size 160, align 8
offset  size  align  field  type
     0    60      1  head   [u8; 60]
    60    16      4  words  [u32; 4]  <- straddles cache lines 0-1
    64               --- cache line 1 ---
    76     4         (4-byte hole)
    80     8      8  id     u64
    88    60      1  more   [u8; 60]  <- straddles cache lines 1-2
   128               --- cache line 2 ---
   148     4         (4-byte hole)
   152     8      8  seq    u64
size 160, padding 8 (5.0%), minimum 152 by reordering (saves 8, 5.0%)
spans 3 cache lines of 64 bytes; 2 fields straddle a boundary",
    );
}

#[test]
fn render_cache_line_size_is_configurable() {
    let layout = FRAME.layout_on(x86_64()).unwrap();
    check(
        layout.table().cache_line(128),
        r"
#[repr(C)] struct Frame on x86_64-unknown-linux-gnu: size 160, align 8
offset  size  align  field  type
     0    60      1  head   [u8; 60]
    60    16      4  words  [u32; 4]
    76     4         (4-byte hole)
    80     8      8  id     u64
    88    60      1  more   [u8; 60]  <- straddles cache lines 0-1
   128               --- cache line 1 ---
   148     4         (4-byte hole)
   152     8      8  seq    u64
size 160, padding 8 (5.0%), minimum 152 by reordering (saves 8, 5.0%)
spans 2 cache lines of 128 bytes; 1 field straddles a boundary",
    );
    check(
        layout.table().cache_line(0),
        r"
#[repr(C)] struct Frame on x86_64-unknown-linux-gnu: size 160, align 8
offset  size  align  field  type
     0    60      1  head   [u8; 60]
    60    16      4  words  [u32; 4]
    76     4         (4-byte hole)
    80     8      8  id     u64
    88    60      1  more   [u8; 60]
   148     4         (4-byte hole)
   152     8      8  seq    u64
size 160, padding 8 (5.0%), minimum 152 by reordering (saves 8, 5.0%)",
    );
}

#[test]
fn render_field_starting_lines_later() {
    // One marker, for the line the next row starts in, however many lines the array spans.
    const BIG: StructDef = StructDef::repr_c(
        "Big",
        &[
            Field::new("buf", "[u8; 200]", Ty::Array(&Ty::U8, 200)),
            prim("len", Prim::U64),
        ],
    );
    check(
        BIG.layout_on(x86_64()).unwrap(),
        r"
#[repr(C)] struct Big on x86_64-unknown-linux-gnu: size 208, align 8
offset  size  align  field  type
     0   200      1  buf    [u8; 200]  <- straddles cache lines 0-3
   192               --- cache line 3 ---
   200     8      8  len    u64
size 208, padding 0 (0.0%), minimum 208 (no order is smaller)
spans 4 cache lines of 64 bytes; 1 field straddles a boundary",
    );
}

#[test]
fn render_empty_structs() {
    check(
        StructDef::repr_c("Empty", &[]).layout_on(x86_64()).unwrap(),
        r"
#[repr(C)] struct Empty on x86_64-unknown-linux-gnu: size 0, align 1
offset  size  align  field  type
                     (no fields)
size 0, padding 0 (0.0%)",
    );
    // align(N) raises the alignment of a zero-sized struct but not its size.
    let aligned = StructDef::repr_c("Slot", &[]).with_repr(Repr::C.aligned(8));
    check(
        aligned.layout_on(x86_64()).unwrap(),
        r"
#[repr(C, align(8))] struct Slot on x86_64-unknown-linux-gnu: size 0, align 8
offset  size  align  field  type
                     (no fields)
size 0, padding 0 (0.0%)",
    );
}

#[test]
fn render_zero_sized_field_before_hole_and_long_names() {
    // The hole follows the zero-sized field, as `holes()` reports it, and the columns widen to
    // the longest name and type.
    const MARKED: StructDef = StructDef::repr_c(
        "Marked",
        &[
            prim("kind", Prim::U8),
            Field::new("_not_send", "PhantomData<*const ()>", Ty::Zst),
            prim("a_rather_long_field_name", Prim::U32),
        ],
    )
    .with_repr(Repr::C.aligned(16));
    check(
        MARKED.layout_on(x86_64()).unwrap(),
        r"
#[repr(C, align(16))] struct Marked on x86_64-unknown-linux-gnu: size 16, align 16
offset  size  align  field                     type
     0     1      1  kind                      u8
     1     0      1  _not_send                 PhantomData<*const ()>
     1     3         (3-byte hole)
     4     4      4  a_rather_long_field_name  u32
     8     8         (8-byte tail padding)
size 16, padding 11 (68.8%), minimum 16 (no order is smaller)",
    );
}

#[test]
fn render_comparison_across_widths() {
    check(
        Comparison::new(&T1, &three_targets()),
        r"
#[repr(C)] struct T1 on 3 targets
                      x86_64            i686          msp430
field    type  offset   size   offset   size   offset   size
a        i8         0      1        0      1        0      1
b        i64        8      8        4*     8        2*     8
c        i16       16      2       12*     2       10*     2
size                      24              16*             12*
align                      8               4*              2*
padding                   13               5*              1*
minimum                   16              12*             12*
x86_64 = x86_64-unknown-linux-gnu, i686 = i686-unknown-linux-gnu, msp430 = msp430-none-elf
* differs from x86_64",
    );
}

#[test]
fn render_comparison_without_differences() {
    let comparison = Comparison::new(&STATS, &three_targets());
    assert!(!comparison.differs());
    check(
        comparison,
        r"
#[repr(C)] struct stats on 3 targets
                      x86_64            i686          msp430
field    type  offset   size   offset   size   offset   size
Foo      u8         0      1        0      1        0      1
Bar      u16        2      2        2      2        2      2
Baz      u8         4      1        4      1        4      1
size                       6               6               6
align                      2               2               2
padding                    2               2               2
minimum                    4               4               4
x86_64 = x86_64-unknown-linux-gnu, i686 = i686-unknown-linux-gnu, msp430 = msp430-none-elf
same layout on 3 targets",
    );
}

/// `AtomicU64` aligns to 8 even on i686, and does not exist on msp430.
const COUNTER: StructDef = StructDef::repr_c(
    "Counter",
    &[
        prim("ready", Prim::Bool),
        Field::new("hits", "AtomicU64", Ty::Atomic(Prim::U64)),
        prim("n", Prim::Usize),
    ],
);

#[test]
fn render_comparison_with_a_failed_target() {
    check(
        Comparison::new(&COUNTER, &three_targets()),
        r"
#[repr(C)] struct Counter on 3 targets
                           x86_64            i686          msp430
field    type       offset   size   offset   size   offset   size
ready    bool            0      1        0      1        -      -
hits     AtomicU64       8      8        8      8        -      -
n        usize          16      8       16      4*       -      -
size                           24              24               -
align                           8               8               -
padding                         7              11*              -
minimum                        24              16*              -
x86_64 = x86_64-unknown-linux-gnu, i686 = i686-unknown-linux-gnu, msp430 = msp430-none-elf
* differs from x86_64
msp430: no layout: the target has no 64-bit atomics, so the type of the field `hits: AtomicU64` of `Counter` does not exist there",
    );
}

#[test]
fn render_comparison_reference_is_first_layout_that_exists() {
    let targets = [
        target("msp430-none-elf"),
        target("i686-unknown-linux-gnu"),
        target("x86_64-unknown-linux-gnu"),
    ];
    let comparison = Comparison::new(&COUNTER, &targets);
    assert_eq!(
        comparison.reference().unwrap().target.triple,
        "i686-unknown-linux-gnu"
    );
    check(
        comparison,
        r"
#[repr(C)] struct Counter on 3 targets
                           msp430            i686          x86_64
field    type       offset   size   offset   size   offset   size
ready    bool            -      -        0      1        0      1
hits     AtomicU64       -      -        8      8        8      8
n        usize           -      -       16      4       16      8*
size                            -              24              24
align                           -               8               8
padding                         -              11               7*
minimum                         -              16              24*
msp430 = msp430-none-elf, i686 = i686-unknown-linux-gnu, x86_64 = x86_64-unknown-linux-gnu
* differs from i686
msp430: no layout: the target has no 64-bit atomics, so the type of the field `hits: AtomicU64` of `Counter` does not exist there",
    );
}

#[test]
fn render_comparison_of_one_target() {
    check(
        Comparison::new(&STATS, &[target("msp430-none-elf")]),
        r"
#[repr(C)] struct stats on 1 target
                      msp430
field    type  offset   size
Foo      u8         0      1
Bar      u16        2      2
Baz      u8         4      1
size                       6
align                      2
padding                    2
minimum                    4
msp430 = msp430-none-elf",
    );
}

#[test]
fn render_short_labels() {
    let labels = |triples: &[&str]| short_labels(triples);
    assert_eq!(
        labels(&[
            "x86_64-unknown-linux-gnu",
            "x86_64-unknown-linux-musl",
            "x86_64-pc-windows-msvc",
            "aarch64-apple-darwin",
        ]),
        [
            "x86_64-linux-gnu",
            "x86_64-linux-musl",
            "x86_64-windows-msvc",
            "aarch64"
        ]
    );
    assert_eq!(
        labels(&["thumbv7em-none-eabi", "thumbv7em-none-eabihf"]),
        ["thumbv7em-eabi", "thumbv7em-eabihf"]
    );
    // The same triple twice cannot be told apart: full triples.
    assert_eq!(
        labels(&["i686-unknown-linux-gnu", "i686-unknown-linux-gnu"]),
        ["i686-unknown-linux-gnu", "i686-unknown-linux-gnu"]
    );
    assert_eq!(labels(&[]), Vec::<String>::new());
}

#[test]
fn render_reordering() {
    let layout = T1.layout_on(x86_64()).unwrap();
    let better = layout.reordered(&[1, 2, 0]).unwrap().with_moved(&[0]);
    assert_eq!((better.size(), better.declared_size()), (16, 24));
    assert_eq!(better.order(), [1, 2, 0]);
    check(
        &better,
        r"
T1 in this order: 16 bytes instead of 24 on x86_64-unknown-linux-gnu (saves 8)
    b: i64,
    c: i16,
    a: i8,   // moved",
    );
    check(
        better.field_list(),
        r"
    b: i64,
    c: i16,
    a: i8,   // moved",
    );
    check(
        better.layout(),
        r"
#[repr(C)] struct T1 on x86_64-unknown-linux-gnu: size 16, align 8
offset  size  align  field  type
     0     8      8  b      i64
     8     2      2  c      i16
    10     1      1  a      i8
    11     5         (5-byte tail padding)
size 16, padding 5 (31.3%), minimum 16 (no order is smaller)",
    );
    // Without the moved set, no marks.
    check(
        layout.reordered(&[0, 1, 2]).unwrap(),
        r"
T1 in this order: 24 bytes on x86_64-unknown-linux-gnu, as declared
    a: i8,
    b: i64,
    c: i16,",
    );
}

#[test]
fn render_reordering_that_grows() {
    const SORTED: StructDef = StructDef::repr_c(
        "Sorted",
        &[
            prim("b", Prim::I64),
            prim("c", Prim::I16),
            prim("a", Prim::I8),
        ],
    );
    let layout = SORTED.layout_on(x86_64()).unwrap();
    check(
        layout.reordered(&[2, 0, 1]).unwrap().with_moved(&[2]),
        r"
Sorted in this order: 24 bytes instead of 16 on x86_64-unknown-linux-gnu (8 more)
    a: i8,   // moved
    b: i64,
    c: i16,",
    );
}

#[test]
fn render_reordering_rejects_bad_orders() {
    let layout = T1.layout_on(x86_64()).unwrap();
    let not_a_permutation = ReorderError::NotAPermutation { fields: 3 };
    for order in [&[0, 1][..], &[0, 1, 1], &[0, 1, 3], &[0, 1, 2, 0]] {
        let result = layout.reordered(order).map(|r| r.size());
        assert_eq!(result, Err(not_a_permutation));
    }
    assert_eq!(
        not_a_permutation.to_string(),
        "a field order must list each of the 3 field indices (0..3) exactly once"
    );
    let union = T1.union().layout_on(x86_64()).unwrap();
    let refused = union.reordered(&[1, 2, 0]).map(|r| r.size());
    assert_eq!(refused, Err(ReorderError::NotReorderable { ty: "T1" }));
}

#[test]
fn render_repr_rust_and_transparent_summaries() {
    let host = Target::CURRENT.unwrap();
    // What rustc 1.95 gives `struct T1 {a: i8, b: i64, c: i16}` on x86_64: b, c, a.
    const OFFSETS: &[u64] = &[10, 0, 8];
    let rust = StructDef {
        repr: Repr::RUST,
        host: Some(crate::HostLayout {
            size: 16,
            align: 8,
            offsets: OFFSETS,
        }),
        ..T1
    };
    let rendered = rust.layout_on(host).unwrap().to_string();
    let last = rendered.lines().last().unwrap();
    assert_eq!(
        last,
        "size 16, padding 5 (31.3%), rustc chooses the field order"
    );
    assert!(rendered.starts_with("struct T1 on "), "{rendered}");
    assert!(
        rendered.contains("\n     0     8      8  b      i64\n"),
        "{rendered}"
    );

    const WRAPPER: StructDef = StructDef::repr_c(
        "Meters",
        &[
            prim("0", Prim::F64),
            Field::new("1", "PhantomData<Unit>", Ty::Zst),
        ],
    )
    .with_repr(Repr::TRANSPARENT);
    check(
        WRAPPER.layout_on(x86_64()).unwrap(),
        r"
#[repr(transparent)] struct Meters on x86_64-unknown-linux-gnu: size 8, align 8
offset  size  align  field  type
     0     0      1  1      PhantomData<Unit>
     0     8      8  0      f64
size 8, padding 0 (0.0%)",
    );
}

#[cfg(feature = "serde")]
mod json {
    use super::*;
    use serde_json::json;

    fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
        serde_json::to_value(value).unwrap()
    }

    #[test]
    fn render_json_shape() {
        let layout = T1.layout_on(x86_64()).unwrap();
        let expected = json!({
            "name": "T1",
            "kind": "struct",
            "repr": { "base": "C", "packed": null, "align": null },
            "target": "x86_64-unknown-linux-gnu",
            "size": 24,
            "align": 8,
            "fields": [
                { "name": "a", "type": "i8", "offset": 0, "size": 1, "align": 1 },
                { "name": "b", "type": "i64", "offset": 8, "size": 8, "align": 8 },
                { "name": "c", "type": "i16", "offset": 16, "size": 2, "align": 2 }
            ],
            "holes": [ { "after": "a", "offset": 1, "size": 7 } ],
            "tail_padding": 6,
            "padding": 13,
            "min_size": 16,
            "saving": 8,
            "cache": { "line": 64, "lines": 1, "straddling": [] }
        });
        assert_eq!(to_json(&layout), expected);
        // Keys come in the documented order.
        let text = serde_json::to_string(&layout).unwrap();
        assert!(
            text.starts_with(r#"{"name":"T1","kind":"struct","repr":{"base":"C","packed":null,"align":null},"target":"x86_64-unknown-linux-gnu","size":24,"align":8,"fields":[{"name":"a","type":"i8","offset":0,"size":1,"align":1},"#),
            "{text}"
        );
        assert!(
            text.ends_with(r#""tail_padding":6,"padding":13,"min_size":16,"saving":8,"cache":{"line":64,"lines":1,"straddling":[]}}"#),
            "{text}"
        );
    }

    #[test]
    fn render_json_cache_lines_and_options() {
        let layout = FRAME.layout_on(x86_64()).unwrap();
        let value = to_json(&layout);
        assert_eq!(
            value["cache"],
            json!({ "line": 64, "lines": 3, "straddling": ["words", "more"] })
        );
        assert_eq!(
            value["holes"],
            json!([
                { "after": "words", "offset": 76, "size": 4 },
                { "after": "more", "offset": 148, "size": 4 }
            ])
        );
        let wide = to_json(&layout.table().cache_line(128));
        assert_eq!(
            wide["cache"],
            json!({ "line": 128, "lines": 2, "straddling": ["more"] })
        );
        assert_eq!(to_json(&layout.table().cache_line(0))["cache"], json!(null));
    }

    #[test]
    fn render_json_union_and_packed() {
        let union = to_json(&T1.union().layout_on(x86_64()).unwrap());
        assert_eq!(union["kind"], "union");
        assert_eq!(union["holes"], json!([]));
        assert_eq!(
            (union["size"].clone(), union["padding"].clone()),
            (json!(8), json!(0))
        );
        let packed = T1.with_repr(Repr::C.packed(2));
        let packed = to_json(&packed.layout_on(x86_64()).unwrap());
        assert_eq!(
            packed["repr"],
            json!({ "base": "C", "packed": 2, "align": null })
        );
        assert_eq!(packed["fields"][1]["align"], 2);
    }

    #[test]
    fn render_engine_types_serialize() {
        let layout = T1.layout_on(x86_64()).unwrap();
        assert_eq!(
            to_json(&layout.holes()),
            json!([{ "after": 0, "offset": 1, "size": 7 }])
        );
        assert_eq!(
            to_json(&layout.cache_use(64)),
            json!({ "line": 64, "lines": 1, "straddling": [] })
        );
        assert_eq!(to_json(&layout.layout), json!({ "size": 24, "align": 8 }));
        let error = T1.with_repr(Repr::RUST).layout_on(x86_64()).unwrap_err();
        assert_eq!(to_json(&error), json!({ "Unpredictable": { "ty": "T1" } }));
        assert_eq!(
            to_json(&T1.repr),
            json!({ "base": "C", "packed": null, "align": null })
        );
        assert_eq!(to_json(&x86_64())["pointer_bits"], 64);
        assert_eq!(to_json(&T1.fields[0].ty), json!({ "Prim": "I8" }));
    }
}

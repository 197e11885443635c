//! The JSON shape of a layout (feature `serde`), written through a view struct of its own so
//! that the shape stays what its documentation says, whatever the engine's types become.

use alloc::vec::Vec;

use serde::{Serialize, Serializer};

use super::base_name;
use super::table::LayoutTable;
use crate::def::Shape;
use crate::report::StructLayout;

/// A [`StructLayout`] serializes as a [`LayoutTable`] with 64-byte cache lines does.
///
/// Through `serde_json`:
///
/// ```json
/// {
///   "name": "T1",
///   "kind": "struct",
///   "repr": { "base": "C", "packed": null, "align": null },
///   "target": "x86_64-unknown-linux-gnu",
///   "size": 24,
///   "align": 8,
///   "fields": [
///     { "name": "a", "type": "i8",  "offset": 0,  "size": 1, "align": 1 },
///     { "name": "b", "type": "i64", "offset": 8,  "size": 8, "align": 8 },
///     { "name": "c", "type": "i16", "offset": 16, "size": 2, "align": 2 }
///   ],
///   "holes": [ { "after": "a", "offset": 1, "size": 7 } ],
///   "tail_padding": 6,
///   "padding": 13,
///   "min_size": 16,
///   "saving": 8,
///   "cache": { "line": 64, "lines": 1, "straddling": [] }
/// }
/// ```
///
/// Keys, always present and in this order (all numbers are byte counts, unsigned integers):
///
/// | key | value |
/// | --- | --- |
/// | `name` | the type's name |
/// | `kind` | `"struct"` or `"union"` |
/// | `repr` | `base`: `"Rust"`, `"C"` or `"transparent"`; `packed`: `N` of `packed(N)` (1 for plain `packed`) or `null`; `align`: `N` of `align(N)` or `null` |
/// | `target` | the target triple |
/// | `size`, `align` | of the whole type |
/// | `fields` | every field in declaration order: `name`, `type` (as written in the source), `offset`, `size`, `align` (in this type: capped by `packed(N)`) |
/// | `holes` | padding between fields, in memory order: `after` (the name of the field the hole follows), `offset` (of its first byte), `size`; empty for a union |
/// | `tail_padding` | bytes after the last-ending field |
/// | `padding` | holes plus tail padding |
/// | `min_size` | the smallest size any field order reaches; equal to `size` for a type whose order is not the source's to choose (a union, `repr(Rust)`, `repr(transparent)`) |
/// | `saving` | `size - min_size` |
/// | `cache` | `line` (the cache-line size), `lines` (lines the type spans when it starts on a line boundary), `straddling` (names of the fields that cross a line boundary); `null` for a table made with `cache_line(0)` |
///
/// New keys may be added; existing ones keep their names and meanings.
impl Serialize for StructLayout<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.table().serialize(serializer)
    }
}

/// The JSON shape documented on [`StructLayout`]'s `Serialize`, with the `cache` facts for this
/// table's line size.
impl Serialize for LayoutTable<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Json::new(self.layout(), self.line_size()).serialize(serializer)
    }
}

#[derive(Serialize)]
struct Json<'l> {
    name: &'l str,
    kind: &'static str,
    repr: Repr,
    target: &'static str,
    size: u64,
    align: u64,
    fields: Vec<Field<'l>>,
    holes: Vec<Hole<'l>>,
    tail_padding: u64,
    padding: u64,
    min_size: u64,
    saving: u64,
    cache: Option<Cache<'l>>,
}

#[derive(Serialize)]
struct Repr {
    base: &'static str,
    packed: Option<u64>,
    align: Option<u64>,
}

#[derive(Serialize)]
struct Field<'l> {
    name: &'l str,
    #[serde(rename = "type")]
    ty: &'l str,
    offset: u64,
    size: u64,
    align: u64,
}

#[derive(Serialize)]
struct Hole<'l> {
    after: &'l str,
    offset: u64,
    size: u64,
}

#[derive(Serialize)]
struct Cache<'l> {
    line: u64,
    lines: u64,
    straddling: Vec<&'l str>,
}

impl<'l> Json<'l> {
    fn new(l: &'l StructLayout<'_>, line: Option<u64>) -> Self {
        let name_of = |i: usize| l.def.fields[i].name;
        Json {
            name: l.def.name,
            kind: match l.def.shape {
                Shape::Struct => "struct",
                Shape::Union => "union",
            },
            repr: Repr {
                base: base_name(l.def.repr.base).unwrap_or("Rust"),
                packed: l.def.repr.packed,
                align: l.def.repr.align,
            },
            target: l.target.triple,
            size: l.size(),
            align: l.align(),
            fields: (l.def.fields.iter().zip(&l.fields))
                .map(|(def, place)| Field {
                    name: def.name,
                    ty: def.ty_name,
                    offset: place.offset,
                    size: place.size,
                    align: place.align,
                })
                .collect(),
            holes: (l.holes().into_iter())
                .map(|h| Hole {
                    after: name_of(h.after),
                    offset: h.offset,
                    size: h.size,
                })
                .collect(),
            tail_padding: l.tail_padding(),
            padding: l.padding(),
            min_size: l.min_size(),
            saving: l.saving(),
            cache: line.map(|line| {
                let cache = l.cache_use(line);
                Cache {
                    line,
                    lines: cache.lines,
                    straddling: cache.straddling.into_iter().map(name_of).collect(),
                }
            }),
        }
    }
}

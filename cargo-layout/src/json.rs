//! `--format json`: the report as one JSON document, schema version 2 (documented in
//! `README.md`). The shape is this module's own structs, so it stays what the documentation
//! says whatever the engine's types become; every number in it comes from the engine.
//!
//! The document is written as it is produced: each struct's object as soon as its report is
//! built ([`Writer::write_struct`]), the summary and diagnostics at the end, so memory does not
//! grow with the number of structs. A struct's identical layouts on several targets are one
//! entry with the list of those targets (`-t all` would otherwise repeat one layout hundreds
//! of times).
//!
//! Stability: keys are never renamed or removed within a version and always present (`null`
//! where there is no value); new keys may be added.

use std::io::{self, Write};

use serde::Serialize;

use layout_engine::{Shape, Target};

use crate::analyze::{Difference, OnTarget};
use crate::enums::{EnumOnTarget, EnumReport, EnumStatus, LargeVariant, Shrink};
use crate::refusal::Allowed;
use crate::scan::{Status, StructReport};
use crate::source::{Diag, Level};

/// The schema version.
pub const SCHEMA: u32 = 2;

#[derive(Serialize)]
struct JsonStruct<'a> {
    name: &'a str,
    path: &'a str,
    file: &'a str,
    line: usize,
    kind: &'static str,
    repr: Option<JsonRepr>,
    /// `"declared"` (repr(C): the source order is the layout order) or `"rustc"` (repr(Rust):
    /// rustc chooses; offsets are null).
    order: &'static str,
    tuple: bool,
    cfg: &'a [String],
    notes: &'a [String],
    pinned: Vec<&'static str>,
    hot: Vec<&'static str>,
    unresolved: Option<Vec<JsonBlocked<'a>>>,
    layouts: Vec<JsonLayoutGroup>,
    differences: Vec<JsonDifference>,
    refusals: Vec<JsonRefusal<'a>>,
}

/// Why `--fix` leaves a struct that can shrink alone, or reorders it although.
#[derive(Serialize)]
struct JsonRefusal<'a> {
    reason: &'static str,
    message: &'a str,
    /// `null` (refused), `"marker"` or `"flag"` (allowed anyway).
    allowed_by: Option<&'static str>,
}

#[derive(Serialize, PartialEq)]
struct JsonRepr {
    base: &'static str,
    packed: Option<u64>,
    align: Option<u64>,
}

#[derive(Serialize)]
struct JsonBlocked<'a> {
    field: Option<&'a str>,
    #[serde(rename = "type")]
    ty: Option<&'a str>,
    reason: &'a str,
}

/// One layout and the targets (in target order) that have exactly it.
#[derive(Serialize)]
struct JsonLayoutGroup {
    targets: Vec<&'static str>,
    #[serde(flatten)]
    layout: JsonLayout,
}

#[derive(Serialize, PartialEq)]
struct JsonLayout {
    error: Option<String>,
    /// The repr on these targets (a `#[cfg_attr]` may make it differ from the struct's).
    repr: Option<JsonRepr>,
    size: Option<u64>,
    align: Option<u64>,
    padding: Option<u64>,
    tail_padding: Option<u64>,
    min_size: Option<u64>,
    fields: Vec<JsonField>,
    holes: Vec<JsonHole>,
    suggestion: Option<JsonSuggestion>,
    suggestion_error: Option<String>,
}

#[derive(Serialize, PartialEq)]
struct JsonField {
    name: &'static str,
    #[serde(rename = "type")]
    ty: &'static str,
    offset: Option<u64>,
    size: u64,
    align: u64,
}

#[derive(Serialize, PartialEq)]
struct JsonHole {
    after: &'static str,
    offset: u64,
    size: u64,
}

#[derive(Serialize, PartialEq)]
struct JsonSuggestion {
    order: Vec<&'static str>,
    size: u64,
    saving: u64,
    moved: Vec<&'static str>,
    reaches_min_size: bool,
}

#[derive(Serialize)]
struct JsonDifference {
    field: Option<&'static str>,
    property: &'static str,
    values: Vec<JsonValue>,
}

#[derive(Serialize)]
struct JsonValue {
    value: u64,
    targets: Vec<&'static str>,
}

#[derive(Serialize)]
struct Summary<'a> {
    structs: usize,
    can_shrink: usize,
    unresolved: usize,
    by_saving: Vec<JsonSaving<'a>>,
    enums: usize,
    enums_can_shrink: usize,
    enums_with_large_variant: usize,
    enums_unresolved: usize,
    enums_by_saving: Vec<JsonSaving<'a>>,
}

#[derive(Serialize)]
struct JsonEnum<'a> {
    name: &'a str,
    path: &'a str,
    file: &'a str,
    line: usize,
    kind: &'static str,
    repr: Option<JsonEnumRepr>,
    /// `"declared"` (RFC 2195 layout) or `"rustc"` (repr(Rust): no layout, `field_bytes`).
    order: &'static str,
    cfg: &'a [String],
    notes: &'a [String],
    unresolved: Option<Vec<JsonBlocked<'a>>>,
    layouts: Vec<JsonEnumLayoutGroup>,
    differences: Vec<JsonDifference>,
    shrink: Option<Vec<JsonVariantOrder>>,
    field_bytes: Option<JsonFieldBytes>,
    large_variant: Option<JsonLargeVariant>,
    refusals: Vec<JsonRefusal<'a>>,
}

#[derive(Serialize)]
struct JsonEnumRepr {
    c: bool,
    int: Option<&'static str>,
    align: Option<u64>,
}

#[derive(Serialize)]
struct JsonEnumLayoutGroup {
    targets: Vec<&'static str>,
    #[serde(flatten)]
    layout: JsonEnumLayout,
}

#[derive(Serialize, PartialEq)]
struct JsonEnumLayout {
    error: Option<String>,
    size: Option<u64>,
    align: Option<u64>,
    tag: Option<JsonTag>,
    variants: Vec<JsonVariant>,
    /// The enum's size with the variant orders of `shrink` on this target.
    shrink_size: Option<u64>,
}

#[derive(Serialize, PartialEq)]
struct JsonTag {
    offset: u64,
    size: u64,
    align: u64,
    #[serde(rename = "type")]
    ty: &'static str,
}

#[derive(Serialize, PartialEq)]
struct JsonVariant {
    name: &'static str,
    discriminant: i128,
    size: u64,
    align: u64,
    payload: u64,
    padding: u64,
    fields: Vec<JsonField>,
}

#[derive(Serialize)]
struct JsonVariantOrder {
    variant: &'static str,
    order: Vec<&'static str>,
}

#[derive(Serialize)]
struct JsonFieldBytes {
    target: &'static str,
    error: Option<String>,
    variants: Vec<JsonVariantBytes>,
}

#[derive(Serialize)]
struct JsonVariantBytes {
    name: &'static str,
    bytes: u64,
}

#[derive(Serialize)]
struct JsonLargeVariant {
    variant: &'static str,
    bytes: u64,
    next: &'static str,
    next_bytes: u64,
    flagged: bool,
}

#[derive(Serialize)]
struct JsonSaving<'a> {
    path: &'a str,
    file: &'a str,
    line: usize,
    saving: u64,
    target: &'static str,
}

#[derive(Serialize)]
struct JsonDiag<'a> {
    level: &'static str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
}

/// Writes the JSON document, pretty-printed, with a final newline, one struct at a time.
pub struct Writer<W: Write> {
    out: W,
    /// Reports written so far.
    structs: usize,
    unresolved: usize,
    by_saving: Vec<OwnedSaving>,
    /// Enums written so far (`None` until `enums` is opened).
    enums: Option<usize>,
    enums_unresolved: usize,
    enums_large: usize,
    enums_by_saving: Vec<OwnedSaving>,
}

/// A `by_saving` entry, kept after its report is gone.
struct OwnedSaving {
    path: String,
    file: String,
    line: usize,
    saving: u64,
    target: &'static str,
}

/// Writes into `out`, indenting every line after the first by `indent` spaces: a value
/// pretty-printed on its own, placed inside the document.
struct Indented<'a, W: Write> {
    out: &'a mut W,
    indent: &'static [u8],
}

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            self.out.write_all(&rest[..=i])?;
            self.out.write_all(self.indent)?;
            rest = &rest[i + 1..];
        }
        self.out.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `value` pretty-printed into `out`, its lines after the first indented by `indent`.
fn put(out: &mut impl Write, indent: &'static [u8], value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut Indented { out, indent }, value).map_err(io::Error::from)
}

impl<W: Write> Writer<W> {
    /// Starts the document: its schema version and targets, and opens `structs`.
    pub fn start(mut out: W, targets: &[&'static Target]) -> io::Result<Self> {
        write!(out, "{{\n  \"schema\": {SCHEMA},\n  \"targets\": ")?;
        let triples: Vec<&str> = targets.iter().map(|t| t.triple).collect();
        put(&mut out, b"  ", &triples)?;
        out.write_all(b",\n  \"structs\": [")?;
        Ok(Writer {
            out,
            structs: 0,
            unresolved: 0,
            by_saving: Vec::new(),
            enums: None,
            enums_unresolved: 0,
            enums_large: 0,
            enums_by_saving: Vec::new(),
        })
    }

    /// Writes one struct's object.
    pub fn write_struct(&mut self, r: &StructReport) -> io::Result<()> {
        if let Some((saving, t)) = r.best_saving().filter(|(s, _)| *s > 0) {
            self.by_saving.push(OwnedSaving {
                path: r.path.clone(),
                file: r.file.clone(),
                line: r.line,
                saving,
                target: t.triple,
            });
        }
        if matches!(r.status, Status::Blocked(_)) {
            self.unresolved += 1;
        }
        self.out.write_all(if self.structs == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        self.structs += 1;
        put(&mut self.out, b"    ", &json_struct(r))
    }

    /// Closes `structs` and opens `enums`, once.
    fn open_enums(&mut self) -> io::Result<()> {
        if self.enums.is_none() {
            self.out
                .write_all(if self.structs == 0 { b"]" } else { b"\n  ]" })?;
            self.out.write_all(b",\n  \"enums\": [")?;
            self.enums = Some(0);
        }
        Ok(())
    }

    /// Writes one enum's object (after every struct).
    pub fn write_enum(&mut self, r: &EnumReport) -> io::Result<()> {
        self.open_enums()?;
        if let Some((saving, t)) = r.best_saving().filter(|(s, _)| *s > 0) {
            self.enums_by_saving.push(OwnedSaving {
                path: r.path.clone(),
                file: r.file.clone(),
                line: r.line,
                saving,
                target: t.triple,
            });
        }
        if matches!(r.status, EnumStatus::Blocked(_)) {
            self.enums_unresolved += 1;
        }
        let e = json_enum(r);
        if e.large_variant.as_ref().is_some_and(|l| l.flagged) {
            self.enums_large += 1;
        }
        let n = self.enums.unwrap_or(0);
        self.out
            .write_all(if n == 0 { b"\n    " } else { b",\n    " })?;
        self.enums = Some(n + 1);
        put(&mut self.out, b"    ", &e)
    }

    /// Closes `structs` and `enums`, writes the summary and `diags`, and returns the writer,
    /// flushed.
    pub fn finish(mut self, diags: &[Diag]) -> io::Result<W> {
        self.open_enums()?;
        let enums = self.enums.unwrap_or(0);
        self.out
            .write_all(if enums == 0 { b"]" } else { b"\n  ]" })?;
        self.by_saving
            .sort_by(|a, b| b.saving.cmp(&a.saving).then_with(|| a.path.cmp(&b.path)));
        self.enums_by_saving
            .sort_by(|a, b| b.saving.cmp(&a.saving).then_with(|| a.path.cmp(&b.path)));
        fn saving(s: &OwnedSaving) -> JsonSaving<'_> {
            JsonSaving {
                path: &s.path,
                file: &s.file,
                line: s.line,
                saving: s.saving,
                target: s.target,
            }
        }
        let summary = Summary {
            structs: self.structs,
            can_shrink: self.by_saving.len(),
            unresolved: self.unresolved,
            by_saving: self
                .by_saving
                .iter()
                .map(|s| JsonSaving {
                    path: &s.path,
                    file: &s.file,
                    line: s.line,
                    saving: s.saving,
                    target: s.target,
                })
                .collect(),
            enums,
            enums_can_shrink: self.enums_by_saving.len(),
            enums_with_large_variant: self.enums_large,
            enums_unresolved: self.enums_unresolved,
            enums_by_saving: self.enums_by_saving.iter().map(saving).collect(),
        };
        self.out.write_all(b",\n  \"summary\": ")?;
        put(&mut self.out, b"  ", &summary)?;
        let diags: Vec<JsonDiag<'_>> = diags
            .iter()
            .map(|d| JsonDiag {
                level: match d.level {
                    Level::Note => "note",
                    Level::Error => "error",
                },
                file: &d.file,
                line: (d.line > 0).then_some(d.line),
                column: (d.column > 0).then_some(d.column),
                message: &d.message,
            })
            .collect();
        self.out.write_all(b",\n  \"diagnostics\": ")?;
        put(&mut self.out, b"  ", &diags)?;
        self.out.write_all(b"\n}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The whole document in memory (with `--fix`, which keeps every report anyway).
pub fn render(
    reports: &[StructReport],
    enums: &[EnumReport],
    targets: &[&'static Target],
    diags: &[Diag],
) -> String {
    let bytes = Writer::start(Vec::new(), targets)
        .and_then(|mut w| {
            for r in reports {
                w.write_struct(r)?;
            }
            for e in enums {
                w.write_enum(e)?;
            }
            w.finish(diags)
        })
        .expect("writes to memory");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// The layouts of `on`, each distinct one once with its targets, in the order of their first
/// target.
fn grouped(on: &[OnTarget], rustc_choice: bool) -> Vec<JsonLayoutGroup> {
    let mut groups: Vec<JsonLayoutGroup> = Vec::new();
    for o in on {
        let layout = json_layout(o, rustc_choice);
        match groups.iter_mut().find(|g| g.layout == layout) {
            Some(g) => g.targets.push(o.target.triple),
            None => groups.push(JsonLayoutGroup {
                targets: vec![o.target.triple],
                layout,
            }),
        }
    }
    groups
}

fn json_struct(r: &StructReport) -> JsonStruct<'_> {
    let (unresolved, layouts, differences, rustc, names) = match &r.status {
        Status::Blocked(b) => (
            Some(
                b.fields
                    .iter()
                    .map(|f| JsonBlocked {
                        field: (!f.field.is_empty()).then_some(f.field.as_str()),
                        ty: (!f.ty.is_empty()).then_some(f.ty.as_str()),
                        reason: &f.reason,
                    })
                    .collect(),
            ),
            Vec::new(),
            Vec::new(),
            false,
            Vec::new(),
        ),
        Status::Laid {
            def,
            on,
            differences,
            rustc_choice,
        } => (
            None,
            grouped(on, *rustc_choice),
            differences
                .iter()
                .map(|d| JsonDifference {
                    field: d.field,
                    property: d.property,
                    values: d
                        .values
                        .iter()
                        .map(|(v, ts)| JsonValue {
                            value: *v,
                            targets: ts.clone(),
                        })
                        .collect(),
                })
                .collect(),
            *rustc_choice,
            def.fields.iter().map(|f| f.name).collect::<Vec<_>>(),
        ),
    };
    JsonStruct {
        name: &r.name,
        path: &r.path,
        file: &r.file,
        line: r.line,
        kind: match r.shape {
            Shape::Struct => "struct",
            Shape::Union => "union",
        },
        repr: r.repr.map(json_repr),
        order: if rustc { "rustc" } else { "declared" },
        tuple: r.tuple,
        cfg: &r.cfg,
        notes: &r.notes,
        pinned: r
            .rules
            .pinned
            .iter()
            .filter_map(|&i| names.get(i).copied())
            .collect(),
        hot: r
            .rules
            .hot
            .iter()
            .filter_map(|&i| names.get(i).copied())
            .collect(),
        unresolved,
        layouts,
        differences,
        refusals: json_refusals(&r.refusals),
    }
}

fn json_repr(repr: layout_engine::Repr) -> JsonRepr {
    JsonRepr {
        base: match repr.base {
            layout_engine::ReprBase::Rust => "Rust",
            layout_engine::ReprBase::C => "C",
            layout_engine::ReprBase::Transparent => "transparent",
        },
        packed: repr.packed,
        align: repr.align,
    }
}

fn json_refusals(refusals: &[crate::refusal::Refusal]) -> Vec<JsonRefusal<'_>> {
    refusals
        .iter()
        .map(|x| JsonRefusal {
            reason: x.reason.name(),
            message: &x.message,
            allowed_by: x.allowed.map(|a| match a {
                Allowed::Marker => "marker",
                Allowed::Flag => "flag",
            }),
        })
        .collect()
}

fn json_layout(o: &OnTarget, rustc_choice: bool) -> JsonLayout {
    let mut out = JsonLayout {
        error: None,
        repr: None,
        size: None,
        align: None,
        padding: None,
        tail_padding: None,
        min_size: None,
        fields: Vec::new(),
        holes: Vec::new(),
        suggestion: None,
        suggestion_error: None,
    };
    let l = match &o.result {
        Ok(l) => l,
        Err(e) => {
            out.error = Some(e.clone());
            return out;
        }
    };
    let layout = &l.layout;
    let fields = layout.def.fields;
    // A `#[cfg_attr]` can give each target its own repr. A `repr(Rust)` struct is laid out
    // as its `repr(C)` twin (for the sizes and alignments): its repr is still Rust.
    out.repr = Some(json_repr(layout_engine::Repr {
        base: if rustc_choice {
            layout_engine::ReprBase::Rust
        } else {
            layout.def.repr.base
        },
        ..layout.def.repr
    }));
    out.align = Some(layout.align());
    out.min_size = Some(layout.min_size());
    out.fields = fields
        .iter()
        .zip(&layout.fields)
        .map(|(f, p)| JsonField {
            name: f.name,
            ty: f.ty_name,
            offset: (!rustc_choice).then_some(p.offset),
            size: p.size,
            align: p.align,
        })
        .collect();
    if rustc_choice {
        return out;
    }
    out.size = Some(layout.size());
    out.padding = Some(layout.padding());
    out.tail_padding = Some(layout.tail_padding());
    out.holes = layout
        .holes()
        .iter()
        .map(|h| JsonHole {
            after: fields[h.after].name,
            offset: h.offset,
            size: h.size,
        })
        .collect();
    out.suggestion_error = l.suggestion_error.clone();
    out.suggestion = l.suggestion.as_ref().map(|s| JsonSuggestion {
        order: s.order.iter().map(|&i| fields[i].name).collect(),
        size: s.size,
        saving: s.saved(),
        moved: s.moved.iter().map(|&i| fields[i].name).collect(),
        reaches_min_size: s.reaches_min(),
    });
    out
}

fn json_differences(differences: &[Difference]) -> Vec<JsonDifference> {
    differences
        .iter()
        .map(|d| JsonDifference {
            field: d.field,
            property: d.property,
            values: d
                .values
                .iter()
                .map(|(v, ts)| JsonValue {
                    value: *v,
                    targets: ts.clone(),
                })
                .collect(),
        })
        .collect()
}

fn json_large(l: &LargeVariant, def: &layout_engine::EnumDef<'static>) -> JsonLargeVariant {
    JsonLargeVariant {
        variant: def.variants[l.largest].name,
        bytes: l.bytes,
        next: def.variants[l.next].name,
        next_bytes: l.next_bytes,
        flagged: l.flagged,
    }
}

fn json_enum(r: &EnumReport) -> JsonEnum<'_> {
    let repr = |repr: layout_engine::EnumRepr| JsonEnumRepr {
        c: repr.c,
        int: repr.int.map(layout_engine::Prim::name),
        align: repr.align,
    };
    let mut e = JsonEnum {
        name: &r.name,
        path: &r.path,
        file: &r.file,
        line: r.line,
        kind: "enum",
        repr: r.repr.map(repr),
        order: "declared",
        cfg: &r.cfg,
        notes: &r.notes,
        unresolved: None,
        layouts: Vec::new(),
        differences: Vec::new(),
        shrink: None,
        field_bytes: None,
        large_variant: None,
        refusals: json_refusals(&r.refusals),
    };
    match &r.status {
        EnumStatus::Blocked(b) => {
            e.unresolved = Some(
                b.fields
                    .iter()
                    .map(|f| JsonBlocked {
                        field: (!f.field.is_empty()).then_some(f.field.as_str()),
                        ty: (!f.ty.is_empty()).then_some(f.ty.as_str()),
                        reason: &f.reason,
                    })
                    .collect(),
            );
        }
        EnumStatus::Rustc {
            def,
            target,
            field_bytes,
            large,
        } => {
            e.order = "rustc";
            e.field_bytes = Some(JsonFieldBytes {
                target: target.triple,
                error: field_bytes.as_ref().err().cloned(),
                variants: field_bytes
                    .as_ref()
                    .map(|b| {
                        def.variants
                            .iter()
                            .zip(b)
                            .map(|(v, &bytes)| JsonVariantBytes {
                                name: v.name,
                                bytes,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            });
            e.large_variant = large.as_ref().map(|l| json_large(l, def));
        }
        EnumStatus::Laid {
            def,
            on,
            differences,
            shrink,
            large,
        } => {
            let mut groups: Vec<JsonEnumLayoutGroup> = Vec::new();
            for (t, o) in on.iter().enumerate() {
                let layout = json_enum_layout(o, shrink.as_ref(), t);
                match groups.iter_mut().find(|g| g.layout == layout) {
                    Some(g) => g.targets.push(o.target.triple),
                    None => groups.push(JsonEnumLayoutGroup {
                        targets: vec![o.target.triple],
                        layout,
                    }),
                }
            }
            e.layouts = groups;
            e.differences = json_differences(differences);
            e.shrink = shrink.as_ref().map(|s| {
                s.orders
                    .iter()
                    .map(|(v, order)| {
                        let var = &s.def.variants[*v];
                        JsonVariantOrder {
                            variant: var.name,
                            order: order.iter().map(|&i| var.fields[i].name).collect(),
                        }
                    })
                    .collect()
            });
            e.large_variant = large.as_ref().map(|l| json_large(l, def));
        }
    }
    e
}

fn json_enum_layout(o: &EnumOnTarget, shrink: Option<&Shrink>, t: usize) -> JsonEnumLayout {
    let mut out = JsonEnumLayout {
        error: None,
        size: None,
        align: None,
        tag: None,
        variants: Vec::new(),
        shrink_size: shrink.and_then(|s| s.sizes[t]),
    };
    let l = match &o.result {
        Ok(l) => l,
        Err(e) => {
            out.error = Some(e.clone());
            return out;
        }
    };
    out.size = Some(l.size());
    out.align = Some(l.align());
    out.tag = Some(JsonTag {
        offset: l.tag.offset,
        size: l.tag.size,
        align: l.tag.align,
        ty: l.tag.int.name(),
    });
    let values = l.discriminant_values();
    out.variants = l
        .def
        .variants
        .iter()
        .enumerate()
        .map(|(v, var)| JsonVariant {
            name: var.name,
            discriminant: values[v],
            size: l.variants[v].size,
            align: l.variants[v].align,
            payload: l.payload_size(v),
            padding: l.padding(v),
            fields: var
                .fields
                .iter()
                .zip(l.variant_fields(v))
                .map(|(f, p)| JsonField {
                    name: f.name,
                    ty: f.ty_name,
                    offset: Some(p.offset),
                    size: p.size,
                    align: p.align,
                })
                .collect(),
        })
        .collect();
    out
}

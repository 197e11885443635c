//! `--format json`: the report as one JSON document, schema version 1 (documented in
//! `README.md`). The shape is this module's own structs, so it stays what the documentation
//! says whatever the engine's types become; every number in it comes from the engine.
//!
//! Stability: keys are never renamed or removed within a version and always present (`null`
//! where there is no value); new keys may be added.

use serde::Serialize;

use layout_engine::{Shape, Target};

use crate::analyze::OnTarget;
use crate::refusal::Allowed;
use crate::scan::{Status, StructReport};
use crate::source::{Diag, Level};

/// The schema version.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    targets: Vec<&'static str>,
    structs: Vec<JsonStruct<'a>>,
    summary: Summary<'a>,
    diagnostics: Vec<JsonDiag<'a>>,
}

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
    layouts: Vec<JsonLayout>,
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

#[derive(Serialize)]
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

#[derive(Serialize)]
struct JsonLayout {
    target: &'static str,
    error: Option<String>,
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

#[derive(Serialize)]
struct JsonField {
    name: &'static str,
    #[serde(rename = "type")]
    ty: &'static str,
    offset: Option<u64>,
    size: u64,
    align: u64,
}

#[derive(Serialize)]
struct JsonHole {
    after: &'static str,
    offset: u64,
    size: u64,
}

#[derive(Serialize)]
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

/// The JSON document, pretty-printed, with a final newline.
pub fn render(reports: &[StructReport], targets: &[&'static Target], diags: &[Diag]) -> String {
    let mut by_saving: Vec<JsonSaving<'_>> = reports
        .iter()
        .filter_map(|r| {
            r.best_saving()
                .filter(|(s, _)| *s > 0)
                .map(|(saving, t)| JsonSaving {
                    path: &r.path,
                    file: &r.file,
                    line: r.line,
                    saving,
                    target: t.triple,
                })
        })
        .collect();
    by_saving.sort_by(|a, b| b.saving.cmp(&a.saving).then_with(|| a.path.cmp(b.path)));
    let doc = Document {
        version: VERSION,
        targets: targets.iter().map(|t| t.triple).collect(),
        structs: reports.iter().map(json_struct).collect(),
        summary: Summary {
            structs: reports.len(),
            can_shrink: by_saving.len(),
            unresolved: reports
                .iter()
                .filter(|r| matches!(r.status, Status::Blocked(_)))
                .count(),
            by_saving,
        },
        diagnostics: diags
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
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("plain data serializes");
    s.push('\n');
    s
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
            on.iter().map(|o| json_layout(o, *rustc_choice)).collect(),
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
        repr: r.repr.map(|repr| JsonRepr {
            base: match repr.base {
                layout_engine::ReprBase::Rust => "Rust",
                layout_engine::ReprBase::C => "C",
                layout_engine::ReprBase::Transparent => "transparent",
            },
            packed: repr.packed,
            align: repr.align,
        }),
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
        refusals: r
            .refusals
            .iter()
            .map(|x| JsonRefusal {
                reason: x.reason.name(),
                message: &x.message,
                allowed_by: x.allowed.map(|a| match a {
                    Allowed::Marker => "marker",
                    Allowed::Flag => "flag",
                }),
            })
            .collect(),
    }
}

fn json_layout(o: &OnTarget, rustc_choice: bool) -> JsonLayout {
    let mut out = JsonLayout {
        target: o.target.triple,
        error: None,
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

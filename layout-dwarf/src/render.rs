//! A plain-text table of a layout, in the spirit of pahole's output, for trying the crate out.
//! The `cargo layout --compiled` report is meant to do its own rendering from the data model.

use std::fmt::Write as _;

use crate::model::{FieldLayout, Hole, TagEncoding, TypeKind, TypeLayout};

/// Renders one type: a header line, then one row per field, hole and tail padding in memory
/// order; for an enum the tag, then each variant's rows.
pub fn table(t: &TypeLayout) -> String {
    let mut out = String::new();
    let kind = match t.kind {
        TypeKind::Struct => "struct",
        TypeKind::Union => "union",
        TypeKind::Enum => "enum",
        TypeKind::Tuple => "tuple",
    };
    let align = t.align.map_or_else(|| "?".to_owned(), |a| a.to_string());
    let _ = writeln!(out, "{kind} {}: size {}, align {align}", t.name, t.size);
    let _ = writeln!(out, "{:>6}  {:>4}  {:<16} type", "offset", "size", "field");
    match &t.enum_layout {
        None => rows(&mut out, "", &t.fields, &t.holes, t.tail_padding),
        Some(e) => {
            if let Some(tag) = &e.tag {
                let how = match &tag.encoding {
                    TagEncoding::Direct => "tag".to_owned(),
                    TagEncoding::Niche { untagged, field } => format!(
                        "niche in {untagged}{}",
                        field.as_ref().map(|f| format!(".{f}")).unwrap_or_default()
                    ),
                };
                let _ = writeln!(
                    out,
                    "{:>6}  {:>4}  {:<16} {}",
                    tag.offset,
                    tag.size,
                    format!("({how})"),
                    tag.type_name
                );
            }
            for v in &e.variants {
                let discriminant = v
                    .discriminant
                    .map(|d| format!(" = {d}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "  variant {}{discriminant}", v.name);
                if !v.fields.is_empty() {
                    rows(&mut out, "  ", &v.fields, &v.holes, v.tail_padding);
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "padding {} of {} bytes{}",
        t.padding(),
        t.size,
        if t.kind == TypeKind::Enum {
            " (bytes no variant uses)"
        } else {
            ""
        }
    );
    out
}

fn rows(out: &mut String, indent: &str, fields: &[FieldLayout], holes: &[Hole], tail: u64) {
    enum Row<'a> {
        Field(&'a FieldLayout),
        Hole(&'a Hole),
    }
    let mut all: Vec<(u64, Row<'_>)> = fields.iter().map(|f| (f.offset, Row::Field(f))).collect();
    all.extend(holes.iter().map(|h| (h.offset, Row::Hole(h))));
    all.sort_by_key(|(offset, row)| (*offset, matches!(row, Row::Field(_))));
    for (_, row) in all {
        let _ = match row {
            Row::Field(f) => writeln!(
                out,
                "{:>6}  {:>4}  {indent}{:<16} {}",
                f.offset, f.size, f.name, f.type_name
            ),
            Row::Hole(h) => writeln!(
                out,
                "{:>6}  {:>4}  {indent}({}-byte hole)",
                h.offset, h.size, h.size
            ),
        };
    }
    if tail > 0 {
        let _ = writeln!(
            out,
            "{:>6}  {:>4}  {indent}({tail}-byte tail padding)",
            "", tail
        );
    }
}

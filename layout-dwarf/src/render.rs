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
                    .map(|d| format!(" = {}", shown_discriminant(d, e.tag.as_ref())))
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

/// A discriminant as declared: a direct tag of a signed type (`i8` ... `i128`, `isize`) holds
/// its value in two's complement, which the debug information gives as an unsigned number.
fn shown_discriminant(value: u64, tag: Option<&crate::model::Tag>) -> String {
    match tag {
        Some(tag)
            if tag.encoding == TagEncoding::Direct
                && tag.type_name.starts_with('i')
                && (1..=8).contains(&tag.size) =>
        {
            let bits = tag.size * 8;
            let signed = ((value << (64 - bits)) as i64) >> (64 - bits);
            signed.to_string()
        }
        _ => value.to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tag;

    #[test]
    fn signed_tags_show_negative_discriminants() {
        let tag = |ty: &str, size| Tag {
            offset: 0,
            size,
            type_name: ty.to_owned(),
            encoding: TagEncoding::Direct,
        };
        assert_eq!(shown_discriminant(u64::MAX, Some(&tag("i64", 8))), "-1");
        assert_eq!(shown_discriminant(0xfe, Some(&tag("i8", 1))), "-2");
        assert_eq!(shown_discriminant(0xfe, Some(&tag("u8", 1))), "254");
        assert_eq!(
            shown_discriminant(1 << 40, Some(&tag("i64", 8))),
            "1099511627776"
        );
    }
}

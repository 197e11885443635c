//! [`EnumLayout`]: one enum laid out on one target, with its per-variant facts.

use alloc::vec::Vec;

use crate::compute::{FieldLayout, TypeLayout};
use crate::def::EnumDef;
use crate::enums::{TagLayout, VariantLayout, enum_layout};
use crate::error::LayoutError;
use crate::target::Target;

/// An enum laid out on one target.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EnumLayout<'a> {
    /// The definition that was laid out.
    pub def: EnumDef<'a>,
    /// The target it was laid out for.
    pub target: &'static Target,
    /// Size and alignment of the whole enum.
    pub layout: TypeLayout,
    /// The tag.
    pub tag: TagLayout,
    /// Each variant's struct, in declaration order.
    pub variants: Vec<VariantLayout>,
    /// Each field's placement, variant after variant in declaration order (see
    /// [`EnumLayout::variant_fields`]).
    pub fields: Vec<FieldLayout>,
}

impl<'a> EnumDef<'a> {
    /// Lays this enum out on `target`.
    pub fn layout_on(&self, target: &'static Target) -> Result<EnumLayout<'a>, LayoutError<'a>> {
        let mut variants = alloc::vec![VariantLayout::default(); self.variants.len()];
        let mut fields = alloc::vec![FieldLayout::default(); self.field_count()];
        let l = enum_layout(self, target, &mut variants, &mut fields)?;
        Ok(EnumLayout {
            def: *self,
            target,
            layout: l.layout,
            tag: l.tag,
            variants,
            fields,
        })
    }
}

impl EnumLayout<'_> {
    /// Size in bytes.
    pub fn size(&self) -> u64 {
        self.layout.size
    }

    /// Alignment in bytes.
    pub fn align(&self) -> u64 {
        self.layout.align
    }

    /// The placements of variant `v`'s fields, in declaration order. Panics if `v` is not a
    /// variant index.
    pub fn variant_fields(&self, v: usize) -> &[FieldLayout] {
        let first: usize = self.def.variants[..v].iter().map(|x| x.fields.len()).sum();
        &self.fields[first..first + self.def.variants[v].fields.len()]
    }

    /// The bytes of variant `v` after the tag up to the end of its last field, padding before
    /// its fields included (what rustc's `-Zprint-type-sizes` calls the variant's size); 0 for a
    /// variant without fields.
    pub fn payload_size(&self, v: usize) -> u64 {
        self.variants[v].end - self.tag.end()
    }

    /// The bytes of the enum that are neither the tag nor one of variant `v`'s fields: its
    /// padding when it is the active variant.
    pub fn padding(&self, v: usize) -> u64 {
        let fields: u64 = self.variant_fields(v).iter().map(|f| f.size).sum();
        self.size() - self.tag.size - fields
    }

    /// The bytes after variant `v`'s last field (after the tag if it has none) up to the end
    /// of the enum.
    pub fn tail_padding(&self, v: usize) -> u64 {
        self.size() - self.variants[v].end
    }
}

impl EnumLayout<'_> {
    /// The discriminant of every variant, in declaration order (as rustc assigns them).
    pub fn discriminant_values(&self) -> Vec<i128> {
        let mut values = alloc::vec![0; self.def.variants.len()];
        // The layout exists, so the discriminants were checked.
        let _ = crate::enums::discriminants(&self.def, self.target, &mut values);
        values
    }

    /// The variant with the largest payload (the first of them), and the one with the next
    /// largest, when there are two variants (see [`EnumLayout::payload_size`]).
    pub fn largest_variants(&self) -> (usize, Option<usize>) {
        let mut order: Vec<usize> = (0..self.variants.len()).collect();
        // Stable: among equal payloads the first declared wins.
        order.sort_by_key(|&v| core::cmp::Reverse(self.payload_size(v)));
        (order.first().copied().unwrap_or(0), order.get(1).copied())
    }
}

/// The `#[repr(...)]` of an enum, as written.
fn enum_repr_attr(repr: &crate::EnumRepr) -> alloc::string::String {
    let mut parts: Vec<alloc::string::String> = Vec::new();
    if repr.c {
        parts.push("C".into());
    }
    if let Some(int) = repr.int {
        parts.push(int.name().into());
    }
    if let Some(n) = repr.align {
        parts.push(alloc::format!("align({n})"));
    }
    if parts.is_empty() {
        parts.push("Rust".into());
    }
    alloc::format!("#[repr({})]", parts.join(", "))
}

/// One enum on one target as a table: the tag, then each variant with its discriminant, its
/// fields' offsets, sizes and alignments and the padding it leaves, then the largest variant's
/// payload against the next largest.
///
/// ```
/// use layout_engine::{EnumDef, EnumRepr, Field, Prim, Target, Ty, Variant};
///
/// const MOVE: &[Field] = &[
///     Field::new("x", "i32", Ty::Prim(Prim::I32)),
///     Field::new("y", "i32", Ty::Prim(Prim::I32)),
/// ];
/// const WRITE: &[Field] = &[Field::new("0", "u16", Ty::Prim(Prim::U16))];
/// const VARIANTS: &[Variant] = &[
///     Variant::unit("Quit"),
///     Variant::new("Move", MOVE),
///     Variant::new("Write", WRITE),
/// ];
/// const MSG: EnumDef = EnumDef::new("Msg", EnumRepr::int(Prim::U8), VARIANTS);
/// let layout = MSG.layout_on(Target::find("64").unwrap()).unwrap();
/// assert_eq!(layout.to_string(), "\
/// #[repr(u8)] enum Msg on x86_64-unknown-linux-gnu: size 12, align 4
/// variant  value  offset  size  align  field  type
/// (tag)                0     1      1         u8
/// Quit         0                       (11 bytes of padding)
/// Move         1       4     4      4  x      i32
///                      8     4      4  y      i32
///                                      (3 bytes of padding)
/// Write        2       2     2      2  0      u16
///                                      (9 bytes of padding)
/// largest payload: Move, 11 bytes (3.6x the next largest, Write, 3 bytes)");
/// ```
impl core::fmt::Display for EnumLayout<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        use alloc::string::{String, ToString};
        writeln!(
            f,
            "{} enum {} on {}: size {}, align {}",
            enum_repr_attr(&self.def.repr),
            self.def.name,
            self.target.triple,
            self.size(),
            self.align()
        )?;
        let values = self.discriminant_values();
        // Rows: variant, value, offset, size, align, field, type.
        let mut rows: Vec<[String; 7]> = Vec::new();
        let blank = || String::new();
        rows.push([
            "(tag)".into(),
            blank(),
            self.tag.offset.to_string(),
            self.tag.size.to_string(),
            self.tag.align.to_string(),
            blank(),
            self.tag.int.name().into(),
        ]);
        // The padding notes go in the field column and run over the type column.
        let mut notes: Vec<(usize, String)> = Vec::new();
        for (v, var) in self.def.variants.iter().enumerate() {
            let placed = self.variant_fields(v);
            if var.fields.is_empty() {
                rows.push([
                    var.name.into(),
                    values[v].to_string(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                ]);
            }
            for (i, (field, at)) in var.fields.iter().zip(placed).enumerate() {
                rows.push([
                    if i == 0 { var.name.into() } else { blank() },
                    if i == 0 {
                        values[v].to_string()
                    } else {
                        blank()
                    },
                    at.offset.to_string(),
                    at.size.to_string(),
                    at.align.to_string(),
                    field.name.into(),
                    field.ty_name.into(),
                ]);
            }
            let padding = self.padding(v);
            if padding > 0 {
                let note = alloc::format!(
                    "({padding} byte{} of padding)",
                    if padding == 1 { "" } else { "s" }
                );
                if var.fields.is_empty() {
                    notes.push((rows.len() - 1, note));
                } else {
                    rows.push([
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                    ]);
                    notes.push((rows.len() - 1, note));
                }
            }
        }
        let header = [
            "variant", "value", "offset", "size", "align", "field", "type",
        ];
        let mut widths = header.map(str::len);
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let right = [false, true, true, true, true, false, false];
        let line = |cells: [&str; 7], note: Option<&str>| {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                if i == 5
                    && let Some(note) = note
                {
                    out.push_str(note);
                    break;
                }
                let pad = widths[i] - cell.chars().count();
                if right[i] {
                    out.extend(core::iter::repeat_n(' ', pad));
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    out.extend(core::iter::repeat_n(' ', pad));
                }
            }
            out.trim_end().to_string()
        };
        write!(f, "{}", line(header, None))?;
        for (r, row) in rows.iter().enumerate() {
            let note = notes
                .iter()
                .find(|(at, _)| *at == r)
                .map(|(_, n)| n.as_str());
            let cells = [
                row[0].as_str(),
                row[1].as_str(),
                row[2].as_str(),
                row[3].as_str(),
                row[4].as_str(),
                row[5].as_str(),
                row[6].as_str(),
            ];
            write!(f, "\n{}", line(cells, note))?;
        }
        let (big, next) = self.largest_variants();
        let name = |v: usize| self.def.variants[v].name;
        let largest = self.payload_size(big);
        if largest == 0 {
            // A fieldless enum: nothing to compare.
            return Ok(());
        }
        write!(
            f,
            "\nlargest payload: {}, {largest} byte{}",
            name(big),
            if largest == 1 { "" } else { "s" }
        )?;
        match next {
            Some(n) if self.payload_size(n) > 0 => {
                let second = self.payload_size(n);
                let tenths = u128::from(largest) * 10 / u128::from(second);
                write!(
                    f,
                    " ({}.{}x the next largest, {}, {second} byte{})",
                    tenths / 10,
                    tenths % 10,
                    name(n),
                    if second == 1 { "" } else { "s" }
                )
            }
            Some(_) if largest > 0 => write!(f, " (no other variant has fields)"),
            _ => Ok(()),
        }
    }
}

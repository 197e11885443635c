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

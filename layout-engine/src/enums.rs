//! The layout rules of enums with a defined layout, as `const fn`s without allocation.
//!
//! RFC 2195, as rustc implements it (`rustc_abi::layout::layout_of_enum` and `repr_discr`):
//! 1. the tag is the integer of the `repr`; for `repr(C)` without one, rustc's C enum: the
//!    smallest integer holding every discriminant (unsigned when none is negative), at least the
//!    target's minimum C enum width ([`Target::c_enum_min_bytes`]);
//! 2. every variant is a `repr(C)` struct that starts with the tag at offset 0 and whose first
//!    field is placed at the tag's end rounded up to the *prefix alignment*: the tag's alignment
//!    for `repr(Int)`, and for `repr(C)`/`repr(C, Int)` the largest alignment of any field of any
//!    variant, which is what makes it "a struct of the tag and a union of the variants";
//! 3. `align(N)` raises every variant struct's alignment (and so the enum's) to at least `N`;
//! 4. the enum is as large as its largest variant struct, rounded up to the largest alignment,
//!    and must stay below the target's object size limit.
//!
//! `repr(Rust)` enums have no layout here: rustc chooses niches and tag widths and does not
//! promise them ([`LayoutError::Unpredictable`]).

use crate::compute::{FieldLayout, TypeLayout, field_layout, round_up, tri};
use crate::def::EnumDef;
use crate::error::{LayoutError, ReprProblem};
use crate::prim::Prim;
use crate::repr::MAX_ALIGN;
use crate::target::Target;

/// Where an enum's tag (its stored discriminant) lands, on one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TagLayout {
    /// Offset from the start of the enum: 0 for every representation modelled.
    pub offset: u64,
    /// Size in bytes.
    pub size: u64,
    /// Alignment in bytes.
    pub align: u64,
    /// The tag's integer type: the `repr`'s, or for `repr(C)` the C enum's (e.g. `Prim::U32`,
    /// `Prim::I8`, `Prim::U64`; never `usize`/`isize` or a C type, whose width it has instead).
    pub int: Prim,
}

impl TagLayout {
    /// One past the tag's last byte.
    pub const fn end(&self) -> u64 {
        self.offset + self.size
    }
}

/// One variant of an enum laid out on one target: the `repr(C)` struct of the tag and the
/// variant's fields that RFC 2195 describes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct VariantLayout {
    /// Where the variant's fields start: the tag's end rounded up to the prefix alignment (the
    /// tag's own for `repr(Int)`; that of every variant's fields, the payload union's offset,
    /// for `repr(C)` and `repr(C, Int)`).
    pub start: u64,
    /// One past the last byte of the variant's fields; the tag's end when it has none.
    pub end: u64,
    /// Size of the variant's struct (tag, fields, tail padding to its alignment).
    pub size: u64,
    /// Alignment of the variant's struct.
    pub align: u64,
}

/// Size, alignment and tag of an enum on one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnumTypeLayout {
    /// Size and alignment of the whole enum.
    pub layout: TypeLayout,
    /// The tag.
    pub tag: TagLayout,
}

/// The range of values of the discriminant type `int` on `target`, or `None` when `int` is no
/// primitive integer. `u128`'s is cut at `i128::MAX`, the model's largest discriminant.
const fn int_range(int: Prim, target: &Target) -> Option<(i128, i128)> {
    let bits = match int {
        Prim::U8 | Prim::I8 => 8,
        Prim::U16 | Prim::I16 => 16,
        Prim::U32 | Prim::I32 => 32,
        Prim::U64 | Prim::I64 => 64,
        Prim::U128 | Prim::I128 => 128,
        Prim::Usize | Prim::Isize => target.pointer_bits as u32,
        _ => return None,
    };
    let signed = matches!(
        int,
        Prim::I8 | Prim::I16 | Prim::I32 | Prim::I64 | Prim::I128 | Prim::Isize
    );
    Some(if signed {
        let max = (1u128 << (bits - 1)) - 1;
        (-(max as i128) - 1, max as i128)
    } else if bits == 128 {
        (0, i128::MAX)
    } else {
        (0, ((1u128 << bits) - 1) as i128)
    })
}

/// Bytes of the smallest integer holding `v` (`v >= 0`) unsigned.
const fn fit_unsigned(v: i128) -> u64 {
    let v = v as u128;
    if v <= u8::MAX as u128 {
        1
    } else if v <= u16::MAX as u128 {
        2
    } else if v <= u32::MAX as u128 {
        4
    } else if v <= u64::MAX as u128 {
        8
    } else {
        16
    }
}

/// Bytes of the smallest integer holding `v` signed.
const fn fit_signed(v: i128) -> u64 {
    if v >= i8::MIN as i128 && v <= i8::MAX as i128 {
        1
    } else if v >= i16::MIN as i128 && v <= i16::MAX as i128 {
        2
    } else if v >= i32::MIN as i128 && v <= i32::MAX as i128 {
        4
    } else if v >= i64::MIN as i128 && v <= i64::MAX as i128 {
        8
    } else {
        16
    }
}

/// The integer type of `bytes` bytes.
const fn int_of(bytes: u64, signed: bool) -> Prim {
    match (bytes, signed) {
        (1, false) => Prim::U8,
        (2, false) => Prim::U16,
        (4, false) => Prim::U32,
        (8, false) => Prim::U64,
        (16, false) => Prim::U128,
        (1, true) => Prim::I8,
        (2, true) => Prim::I16,
        (4, true) => Prim::I32,
        (8, true) => Prim::I64,
        _ => Prim::I128,
    }
}

/// The discriminant of every variant, in declaration order, written into `out` (pass a slice of
/// `def.variants.len()` elements, or an empty one to check only); returns the smallest and
/// largest. Rejects what rustc rejects: values out of the discriminant type's range (`isize` of
/// the target for `repr(C)`), implicit overflow, duplicates, explicit values on a `repr(C)` enum
/// with fields, an empty enum.
pub const fn discriminants<'a>(
    def: &EnumDef<'a>,
    target: &Target,
    out: &mut [i128],
) -> Result<(i128, i128), LayoutError<'a>> {
    macro_rules! bad {
        ($problem:expr) => {
            return Err(LayoutError::BadRepr {
                ty: def.name,
                problem: $problem,
            })
        };
    }
    let variants = def.variants;
    if variants.is_empty() {
        bad!(ReprProblem::EmptyEnum);
    }
    let int = match def.repr.int {
        Some(p) => p,
        None => Prim::Isize,
    };
    let Some((lo, hi)) = int_range(int, target) else {
        bad!(ReprProblem::BadEnumInt);
    };
    let has_fields = def.field_count() > 0;
    let mut explicit = false;
    let mut i = 0;
    while i < variants.len() {
        explicit = explicit || variants[i].discriminant.is_some();
        i += 1;
    }
    let (mut min, mut max) = (i128::MAX, i128::MIN);
    let mut prev: i128 = 0;
    let mut v = 0;
    while v < variants.len() {
        let value = match variants[v].discriminant {
            Some(d) => {
                if has_fields && def.repr.int.is_none() {
                    bad!(ReprProblem::DiscriminantNeedsInt(v));
                }
                if d < lo || d > hi {
                    bad!(ReprProblem::DiscriminantOutOfRange(v));
                }
                d
            }
            None if v == 0 => 0,
            None => {
                if prev == hi {
                    bad!(ReprProblem::DiscriminantOverflow(v));
                }
                prev + 1
            }
        };
        // Duplicates: the earlier values again, recomputed in step (no allocation in `const`);
        // they are known to be in range and not to overflow. Implicit values alone never
        // repeat.
        let mut earlier: i128 = 0;
        let mut w = if explicit { 0 } else { v };
        while w < v {
            earlier = match variants[w].discriminant {
                Some(d) => d,
                None if w == 0 => 0,
                None => earlier + 1,
            };
            if earlier == value {
                bad!(ReprProblem::DuplicateDiscriminant(v));
            }
            w += 1;
        }
        if v < out.len() {
            out[v] = value;
        }
        if value < min {
            min = value;
        }
        if value > max {
            max = value;
        }
        prev = value;
        v += 1;
    }
    Ok((min, max))
}

/// The tag of `def` on `target` (size, alignment, integer), after checking its `repr` and
/// discriminants as rustc does.
pub const fn enum_tag<'a>(
    def: &EnumDef<'a>,
    target: &Target,
) -> Result<TagLayout, LayoutError<'a>> {
    if let Some(n) = def.repr.align
        && !(n.is_power_of_two() && n <= MAX_ALIGN)
    {
        return Err(LayoutError::BadRepr {
            ty: def.name,
            problem: ReprProblem::BadAlignValue(n),
        });
    }
    if !def.repr.is_defined() {
        return Err(LayoutError::Unpredictable { ty: def.name });
    }
    if def.repr.c && def.repr.int.is_some() && def.field_count() == 0 {
        return Err(LayoutError::BadRepr {
            ty: def.name,
            problem: ReprProblem::ConflictingEnumHints,
        });
    }
    let (min, max) = tri!(discriminants(def, target, &mut []));
    let int = match def.repr.int {
        Some(p) => match p {
            // The tag has the width of `usize`/`isize` on the target.
            Prim::Usize => int_of(target.pointer_bytes(), false),
            Prim::Isize => int_of(target.pointer_bytes(), true),
            p => p,
        },
        None => {
            let Some(at_least) = target.c_enum_min_bytes() else {
                return Err(LayoutError::UnknownTarget {
                    triple: target.triple,
                });
            };
            let (fit, signed) = if min >= 0 {
                (fit_unsigned(max), false)
            } else {
                let (a, b) = (fit_signed(min), fit_signed(max));
                (if a > b { a } else { b }, true)
            };
            int_of(if fit > at_least { fit } else { at_least }, signed)
        }
    };
    let (size, align) = target.prim(int);
    Ok(TagLayout {
        offset: 0,
        size,
        align,
        int,
    })
}

/// Lays `def` out on `target`: returns its size, alignment and tag, writes each variant's
/// struct into `variants[v]` and each field's placement into `fields`, variant after variant in
/// declaration order (pass slices of `def.variants.len()` and [`EnumDef::field_count`] elements,
/// or empty ones when only the size, alignment and tag are wanted).
pub const fn enum_layout<'a>(
    def: &EnumDef<'a>,
    target: &Target,
    variants: &mut [VariantLayout],
    fields: &mut [FieldLayout],
) -> Result<EnumTypeLayout, LayoutError<'a>> {
    let tag = tri!(enum_tag(def, target));
    let too_big = LayoutError::TooBig { ty: def.name };
    let min_align = match def.repr.align {
        Some(n) if n > tag.align => n,
        _ => tag.align,
    };
    // `repr(Int)`: each variant's fields start at the tag's end (a multiple of its alignment).
    // `repr(C)`: at the tag's end rounded up to the largest alignment of any variant's field,
    // known only once every field is seen; so they are placed from 0 and shifted at the end,
    // which moves none of them off its alignment (the shift is a multiple of all of them). One
    // pass over the fields keeps nested enums from being laid out twice per level.
    let base = if def.repr.c { 0 } else { tag.end() };
    let mut prefix_align = tag.align;
    let mut max_end = base;
    let mut align = min_align;
    let mut k = 0; // index into `fields`
    let mut v = 0;
    while v < def.variants.len() {
        let fs = def.variants[v].fields;
        let mut st_align = min_align;
        let mut end = base;
        let mut i = 0;
        while i < fs.len() {
            let f = tri!(field_layout(def.name, &fs[i], target));
            let offset = match round_up(end, f.align) {
                Some(o) => o,
                None => return Err(too_big),
            };
            end = match offset.checked_add(f.size) {
                Some(e) => e,
                None => return Err(too_big),
            };
            if f.align > st_align {
                st_align = f.align;
            }
            if f.align > prefix_align {
                prefix_align = f.align;
            }
            if k < fields.len() {
                fields[k] = FieldLayout {
                    offset,
                    size: f.size,
                    align: f.align,
                };
            }
            k += 1;
            i += 1;
        }
        if v < variants.len() {
            variants[v] = VariantLayout {
                start: base,
                end,
                size: 0, // set below, once the shift is known
                align: st_align,
            };
        }
        if end > max_end {
            max_end = end;
        }
        if st_align > align {
            align = st_align;
        }
        v += 1;
    }
    let shift = if def.repr.c {
        match round_up(tag.end(), prefix_align) {
            Some(s) => s,
            None => return Err(too_big),
        }
    } else {
        0
    };
    let size = match shift.checked_add(max_end) {
        Some(end) => end,
        None => return Err(too_big),
    };
    // Every offset and variant size fits in the enum's size, checked below before returning.
    let mut k = 0;
    while k < fields.len() {
        fields[k].offset += shift;
        k += 1;
    }
    let mut v = 0;
    while v < variants.len() && v < def.variants.len() {
        let var = &mut variants[v];
        if def.repr.c && prefix_align > var.align {
            var.align = prefix_align;
        }
        var.start += shift;
        var.end += shift;
        var.size = match round_up(var.end, var.align) {
            Some(s) => s,
            None => return Err(too_big),
        };
        if def.variants[v].fields.is_empty() {
            var.end = tag.end();
        }
        v += 1;
    }
    match round_up(size, align) {
        Some(size) if size < target.object_size_limit() => Ok(EnumTypeLayout {
            layout: TypeLayout { size, align },
            tag,
        }),
        _ => Err(too_big),
    }
}

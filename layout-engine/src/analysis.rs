//! Facts derived from a computed layout: padding holes, tail padding, the minimum size any field
//! order could reach, and cache-line use. All `const fn`, so the derive can check policies during
//! constant evaluation.

use crate::compute::{FieldLayout, TypeLayout, round_up};
use crate::def::Shape;
use crate::repr::{Repr, ReprBase};

/// Sum of the field sizes, or `None` on overflow.
pub const fn field_bytes(fields: &[FieldLayout]) -> Option<u64> {
    let mut sum = 0u64;
    let mut i = 0;
    while i < fields.len() {
        sum = match sum.checked_add(fields[i].size) {
            Some(s) => s,
            None => return None,
        };
        i += 1;
    }
    Some(sum)
}

/// One past the last byte used by any field.
pub const fn fields_end(fields: &[FieldLayout]) -> u64 {
    let mut end = 0;
    let mut i = 0;
    while i < fields.len() {
        if fields[i].end() > end {
            end = fields[i].end();
        }
        i += 1;
    }
    end
}

/// Bytes of padding between field `i` and the next field of a struct (0 for the last field,
/// whose trailing padding is [`tail_padding`]).
pub const fn hole_after(fields: &[FieldLayout], i: usize) -> u64 {
    if i + 1 >= fields.len() {
        return 0;
    }
    fields[i + 1].offset.saturating_sub(fields[i].end())
}

/// Bytes between the end of the last-ending field and the end of the type.
pub const fn tail_padding(fields: &[FieldLayout], layout: TypeLayout) -> u64 {
    layout.size - fields_end(fields)
}

/// Every byte of the type that belongs to no field: holes plus tail padding (for a union, the
/// bytes past its largest field).
pub const fn padding(shape: Shape, fields: &[FieldLayout], layout: TypeLayout) -> u64 {
    match shape {
        Shape::Union => tail_padding(fields, layout),
        Shape::Struct => match field_bytes(fields) {
            Some(sum) => layout.size - sum,
            None => 0,
        },
    }
}

/// The smallest size any order of these fields could give: the sum of the field sizes rounded
/// up to the type's alignment (sorting by decreasing alignment always reaches it, since every
/// size is a multiple of its alignment). Only `repr(C)` structs can be reordered by the user;
/// for any other type this is the current size.
pub const fn min_size(shape: Shape, repr: Repr, fields: &[FieldLayout], layout: TypeLayout) -> u64 {
    if !matches!(shape, Shape::Struct) || !matches!(repr.base, ReprBase::C) {
        return layout.size;
    }
    match field_bytes(fields) {
        Some(sum) => match round_up(sum, layout.align) {
            Some(min) if min < layout.size => min,
            _ => layout.size,
        },
        None => layout.size,
    }
}

/// How many cache lines of `line` bytes the type spans when it starts at a line boundary.
pub const fn lines_spanned(size: u64, line: u64) -> u64 {
    size.div_ceil(line)
}

/// Whether a field crosses a cache-line boundary (the type starting at a line boundary).
pub const fn straddles(field: &FieldLayout, line: u64) -> bool {
    field.size > 0 && field.offset / line != (field.end() - 1) / line
}

/// The cache line (0-based) that a field starts in.
pub const fn line_of(field: &FieldLayout, line: u64) -> u64 {
    field.offset / line
}

//! The layout rules: sizes, alignments and field offsets, as `const fn`s without allocation.
//!
//! The rules follow rustc's (`rustc_abi::layout`), in the same order of application:
//! 1. every field's alignment is capped at `N` under `packed(N)`;
//! 2. `repr(C)` structs place fields in declaration order, each at the next multiple of its
//!    (capped) alignment; unions put every field at offset 0;
//! 3. the type's alignment is the largest field alignment, raised to `N` by `align(N)`;
//! 4. the size is the end of the last field (the largest field, for unions) rounded up to that
//!    alignment, and must stay below the target's object size limit.
//!
//! `repr(transparent)` has the size and alignment of its one field that is not a 1-aligned ZST,
//! at offset 0; the offsets of its ZSTs are unspecified (see `place_transparent`).

use crate::def::{Field, Shape, StructDef};
use crate::error::{LayoutError, ReprProblem};
use crate::prim::Prim;
use crate::repr::{MAX_ALIGN, MAX_PACK, ReprBase};
use crate::target::Target;
use crate::ty::{PtrKind, Ty};

/// Size and alignment of a type on one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TypeLayout {
    /// Size in bytes (a multiple of `align`).
    pub size: u64,
    /// Alignment in bytes (a power of two).
    pub align: u64,
}

/// Where one field lands in its struct on one target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldLayout {
    /// Offset from the start of the struct, in bytes.
    pub offset: u64,
    /// The field's size in bytes.
    pub size: u64,
    /// The field's alignment inside this struct: its type's alignment, capped by `packed(N)`.
    pub align: u64,
}

impl FieldLayout {
    /// One past the field's last byte.
    pub const fn end(&self) -> u64 {
        self.offset + self.size
    }
}

/// `?` for `const fn` (the `Try` trait is not `const`).
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(e),
        }
    };
}
#[allow(unused_imports)]
pub(crate) use tri;

/// `x` rounded up to a multiple of `align` (a power of two), or `None` on overflow.
pub const fn round_up(x: u64, align: u64) -> Option<u64> {
    match x.checked_add(align - 1) {
        Some(v) => Some(v & !(align - 1)),
        None => None,
    }
}

const fn valid_align(n: u64, max: u64) -> bool {
    n.is_power_of_two() && n <= max
}

/// Size and alignment of `ty` on `target`.
pub const fn type_layout<'a>(ty: &Ty<'a>, target: &Target) -> Result<TypeLayout, LayoutError<'a>> {
    let word = target.pointer_bytes();
    let ptr_align = target.aligns.ptr as u64;
    let (size, align) = match *ty {
        Ty::Prim(p) => target.prim(p),
        Ty::Zst => (0, 1),
        Ty::Ptr(PtrKind::Thin) => (word, ptr_align),
        Ty::Ptr(PtrKind::Wide) => (2 * word, ptr_align),
        Ty::Ptr(PtrKind::Fn) => (word, target.aligns.fn_ptr as u64),
        Ty::Atomic(p) => {
            let size = target.prim(p).0;
            if !target.has_atomic(size as u16 * 8) {
                return Err(LayoutError::NoAtomic {
                    bits: size as u16 * 8,
                    field: None,
                });
            }
            (size, size)
        }
        Ty::AtomicPtr => {
            if !target.has_atomic(target.pointer_bits) {
                return Err(LayoutError::NoAtomic {
                    bits: target.pointer_bits,
                    field: None,
                });
            }
            (word, word)
        }
        Ty::Array(elem, len) => {
            let e = tri!(type_layout(elem, target));
            match e.size.checked_mul(len) {
                Some(size) if size < target.object_size_limit() => (size, e.align),
                _ => return Err(LayoutError::TooBig { ty: "[_; N]" }),
            }
        }
        Ty::Struct(def) => return struct_layout(def, target, &mut []),
        Ty::Enum(def) => {
            return match crate::enums::enum_layout(def, target, &mut [], &mut []) {
                Ok(l) => Ok(l.layout),
                Err(e) => Err(e),
            };
        }
        Ty::Fixed { name, size, align } => {
            // A user-written model: reject what no Rust type can be.
            if !align.is_power_of_two() || size % align != 0 {
                return Err(LayoutError::BadRepr {
                    ty: name,
                    problem: ReprProblem::BadAlignValue(align),
                });
            }
            (size, align)
        }
        Ty::Aliased(prim) => match aliased(prim, target) {
            Ok(l) => (l.size, l.align),
            Err(c) => {
                return Err(LayoutError::MaybeCType {
                    prim,
                    c,
                    field: None,
                });
            }
        },
        Ty::Host { name, size, align } => {
            if !target.is_current() {
                return Err(LayoutError::HostOnly { ty: name });
            }
            (size, align)
        }
        Ty::Opaque { name } => return Err(LayoutError::NoModel { ty: name }),
    };
    Ok(TypeLayout { size, align })
}

/// The layout of `field`'s type on `target`; an error names the field (of `owner`), unless it
/// names a field nested deeper.
pub(crate) const fn field_layout<'a>(
    owner: &'a str,
    field: &Field<'a>,
    target: &Target,
) -> Result<TypeLayout, LayoutError<'a>> {
    match type_layout(&field.ty, target) {
        Ok(l) => Ok(l),
        Err(e) => Err(e.in_field(owner, field.name, field.ty_name)),
    }
}

/// The layout on `target` of `prim` reached through a name ([`Ty::Aliased`]): that of `prim`,
/// provided every C type that is `prim` on the compiling target has it on `target` too; else
/// `Err` with the C type that differs.
const fn aliased(prim: Prim, target: &Target) -> Result<TypeLayout, Prim> {
    let (size, align) = target.prim(prim);
    let layout = TypeLayout { size, align };
    let Some(here) = Target::CURRENT else {
        // No facts about the compiling target: only its own layout is sure.
        return if target.is_current() {
            Ok(layout)
        } else {
            Err(c_twin(prim))
        };
    };
    let width = here.prim(prim).0;
    let (c_int, c_long) = match prim {
        Prim::I16 | Prim::U16 | Prim::I32 | Prim::U32 | Prim::I64 | Prim::U64 => {
            (here.c_int_bytes() == width, here.c_long_bytes() == width)
        }
        _ => (false, false),
    };
    let unsigned = matches!(prim, Prim::U16 | Prim::U32 | Prim::U64);
    if c_int && !same(target.prim(Prim::CInt), (size, align)) {
        return Err(if unsigned { Prim::CUint } else { Prim::CInt });
    }
    if c_long && !same(target.prim(Prim::CLong), (size, align)) {
        return Err(if unsigned { Prim::CUlong } else { Prim::CLong });
    }
    Ok(layout)
}

/// The C type an integer may be, for a message where the compiling target is unknown.
const fn c_twin(prim: Prim) -> Prim {
    match prim {
        Prim::I64 => Prim::CLong,
        Prim::U64 => Prim::CUlong,
        Prim::U16 | Prim::U32 => Prim::CUint,
        _ => Prim::CInt,
    }
}

const fn same(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 == b.0 && a.1 == b.1
}

/// Checks a definition's `repr` the way rustc does, before any layout is computed.
pub const fn check_repr<'a>(def: &StructDef<'a>) -> Result<(), LayoutError<'a>> {
    macro_rules! bad {
        ($problem:expr) => {
            return Err(LayoutError::BadRepr {
                ty: def.name,
                problem: $problem,
            })
        };
    }
    let repr = def.repr;
    if let Some(n) = repr.packed
        && !valid_align(n, MAX_PACK)
    {
        bad!(ReprProblem::BadAlignValue(n));
    }
    if let Some(n) = repr.align
        && !valid_align(n, MAX_ALIGN)
    {
        bad!(ReprProblem::BadAlignValue(n));
    }
    if repr.packed.is_some() && repr.align.is_some() {
        bad!(ReprProblem::PackedAndAligned);
    }
    if matches!(repr.base, ReprBase::Transparent) && (repr.packed.is_some() || repr.align.is_some())
    {
        bad!(ReprProblem::TransparentWithModifier);
    }
    if repr.packed.is_some() {
        let mut i = 0;
        while i < def.fields.len() {
            if def.fields[i].ty.contains_align_attr() {
                bad!(ReprProblem::PackedContainsAligned(i));
            }
            i += 1;
        }
    }
    Ok(())
}

/// Lays `def` out on `target`: returns its size and alignment, and writes each field's
/// placement into `out[i]` (pass a slice of `def.fields.len()` elements, or an empty one when
/// only the size and alignment are wanted; extra fields are not written).
///
/// `repr(Rust)` layouts are known only on the compiling target and only when the definition
/// carries the compiler's numbers ([`HostLayout`](crate::HostLayout)); elsewhere the answer is
/// [`LayoutError::Unpredictable`].
pub const fn struct_layout<'a>(
    def: &StructDef<'a>,
    target: &Target,
    out: &mut [FieldLayout],
) -> Result<TypeLayout, LayoutError<'a>> {
    tri!(check_repr(def));
    let pack = match def.repr.packed {
        Some(n) => n,
        None => u64::MAX,
    };
    let fields = def.fields;
    let too_big = LayoutError::TooBig { ty: def.name };

    if matches!(def.repr.base, ReprBase::Rust) {
        return host_struct_layout(def, target, out);
    }

    let mut end = 0u64;
    let mut align = match def.repr.align {
        Some(n) => n,
        None => 1,
    };
    let mut non_trivial = 0;
    let mut i = 0;
    while i < fields.len() {
        let f = tri!(field_layout(def.name, &fields[i], target));
        if f.size != 0 || f.align != 1 {
            non_trivial += 1;
        }
        let field_align = if f.align < pack { f.align } else { pack };
        let offset = match def.shape {
            Shape::Union => 0,
            Shape::Struct => match round_up(end, field_align) {
                Some(o) => o,
                None => return Err(too_big),
            },
        };
        let field_end = match offset.checked_add(f.size) {
            Some(e) => e,
            None => return Err(too_big),
        };
        if field_end > end {
            end = field_end;
        }
        if field_align > align {
            align = field_align;
        }
        if i < out.len() {
            out[i] = FieldLayout {
                offset,
                size: f.size,
                align: field_align,
            };
        }
        i += 1;
    }
    if matches!(def.repr.base, ReprBase::Transparent) {
        if non_trivial > 1 {
            return Err(LayoutError::BadRepr {
                ty: def.name,
                problem: ReprProblem::TransparentFields,
            });
        }
        place_transparent(def, target, out);
    }
    match round_up(end, align) {
        Some(size) if size < target.object_size_limit() => Ok(TypeLayout { size, align }),
        _ => Err(too_big),
    }
}

/// `repr(transparent)` guarantees the wrapped field's offset, 0; where its 1-aligned ZSTs go is
/// rustc's `repr(Rust)` choice (it sorts fields by alignment group and niche), which the engine
/// does not predict: it reports them at 0, and on the compiling target it takes the compiler's
/// own offsets when the definition carries them.
const fn place_transparent(def: &StructDef<'_>, target: &Target, out: &mut [FieldLayout]) {
    let host = match def.host {
        Some(h) if target.is_current() => Some(h.offsets),
        _ => None,
    };
    let mut i = 0;
    while i < def.fields.len() && i < out.len() {
        out[i].offset = match host {
            Some(offsets) if i < offsets.len() => offsets[i],
            _ => 0,
        };
        i += 1;
    }
}

/// The `repr(Rust)` case: the compiler's own numbers, on the compiling target only.
const fn host_struct_layout<'a>(
    def: &StructDef<'a>,
    target: &Target,
    out: &mut [FieldLayout],
) -> Result<TypeLayout, LayoutError<'a>> {
    let host = match def.host {
        Some(h) if target.is_current() => h,
        _ => return Err(LayoutError::Unpredictable { ty: def.name }),
    };
    let mut i = 0;
    while i < def.fields.len() && i < out.len() {
        let f = tri!(field_layout(def.name, &def.fields[i], target));
        let offset = if i < host.offsets.len() {
            host.offsets[i]
        } else {
            0
        };
        out[i] = FieldLayout {
            offset,
            size: f.size,
            align: f.align,
        };
        i += 1;
    }
    Ok(TypeLayout {
        size: host.size,
        align: host.align,
    })
}

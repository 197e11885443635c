//! The type model: what the engine knows about a field's type, independent of any target.

use crate::def::{EnumDef, Field, StructDef};
use crate::prim::Prim;

/// A pointer-like type. Its size and alignment follow the target's pointer width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum PtrKind {
    /// One word: `*const T`, `&T`, `Box<T>`, `NonNull<T>` for sized `T`, and the niche-carrying
    /// `Option` of each.
    Thin,
    /// Two words: pointers and references to `[T]`, `str` and `dyn Trait`.
    Wide,
    /// A function pointer (`fn(..) -> ..`), which some targets align differently from data.
    Fn,
}

/// A field's type as the engine models it.
///
/// Everything except [`Ty::Host`] and [`Ty::Opaque`] has a layout on every target; those two
/// exist so that the engine can say *why* it cannot answer instead of guessing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Ty<'a> {
    /// A primitive scalar.
    Prim(Prim),
    /// A zero-sized type with alignment 1: `()`, `PhantomData<T>`, `PhantomPinned`.
    Zst,
    /// A pointer, reference, `Box`, `NonNull` or function pointer (and `Option` of each).
    Ptr(PtrKind),
    /// `core::sync::atomic::Atomic*` over a primitive (`AtomicBool`, `AtomicU64`, `AtomicUsize`,
    /// ...): the size of the primitive, aligned to its size on every target, and present only
    /// where the target has atomics of that width.
    Atomic(Prim),
    /// `AtomicPtr<T>`: a thin pointer aligned to its size.
    AtomicPtr,
    /// `[T; N]`.
    Array(&'a Ty<'a>, u64),
    /// A struct or union described to the engine (a nested `#[derive(Layout)]` type).
    Struct(&'a StructDef<'a>),
    /// An enum with a defined layout (`repr(C)`, `repr(u8)`, `repr(C, u8)`, ...) described to the
    /// engine; a `repr(Rust)` enum has no layout ([`LayoutError::Unpredictable`](
    /// crate::LayoutError::Unpredictable)).
    Enum(&'a EnumDef<'a>),
    /// A primitive the compiler resolved through a name (a `type` alias, another crate's type,
    /// `<T as Model>::TY` of an integer): exact on the compiling target, but it may be a C
    /// type in disguise (`c_int` and `c_long` are aliases of `i16`/`i32`/`i64`, per target), so
    /// elsewhere it has a layout only where every C type it may be agrees
    /// ([`LayoutError::MaybeCType`](crate::LayoutError::MaybeCType) otherwise).
    Aliased(Prim),
    /// A type whose layout is the same on every target, given by the user
    /// (e.g. a foreign `#[repr(C)]` type whose definition the engine cannot see).
    Fixed {
        /// Its name, for messages.
        name: &'a str,
        /// Size in bytes.
        size: u64,
        /// Alignment in bytes (a power of two).
        align: u64,
    },
    /// A type known only by the compiler's numbers for the target being compiled
    /// (`size_of`/`align_of`): valid there, unknown on every other target.
    Host {
        /// Its name, for messages.
        name: &'a str,
        /// `size_of` on the compiling target.
        size: u64,
        /// `align_of` on the compiling target.
        align: u64,
    },
    /// A type the engine has no model for at all (e.g. `Vec<T>` seen in source code).
    Opaque {
        /// Its name, for messages.
        name: &'a str,
    },
}

impl<'a> Ty<'a> {
    /// `u8`, as a constant usable in `&'static` position.
    pub const U8: Ty<'static> = Ty::Prim(Prim::U8);

    /// Whether this type is, or has among its fields (transitively, through nested structs but
    /// not through arrays or enums), a type declared with `repr(align(N))`, including the atomics, which
    /// `core` declares `repr(C, align(N))`. rustc rejects such a field in a `packed` type
    /// (E0588), while it accepts an array of them (checked against rustc in
    /// `tests/tests/repr_errors.rs`).
    pub const fn contains_align_attr(&self) -> bool {
        match *self {
            Ty::Atomic(_) | Ty::AtomicPtr => true,
            Ty::Struct(def) => def.repr.align.is_some() || any_field(def.fields, true),
            // rustc's E0588 check walks structs and unions only: a `packed` struct may hold an
            // enum with `align(N)` or with aligned fields (its alignment is then capped;
            // checked against rustc in `tests/tests/repr_errors.rs`).
            Ty::Enum(_) => false,
            _ => false,
        }
    }

    /// Whether this type is, or holds (in an array or a nested struct), an atomic: whether its
    /// layout also depends on which atomic widths a target has (an atomic that does not exist
    /// there leaves the struct without a layout).
    pub const fn contains_atomic(&self) -> bool {
        match *self {
            Ty::Atomic(_) | Ty::AtomicPtr => true,
            Ty::Array(elem, _) => elem.contains_atomic(),
            Ty::Struct(def) => any_field(def.fields, false),
            Ty::Enum(def) => {
                let mut v = 0;
                while v < def.variants.len() {
                    if any_field(def.variants[v].fields, false) {
                        return true;
                    }
                    v += 1;
                }
                false
            }
            _ => false,
        }
    }
}

/// Whether one of `fields` [contains an `align` attribute](Ty::contains_align_attr) (`align`)
/// or [an atomic](Ty::contains_atomic) (not `align`).
const fn any_field(fields: &[Field<'_>], align: bool) -> bool {
    let mut i = 0;
    while i < fields.len() {
        let ty = &fields[i].ty;
        if (align && ty.contains_align_attr()) || (!align && ty.contains_atomic()) {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Field, StructDef};

    #[test]
    fn atomics_are_found_through_arrays_and_nested_structs() {
        let atomic = Ty::Atomic(Prim::U32);
        assert!(atomic.contains_atomic() && Ty::AtomicPtr.contains_atomic());
        assert!(Ty::Array(&atomic, 4).contains_atomic());
        let inner = [
            Field::new("a", "u8", Ty::U8),
            Field::new("b", "[AtomicU32; 4]", Ty::Array(&atomic, 4)),
        ];
        let def = StructDef::repr_c("Inner", &inner);
        assert!(Ty::Struct(&def).contains_atomic());
        let plain = [Field::new("a", "u8", Ty::U8)];
        assert!(!Ty::Struct(&StructDef::repr_c("Plain", &plain)).contains_atomic());
        assert!(
            !Ty::Prim(Prim::U64).contains_atomic() && !Ty::Ptr(PtrKind::Thin).contains_atomic()
        );
    }
}

//! [`Model`]: how a Rust type tells the engine its layout on every target.
//!
//! Implemented here for the primitives, pointers and references (thin or wide), `Box`, `Rc`,
//! `Arc`, `NonNull`, function pointers, `Option` of each of those niche-carrying types,
//! `NonZero*`, the transparent wrappers, `PhantomData`/`PhantomPinned`, the atomics and arrays;
//! `#[derive(Layout)]` implements it for the user's structs so they nest. `Vec` and `String` get
//! a model for the compiling target only ([`Ty::Host`]): their layout is rustc's choice.

use crate::Prim;
use crate::{PtrKind, Ty};
use core::mem::size_of;

/// A type whose layout the engine can compute on every target it supports (or, for
/// [`Ty::Host`] models, on the compiling target).
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no layout model",
    label = "the layout engine cannot see inside `{Self}`",
    note = "derive it: `#[derive(Layout)]` on `{Self}` (with `#[repr(C)]` for other targets), implement `layout_core::Model` for it, or mark the field `#[layout(host_only)]` to use the compiler's numbers on the compiling target only"
)]
pub trait Model {
    /// The engine's description of the type.
    const TY: Ty<'static>;
}

/// Types that `Option` stores without a tag (a null or zero niche), so `Option<T>` has `T`'s
/// layout: references, `Box`, `NonNull`, function pointers, `NonZero*`.
pub trait Niche: Model {}

impl<T: Niche> Model for Option<T> {
    const TY: Ty<'static> = T::TY;
}

macro_rules! prims {
    ($($t:ty => $ty:expr),* $(,)?) => {$(
        impl Model for $t {
            const TY: Ty<'static> = $ty;
        }
    )*};
}
// The integers that a C type may be (`c_int` is `i32` here, `i16` on MSP430; `c_long` is `i64`
// on 64-bit Unix, `i32` on Windows) are [`Ty::Aliased`]: a type resolved by the compiler cannot
// tell `c_int` from `i32`, so the engine predicts it only where both have one layout. A field
// written `i32` or `c_int` is modelled from its name by the derive and needs no trait.
prims! {
    bool => Ty::Prim(Prim::Bool), char => Ty::Prim(Prim::Char), u8 => Ty::Prim(Prim::U8),
    u16 => Ty::Aliased(Prim::U16), u32 => Ty::Aliased(Prim::U32), u64 => Ty::Aliased(Prim::U64),
    u128 => Ty::Prim(Prim::U128), usize => Ty::Prim(Prim::Usize), i8 => Ty::Prim(Prim::I8),
    i16 => Ty::Aliased(Prim::I16), i32 => Ty::Aliased(Prim::I32), i64 => Ty::Aliased(Prim::I64),
    i128 => Ty::Prim(Prim::I128), isize => Ty::Prim(Prim::Isize), f32 => Ty::Prim(Prim::F32),
    f64 => Ty::Prim(Prim::F64),
}

macro_rules! non_zero {
    ($($t:ty => $ty:expr),* $(,)?) => {$(
        impl Model for core::num::NonZero<$t> {
            const TY: Ty<'static> = $ty;
        }
        impl Niche for core::num::NonZero<$t> {}
    )*};
}
non_zero! {
    u8 => Ty::Prim(Prim::U8), u16 => Ty::Aliased(Prim::U16), u32 => Ty::Aliased(Prim::U32),
    u64 => Ty::Aliased(Prim::U64), u128 => Ty::Prim(Prim::U128), usize => Ty::Prim(Prim::Usize),
    i8 => Ty::Prim(Prim::I8), i16 => Ty::Aliased(Prim::I16), i32 => Ty::Aliased(Prim::I32),
    i64 => Ty::Aliased(Prim::I64), i128 => Ty::Prim(Prim::I128), isize => Ty::Prim(Prim::Isize),
}

/// Thin or wide: a pointer to `T` is two words exactly when it is on the compiling target, since
/// that depends only on `T` (slices, `str` and trait objects carry metadata), never on the target.
const fn ptr_kind<T: ?Sized>() -> PtrKind {
    if size_of::<*const T>() == size_of::<usize>() {
        PtrKind::Thin
    } else {
        PtrKind::Wide
    }
}

macro_rules! pointers {
    ($($t:ty),* $(,)?) => {$(
        impl<T: ?Sized> Model for $t {
            const TY: Ty<'static> = Ty::Ptr(ptr_kind::<T>());
        }
    )*};
}
pointers!(*const T, *mut T, &T, &mut T, core::ptr::NonNull<T>);
impl<T: ?Sized> Niche for &T {}
impl<T: ?Sized> Niche for &mut T {}
impl<T: ?Sized> Niche for core::ptr::NonNull<T> {}

#[cfg(feature = "alloc")]
mod alloc_models {
    use super::*;
    use alloc::{boxed::Box, rc::Rc, string::String, sync::Arc, vec::Vec};
    use core::mem::align_of;

    pointers!(Box<T>, Rc<T>, Arc<T>);
    impl<T: ?Sized> Niche for Box<T> {}
    impl<T: ?Sized> Niche for Rc<T> {}
    impl<T: ?Sized> Niche for Arc<T> {}

    impl<T> Model for Vec<T> {
        const TY: Ty<'static> = Ty::Host {
            name: "Vec<T>",
            size: size_of::<Self>() as u64,
            align: align_of::<Self>() as u64,
        };
    }
    impl Model for String {
        const TY: Ty<'static> = Ty::Host {
            name: "String",
            size: size_of::<Self>() as u64,
            align: align_of::<Self>() as u64,
        };
    }
}

macro_rules! fn_pointers {
    ($($arg:ident),*) => {
        impl<R, $($arg),*> Model for fn($($arg),*) -> R { const TY: Ty<'static> = Ty::Ptr(PtrKind::Fn); }
        impl<R, $($arg),*> Model for unsafe fn($($arg),*) -> R { const TY: Ty<'static> = Ty::Ptr(PtrKind::Fn); }
        impl<R, $($arg),*> Model for extern "C" fn($($arg),*) -> R { const TY: Ty<'static> = Ty::Ptr(PtrKind::Fn); }
        impl<R, $($arg),*> Model for unsafe extern "C" fn($($arg),*) -> R { const TY: Ty<'static> = Ty::Ptr(PtrKind::Fn); }
        impl<R, $($arg),*> Niche for fn($($arg),*) -> R {}
        impl<R, $($arg),*> Niche for unsafe fn($($arg),*) -> R {}
        impl<R, $($arg),*> Niche for extern "C" fn($($arg),*) -> R {}
        impl<R, $($arg),*> Niche for unsafe extern "C" fn($($arg),*) -> R {}
    };
}
fn_pointers!();
fn_pointers!(A);
fn_pointers!(A, B);
fn_pointers!(A, B, C);
fn_pointers!(A, B, C, D);
fn_pointers!(A, B, C, D, E);
fn_pointers!(A, B, C, D, E, F);

macro_rules! transparent {
    ($($t:ty),* $(,)?) => {$(
        impl<T: Model> Model for $t {
            const TY: Ty<'static> = T::TY;
        }
    )*};
}
transparent!(
    core::mem::ManuallyDrop<T>,
    core::mem::MaybeUninit<T>,
    core::cell::Cell<T>,
    core::cell::UnsafeCell<T>,
    core::num::Wrapping<T>,
    core::num::Saturating<T>,
);

impl Model for () {
    const TY: Ty<'static> = Ty::Zst;
}
impl<T: ?Sized> Model for core::marker::PhantomData<T> {
    const TY: Ty<'static> = Ty::Zst;
}
impl Model for core::marker::PhantomPinned {
    const TY: Ty<'static> = Ty::Zst;
}

impl<T: Model, const N: usize> Model for [T; N] {
    const TY: Ty<'static> = Ty::Array(&T::TY, N as u64);
}

macro_rules! atomics {
    ($($width:literal: $($t:ident => $p:ident),*;)*) => {$($(
        #[cfg(target_has_atomic = $width)]
        impl Model for core::sync::atomic::$t {
            const TY: Ty<'static> = Ty::Atomic(Prim::$p);
        }
    )*)*};
}
atomics! {
    "8": AtomicBool => Bool, AtomicU8 => U8, AtomicI8 => I8;
    "16": AtomicU16 => U16, AtomicI16 => I16;
    "32": AtomicU32 => U32, AtomicI32 => I32;
    "64": AtomicU64 => U64, AtomicI64 => I64;
    "ptr": AtomicUsize => Usize, AtomicIsize => Isize;
}
#[cfg(target_has_atomic = "ptr")]
impl<T> Model for core::sync::atomic::AtomicPtr<T> {
    const TY: Ty<'static> = Ty::AtomicPtr;
}

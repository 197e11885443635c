//! Struct and union descriptions: the input of the engine.

use crate::repr::Repr;
use crate::ty::Ty;

/// Whether a [`StructDef`] is a struct or a union.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Shape {
    /// Fields one after another.
    Struct,
    /// Every field at offset 0.
    Union,
}

/// One field of a struct or union.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Field<'a> {
    /// The field's name (`"0"`, `"1"`, ... for tuple structs).
    pub name: &'a str,
    /// The type as written in the source, for display.
    pub ty_name: &'a str,
    /// The type's model.
    pub ty: Ty<'a>,
}

/// The compiler's own numbers for a type on the target being compiled, from `size_of`,
/// `align_of` and `offset_of!`. They make `repr(Rust)` types and types without a model usable on
/// the compiling target, and the derive asserts that the engine's prediction equals them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct HostLayout<'a> {
    /// `size_of::<T>()`.
    pub size: u64,
    /// `align_of::<T>()`.
    pub align: u64,
    /// `offset_of!(T, field)` for every field, in declaration order.
    pub offsets: &'a [u64],
}

/// A struct or union as the engine sees it: name, representation and fields in declaration
/// order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StructDef<'a> {
    /// The type's name, for messages.
    pub name: &'a str,
    /// Struct or union.
    pub shape: Shape,
    /// Its `#[repr(...)]`.
    pub repr: Repr,
    /// Fields in declaration order.
    pub fields: &'a [Field<'a>],
    /// The compiler's numbers on the compiling target, when known (see [`HostLayout`]).
    pub host: Option<HostLayout<'a>>,
}

impl<'a> StructDef<'a> {
    /// A `repr(C)` struct with these fields and no host numbers.
    pub const fn repr_c(name: &'a str, fields: &'a [Field<'a>]) -> Self {
        StructDef {
            name,
            shape: Shape::Struct,
            repr: Repr::C,
            fields,
            host: None,
        }
    }

    /// The same definition with another representation.
    pub const fn with_repr(mut self, repr: Repr) -> Self {
        self.repr = repr;
        self
    }

    /// The same definition as a union.
    pub const fn union(mut self) -> Self {
        self.shape = Shape::Union;
        self
    }
}

impl<'a> Field<'a> {
    /// A field whose displayed type name is the model's own (primitives, mostly).
    pub const fn new(name: &'a str, ty_name: &'a str, ty: Ty<'a>) -> Self {
        Field { name, ty_name, ty }
    }
}

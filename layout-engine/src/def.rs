//! Struct, union and enum descriptions: the input of the engine.

use crate::repr::{EnumRepr, Repr};
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

/// One variant of an [`EnumDef`]: a unit (`A`), tuple (`A(u8, u32)`, fields named `"0"`, `"1"`,
/// ...) or named-field (`A { x: u8 }`) variant, with its explicit discriminant if it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Variant<'a> {
    /// The variant's name.
    pub name: &'a str,
    /// `= value`, when written; otherwise the previous variant's value plus one (0 for the
    /// first), as in Rust.
    pub discriminant: Option<i128>,
    /// The variant's fields in declaration order (none for a unit variant).
    pub fields: &'a [Field<'a>],
}

impl<'a> Variant<'a> {
    /// A unit variant (`A`) with an implicit discriminant.
    pub const fn unit(name: &'a str) -> Self {
        Variant {
            name,
            discriminant: None,
            fields: &[],
        }
    }

    /// A variant with these fields (tuple fields are named `"0"`, `"1"`, ...) and an implicit
    /// discriminant.
    pub const fn new(name: &'a str, fields: &'a [Field<'a>]) -> Self {
        Variant {
            name,
            discriminant: None,
            fields,
        }
    }

    /// The same variant with an explicit discriminant (`A = value`).
    pub const fn with_discriminant(mut self, value: i128) -> Self {
        self.discriminant = Some(value);
        self
    }
}

/// An enum as the engine sees it: name, representation and variants in declaration order.
///
/// ```
/// use layout_engine::{EnumDef, EnumRepr, Field, Prim, Target, Ty, Variant};
///
/// // #[repr(u8)] enum Msg { Quit, Move { x: i32, y: i32 }, Write(u16) }
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
///
/// let layout = MSG.layout_on(Target::find("64").unwrap()).unwrap();
/// assert_eq!((layout.size(), layout.align()), (12, 4));
/// assert_eq!((layout.tag.offset, layout.tag.size), (0, 1));
/// assert_eq!(layout.variant_fields(1)[1].offset, 8); // Move.y
/// assert_eq!(layout.variant_fields(2)[0].offset, 2); // Write.0
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnumDef<'a> {
    /// The type's name, for messages.
    pub name: &'a str,
    /// Its `#[repr(...)]`.
    pub repr: EnumRepr,
    /// Variants in declaration order.
    pub variants: &'a [Variant<'a>],
}

impl<'a> EnumDef<'a> {
    /// An enum with this representation and these variants.
    pub const fn new(name: &'a str, repr: EnumRepr, variants: &'a [Variant<'a>]) -> Self {
        EnumDef {
            name,
            repr,
            variants,
        }
    }

    /// The number of fields of all variants together: the length of the flat field slice
    /// [`enum_layout`](crate::enum_layout) fills.
    pub const fn field_count(&self) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < self.variants.len() {
            n += self.variants[i].fields.len();
            i += 1;
        }
        n
    }
}

//! Why the engine could not give a layout. Every failure is a value, never a panic or a wrap.

use core::fmt;

/// What is wrong with a `#[repr(...)]` or a struct's fields, as rustc itself would reject it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum ReprProblem {
    /// `packed` and `align` together (rustc E0587).
    PackedAndAligned,
    /// `packed(N)` or `align(N)` with `N` not a power of two, zero, or above rustc's limit.
    BadAlignValue(u64),
    /// A `packed` type containing, transitively, a `repr(align(N))` type (rustc E0588); the
    /// index is the offending field.
    PackedContainsAligned(usize),
    /// `repr(transparent)` with more than one field that is not a 1-aligned zero-sized type.
    TransparentFields,
    /// `repr(transparent)` combined with `packed` or `align`.
    TransparentWithModifier,
    /// An enum without variants with a `repr` other than `Rust` (rustc E0084).
    EmptyEnum,
    /// An enum `repr` naming something other than a primitive integer (`repr(bool)`,
    /// `repr(f32)`, `repr(c_int)`: rustc E0552).
    BadEnumInt,
    /// A discriminant (of the variant at this index) that does not fit the discriminant's type:
    /// the integer named, or `isize` of the target for `repr(C)` (rustc rejects the literal).
    DiscriminantOutOfRange(usize),
    /// The implicit discriminant of the variant at this index (the previous one plus one)
    /// overflows the discriminant's type (rustc E0370). The model's discriminants are `i128`, so
    /// a `repr(u128)` value above `i128::MAX` is reported here too.
    DiscriminantOverflow(usize),
    /// The variant at this index has the discriminant of an earlier one (rustc E0081).
    DuplicateDiscriminant(usize),
    /// An explicit discriminant on an enum with fields whose `repr` names no integer (rustc
    /// E0732); the index is the variant.
    DiscriminantNeedsInt(usize),
    /// `repr(C, Int)` on an enum whose variants are all units: "conflicting representation
    /// hints" (rustc E0566, a deny-by-default lint being made a hard error); write one of them.
    ConflictingEnumHints,
}

/// Why a layout could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum LayoutError<'a> {
    /// A size overflowed, or reached the target's object size limit
    /// ([`Target::object_size_limit`](crate::Target::object_size_limit)).
    TooBig {
        /// The type (struct or array element) whose size is too big.
        ty: &'a str,
    },
    /// A field type the engine has no model for on any target.
    NoModel {
        /// The type's name.
        ty: &'a str,
    },
    /// A field type known only by the compiler's numbers on the compiling target, asked about
    /// for another target.
    HostOnly {
        /// The type's name.
        ty: &'a str,
    },
    /// A field whose type the compiler resolved to a primitive through a name ([`Ty::Aliased`](
    /// crate::Ty::Aliased)) that may be a C type of another width on the target asked about
    /// (an alias of `c_int` is `i32` here and `i16` on MSP430).
    MaybeCType {
        /// The primitive on the compiling target.
        prim: crate::Prim,
        /// The C type it may be (`c_int` or `c_long`).
        c: crate::Prim,
        /// The field whose type it is (`None` for a type laid out on its own).
        field: Option<FieldAt<'a>>,
    },
    /// A `repr(Rust)` type asked about for a target other than the compiling one: rustc chooses
    /// that layout and does not promise it.
    Unpredictable {
        /// The type's name.
        ty: &'a str,
    },
    /// An atomic type of a width the target has no atomics for (the type does not exist there).
    NoAtomic {
        /// Width in bits.
        bits: u16,
        /// The field whose type it is (`None` for a type laid out on its own).
        field: Option<FieldAt<'a>>,
    },
    /// A fact the layout needs is not known for this target (a [`Target`](crate::Target) built
    /// by hand rather than taken from [`Target::ALL`](crate::Target::ALL)): the width of its C
    /// enums, for a `repr(C)` enum.
    UnknownTarget {
        /// The target's triple.
        triple: &'a str,
    },
    /// A representation rustc would reject.
    BadRepr {
        /// The struct.
        ty: &'a str,
        /// What is wrong.
        problem: ReprProblem,
    },
}

/// The field a [`LayoutError`] comes from: the innermost one, in the struct or enum that
/// declares it (for a struct nested in another, the nested struct's field), so that a message
/// can say which field to change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FieldAt<'a> {
    /// The struct or enum that declares the field.
    pub owner: &'a str,
    /// The field's name (`"0"`, `"1"`, ... in a tuple struct).
    pub name: &'a str,
    /// The field's type as written.
    pub ty_name: &'a str,
}

impl<'a> LayoutError<'a> {
    /// This error, as coming from the field `name: ty_name` of `owner` when it does not name a
    /// field yet (an inner field, found first, is the one to change).
    pub const fn in_field(self, owner: &'a str, name: &'a str, ty_name: &'a str) -> Self {
        let at = Some(FieldAt {
            owner,
            name,
            ty_name,
        });
        match self {
            LayoutError::MaybeCType {
                prim,
                c,
                field: None,
            } => LayoutError::MaybeCType { prim, c, field: at },
            LayoutError::NoAtomic { bits, field: None } => {
                LayoutError::NoAtomic { bits, field: at }
            }
            other => other,
        }
    }

    /// A one-line description, usable in `const` (no formatting).
    pub const fn kind_str(&self) -> &'static str {
        match self {
            LayoutError::TooBig { .. } => {
                "the size overflows or exceeds the target's object size limit"
            }
            LayoutError::NoModel { .. } => "the engine has no layout model for a field type",
            LayoutError::HostOnly { .. } => {
                "a field type is known only on the compiling target (no cross-target model)"
            }
            LayoutError::Unpredictable { .. } => {
                "repr(Rust) layouts are chosen by rustc and cannot be predicted for another target"
            }
            LayoutError::MaybeCType { .. } => {
                "a field type resolved through a name may be a C type of another width there"
            }
            LayoutError::NoAtomic { .. } => "the target has no atomics of that width",
            LayoutError::UnknownTarget { .. } => {
                "the target is not one of rustc's built-in targets, whose C enum widths are known"
            }
            LayoutError::BadRepr { .. } => "rustc would reject this representation",
        }
    }
}

/// "the field `name: ty_name` of `owner`".
impl fmt::Display for FieldAt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the field `{}: {}` of `{}`",
            self.name, self.ty_name, self.owner
        )
    }
}

impl fmt::Display for LayoutError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            LayoutError::TooBig { ty } => write!(
                f,
                "the size of `{ty}` overflows or reaches the target's object size limit"
            ),
            LayoutError::NoModel { ty } => write!(
                f,
                "no layout model for `{ty}`: describe it to the engine (derive `Layout` on it, \
                 or implement `layout_core::Model`)"
            ),
            LayoutError::HostOnly { ty } => write!(
                f,
                "`{ty}` has a layout only on the compiling target; for other targets give it a \
                 cross-target model (derive `Layout` on it, or implement `layout_core::Model`)"
            ),
            LayoutError::MaybeCType { prim, c, field } => {
                match field {
                    Some(at) => write!(f, "the type of {at}")?,
                    None => f.write_str("a field's type")?,
                }
                write!(
                    f,
                    " is `{prim}` on the compiling target, reached through a name (a type alias \
                     or another crate's type), and may be `{c}`, which has another width on \
                     this target; write the field's type as the C type (`core::ffi::{c}`) or as \
                     the primitive, or give the type a `layout_core::Model`",
                    prim = prim.name(),
                    c = c.name()
                )
            }
            LayoutError::Unpredictable { ty } => write!(
                f,
                "`{ty}` is repr(Rust): rustc chooses its layout and does not promise it on other \
                 targets; add #[repr(C)] to make it predictable"
            ),
            LayoutError::NoAtomic { bits, field } => {
                write!(f, "the target has no {bits}-bit atomics, so ")?;
                match field {
                    Some(at) => write!(f, "the type of {at} does not exist there"),
                    None => f.write_str("the atomic type does not exist there"),
                }
            }
            LayoutError::UnknownTarget { triple } => write!(
                f,
                "`{triple}` is not one of rustc's built-in targets, so the width of its C enums \
                 (the tag of a repr(C) enum) is unknown; take the target from `Target::ALL`"
            ),
            LayoutError::BadRepr { ty, problem } => match problem {
                ReprProblem::PackedAndAligned => write!(
                    f,
                    "`{ty}`: `packed` and `align` cannot be combined (rustc E0587)"
                ),
                ReprProblem::BadAlignValue(n) => write!(
                    f,
                    "`{ty}`: {n} is not a valid alignment (a power of two up to 2^29)"
                ),
                ReprProblem::PackedContainsAligned(i) => write!(
                    f,
                    "`{ty}`: field #{i} contains a repr(align) type, which a packed type cannot \
                     (rustc E0588)"
                ),
                ReprProblem::TransparentFields => write!(
                    f,
                    "`{ty}`: repr(transparent) needs exactly one field that is not a 1-aligned \
                     zero-sized type"
                ),
                ReprProblem::TransparentWithModifier => write!(
                    f,
                    "`{ty}`: repr(transparent) cannot be combined with packed or align"
                ),
                ReprProblem::EmptyEnum => write!(
                    f,
                    "`{ty}`: an enum without variants cannot have a C or integer repr (rustc E0084)"
                ),
                ReprProblem::BadEnumInt => write!(
                    f,
                    "`{ty}`: an enum's repr names a primitive integer (u8 ... i128, usize, isize)"
                ),
                ReprProblem::DiscriminantOutOfRange(v) => write!(
                    f,
                    "`{ty}`: the discriminant of variant #{v} does not fit its type (the integer \
                     of the repr, or isize on this target for repr(C))"
                ),
                ReprProblem::DiscriminantOverflow(v) => write!(
                    f,
                    "`{ty}`: the implicit discriminant of variant #{v} overflows its type (rustc \
                     E0370), or exceeds i128::MAX, which the model cannot express"
                ),
                ReprProblem::DuplicateDiscriminant(v) => write!(
                    f,
                    "`{ty}`: variant #{v} has the discriminant of an earlier variant (rustc E0081)"
                ),
                ReprProblem::ConflictingEnumHints => write!(
                    f,
                    "`{ty}`: repr(C) and an integer together on an enum without fields conflict \
                     (rustc E0566); keep one of them"
                ),
                ReprProblem::DiscriminantNeedsInt(v) => write!(
                    f,
                    "`{ty}`: variant #{v} has an explicit discriminant, which an enum with fields \
                     allows only with an integer repr such as repr(C, u8) (rustc E0732)"
                ),
            },
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for LayoutError<'_> {}

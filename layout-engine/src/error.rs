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
    },
    /// A representation rustc would reject.
    BadRepr {
        /// The struct.
        ty: &'a str,
        /// What is wrong.
        problem: ReprProblem,
    },
}

impl LayoutError<'_> {
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
            LayoutError::NoAtomic { .. } => "the target has no atomics of that width",
            LayoutError::BadRepr { .. } => "rustc would reject this representation",
        }
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
            LayoutError::Unpredictable { ty } => write!(
                f,
                "`{ty}` is repr(Rust): rustc chooses its layout and does not promise it on other \
                 targets; add #[repr(C)] to make it predictable"
            ),
            LayoutError::NoAtomic { bits } => {
                write!(
                    f,
                    "the target has no {bits}-bit atomics, so the atomic type does not exist there"
                )
            }
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
            },
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for LayoutError<'_> {}

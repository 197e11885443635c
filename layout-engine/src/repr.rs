//! `#[repr(...)]`: the representation rules the engine applies.

/// The base representation named in `#[repr(...)]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum ReprBase {
    /// No `C` or `transparent`: rustc chooses the order, and does not promise it. The engine
    /// only knows such a layout on the compiling target, from the compiler's own numbers.
    Rust,
    /// `repr(C)`: declaration order, each field at the next multiple of its alignment.
    C,
    /// `repr(transparent)`: the layout of the one field that is not a 1-aligned ZST.
    Transparent,
}

/// A full `#[repr(...)]`: base, `packed(N)` and `align(N)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Repr {
    /// `Rust`, `C` or `transparent`.
    pub base: ReprBase,
    /// `packed(N)` (`packed` alone is `packed(1)`): caps every field's alignment at `N`.
    pub packed: Option<u64>,
    /// `align(N)`: raises the type's alignment to at least `N`.
    pub align: Option<u64>,
}

impl Repr {
    /// `#[repr(C)]`.
    pub const C: Repr = Repr {
        base: ReprBase::C,
        packed: None,
        align: None,
    };
    /// No `#[repr]` at all.
    pub const RUST: Repr = Repr {
        base: ReprBase::Rust,
        packed: None,
        align: None,
    };
    /// `#[repr(transparent)]`.
    pub const TRANSPARENT: Repr = Repr {
        base: ReprBase::Transparent,
        packed: None,
        align: None,
    };

    /// The same representation with `packed(n)`.
    pub const fn packed(mut self, n: u64) -> Self {
        self.packed = Some(n);
        self
    }

    /// The same representation with `align(n)`.
    pub const fn aligned(mut self, n: u64) -> Self {
        self.align = Some(n);
        self
    }

    /// Whether the field order is the declared one, so that reordering the source changes the
    /// layout (`repr(C)`, with or without `packed`/`align`).
    pub const fn order_is_declared(&self) -> bool {
        matches!(self.base, ReprBase::C)
    }
}

/// The largest alignment rustc accepts in `repr(align(N))`: 2^29.
pub const MAX_ALIGN: u64 = 1 << 29;
/// The largest value rustc accepts in `repr(packed(N))`: 2^16.
pub const MAX_PACK: u64 = 1 << 16;

/// An enum's `#[repr(...)]`: `C`, a primitive integer (`u8` ... `i128`, `usize`, `isize`), both
/// (`repr(C, u8)`), and `align(N)`. Enums cannot be `packed` or (in this model) `transparent`.
///
/// The layouts follow RFC 2195, as rustc implements them:
/// - `repr(Int)`: a `repr(C)` union of `repr(C)` structs, one per variant, each starting with the
///   tag (an `Int`) followed by the variant's fields;
/// - `repr(C)` and `repr(C, Int)`: a `repr(C)` struct of the tag and a `repr(C)` union of the
///   variants' structs (without the tag), so every variant's fields start at the same offset.
///
/// The tag of `repr(C)` without an integer is rustc's C enum: the target's minimum enum width
/// ([`Target::c_enum_min_bytes`](crate::Target::c_enum_min_bytes)), grown to the smallest integer
/// that holds every discriminant (unsigned when none is negative).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnumRepr {
    /// `C` is named.
    pub c: bool,
    /// The primitive integer named, if any: the tag's type.
    pub int: Option<crate::Prim>,
    /// `align(N)`: raises the enum's alignment (and every variant's) to at least `N`.
    pub align: Option<u64>,
}

impl EnumRepr {
    /// No `#[repr]`: rustc chooses the layout (niches, tag width, field order) and does not
    /// promise it; the engine gives no layout for it.
    pub const RUST: EnumRepr = EnumRepr {
        c: false,
        int: None,
        align: None,
    };
    /// `#[repr(C)]`.
    pub const C: EnumRepr = EnumRepr {
        c: true,
        int: None,
        align: None,
    };

    /// `#[repr(Int)]` for a primitive integer `int` (`Prim::U8`, ..., `Prim::Isize`).
    pub const fn int(int: crate::Prim) -> Self {
        EnumRepr {
            c: false,
            int: Some(int),
            align: None,
        }
    }

    /// The same representation with `C` added: `#[repr(C, Int)]` from `#[repr(Int)]`.
    pub const fn with_c(mut self) -> Self {
        self.c = true;
        self
    }

    /// The same representation with `align(n)`.
    pub const fn aligned(mut self, n: u64) -> Self {
        self.align = Some(n);
        self
    }

    /// Whether the layout is defined (`C` or an integer is named): otherwise it is `repr(Rust)`.
    pub const fn is_defined(&self) -> bool {
        self.c || self.int.is_some()
    }
}

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

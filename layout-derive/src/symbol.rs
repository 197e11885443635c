//! Every `#[layout(...)]` key, named once, so that a typo in the macro cannot create a key and
//! a typo in the user's code gets a "did you mean" from the same list.

/// A `#[layout(...)]` key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol(pub &'static str);

/// The attribute itself.
pub const LAYOUT: Symbol = Symbol("layout");

/// Struct: the targets to check (`"all"`, triples, `64`/`32`/`16`), comma-separated.
pub const TARGETS: Symbol = Symbol("targets");
/// Struct: at most this many bytes of padding.
pub const MAX_PADDING: Symbol = Symbol("max_padding");
/// Struct: no field order is smaller.
pub const OPTIMAL: Symbol = Symbol("optimal");
/// Struct: the size is exactly this.
pub const SIZE: Symbol = Symbol("size");
/// Struct: the alignment is exactly this.
pub const ALIGN: Symbol = Symbol("align");
/// Enum: the largest variant's payload is at most this many times the next largest's.
pub const MAX_VARIANT_RATIO: Symbol = Symbol("max_variant_ratio");
/// Struct: the cache line size for `hot` and `separate_line`.
pub const CACHE_LINE: Symbol = Symbol("cache_line");
/// Struct: report broken policies as warnings.
pub const WARN: Symbol = Symbol("warn");
/// Struct: the where-clause of the generated impls, replacing the inferred bounds.
pub const BOUND: Symbol = Symbol("bound");
/// Struct: the path of the `layout_core` crate, when it is renamed.
pub const CRATE: Symbol = Symbol("crate");

/// Field: a hot field (first, in the fewest cache lines).
pub const HOT: Symbol = Symbol("hot");
/// Field: never shares a cache line with the field before it.
pub const SEPARATE_LINE: Symbol = Symbol("separate_line");
/// Field: a suggested order keeps it at its declared index.
pub const PINNED: Symbol = Symbol("pinned");
/// Field: modelled by the compiler's numbers on the compiling target only.
pub const HOST_ONLY: Symbol = Symbol("host_only");

/// The keys of `#[layout(...)]` on a struct.
pub const STRUCT_KEYS: &[Symbol] = &[
    TARGETS,
    MAX_PADDING,
    OPTIMAL,
    SIZE,
    ALIGN,
    MAX_VARIANT_RATIO,
    CACHE_LINE,
    WARN,
    BOUND,
    CRATE,
];
/// The keys of `#[layout(...)]` on a field.
pub const FIELD_KEYS: &[Symbol] = &[HOT, SEPARATE_LINE, PINNED, HOST_ONLY];

impl PartialEq<Symbol> for syn::Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for syn::Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl std::fmt::Display for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

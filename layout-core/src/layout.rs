//! [`Layout`]: what `#[derive(Layout)]` tells about a struct, and the policies it checks.

use crate::Model;
#[cfg(feature = "alloc")]
use crate::{LayoutError, StructLayout, Target};
use crate::{StructDef, Ty};

/// A struct or union whose layout the engine knows: implemented by `#[derive(Layout)]`.
///
/// - [`Layout::DEF`] is the struct as the engine sees it: name, `repr`, every field's name, type
///   as written and model (`<FieldType as Model>::TY`), and the compiler's own numbers for the
///   target being compiled ([`HostLayout`](crate::HostLayout): `size_of`, `align_of`, and for a
///   `repr(Rust)` or `repr(transparent)` struct `offset_of!` of every field), so even a
///   `repr(Rust)` struct has its exact layout there.
/// - [`Layout::layout`] is that exact layout, with holes, padding, the minimum size and a
///   `Display` that prints the engine's table; [`Layout::layout_on`] predicts the layout on any
///   other built-in target (for `repr(C)`-family structs; a `repr(Rust)` struct is
///   [`LayoutError::Unpredictable`] there).
/// - The derive also implements [`Model`] as `Ty::Struct(&def)`, the same definition (`DEF`
///   defaults to it), so derived structs nest in other derived structs, on every target.
///
/// The derive asserts at compile time that the engine's prediction for the compiling target
/// equals what the compiler did (size and alignment; a `repr(Rust)` or `repr(transparent)`
/// struct takes its offsets from the compiler, and the `repr(C)`-family offsets are checked
/// against `offset_of!` by this project's tests on every struct of its corpus), so a wrong model
/// can never build silently.
///
/// ```
/// use layout_core::{Layout, Target};
///
/// #[derive(Layout)]
/// #[repr(C)]
/// struct T1 { a: i8, b: i64, c: i16 }
///
/// let i686 = T1::layout_on(Target::find("32").unwrap()).unwrap();
/// assert_eq!((i686.size(), i686.min_size()), (16, 12));
/// let here = T1::layout();
/// assert_eq!(here.size(), core::mem::size_of::<T1>() as u64);
/// println!("{here}"); // the table: offsets, sizes, holes, minimum
/// ```
///
/// # `#[derive(Layout)]`
///
/// Works on named, tuple and unit structs and on unions, with `repr(C)`, `packed`/`packed(N)`,
/// `align(N)`, `transparent` or no `repr`; on enums it implements [`LayoutEnum`](crate::LayoutEnum)
/// instead (see there for the enum policies). Generic structs get a
/// `T: Model` bound for every type parameter a field's layout depends on (not for one used only
/// behind a pointer or in `PhantomData`). The expansion carries the layout table as the impl's
/// doc comment.
///
/// A generic struct is checked per instantiation, during constant evaluation: the assertion
/// against the compiler and its policies run when the instantiation's [`Layout::DEF`] (or
/// [`Model::TY`], which holds it) is evaluated: as the field type of a derived struct that is
/// not generic itself, or in a `const` item, in every build (`cargo check` too); through
/// [`Layout::layout`] or [`Layout::layout_on`] in a function, when that function is compiled
/// to code (`cargo build`; `cargo check` does not evaluate constants that only code generation
/// needs). An instantiation whose `DEF` is never used (a `let p: Pair<u8, u64>` alone) is not
/// checked. Its messages and tables name the instantiation, built during constant evaluation
/// from the arguments (`core::any::type_name` is not `const`): a type argument by its model (a
/// primitive or a C type by its Rust name, an array as `[T; N]`, a derived struct or enum by
/// its own name, arguments included), a const argument of an integer or `bool` type by its
/// value, and `_` for a pointer, a zero-sized or atomic type, a type with an unnamed model, a
/// parameter without a `Model` bound (one only behind a pointer, or any with `bound = "..."`)
/// and a `char` or 128-bit const argument: `Pair<u8, u64>`, `Buf<[u16; 2], 16>`,
/// `Behind<_>`. Lifetimes are left out.
///
/// ## Policies: `#[layout(...)]` on the struct
///
/// | key | meaning |
/// | --- | --- |
/// | `targets = "..."` | where the policies are checked: triples, `64`, `32`, `16` (aliases of `x86_64-unknown-linux-gnu`, `i686-unknown-linux-gnu`, `msp430-none-elf`) and `all`, comma-separated. Default: the target being compiled. |
/// | `max_padding = N` | at most `N` bytes of padding (holes and tail). |
/// | `optimal` | no field order is smaller. |
/// | `size = N`, `align = N` | the size (alignment) is exactly `N` on every checked target. |
/// | `cache_line = N` | the cache line size for `hot` and `separate_line` (default 64). |
/// | `warn` | report broken policies as warnings (`use of deprecated ...`, with the full report where the macro models every field type) instead of errors. Not on generic structs: their checks run per instantiation in constant evaluation, which can only fail the build. |
/// | `bound = "..."` | the where-clause of the generated impls, replacing the inferred bounds. |
/// | `crate = "..."` | the path of `layout_core` in generated code. Needed only when it comes through another crate's re-export: a dependency renamed in `Cargo.toml` (`lc = { package = "layout-core", ... }`, directly or through `[workspace.dependencies]`) is found there and named `::lc` without it; a crate whose `Cargo.toml` never names `layout-core` gets an error at the derive that says to add it or to name the re-export's path here. |
///
/// ## On fields
///
/// | key | meaning |
/// | --- | --- |
/// | `hot` | hot fields come first and span as few cache lines as possible. |
/// | `separate_line` | the field never shares a cache line with the field declared before it (false sharing). |
/// | `pinned` | a suggested order keeps the field at its declared index. |
/// | `host_only` | model the field by the compiler's `size_of`/`align_of` on the compiling target only (for a type with no [`Model`]); other targets then report that they cannot check it. |
///
/// `hot`, `separate_line` and `pinned` need a declared field order (`repr(C)`).
///
/// ## What a broken policy says
///
/// The error names the struct and the target, the size now and the minimum, every hole, and
/// the reordered body ready to paste (fields keep their doc comments, attributes, visibility and
/// type as written; the order reaches the smallest size and moves few fields). When the macro
/// can model every field type from the syntax (primitives, pointers, arrays of them, ...) and
/// the targets are named, the check runs while the macro expands and the error points at the
/// struct or the offending field. Otherwise (the compiling target, type aliases, other crates'
/// types, other derived structs, generics) the same check runs during constant evaluation
/// (`layout_core::check`) and the same report is the `evaluation panicked` message.
///
/// ```compile_fail
/// use layout_core::Layout;
///
/// #[derive(Layout)]
/// #[repr(C)]
/// #[layout(targets = "64, 32", optimal)]
/// struct T1 { a: i8, b: i64, c: i16 } // error: 24 bytes on x86_64, 16 reordered: b, c, a
/// ```
pub trait Layout: Model + Sized {
    /// The struct as the engine sees it, with the compiler's numbers for the compiling target.
    ///
    /// By default the definition inside [`Model::TY`], which the derive writes as
    /// `Ty::Struct(&StructDef { .. })`: one constant holds the struct for both traits.
    const DEF: StructDef<'static> = match Self::TY {
        Ty::Struct(def) => *def,
        _ => panic!("`Layout::DEF` defaults to the struct in `Model::TY`, which is not a struct"),
    };

    /// The exact layout on the target being compiled.
    ///
    /// # Panics
    ///
    /// When compiling for a target that is not one of rustc's built-in ones (a custom target
    /// JSON): the engine has no [`Target`] for it ([`Target::CURRENT`] is `None`); the
    /// compiler's numbers are still in [`Layout::DEF`]`.host`.
    #[cfg(feature = "alloc")]
    fn layout() -> StructLayout<'static> {
        let Some(current) = Target::CURRENT else {
            panic!("the target being compiled is not one of rustc's built-in targets");
        };
        match Self::DEF.layout_on(current) {
            Ok(l) => l,
            // The derive's const assertions computed this very layout, so it exists.
            Err(e) => panic!("{e}"),
        }
    }

    /// The layout on `target`, predicted by the engine.
    #[cfg(feature = "alloc")]
    fn layout_on(target: &'static Target) -> Result<StructLayout<'static>, LayoutError<'static>> {
        Self::DEF.layout_on(target)
    }
}

//! [`LayoutEnum`]: what `#[derive(Layout)]` tells about an enum, and the policies it checks.

use crate::Model;
use crate::{EnumDef, Ty};
#[cfg(feature = "alloc")]
use crate::{EnumLayout, LayoutError, Target};

/// An enum with a defined layout (`repr(u8)` ... `repr(i128)`, `repr(usize)`, `repr(isize)`,
/// `repr(C)`, `repr(C, u8)`, each optionally with `align(N)`) whose layout the engine knows:
/// implemented by `#[derive(Layout)]` on such an enum.
///
/// - [`LayoutEnum::DEF`] is the enum as the engine sees it: name, `repr`, every variant's name,
///   discriminant and fields (name, type as written, model).
/// - [`LayoutEnum::layout`] is the exact layout on the target being compiled: the tag's integer,
///   size and offset, each variant's fields' offsets, sizes and alignments, its payload and the
///   padding it leaves ([`EnumLayout`]); its `Display` prints the table that the derive also
///   puts in the impl's doc comment. [`LayoutEnum::layout_on`] predicts it for any built-in
///   target.
/// - The derive also implements [`Model`] as `Ty::Enum(&def)`, so a derived enum nests in
///   derived structs (and in other derived enums' variants) on every target.
///
/// The derive asserts at compile time that the engine's size and alignment for the compiling
/// target equal `size_of`/`align_of`, so a wrong model cannot build.
///
/// ```
/// use layout_core::{Layout, LayoutEnum, Target};
///
/// #[derive(Layout)]
/// #[repr(u8)]
/// enum Msg { Quit, Move { x: i32, y: i32 }, Write(u16) }
///
/// let here = Msg::layout();
/// assert_eq!(here.size(), core::mem::size_of::<Msg>() as u64);
/// assert_eq!((here.tag.offset, here.tag.size), (0, 1));
/// assert_eq!(here.variant_fields(1)[1].offset, 8); // Move.y
/// let msp430 = Msg::layout_on(Target::find("16").unwrap()).unwrap();
/// assert_eq!(msp430.size(), 10); // i32 aligns to 2 there
/// println!("{here}"); // the table: tag, variants, offsets, padding
/// ```
///
/// # Policies: `#[layout(...)]` on the enum
///
/// | key | meaning |
/// | --- | --- |
/// | `targets = "..."` | where the policies are checked, as for structs (default: the target being compiled). |
/// | `size = N`, `align = N` | the enum's size (alignment) is exactly `N`. |
/// | `max_padding = N` | the *fullest* variant (the one leaving the least padding) leaves at most `N` bytes that are neither the tag nor its fields. Smaller variants always leave more: that is what an enum is; the fullest one's padding is what no variant needs. |
/// | `max_variant_ratio = N` | the largest variant's payload (its bytes after the tag, to the end of its last field) is at most `N` times the next largest's (Clippy's `large_enum_variant`, on every target). The report says what boxing the variant's fields makes of the enum's size. |
/// | `optimal` | no variant's fields can be reordered into a smaller variant: each variant is laid out as RFC 2195 defines it (for `repr(u8)`-style enums a `repr(C)` struct that starts with the tag, which stays first; for `repr(C)` and `repr(C, u8)` a `repr(C)` struct of its fields), and the report suggests one order per variant for every checked target (the engine's order search), says what the enum's size becomes, and gives the enum body to paste, with the variants that are already optimal as written. The search runs while the macro expands, so every field type must be modelled from its name (a primitive, pointer, array, ...). |
/// | `warn` | report broken policies as warnings instead of errors, with the full report where the macro knows every field type and discriminant (else, on the compiling target, a short warning that says to remove `warn` for the report). |
/// | `crate = "..."` | the path of `layout_core`: needed only for a re-export; a dependency renamed in `Cargo.toml` is found without it. |
///
/// The policies are checked during constant evaluation: a broken one is an
/// `error[E0080]: evaluation panicked: ...` at the enum's name with the whole report.
///
/// ```compile_fail
/// use layout_core::Layout;
///
/// #[derive(Layout)]
/// #[repr(u8)]
/// #[layout(targets = "64, 32", max_variant_ratio = 4)]
/// enum Cmd { Write([u8; 1024]), Seek(u64), Stop } // error: box `Write`'s fields
/// ```
///
/// Not supported (each a spanned error that says what to do): a `repr(Rust)` enum with
/// policies or `targets` (rustc promises no layout; without them it gets a [`Model`] from the
/// compiler's numbers on the compiling target and no `LayoutEnum`), `repr(transparent)` and
/// `packed` enums, enums without variants, generic enums, `cache_line`,
/// and `hot`, `separate_line` or `pinned` on variant fields.
pub trait LayoutEnum: Model + Sized {
    /// The enum as the engine sees it.
    ///
    /// By default the definition inside [`Model::TY`], which the derive writes as
    /// `Ty::Enum(&EnumDef { .. })`.
    const DEF: EnumDef<'static> = match Self::TY {
        Ty::Enum(def) => *def,
        _ => panic!("`LayoutEnum::DEF` defaults to the enum in `Model::TY`, which is not an enum"),
    };

    /// The exact layout on the target being compiled.
    ///
    /// # Panics
    ///
    /// When compiling for a target that is not one of rustc's built-in ones (a custom target
    /// JSON): the engine has no [`Target`] for it ([`Target::CURRENT`] is `None`).
    #[cfg(feature = "alloc")]
    fn layout() -> EnumLayout<'static> {
        let Some(current) = Target::CURRENT else {
            panic!("the target being compiled is not one of rustc's built-in targets");
        };
        match Self::DEF.layout_on(current) {
            Ok(l) => l,
            // The derive's const assertion computed this very layout, so it exists.
            Err(e) => panic!("{e}"),
        }
    }

    /// The layout on `target`, predicted by the engine.
    #[cfg(feature = "alloc")]
    fn layout_on(target: &'static Target) -> Result<EnumLayout<'static>, LayoutError<'static>> {
        Self::DEF.layout_on(target)
    }
}

//! [`Layout`]: what `#[derive(Layout)]` tells about a struct.

use crate::Model;
use crate::engine::StructDef;
#[cfg(feature = "alloc")]
use crate::engine::{LayoutError, StructLayout, Target};

/// A struct or union whose layout the engine knows: implemented by `#[derive(Layout)]`.
///
/// - [`Layout::DEF`] is the struct as the engine sees it: name, `repr`, every field's name, type
///   as written and model (`<FieldType as Model>::TY`), and the compiler's own numbers for the
///   target being compiled ([`HostLayout`](crate::HostLayout): `size_of`, `align_of` and
///   `offset_of!` of every field), so even a `repr(Rust)` struct has its exact layout there.
/// - [`Layout::layout`] is that exact layout, with holes, padding, the minimum size and a
///   `Display` that prints the engine's table; [`Layout::layout_on`] predicts the layout on any
///   other built-in target (for `repr(C)`-family structs; a `repr(Rust)` struct is
///   [`LayoutError::Unpredictable`] there).
/// - The derive also implements [`Model`] as `Ty::Struct(&Self::DEF)`, so derived structs nest in
///   other derived structs, on every target.
///
/// The derive asserts at compile time that the engine's prediction for the compiling target
/// equals what the compiler did (size, alignment and every field offset), so a wrong model can
/// never build silently.
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
pub trait Layout: Model + Sized {
    /// The struct as the engine sees it, with the compiler's numbers for the compiling target.
    const DEF: StructDef<'static>;

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

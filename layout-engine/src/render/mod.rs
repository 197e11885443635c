//! Human-readable (and, with the `serde` feature, machine-readable) reports of layouts.
//!
//! - [`LayoutTable`]: one struct on one target as a pahole-like table; it is also the
//!   [`Display`](core::fmt::Display) of [`StructLayout`](crate::StructLayout).
//! - [`Comparison`]: one struct on several targets side by side, differences marked.
//! - [`Reordering`]: a proposed field order as a paste-ready field list with its size.
//! - `json` (feature `serde`): the documented JSON shape of a layout.
//!
//! Every view is plain ASCII apart from the user's own names, without colours, and ends without a
//! newline, so it can be printed with `println!` or embedded in a message.

mod compare;
mod grid;
#[cfg(feature = "serde")]
mod json;
mod reorder;
mod table;
#[cfg(test)]
mod tests;

pub use compare::Comparison;
pub use reorder::{ReorderError, Reordering};
pub use table::LayoutTable;

use core::fmt;

use crate::def::{Shape, StructDef};
use crate::repr::{Repr, ReprBase};

/// `#[repr(C, packed)] struct Name`: how a definition is introduced in every view.
struct Declaration<'d, 'a>(&'d StructDef<'a>);

impl fmt::Display for Declaration<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let def = self.0;
        if let Some(repr) = ReprAttr::of(def.repr) {
            write!(f, "{repr} ")?;
        }
        let kind = match def.shape {
            Shape::Struct => "struct",
            Shape::Union => "union",
        };
        write!(f, "{kind} {}", def.name)
    }
}

/// The `#[repr(...)]` attribute as written in source (none for the default `repr(Rust)`).
struct ReprAttr(Repr);

impl ReprAttr {
    fn of(repr: Repr) -> Option<ReprAttr> {
        let plain_rust =
            repr.base == ReprBase::Rust && repr.packed.is_none() && repr.align.is_none();
        (!plain_rust).then_some(ReprAttr(repr))
    }
}

impl fmt::Display for ReprAttr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Repr {
            base,
            packed,
            align,
        } = self.0;
        let mut sep = "";
        f.write_str("#[repr(")?;
        if let Some(base) = base_name(base) {
            f.write_str(base)?;
            sep = ", ";
        }
        match packed {
            Some(1) => write!(f, "{sep}packed")?,
            Some(n) => write!(f, "{sep}packed({n})")?,
            None => {}
        }
        if let Some(n) = align {
            write!(f, "{sep}align({n})")?;
        }
        f.write_str(")]")
    }
}

/// The base representation's name inside `#[repr(...)]` (`repr(Rust)` is never written).
fn base_name(base: ReprBase) -> Option<&'static str> {
    match base {
        ReprBase::Rust => None,
        ReprBase::C => Some("C"),
        ReprBase::Transparent => Some("transparent"),
    }
}

/// `part` as a percentage of `whole`, to one decimal (`54.2%`), rounded half up.
struct Percent {
    part: u64,
    whole: u64,
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.whole == 0 {
            return f.write_str("0.0%");
        }
        let (part, whole) = (u128::from(self.part), u128::from(self.whole));
        let tenths = (part * 1000 + whole / 2) / whole;
        write!(f, "{}.{}%", tenths / 10, tenths % 10)
    }
}

/// `1 field`, `2 fields`.
struct Count(u64, &'static str);

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Count(n, noun) = *self;
        write!(f, "{n} {noun}{}", if n == 1 { "" } else { "s" })
    }
}

/// Writes lines separated by newlines, without a trailing one.
fn write_lines(f: &mut fmt::Formatter<'_>, lines: &[alloc::string::String]) -> fmt::Result {
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        f.write_str(line)?;
    }
    Ok(())
}

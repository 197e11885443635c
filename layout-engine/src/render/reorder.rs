//! [`Reordering`]: a proposed field order, as the field list to paste and the size it gives.
//!
//! The order itself comes from elsewhere (the optimal-order search, or the user); this module
//! only lays the reordered struct out and prints it.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;

use super::grid::{Cell, Column, Grid};
use super::write_lines;
use crate::compute::{FieldLayout, TypeLayout, struct_layout};
use crate::def::{Field, Shape, StructDef};
use crate::error::LayoutError;
use crate::report::StructLayout;
use crate::target::Target;

/// A struct with its fields in a proposed order, laid out on the original layout's target.
///
/// ```
/// use layout_engine::{Field, Prim, StructDef, Target, Ty};
///
/// const T1: StructDef = StructDef::repr_c("T1", &[
///     Field::new("a", "i8", Ty::Prim(Prim::I8)),
///     Field::new("b", "i64", Ty::Prim(Prim::I64)),
///     Field::new("c", "i16", Ty::Prim(Prim::I16)),
/// ]);
/// let layout = T1.layout_on(Target::find("64").unwrap()).unwrap();
/// // An order and the fields it moves, e.g. from `layout_engine::order::suggest`:
/// let reordering = layout.reordered(&[1, 2, 0]).unwrap().with_moved(&[0]);
/// assert_eq!(reordering.to_string(), "\
/// T1 in this order: 16 bytes instead of 24 on x86_64-unknown-linux-gnu (saves 8)
///     b: i64,
///     c: i16,
///     a: i8,   // moved");
/// ```
///
/// Made by [`StructLayout::reordered`]; fields are marked `// moved` only when told which ones
/// moved ([`Reordering::with_moved`], e.g. from the order search's own account of its moves).
#[derive(Clone, Debug)]
pub struct Reordering<'a> {
    declared: StructDef<'a>,
    target: &'static Target,
    declared_layout: TypeLayout,
    order: Vec<usize>,
    fields: Vec<Field<'a>>,
    placed: Vec<FieldLayout>,
    layout: TypeLayout,
    moved: Vec<usize>,
}

/// Why a proposed order could not be laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReorderError<'a> {
    /// The order does not list each declared field index (`0..fields`) exactly once.
    NotAPermutation {
        /// How many fields the struct has.
        fields: usize,
    },
    /// The type's field order is not the user's to choose: a union, or a struct that is not
    /// `repr(C)` (rustc orders `repr(Rust)` fields itself; `repr(transparent)` has one field
    /// that matters).
    NotReorderable {
        /// The type's name.
        ty: &'a str,
    },
    /// The reordered struct has no layout (its size overflows or reaches the target's object
    /// size limit: nothing else depends on the order).
    Layout(LayoutError<'a>),
}

impl fmt::Display for ReorderError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReorderError::NotAPermutation { fields } => write!(
                f,
                "a field order must list each of the {fields} field indices (0..{fields}) exactly once"
            ),
            ReorderError::NotReorderable { ty } => write!(
                f,
                "`{ty}` is not a repr(C) struct, so its field order is not the source's to choose"
            ),
            ReorderError::Layout(e) => e.fmt(f),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ReorderError<'_> {}

impl<'a> StructLayout<'a> {
    /// The same struct with its fields in `order` (declared field indices, a permutation of
    /// `0..fields.len()`), laid out on the same target.
    pub fn reordered(&self, order: &[usize]) -> Result<Reordering<'a>, ReorderError<'a>> {
        let declared = self.def;
        if declared.shape != Shape::Struct || !declared.repr.order_is_declared() {
            return Err(ReorderError::NotReorderable { ty: declared.name });
        }
        if !is_permutation(order, declared.fields.len()) {
            return Err(ReorderError::NotAPermutation {
                fields: declared.fields.len(),
            });
        }
        let fields: Vec<Field<'a>> = order.iter().map(|&i| declared.fields[i]).collect();
        let mut placed = vec![FieldLayout::default(); fields.len()];
        let def = StructDef {
            fields: &fields,
            host: None,
            ..declared
        };
        // The declared order has a layout, so the types and the repr are fine; only the size
        // depends on the order (the error borrows the local definition, hence rebuilt here).
        let layout = struct_layout(&def, self.target, &mut placed)
            .map_err(|_| ReorderError::Layout(LayoutError::TooBig { ty: declared.name }))?;
        Ok(Reordering {
            declared,
            target: self.target,
            declared_layout: self.layout,
            order: order.to_vec(),
            fields,
            placed,
            layout,
            moved: Vec::new(),
        })
    }
}

fn is_permutation(order: &[usize], n: usize) -> bool {
    let mut seen = vec![false; n];
    order.len() == n
        && order
            .iter()
            .all(|&i| i < n && !core::mem::replace(&mut seen[i], true))
}

impl<'a> Reordering<'a> {
    /// Marks these fields (declared indices) `// moved` in the list.
    pub fn with_moved(mut self, moved: &[usize]) -> Self {
        self.moved = moved.to_vec();
        self
    }

    /// The order, as declared field indices.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The fields in the new order.
    pub fn fields(&self) -> &[Field<'a>] {
        &self.fields
    }

    /// Size in the new order.
    pub fn size(&self) -> u64 {
        self.layout.size
    }

    /// Size in the declared order.
    pub fn declared_size(&self) -> u64 {
        self.declared_layout.size
    }

    /// The reordered struct's full layout (to show as a [`LayoutTable`](super::LayoutTable)).
    pub fn layout(&self) -> StructLayout<'_> {
        StructLayout {
            def: StructDef {
                fields: &self.fields,
                host: None,
                ..self.declared
            },
            target: self.target,
            layout: self.layout,
            fields: self.placed.clone(),
        }
    }

    /// Only the field list (`    name: type,` lines), for a message that says the rest itself.
    pub fn field_list(&self) -> impl fmt::Display + '_ {
        FieldList(self)
    }

    fn headline(&self) -> String {
        let (new, old, target) = (self.size(), self.declared_size(), self.target);
        let size = match new.cmp(&old) {
            Ordering::Less => format!(
                "{new} bytes instead of {old} on {target} (saves {})",
                old - new
            ),
            Ordering::Equal => format!("{new} bytes on {target}, as declared"),
            Ordering::Greater => {
                format!(
                    "{new} bytes instead of {old} on {target} ({} more)",
                    new - old
                )
            }
        };
        format!("{} in this order: {size}", self.declared.name)
    }

    fn list_lines(&self) -> Vec<String> {
        let mut grid = Grid::new(vec![Column::TEXT, Column::TEXT]);
        for (&i, field) in self.order.iter().zip(&self.fields) {
            let line = format!("    {}: {},", field.name, field.ty_name);
            let note = if self.moved.contains(&i) {
                "// moved"
            } else {
                ""
            };
            grid.row(vec![Cell::from(line), Cell::from(note)]);
        }
        grid.lines()
    }
}

struct FieldList<'r, 'a>(&'r Reordering<'a>);

impl fmt::Display for FieldList<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_lines(f, &self.0.list_lines())
    }
}

impl fmt::Display for Reordering<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lines = vec![self.headline()];
        lines.extend(self.list_lines());
        write_lines(f, &lines)
    }
}

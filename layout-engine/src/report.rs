//! [`StructLayout`]: one struct laid out on one target, with everything worth reporting about it.

use alloc::vec::Vec;

use crate::analysis;
use crate::compute::{FieldLayout, TypeLayout, struct_layout};
use crate::def::{Shape, StructDef};
use crate::error::LayoutError;
use crate::order::{self, Constraints, Item, OrderError, Problem, Suggestion};
use crate::target::Target;

/// A run of padding bytes between two fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Hole {
    /// Index (declaration order) of the field the hole follows.
    pub after: usize,
    /// Offset of the first padding byte.
    pub offset: u64,
    /// Number of padding bytes.
    pub size: u64,
}

/// How a type sits in cache lines, assuming it starts at a line boundary.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CacheUse {
    /// The line size in bytes.
    pub line: u64,
    /// Lines the whole type spans.
    pub lines: u64,
    /// Fields (declaration order) that cross a line boundary.
    pub straddling: Vec<usize>,
}

/// A struct or union laid out on one target.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructLayout<'a> {
    /// The definition that was laid out.
    pub def: StructDef<'a>,
    /// The target it was laid out for.
    pub target: &'static Target,
    /// Size and alignment of the whole type.
    pub layout: TypeLayout,
    /// Each field's placement, in declaration order.
    pub fields: Vec<FieldLayout>,
}

impl<'a> StructDef<'a> {
    /// Lays this definition out on `target`.
    pub fn layout_on(&self, target: &'static Target) -> Result<StructLayout<'a>, LayoutError<'a>> {
        let mut fields = alloc::vec![FieldLayout::default(); self.fields.len()];
        let layout = struct_layout(self, target, &mut fields)?;
        Ok(StructLayout {
            def: *self,
            target,
            layout,
            fields,
        })
    }
}

impl StructLayout<'_> {
    /// Size in bytes.
    pub fn size(&self) -> u64 {
        self.layout.size
    }

    /// Alignment in bytes.
    pub fn align(&self) -> u64 {
        self.layout.align
    }

    /// Field indices in the order their bytes come in memory: by offset, zero-sized fields
    /// before a sized one at the same offset, declaration order among equals. A union keeps
    /// declaration order.
    pub fn memory_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.fields.len()).collect();
        if self.def.shape == Shape::Struct {
            order.sort_by_key(|&i| (self.fields[i].offset, self.fields[i].size != 0, i));
        }
        order
    }

    /// The padding holes between fields, in memory order (none for a union).
    pub fn holes(&self) -> Vec<Hole> {
        if self.def.shape == Shape::Union {
            return Vec::new();
        }
        let order = self.memory_order();
        let placed: Vec<FieldLayout> = order.iter().map(|&i| self.fields[i]).collect();
        (0..placed.len())
            .filter_map(|k| {
                let size = analysis::hole_after(&placed, k);
                (size > 0).then(|| Hole {
                    after: order[k],
                    offset: placed[k].end(),
                    size,
                })
            })
            .collect()
    }

    /// Padding after the last field.
    pub fn tail_padding(&self) -> u64 {
        analysis::tail_padding(&self.fields, self.layout)
    }

    /// All padding bytes: holes plus tail.
    pub fn padding(&self) -> u64 {
        analysis::padding(self.def.shape, &self.fields, self.layout)
    }

    /// The smallest size any field order reaches (the current size for types whose order the
    /// user does not control: unions, `repr(Rust)`, `repr(transparent)`).
    pub fn min_size(&self) -> u64 {
        analysis::min_size(self.def.shape, self.def.repr, &self.fields, self.layout)
    }

    /// Bytes a better order would save: `size - min_size`.
    pub fn saving(&self) -> u64 {
        self.size() - self.min_size()
    }

    /// Cache-line use for lines of `line` bytes (a power of two; 64 on most CPUs).
    pub fn cache_use(&self, line: u64) -> CacheUse {
        CacheUse {
            line,
            lines: analysis::lines_spanned(self.size(), line),
            straddling: (0..self.fields.len())
                .filter(|&i| analysis::straddles(&self.fields[i], line))
                .collect(),
        }
    }
}

impl StructLayout<'_> {
    /// The fields as the order search sees them: size and alignment inside this struct
    /// (`packed(N)` already applied).
    pub fn order_items(&self) -> Vec<Item> {
        self.fields
            .iter()
            .map(|f| Item::new(f.size, f.align))
            .collect()
    }

    /// One field order for the same struct laid out on several targets (`layouts`, all of one
    /// definition): the smallest on every target where one order is, with the fewest moves
    /// ([`order::suggest_joint`](crate::order::suggest_joint)). Like [`StructLayout::suggest`]
    /// for a type whose order the user does not control.
    pub fn suggest_joint(
        layouts: &[StructLayout<'_>],
        constraints: Constraints<'_>,
    ) -> Result<order::Joint, OrderError> {
        let items: Vec<Vec<Item>> = layouts.iter().map(StructLayout::order_items).collect();
        let all: Vec<usize>;
        let constraints = match layouts.first() {
            Some(l) if l.def.shape == Shape::Union || !l.def.repr.order_is_declared() => {
                all = (0..items[0].len()).collect();
                Constraints {
                    pinned: &all,
                    groups: &[],
                    hot: &[],
                    ..constraints
                }
            }
            _ => constraints,
        };
        let problems: Vec<Problem<'_>> = layouts
            .iter()
            .zip(&items)
            .map(|(l, items)| {
                Problem::new(items)
                    .min_struct_align(l.def.repr.align.unwrap_or(1))
                    .constraints(constraints)
            })
            .collect();
        order::suggest_joint(&problems)
    }

    /// The field order that reaches the smallest size under `constraints` while moving the
    /// fewest fields (see [`order`](crate::order)). For a type whose order the user does
    /// not control (a union, `repr(Rust)`, `repr(transparent)`), the declared order.
    pub fn suggest(&self, constraints: Constraints<'_>) -> Result<Suggestion, OrderError> {
        let items = self.order_items();
        let all: Vec<usize>;
        let constraints = if self.def.shape == Shape::Union || !self.def.repr.order_is_declared() {
            all = (0..items.len()).collect();
            Constraints {
                pinned: &all,
                groups: &[],
                hot: &[],
                ..constraints
            }
        } else {
            constraints
        };
        let problem = Problem::new(&items)
            .min_struct_align(self.def.repr.align.unwrap_or(1))
            .constraints(constraints);
        order::suggest(&problem)
    }
}

//! [`LayoutTable`]: one struct on one target as a pahole-like table.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use super::grid::{Cell, Column, Grid, Text};
use super::{Count, Declaration, Percent};
use crate::analysis;
use crate::compute::FieldLayout;
use crate::def::Shape;
use crate::report::StructLayout;
use crate::repr::ReprBase;

/// The cache-line size the table marks unless told otherwise: 64 bytes, as on most CPUs.
const DEFAULT_CACHE_LINE: u64 = 64;

/// One struct on one target as a table a systems programmer reads like `pahole`'s output.
///
/// ```
/// use layout_engine::{Field, Prim, StructDef, Target, Ty};
///
/// const T1: StructDef = StructDef::repr_c("T1", &[
///     Field::new("a", "i8", Ty::Prim(Prim::I8)),
///     Field::new("b", "i64", Ty::Prim(Prim::I64)),
///     Field::new("c", "i16", Ty::Prim(Prim::I16)),
/// ]);
/// let layout = T1.layout_on(Target::find("x86_64-unknown-linux-gnu").unwrap()).unwrap();
/// assert_eq!(layout.to_string(), "\
/// #[repr(C)] struct T1 on x86_64-unknown-linux-gnu: size 24, align 8
/// offset  size  align  field  type
///      0     1      1  a      i8
///      1     7         (7-byte hole)
///      8     8      8  b      i64
///     16     2      2  c      i16
///     18     6         (6-byte tail padding)
/// size 24, padding 13 (54.2%), minimum 16 by reordering (saves 8, 33.3%)");
///
/// // Apple's M-series cores have 128-byte lines:
/// println!("{}", layout.table().cache_line(128));
/// ```
///
/// - A header: the declaration (`#[repr]`, struct or union, name), the target, size and
///   alignment.
/// - One row per field in memory order (declaration order for a union, whose fields all start
///   at 0): offset, size, alignment in this struct (capped by `packed(N)`), name and type as
///   written. Each hole between fields and the tail padding are rows of their own.
/// - `--- cache line N ---` where a row is the first to start in line `N` (the struct assumed to
///   start on a line boundary; the offset column gives the boundary), and
///   `<- straddles cache lines N-M` after a field that crosses a boundary.
/// - A summary: size, padding in bytes and as a share of the size, and for a `repr(C)` struct the
///   smallest size any field order reaches and what reordering saves; a second line when the
///   struct spans several cache lines or has straddling fields.
///
/// Made by [`StructLayout::table`]; the [`Display`](fmt::Display) of [`StructLayout`] is this
/// table with 64-byte lines.
#[derive(Clone, Copy, Debug)]
pub struct LayoutTable<'l, 'a> {
    layout: &'l StructLayout<'a>,
    cache_line: Option<u64>,
}

impl<'a> StructLayout<'a> {
    /// This layout as a table, with 64-byte cache lines marked (see [`LayoutTable`]).
    pub fn table(&self) -> LayoutTable<'_, 'a> {
        LayoutTable {
            layout: self,
            cache_line: Some(DEFAULT_CACHE_LINE),
        }
    }
}

impl<'l, 'a> LayoutTable<'l, 'a> {
    /// Marks cache lines of `bytes` bytes instead of 64 (e.g. 128 on Apple silicon); 0 marks
    /// none.
    pub fn cache_line(mut self, bytes: u64) -> Self {
        self.cache_line = (bytes > 0).then_some(bytes);
        self
    }

    /// The layout shown.
    pub fn layout(&self) -> &'l StructLayout<'a> {
        self.layout
    }

    /// The cache-line size marked, if any.
    pub fn line_size(&self) -> Option<u64> {
        self.cache_line
    }

    fn header(&self) -> String {
        let l = self.layout;
        format!(
            "{} on {}: size {}, align {}",
            Declaration(&l.def),
            l.target,
            l.size(),
            l.align()
        )
    }

    fn grid(&self) -> Grid<'l> {
        let l = self.layout;
        let mut grid = Grid::new(vec![
            Column::NUMBER,
            Column::NUMBER,
            Column::NUMBER,
            Column::TEXT,
            Column::TEXT,
            Column::TEXT,
        ]);
        grid.row(cells(["offset", "size", "align", "field", "type"]));
        let mut lines = LineMarkers {
            line: self.cache_line,
            size: l.size(),
            current: 0,
        };
        let holes = l.holes();
        for i in l.memory_order() {
            let field = &l.fields[i];
            lines.before(&mut grid, field.offset);
            grid.row(self.field_row(i));
            for hole in holes.iter().filter(|h| h.after == i) {
                lines.before(&mut grid, hole.offset);
                let text = format!("({}-byte hole)", hole.size);
                grid.row_then(gap_cells(hole.offset, hole.size), text);
            }
        }
        if l.fields.is_empty() {
            grid.row_then(cells(["", "", ""]), "(no fields)");
        }
        let tail = l.tail_padding();
        if tail > 0 {
            let start = l.size() - tail;
            lines.before(&mut grid, start);
            let text = format!("({tail}-byte tail padding)");
            grid.row_then(gap_cells(start, tail), text);
        }
        grid
    }

    fn field_row(&self, i: usize) -> Vec<Cell<'l>> {
        let layout: &'l StructLayout<'a> = self.layout;
        let (def, place) = (&layout.def.fields[i], &layout.fields[i]);
        let note = match self.cache_line {
            Some(line) if analysis::straddles(place, line) => {
                Text::Owned(straddle_note(place, line))
            }
            _ => Text::Borrowed(""),
        };
        vec![
            place.offset.into(),
            place.size.into(),
            place.align.into(),
            def.name.into(),
            def.ty_name.into(),
            note.into(),
        ]
    }

    fn summary(&self) -> Vec<String> {
        let l = self.layout;
        let (size, padding) = (l.size(), l.padding());
        let mut first = format!(
            "size {size}, padding {padding} ({})",
            Percent {
                part: padding,
                whole: size
            }
        );
        first.push_str(&minimum_clause(l));
        let mut lines = vec![first];
        if let Some(line) = self.cache_line {
            lines.extend(cache_summary(l, line));
        }
        lines
    }
}

/// What the summary says about reordering: nothing where there is no order to choose (fewer
/// than two fields, a union, `repr(transparent)`).
fn minimum_clause(l: &StructLayout<'_>) -> String {
    if l.fields.len() < 2 {
        return String::new();
    }
    match (l.def.shape, l.def.repr.base) {
        (Shape::Union, _) | (_, ReprBase::Transparent) => String::new(),
        (Shape::Struct, ReprBase::Rust) => String::from(", rustc chooses the field order"),
        (Shape::Struct, ReprBase::C) if l.saving() > 0 => format!(
            ", minimum {} by reordering (saves {}, {})",
            l.min_size(),
            l.saving(),
            Percent {
                part: l.saving(),
                whole: l.size()
            }
        ),
        (Shape::Struct, ReprBase::C) => format!(", minimum {} (no order is smaller)", l.min_size()),
    }
}

/// `spans 2 cache lines of 64 bytes; 1 field straddles a boundary`, when there is anything to
/// say beyond "fits in one line".
fn cache_summary(l: &StructLayout<'_>, line: u64) -> Option<String> {
    let cache = l.cache_use(line);
    if cache.lines <= 1 && cache.straddling.is_empty() {
        return None;
    }
    let mut text = format!("spans {} of {line} bytes", Count(cache.lines, "cache line"));
    match cache.straddling.len() {
        0 => {}
        1 => text.push_str("; 1 field straddles a boundary"),
        n => text.push_str(&format!("; {n} fields straddle a boundary")),
    }
    Some(text)
}

/// Emits a `--- cache line N ---` row before the first row that starts in line `N`.
struct LineMarkers {
    line: Option<u64>,
    size: u64,
    current: u64,
}

impl LineMarkers {
    fn before(&mut self, grid: &mut Grid, offset: u64) {
        let Some(line) = self.line else { return };
        let n = offset / line;
        let boundary = n * line;
        if n > self.current && boundary < self.size {
            self.current = n;
            grid.row_then(gap_cells(boundary, ""), format!("--- cache line {n} ---"));
        }
    }
}

fn straddle_note(place: &FieldLayout, line: u64) -> String {
    let first = place.offset / line;
    let last = (place.end() - 1) / line;
    format!("<- straddles cache lines {first}-{last}")
}

/// Offset and size cells of a row that is not a field, with an empty alignment cell.
fn gap_cells<'c>(offset: u64, size: impl Into<Text<'c>>) -> Vec<Cell<'c>> {
    vec![offset.into(), Cell::marked(size, false), Cell::default()]
}

fn cells<const N: usize>(texts: [&'static str; N]) -> Vec<Cell<'static>> {
    texts.into_iter().map(Cell::from).collect()
}

impl fmt::Display for LayoutTable<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One buffer for the whole table: the derive renders one per struct, unoptimised.
        let mut text = self.header();
        text.push('\n');
        self.grid().write(&mut text);
        for line in self.summary() {
            text.push('\n');
            text.push_str(&line);
        }
        f.write_str(&text)
    }
}

/// The pahole-like table of [`LayoutTable`], with 64-byte cache lines.
impl fmt::Display for StructLayout<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.table().fmt(f)
    }
}

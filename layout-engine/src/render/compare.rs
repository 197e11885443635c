//! [`Comparison`]: one struct on several targets, side by side, with differences marked.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use super::grid::{Cell, Column, Grid, Group, MARK};
use super::{Count, Declaration, write_lines};
use crate::def::StructDef;
use crate::error::LayoutError;
use crate::report::StructLayout;
use crate::target::Target;

/// One struct laid out on several targets, shown side by side.
///
/// ```
/// use layout_engine::{Comparison, Field, Prim, StructDef, Target, Ty};
///
/// const T1: StructDef = StructDef::repr_c("T1", &[
///     Field::new("a", "i8", Ty::Prim(Prim::I8)),
///     Field::new("b", "i64", Ty::Prim(Prim::I64)),
///     Field::new("c", "i16", Ty::Prim(Prim::I16)),
/// ]);
/// let targets = Target::parse_list("64,32,16").unwrap();
/// assert_eq!(Comparison::new(&T1, &targets).to_string(), "\
/// #[repr(C)] struct T1 on 3 targets
///                       x86_64            i686          msp430
/// field    type  offset   size   offset   size   offset   size
/// a        i8         0      1        0      1        0      1
/// b        i64        8      8        4*     8        2*     8
/// c        i16       16      2       12*     2       10*     2
/// size                      24              16*             12*
/// align                      8               4*              2*
/// padding                   13               5*              1*
/// minimum                   16              12*             12*
/// x86_64 = x86_64-unknown-linux-gnu, i686 = i686-unknown-linux-gnu, msp430 = msp430-none-elf
/// * differs from x86_64");
/// ```
///
/// Each target has an offset and a size column per field, in declaration order, then rows for
/// the struct's size, alignment, padding and minimum size (the smallest any field order
/// reaches). A `*` follows every number that differs from the first target that has a layout
/// (the reference). Targets are labelled by their architecture, or more of the triple where
/// two share one (`x86_64-linux-gnu`, `x86_64-linux-musl`), with a legend giving the full triples. A target
/// on which the struct has no layout shows `-` in its columns and its error below the table.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    def: StructDef<'a>,
    columns: Vec<(&'static Target, Result<StructLayout<'a>, LayoutError<'a>>)>,
}

impl<'a> Comparison<'a> {
    /// Lays `def` out on each target, in the order given.
    pub fn new(def: &StructDef<'a>, targets: &[&'static Target]) -> Self {
        Self::from_results(def, targets.iter().map(|&t| (t, def.layout_on(t))))
    }

    /// Compares layouts computed elsewhere: one `(target, def.layout_on(target))` per column.
    pub fn from_results(
        def: &StructDef<'a>,
        results: impl IntoIterator<Item = (&'static Target, Result<StructLayout<'a>, LayoutError<'a>>)>,
    ) -> Self {
        Comparison {
            def: *def,
            columns: results.into_iter().collect(),
        }
    }

    /// The layouts compared, one per target, in column order.
    pub fn columns(&self) -> &[(&'static Target, Result<StructLayout<'a>, LayoutError<'a>>)] {
        &self.columns
    }

    /// The first target's layout that exists: the one the others are compared with.
    pub fn reference(&self) -> Option<&StructLayout<'a>> {
        self.columns.iter().find_map(|(_, r)| r.as_ref().ok())
    }

    /// Whether any two targets that have a layout differ in a field's offset or size, or in the
    /// struct's size, alignment, padding or minimum size.
    pub fn differs(&self) -> bool {
        let Some(reference) = self.reference() else {
            return false;
        };
        let key = |l: &StructLayout<'_>| (l.fields.clone(), l.layout, l.padding(), l.min_size());
        let wanted = key(reference);
        self.layouts().any(|l| key(l) != wanted)
    }

    fn layouts(&self) -> impl Iterator<Item = &StructLayout<'a>> {
        self.columns.iter().filter_map(|(_, r)| r.as_ref().ok())
    }

    fn grid(&self, labels: &[String]) -> Grid<'_> {
        let mut columns = vec![Column::TEXT, Column::TEXT];
        columns.extend(self.columns.iter().flat_map(|_| [Column::MARKED_NUMBER; 2]));
        let mut grid = Grid::new(columns);
        let groups = labels.iter().enumerate().map(|(k, label)| Group {
            first: 2 + 2 * k,
            len: 2,
            label: label.clone(),
        });
        grid.groups(groups.collect());
        let mut header = vec![Cell::from("field"), Cell::from("type")];
        for _ in &self.columns {
            header.extend([Cell::from("offset"), Cell::from("size")]);
        }
        grid.row(header);
        for (i, field) in self.def.fields.iter().enumerate() {
            let mut row = vec![Cell::from(field.name), Cell::from(field.ty_name)];
            for (_, result) in &self.columns {
                row.push(self.cell(result, |l| l.fields.get(i).map(|f| f.offset)));
                row.push(self.cell(result, |l| l.fields.get(i).map(|f| f.size)));
            }
            grid.row(row);
        }
        for (name, value) in TOTALS {
            let mut row = vec![Cell::from(name), Cell::default()];
            for (_, result) in &self.columns {
                row.push(Cell::default());
                row.push(self.cell(result, |l| Some(value(l))));
            }
            grid.row(row);
        }
        grid
    }

    /// A number of one target's layout, marked if it differs from the reference's; `-` where the
    /// target has no layout.
    fn cell(
        &self,
        result: &Result<StructLayout<'a>, LayoutError<'a>>,
        value: impl Fn(&StructLayout<'a>) -> Option<u64>,
    ) -> Cell<'_> {
        let Some(n) = result.as_ref().ok().and_then(&value) else {
            return Cell::from("-");
        };
        let differs = self.reference().and_then(&value).is_some_and(|r| r != n);
        Cell::marked(n, differs)
    }

    fn notes(&self, labels: &[String]) -> Vec<String> {
        let mut notes = Vec::new();
        if labels
            .iter()
            .zip(&self.columns)
            .any(|(l, (t, _))| l != t.triple)
        {
            let legend: Vec<String> = (labels.iter().zip(&self.columns))
                .map(|(label, (t, _))| format!("{label} = {}", t.triple))
                .collect();
            notes.push(legend.join(", "));
        }
        let reference = self.columns.iter().position(|(_, r)| r.is_ok());
        if let Some(k) = reference {
            if self.differs() {
                notes.push(format!("{MARK} differs from {}", labels[k]));
            } else if self.layouts().count() > 1 {
                notes.push(format!(
                    "same layout on {}",
                    Count(self.layouts().count() as u64, "target")
                ));
            }
        }
        for (label, (_, result)) in labels.iter().zip(&self.columns) {
            if let Err(e) = result {
                notes.push(format!("{label}: no layout: {e}"));
            }
        }
        notes
    }
}

/// One of the struct's totals, for any target's layout.
type Total = fn(&StructLayout<'_>) -> u64;

/// The rows under the fields: the struct's totals.
const TOTALS: [(&str, Total); 4] = [
    ("size", |l| l.size()),
    ("align", |l| l.align()),
    ("padding", |l| l.padding()),
    ("minimum", |l| l.min_size()),
];

impl fmt::Display for Comparison<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let triples: Vec<&str> = self.columns.iter().map(|(t, _)| t.triple).collect();
        let labels = short_labels(&triples);
        let mut lines = vec![format!(
            "{} on {}",
            Declaration(&self.def),
            Count(self.columns.len() as u64, "target")
        )];
        lines.extend(self.grid(&labels).lines());
        lines.extend(self.notes(&labels));
        write_lines(f, &lines)
    }
}

/// Short column labels for target triples: the architecture (the triple's first component)
/// where it is unique among them; otherwise the architecture followed by the components that
/// tell its triple apart from the others with that architecture, leaving out the vendors
/// `unknown` and `pc` (`x86_64-linux-gnu`, `x86_64-windows-msvc`). Falls back to the full triples if the
/// labels would not be unique.
pub(super) fn short_labels(triples: &[&str]) -> Vec<String> {
    let labels: Vec<String> = triples.iter().map(|t| short_label(t, triples)).collect();
    let unique = labels
        .iter()
        .enumerate()
        .all(|(i, l)| !labels[..i].contains(l));
    if unique {
        labels
    } else {
        triples.iter().map(|t| String::from(*t)).collect()
    }
}

fn short_label(triple: &str, all: &[&str]) -> String {
    let arch = arch_of(triple);
    let same_arch: Vec<&str> = all
        .iter()
        .copied()
        .filter(|t| arch_of(t) == arch && *t != triple)
        .collect();
    if same_arch.is_empty() {
        return String::from(arch);
    }
    let in_all = |c: &str| same_arch.iter().all(|t| t.split('-').any(|d| d == c));
    let mut parts: Vec<&str> = triple.split('-').skip(1).filter(|c| !in_all(c)).collect();
    if parts.len() > 1 {
        parts.retain(|&c| !VENDORS.contains(&c));
    }
    if parts.is_empty() {
        return String::from(triple);
    }
    let mut label = String::from(arch);
    for part in parts {
        label.push('-');
        label.push_str(part);
    }
    label
}

/// Vendor components that say nothing about the layout and are left out of labels.
const VENDORS: [&str; 2] = ["unknown", "pc"];

fn arch_of(triple: &str) -> &str {
    triple.split('-').next().unwrap_or(triple)
}

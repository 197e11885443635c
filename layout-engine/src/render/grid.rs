//! A plain-text grid: each column as wide as its widest cell, text left-aligned and numbers
//! right-aligned, an optional one-character marker slot after a column's cells, and rows that end
//! in free text. Both the single-target table and the side-by-side comparison are drawn with it,
//! so they share one notion of width and alignment.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Spaces between two columns.
const GAP: usize = 2;
/// The character in a column's marker slot for a marked cell.
pub(super) const MARK: char = '*';

/// How a column aligns its cells.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// Text: padded on the right.
    Left,
    /// Numbers: padded on the left, so that digits line up.
    Right,
}

/// One column: its alignment, and whether its cells carry a marker slot after them.
#[derive(Clone, Copy)]
pub(super) struct Column {
    pub align: Align,
    pub marked: bool,
}

impl Column {
    pub const TEXT: Column = Column {
        align: Align::Left,
        marked: false,
    };
    pub const NUMBER: Column = Column {
        align: Align::Right,
        marked: false,
    };
    pub const MARKED_NUMBER: Column = Column {
        align: Align::Right,
        marked: true,
    };

    /// Characters the column takes on a line.
    fn span(&self, width: usize) -> usize {
        width + usize::from(self.marked)
    }
}

/// One cell: its text and, in a marked column, whether its marker is shown.
#[derive(Clone, Default)]
pub(super) struct Cell {
    pub text: String,
    pub mark: bool,
}

impl Cell {
    pub fn marked(text: impl Into<String>, mark: bool) -> Cell {
        Cell {
            text: text.into(),
            mark,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::marked(text, false)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::marked(text, false)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        Cell::marked(alloc::format!("{n}"), false)
    }
}

/// A label over `len` consecutive columns starting at `first`.
pub(super) struct Group {
    pub first: usize,
    pub len: usize,
    pub label: String,
}

enum Row {
    /// Cells for the first columns, then free text starting where the next column starts. The
    /// free text widens no column (it is a comment on the row, like pahole's hole lines).
    Cells { cells: Vec<Cell>, rest: String },
    /// Labels over groups of columns, right-aligned to the end of their last column's text.
    Groups(Vec<Group>),
}

/// Rows of cells, drawn with column widths computed from all of them.
pub(super) struct Grid {
    columns: Vec<Column>,
    rows: Vec<Row>,
}

impl Grid {
    pub fn new(columns: Vec<Column>) -> Grid {
        Grid {
            columns,
            rows: Vec::new(),
        }
    }

    /// A row of cells (fewer than the columns is fine: the rest are empty).
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.row_then(cells, String::new());
    }

    /// A row of cells followed by free text in the column after the last cell.
    pub fn row_then(&mut self, cells: Vec<Cell>, rest: impl Into<String>) {
        debug_assert!(cells.len() <= self.columns.len());
        self.rows.push(Row::Cells {
            cells,
            rest: rest.into(),
        });
    }

    /// A row of labels over groups of columns.
    pub fn groups(&mut self, groups: Vec<Group>) {
        self.rows.push(Row::Groups(groups));
    }

    /// The rows as text lines, without trailing spaces.
    pub fn lines(&self) -> Vec<String> {
        let widths = self.widths();
        let starts = self.starts(&widths);
        self.rows
            .iter()
            .map(|row| match row {
                Row::Cells { cells, rest } => self.cells_line(&widths, cells, rest),
                Row::Groups(groups) => self.groups_line(&widths, &starts, groups),
            })
            .collect()
    }

    /// Each column's text width: its widest cell, widened where a group label needs the room.
    fn widths(&self) -> Vec<usize> {
        let mut widths = alloc::vec![0; self.columns.len()];
        for row in &self.rows {
            if let Row::Cells { cells, .. } = row {
                for (w, cell) in widths.iter_mut().zip(cells) {
                    *w = (*w).max(text_width(&cell.text));
                }
            }
        }
        for row in &self.rows {
            if let Row::Groups(groups) = row {
                for g in groups {
                    let have = self.group_width(&widths, g);
                    let need = text_width(&g.label);
                    if need > have {
                        widths[g.first] += need - have;
                    }
                }
            }
        }
        widths
    }

    /// Where each column starts on a line.
    fn starts(&self, widths: &[usize]) -> Vec<usize> {
        let mut at = 0;
        self.columns
            .iter()
            .zip(widths)
            .map(|(c, &w)| {
                let start = at;
                at += c.span(w) + GAP;
                start
            })
            .collect()
    }

    /// Width of a group's columns up to the end of the last one's text (its marker slot excluded).
    fn group_width(&self, widths: &[usize], g: &Group) -> usize {
        let last = g.first + g.len - 1;
        let spans: usize = (g.first..last)
            .map(|c| self.columns[c].span(widths[c]) + GAP)
            .sum();
        spans + widths[last]
    }

    fn cells_line(&self, widths: &[usize], cells: &[Cell], rest: &str) -> String {
        let mut line = String::new();
        for ((column, &width), cell) in self.columns.iter().zip(widths).zip(cells) {
            let pad = width.saturating_sub(text_width(&cell.text));
            if column.align == Align::Right {
                push_spaces(&mut line, pad);
            }
            line.push_str(&cell.text);
            if column.align == Align::Left {
                push_spaces(&mut line, pad);
            }
            if column.marked {
                line.push(if cell.mark { MARK } else { ' ' });
            }
            push_spaces(&mut line, GAP);
        }
        line.push_str(rest);
        trim_end(line)
    }

    fn groups_line(&self, widths: &[usize], starts: &[usize], groups: &[Group]) -> String {
        let mut line = String::new();
        for g in groups {
            let end = starts[g.first] + self.group_width(widths, g);
            let start = end - text_width(&g.label);
            let at = text_width(&line);
            // Never overlap the previous label, even if the widths could not make room.
            push_spaces(&mut line, start.saturating_sub(at).max(usize::from(at > 0)));
            let _ = write!(line, "{}", g.label);
        }
        trim_end(line)
    }
}

/// Columns are counted in `char`s: names and types are identifiers and punctuation, and a
/// non-ASCII identifier is still one column per `char` in the common case.
fn text_width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Appends `n` spaces, a slice at a time: the derive renders a table into every struct's doc
/// comment, unoptimised under `cargo check`, where pushing spaces one `char` at a time shows.
fn push_spaces(line: &mut String, mut n: usize) {
    const SPACES: &str = "                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        line.push_str(&SPACES[..k]);
        n -= k;
    }
}

fn trim_end(mut line: String) -> String {
    line.truncate(line.trim_end().len());
    line
}

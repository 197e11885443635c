//! A plain-text grid: each column as wide as its widest cell, text left-aligned and numbers
//! right-aligned, an optional one-character marker slot after a column's cells, and rows that end
//! in free text. Both the single-target table and the side-by-side comparison are drawn with it,
//! so they share one notion of width and alignment.

use alloc::string::String;
use alloc::vec::Vec;

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

/// A cell's text: borrowed where the layout already holds it (names, types), a number kept as a
/// number until it is written. The derive renders a table into every struct's doc comment,
/// unoptimised under `cargo check`, where an allocation and a `format!` per cell showed.
#[derive(Clone)]
pub(super) enum Text<'a> {
    Borrowed(&'a str),
    Owned(String),
    Number(u64),
}

impl Text<'_> {
    /// Columns the text takes.
    fn width(&self) -> usize {
        match self {
            Text::Borrowed(s) => text_width(s),
            Text::Owned(s) => text_width(s),
            Text::Number(n) => digits(*n),
        }
    }

    fn push_to(&self, line: &mut String) {
        match self {
            Text::Borrowed(s) => line.push_str(s),
            Text::Owned(s) => line.push_str(s),
            Text::Number(n) => push_number(line, *n),
        }
    }
}

/// One cell: its text and, in a marked column, whether its marker is shown.
#[derive(Clone)]
pub(super) struct Cell<'a> {
    pub text: Text<'a>,
    pub mark: bool,
}

impl Default for Cell<'_> {
    fn default() -> Self {
        Cell::from("")
    }
}

impl<'a> Cell<'a> {
    pub fn marked(text: impl Into<Text<'a>>, mark: bool) -> Cell<'a> {
        Cell {
            text: text.into(),
            mark,
        }
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Text::Borrowed(text)
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text::Owned(text)
    }
}

impl From<u64> for Text<'_> {
    fn from(n: u64) -> Self {
        Text::Number(n)
    }
}

impl<'a, T: Into<Text<'a>>> From<T> for Cell<'a> {
    fn from(text: T) -> Self {
        Cell::marked(text, false)
    }
}

/// A label over `len` consecutive columns starting at `first`.
pub(super) struct Group {
    pub first: usize,
    pub len: usize,
    pub label: String,
}

enum Row<'a> {
    /// Cells for the first columns, then free text starting where the next column starts. The
    /// free text widens no column (it is a comment on the row, like pahole's hole lines).
    Cells {
        cells: Vec<Cell<'a>>,
        rest: Text<'a>,
    },
    /// Labels over groups of columns, right-aligned to the end of their last column's text.
    Groups(Vec<Group>),
}

/// Rows of cells, drawn with column widths computed from all of them.
pub(super) struct Grid<'a> {
    columns: Vec<Column>,
    rows: Vec<Row<'a>>,
}

impl<'a> Grid<'a> {
    pub fn new(columns: Vec<Column>) -> Grid<'a> {
        Grid {
            columns,
            rows: Vec::new(),
        }
    }

    /// A row of cells (fewer than the columns is fine: the rest are empty).
    pub fn row(&mut self, cells: Vec<Cell<'a>>) {
        self.row_then(cells, "");
    }

    /// A row of cells followed by free text in the column after the last cell.
    pub fn row_then(&mut self, cells: Vec<Cell<'a>>, rest: impl Into<Text<'a>>) {
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
        if self.rows.is_empty() {
            return Vec::new();
        }
        let mut text = String::new();
        self.write(&mut text);
        text.split('\n').map(String::from).collect()
    }

    /// Appends the rows to `out`, each line without trailing spaces, a line break between them.
    pub fn write(&self, out: &mut String) {
        let widths = self.widths();
        let starts = self.starts(&widths);
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let line_start = out.len();
            match row {
                Row::Cells { cells, rest } => self.cells_line(out, &widths, cells, rest),
                Row::Groups(groups) => self.groups_line(out, line_start, &widths, &starts, groups),
            }
            out.truncate(line_start + out[line_start..].trim_end().len());
        }
    }

    /// Each column's text width: its widest cell, widened where a group label needs the room.
    fn widths(&self) -> Vec<usize> {
        let mut widths = alloc::vec![0; self.columns.len()];
        for row in &self.rows {
            if let Row::Cells { cells, .. } = row {
                for (w, cell) in widths.iter_mut().zip(cells) {
                    *w = (*w).max(cell.text.width());
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

    fn cells_line(&self, line: &mut String, widths: &[usize], cells: &[Cell<'_>], rest: &Text<'_>) {
        for ((column, &width), cell) in self.columns.iter().zip(widths).zip(cells) {
            let pad = width.saturating_sub(cell.text.width());
            if column.align == Align::Right {
                push_spaces(line, pad);
            }
            cell.text.push_to(line);
            if column.align == Align::Left {
                push_spaces(line, pad);
            }
            if column.marked {
                line.push(if cell.mark { MARK } else { ' ' });
            }
            push_spaces(line, GAP);
        }
        rest.push_to(line);
    }

    /// The labels of `groups`, on the line of `line` that starts at `line_start`.
    fn groups_line(
        &self,
        line: &mut String,
        line_start: usize,
        widths: &[usize],
        starts: &[usize],
        groups: &[Group],
    ) {
        for g in groups {
            let end = starts[g.first] + self.group_width(widths, g);
            let start = end - text_width(&g.label);
            let at = text_width(&line[line_start..]);
            // Never overlap the previous label, even if the widths could not make room.
            push_spaces(line, start.saturating_sub(at).max(usize::from(at > 0)));
            line.push_str(&g.label);
        }
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

/// Decimal digits of `n`.
fn digits(mut n: u64) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

/// Appends `n` in decimal, without the formatting machinery (see [`Text`]).
fn push_number(line: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    line.push_str(crate::check::msg::decimal(n, &mut buf));
}

//! Source files: their text, byte offsets of syn spans, line numbers, and the one-line
//! diagnostics that name a file and line.

use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// One `.rs` file as read from disk.
#[derive(Debug)]
pub struct SourceFile {
    /// The path it was read from.
    pub path: PathBuf,
    /// The path as shown in reports: relative to the directory the tool runs in when possible.
    pub display: String,
    /// The file's exact contents, shared with the items that are parsed again from it.
    pub text: Rc<str>,
    /// Line numbers of byte offsets.
    lines: Rc<LineIndex>,
}

/// The 1-based line of any byte offset in a text.
#[derive(Debug, Clone)]
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        LineIndex(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset)
    }
}

impl SourceFile {
    /// A file with this text.
    pub fn new(path: PathBuf, text: String) -> Self {
        let display = display_path(&path);
        let lines = Rc::new(LineIndex::new(&text));
        SourceFile {
            path,
            display,
            text: text.into(),
            lines,
        }
    }

    /// Its line index, shared.
    pub fn lines(&self) -> Rc<LineIndex> {
        Rc::clone(&self.lines)
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// The text syn parses: the file with a byte-order mark or a `#!` shebang line blanked out
    /// with spaces, so that every byte offset of a span is the same in the original.
    pub fn parse_text(&self) -> String {
        self.parse_text_of(0..self.text.len()).into_owned()
    }

    /// [`Self::parse_text`] of the bytes in `range` only (borrowed unless it starts the file).
    pub fn parse_text_of(&self, range: std::ops::Range<usize>) -> std::borrow::Cow<'_, str> {
        let piece = &self.text[range.clone()];
        let blank = if range.start == 0 {
            blanked_prefix(&self.text)
        } else {
            0
        };
        if blank == 0 {
            return std::borrow::Cow::Borrowed(piece);
        }
        let blank = blank.min(piece.len());
        // Keep the byte count: every byte blanked becomes a space.
        let mut text = " ".repeat(blank);
        text.push_str(&piece[blank..]);
        std::borrow::Cow::Owned(text)
    }
}

/// How many bytes at the start of a file syn must not see: a byte-order mark, and a `#!`
/// shebang line (not an inner attribute `#![...]`).
fn blanked_prefix(text: &str) -> usize {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    if rest.starts_with("#!") && !skip_trivia(&rest[2..]).starts_with('[') {
        start + rest.find('\n').unwrap_or(rest.len())
    } else {
        start
    }
}

/// Whitespace and comments skipped, as in deciding whether `#!` starts an inner attribute.
fn skip_trivia(mut s: &str) -> &str {
    loop {
        let t = s.trim_start();
        if let Some(rest) = t.strip_prefix("//") {
            s = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(rest) = t.strip_prefix("/*") {
            s = rest.find("*/").map_or("", |i| &rest[i + 2..]);
        } else {
            return t;
        }
    }
}

/// A path relative to the current directory when it is under it, else as given.
pub fn display_path(path: &Path) -> String {
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf));
    rel.unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// Every file read during a run.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// Texts that replace files on disk (the rounds of `--fix` before anything is written).
    overlay: std::collections::HashMap<PathBuf, String>,
}

impl Sources {
    /// Sources that read `overlay`'s texts instead of those files on disk.
    pub fn with_overlay(overlay: std::collections::HashMap<PathBuf, String>) -> Self {
        Sources {
            files: Vec::new(),
            overlay,
        }
    }

    /// The text of `path`: from the overlay, else from disk.
    pub fn read(&self, path: &Path) -> std::io::Result<String> {
        match self.overlay.get(path) {
            Some(text) => Ok(text.clone()),
            None => std::fs::read_to_string(path),
        }
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        self.files.len() - 1
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// Every file read, in the order read.
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        self.files.iter()
    }

    /// The id of an already read file with this path.
    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.files.iter().position(|f| f.path == path)
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Something the user should know (a macro body not scanned, a module under `#[cfg]`).
    Note,
    /// Something the scan could not do (unreadable file, syntax error, unknown module file).
    Error,
}

/// A one-line message about a place in a file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diag {
    /// The file, as displayed.
    pub file: String,
    /// 1-based line, or 0 when the message is about the whole file.
    pub line: usize,
    /// 1-based column, or 0 when the message is about the whole line.
    pub column: usize,
    /// Error or note.
    pub level: Level,
    /// What happened, on one line.
    pub message: String,
}

impl Diag {
    /// The same, at a column of the line.
    pub fn at_column(mut self, column: usize) -> Self {
        self.column = column;
        self
    }

    /// An error at `file:line`.
    pub fn error(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Diag {
            file: file.into(),
            line,
            column: 0,
            level: Level::Error,
            message: one_line(message.into()),
        }
    }

    /// A note at `file:line`.
    pub fn note(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Diag {
            file: file.into(),
            line,
            column: 0,
            level: Level::Note,
            message: one_line(message.into()),
        }
    }
}

/// Joins the lines of a message, so every diagnostic stays on one line.
fn one_line(s: String) -> String {
    if s.contains('\n') {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Note => "note",
            Level::Error => "error",
        };
        if self.line == 0 {
            write!(f, "{level}: {}: {}", self.file, self.message)
        } else if self.column > 0 {
            write!(
                f,
                "{level}: {}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        } else {
            write!(f, "{level}: {}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// The first lexical error of `text` that rustc's lexer reports as such, with its 1-based
/// line and column: an unclosed or mismatched delimiter, an unterminated string, character
/// or block comment. `None` when the tokens are balanced (the error is then the parser's).
pub fn unbalanced(text: &str) -> Option<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut line, mut col) = (1usize, 1usize);
    let mut stack: Vec<(char, usize, usize)> = Vec::new();
    let mut i = 0;
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, chars: &[char]| {
        if chars[*i] == '\n' {
            *line += 1;
            *col = 1;
        } else {
            *col += 1;
        }
        *i += 1;
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    advance(&mut i, &mut line, &mut col, &chars);
                }
                continue;
            }
            '/' if next == Some('*') => {
                let (l0, c0) = (line, col);
                let mut depth = 0usize;
                loop {
                    if i >= chars.len() {
                        return Some((l0, c0, "unterminated block comment".into()));
                    }
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        advance(&mut i, &mut line, &mut col, &chars);
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        advance(&mut i, &mut line, &mut col, &chars);
                        if depth == 0 {
                            advance(&mut i, &mut line, &mut col, &chars);
                            break;
                        }
                    }
                    advance(&mut i, &mut line, &mut col, &chars);
                }
                continue;
            }
            'r' if matches!(next, Some('"') | Some('#'))
                && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')) =>
            {
                // A raw string: r"..." or r#"..."#.
                let (l0, c0) = (line, col);
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    advance(&mut i, &mut line, &mut col, &chars);
                    continue;
                }
                while i <= j {
                    advance(&mut i, &mut line, &mut col, &chars);
                }
                loop {
                    if i >= chars.len() {
                        return Some((l0, c0, "unterminated raw string".into()));
                    }
                    if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                        for _ in 0..=hashes {
                            advance(&mut i, &mut line, &mut col, &chars);
                        }
                        break;
                    }
                    advance(&mut i, &mut line, &mut col, &chars);
                }
                continue;
            }
            '"' => {
                let (l0, c0) = (line, col);
                advance(&mut i, &mut line, &mut col, &chars);
                loop {
                    if i >= chars.len() {
                        return Some((l0, c0, "unterminated double quote string".into()));
                    }
                    match chars[i] {
                        '\\' => {
                            advance(&mut i, &mut line, &mut col, &chars);
                            if i < chars.len() {
                                advance(&mut i, &mut line, &mut col, &chars);
                            }
                        }
                        '"' => {
                            advance(&mut i, &mut line, &mut col, &chars);
                            break;
                        }
                        _ => advance(&mut i, &mut line, &mut col, &chars),
                    }
                }
                continue;
            }
            '\'' => {
                // A char literal ('x', '\n') or a lifetime ('a): skip a literal only.
                let is_char = matches!(
                    (next, chars.get(i + 2)),
                    (Some('\\'), _) | (Some(_), Some('\''))
                );
                if is_char {
                    advance(&mut i, &mut line, &mut col, &chars);
                    if chars.get(i) == Some(&'\\') {
                        advance(&mut i, &mut line, &mut col, &chars);
                    }
                    while i < chars.len() && chars[i] != '\'' && chars[i] != '\n' {
                        advance(&mut i, &mut line, &mut col, &chars);
                    }
                }
            }
            '(' | '[' | '{' => stack.push((c, line, col)),
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match stack.pop() {
                    Some((o, _, _)) if o == open => {}
                    Some((o, l, k)) => {
                        return Some((
                            line,
                            col,
                            format!(
                                "unexpected closing delimiter `{c}`: expected `{}` to close the \
                                 `{o}` opened at {l}:{k}",
                                closing(o)
                            ),
                        ));
                    }
                    None => {
                        return Some((
                            line,
                            col,
                            format!("unexpected closing delimiter `{c}`: nothing is open here"),
                        ));
                    }
                }
            }
            _ => {}
        }
        advance(&mut i, &mut line, &mut col, &chars);
    }
    stack.pop().map(|(o, l, k)| {
        (
            l,
            k,
            format!(
                "this `{o}` is never closed: expected `{}` before the end of the file",
                closing(o)
            ),
        )
    })
}

fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let f = SourceFile::new("x.rs".into(), "a\nbc\n\nd".into());
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 6].map(|o| f.line_of(o)),
            [1, 1, 2, 2, 2, 3, 4]
        );
    }

    #[test]
    fn bom_and_shebang_keep_offsets() {
        let f = SourceFile::new(
            "x.rs".into(),
            "\u{feff}#!/usr/bin/env run-cargo-script\nstruct A;".into(),
        );
        let t = f.parse_text();
        assert_eq!(t.len(), f.text.len());
        assert!(t.trim_start().starts_with("struct A;"));
        let inner = SourceFile::new("y.rs".into(), "#![allow(dead_code)]\n".into());
        assert_eq!(inner.parse_text(), &*inner.text);
    }
}

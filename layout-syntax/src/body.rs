//! The body of a struct as the user wrote it (`{ ... }`, from its source text), cut into its
//! fields with everything around them: doc and plain comments, attributes, and the fields a
//! `#[cfg]` switched off, which a derive never sees. A report's paste-ready body is made of
//! these pieces, so pasting it loses nothing the user wrote.

use crate::lex;

/// One field of a body as written, or a comment after the last field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The text: comments, attributes, visibility, name and type, without the separating
    /// comma; a comment written after the field on its line is put on a line before it (so a
    /// comma after the field never ends up inside the comment). Lines after the first keep their
    /// indentation relative to the first.
    pub text: String,
    /// The field's name (`type` for `r#type`); `None` for a piece that is only comments.
    pub name: Option<String>,
}

/// The pieces of `body`, the source text of a named-field struct's braces (`{ ... }`); `None`
/// if it is not such text (it does not start with `{` and end with `}`, or a string, comment
/// or bracket is left open).
pub fn pieces(body: &str) -> Option<Vec<Piece>> {
    let inner = body.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut raw: Vec<&str> = Vec::new();
    let bytes = inner.as_bytes();
    let (mut start, mut i) = (0, 0);
    let mut stack: Vec<u8> = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i += inner[i..].find('\n').unwrap_or(inner.len() - i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = lex::block_comment_end(bytes, i)?;
                continue;
            }
            b'"' => {
                i = lex::string_end(bytes, i + 1)?;
                continue;
            }
            b'\'' => {
                // A char literal (`'a'`, `'\''`), or a lifetime (`'a`), which runs to the next
                // non-identifier byte.
                if let Some(end) = lex::char_end(bytes, i) {
                    i = end;
                    continue;
                }
            }
            b'(' | b'[' | b'{' | b'<' => stack.push(bytes[i]),
            b'-' if bytes.get(i + 1) == Some(&b'>') => i += 1,
            b'>' if stack.last() == Some(&b'<') => {
                stack.pop();
            }
            close @ (b')' | b']' | b'}') => {
                let open = match close {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                // Unmatched `<` inside brackets were shifts or comparisons.
                while stack.last() == Some(&b'<') {
                    stack.pop();
                }
                if stack.pop() != Some(open) {
                    return None;
                }
            }
            b',' if stack.is_empty() => {
                raw.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if stack.iter().any(|&b| b != b'<') {
        return None;
    }
    raw.push(&inner[start..]);

    let mut out: Vec<Piece> = Vec::new();
    for chunk in raw {
        // A comment on the line of the previous field's comma belongs to that field.
        let (same_line, rest) = match chunk.find('\n') {
            Some(nl)
                if chunk[..nl].trim().starts_with("//") || chunk[..nl].trim().starts_with("/*") =>
            {
                (chunk[..nl].trim(), &chunk[nl + 1..])
            }
            _ => ("", chunk),
        };
        if !same_line.is_empty()
            && let Some(prev) = out.last_mut()
        {
            prev.text = format!("{same_line}\n{}", prev.text);
        }
        let text = dedent(rest);
        if text.is_empty() {
            continue;
        }
        out.push(Piece {
            name: field_name(&text),
            text,
        });
    }
    Some(out)
}

/// `text` without its surrounding blank lines, each line without the indentation they share.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().skip_while(|l| l.trim().is_empty()).collect();
    let lines: Vec<&str> = match lines.iter().rposition(|l| !l.trim().is_empty()) {
        Some(last) => lines[..=last].to_vec(),
        None => return String::new(),
    };
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(l.trim_start()).trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The name of the field a piece declares: the identifier before the first top-level `:`
/// after the comments, attributes and visibility; `None` if the piece is only comments.
fn field_name(text: &str) -> Option<String> {
    let mut rest = text.trim_start();
    loop {
        if rest.starts_with("//") {
            rest = rest[rest.find('\n').unwrap_or(rest.len())..].trim_start();
        } else if rest.starts_with("/*") {
            rest = rest[lex::block_comment_end(rest.as_bytes(), 0)?..].trim_start();
        } else if rest.starts_with('#') {
            let open = rest.find('[')?;
            rest = rest[open + balanced(&rest[open..])?..].trim_start();
        } else {
            break;
        }
    }
    if let Some(after) = rest.strip_prefix("pub") {
        let after = after.trim_start();
        rest = if after.starts_with('(') {
            after[balanced(after)?..].trim_start()
        } else {
            after
        };
    }
    let rest = rest.strip_prefix("r#").unwrap_or(rest);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(end);
    (!name.is_empty()
        && after.trim_start().starts_with(':')
        && !after.trim_start().starts_with("::"))
    .then(|| name.to_owned())
}

/// The length of the bracketed group at the start of `s` (`[..]` or `(..)`), brackets included.
fn balanced(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = lex::string_end(bytes, i + 1)?;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(body: &str) -> Vec<Option<String>> {
        pieces(body).unwrap().into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn fields_comments_and_cfgd_fields() {
        let body = "{
        /// Message kind.
        pub kind: u8, // one byte
        // the id
        #[cfg(feature = \"tls\")]
        tls: Option<Box<[u8]>>,
        pub(crate) r#type: HashMap<K, V>,
        f: fn(u8) -> u16,
        a: [u8; 1 << 3],
        s: S<'a, { 1 < 2 }>,
        // trailing
    }";
        let p = pieces(body).unwrap();
        assert_eq!(
            names(body),
            [
                Some("kind".into()),
                Some("tls".into()),
                Some("type".into()),
                Some("f".into()),
                Some("a".into()),
                Some("s".into()),
                None
            ]
        );
        assert_eq!(p[0].text, "// one byte\n/// Message kind.\npub kind: u8");
        assert_eq!(
            p[1].text,
            "// the id\n#[cfg(feature = \"tls\")]\ntls: Option<Box<[u8]>>"
        );
        assert_eq!(p[6].text, "// trailing");
    }

    #[test]
    fn strings_chars_and_comments_do_not_split() {
        let body = "{ #[doc = \"a, b }\"] x: u8, /* c, d */ y: [char; 1], z: Z<'a> }";
        assert_eq!(
            names(body),
            [Some("x".into()), Some("y".into()), Some("z".into())]
        );
        assert_eq!(pieces("{ a: u8, b: (u8 }"), None);
        assert_eq!(pieces("(u8, u16)"), None);
    }
}

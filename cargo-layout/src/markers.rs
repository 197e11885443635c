//! Markers that steer the tool from the source, in a form that compiles without any dependency:
//!
//! - a plain comment `// cargo-layout: WORD` (or `/* cargo-layout: WORD */`) among the comments
//!   and attributes just before the item or field (doc comments do not count: they are
//!   documentation, not instructions);
//! - or the attribute `#[cfg_attr(any(), cargo_layout(WORD))]`, which rustc removes before it
//!   looks at it (`any()` is false), so it needs no derive and no registered tool.
//!
//! Words: `ignore` (struct: never report or fix it), `check` (struct: the opt-in of
//! `--only-marked`), `pin` (field: `--fix` keeps it at its declared position), `allow-reorder`
//! (struct: `--fix` may reorder it although its order means something, see
//! [`crate::refusal`]; `allow-reorder(ffi, cfg)` for those reasons only; in the attribute,
//! `allow_reorder`).

/// The markers found on one struct or field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markers {
    /// `ignore`.
    pub ignore: bool,
    /// `check`.
    pub check: bool,
    /// `pin`.
    pub pin: bool,
    /// `allow-reorder`: the reasons it names (`allow-reorder(ffi, cfg)`), empty for every
    /// reason (`allow-reorder` alone); `None` without the marker.
    pub allow_reorder: Option<Vec<String>>,
    /// Words after `cargo-layout:` that are not markers (reported, so a typo is not silent).
    pub unknown: Vec<String>,
}

impl Markers {
    /// No marker.
    pub const NONE: Markers = Markers {
        ignore: false,
        check: false,
        pin: false,
        allow_reorder: None,
        unknown: Vec::new(),
    };
}

/// The prefix of every comment marker.
const PREFIX: &str = "cargo-layout:";

/// Markers in `leading` (the source text before the item: comments, attributes) and in the
/// item's attributes.
pub fn scan(leading: &str, attrs: &[syn::Attribute]) -> Markers {
    let mut m = Markers::default();
    for comment in plain_comments(leading) {
        if let Some(rest) = comment.trim().strip_prefix(PREFIX) {
            let rest = rest.trim_start();
            let word_end = rest
                .find(|c: char| c.is_whitespace() || c == '(')
                .unwrap_or(rest.len());
            let (word, after) = rest.split_at(word_end);
            let args =
                after
                    .strip_prefix('(')
                    .and_then(|a| a.split_once(')'))
                    .map(|(inside, _)| {
                        inside
                            .split(',')
                            .map(str::trim)
                            .filter(|w| !w.is_empty())
                            .map(str::to_owned)
                            .collect()
                    });
            m.add(word, args);
        }
    }
    for attr in attrs {
        for (word, args) in attribute_words(attr) {
            m.add(&word.replace('_', "-"), args);
        }
    }
    m
}

impl Markers {
    fn add(&mut self, word: &str, args: Option<Vec<String>>) {
        match word {
            "ignore" => self.ignore = true,
            "check" => self.check = true,
            "pin" => self.pin = true,
            "allow-reorder" => self
                .allow_reorder
                .get_or_insert_with(Vec::new)
                .extend(args.unwrap_or_default()),
            other => self.unknown.push(other.to_owned()),
        }
    }
}

/// The words of `#[cfg_attr(any(), cargo_layout(a, b(x, y)))]`, each with the words in its
/// parentheses, if it has some.
fn attribute_words(attr: &syn::Attribute) -> Vec<(String, Option<Vec<String>>)> {
    if !attr.path().is_ident("cfg_attr") {
        return Vec::new();
    }
    let Ok(list) = attr.parse_args_with(
        syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
    ) else {
        return Vec::new();
    };
    let mut metas = list.into_iter();
    let Some(syn::Meta::List(pred)) = metas.next() else {
        return Vec::new();
    };
    if !pred.path.is_ident("any") || !pred.tokens.is_empty() {
        return Vec::new();
    }
    let mut words = Vec::new();
    for meta in metas {
        if let syn::Meta::List(l) = meta
            && l.path.is_ident("cargo_layout")
        {
            let _ = l.parse_nested_meta(|nested| {
                let Some(id) = nested.path.get_ident() else {
                    return Ok(());
                };
                let mut args = None;
                if nested.input.peek(syn::token::Paren) {
                    let mut inner = Vec::new();
                    nested.parse_nested_meta(|arg| {
                        if let Some(a) = arg.path.get_ident() {
                            inner.push(a.to_string());
                        }
                        Ok(())
                    })?;
                    args = Some(inner);
                }
                words.push((id.to_string(), args));
                Ok(())
            });
        }
    }
    words
}

/// The text of every non-doc comment in `src` (without `//`, `/*`, `*/`), skipping string
/// literals so that a marker inside a string does not count.
pub fn plain_comments(src: &str) -> Vec<&str> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find('\n').map_or(src.len(), |e| i + e);
                let body = &src[i + 2..end];
                let doc =
                    (body.starts_with('/') && !body.starts_with("//")) || body.starts_with('!');
                if !doc {
                    out.push(body);
                }
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 1;
                let mut j = i + 2;
                while j < b.len() && depth > 0 {
                    if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                        depth += 1;
                        j += 2;
                    } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                let body = &src[i + 2..j.saturating_sub(2).max(i + 2)];
                let doc = (body.starts_with('*') && !body.starts_with("**") && body != "*")
                    || body.starts_with('!');
                if !doc {
                    out.push(body);
                }
                i = j;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let from = i + 2 + hashes;
                i = src[from..]
                    .find(&close)
                    .map_or(b.len(), |e| from + e + close.len());
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_but_not_doc_comments_or_strings() {
        let src = "/// cargo-layout: ignore\n//! x\n// cargo-layout: check\n/* a /* b */ c */\n\
                   /** doc */ #[doc = \"// cargo-layout: pin\"] r#\"// no\"# //plain";
        assert_eq!(
            plain_comments(src),
            [" cargo-layout: check", " a /* b */ c ", "plain"]
        );
    }

    #[test]
    fn markers_from_comments_and_attributes() {
        let m = scan("// cargo-layout: ignore because FFI\n", &[]);
        assert!(m.ignore && !m.check);
        let attr: syn::Attribute = syn::parse_quote!(#[cfg_attr(any(), cargo_layout(check, pin))]);
        let m = scan("", &[attr]);
        assert!(m.check && m.pin && !m.ignore);
        let live: syn::Attribute = syn::parse_quote!(#[cfg_attr(unix, cargo_layout(ignore))]);
        assert!(
            !scan("", &[live]).ignore,
            "only the always-false any() form counts"
        );
        assert_eq!(scan("// cargo-layout: ignroe", &[]).unknown, ["ignroe"]);
    }

    #[test]
    fn allow_reorder_with_and_without_reasons() {
        assert_eq!(
            scan("// cargo-layout: allow-reorder\n", &[]).allow_reorder,
            Some(vec![])
        );
        assert_eq!(
            scan("// cargo-layout: allow-reorder(ffi, cfg) C sees it\n", &[]).allow_reorder,
            Some(vec!["ffi".to_owned(), "cfg".to_owned()])
        );
        let attr: syn::Attribute =
            syn::parse_quote!(#[cfg_attr(any(), cargo_layout(allow_reorder(ord), check))]);
        let m = scan("", &[attr]);
        assert_eq!(m.allow_reorder, Some(vec!["ord".to_owned()]));
        assert!(m.check);
        assert_eq!(scan("// nothing\n", &[]).allow_reorder, None);
    }
}

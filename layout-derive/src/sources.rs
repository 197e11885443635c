//! The struct as the user wrote it, for the paste-ready body of a report ([`Sources`]). Not a
//! part of `ast::Input`, which every expansion builds: reading the source text asks the compiler
//! where each token is, so it is read only when a report may need it.

use crate::ast::{Input, Kind};
use layout_syntax::body;
use layout_syntax::source::{field_source, tokens_source};

/// The source text of each field and the declaration's header, for the paste-ready body of a
/// report. Built only when there is something to report, or a check left to constant
/// evaluation that may report.
pub struct Sources {
    /// Each field's text, in declaration order; the fields a `#[cfg]` switched off (which the
    /// derive never sees) and plain comments ride along with a neighbour, so a pasted body
    /// keeps everything the user wrote.
    pub fields: Vec<String>,
    pub header: String,
    /// The names of the fields switched off by a `#[cfg]`, kept in `fields`.
    pub absent: Vec<String>,
}

impl Sources {
    pub fn of(input: &Input<'_>) -> Self {
        let d = input.original;
        let keyword = if input.kind == Kind::Union {
            "union"
        } else {
            "struct"
        };
        let vis = tokens_source(quote::ToTokens::to_token_stream(&d.vis));
        let generics = tokens_source(quote::ToTokens::to_token_stream(&d.generics));
        let header = [vis.as_str(), keyword, &format!("{}{}", d.ident, generics)]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some((fields, absent)) = Self::as_written(input) {
            return Sources {
                fields,
                header,
                absent,
            };
        }
        Sources {
            fields: input
                .fields
                .iter()
                .map(|f| field_source(f.original).join("\n"))
                .collect(),
            header,
            absent: Vec::new(),
        }
    }

    /// The fields from the source text of the braces, when the compiler has it (a named-field
    /// struct written in a file) and every field the derive sees is found in it.
    fn as_written(input: &Input<'_>) -> Option<(Vec<String>, Vec<String>)> {
        let syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(named),
            ..
        }) = &input.original.data
        else {
            return None;
        };
        let pieces = body::pieces(&named.brace_token.span.join().source_text()?)?;
        let mut texts: Vec<Option<String>> = vec![None; input.fields.len()];
        let mut absent = Vec::new();
        // Text waiting for the next field seen (cfg'd fields and comments before it).
        let mut before = String::new();
        let mut last: Option<usize> = None;
        for piece in pieces {
            let seen = piece
                .name
                .as_ref()
                .and_then(|n| input.fields.iter().position(|f| &f.name == n));
            match (seen, &piece.name, last) {
                (Some(i), _, _) => {
                    if texts[i].is_some() {
                        return None;
                    }
                    texts[i] = Some(std::mem::take(&mut before) + &piece.text);
                    last = Some(i);
                }
                // A field switched off: after the field before it, else before the next one.
                (None, Some(name), Some(prev)) => {
                    absent.push(name.clone());
                    let text = texts[prev].as_mut()?;
                    text.push_str(",\n");
                    text.push_str(&piece.text);
                }
                (None, Some(name), None) => {
                    absent.push(name.clone());
                    before.push_str(&piece.text);
                    before.push_str(",\n");
                }
                // A comment: before the next field, or the last one.
                (None, None, _) => {
                    before.push_str(&piece.text);
                    before.push('\n');
                }
            }
        }
        if !before.is_empty() {
            let last = texts.last_mut()?.as_mut()?;
            *last = before + last;
        }
        let texts: Option<Vec<String>> = texts.into_iter().collect();
        Some((texts?, absent))
    }
}

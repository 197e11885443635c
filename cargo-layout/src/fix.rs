//! `--fix` and `--diff`: the reported structs rewritten in the suggested order.
//!
//! Safety, in order:
//! 1. Only named-field `repr(C)` structs whose suggested order (on the first target) saves
//!    bytes are touched; tuple structs are refused (reordering positional fields changes what
//!    `.0` means), structs marked `ignore` are never reported, an order that would make the
//!    struct bigger on any other target given is not applied, and structs whose field order
//!    means something (`#[cfg]` fields, order-dependent derives, byte views, FFI: see
//!    [`crate::refusal`]) are refused unless a marker or `--allow-reorder` allows it.
//! 2. Each field moves as its exact source text (see [`crate::segment`]): comments, doc
//!    comments, attributes, visibility and the trailing-comma convention are kept, and every
//!    byte outside the moved fields stays as it was.
//! 3. The new file is parsed again, and its tokens must equal those of the old file with the
//!    same fields permuted in the syntax tree: the text edit did exactly the reordering and
//!    nothing else.
//! 4. The file is written by [`crate::replace`]: only if it is still what was scanned, through
//!    symlinks, keeping hard links, atomically where it has one link.
//!
//! A second run finds every fixed struct already at its minimum, so it changes nothing.

use std::collections::BTreeMap;

use quote::ToTokens;
use syn::visit_mut::VisitMut;

use crate::analyze::{Laid, OnTarget, OrderRules};
use crate::enums::{EnumReport, EnumStatus};
use crate::scan::{Status, StructReport};
use crate::segment;
use crate::source::{Diag, FileId, SourceFile, Sources};
use crate::tree::Tree;
use layout_engine::StructLayout;
use layout_engine::order::Constraints;

/// One struct to reorder.
#[derive(Debug, Clone)]
struct Edit {
    /// Byte range of the body between the braces.
    range: std::ops::Range<usize>,
    /// The new body.
    text: String,
    /// Byte offset of the body's `{` (to find the struct again in a re-parse).
    brace_at: usize,
    /// The new order, as declared indices.
    order: Vec<usize>,
}

/// What a fix run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The files that change.
    pub files: Vec<Planned>,
    /// Why structs were left alone, and failures.
    pub diags: Vec<Diag>,
}

/// One file's new text, and the structs it fixes.
#[derive(Debug)]
pub struct Planned {
    /// The file.
    pub path: std::path::PathBuf,
    /// Its new contents.
    pub text: String,
    /// `crate::T1 in src/lib.rs: 24 -> 16 bytes on x86_64-unknown-linux-gnu`, per fixed struct.
    pub fixed: Vec<String>,
    /// Paths (`crate::T1`) of the structs fixed.
    pub fixed_paths: Vec<String>,
}

/// One edit, and for the first edit of each struct or enum its path and summary line.
type Planned1 = (Edit, Option<(String, String)>);

/// Plans the rewrite of every report that can shrink on the first target.
pub fn plan(
    tree: &Tree,
    sources: &Sources,
    reports: &[StructReport],
    enums: &[EnumReport],
) -> Outcome {
    let mut out = Outcome::default();
    let mut edits: BTreeMap<FileId, Vec<Planned1>> = BTreeMap::new();
    for r in enums {
        plan_enum(tree, sources, r, &mut out, &mut edits);
    }
    for r in reports {
        let Status::Laid {
            on,
            rustc_choice: false,
            ..
        } = &r.status
        else {
            continue;
        };
        if !on
            .iter()
            .any(|o| o.result.as_ref().is_ok_and(|l| l.saving() > 0))
        {
            continue;
        }
        let item = &tree.items[r.item];
        let file = sources.get(item.file);
        if r.tuple {
            out.diags.push(Diag::note(
                &file.display,
                r.line,
                format!(
                    "`{}` not reordered: it is a tuple struct, whose fields are positional \
                     (`.0`, `.1`): rename them or reorder by hand",
                    r.name
                ),
            ));
            continue;
        }
        if !r.separate_line.is_empty() {
            out.diags.push(Diag::note(
                &file.display,
                r.line,
                format!(
                    "`{}` not reordered: it has #[layout(separate_line)] fields, which the \
                     derive checks and --fix does not model",
                    r.name
                ),
            ));
            continue;
        }
        let refused: Vec<&crate::refusal::Refusal> =
            r.refusals.iter().filter(|x| x.allowed.is_none()).collect();
        if !refused.is_empty() {
            let reasons: Vec<&str> = refused.iter().map(|x| x.reason.name()).collect();
            let whys: Vec<&str> = refused.iter().map(|x| x.message.as_str()).collect();
            out.diags.push(Diag::note(
                &file.display,
                r.line,
                format!(
                    "`{}` not reordered: {} (to reorder it anyway: \
                     `// cargo-layout: allow-reorder({})` before it, or \
                     --allow-reorder {})",
                    r.name,
                    whys.join("; "),
                    reasons.join(", "),
                    reasons.join(",")
                ),
            ));
            continue;
        }
        let order = match choose_order(on, &r.rules) {
            Ok(order) => order,
            Err(why) => {
                out.diags.push(Diag::note(
                    &file.display,
                    r.line,
                    format!("`{}` not reordered: {why}", r.name),
                ));
                continue;
            }
        };
        let st = tree
            .struct_of(r.item)
            .expect("reports are structs, parsed when loaded");
        let (Some(start), Some(end)) = (st.body_start, st.body_end) else {
            continue;
        };
        let body = segment::cut(&file.text, start, end, &st.field_spans);
        // `start` is one past the `{`.
        let brace_at = start - 1;
        let sizes: Vec<String> = on
            .iter()
            .filter_map(|o| {
                let l = o.result.as_ref().ok()?;
                let after = l.layout.reordered(&order).ok()?.size();
                (after < l.layout.size())
                    .then(|| format!("{} -> {} bytes on {}", l.layout.size(), after, o.target))
            })
            .collect();
        let summary = format!(
            "{} in {}:{}: {}",
            r.path,
            file.display,
            r.line,
            sizes.join(", ")
        );
        edits.entry(item.file).or_default().push((
            Edit {
                range: body.whole.clone(),
                text: body.render(&file.text, &order),
                brace_at,
                order,
            },
            Some((r.path.clone(), summary)),
        ));
    }
    for (file_id, mut list) in edits {
        let file = sources.get(file_id);
        list.sort_by_key(|(e, ..)| e.range.start);
        let mut text = file.text.to_string();
        for (e, ..) in list.iter().rev() {
            text.replace_range(e.range.clone(), &e.text);
        }
        let plain: Vec<Edit> = list.iter().map(|(e, ..)| e.clone()).collect();
        let new_parse_text = SourceFile::new(file.path.clone(), text.clone()).parse_text();
        match verify(&file.parse_text(), &new_parse_text, &plain) {
            Ok(()) => {
                let (fixed_paths, fixed) = list.into_iter().filter_map(|(_, named)| named).unzip();
                out.files.push(Planned {
                    path: file.path.clone(),
                    text,
                    fixed,
                    fixed_paths,
                });
            }
            Err(why) => out.diags.push(Diag::error(
                &file.display,
                0,
                format!("not rewritten: the reordered file failed its check: {why}"),
            )),
        }
    }
    out
}

/// Plans the rewrite of enum `r`'s variants in the orders that shrink it (see
/// [`crate::enums::shrink`]: one order per variant for every target, named-field variants only),
/// unless something refuses it, as for structs.
fn plan_enum(
    tree: &Tree,
    sources: &Sources,
    r: &EnumReport,
    out: &mut Outcome,
    edits: &mut BTreeMap<FileId, Vec<Planned1>>,
) {
    let EnumStatus::Laid {
        on,
        shrink: Some(shrink),
        ..
    } = &r.status
    else {
        return;
    };
    let item = &tree.items[r.item];
    let file = sources.get(item.file);
    let refused: Vec<&crate::refusal::Refusal> =
        r.refusals.iter().filter(|x| x.allowed.is_none()).collect();
    if !refused.is_empty() {
        let reasons: Vec<&str> = refused.iter().map(|x| x.reason.name()).collect();
        let whys: Vec<&str> = refused.iter().map(|x| x.message.as_str()).collect();
        out.diags.push(Diag::note(
            &file.display,
            r.line,
            format!(
                "`{}` not reordered: {} (to reorder it anyway: \
                 `// cargo-layout: allow-reorder({})` before it, or --allow-reorder {})",
                r.name,
                whys.join("; "),
                reasons.join(", "),
                reasons.join(",")
            ),
        ));
        return;
    }
    let Some(e) = tree.enum_of(r.item) else {
        return;
    };
    let mut planned: Vec<Edit> = Vec::new();
    for (v, order) in &shrink.orders {
        let name = shrink.def.variants[*v].name;
        let variant = e
            .variants
            .iter()
            .zip(&e.bodies)
            .find(|(x, _)| syn::ext::IdentExt::unraw(&x.ident) == name);
        let Some((syn::Fields::Named(named), Some(at))) = variant.map(|(x, at)| (&x.fields, at))
        else {
            return;
        };
        // The model has the source's fields, in the source's order (no `#[cfg]` field: those
        // are refused above).
        if named.named.len() != shrink.def.variants[*v].fields.len() {
            return;
        }
        let body = segment::cut(&file.text, at.start, at.end, &at.fields);
        // `pin` and `#[layout(pinned)]` are honoured by the search; the derive's other field
        // attributes (`hot`, `separate_line`) are not modelled for enums.
        for field in &named.named {
            let other = field
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("layout"))
                .any(|a| {
                    let mut other = false;
                    let _ = a.parse_nested_meta(|m| {
                        other |= !m.path.is_ident("pinned");
                        if m.input.peek(syn::Token![=]) {
                            let _: syn::Expr = m.value()?.parse()?;
                        }
                        Ok(())
                    });
                    other
                });
            if other {
                out.diags.push(Diag::note(
                    &file.display,
                    r.line,
                    format!(
                        "`{}` not reordered: field `{name}.{}` has a #[layout(...)] attribute \
                         other than `pinned`, which --fix does not model in enum variants: \
                         reorder by hand",
                        r.name,
                        field
                            .ident
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    ),
                ));
                return;
            }
        }
        planned.push(Edit {
            range: body.whole.clone(),
            text: body.render(&file.text, order),
            brace_at: at.start - 1,
            order: order.clone(),
        });
    }
    let sizes: Vec<String> = on
        .iter()
        .zip(&shrink.sizes)
        .filter_map(|(o, new)| {
            let old = o.result.as_ref().ok()?.size();
            let new = (*new)?;
            (new < old).then(|| format!("{old} -> {new} bytes on {}", o.target))
        })
        .collect();
    let summary = format!(
        "{} in {}:{}: {}",
        r.path,
        file.display,
        r.line,
        sizes.join(", ")
    );
    let list = edits.entry(item.file).or_default();
    for (k, edit) in planned.into_iter().enumerate() {
        let named = (k == 0).then(|| (r.path.clone(), summary.clone()));
        list.push((edit, named));
    }
}

/// The order to write, by the derive's rule: one order for all targets given
/// (`StructLayout::suggest_joint`), the smallest on each where one order is; else the first
/// target's suggestion that shrinks the struct somewhere without growing it anywhere. Never an
/// order that makes the struct bigger on any target.
pub fn choose_order(on: &[OnTarget], rules: &OrderRules) -> Result<Vec<usize>, String> {
    let laid: Vec<(&OnTarget, &Laid)> = on
        .iter()
        .filter_map(|o| o.result.as_ref().ok().map(|l| (o, l)))
        .collect();
    let layouts: Vec<StructLayout<'_>> = laid.iter().map(|(_, l)| l.layout.clone()).collect();
    let constraints = Constraints::NONE
        .pinned(&rules.pinned)
        .hot(&rules.hot)
        .cache_line(rules.cache_line.max(1));
    if let Ok(joint) = StructLayout::suggest_joint(&layouts, constraints)
        && joint.moves() > 0
        && joint
            .sizes
            .iter()
            .zip(&laid)
            .all(|(s, (_, l))| *s <= l.layout.size())
        && joint
            .sizes
            .iter()
            .zip(&laid)
            .any(|(s, (_, l))| *s < l.layout.size())
    {
        return Ok(joint.order);
    }
    // Each candidate's size on every target (None: it could not be laid out there).
    let sizes = |order: &[usize]| -> Vec<Option<u64>> {
        laid.iter()
            .map(|(_, l)| l.layout.reordered(order).ok().map(|re| re.size()))
            .collect()
    };
    let candidates: Vec<&Vec<usize>> = laid
        .iter()
        .filter_map(|(_, l)| l.suggestion.as_ref().filter(|s| s.saved() > 0))
        .map(|s| &s.order)
        .collect();
    let best_everywhere = candidates.iter().find(|order| {
        sizes(order)
            .iter()
            .zip(&laid)
            .all(|(size, (_, l))| *size == l.suggestion.as_ref().map(|s| s.size))
    });
    if let Some(order) = best_everywhere {
        return Ok((*order).clone());
    }
    let no_worse = candidates.iter().find(|order| {
        sizes(order)
            .iter()
            .zip(&laid)
            .all(|(size, (_, l))| size.is_some_and(|s| s <= l.layout.size()))
    });
    match no_worse {
        Some(order) => Ok((*order).clone()),
        None => {
            let (o, l) = laid
                .iter()
                .find(|(_, l)| l.saving() > 0)
                .expect("some target saves");
            let order = &l.suggestion.as_ref().expect("it saves").order;
            let grows = sizes(order)
                .iter()
                .zip(&laid)
                .find_map(|(size, (t, l))| {
                    size.filter(|s| *s > l.layout.size())
                        .map(|s| format!("{} from {} to {s} bytes", t.target, l.layout.size()))
                })
                .unwrap_or_default();
            Err(format!(
                "the order that saves {} bytes on {} would grow it on {grows}, and no order \
                 is smaller on one target without being bigger on another",
                l.saving(),
                o.target
            ))
        }
    }
}

/// Checks that `new` parses and has exactly the tokens of `old` with the edited structs' fields
/// permuted.
fn verify(old: &str, new: &str, edits: &[Edit]) -> Result<(), String> {
    let mut expected = crate::parse::fresh::<syn::File>(old).map_err(|e| e.to_string())?;
    let mut permute = Permute { edits, applied: 0 };
    permute.visit_file_mut(&mut expected);
    if permute.applied != edits.len() {
        return Err(format!(
            "found {} of the {} structs to reorder",
            permute.applied,
            edits.len()
        ));
    }
    let got = crate::parse::fresh::<syn::File>(new)
        .map_err(|e| format!("the new text does not parse: {e}"))?;
    if got.to_token_stream().to_string() != expected.to_token_stream().to_string() {
        return Err("the new text is not the same code with the fields reordered".into());
    }
    Ok(())
}

/// Reorders, in a syntax tree, the fields of the structs and enum variants named by the edits.
struct Permute<'e> {
    edits: &'e [Edit],
    applied: usize,
}

impl VisitMut for Permute<'_> {
    // Named fields of a struct or of an enum variant alike: the edit is found by its braces.
    fn visit_fields_named_mut(&mut self, named: &mut syn::FieldsNamed) {
        // The tree was just parsed whole by `verify` ([`crate::parse::fresh`]).
        let at = crate::parse::at(named.brace_token.span.join(), 0).start;
        if let Some(e) = self.edits.iter().find(|e| e.brace_at == at) {
            let fields: Vec<syn::Field> = named.named.iter().cloned().collect();
            let trailing = named.named.trailing_punct();
            let mut p = syn::punctuated::Punctuated::new();
            for &i in &e.order {
                p.push(fields[i].clone());
            }
            if trailing {
                p.push_punct(Default::default());
            }
            named.named = p;
            self.applied += 1;
        }
        syn::visit_mut::visit_fields_named_mut(self, named);
    }
}

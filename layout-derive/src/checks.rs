//! Expansion-time checks: when every field type is modelled from the syntax alone, the macro
//! runs the real engine natively on every named target, and reports broken policies as
//! spanned errors (or warnings) with the engine's fewest-moves order. What it cannot decide (the
//! compiling target, types only the compiler resolves) is left to constant evaluation, which
//! runs the same checks (`layout_core::check`).

use proc_macro2::Span;

use crate::ast::Input;
use crate::check::report::{self, Reorder, Subject};
use crate::check::{Broken, Msg, Placed, Policy, broken};
use crate::engine::{Field, FieldLayout, LayoutError, StructDef, Target, Ty, struct_layout};
use crate::suggest::suggest;
use crate::syntax::source::{field_source, tokens_source};
use crate::syntax::ty::{Class, Context, NoResolver, classify};

/// A broken policy found at expansion time.
pub struct Report {
    /// Where to point.
    pub span: Span,
    /// The whole report.
    pub message: String,
}

/// What the expansion found out.
#[derive(Default)]
pub struct Findings {
    /// Layout tables for the doc comment of the impl.
    pub doc: Vec<String>,
    /// Broken policies.
    pub reports: Vec<Report>,
    /// Named targets left to constant evaluation (indices into `Target::ALL`).
    pub const_named: Vec<usize>,
    /// Whether constant evaluation checks the compiling target.
    pub const_current: bool,
}

/// The policy lists of `input` (declared indices), owned.
pub struct Lists {
    pub hot: Vec<usize>,
    pub separate: Vec<usize>,
    pub pinned: Vec<usize>,
}

impl Lists {
    pub fn of(input: &Input<'_>) -> Self {
        Lists {
            hot: input.marked(|a| a.hot.is_some()),
            separate: input.marked(|a| a.separate_line.is_some()),
            pinned: input.marked(|a| a.pinned.is_some()),
        }
    }

    pub fn policy<'a>(&'a self, input: &Input<'_>) -> Policy<'a> {
        let a = &input.attrs;
        Policy {
            max_padding: a.max_padding.as_ref().map(|v| v.value),
            optimal: a.optimal.is_some(),
            size: a.size.as_ref().map(|v| v.value),
            align: a.align.as_ref().map(|v| v.value),
            cache_line: a.cache_line.as_ref().map_or(64, |v| v.value),
            hot: &self.hot,
            separate: &self.separate,
            pinned: &self.pinned,
        }
    }

    pub fn any_check(&self, input: &Input<'_>) -> bool {
        input.attrs.has_policy() || !self.hot.is_empty() || !self.separate.is_empty()
    }
}

/// The source text of each field and of the type, for messages and for the engine's names.
pub struct Texts {
    pub types: Vec<String>,
    pub fields: Vec<String>,
    pub header: String,
}

impl Texts {
    pub fn of(input: &Input<'_>, with_sources: bool) -> Self {
        let d = input.original;
        let keyword = if input.kind == crate::ast::Kind::Union {
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
        Texts {
            types: input
                .fields
                .iter()
                .map(|f| tokens_source(quote::ToTokens::to_token_stream(f.ty)))
                .collect(),
            // The paste-ready bodies are needed only when there is a policy to report on.
            fields: if with_sources {
                input
                    .fields
                    .iter()
                    .map(|f| field_source(f.original).join("\n"))
                    .collect()
            } else {
                Vec::new()
            },
            header,
        }
    }
}

/// The field types' models when the syntax tells all of them.
fn known_types(input: &Input<'_>) -> Option<Vec<Ty<'static>>> {
    let mut resolver = NoResolver;
    let mut cx = Context::new(&input.original.generics, &mut resolver);
    input
        .fields
        .iter()
        .map(|f| match (f.attrs.host_only, classify(f.ty, &mut cx)) {
            (None, Class::Known(t)) => Some(t),
            _ => None,
        })
        .collect()
}

/// Runs what can run at expansion time.
pub fn run(input: &Input<'_>, lists: &Lists, texts: &Texts) -> Findings {
    let mut out = Findings::default();
    let any_check = lists.any_check(input);
    let named: Vec<&'static Target> = input
        .attrs
        .targets
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_default();
    let known = known_types(input);

    let Some(tys) = known else {
        if any_check {
            out.const_current = named.is_empty();
            out.const_named = named.iter().filter_map(|t| index_of(t)).collect();
        }
        return out;
    };
    let fields: Vec<Field<'_>> = input
        .fields
        .iter()
        .zip(&tys)
        .zip(&texts.types)
        .map(|((f, ty), ty_name)| Field {
            name: &f.name,
            ty_name,
            ty: *ty,
        })
        .collect();
    let def = StructDef {
        name: &input.ident.to_string(),
        shape: shape(input),
        repr: input.repr.repr,
        fields: &fields,
        host: None,
    };
    let name = input.ident.to_string();
    let def = StructDef { name: &name, ..def };

    // The doc comment: the named targets (three at most), else a representative 64-bit one.
    let doc_targets: Vec<&'static Target> = if named.is_empty() {
        Target::find("64").into_iter().collect()
    } else {
        named.iter().copied().take(3).collect()
    };
    if input.repr.repr.order_is_declared()
        || input.repr.repr.base == crate::engine::ReprBase::Transparent
    {
        for t in &doc_targets {
            if let Ok(l) = def.layout_on(t) {
                out.doc.push(l.to_string());
            }
        }
        if named.len() > doc_targets.len() {
            out.doc.push(format!(
                "... and {} more targets: `Layout::layout_on` gives each",
                named.len() - doc_targets.len()
            ));
        }
    }
    if !any_check {
        return out;
    }
    out.const_current = named.is_empty();
    if named.is_empty() {
        return out;
    }
    let policy = lists.policy(input);
    let sources: Vec<&str> = texts.fields.iter().map(String::as_str).collect();
    let subject = Subject {
        def: &def,
        header: &texts.header,
        sources: &sources,
        tuple: input.kind == crate::ast::Kind::Tuple,
    };

    let mut first: Option<(
        &'static Target,
        Broken,
        Vec<FieldLayout>,
        crate::engine::TypeLayout,
    )> = None;
    let mut others: Vec<&'static Target> = Vec::new();
    for &target in &named {
        let mut placed = vec![FieldLayout::default(); fields.len()];
        match struct_layout(&def, target, &mut placed) {
            Err(e) => {
                out.reports.push(no_layout(input, &def, target, &e));
                return out;
            }
            Ok(layout) => {
                let b = broken(&def, &policy, &Placed::new(&def, target, layout, &placed));
                if b.any() {
                    if first.is_none() {
                        first = Some((target, b, placed, layout));
                    } else {
                        others.push(target);
                    }
                }
            }
        }
    }
    let Some((target, b, placed, layout)) = first else {
        return out;
    };
    let facts = Placed::new(&def, target, layout, &placed);
    let suggestion = (input.repr.repr.order_is_declared() && input.kind != crate::ast::Kind::Union)
        .then(|| {
            suggest(
                &placed,
                input.repr.repr.align.unwrap_or(1),
                &lists.pinned,
                &lists.hot,
            )
        });
    let reorder = suggestion.as_ref().map(|s| Reorder {
        order: &s.order,
        size: s.size,
        moved: s.moved,
    });
    let mut m = Msg::<{ 1 << 16 }>::new();
    report::write_broken(&mut m, &subject, &policy, &facts, &b, reorder.as_ref());
    report::write_facts(&mut m, &def, &facts);
    if let Some(r) = &reorder
        && b.wants_reorder()
        && r.moved > 0
    {
        report::write_reorder(&mut m, &subject, r);
    }
    if !others.is_empty() {
        let names: Vec<String> = others
            .iter()
            .take(3)
            .map(|t| format!("`{}`", t.triple))
            .collect();
        let more = if others.len() > 3 {
            format!(" and {} more", others.len() - 3)
        } else {
            String::new()
        };
        m.str(&format!(
            "\n(a policy is broken on {}{} too)",
            names.join(", "),
            more
        ));
    }
    let span = if let Some(f) = b.hot_not_first {
        input.fields[f]
            .attrs
            .hot
            .unwrap_or_else(|| input.ident.span())
    } else if let Some(f) = b.shares_line {
        input.fields[f]
            .attrs
            .separate_line
            .unwrap_or_else(|| input.ident.span())
    } else if b.optimal
        && suggestion.as_ref().is_some_and(|s| s.size > facts.min_size)
        && let Some(pin) = lists
            .pinned
            .first()
            .and_then(|&i| input.fields[i].attrs.pinned)
    {
        // `optimal` is out of reach because of the pins: point at one.
        pin
    } else {
        input.ident.span()
    };
    out.reports.push(Report {
        span,
        message: m.as_str().to_owned(),
    });
    out
}

fn index_of(t: &Target) -> Option<usize> {
    Target::ALL.iter().position(|x| x.triple == t.triple)
}

pub fn shape(input: &Input<'_>) -> crate::engine::Shape {
    if input.kind == crate::ast::Kind::Union {
        crate::engine::Shape::Union
    } else {
        crate::engine::Shape::Struct
    }
}

fn no_layout(
    input: &Input<'_>,
    def: &StructDef<'_>,
    target: &Target,
    e: &LayoutError<'_>,
) -> Report {
    let mut m = Msg::<4096>::new();
    report::write_no_layout(&mut m, def, target.triple, e);
    Report {
        span: input.ident.span(),
        message: m.as_str().to_owned(),
    }
}

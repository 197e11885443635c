//! [`Findings`]: what the macro finds out about the layout while it expands ([`evaluate`]).
//! When every field type is modelled from the syntax alone, the macro runs the real engine
//! natively, once per target family (`layout_core::check::family`): it predicts the layout on
//! every family (for the const assertion of the compiling target's), renders the doc table, and
//! checks the policies on every named target, reporting a broken one as a spanned error (or
//! warning) with the engine's fewest-moves order. What it cannot decide (the compiling target's
//! policies, types only the compiler resolves) is left to constant evaluation, which runs the
//! same checks (`layout_core::check`).

use std::sync::OnceLock;

use proc_macro2::Span;

use crate::ast::{Input, Kind};
use crate::entries::Model;
use crate::sources::Sources;
use layout_engine::check::report::{self, Reorder, Subject};
use layout_engine::check::{Broken, Msg, Placed, Policy, broken, family, reorder_repairs};
use layout_engine::order::Joint;
use layout_engine::{
    Field, FieldLayout, LayoutError, ReprBase, StructDef, StructLayout, Target, Ty, TypeLayout,
    struct_layout,
};

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
    /// The size and alignment on every target family, when the macro modelled every field of a
    /// struct whose layout it can predict.
    pub predictions: Option<Predictions>,
    /// The warning mode's reports for the compiling target, made at expansion time for every
    /// family where a policy is broken, when the macro laid the struct out on every family
    /// (`const_current` is then false: constant evaluation only picks the compiling target's).
    pub current: Option<CurrentReports>,
}

/// The full reports of the warning mode for the compiling target, one per distinct layout where
/// a policy is broken, each with the keys of the families that lay the struct out so
/// (`layout_core::check::family::key`).
pub struct CurrentReports {
    /// Whether the keys count atomic widths (`ATOMIC_FAMILY` rather than `FAMILY`).
    pub atomics: bool,
    /// Whether the reports also depend on the width of a C enum (`C_ENUM_BYTES`), which the
    /// family key does not include: the keys' second halves then count.
    pub c_enum: bool,
    /// `(keys, report)`, each key a family key and a C enum width (0 unless `c_enum`); the
    /// targets not listed hold every policy.
    pub reports: Vec<(Vec<(u64, u64)>, String)>,
}

/// The compiling target's name in a report made at expansion time for a whole family.
const COMPILING_TARGET: &str = "the compiling target";

/// The struct's size and alignment on each target family.
pub struct Predictions {
    /// Whether the families count atomic widths (the struct has atomic fields).
    pub atomics: bool,
    /// Each family's representative (an index into `Target::ALL`) and the layout there: `None`
    /// where the struct has no layout (its atomics do not exist there), [`TOO_BIG`] where it is
    /// too big.
    pub families: Vec<(usize, Option<TypeLayout>)>,
}

/// The prediction written for a family where the struct is too big: the size assertion's
/// `(u64::MAX, 0)` (see `layout_engine::check::private::expect`).
pub const TOO_BIG: TypeLayout = TypeLayout {
    size: u64::MAX,
    align: 0,
};

/// The representative 64-bit target of the doc table when no target is named (an index into
/// `Target::ALL`), looked up once per compiler process.
static TARGET_64: std::sync::LazyLock<Option<usize>> =
    std::sync::LazyLock::new(|| Target::find("64").and_then(crate::attr::index_of));

/// The family of every built-in target (see `layout_core::check::family`), computed once per
/// compiler process.
pub fn family_table(atomics: bool) -> &'static [usize] {
    static TABLES: [OnceLock<Vec<usize>>; 2] = [OnceLock::new(), OnceLock::new()];
    TABLES[usize::from(atomics)].get_or_init(|| {
        Target::ALL
            .iter()
            .map(|t| family::family(t, atomics))
            .collect()
    })
}

/// The struct laid out on one family's representative.
type Laid<'a> = Result<(TypeLayout, Vec<FieldLayout>), LayoutError<'a>>;

/// Runs what can run at expansion time.
pub fn evaluate(input: &Input<'_>) -> Findings {
    let mut out = Findings::default();
    let any_check = input.has_policy();
    let named: &[usize] = input
        .attrs
        .targets
        .as_ref()
        .map_or(&[], |t| t.value.as_slice());
    let known: Option<Vec<Ty<'static>>> = input
        .fields
        .iter()
        .map(|f| match f.model {
            Model::Known(t) => Some(t),
            _ => None,
        })
        .collect();
    let Some(tys) = known else {
        if any_check {
            out.const_current = named.is_empty();
            out.const_named = named.to_vec();
        }
        return out;
    };
    let fields: Vec<Field<'_>> = input
        .fields
        .iter()
        .zip(&tys)
        .map(|(f, ty)| Field {
            name: &f.name,
            ty_name: &f.ty_name,
            ty: *ty,
        })
        .collect();
    let name = &input.name;
    let def = StructDef {
        name,
        shape: input.shape(),
        repr: input.repr.repr,
        fields: &fields,
        host: None,
    };
    let predictable = def.repr.base != ReprBase::Rust;

    // One layout per target family: every target of a family lays the struct out alike.
    let atomics = tys.iter().any(Ty::contains_atomic);
    let families = family_table(atomics);
    let mut laid: Vec<(usize, Laid<'_>)> = Vec::new();
    // Where each family representative's layout is in `laid`.
    let mut slot = vec![usize::MAX; families.len()];
    if predictable {
        for (i, &f) in families.iter().enumerate() {
            if f == i {
                let mut placed = vec![FieldLayout::default(); fields.len()];
                let result = struct_layout(&def, &Target::ALL[i], &mut placed);
                slot[i] = laid.len();
                laid.push((i, result.map(|l| (l, placed))));
            }
        }
        if !input.is_generic() {
            out.predictions = Some(Predictions {
                atomics,
                families: laid
                    .iter()
                    .map(|(rep, r)| {
                        let predicted = match r {
                            Ok((l, _)) => Some(*l),
                            // Said so by the size assertion, before rustc's own error.
                            Err(LayoutError::TooBig { .. }) => Some(TOO_BIG),
                            Err(_) => None,
                        };
                        (*rep, predicted)
                    })
                    .collect(),
            });
        }
    }

    // The doc comment: the named targets when they are three at most, else the first of them,
    // or a representative 64-bit target when none is named.
    if predictable {
        let doc_targets: Vec<usize> = match named {
            [] => TARGET_64.iter().copied().collect(),
            [first, _, _, _, ..] => vec![*first],
            few => few.to_vec(),
        };
        for &i in &doc_targets {
            // The target's family layout, laid out above.
            if let Some((_, Ok((layout, placed)))) = laid.get(slot[families[i]]) {
                let table = StructLayout {
                    def,
                    target: &Target::ALL[i],
                    layout: *layout,
                    fields: placed.clone(),
                };
                out.doc.push(table.to_string());
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
        if input.attrs.warn.is_some() && predictable && !input.is_generic() {
            out.current = Some(current_reports(input, &def, &laid, atomics));
            out.const_current = false;
        }
        return out;
    }
    let policy = input.policy();

    // The policies on every named target, decided once per family.
    // Families that lay this struct out alike (most of them, for most structs) share a verdict.
    let alike: Vec<usize> = (0..laid.len())
        .map(|j| {
            (0..j)
                .find(|&k| matches!((&laid[k].1, &laid[j].1), (Ok(a), Ok(b)) if a == b))
                .unwrap_or(j)
        })
        .collect();
    let mut verdicts: Vec<Option<Broken>> = vec![None; laid.len()];
    for &i in named {
        let j = slot[families[i]];
        if j == usize::MAX || verdicts[alike[j]].is_some() {
            continue;
        }
        let Ok((layout, placed)) = &laid[j].1 else {
            continue;
        };
        let target = &Target::ALL[i];
        verdicts[alike[j]] = Some(broken(
            &def,
            &policy,
            &Placed::new(&def, target, *layout, placed),
        ));
    }
    let all_laid = laid.iter().all(|(_, r)| r.is_ok());
    if all_laid && verdicts.iter().flatten().all(|b| !b.any()) {
        return out;
    }
    // The named targets in order: the first without a layout or with a broken policy is
    // reported, the other broken ones listed; the suggested order is one for all of them.
    let mut first: Option<usize> = None;
    let mut others: Vec<&'static Target> = Vec::new();
    let mut on_named: Vec<OnTarget<'_>> = Vec::new();
    for &i in named {
        let j = slot[families[i]];
        if j == usize::MAX {
            continue;
        }
        let target = &Target::ALL[i];
        let (layout, placed) = match &laid[j].1 {
            Ok((layout, placed)) => (*layout, placed.as_slice()),
            Err(e) => {
                out.reports.push(no_layout(input, &def, target, e));
                return out;
            }
        };
        let b = verdicts[alike[j]].unwrap_or_default();
        if b.any() && first.is_some() {
            others.push(target);
        }
        if on_named.iter().any(|o| o.family == j) {
            continue;
        }
        if b.any() && first.is_none() {
            first = Some(on_named.len());
        }
        on_named.push(OnTarget {
            family: j,
            target,
            layout,
            placed,
            broken: b,
        });
    }
    let Some(first) = first else {
        return out;
    };
    out.reports
        .push(report(input, &def, &policy, &on_named, first, &others));
    out
}

/// The warning mode's report for each family whose layout breaks a policy (see
/// [`CurrentReports`]): each distinct layout is checked once, and its report names the compiling
/// target rather than the family's representative, since the switch between them is made where
/// the compiling target is known.
fn current_reports(
    input: &Input<'_>,
    def: &StructDef<'_>,
    laid: &[(usize, Laid<'_>)],
    atomics: bool,
) -> CurrentReports {
    let policy = input.policy();
    let mut reports: Vec<(Vec<(u64, u64)>, String)> = Vec::new();
    // For each distinct layout seen: where its report is in `reports`, if it has one.
    let mut seen: Vec<(&Laid<'_>, Option<usize>)> = Vec::new();
    for (rep, result) in laid {
        let target = &Target::ALL[*rep];
        let key = family::key(target, atomics);
        let same = seen.iter().find(|(r, _)| match (r, result) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        });
        let slot = match same {
            Some((_, slot)) => *slot,
            None => {
                let message = match result {
                    Ok((layout, placed)) => {
                        let b = broken(def, &policy, &Placed::new(def, target, *layout, placed));
                        b.any().then(|| {
                            let on = [OnTarget {
                                family: 0,
                                target,
                                layout: *layout,
                                placed,
                                broken: b,
                            }];
                            report(input, def, &policy, &on, 0, &[]).message
                        })
                    }
                    // The size assertion says so, as an error.
                    Err(LayoutError::TooBig { .. }) => None,
                    Err(e) => Some(no_layout(input, def, target, e).message),
                };
                let slot = message.map(|m| {
                    reports.push((Vec::new(), m.replace(target.triple, COMPILING_TARGET)));
                    reports.len() - 1
                });
                seen.push((result, slot));
                slot
            }
        };
        if let Some(slot) = slot {
            reports[slot].0.push((key, 0));
        }
    }
    CurrentReports {
        atomics,
        c_enum: false,
        reports,
    }
}

/// The struct on one of the named targets (one per family that lays it out differently).
struct OnTarget<'p> {
    /// Index into the families laid out.
    family: usize,
    target: &'static Target,
    layout: TypeLayout,
    placed: &'p [FieldLayout],
    broken: Broken,
}

/// The spanned report of what is broken on `on[first]` (the first broken of the named targets;
/// `others` are the rest), with one order for every named target.
fn report(
    input: &Input<'_>,
    def: &StructDef<'_>,
    policy: &Policy<'_>,
    on: &[OnTarget<'_>],
    first: usize,
    others: &[&'static Target],
) -> Report {
    let sources = Sources::of(input);
    let source_refs: Vec<&str> = sources.fields.iter().map(String::as_str).collect();
    let subject = Subject {
        def,
        header: &sources.header,
        sources: &source_refs,
        tuple: input.kind == Kind::Tuple,
    };
    let here = &on[first];
    let b = here.broken;
    let facts = Placed::new(def, here.target, here.layout, here.placed);
    let joint = (def.repr.order_is_declared() && input.kind != Kind::Union)
        .then(|| {
            crate::joint_order::for_targets(
                def,
                on.iter().map(|o| (o.target, o.layout, o.placed)),
                &input.marked,
                policy.cache_line,
            )
        })
        .flatten();
    let reorder = joint.as_ref().map(|j| Reorder {
        order: &j.order,
        size: j.sizes[first],
        moved: j.moves(),
        size_proven: j.best_proven,
    });
    // The body is offered only if, pasted, it meets the policies on every named target.
    let repairs = joint.as_ref().is_some_and(|j| {
        on.iter().zip(&j.sizes).all(|(o, &size)| {
            !o.broken.any()
                || reorder_repairs(
                    policy,
                    &o.broken,
                    &Placed::new(def, o.target, o.layout, o.placed),
                    size,
                )
        })
    });
    let mut m = Msg::<{ 1 << 16 }>::new();
    report::write_broken(&mut m, &subject, policy, &facts, &b, reorder.as_ref());
    report::write_facts(&mut m, def, &facts);
    if let (Some(r), Some(j)) = (&reorder, &joint)
        && b.wants_reorder()
        && r.moved > 0
        && repairs
    {
        report::write_reorder(&mut m, &subject, r);
        m.str(&joint_note(on, j, b.optimal));
        if !sources.absent.is_empty() {
            let names: Vec<String> = sources.absent.iter().map(|n| format!("`{n}`")).collect();
            m.str(&format!(
                "\n(kept in the body: {}, under a `#[cfg]` that is off in this build, so not laid out here)",
                names.join(", ")
            ));
        }
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
    Report {
        span: report_span(input, &b, &facts, joint.as_ref()),
        message: m.as_str().to_owned(),
    }
}

/// What the one suggested order does on the other named targets, and whether it is proven to
/// move the fewest fields.
fn joint_note(on: &[OnTarget<'_>], j: &Joint, optimal_said: bool) -> String {
    let mut note = String::new();
    if on.len() > 1 {
        if j.best_everywhere() {
            note.push_str("\n(this order is the smallest on every named target)");
        } else {
            let costs: Vec<String> = on
                .iter()
                .zip(j.sizes.iter().zip(&j.best))
                .filter(|(_, (size, best))| size > best)
                .map(|(o, (size, best))| {
                    format!("{size} bytes on {} (best {best})", o.target.triple)
                })
                .collect();
            note.push_str(&format!(
                "\n(no single order is the smallest on every named target; this one costs {})",
                costs.join(", ")
            ));
        }
    }
    if !j.exact {
        note.push_str(
            "\n(this order reaches the size above, but is not proven to move the fewest fields)",
        );
    }
    if !j.best_proven && !optimal_said {
        note.push_str(layout_engine::check::report::SIZE_NOT_PROVEN);
    }
    note
}

/// Where a report points: the offending field attribute, the pin that keeps `optimal` out of
/// reach, or the struct's name.
fn report_span(
    input: &Input<'_>,
    b: &Broken,
    facts: &Placed<'_>,
    suggestion: Option<&Joint>,
) -> Span {
    let name = input.ident.span();
    if let Some(f) = b.hot_not_first {
        return input.fields[f].attrs.hot.unwrap_or(name);
    }
    if let Some(f) = b.shares_line {
        return input.fields[f].attrs.separate_line.unwrap_or(name);
    }
    if b.optimal
        && let Some(s) = suggestion
        && s.sizes.first().is_some_and(|&size| size > facts.min_size)
    {
        // `optimal` is out of reach because of the pins: point at one that blocks it.
        if let Some(pin) = input
            .marked
            .pinned
            .first()
            .copied()
            .and_then(|i| input.fields.get(i))
            .and_then(|f| f.attrs.pinned)
        {
            return pin;
        }
    }
    name
}

fn no_layout(
    input: &Input<'_>,
    def: &StructDef<'_>,
    target: &Target,
    e: &LayoutError<'_>,
) -> Report {
    let mut m = Msg::<4096>::new();
    report::write_no_layout(&mut m, def.name, target.triple, e);
    Report {
        span: input.ident.span(),
        message: m.as_str().to_owned(),
    }
}

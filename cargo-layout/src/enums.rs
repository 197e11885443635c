//! Enums: which are reported, each with the engine's RFC 2195 layout on every target (tag,
//! each variant's fields, padding), what differs between targets, the per-variant field orders
//! that make it smaller, and its largest variant against the next. `repr(Rust)` enums (with
//! `--all`) have no predicted layout: only the bytes of each variant's fields, which are exact.
//!
//! Nothing here computes a layout itself: the engine lays out every enum and every candidate
//! order, and an order is suggested only when the engine says the whole enum gets smaller.

use layout_engine::order::Constraints;
use layout_engine::{EnumDef, EnumLayout, Field, StructDef, StructLayout, Target, Ty, Variant};

use crate::analyze::Difference;
use crate::refusal::{Facts, Refusal};
use crate::resolve::{Blocked, EnumModel, Models};
use crate::scan::{Filter, Reported, cfg_groups, reported_items};
use crate::source::{Diag, Sources};
use crate::tree::{ItemId, Tree};

/// The largest variant is flagged when its fields take more than this many times the bytes of
/// the next largest variant's (`--max-variant-ratio`).
pub const DEFAULT_VARIANT_RATIO: u64 = 4;

/// One reported enum.
#[derive(Debug)]
pub struct EnumReport {
    /// The item.
    pub item: ItemId,
    /// Its name.
    pub name: String,
    /// Its path: `crate::net::Event`.
    pub path: String,
    /// File as displayed.
    pub file: String,
    /// 1-based line of its name.
    pub line: usize,
    /// Its representation, when its `#[repr]` is valid.
    pub repr: Option<layout_engine::EnumRepr>,
    /// `#[cfg]` conditions on it or its modules.
    pub cfg: Vec<String>,
    /// Notes about how it was modelled.
    pub notes: Vec<String>,
    /// The layouts, or what blocks them.
    pub status: EnumStatus,
    /// Why `--fix` must not reorder its variants' fields although they would shrink it (with
    /// what allowed it anyway, if something did); empty when nothing would shrink it.
    pub refusals: Vec<Refusal>,
}

/// An enum's layouts, or why it has none.
#[derive(Debug)]
pub enum EnumStatus {
    /// `repr(C)`, `repr(Int)`, `repr(C, Int)`: laid out on every target.
    Laid {
        /// The model (of the first target that has one).
        def: &'static EnumDef<'static>,
        /// One entry per target, in target order.
        on: Vec<EnumOnTarget>,
        /// What differs between the targets.
        differences: Vec<Difference>,
        /// Variant field orders that make the enum smaller, if any do.
        shrink: Option<Shrink>,
        /// The largest variant's payload against the next largest, on the first target.
        large: Option<LargeVariant>,
    },
    /// `repr(Rust)` (with `--all`): rustc chooses the tag, niches and field order, so only the
    /// bytes of each variant's fields are given, on one target.
    Rustc {
        /// The model.
        def: &'static EnumDef<'static>,
        /// The target the bytes are for (the first one given).
        target: &'static Target,
        /// The bytes of each variant's fields (their sizes added), or why they are not known.
        field_bytes: Result<Vec<u64>, String>,
        /// The variant with the most bytes of fields against the next.
        large: Option<LargeVariant>,
    },
    /// Some field or discriminant has no model.
    Blocked(Blocked),
}

/// One enum's layout on one target.
#[derive(Debug)]
pub struct EnumOnTarget {
    /// The target.
    pub target: &'static Target,
    /// The layout, or why the engine has none on this target.
    pub result: Result<EnumLayout<'static>, String>,
}

/// New field orders for some variants, one for every target given, and what they give.
#[derive(Debug, Clone)]
pub struct Shrink {
    /// The definition the orders index into (every target with a layout has it).
    pub def: &'static EnumDef<'static>,
    /// `(variant index, new order of its declared field indices)`, only for variants that
    /// move.
    pub orders: Vec<(usize, Vec<usize>)>,
    /// The enum's size with the new orders, per target (in target order; `None` where it has
    /// no layout).
    pub sizes: Vec<Option<u64>>,
}

/// A variant much larger than the next: boxing its fields would shrink every value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LargeVariant {
    /// The largest variant's index.
    pub largest: usize,
    /// Its bytes.
    pub bytes: u64,
    /// The next largest variant with fields.
    pub next: usize,
    /// Its bytes.
    pub next_bytes: u64,
    /// Whether `bytes` is more than the ratio times `next_bytes`.
    pub flagged: bool,
}

impl EnumReport {
    /// The largest saving on any target, and that target.
    pub fn best_saving(&self) -> Option<(u64, &'static Target)> {
        let EnumStatus::Laid {
            on,
            shrink: Some(s),
            ..
        } = &self.status
        else {
            return None;
        };
        on.iter()
            .zip(&s.sizes)
            .filter_map(|(o, new)| Some((o.result.as_ref().ok()?.size() - (*new)?, o.target)))
            .fold(None, |best, (s, t)| match best {
                Some((b, _)) if b >= s => best,
                _ => Some((s, t)),
            })
    }

    /// Whether no target has a layout.
    pub fn has_no_layout(&self) -> bool {
        match &self.status {
            EnumStatus::Blocked(_) => true,
            EnumStatus::Laid { on, .. } => on.iter().all(|o| o.result.is_err()),
            EnumStatus::Rustc { field_bytes, .. } => field_bytes.is_err(),
        }
    }
}

/// Builds the report of every enum in `tree`, in file and line order, handing each to `emit`.
pub fn scan_each(
    tree: &Tree,
    sources: &Sources,
    targets: &[&'static Target],
    filter: &Filter,
    ratio: u64,
    mut emit: impl FnMut(EnumReport),
) -> Vec<Diag> {
    let (groups, group_of) = cfg_groups(tree, targets);
    let mut models: Vec<Models> = groups
        .iter()
        .map(|g| Models::with_names(tree, crate::names::Names::on(tree, g.facts)))
        .collect();
    let mut diags = Vec::new();
    let facts = Facts::new(tree, sources);
    let items = reported_items(
        tree,
        sources,
        filter,
        &groups,
        |item| item.as_enum().map(|e| e.markers()),
        &mut diags,
    );
    for Reported { id, path, compiled } in items {
        // Nothing parsed for the enum before is used any more.
        crate::parse::forget_spans();
        let item = &tree.items[id];
        let e = tree.enum_of(id).expect("an enum, parsed when loaded");
        let file = sources.get(item.file);
        let first = compiled[0];
        let per_group: Vec<Option<EnumModel>> = (0..groups.len())
            .map(|g| {
                compiled
                    .contains(&g)
                    .then(|| models[g].enum_model(id, None))
            })
            .collect();
        let model = per_group
            .iter()
            .flatten()
            .find(|m| m.is_ok())
            .cloned()
            .unwrap_or_else(|| per_group[first].clone().expect("compiled in `first`"));
        let repr = match &model {
            Ok(def) => Some(def.repr),
            Err(_) => crate::resolve::enum_repr(&e.attrs, None).ok(),
        };
        let defined = repr.is_none_or(|r| r.is_defined());
        if !defined && !filter.all {
            continue;
        }
        let mut notes = models[first].extras(id).notes;
        if let Some(mac) = item.in_macro() {
            notes.push(format!("inside macro `{mac}!`: read as written"));
        }
        for word in &e.markers.unknown {
            notes.push(format!(
                "unknown marker `cargo-layout: {word}` (expected ignore, check or allow-reorder)"
            ));
        }
        if let Some(words) = &e.markers.allow_reorder
            && let Err(bad) = crate::refusal::Reason::parse_list(words.iter().map(String::as_str))
        {
            notes.push(format!(
                "unknown reason `{}` in `cargo-layout: allow-reorder` (expected cfg, ord, hash, \
                 bytes, serde, ffi or all)",
                bad.join("`, `")
            ));
        }
        if e.variants
            .iter()
            .any(|v| v.attrs.iter().any(|a| a.path().is_ident("cfg")))
        {
            notes.push(
                "some variants are under #[cfg]: each target's layout has the variants its \
                 #[cfg]s compile (a predicate that is not a fact about the target is taken as \
                 holding)"
                    .into(),
            );
        }
        if e.variants.iter().any(|v| {
            v.fields
                .iter()
                .any(|f| f.attrs.iter().any(|a| a.path().is_ident("cfg")))
        }) {
            notes.push(
                "some variant fields are under #[cfg]: each target's layout has the fields its \
                 #[cfg]s compile"
                    .into(),
            );
        }
        let status = match model {
            Err(blocked) => EnumStatus::Blocked(blocked),
            Ok(def) if !def.repr.is_defined() => {
                let target = targets[0];
                let field_bytes = field_bytes(def, target);
                let large = field_bytes
                    .as_ref()
                    .ok()
                    .and_then(|b| large_variant(b, ratio));
                EnumStatus::Rustc {
                    def,
                    target,
                    field_bytes,
                    large,
                }
            }
            Ok(def) => {
                let on: Vec<EnumOnTarget> = targets
                    .iter()
                    .enumerate()
                    .map(|(t, &target)| EnumOnTarget {
                        target,
                        result: match &per_group[group_of[t]] {
                            None => Err(format!(
                                "not compiled for this target (#[{}])",
                                item.cfg().join(", ")
                            )),
                            Some(Err(blocked)) => {
                                Err(format!("no model on this target: {blocked}"))
                            }
                            Some(Ok(d)) => d.layout_on(target).map_err(|e| e.to_string()),
                        },
                    })
                    .collect();
                let differences = differences(&on);
                let pins = pinned_fields(&e, &file.text);
                let shrink = shrink(&on, &pins);
                let large = on
                    .iter()
                    .find_map(|o| o.result.as_ref().ok())
                    .and_then(|l| {
                        let payloads: Vec<u64> =
                            (0..l.variants.len()).map(|v| l.payload_size(v)).collect();
                        large_variant(&payloads, ratio)
                    });
                EnumStatus::Laid {
                    def,
                    on,
                    differences,
                    shrink,
                    large,
                }
            }
        };
        let refusals = match &status {
            EnumStatus::Laid {
                def,
                shrink: Some(_),
                ..
            } => {
                crate::refusal::enum_refusals(&facts, tree, sources, id, def, &filter.allow_reorder)
            }
            _ => Vec::new(),
        };
        let report = EnumReport {
            item: id,
            repr,
            refusals,
            name: item.name.clone(),
            path,
            file: file.display.clone(),
            line: item.line,
            cfg: item.cfg().to_vec(),
            notes,
            status,
        };
        if filter.min_saving > 0
            && matches!(report.status, EnumStatus::Laid { .. })
            && report
                .best_saving()
                .is_none_or(|(s, _)| s < filter.min_saving)
        {
            continue;
        }
        emit(report);
    }
    diags
}

/// The fields of each named-field variant that keep their places: marked `pin` (comment or
/// attribute marker, as on a struct's field) or `#[layout(pinned)]`; by variant name.
fn pinned_fields(e: &crate::tree::EnumItem, text: &str) -> Vec<(String, Vec<usize>)> {
    let mut out = Vec::new();
    for (v, at) in e.variants.iter().zip(&e.bodies) {
        let (syn::Fields::Named(named), Some(at)) = (&v.fields, at) else {
            continue;
        };
        let body = crate::segment::cut(text, at.start, at.end, &at.fields);
        let pinned: Vec<usize> = named
            .named
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                crate::markers::scan(&body.marker_text(text, *i), &f.attrs).pin
                    || f.attrs
                        .iter()
                        .filter(|a| a.path().is_ident("layout"))
                        .any(|a| {
                            let mut pinned = false;
                            let _ = a.parse_nested_meta(|m| {
                                pinned |= m.path.is_ident("pinned");
                                Ok(())
                            });
                            pinned
                        })
            })
            .map(|(i, _)| i)
            .collect();
        if !pinned.is_empty() {
            out.push((syn::ext::IdentExt::unraw(&v.ident).to_string(), pinned));
        }
    }
    out
}

/// The bytes of each variant's fields on `target` (their sizes added: exact whatever order and
/// niches rustc chooses).
fn field_bytes(def: &EnumDef<'_>, target: &'static Target) -> Result<Vec<u64>, String> {
    def.variants
        .iter()
        .map(|v| {
            v.fields.iter().try_fold(0u64, |sum, f| {
                let l = layout_engine::type_layout(&f.ty, target)
                    .map_err(|e| format!("field `{}.{}`: {e}", v.name, f.name))?;
                sum.checked_add(l.size)
                    .ok_or_else(|| format!("variant `{}` is too large", v.name))
            })
        })
        .collect()
}

/// The largest of `bytes` (per variant) against the next largest that is not 0, flagged when it
/// is more than `ratio` times it.
fn large_variant(bytes: &[u64], ratio: u64) -> Option<LargeVariant> {
    let mut order: Vec<usize> = (0..bytes.len()).filter(|&v| bytes[v] > 0).collect();
    // Stable: among equals the first declared comes first.
    order.sort_by_key(|&v| std::cmp::Reverse(bytes[v]));
    let (&largest, &next) = (order.first()?, order.get(1)?);
    Some(LargeVariant {
        largest,
        bytes: bytes[largest],
        next,
        next_bytes: bytes[next],
        flagged: u128::from(bytes[largest]) > u128::from(ratio) * u128::from(bytes[next]),
    })
}

/// Field names of variants, as `Variant.field`, leaked for [`Difference`].
fn qualified(variant: &str, field: &str) -> &'static str {
    Box::leak(format!("{variant}.{field}").into_boxed_str())
}

/// What differs between the targets that have a layout: the enum's size and alignment, the
/// tag's size, and each variant field's offset, size and alignment.
pub fn differences(on: &[EnumOnTarget]) -> Vec<Difference> {
    let laid: Vec<(&'static str, &EnumLayout<'static>)> = on
        .iter()
        .filter_map(|o| o.result.as_ref().ok().map(|l| (o.target.triple, l)))
        .collect();
    if laid.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut check = |field: Option<&'static str>,
                     property: &'static str,
                     value: &dyn Fn(&EnumLayout<'static>) -> Option<u64>| {
        let mut values: Vec<(u64, Vec<&'static str>)> = Vec::new();
        for (triple, l) in &laid {
            let Some(v) = value(l) else { continue };
            match values.iter_mut().find(|(x, _)| *x == v) {
                Some((_, ts)) => ts.push(triple),
                None => values.push((v, vec![triple])),
            }
        }
        if values.len() > 1 {
            out.push(Difference {
                field,
                property,
                values,
            });
        }
    };
    check(None, "size", &|l| Some(l.size()));
    check(None, "align", &|l| Some(l.align()));
    check(Some("(tag)"), "size", &|l| Some(l.tag.size));
    // The variants of the first layout; under `#[cfg]`s another target may lack some.
    let def = laid[0].1.def;
    for v in def.variants {
        for f in v.fields {
            let at = |l: &EnumLayout<'static>| -> Option<layout_engine::FieldLayout> {
                let vi = l.def.variants.iter().position(|x| x.name == v.name)?;
                let fi = l.def.variants[vi]
                    .fields
                    .iter()
                    .position(|x| x.name == f.name)?;
                Some(l.variant_fields(vi)[fi])
            };
            let name = qualified(v.name, f.name);
            check(Some(name), "offset", &|l| at(l).map(|p| p.offset));
            check(Some(name), "size", &|l| at(l).map(|p| p.size));
            check(Some(name), "align", &|l| at(l).map(|p| p.align));
        }
    }
    out
}

/// The size on each target of `on` (`None` where it has no layout) of `def` with variant `v`'s
/// fields in `order` (declared indices), for every `(v, order)`. Nothing is kept: the candidate
/// lives only for this call.
fn sizes_with(
    def: &EnumDef<'static>,
    orders: &[(usize, Vec<usize>)],
    on: &[EnumOnTarget],
) -> Vec<Option<u64>> {
    let fields: Vec<Vec<Field<'static>>> = def
        .variants
        .iter()
        .enumerate()
        .map(|(v, var)| match orders.iter().find(|(x, _)| *x == v) {
            Some((_, order)) => order.iter().map(|&i| var.fields[i]).collect(),
            None => var.fields.to_vec(),
        })
        .collect();
    let variants: Vec<Variant<'_>> = def
        .variants
        .iter()
        .zip(&fields)
        .map(|(var, fields)| Variant {
            fields: fields.as_slice(),
            ..*var
        })
        .collect();
    let candidate = EnumDef {
        variants: &variants,
        ..*def
    };
    on.iter()
        .map(|o| {
            o.result
                .as_ref()
                .ok()
                .and_then(|l| candidate.layout_on(l.target).ok())
                .map(|l| l.size())
        })
        .collect()
}

/// Field orders, one per variant with named fields and the same on every target, that make the
/// enum smaller on some target and bigger on none; only the variants whose order matters move
/// (tuple variants never: moving positional fields changes what `V(a, b)` means).
///
/// Each variant is searched as the engine's `repr(C)` struct that RFC 2195 makes of it: the
/// tag (pinned first) and its fields for `repr(Int)`; its fields alone for `repr(C)` and
/// `repr(C, Int)`, whose payload union starts at one offset for every variant. The candidate
/// is then laid out as a whole enum by the engine on every target: that, not the search, says
/// whether it is smaller.
pub fn shrink(on: &[EnumOnTarget], pins: &[(String, Vec<usize>)]) -> Option<Shrink> {
    let laid: Vec<&EnumLayout<'static>> =
        on.iter().filter_map(|o| o.result.as_ref().ok()).collect();
    let first = laid.first()?;
    // One definition on every target (variants under `#[cfg]`s may differ): else no order.
    if laid.iter().any(|l| l.def != first.def) {
        return None;
    }
    let def = first.def;
    let mut orders: Vec<(usize, Vec<usize>)> = Vec::new();
    for (v, var) in def.variants.iter().enumerate() {
        // Positional fields keep their places: moving them changes what `V(a, b)` means.
        if var.fields.len() < 2 || var.fields[0].name.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let with_tag = !def.repr.c;
        let mut fields: Vec<Field<'static>> = Vec::new();
        if with_tag {
            let int = def.repr.int.expect("repr(Int) has an integer");
            fields.push(Field::new("(tag)", int.name(), Ty::Prim(int)));
        }
        fields.extend(var.fields.iter().copied());
        let sdef = StructDef::repr_c(var.name, &fields);
        let Ok(layouts) = laid
            .iter()
            .map(|l| sdef.layout_on(l.target))
            .collect::<Result<Vec<StructLayout<'_>>, _>>()
        else {
            continue;
        };
        // The fields marked `pin` keep their places (after the tag, which is pinned first).
        let marked = pins
            .iter()
            .find(|(name, _)| name == var.name)
            .map_or(&[][..], |(_, p)| p.as_slice());
        let pinned: Vec<usize> = with_tag
            .then_some(0)
            .into_iter()
            .chain(marked.iter().map(|&i| i + usize::from(with_tag)))
            .collect();
        let Ok(joint) = StructLayout::suggest_joint(&layouts, Constraints::NONE.pinned(&pinned))
        else {
            continue;
        };
        if joint.moves() == 0 {
            continue;
        }
        let order: Vec<usize> = if with_tag {
            joint.order[1..].iter().map(|i| i - 1).collect()
        } else {
            joint.order
        };
        orders.push((v, order));
    }
    if orders.is_empty() {
        return None;
    }
    let sizes = |orders: &[(usize, Vec<usize>)]| sizes_with(&def, orders, on);
    let before: Vec<Option<u64>> = on
        .iter()
        .map(|o| o.result.as_ref().ok().map(EnumLayout::size))
        .collect();
    let smaller = |after: &[Option<u64>]| {
        after.iter().zip(&before).all(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => a <= b,
            (None, None) => true,
            _ => false,
        }) && after
            .iter()
            .zip(&before)
            .any(|(a, b)| matches!((a, b), (Some(a), Some(b)) if a < b))
    };
    let best = sizes(&orders);
    if !smaller(&best) {
        return None;
    }
    // Leave in place every variant whose new order changes nothing: one whose declared order
    // already fits in the smaller enum on every target (its struct ends no later, rounded up
    // to the enum's alignment, which no order changes). The variants' ends are independent of
    // each other, so all of those can be left at once; the engine confirms it, else every
    // order found is kept (it is smaller anyway).
    let fits = |v: usize| {
        on.iter().zip(&best).all(|(o, new)| match (&o.result, new) {
            (Ok(l), Some(new)) => {
                layout_engine::round_up(l.variants[v].end, l.align()).is_some_and(|e| e <= *new)
            }
            _ => true,
        })
    };
    let needed: Vec<(usize, Vec<usize>)> =
        orders.iter().filter(|(v, _)| !fits(*v)).cloned().collect();
    if !needed.is_empty() && sizes(&needed) == best {
        orders = needed;
    }
    Some(Shrink {
        def: Box::leak(Box::new(def)),
        orders,
        sizes: best,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout_engine::{EnumRepr, Prim};

    static MOVE: [Field<'static>; 3] = [
        Field::new("a", "u8", Ty::Prim(Prim::U8)),
        Field::new("b", "u32", Ty::Prim(Prim::U32)),
        Field::new("c", "u8", Ty::Prim(Prim::U8)),
    ];
    static VARIANTS: [Variant<'static>; 2] = [Variant::unit("Quit"), Variant::new("Move", &MOVE)];

    #[test]
    fn a_repr_u8_variant_reordered_shrinks_the_enum() {
        static E: EnumDef<'static> = EnumDef::new("E", EnumRepr::int(Prim::U8), &VARIANTS);
        let t = Target::find("64").unwrap();
        let on = vec![EnumOnTarget {
            target: t,
            result: E.layout_on(t).map_err(|e| e.to_string()),
        }];
        // tag 0, a 1, b 4..8, c 8: 12 bytes; tag, a, c, b: 8 bytes.
        assert_eq!(on[0].result.as_ref().unwrap().size(), 12);
        let s = shrink(&on, &[]).unwrap();
        // With `c` pinned, only `a` and `b` may move: tag, a, b, c is the best (12).
        assert!(shrink(&on, &[("Move".into(), vec![2])]).is_none());
        assert_eq!(s.orders, [(1, vec![0, 2, 1])]);
        assert_eq!(s.sizes, [Some(8)]);
    }

    #[test]
    fn a_variant_whose_order_does_not_matter_stays() {
        static BIG: [Field<'static>; 3] = [
            Field::new("a", "u8", Ty::Prim(Prim::U8)),
            Field::new("b", "u64", Ty::Prim(Prim::U64)),
            Field::new("c", "u8", Ty::Prim(Prim::U8)),
        ];
        static MID: [Field<'static>; 3] = [
            Field::new("p", "u8", Ty::Prim(Prim::U8)),
            Field::new("q", "u32", Ty::Prim(Prim::U32)),
            Field::new("r", "u8", Ty::Prim(Prim::U8)),
        ];
        static TWO: [Variant<'static>; 2] = [Variant::new("Mid", &MID), Variant::new("Big", &BIG)];
        static E: EnumDef<'static> = EnumDef::new("E", EnumRepr::int(Prim::U8), &TWO);
        let t = Target::find("64").unwrap();
        let on = vec![EnumOnTarget {
            target: t,
            result: E.layout_on(t).map_err(|e| e.to_string()),
        }];
        // Big: 24 -> 16 bytes; Mid's 12 bytes fit either way, so Mid stays.
        let s = shrink(&on, &[]).unwrap();
        assert_eq!(s.orders, [(1, vec![0, 2, 1])]);
        assert_eq!(s.sizes, [Some(16)]);
    }

    #[test]
    fn the_large_variant_is_measured_against_the_next_with_fields() {
        let l = large_variant(&[0, 100, 20, 10], 4).unwrap();
        assert_eq!((l.largest, l.next, l.flagged), (1, 2, true));
        assert!(!large_variant(&[0, 80, 20], 4).unwrap().flagged);
        assert!(large_variant(&[0, 80], 4).is_none());
    }
}

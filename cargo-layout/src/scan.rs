//! One run's findings: which structs are reported (markers, `--all`, `--name`,
//! `--min-saving`), each with its model's layouts on every target or the fields that block it.

use layout_engine::{Repr, ReprBase, Shape, StructDef, Target};

use crate::analyze::{self, Difference, OnTarget, OrderRules};
use crate::refusal::{Facts, Reason, Refusal};
use crate::resolve::{Blocked, Models};
use crate::segment;
use crate::source::Diag;
use crate::source::Sources;
use crate::tree::{ItemId, Tree};

/// What to report.
#[derive(Debug, Clone)]
pub struct Filter {
    /// `--all`: `repr(Rust)` and `repr(transparent)` structs too.
    pub all: bool,
    /// `--only-marked`.
    pub only_marked: bool,
    /// `--name` patterns (empty: every name).
    pub names: Vec<String>,
    /// `--min-saving`.
    pub min_saving: u64,
    /// `--allow-reorder`.
    pub allow_reorder: Vec<Reason>,
}

/// One reported struct or union.
#[derive(Debug)]
pub struct StructReport {
    /// The item.
    pub item: ItemId,
    /// Its name.
    pub name: String,
    /// Its path: `crate::net::Header`.
    pub path: String,
    /// File as displayed.
    pub file: String,
    /// 1-based line of its name.
    pub line: usize,
    /// Struct or union.
    pub shape: Shape,
    /// Its representation, when it is valid.
    pub repr: Option<Repr>,
    /// Whether fields are positional (a tuple struct).
    pub tuple: bool,
    /// `#[cfg]` conditions on it or its modules.
    pub cfg: Vec<String>,
    /// Notes about how it was modelled.
    pub notes: Vec<String>,
    /// Constraints on the order: pinned and hot fields.
    pub rules: OrderRules,
    /// Fields marked `#[layout(separate_line)]`, which `--fix` does not model.
    pub separate_line: Vec<usize>,
    /// The layouts, or what blocks them.
    pub status: Status,
    /// Why `--fix` must not reorder it although it can shrink (with what allowed it anyway,
    /// if something did); empty when it cannot shrink or nothing in it depends on the order.
    pub refusals: Vec<Refusal>,
}

/// A struct's layouts, or why it has none.
#[derive(Debug)]
pub enum Status {
    /// Laid out on the targets.
    Laid {
        /// The model.
        def: &'static StructDef<'static>,
        /// One entry per target, in target order.
        on: Vec<OnTarget>,
        /// What differs between targets.
        differences: Vec<Difference>,
        /// `repr(Rust)` (with `--all`): the order is rustc's, so offsets are not given; `on` is
        /// the same fields as `repr(C)`, for their sizes, alignments and the minimum size.
        rustc_choice: bool,
    },
    /// Some field has no model.
    Blocked(Blocked),
}

impl StructReport {
    /// The largest saving of the suggested order on any target, and that target.
    pub fn best_saving(&self) -> Option<(u64, &'static Target)> {
        match &self.status {
            Status::Laid {
                on,
                rustc_choice: false,
                ..
            } => on
                .iter()
                .filter_map(|o| o.result.as_ref().ok().map(|l| (l.saving(), o.target)))
                // The first target among equals: the order of `--target` decides.
                .fold(
                    None,
                    |best: Option<(u64, &'static Target)>, (s, t)| match best {
                        Some((b, _)) if b >= s => best,
                        _ => Some((s, t)),
                    },
                ),
            _ => None,
        }
    }

    /// Whether no target has a layout (a field without a model, or an error on every target).
    pub fn has_no_layout(&self) -> bool {
        match &self.status {
            Status::Blocked(_) => true,
            Status::Laid { on, .. } => on.iter().all(|o| o.result.is_err()),
        }
    }
}

/// Builds the reports of every struct and union in `tree`, in file and line order.
pub fn scan(
    tree: &Tree,
    sources: &Sources,
    targets: &[&'static Target],
    filter: &Filter,
) -> (Vec<StructReport>, Vec<Diag>) {
    let mut out = Vec::new();
    let diags = scan_each(tree, sources, targets, filter, |r| out.push(r));
    (out, diags)
}

/// [`scan`], handing each report to `emit` as soon as it is built, in the same order, instead
/// of keeping them all: a report holds a layout per target, and `-t all` on thousands of
/// structs would not fit in memory.
pub fn scan_each(
    tree: &Tree,
    sources: &Sources,
    targets: &[&'static Target],
    filter: &Filter,
    mut emit: impl FnMut(StructReport),
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
        |item| item.as_struct().map(|s| s.markers()),
        &mut diags,
    );
    for Reported { id, path, compiled } in items {
        // Nothing parsed for the struct before is used any more.
        crate::parse::forget_spans();
        let item = &tree.items[id];
        let s = tree.struct_of(id).expect("a struct, parsed when loaded");
        let file = sources.get(item.file);
        let first = compiled[0];
        let per_group: Vec<Option<crate::resolve::Model>> = (0..groups.len())
            .map(|g| compiled.contains(&g).then(|| models[g].model(id)))
            .collect();
        let model = per_group
            .iter()
            .flatten()
            .find(|m| m.is_ok())
            .cloned()
            .unwrap_or_else(|| per_group[first].clone().expect("compiled in `first`"));
        let mut notes = models[first].extras(id).notes;
        for pred in item.cfg_meta() {
            if groups
                .iter()
                .any(|g| g.facts.is_some_and(|f| crate::cfg::eval(pred, f).is_none()))
            {
                notes.push(format!(
                    "under #[cfg({})], which the tool cannot evaluate (not a fact about the \
                     target): taken as holding",
                    crate::cfg::text(pred)
                ));
            }
        }
        for word in &s.markers.unknown {
            notes.push(format!(
                "unknown marker `cargo-layout: {word}` (expected ignore, check, pin or \
                 allow-reorder)"
            ));
        }
        if let Some(words) = &s.markers.allow_reorder
            && let Err(bad) = Reason::parse_list(words.iter().map(String::as_str))
        {
            notes.push(format!(
                "unknown reason `{}` in `cargo-layout: allow-reorder` (expected cfg, ord, hash, \
                 bytes, serde, ffi or all)",
                bad.join("`, `")
            ));
        }
        if let Some(mac) = item.in_macro() {
            let has_repr = s.attrs.iter().any(|a| a.path().is_ident("repr"));
            notes.push(if has_repr {
                format!("inside macro `{mac}!`: read as written")
            } else {
                format!(
                    "inside macro `{mac}!`: read as written, without a #[repr]: repr(Rust) \
                     (a #[repr] the macro may add is not guessed)"
                )
            });
        }
        let repr = match &model {
            Ok(def) => Some(def.repr),
            Err(_) => crate::resolve::repr_of(&s.attrs),
        };
        // An invalid `#[repr]` is reported (blocked, with rustc's objection) whatever it says.
        let order_declared = repr.is_none_or(|r| r.base == ReprBase::C);
        if !order_declared && !filter.all {
            continue;
        }
        let (rules, separate_line) = order_rules(&s, &file.text, &mut notes);
        // Fields under a `#[cfg]` about the target are laid out per target; one the tool
        // cannot evaluate (a feature) is taken as present, and said.
        let undecided: Vec<String> = s
            .fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let preds: Vec<syn::Meta> =
                    f.attrs.iter().filter_map(crate::cfg::predicate).collect();
                let unknown = !preds.is_empty()
                    && groups.iter().any(|g| {
                        g.facts
                            .is_none_or(|facts| crate::cfg::all(&preds, facts).is_none())
                    });
                unknown.then(|| {
                    let name = f.ident.as_ref().map_or_else(
                        || i.to_string(),
                        |id| syn::ext::IdentExt::unraw(id).to_string(),
                    );
                    let conds: Vec<String> = preds.iter().map(crate::cfg::text).collect();
                    format!("`{name}` (#[cfg({})])", conds.join("), #[cfg("))
                })
            })
            .collect();
        if !undecided.is_empty() {
            notes.push(format!(
                "fields under a #[cfg] the tool cannot evaluate (not a fact about the target) \
                 are taken as present: {}",
                undecided.join(", ")
            ));
        }
        let status = match model {
            Err(blocked) => Status::Blocked(blocked),
            Ok(def) => {
                let rustc_choice = def.repr.base == ReprBase::Rust;
                let laid = |def: &'static StructDef<'static>| -> &'static StructDef<'static> {
                    if rustc_choice {
                        // The same fields as repr(C): their sizes and alignments on each
                        // target, and the smallest size any order reaches. rustc picks the
                        // order itself.
                        Box::leak(Box::new(def.with_repr(Repr {
                            base: ReprBase::C,
                            ..def.repr
                        })))
                    } else {
                        def
                    }
                };
                // Each target from the definitions its `#[cfg]`s compile.
                let on: Vec<OnTarget> = targets
                    .iter()
                    .enumerate()
                    .map(|(t, &target)| match &per_group[group_of[t]] {
                        None => OnTarget {
                            target,
                            result: Err(format!(
                                "not compiled for this target (#[{}])",
                                item.cfg().join(", ")
                            )),
                        },
                        Some(Err(blocked)) => OnTarget {
                            target,
                            result: Err(format!("no model on this target: {blocked}")),
                        },
                        Some(Ok(d)) => analyze::on_targets(laid(d), &[target], &rules)
                            .pop()
                            .expect("one target"),
                    })
                    .collect();
                let differences = if rustc_choice {
                    Vec::new()
                } else {
                    analyze::differences(&on)
                };
                Status::Laid {
                    def,
                    on,
                    differences,
                    rustc_choice,
                }
            }
        };
        let refusals = match &status {
            Status::Laid {
                def,
                on,
                rustc_choice: false,
                ..
            } if on
                .iter()
                .any(|o| o.result.as_ref().is_ok_and(|l| l.saving() > 0))
                && matches!(s.fields, syn::Fields::Named(_))
                && !s.is_union =>
            {
                let order = crate::fix::choose_order(on, &rules).ok();
                crate::refusal::refusals(
                    &facts,
                    tree,
                    sources,
                    id,
                    def,
                    on,
                    order.as_deref(),
                    &filter.allow_reorder,
                )
            }
            _ => Vec::new(),
        };
        let report = StructReport {
            item: id,
            name: item.name.clone(),
            path,
            file: file.display.clone(),
            line: item.line,
            shape: if s.is_union {
                Shape::Union
            } else {
                Shape::Struct
            },
            repr,
            tuple: matches!(s.fields, syn::Fields::Unnamed(_)),
            cfg: item.cfg().to_vec(),
            notes,
            rules,
            separate_line,
            status,
            refusals,
        };
        if filter.min_saving > 0
            && matches!(report.status, Status::Laid { .. })
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

/// An item a run reports, and the configuration groups that compile it (never none).
pub(crate) struct Reported {
    pub id: ItemId,
    /// Its module path and name (`crate::net::Header`).
    pub path: String,
    pub compiled: Vec<usize>,
}

/// The items of one kind (those `markers` gives markers for) that the markers and `filter`
/// select, in file order, each once; one that no target reported compiles is a note in `diags`
/// instead. Shared by the struct and the enum reports. Each is made as it is asked for: a
/// crate's items are many, and the reports are written one at a time.
pub(crate) fn reported_items<'t, 'd, M>(
    tree: &'t Tree,
    sources: &'t Sources,
    filter: &'t Filter,
    groups: &'t [CfgGroup],
    markers: M,
    diags: &'d mut Vec<Diag>,
) -> impl Iterator<Item = Reported> + use<'t, 'd, M>
where
    M: Fn(&'t crate::tree::Item) -> Option<&'t crate::markers::Markers> + 't,
{
    let mut ids: Vec<ItemId> = (0..tree.items.len())
        .filter(|&i| markers(&tree.items[i]).is_some())
        .collect();
    ids.sort_by(|&a, &b| {
        let (a, b) = (&tree.items[a], &tree.items[b]);
        let file = |it: &crate::tree::Item| sources.get(it.file).display.as_str();
        file(a).cmp(file(b)).then(a.start.cmp(&b.start))
    });
    // The same file reached from two crates (a `#[path]` module, an example including a
    // module of the library) is reported once.
    ids.dedup_by_key(|&mut i| (tree.items[i].file, tree.items[i].start));
    ids.into_iter().filter_map(move |id| {
        let item = &tree.items[id];
        let m = markers(item).expect("filtered above");
        if m.ignore || (filter.only_marked && !m.check) {
            return None;
        }
        let path = format!("{}::{}", tree.modules[item.module].path, item.name);
        if !filter.names.is_empty()
            && !filter
                .names
                .iter()
                .any(|p| glob(p, &item.name) || glob(p, &path))
        {
            return None;
        }
        let compiled: Vec<usize> = (0..groups.len())
            .filter(|&g| crate::names::active(groups[g].facts, item.cfg_meta()))
            .collect();
        if compiled.is_empty() {
            diags.push(Diag::note(
                sources.get(item.file).display.clone(),
                item.line,
                format!(
                    "`{path}` is not compiled for any target reported (#[{}]): not reported",
                    item.cfg().join(", ")
                ),
            ));
            return None;
        }
        Some(Reported { id, path, compiled })
    })
}

/// Targets on which every `#[cfg]` predicate of the scanned code evaluates the same: one
/// name resolution and one model per group.
pub struct CfgGroup {
    /// The facts of the group's first target.
    pub facts: Option<&'static crate::cfg::Facts>,
}

/// The groups, and the group of each target.
pub(crate) fn cfg_groups(tree: &Tree, targets: &[&'static Target]) -> (Vec<CfgGroup>, Vec<usize>) {
    let mut preds: Vec<&syn::Meta> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // And what a model reads per target: the `#[cfg]`s of fields and variants, and the
    // `#[cfg_attr]`s that may add a `#[repr]`.
    let mut inner: Vec<syn::Meta> = Vec::new();
    for item in &tree.items {
        if let Some(d) = item.as_struct().or_else(|| item.as_enum()) {
            inner.extend(d.predicates.iter().cloned());
        }
    }
    let all = tree
        .items
        .iter()
        .flat_map(|i| i.cfg_meta().iter())
        .chain(
            tree.modules
                .iter()
                .flat_map(|m| m.uses.iter().flat_map(|u| u.cfg.iter())),
        )
        .chain(inner.iter());
    for p in all {
        if seen.insert(crate::cfg::text(p)) {
            preds.push(p);
        }
    }
    let mut groups: Vec<(Vec<Option<bool>>, CfgGroup)> = Vec::new();
    let mut group_of = Vec::new();
    for t in targets {
        let facts = crate::cfg::facts(t.triple);
        let key: Vec<Option<bool>> = match facts {
            Some(f) => preds.iter().map(|p| crate::cfg::eval(p, f)).collect(),
            None => vec![None; preds.len()],
        };
        let g = match groups.iter().position(|(k, _)| *k == key) {
            Some(g) => g,
            None => {
                groups.push((key, CfgGroup { facts }));
                groups.len() - 1
            }
        };
        group_of.push(g);
    }
    (groups.into_iter().map(|(_, g)| g).collect(), group_of)
}

/// The order constraints of a struct: fields marked `pin` (comment or attribute marker) or
/// `#[layout(pinned)]`, `#[layout(hot)]` fields and the struct's `#[layout(cache_line = N)]`
/// (the derive's own attributes, so `--fix` honours what the derive checks), and the fields
/// marked `#[layout(separate_line)]`.
fn order_rules(
    s: &crate::tree::StructItem,
    text: &str,
    notes: &mut Vec<String>,
) -> (OrderRules, Vec<usize>) {
    let mut rules = OrderRules {
        cache_line: 64,
        ..OrderRules::default()
    };
    for attr in s.attrs.iter().filter(|a| a.path().is_ident("layout")) {
        for (key, value) in layout_keys(attr) {
            if key == "cache_line"
                && let Some(n) = value
            {
                rules.cache_line = n;
            }
        }
    }
    let mut separate = Vec::new();
    let body = match (s.body_start, s.body_end) {
        (Some(start), Some(end)) => Some(segment::cut(text, start, end, &s.field_spans)),
        _ => None,
    };
    for (i, field) in s.fields.iter().enumerate() {
        let around = body
            .as_ref()
            .map(|b| b.marker_text(text, i))
            .unwrap_or_default();
        let m = crate::markers::scan(&around, &field.attrs);
        let mut pinned = m.pin;
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("layout")) {
            for (key, _) in layout_keys(attr) {
                match key.as_str() {
                    "pinned" => pinned = true,
                    "hot" => rules.hot.push(i),
                    "separate_line" => separate.push(i),
                    _ => {}
                }
            }
        }
        if pinned {
            rules.pinned.push(i);
        }
        for word in m.unknown {
            notes.push(format!(
                "unknown marker `cargo-layout: {word}` on field #{i} (expected pin)"
            ));
        }
    }
    (rules, separate)
}

/// The keys of a `#[layout(...)]` attribute, with their integer values where they have one.
fn layout_keys(attr: &syn::Attribute) -> Vec<(String, Option<u64>)> {
    let mut keys = Vec::new();
    let _ = attr.parse_nested_meta(|meta| {
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let mut value = None;
        if meta.input.peek(syn::Token![=]) {
            let expr: syn::Expr = meta.value()?.parse()?;
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(n),
                ..
            }) = expr
            {
                value = n.base10_parse().ok();
            }
        } else if meta.input.peek(syn::token::Paren) {
            let _ = meta.parse_nested_meta(|_| Ok(()));
        }
        keys.push((key, value));
        Ok(())
    });
    keys
}

/// Whether `text` matches `pattern`, where `*` is any run of characters and `?` any one.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Iterative wildcard matching with one backtrack point.
    let (mut i, mut j) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while j < t.len() {
        if i < p.len() && (p[i] == '?' || p[i] == t[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    while i < p.len() && p[i] == '*' {
        i += 1;
    }
    i == p.len()
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        assert!(glob("Packet", "Packet"));
        assert!(glob("*Header", "crate::net::TcpHeader"));
        assert!(glob("crate::net::*", "crate::net::TcpHeader"));
        assert!(glob("T?", "T1"));
        assert!(!glob("T?", "T12"));
        assert!(!glob("Packet", "Packets"));
        assert!(glob("*", ""));
    }
}

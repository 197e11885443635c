//! Field order is behaviour: why `--fix` must leave a struct alone although it can shrink.
//!
//! Each [`Reason`] is a way the declaration order means something beyond the layout:
//!
//! - `cfg`: fields under `#[cfg]` (the order is chosen with every field present; refused
//!   unless the new order is no bigger with every combination of them present or absent), or a
//!   field that nests a struct with `#[cfg]` fields (whose size then varies);
//! - `ord`: `#[derive(PartialOrd)]`/`Ord` compare fields in declaration order;
//! - `hash`: `#[derive(Hash)]` hashes them in that order (stored or shared hashes change);
//! - `bytes`: byte views (bytemuck, zerocopy; derived or implemented by hand): the bytes are the
//!   fields in order;
//! - `serde`: `#[derive(Serialize)]`/`Deserialize` write and read fields in declaration order,
//!   so the key order of JSON or TOML output changes and positional formats (bincode,
//!   postcard) can no longer read data written before;
//! - `ffi`: the struct crosses an FFI boundary: named (by value or behind a pointer, directly
//!   or through the structs and aliases that name it) in an `extern` block, the signature of a
//!   non-Rust-ABI `fn` or function-pointer type, or a `#[no_mangle]`/`#[export_name]` item; or
//!   it is in a `-sys` package, a package with `links =`, or a bindgen-generated file. C sees
//!   the declared order.
//!
//! A marker on the struct (`// cargo-layout: allow-reorder`, optionally with reasons:
//! `allow-reorder(ffi, cfg)`) or `--allow-reorder REASONS` overrides a refusal; the report
//! still lists it, with what allowed it.

use std::collections::{HashMap, HashSet, VecDeque};

use layout_engine::{EnumDef, StructDef, Ty};
use syn::visit::Visit;

use crate::analyze::OnTarget;
use crate::source::Sources;
use crate::tree::{ItemId, ItemKind, Tree, has_cfg};

/// A way the field order carries meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Fields under `#[cfg]`.
    Cfg,
    /// Derived `PartialOrd`/`Ord`.
    Ord,
    /// Derived `Hash`.
    Hash,
    /// Byte views.
    Bytes,
    /// serde.
    Serde,
    /// An FFI boundary.
    Ffi,
}

impl Reason {
    /// Every reason, in the order reports list them.
    pub const ALL: [Reason; 6] = [
        Reason::Cfg,
        Reason::Ord,
        Reason::Hash,
        Reason::Bytes,
        Reason::Serde,
        Reason::Ffi,
    ];

    /// The name used by the marker, the flag and the JSON.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Cfg => "cfg",
            Reason::Ord => "ord",
            Reason::Hash => "hash",
            Reason::Bytes => "bytes",
            Reason::Serde => "serde",
            Reason::Ffi => "ffi",
        }
    }

    /// The reason with this name.
    pub fn parse(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The reasons named in `list` (`all` is every one); the unknown names as the error.
    pub fn parse_list<'a>(
        list: impl IntoIterator<Item = &'a str>,
    ) -> Result<Vec<Reason>, Vec<String>> {
        let mut out = Vec::new();
        let mut unknown = Vec::new();
        for name in list {
            match name {
                "all" => out.extend(Reason::ALL),
                _ => match Reason::parse(name) {
                    Some(r) => out.push(r),
                    None => unknown.push(name.to_owned()),
                },
            }
        }
        out.sort();
        out.dedup();
        if unknown.is_empty() {
            Ok(out)
        } else {
            Err(unknown)
        }
    }
}

/// What overrode a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// `// cargo-layout: allow-reorder` on the struct.
    Marker,
    /// `--allow-reorder`.
    Flag,
}

/// One reason not to reorder a struct.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Which kind.
    pub reason: Reason,
    /// Why, in a sentence that follows "not reordered: ".
    pub message: String,
    /// `None`: `--fix` leaves the struct alone; else what allowed reordering anyway.
    pub allowed: Option<Allowed>,
}

/// The facts about the whole scan that decide refusals: which type names cross an FFI
/// boundary and why, which have hand-written byte-view impls, which structs have `#[cfg]`
/// fields.
#[derive(Debug, Default)]
pub struct Facts {
    /// Type name → why it crosses an FFI boundary.
    ffi: HashMap<String, String>,
    /// Type name → the byte-view trait implemented for it, and where.
    byte_impls: HashMap<String, String>,
    /// Names of structs with `#[cfg]` fields.
    cfg_structs: HashSet<String>,
}

/// bytemuck's and zerocopy's traits (derives or `unsafe impl`s): the struct is used as bytes.
const BYTE_TRAITS: &[(&str, &str)] = &[
    ("Pod", "bytemuck"),
    ("Zeroable", "bytemuck"),
    ("AnyBitPattern", "bytemuck"),
    ("NoUninit", "bytemuck"),
    ("CheckedBitPattern", "bytemuck"),
    ("FromBytes", "zerocopy"),
    ("IntoBytes", "zerocopy"),
    ("AsBytes", "zerocopy"),
    ("KnownLayout", "zerocopy"),
    ("Immutable", "zerocopy"),
    ("FromZeroes", "zerocopy"),
    ("FromZeros", "zerocopy"),
    ("TryFromBytes", "zerocopy"),
    ("Unaligned", "zerocopy"),
    ("ByteHash", "zerocopy"),
    ("ByteEq", "zerocopy"),
];

/// Whether a trait (its last path segment) is one of bytemuck's or zerocopy's byte views.
pub fn is_byte_trait(name: &str) -> bool {
    BYTE_TRAITS.iter().any(|(t, _)| *t == name)
}

/// The header bindgen writes at the top of every file it generates.
const BINDGEN_HEADER: &str = "automatically generated by rust-bindgen";

impl Facts {
    /// Gathers the facts of a scan.
    pub fn new(tree: &Tree, sources: &Sources) -> Facts {
        let mut facts = Facts::default();
        for u in &tree.order_uses {
            let place = format!("{}:{}", sources.get(u.file).display, u.line);
            match &u.kind {
                crate::tree::UseKind::Ffi(what) => {
                    facts
                        .ffi
                        .entry(u.name.clone())
                        .or_insert_with(|| format!("it is named in {what} ({place})"));
                }
                crate::tree::UseKind::Impl(tr) => {
                    facts
                        .byte_impls
                        .entry(u.name.clone())
                        .or_insert_with(|| format!("`{tr}` is implemented for it ({place})"));
                }
            }
        }
        for item in &tree.items {
            // An enum with `#[cfg]` variants or variant fields varies in size the same way.
            if let Some(d) = item.as_struct().or_else(|| item.as_enum())
                && d.cfg_inside
            {
                facts.cfg_structs.insert(item.name.clone());
            }
        }
        // Only what crosses is looked up by name.
        let mut by_name: HashMap<&str, Vec<ItemId>> = HashMap::new();
        if !facts.ffi.is_empty() {
            for (id, item) in tree.items.iter().enumerate() {
                by_name.entry(item.name.as_str()).or_default().push(id);
            }
        }
        // What a crossing struct nests or points to crosses too, and so does what an alias
        // that crosses names.
        let mut queue: VecDeque<String> = facts.ffi.keys().cloned().collect();
        while let Some(name) = queue.pop_front() {
            let why = facts.ffi[&name].clone();
            let mut named = Vec::new();
            for &id in by_name.get(name.as_str()).into_iter().flatten() {
                match &tree.items[id].kind {
                    ItemKind::Struct(_) => {
                        for f in tree.struct_of(id).iter().flat_map(|s| s.fields.iter()) {
                            type_names(&f.ty, &mut named);
                        }
                    }
                    ItemKind::Enum(_) => {
                        let e = tree.enum_of(id);
                        let variants = e.iter().flat_map(|e| e.variants.iter());
                        for f in variants.flat_map(|v| v.fields.iter()) {
                            type_names(&f.ty, &mut named);
                        }
                    }
                    ItemKind::Alias(_) => {
                        if let Some(a) = tree.alias_of(id) {
                            type_names(&a.ty, &mut named);
                        }
                    }
                    ItemKind::Const(_) => {}
                }
            }
            for n in named {
                if !facts.ffi.contains_key(&n) {
                    let root = why.strip_prefix("it is ").unwrap_or(&why);
                    let via = match why.strip_prefix("it is reached from ") {
                        Some(rest) => format!("it is reached from `{name}`, from {rest}"),
                        None => format!("it is reached from `{name}`, which is {root}"),
                    };
                    facts.ffi.insert(n.clone(), shorten(via));
                    queue.push_back(n);
                }
            }
        }
        facts
    }
}

/// A chain of "reached from" kept to its first and last links.
fn shorten(why: String) -> String {
    const FROM: &str = ", from ";
    let hops: Vec<&str> = why.split(FROM).collect();
    if hops.len() <= 3 {
        return why;
    }
    format!(
        "{}{FROM}{}{FROM}…{FROM}{}",
        hops[0],
        hops[1],
        hops[hops.len() - 1]
    )
}

/// Why a struct's order must not change, for the struct `id` whose layouts are `on` and whose
/// order `--fix` would write is `order` (`None`: it will not write one).
#[allow(clippy::too_many_arguments)]
pub fn refusals(
    facts: &Facts,
    tree: &Tree,
    sources: &Sources,
    id: ItemId,
    def: &StructDef<'static>,
    on: &[OnTarget],
    order: Option<&[usize]>,
    allowed_by_flag: &[Reason],
) -> Vec<Refusal> {
    let s = tree.struct_of(id).expect("a struct, parsed when loaded");
    let mut out: Vec<(Reason, String)> = Vec::new();

    // cfg
    if let Some(order) = order
        && let Some(why) = cfg_growth(def, &s, order, on)
    {
        out.push((Reason::Cfg, why));
    }
    if let Some((field, inner)) = def
        .fields
        .iter()
        .find_map(|f| nests_cfg(f.ty, &facts.cfg_structs).map(|inner| (f.name, inner)))
    {
        out.push((
            Reason::Cfg,
            format!(
                "field `{field}` nests `{inner}`, whose #[cfg] fields change its size from one \
                 configuration to another"
            ),
        ));
    }

    refusals_of_item(
        facts,
        tree,
        sources,
        id,
        (&s.attrs, &s.markers),
        out,
        allowed_by_flag,
    )
}

/// Why enum `id` must keep its variants' field orders (its model is `def`): `#[cfg]` variants or
/// variant fields, order-dependent derives and byte views, FFI, as for structs.
pub fn enum_refusals(
    facts: &Facts,
    tree: &Tree,
    sources: &Sources,
    id: ItemId,
    def: &EnumDef<'static>,
    allowed_by_flag: &[Reason],
) -> Vec<Refusal> {
    let e = tree.enum_of(id).expect("an enum, parsed when loaded");
    let mut out: Vec<(Reason, String)> = Vec::new();
    let cfg_variant = e
        .variants
        .iter()
        .find(|v| has_cfg(&v.attrs) || v.fields.iter().any(|f| has_cfg(&f.attrs)));
    if let Some(v) = cfg_variant {
        out.push((
            Reason::Cfg,
            format!(
                "variant `{}` is under #[cfg] or has #[cfg] fields: the orders are chosen in \
                 one configuration and may be bigger in another",
                v.ident
            ),
        ));
    }
    if let Some((field, inner)) = def
        .variants
        .iter()
        .flat_map(|v| v.fields)
        .find_map(|f| nests_cfg(f.ty, &facts.cfg_structs).map(|inner| (f.name, inner)))
    {
        out.push((
            Reason::Cfg,
            format!(
                "field `{field}` nests `{inner}`, whose #[cfg] fields change its size from one \
                 configuration to another"
            ),
        ));
    }
    refusals_of_item(
        facts,
        tree,
        sources,
        id,
        (&e.attrs, &e.markers),
        out,
        allowed_by_flag,
    )
}

/// The refusals every item shares (derives, byte views, FFI), added to `out`, each marked with
/// what allowed it anyway (the item's marker, the flag).
fn refusals_of_item(
    facts: &Facts,
    tree: &Tree,
    sources: &Sources,
    id: ItemId,
    (attrs, markers): (&[syn::Attribute], &crate::markers::Markers),
    mut out: Vec<(Reason, String)>,
    allowed_by_flag: &[Reason],
) -> Vec<Refusal> {
    let item = &tree.items[id];
    // derives and impls: one refusal per reason, naming its derives.
    let mut derived: Vec<(Reason, Vec<String>)> = Vec::new();
    for d in derives(attrs) {
        let reason = match d.as_str() {
            "PartialOrd" | "Ord" => Reason::Ord,
            "Hash" => Reason::Hash,
            "Serialize" | "Deserialize" => Reason::Serde,
            _ if is_byte_trait(&d) => Reason::Bytes,
            _ => continue,
        };
        match derived.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, names)) => names.push(d),
            None => derived.push((reason, vec![d])),
        }
    }
    for (reason, names) in derived {
        let what = match reason {
            Reason::Ord => "it compares the fields in declaration order".to_owned(),
            Reason::Hash => {
                "it hashes the fields in declaration order, so every hash value changes".to_owned()
            }
            Reason::Serde => "serde writes and reads the fields in declaration order (the key \
                              order of JSON output changes; positional formats such as bincode \
                              can no longer read data written before)"
                .to_owned(),
            _ => {
                let krate = BYTE_TRAITS
                    .iter()
                    .find(|(t, _)| *t == names[0])
                    .map_or("", |(_, k)| k);
                format!("a {krate} byte view, whose bytes are the fields in declaration order")
            }
        };
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        out.push((reason, format!("it derives {}: {what}", names.join(", "))));
    }
    if let Some(why) = facts.byte_impls.get(&item.name) {
        out.push((
            Reason::Bytes,
            format!("{why}: a byte view, whose bytes are the fields in declaration order"),
        ));
    }

    // ffi
    let krate = &tree.crates[tree.modules[item.module].krate];
    if let Some(why) = &krate.ffi {
        out.push((Reason::Ffi, format!("it crosses an FFI boundary: {why}")));
    }
    let text = &sources.get(item.file).text;
    if text[..text.len().min(1024)].contains(BINDGEN_HEADER) {
        out.push((
            Reason::Ffi,
            "it crosses an FFI boundary: its file is generated by bindgen from C headers".into(),
        ));
    }
    if let Some(why) = facts.ffi.get(&item.name) {
        out.push((Reason::Ffi, format!("it crosses an FFI boundary: {why}")));
    }

    let marker = markers.allow_reorder.as_ref().map(|words| {
        if words.is_empty() {
            Reason::ALL.to_vec()
        } else {
            Reason::parse_list(words.iter().map(String::as_str)).unwrap_or_else(|_| {
                // Unknown words are reported as notes by the scan; the known ones count.
                words
                    .iter()
                    .filter_map(|w| Reason::parse(w))
                    .collect::<Vec<_>>()
            })
        }
    });
    out.into_iter()
        .map(|(reason, message)| Refusal {
            reason,
            message,
            allowed: if marker.as_ref().is_some_and(|m| m.contains(&reason)) {
                Some(Allowed::Marker)
            } else if allowed_by_flag.contains(&reason) {
                Some(Allowed::Flag)
            } else {
                None
            },
        })
        .collect()
}

/// Most combinations of `#[cfg]` fields checked (2^12); beyond, the struct is refused.
const MAX_CFG_FIELDS: usize = 12;

/// Why `order` may make the struct bigger in some configuration: with some of its `#[cfg]`
/// fields absent, on some target. `None` when it is no bigger in any.
fn cfg_growth(
    def: &StructDef<'static>,
    s: &crate::tree::StructItem,
    order: &[usize],
    on: &[OnTarget],
) -> Option<String> {
    let cfgd: Vec<usize> = s
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| has_cfg(&f.attrs))
        .map(|(i, _)| i)
        .collect();
    if cfgd.is_empty() {
        return None;
    }
    if def.fields.len() != s.fields.len() {
        return Some(
            "some fields are under #[cfg], and the model's fields are not the source's".into(),
        );
    }
    if cfgd.len() > MAX_CFG_FIELDS {
        return Some(format!(
            "{} fields are under #[cfg], too many to check every combination ({} at most)",
            cfgd.len(),
            MAX_CFG_FIELDS
        ));
    }
    let declared: Vec<usize> = (0..def.fields.len()).collect();
    for mask in 0..(1u32 << cfgd.len()) {
        let present = |i: &usize| match cfgd.iter().position(|c| c == i) {
            Some(bit) => mask & (1 << bit) != 0,
            None => true,
        };
        let fields_in = |order: &[usize]| -> Vec<layout_engine::Field<'static>> {
            order
                .iter()
                .filter(|i| present(i))
                .map(|&i| def.fields[i])
                .collect()
        };
        let (old, new) = (fields_in(&declared), fields_in(order));
        let (old_def, new_def) = (
            StructDef {
                fields: &old,
                ..*def
            },
            StructDef {
                fields: &new,
                ..*def
            },
        );
        for o in on.iter().filter(|o| o.result.is_ok()) {
            let Ok(before) = old_def.layout_on(o.target) else {
                continue;
            };
            let after = new_def.layout_on(o.target).map(|l| l.size());
            if after.as_ref().map_or(true, |a| *a > before.size()) {
                let absent: Vec<String> = cfgd
                    .iter()
                    .filter(|i| !present(i))
                    .map(|&i| format!("`{}`", def.fields[i].name))
                    .collect();
                let without = if absent.is_empty() {
                    String::new()
                } else {
                    format!(" without {}", absent.join(", "))
                };
                let size =
                    after.map_or_else(|e| format!("no layout ({e})"), |a| format!("{a} bytes"));
                return Some(format!(
                    "some fields are under #[cfg], and{without} the new order is {size} instead \
                     of {} on {}",
                    before.size(),
                    o.target
                ));
            }
        }
    }
    None
}

/// The struct with `#[cfg]` fields that `ty` nests by value, if any.
fn nests_cfg(ty: Ty<'static>, cfg_structs: &HashSet<String>) -> Option<&'static str> {
    match ty {
        Ty::Struct(d) if cfg_structs.contains(d.name) => Some(d.name),
        Ty::Struct(d) => d.fields.iter().find_map(|f| nests_cfg(f.ty, cfg_structs)),
        Ty::Enum(d) if cfg_structs.contains(d.name) => Some(d.name),
        Ty::Enum(d) => d
            .variants
            .iter()
            .flat_map(|v| v.fields)
            .find_map(|f| nests_cfg(f.ty, cfg_structs)),
        Ty::Array(e, _) => nests_cfg(*e, cfg_structs),
        _ => None,
    }
}

/// The last path segment of every derive, including those inside `#[cfg_attr(..., derive(..))]`.
fn derives(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for attr in attrs {
        derives_in(&attr.meta, &mut out);
    }
    out.dedup();
    out
}

fn derives_in(meta: &syn::Meta, out: &mut Vec<String>) {
    let syn::Meta::List(list) = meta else {
        return;
    };
    if list.path.is_ident("derive") {
        if let Ok(paths) = list.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) {
            out.extend(
                paths
                    .iter()
                    .filter_map(|p| p.segments.last().map(|s| s.ident.to_string())),
            );
        }
    } else if list.path.is_ident("cfg_attr")
        && let Ok(metas) = list.parse_args_with(
            syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
        )
    {
        for m in metas.iter().skip(1) {
            derives_in(m, out);
        }
    }
}

/// Every identifier of a path in a type (`*const ffi::Foo<Bar>` gives `ffi`, `Foo`, `Bar`).
pub fn type_names(ty: &syn::Type, out: &mut Vec<String>) {
    struct Names<'o>(&'o mut Vec<String>);
    impl<'ast> Visit<'ast> for Names<'_> {
        fn visit_path_segment(&mut self, seg: &'ast syn::PathSegment) {
            self.0.push(seg.ident.to_string());
            syn::visit::visit_path_segment(self, seg);
        }
    }
    Names(out).visit_type(ty);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_through_cfg_attr_and_paths() {
        let attrs: Vec<syn::Attribute> = vec![
            syn::parse_quote!(#[derive(Clone, core::hash::Hash)]),
            syn::parse_quote!(#[cfg_attr(feature = "serde", derive(serde::Serialize), allow(x))]),
            syn::parse_quote!(#[repr(C)]),
        ];
        assert_eq!(derives(&attrs), ["Clone", "Hash", "Serialize"]);
    }

    #[test]
    fn reason_lists() {
        assert_eq!(
            Reason::parse_list(["ffi", "cfg", "ffi"]),
            Ok(vec![Reason::Cfg, Reason::Ffi])
        );
        assert_eq!(Reason::parse_list(["all"]).unwrap().len(), 6);
        assert_eq!(
            Reason::parse_list(["ffi", "nope"]),
            Err(vec!["nope".into()])
        );
    }

    #[test]
    fn long_chains_are_shortened() {
        let why =
            "it is reached from `A`, from `B`, from `C`, from `D`, which is named in X".to_owned();
        assert_eq!(
            shorten(why),
            "it is reached from `A`, from `B`, from …, from `D`, which is named in X"
        );
    }
}

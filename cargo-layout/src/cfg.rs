//! `#[cfg]` per target: the predicates about the target (`target_arch`, `target_os`,
//! `target_env`, `target_vendor`, `target_family`, `target_abi`, `unix`, `windows`,
//! `target_pointer_width`, `target_endian`, `target_has_atomic`, with `all`/`any`/`not`) are
//! evaluated from the facts rustc prints for each target (`rustc --print cfg --target T`,
//! kept in `target_cfg.txt`, which a test checks against rustc). Anything else (features,
//! `debug_assertions`, `test`, unknown names) is not known: an item under it is taken both
//! ways, and noted.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use quote::ToTokens;

/// The facts, one line per target: the triple, then `key="value"` and bare names.
pub const TABLE: &str = include_str!("target_cfg.txt");

/// The keys whose values the table holds; a predicate about another key is not known.
const KEYS: &[&str] = &[
    "target_arch",
    "target_os",
    "target_env",
    "target_vendor",
    "target_family",
    "target_abi",
    "target_pointer_width",
    "target_endian",
    "target_has_atomic",
];

/// What rustc says about one target.
#[derive(Debug, Default)]
pub struct Facts {
    set: HashSet<(String, Option<String>)>,
}

/// The facts of `triple`, if the table has it.
pub fn facts(triple: &str) -> Option<&'static Facts> {
    static ALL: OnceLock<HashMap<&'static str, Facts>> = OnceLock::new();
    ALL.get_or_init(|| {
        TABLE
            .lines()
            .filter_map(|line| {
                let mut words = line.split(' ');
                let triple = words.next()?;
                let mut facts = Facts::default();
                for w in words.filter(|w| !w.is_empty()) {
                    let fact = match w.split_once('=') {
                        Some((k, v)) => (k.to_owned(), Some(v.trim_matches('"').to_owned())),
                        None => (w.to_owned(), None),
                    };
                    facts.set.insert(fact);
                }
                Some((triple, facts))
            })
            .collect()
    })
    .get(triple)
}

/// Evaluates a `cfg` predicate: `Some` when it asks only about the target, `None` when it
/// asks something the tool cannot know (a feature, `debug_assertions`, an unknown name).
pub fn eval(meta: &syn::Meta, facts: &Facts) -> Option<bool> {
    match meta {
        syn::Meta::Path(p) => {
            let name = p.get_ident()?.to_string();
            match name.as_str() {
                "unix" | "windows" => Some(facts.set.contains(&(name, None))),
                _ => None,
            }
        }
        syn::Meta::NameValue(nv) => {
            let key = nv.path.get_ident()?.to_string();
            if !KEYS.contains(&key.as_str()) {
                return None;
            }
            let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(value),
                ..
            }) = &nv.value
            else {
                return None;
            };
            Some(facts.set.contains(&(key, Some(value.value()))))
        }
        syn::Meta::List(list) => {
            let op = list.path.get_ident()?.to_string();
            let args = list
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                )
                .ok()?;
            let values: Vec<Option<bool>> = args.iter().map(|m| eval(m, facts)).collect();
            match op.as_str() {
                "all" => {
                    if values.contains(&Some(false)) {
                        Some(false)
                    } else if values.iter().all(Option::is_some) {
                        Some(true)
                    } else {
                        None
                    }
                }
                "any" => {
                    if values.contains(&Some(true)) {
                        Some(true)
                    } else if values.iter().all(Option::is_some) {
                        Some(false)
                    } else {
                        None
                    }
                }
                "not" if values.len() == 1 => values[0].map(|v| !v),
                _ => None,
            }
        }
    }
}

/// The predicate of a `#[cfg(...)]` attribute, if it is one.
pub fn predicate(attr: &syn::Attribute) -> Option<syn::Meta> {
    attr.path()
        .is_ident("cfg")
        .then(|| attr.parse_args::<syn::Meta>().ok())
        .flatten()
}

/// The predicates of the `#[cfg(..)]` and `#[cfg_attr(pred, ..)]` attributes in `attrs`,
/// nested `cfg_attr`s included: all a model built from them may depend on.
pub fn predicates_in(attrs: &[syn::Attribute], out: &mut Vec<syn::Meta>) {
    for attr in attrs {
        if let Some(pred) = predicate(attr) {
            out.push(pred);
        } else if attr.path().is_ident("cfg_attr")
            && let Ok(args) = cfg_attr_args(&attr.meta)
        {
            let mut args = args.into_iter();
            if let Some(pred) = args.next() {
                out.push(pred);
            }
            for inner in args {
                let nested: syn::Attribute = syn::parse_quote!(#[#inner]);
                predicates_in(std::slice::from_ref(&nested), out);
            }
        }
    }
}

/// The attributes `attr` stands for on a target: itself, or what a `#[cfg_attr]` expands to
/// there (nested ones too). `Err` with the predicate (as written) the tool cannot evaluate (a feature, or no
/// facts about the target), or with `None` if the `cfg_attr` does not parse.
pub fn expand_attr(
    attr: &syn::Attribute,
    facts: Option<&Facts>,
) -> Result<Vec<syn::Meta>, Option<String>> {
    if !attr.path().is_ident("cfg_attr") {
        return Ok(vec![attr.meta.clone()]);
    }
    let mut args = cfg_attr_args(&attr.meta).map_err(|_| None)?.into_iter();
    let pred = args.next().ok_or(None)?;
    match facts.and_then(|f| eval(&pred, f)) {
        Some(false) => Ok(Vec::new()),
        Some(true) => {
            let mut out = Vec::new();
            for inner in args {
                let nested: syn::Attribute = syn::parse_quote!(#[#inner]);
                out.extend(expand_attr(&nested, facts)?);
            }
            Ok(out)
        }
        None => Err(Some(text(&pred))),
    }
}

/// Every attribute `attr` may stand for on some target: itself, or all that its `#[cfg_attr]`s
/// (nested ones too) may expand to, whatever their predicates. `None` if a `cfg_attr` does not
/// parse.
pub fn possible_attrs(attr: &syn::Attribute) -> Option<Vec<syn::Meta>> {
    if !attr.path().is_ident("cfg_attr") {
        return Some(vec![attr.meta.clone()]);
    }
    let mut out = Vec::new();
    for inner in cfg_attr_args(&attr.meta).ok()?.into_iter().skip(1) {
        let nested: syn::Attribute = syn::parse_quote!(#[#inner]);
        out.extend(possible_attrs(&nested)?);
    }
    Some(out)
}

/// Whether `attr` is, or a `#[cfg_attr]` may expand to, an attribute named `name` (a
/// `cfg_attr` that does not parse may: its tokens name it).
pub fn may_add(attr: &syn::Attribute, name: &str) -> bool {
    match possible_attrs(attr) {
        Some(metas) => metas.iter().any(|m| m.path().is_ident(name)),
        None => attr
            .meta
            .to_token_stream()
            .into_iter()
            .any(|t| crate::parse::text_without_locations(t.into()).contains(name)),
    }
}

/// The arguments of `cfg_attr(pred, attr, ..)`.
fn cfg_attr_args(
    meta: &syn::Meta,
) -> syn::Result<syn::punctuated::Punctuated<syn::Meta, syn::Token![,]>> {
    meta.require_list()?
        .parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
}

/// Whether all of `preds` may hold on a target: `Some(false)` if one is false there, `None`
/// if none is false but one is not known.
pub fn all(preds: &[syn::Meta], facts: &Facts) -> Option<bool> {
    let mut known = true;
    for p in preds {
        match eval(p, facts) {
            Some(false) => return Some(false),
            Some(true) => {}
            None => known = false,
        }
    }
    known.then_some(true)
}

/// A predicate as text, for notes and as a key (conventional spacing: a predicate is kept from
/// loading, when its spans' locations are no longer readable; see [`crate::parse`]).
pub fn text(meta: &syn::Meta) -> String {
    crate::parse::text_without_locations(meta.to_token_stream())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pred: &str, triple: &str) -> Option<bool> {
        let meta: syn::Meta = syn::parse_str(pred).unwrap();
        eval(&meta, facts(triple).unwrap())
    }

    #[test]
    fn target_predicates_are_evaluated_and_the_rest_is_unknown() {
        let linux = "x86_64-unknown-linux-gnu";
        assert_eq!(check("unix", linux), Some(true));
        assert_eq!(check("windows", linux), Some(false));
        assert_eq!(check("target_arch = \"x86_64\"", linux), Some(true));
        assert_eq!(check("target_has_atomic = \"128\"", linux), Some(false));
        assert_eq!(
            check("all(unix, target_pointer_width = \"64\")", linux),
            Some(true)
        );
        assert_eq!(
            check("any(windows, target_os = \"macos\")", linux),
            Some(false)
        );
        assert_eq!(check("not(target_endian = \"big\")", linux), Some(true));
        assert_eq!(check("feature = \"std\"", linux), None);
        assert_eq!(check("all(unix, feature = \"std\")", linux), None);
        assert_eq!(check("any(unix, feature = \"std\")", linux), Some(true));
        assert_eq!(check("all(windows, feature = \"std\")", linux), Some(false));
        assert_eq!(
            check("target_os = \"windows\"", "x86_64-pc-windows-msvc"),
            Some(true)
        );
        assert_eq!(
            check("target_pointer_width = \"16\"", "msp430-none-elf"),
            Some(true)
        );
    }
}

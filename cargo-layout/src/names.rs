//! Name resolution as rustc does it, within what was scanned, or an honest "not resolved".
//!
//! A name in a module means, in this order: an item declared there or an explicit `use` of
//! it (they shadow everything else); else what the module's glob imports bring, all at the
//! same rank: one item is that item, two different ones are ambiguous (rustc's E0659), and a
//! glob of another crate (`use std::time::*`) may bring any name; else, for the first segment
//! of a path, the enclosing function bodies, the crates of the package by name and the extern
//! prelude; else the standard prelude and the primitive types, which every item, import and
//! glob shadows (`type u8 = u64;`).
//!
//! Every look-up terminates and is memoised: the modules that globs reach are found by a
//! breadth-first walk with a visited set (so glob cycles such as `pub use a::*;` at the root
//! and `use super::*;` in `a` are walked once), explicit imports and glob targets are each
//! resolved once per module, and an import that depends on itself is reported as a cycle
//! instead of being retried. The time is roughly linear in the crate: each (module, name) is
//! resolved once, by one walk of the glob graph.
//!
//! Visibility is approximated: a private item or import of a module is seen by globs from
//! inside it (`use super::*;`), not from outside; any `pub(...)` counts as public.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::cfg::Facts;
use crate::tree::{ItemId, ItemKind, ModId, Tree, UseDecl};

/// A namespace: types (modules, structs, aliases, enums, traits) or values (constants).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ns {
    /// Types and modules.
    Type,
    /// Constants.
    Value,
}

/// What a name or path resolves to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Res {
    /// A struct, union, alias or constant of the scanned code.
    Item(ItemId),
    /// A module of the scanned code.
    Module(ModId),
    /// A name of the scanned code that has no model (an enum, a trait, ...): its kind.
    Other(&'static str),
    /// An item of another crate, by its absolute path as imported (`std::time::Duration`).
    External(Vec<String>),
}

/// The outcome of a look-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Exactly this.
    Found(Res),
    /// Brought only by glob imports of other crates (or of modules that were not resolved),
    /// each given as the glob's path: it may come from any of them, or from none.
    FromGlobs(Vec<Vec<String>>),
    /// Not declared, imported or glob-imported here.
    NotFound,
    /// Why it cannot be told (two items, an import cycle, ...).
    Unresolved(String),
}

/// Where a glob import points.
#[derive(Clone, Debug)]
struct Glob {
    target: GlobTarget,
    /// Whether the `use` is `pub`.
    public: bool,
}

#[derive(Clone, Debug)]
enum GlobTarget {
    Local(ModId),
    /// Another crate's module, or a path that could not be resolved: its path.
    Opaque(Vec<String>),
}

#[derive(Clone, Debug)]
enum State<T> {
    InProgress,
    Done(T),
}

/// Memoised name resolution over a [`Tree`].
pub struct Names<'t> {
    tree: &'t Tree,
    /// The target whose `#[cfg]`s decide which items and imports take part (all do without
    /// one; an item under a predicate the tool cannot evaluate always does).
    facts: Option<&'static Facts>,
    memo: HashMap<(ModId, String, Ns), State<Lookup>>,
    globs: HashMap<ModId, State<Vec<Glob>>>,
    /// The globs of a module whose globs are being resolved, resolved so far.
    partial_globs: HashMap<ModId, Vec<Glob>>,
    uses: HashMap<(ModId, usize, Ns), State<Lookup>>,
}

impl<'t> Names<'t> {
    /// Resolution over `tree` as compiled for the target of `facts`.
    pub fn on(tree: &'t Tree, facts: Option<&'static Facts>) -> Self {
        Names {
            tree,
            facts,
            memo: HashMap::new(),
            globs: HashMap::new(),
            partial_globs: HashMap::new(),
            uses: HashMap::new(),
        }
    }

    /// The target whose `#[cfg]`s are evaluated, if any.
    pub fn facts(&self) -> Option<&'static Facts> {
        self.facts
    }

    /// `name` in the namespace of module `m` (what `m::name` means).
    pub fn in_module(&mut self, m: ModId, name: &str, ns: Ns) -> Lookup {
        let key = (m, name.to_owned(), ns);
        match self.memo.get(&key) {
            Some(State::Done(l)) => return l.clone(),
            Some(State::InProgress) => {
                return Lookup::Unresolved(format!(
                    "`{name}` is imported through a cycle of imports"
                ));
            }
            None => {}
        }
        self.memo.insert(key.clone(), State::InProgress);
        let result = self.walk_globs(m, name, ns);
        self.memo.insert(key, State::Done(result.clone()));
        result
    }

    /// The breadth-first walk: `m`'s own binding of `name`, or the union of what its globs
    /// bring (each glob target's own binding, or in turn its globs').
    fn walk_globs(&mut self, m: ModId, name: &str, ns: Ns) -> Lookup {
        if let Some(own) = self.explicit(m, name, ns, None) {
            return own;
        }
        let mut found: Vec<Res> = Vec::new();
        let mut opaque: Vec<Vec<String>> = Vec::new();
        let mut problems: Vec<String> = Vec::new();
        let mut visited: HashSet<ModId> = HashSet::from([m]);
        // (module reached, the module whose glob reached it)
        let mut queue: VecDeque<(ModId, ModId)> = VecDeque::new();
        self.push_globs(m, m, &mut visited, &mut queue, &mut opaque);
        while let Some((g, importer)) = queue.pop_front() {
            match self.explicit(g, name, ns, Some(importer)) {
                Some(Lookup::Found(r)) => {
                    if !found.contains(&r) {
                        found.push(r);
                    }
                }
                Some(Lookup::Unresolved(why)) => problems.push(why),
                Some(Lookup::FromGlobs(p)) => opaque.extend(p),
                Some(Lookup::NotFound) | None => {
                    self.push_globs(g, m, &mut visited, &mut queue, &mut opaque);
                }
            }
        }
        match found.len() {
            1 => Lookup::Found(found.remove(0)),
            0 if !problems.is_empty() => Lookup::Unresolved(problems.remove(0)),
            0 if !opaque.is_empty() => {
                opaque.sort();
                opaque.dedup();
                Lookup::FromGlobs(opaque)
            }
            0 => Lookup::NotFound,
            n => Lookup::Unresolved(format!(
                "`{name}` is brought into scope by {n} glob imports, each naming a different \
                 item (ambiguous, rustc E0659)"
            )),
        }
    }

    /// Queues the modules `g`'s globs reach, as seen from `from` (a private glob of `g` is
    /// seen only from inside `g`).
    fn push_globs(
        &mut self,
        g: ModId,
        from: ModId,
        visited: &mut HashSet<ModId>,
        queue: &mut VecDeque<(ModId, ModId)>,
        opaque: &mut Vec<Vec<String>>,
    ) {
        for glob in self.globs_of(g) {
            if !glob.public && !self.inside(from, g) {
                continue;
            }
            match glob.target {
                GlobTarget::Local(h) => {
                    if visited.insert(h) {
                        queue.push_back((h, g));
                    }
                }
                GlobTarget::Opaque(p) => opaque.push(p),
            }
        }
    }

    /// Whether something under these `#[cfg]` predicates takes part.
    fn active(&self, cfg: &[syn::Meta]) -> bool {
        active(self.facts, cfg)
    }

    /// Whether module `inner` is `outer` or inside it (function bodies included).
    fn inside(&self, mut inner: ModId, outer: ModId) -> bool {
        loop {
            if inner == outer {
                return true;
            }
            match self.tree.modules[inner].parent {
                Some(p) => inner = p,
                None => return false,
            }
        }
    }

    /// What module `m` itself declares or explicitly imports as `name`; `importer` is the
    /// module whose glob looks (only public names are seen from outside `m`).
    fn explicit(
        &mut self,
        m: ModId,
        name: &str,
        ns: Ns,
        importer: Option<ModId>,
    ) -> Option<Lookup> {
        let tree = self.tree;
        let module = &tree.modules[m];
        let sees_private = importer.is_none_or(|i| self.inside(i, m));
        let visible = |public: bool| public || sees_private;
        if ns == Ns::Type {
            // `mod imp;` may be declared once per `cfg_if!` branch: the one compiled here.
            let children: Vec<ModId> = module
                .children
                .iter()
                .filter(|(n, c)| {
                    n == name
                        && visible(tree.modules[*c].public)
                        && self.active(&tree.modules[*c].cfg_meta)
                })
                .map(|(_, c)| *c)
                .collect();
            match children.as_slice() {
                [] => {}
                [child] => return Some(Lookup::Found(Res::Module(*child))),
                _ => {
                    return Some(Lookup::Unresolved(format!(
                        "the module `{name}` is declared {} times in `{}` (under different \
                         #[cfg]s?): which one applies is not known",
                        children.len(),
                        module.path
                    )));
                }
            }
        }
        let items: Vec<ItemId> = module
            .items
            .iter()
            .copied()
            .filter(|&i| {
                let item = &tree.items[i];
                item.name == name
                    && visible(item.public)
                    && (match item.kind {
                        ItemKind::Const(_) => ns == Ns::Value,
                        _ => ns == Ns::Type,
                    })
                    && self.active(item.cfg_meta())
            })
            .collect();
        match items.len() {
            0 => {}
            1 => return Some(Lookup::Found(Res::Item(items[0]))),
            n => {
                return Some(Lookup::Unresolved(format!(
                    "`{name}` is defined {n} times in `{}` (under different #[cfg]s?): which \
                     one applies is not known",
                    module.path
                )));
            }
        }
        if ns == Ns::Type
            && let Some(other) = module
                .others
                .iter()
                // Enums are items too (under their `#[cfg]`s, found above).
                .find(|o| o.name == name && o.kind != "enum" && visible(o.public))
        {
            return Some(Lookup::Found(Res::Other(other.kind)));
        }
        let uses: Vec<usize> = module
            .uses
            .iter()
            .enumerate()
            .filter(|(_, u)| {
                u.name.as_deref() == Some(name) && visible(u.public) && self.active(&u.cfg)
            })
            .map(|(i, _)| i)
            .collect();
        for i in uses {
            match self.use_target(m, i, ns) {
                Lookup::NotFound => {}
                // `use a::x;` brings `x` in every namespace it has: a miss in this one is no
                // binding here. A failure is reported.
                other => return Some(other),
            }
        }
        None
    }

    /// Where `use` number `i` of module `m` points, in namespace `ns`.
    fn use_target(&mut self, m: ModId, i: usize, ns: Ns) -> Lookup {
        let key = (m, i, ns);
        match self.uses.get(&key) {
            Some(State::Done(l)) => return l.clone(),
            Some(State::InProgress) => {
                let u = &self.tree.modules[m].uses[i];
                return Lookup::Unresolved(format!(
                    "`use {}` depends on itself (an import cycle)",
                    u.path.join("::")
                ));
            }
            None => {}
        }
        self.uses.insert(key, State::InProgress);
        let u = self.tree.modules[m].uses[i].clone();
        let result = self.use_path(m, &u, ns);
        self.uses.insert(key, State::Done(result.clone()));
        result
    }

    /// Resolves the path of a `use` declaration of `m` in `ns`.
    fn use_path(&mut self, m: ModId, u: &UseDecl, ns: Ns) -> Lookup {
        if u.path.is_empty() {
            return Lookup::NotFound;
        }
        // `use libc;` (or `use libc::{self, c_int};`) binds the name it resolves: it cannot
        // mean itself, and an item of that name beside it would conflict (E0255), so it is
        // the crate of that name.
        let self_named = u.path.len() == 1 && u.name.as_deref() == Some(u.path[0].as_str());
        if u.absolute || self_named {
            return match self.crate_root(&u.path[0]) {
                Some(root) => self.walk(root, &u.path[1..], ns),
                None => Lookup::Found(Res::External(u.path.clone())),
            };
        }
        self.path(m, &u.path, ns)
    }

    /// The glob imports of `m`, resolved once (a glob being resolved is skipped by the
    /// look-ups it makes itself).
    fn globs_of(&mut self, m: ModId) -> Vec<Glob> {
        match self.globs.get(&m) {
            Some(State::Done(g)) => return g.clone(),
            // The globs resolved so far: `use linux_uapi::*; use asm::socket::*;` finds `asm`
            // through the first.
            Some(State::InProgress) => {
                return self.partial_globs.get(&m).cloned().unwrap_or_default();
            }
            None => {}
        }
        self.globs.insert(m, State::InProgress);
        let tree = self.tree;
        let facts = self.facts;
        let mut out = Vec::new();
        for u in tree.modules[m]
            .uses
            .iter()
            .filter(|u| u.name.is_none() && active(facts, &u.cfg))
        {
            let target = match self.use_path(m, u, Ns::Type) {
                Lookup::Found(Res::Module(g)) if g != m => GlobTarget::Local(g),
                Lookup::Found(Res::Module(_)) => continue,
                // `use Enum::*` brings variants, never a type of a field.
                Lookup::Found(Res::Other(_) | Res::Item(_)) => continue,
                Lookup::Found(Res::External(p)) => GlobTarget::Opaque(p),
                _ => GlobTarget::Opaque(u.path.clone()),
            };
            out.push(Glob {
                target,
                public: u.public,
            });
            self.partial_globs.insert(m, out.clone());
        }
        self.partial_globs.remove(&m);
        self.globs.insert(m, State::Done(out.clone()));
        out
    }

    /// The root module of the package's crate named `name`.
    fn crate_root(&self, name: &str) -> Option<ModId> {
        self.tree
            .crates
            .iter()
            .find(|c| c.name.as_deref() == Some(name))
            .map(|c| c.root)
    }

    /// The nearest enclosing real module (function bodies are looked through by
    /// `self`/`super`).
    fn real_module(&self, mut m: ModId) -> ModId {
        while self.tree.modules[m].block {
            match self.tree.modules[m].parent {
                Some(p) => m = p,
                None => break,
            }
        }
        m
    }

    /// A relative path written in scope `scope` (a type, a constant or a `use`), the last
    /// segment in `ns`.
    pub fn path(&mut self, scope: ModId, segs: &[String], ns: Ns) -> Lookup {
        let Some(first) = segs.first() else {
            return Lookup::NotFound;
        };
        let krate = self.tree.modules[scope].krate;
        match first.as_str() {
            "crate" => return self.walk(self.tree.crates[krate].root, &segs[1..], ns),
            "self" => return self.walk(self.real_module(scope), &segs[1..], ns),
            "super" => {
                let mut m = self.real_module(scope);
                let mut rest = segs;
                while rest.first().is_some_and(|s| s == "super") {
                    match self.tree.modules[m].parent {
                        Some(p) => m = self.real_module(p),
                        None => {
                            return Lookup::Unresolved(
                                "`super` of the crate root does not exist".into(),
                            );
                        }
                    }
                    rest = &rest[1..];
                }
                return self.walk(m, rest, ns);
            }
            _ => {}
        }
        let first_ns = if segs.len() > 1 { Ns::Type } else { ns };
        // Lexical scope: the function bodies around the scope, then its module.
        let mut m = scope;
        let mut from_globs: Option<Vec<Vec<String>>> = None;
        loop {
            match self.in_module(m, first, first_ns) {
                Lookup::Found(r) => return self.continue_from(r, &segs[1..], ns),
                Lookup::NotFound => {}
                Lookup::FromGlobs(p) => {
                    from_globs.get_or_insert(p);
                }
                other => return other,
            }
            if !self.tree.modules[m].block {
                break;
            }
            match self.tree.modules[m].parent {
                Some(p) => m = p,
                None => break,
            }
        }
        // The package's crates by name, then the extern prelude (other crates, `std`).
        if let Some(root) = self.crate_root(first) {
            return self.walk(root, &segs[1..], ns);
        }
        match from_globs {
            Some(_) if matches!(first.as_str(), "std" | "core" | "alloc") && segs.len() > 1 => {
                Lookup::Found(Res::External(segs.to_vec()))
            }
            Some(globs) => {
                if segs.len() == 1 {
                    Lookup::FromGlobs(globs)
                } else {
                    // `ffi::c_int` with `ffi` from `use std::os::*;` or an extern crate.
                    let mut all = globs;
                    all.push(Vec::new());
                    Lookup::FromGlobs(
                        all.into_iter()
                            .map(|mut g| {
                                g.extend(segs[..segs.len() - 1].iter().cloned());
                                g
                            })
                            .collect(),
                    )
                }
            }
            None if segs.len() > 1 => Lookup::Found(Res::External(segs.to_vec())),
            None => Lookup::NotFound,
        }
    }

    /// Follows `rest` from what the first segment named.
    fn continue_from(&mut self, r: Res, rest: &[String], ns: Ns) -> Lookup {
        if rest.is_empty() {
            return Lookup::Found(r);
        }
        match r {
            Res::Module(m) => self.walk(m, rest, ns),
            Res::External(mut p) => {
                p.extend(rest.iter().cloned());
                Lookup::Found(Res::External(p))
            }
            Res::Item(_) | Res::Other(_) => Lookup::Unresolved(format!(
                "`{}` is reached through an item that is not a module (an associated item?)",
                rest.join("::")
            )),
        }
    }

    /// Follows `segs` down from module `m`.
    fn walk(&mut self, m: ModId, segs: &[String], ns: Ns) -> Lookup {
        let Some((last, middle)) = segs.split_last() else {
            return Lookup::Found(Res::Module(m));
        };
        let mut cur = m;
        for (k, seg) in middle.iter().enumerate() {
            match self.in_module(cur, seg, Ns::Type) {
                Lookup::Found(Res::Module(child)) => cur = child,
                Lookup::Found(r) => return self.continue_from(r, &segs[k + 1..], ns),
                Lookup::NotFound => {
                    return Lookup::Unresolved(format!(
                        "no module `{seg}` in `{}` in the scanned code",
                        self.tree.modules[cur].path
                    ));
                }
                Lookup::FromGlobs(globs) => {
                    return Lookup::FromGlobs(
                        globs
                            .into_iter()
                            .map(|mut g| {
                                g.extend(segs[k..segs.len() - 1].iter().cloned());
                                g
                            })
                            .collect(),
                    );
                }
                other => return other,
            }
        }
        self.in_module(cur, last, ns)
    }
}

/// Whether something under these `#[cfg]` predicates is compiled for the target of `facts`
/// (always without facts, and when a predicate cannot be evaluated).
pub fn active(facts: Option<&Facts>, cfg: &[syn::Meta]) -> bool {
    facts.is_none_or(|f| crate::cfg::all(cfg, f) != Some(false))
}

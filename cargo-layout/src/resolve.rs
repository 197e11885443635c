//! From syntax to the engine's model: each scanned struct becomes a `StructDef`, its field
//! types classified by the shared `syntax` module (the same code the derive runs), with this
//! module as its resolver for the paths only the crate itself defines: other structs and unions
//! (recursively, by value, with cycles detected), instantiations of generic structs
//! (`Vec3<f32>`: the parameters resolve to the arguments' models), `type` aliases, and `const`
//! array lengths.
//!
//! Paths are resolved the way rustc resolves them, within what was scanned: `crate::`, `self::`,
//! `super::`, names declared in the module or an enclosing function body, `use` declarations
//! (renames and globs of the crate's own modules included) and the crate names of the
//! package's library. A single name that is found nowhere that way, and is not imported from
//! another crate, is looked up by name among the whole crate's items when exactly one matches
//! (a glob import of a macro-generated module, say); anything else is reported as unresolved,
//! with the reason.
//!
//! The models live for the whole run: every `StructDef`, field list and name is leaked
//! (`Box::leak`), which for a command-line tool that exits after one report is the simplest
//! arena.

use std::collections::HashMap;

use quote::ToTokens;
use syn::visit_mut::VisitMut;

use crate::source::Sources;
use crate::tree::{ItemId, ItemKind, ModId, Tree, UseDecl};
use layout_engine::{Field, Repr, Shape, StructDef, Ty};
use layout_syntax::repr::parse_repr;
use layout_syntax::source::tokens_source;
use layout_syntax::ty::{Class, Context, HostOnly, Resolver, Unknown, classify, eval_len};

/// Why a struct has no model: the fields that block it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    /// One entry per field that has no model (or one entry with an empty field name for a
    /// problem of the whole struct, such as an invalid `#[repr]`).
    pub fields: Vec<BlockedField>,
}

/// A field the engine cannot model, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockedField {
    /// The field's name (`0`, `1`, ... for tuple fields; empty for the struct itself).
    pub field: String,
    /// Its type as written.
    pub ty: String,
    /// Why it has no model.
    pub reason: String,
}

impl std::fmt::Display for Blocked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, b) in self.fields.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            if b.field.is_empty() {
                f.write_str(&b.reason)?;
            } else {
                write!(f, "field `{}: {}`: {}", b.field, b.ty, b.reason)?;
            }
        }
        Ok(())
    }
}

/// A struct's model, or why it has none.
pub type Model = Result<&'static StructDef<'static>, Blocked>;

/// What the model of a struct comes with.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    /// Notes about how the model was made (a `repr` from `#[cfg_attr]`, ...).
    pub notes: Vec<String>,
}

/// The arguments of a generic struct's instantiation (`Vec3<f32>`): each type parameter's model
/// (classified where the instantiation is written) and each const parameter's value.
#[derive(Clone, Debug, Default)]
struct Subst {
    /// The instantiation as written, for its name.
    name: String,
    types: HashMap<String, &'static Ty<'static>>,
    consts: HashMap<String, u64>,
}

#[derive(Clone)]
enum State {
    InProgress,
    Done(Model),
}

/// Resolves the structs of a [`Tree`] into engine models, memoised.
pub struct Models<'t> {
    tree: &'t Tree,
    structs: HashMap<ItemId, State>,
    /// Instantiations of generic structs, by item and argument models.
    instances: HashMap<(ItemId, String), State>,
    aliases: HashMap<ItemId, Option<Result<&'static Ty<'static>, String>>>,
    extras: HashMap<ItemId, Extras>,
    /// Items by name, per crate, for the by-name fallback.
    by_name: HashMap<(usize, String), Vec<ItemId>>,
}

impl<'t> Models<'t> {
    /// Prepares to resolve the items of `tree`.
    pub fn new(tree: &'t Tree, _sources: &Sources) -> Self {
        let mut by_name: HashMap<(usize, String), Vec<ItemId>> = HashMap::new();
        for (id, item) in tree.items.iter().enumerate() {
            let krate = tree.modules[item.module].krate;
            by_name
                .entry((krate, item.name.clone()))
                .or_default()
                .push(id);
        }
        Models {
            tree,
            structs: HashMap::new(),
            instances: HashMap::new(),
            aliases: HashMap::new(),
            extras: HashMap::new(),
            by_name,
        }
    }

    /// Notes made while modelling `id`.
    pub fn extras(&self, id: ItemId) -> Extras {
        self.extras.get(&id).cloned().unwrap_or_default()
    }

    /// The model of struct or union `id`.
    pub fn model(&mut self, id: ItemId) -> Model {
        match self.structs.get(&id) {
            Some(State::Done(m)) => return m.clone(),
            Some(State::InProgress) => {
                let name = &self.tree.items[id].name;
                return Err(whole(format!(
                    "`{name}` contains itself by value, so it has no finite size (rustc E0072): \
                     put the recursive field behind a pointer such as Box"
                )));
            }
            None => {}
        }
        self.structs.insert(id, State::InProgress);
        let model = self.build(id, None);
        self.structs.insert(id, State::Done(model.clone()));
        model
    }

    /// The model of generic struct `id` instantiated with `subst`.
    fn instance(&mut self, id: ItemId, subst: Subst) -> Model {
        let mut types: Vec<(&String, &&Ty<'static>)> = subst.types.iter().collect();
        types.sort_by(|a, b| a.0.cmp(b.0));
        let mut consts: Vec<(&String, &u64)> = subst.consts.iter().collect();
        consts.sort();
        let key = (id, format!("{types:?} {consts:?}"));
        match self.instances.get(&key) {
            Some(State::Done(m)) => return m.clone(),
            Some(State::InProgress) => {
                return Err(whole(format!(
                    "`{}` contains itself by value, so it has no finite size (rustc E0072)",
                    subst.name
                )));
            }
            None => {}
        }
        self.instances.insert(key.clone(), State::InProgress);
        let model = self.build(id, Some(subst));
        self.instances.insert(key, State::Done(model.clone()));
        model
    }

    fn build(&mut self, id: ItemId, subst: Option<Subst>) -> Model {
        let tree = self.tree;
        let item = &tree.items[id];
        let Some(s) = item.as_struct() else {
            return Err(whole(format!("`{}` is not a struct or union", item.name)));
        };
        let (repr, notes) = item_repr(&s.attrs)?;
        if !notes.is_empty() {
            self.extras.entry(id).or_default().notes.extend(notes);
        }
        let mut fields = Vec::new();
        let mut blocked = Vec::new();
        for (i, field) in s.fields.iter().enumerate() {
            let name = field
                .ident
                .as_ref()
                .map_or_else(|| i.to_string(), ToString::to_string);
            let ty_name = tokens_source(field.ty.to_token_stream());
            let mut scoped = Scoped {
                models: self,
                scope: item.module,
                failures: Vec::new(),
                params: s
                    .generics
                    .type_params()
                    .map(|p| p.ident.to_string())
                    .collect(),
                subst: subst.clone(),
            };
            let ty = with_const_lengths(&field.ty, &mut scoped);
            // An instantiation has no parameters left: they resolve to the arguments.
            let no_params = syn::Generics::default();
            let generics = if subst.is_some() {
                &no_params
            } else {
                &s.generics
            };
            let class = {
                let mut cx = Context::new(generics, &mut scoped);
                classify(&ty, &mut cx)
            };
            match class {
                Class::Known(ty) => fields.push(Field {
                    name: leak_str(name),
                    ty_name: leak_str(ty_name),
                    ty,
                }),
                other => {
                    let reason = scoped
                        .failures
                        .first()
                        .cloned()
                        .unwrap_or_else(|| why(other, &ty_name));
                    blocked.push(BlockedField {
                        field: name,
                        ty: ty_name,
                        reason,
                    });
                }
            }
        }
        if !blocked.is_empty() {
            return Err(Blocked { fields: blocked });
        }
        let def = StructDef {
            name: leak_str(subst.map_or_else(|| item.name.clone(), |s| s.name)),
            shape: if s.is_union {
                Shape::Union
            } else {
                Shape::Struct
            },
            repr,
            fields: Box::leak(fields.into_boxed_slice()),
            host: None,
        };
        Ok(Box::leak(Box::new(def)))
    }

    /// The model of alias `id`, classified in the alias's own module.
    fn alias(&mut self, id: ItemId) -> Result<&'static Ty<'static>, String> {
        match self.aliases.get(&id) {
            Some(Some(r)) => return r.clone(),
            Some(None) => {
                return Err(format!(
                    "type alias `{}` refers to itself",
                    self.tree.items[id].name
                ));
            }
            None => {}
        }
        self.aliases.insert(id, None);
        let tree = self.tree;
        let item = &tree.items[id];
        let result = match &item.kind {
            ItemKind::Alias { generics, ty } => {
                if generics.type_params().next().is_some()
                    || generics.const_params().next().is_some()
                {
                    Err(format!(
                        "`{}` is a generic type alias, which is not resolved",
                        item.name
                    ))
                } else {
                    let mut scoped = Scoped {
                        models: self,
                        scope: item.module,
                        failures: Vec::new(),
                        params: Vec::new(),
                        subst: None,
                    };
                    let ty = with_const_lengths(ty, &mut scoped);
                    let class = {
                        let mut cx = Context::new(generics, &mut scoped);
                        classify(&ty, &mut cx)
                    };
                    match class {
                        Class::Known(t) => Ok(&*Box::leak(Box::new(t))),
                        other => Err(scoped.failures.first().cloned().unwrap_or_else(|| {
                            format!(
                                "alias `{}` = `{}`: {}",
                                item.name,
                                tokens_source(ty.to_token_stream()),
                                why(other, &tokens_source(ty.to_token_stream()))
                            )
                        })),
                    }
                }
            }
            _ => Err(format!("`{}` is not a type alias", item.name)),
        };
        self.aliases.insert(id, Some(result.clone()));
        result
    }

    /// The value of constant `id`, when it is an integer expression of literals and other
    /// constants.
    fn const_value(&mut self, id: ItemId, depth: usize) -> Option<u64> {
        let tree = self.tree;
        let item = &tree.items[id];
        let ItemKind::Const { expr } = &item.kind else {
            return None;
        };
        if depth > 16 {
            return None;
        }
        let mut expr = (**expr).clone();
        let mut sub = ConstSubst {
            models: self,
            scope: item.module,
            depth: depth + 1,
            consts: HashMap::new(),
        };
        sub.visit_expr_mut(&mut expr);
        eval_len(&expr)
    }
}

/// The resolver the classifier calls, for one scope.
struct Scoped<'m, 't> {
    models: &'m mut Models<'t>,
    scope: ModId,
    /// Why paths could not be resolved, first first.
    failures: Vec<String>,
    /// The type parameters of the struct being modelled (for messages).
    params: Vec<String>,
    /// The arguments, when the struct being modelled is an instantiation.
    subst: Option<Subst>,
}

impl Resolver<'static> for Scoped<'_, '_> {
    fn resolve(&mut self, path: &syn::TypePath) -> Option<&'static Ty<'static>> {
        let written = tokens_source(path.to_token_stream());
        let last = path.path.segments.last()?;
        if path.qself.is_none()
            && let Some(id) = path.path.get_ident().map(ToString::to_string)
        {
            if let Some(t) = self.subst.as_ref().and_then(|s| s.types.get(&id)) {
                return Some(*t);
            }
            if self.params.contains(&id) {
                self.failures.push(format!(
                    "`{id}` is a type parameter: the layout depends on the instantiation"
                ));
                return None;
            }
        }
        let args = generic_args(last);
        if !args.is_empty() {
            return self.instantiate(path, &written, &args);
        }
        match self.find(&path.path) {
            Some(Found::Item(id)) => match &self.models.tree.items[id].kind {
                ItemKind::Struct(_) => match self.models.model(id) {
                    Ok(def) => Some(Box::leak(Box::new(Ty::Struct(def)))),
                    Err(blocked) => {
                        self.failures
                            .push(format!("`{written}` has no model: {blocked}"));
                        None
                    }
                },
                ItemKind::Alias { .. } => match self.models.alias(id) {
                    Ok(t) => Some(t),
                    Err(why) => {
                        self.failures.push(why);
                        None
                    }
                },
                ItemKind::Const { .. } => None,
            },
            Some(Found::Ambiguous(n)) => {
                self.failures.push(format!(
                    "`{written}` is defined {n} times in the crate (under different #[cfg]s?): \
                     which one applies is not known"
                ));
                None
            }
            Some(Found::External) | None => {
                self.failures.push(format!(
                    "`{written}` is not a struct, union or type alias of the scanned code, nor a \
                     type the engine models (a type from another crate has no model here)"
                ));
                None
            }
            Some(Found::Module(_)) => None,
        }
    }
}

impl<'t> Scoped<'_, 't> {
    /// The substitution of the crate's constants and of this instantiation's const arguments
    /// into array lengths, in this scope.
    fn const_subst(&mut self) -> ConstSubst<'_, 't> {
        ConstSubst {
            models: &mut *self.models,
            scope: self.scope,
            depth: 0,
            consts: self
                .subst
                .as_ref()
                .map(|s| s.consts.clone())
                .unwrap_or_default(),
        }
    }

    /// `Generic<A, B, N>`: the generic struct the path names, with its parameters replaced by
    /// the arguments' models (classified here, where they are written).
    fn instantiate(
        &mut self,
        path: &syn::TypePath,
        written: &str,
        args: &[Arg<'_>],
    ) -> Option<&'static Ty<'static>> {
        let tree = self.models.tree;
        let id = match self.find(&path.path) {
            Some(Found::Item(id)) if tree.items[id].as_struct().is_some() => id,
            Some(Found::Ambiguous(n)) => {
                self.failures.push(format!(
                    "`{written}` is defined {n} times in the crate (under different #[cfg]s?)"
                ));
                return None;
            }
            _ => {
                self.failures.push(format!(
                    "`{written}` is not a struct of the scanned code, nor a type the engine \
                     models (a type from another crate has no model here)"
                ));
                return None;
            }
        };
        let generics = &tree.items[id].as_struct().expect("a struct").generics;
        let params: Vec<&syn::GenericParam> = generics
            .params
            .iter()
            .filter(|p| !matches!(p, syn::GenericParam::Lifetime(_)))
            .collect();
        if args.len() != params.len() {
            self.failures.push(format!(
                "`{written}`: expected {} generic arguments (defaults are not resolved)",
                params.len()
            ));
            return None;
        }
        let mut subst = Subst {
            name: written.to_owned(),
            ..Subst::default()
        };
        for (param, arg) in params.into_iter().zip(args) {
            match (param, *arg) {
                (syn::GenericParam::Type(p), Arg::Type(arg)) => {
                    let mut inner = Scoped {
                        models: &mut *self.models,
                        scope: self.scope,
                        failures: Vec::new(),
                        params: self.params.clone(),
                        subst: self.subst.clone(),
                    };
                    let arg_ty = with_const_lengths(arg, &mut inner);
                    let class = {
                        let no_params = syn::Generics::default();
                        let mut cx = Context::new(&no_params, &mut inner);
                        classify(&arg_ty, &mut cx)
                    };
                    match class {
                        Class::Known(t) => {
                            subst
                                .types
                                .insert(p.ident.to_string(), Box::leak(Box::new(t)));
                        }
                        other => {
                            let arg_text = tokens_source(arg.to_token_stream());
                            let why = inner
                                .failures
                                .first()
                                .cloned()
                                .unwrap_or_else(|| why(other, &arg_text));
                            self.failures
                                .push(format!("`{arg_text}` in `{written}`: {why}"));
                            return None;
                        }
                    }
                }
                (syn::GenericParam::Const(p), arg) => {
                    // A const argument written as a bare name parses as a type path.
                    let mut expr: syn::Expr = match arg {
                        Arg::Const(e) => e.clone(),
                        Arg::Type(syn::Type::Path(t)) if t.qself.is_none() => {
                            syn::Expr::Path(syn::ExprPath {
                                attrs: Vec::new(),
                                qself: None,
                                path: t.path.clone(),
                            })
                        }
                        Arg::Type(t) => match syn::parse2(t.to_token_stream()) {
                            Ok(e) => e,
                            Err(_) => {
                                self.failures.push(format!(
                                    "`{written}`: a type where a const argument is expected"
                                ));
                                return None;
                            }
                        },
                    };
                    self.const_subst().visit_expr_mut(&mut expr);
                    match eval_len(&expr) {
                        Some(v) => {
                            subst.consts.insert(p.ident.to_string(), v);
                        }
                        None => {
                            self.failures.push(format!(
                                "`{}` in `{written}` is not an integer the tool can evaluate",
                                tokens_source(expr.to_token_stream())
                            ));
                            return None;
                        }
                    }
                }
                _ => {
                    self.failures.push(format!(
                        "`{written}`: the arguments do not match the parameters"
                    ));
                    return None;
                }
            }
        }
        match self.models.instance(id, subst) {
            Ok(def) => Some(Box::leak(Box::new(Ty::Struct(def)))),
            Err(blocked) => {
                self.failures
                    .push(format!("`{written}` has no model: {blocked}"));
                None
            }
        }
    }
}

/// A generic argument: a type, or a const expression.
#[derive(Clone, Copy)]
enum Arg<'s> {
    Type(&'s syn::Type),
    Const(&'s syn::Expr),
}

/// The type and const arguments of a path segment, in order (lifetimes are left out: they do
/// not change layouts).
fn generic_args(seg: &syn::PathSegment) -> Vec<Arg<'_>> {
    match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|arg| match arg {
                syn::GenericArgument::Type(t) => Some(Arg::Type(t)),
                syn::GenericArgument::Const(e) => Some(Arg::Const(e)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// What a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Item(ItemId),
    Module(ModId),
    /// Imported from another crate.
    External,
    /// Several items of the same name (e.g. one per `#[cfg]`).
    Ambiguous(usize),
}

impl Scoped<'_, '_> {
    fn find(&self, path: &syn::Path) -> Option<Found> {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let tree = self.models.tree;
        if path.leading_colon.is_some() {
            return self
                .crate_by_name(&segs[0])
                .map_or(Some(Found::External), |root| {
                    walk(tree, root, &segs[1..], 0)
                });
        }
        let found = lookup_path(tree, self.scope, &segs, 0);
        if found.is_some() || segs.len() != 1 {
            return found;
        }
        // By-name fallback for a single name found nowhere by the rules.
        let krate = tree.modules[self.scope].krate;
        let candidates: Vec<ItemId> = self
            .models
            .by_name
            .get(&(krate, segs[0].clone()))
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&i| !matches!(tree.items[i].kind, ItemKind::Const { .. }))
                    .collect()
            })
            .unwrap_or_default();
        match candidates.len() {
            0 => None,
            1 => Some(Found::Item(candidates[0])),
            n => Some(Found::Ambiguous(n)),
        }
    }

    fn crate_by_name(&self, name: &str) -> Option<ModId> {
        crate_root_named(self.models.tree, name)
    }
}

fn crate_root_named(tree: &Tree, name: &str) -> Option<ModId> {
    tree.crates
        .iter()
        .find(|c| c.name.as_deref() == Some(name))
        .map(|c| c.root)
}

/// The nearest enclosing real module (function bodies are looked through by `self`/`super`).
fn real_module(tree: &Tree, mut m: ModId) -> ModId {
    while tree.modules[m].block {
        match tree.modules[m].parent {
            Some(p) => m = p,
            None => break,
        }
    }
    m
}

/// Resolves a relative path from `scope`, as in a type position.
fn lookup_path(tree: &Tree, scope: ModId, segs: &[String], depth: usize) -> Option<Found> {
    if depth > 32 || segs.is_empty() {
        return None;
    }
    let krate = tree.modules[scope].krate;
    let (start, rest) = match segs[0].as_str() {
        "crate" => (tree.crates[krate].root, &segs[1..]),
        "self" => (real_module(tree, scope), &segs[1..]),
        "super" => {
            let mut m = real_module(tree, scope);
            let mut rest = segs;
            while rest.first().is_some_and(|s| s == "super") {
                m = real_module(tree, tree.modules[m].parent?);
                rest = &rest[1..];
            }
            (m, rest)
        }
        first => {
            // Lexical scope: the function bodies around the scope, then its module.
            let mut m = scope;
            loop {
                let want_module = segs.len() > 1;
                if let Some(found) = lookup_in(tree, m, first, want_module, depth) {
                    return match found {
                        Found::Module(child) => walk(tree, child, &segs[1..], depth),
                        Found::Item(_) if segs.len() > 1 => None,
                        other => Some(other),
                    };
                }
                if !tree.modules[m].block {
                    break;
                }
                m = tree.modules[m].parent?;
            }
            // The extern prelude: another crate of the package, by name.
            return crate_root_named(tree, first)
                .and_then(|root| walk(tree, root, &segs[1..], depth));
        }
    };
    walk(tree, start, rest, depth)
}

/// Follows `segs` down from module `m`.
fn walk(tree: &Tree, mut m: ModId, segs: &[String], depth: usize) -> Option<Found> {
    if segs.is_empty() {
        return Some(Found::Module(m));
    }
    for (k, seg) in segs.iter().enumerate() {
        let last = k + 1 == segs.len();
        match lookup_in(tree, m, seg, !last, depth)? {
            Found::Module(child) if !last => m = child,
            Found::Module(child) => return Some(Found::Module(child)),
            other if last => return Some(other),
            _ => return None,
        }
    }
    None
}

/// `name` declared or imported in module `m`: a child module when `want_module`, else an item.
fn lookup_in(tree: &Tree, m: ModId, name: &str, want_module: bool, depth: usize) -> Option<Found> {
    if depth > 32 {
        return None;
    }
    let module = &tree.modules[m];
    if want_module {
        if let Some((_, child)) = module.children.iter().find(|(n, _)| n == name) {
            return Some(Found::Module(*child));
        }
    } else {
        let items: Vec<ItemId> = module
            .items
            .iter()
            .copied()
            .filter(|&i| tree.items[i].name == name)
            .collect();
        match items.len() {
            0 => {}
            1 => return Some(Found::Item(items[0])),
            n => return Some(Found::Ambiguous(n)),
        }
    }
    // Explicit imports.
    for u in module
        .uses
        .iter()
        .filter(|u| u.name.as_deref() == Some(name))
    {
        if let Some(found) = resolve_use(tree, m, u, depth + 1)
            && (matches!(found, Found::Module(_)) == want_module || found == Found::External)
        {
            return Some(found);
        }
    }
    // Glob imports of the crate's own modules.
    for u in module.uses.iter().filter(|u| u.name.is_none()) {
        if let Some(Found::Module(g)) = resolve_use(tree, m, u, depth + 1)
            && g != m
            && let Some(found) = lookup_in(tree, g, name, want_module, depth + 1)
        {
            return Some(found);
        }
    }
    None
}

/// Where a `use` declaration of module `m` points (for a glob, the module globbed).
fn resolve_use(tree: &Tree, m: ModId, u: &UseDecl, depth: usize) -> Option<Found> {
    if u.path.is_empty() {
        return None;
    }
    if u.absolute {
        return crate_root_named(tree, &u.path[0]).map_or(Some(Found::External), |root| {
            walk(tree, root, &u.path[1..], depth)
        });
    }
    let first = u.path[0].as_str();
    if matches!(first, "crate" | "self" | "super") {
        return lookup_path(tree, m, &u.path, depth);
    }
    // 2018+ `use`: a name in this module, or an external crate.
    let real = real_module(tree, m);
    if tree.modules[real].children.iter().any(|(n, _)| n == first)
        || (u.path.len() == 1
            && tree.modules[real]
                .items
                .iter()
                .any(|&i| tree.items[i].name == first))
    {
        return lookup_path(tree, real, &u.path, depth);
    }
    match crate_root_named(tree, first) {
        Some(root) => walk(tree, root, &u.path[1..], depth),
        None => Some(Found::External),
    }
}

/// Replaces array lengths that name constants of the crate by their values, so the classifier
/// (which evaluates literal expressions) sees `[u8; 16]` for `[u8; LEN]`.
fn with_const_lengths(ty: &syn::Type, scoped: &mut Scoped<'_, '_>) -> syn::Type {
    let mut ty = ty.clone();
    scoped.const_subst().visit_type_mut(&mut ty);
    ty
}

struct ConstSubst<'m, 't> {
    models: &'m mut Models<'t>,
    scope: ModId,
    depth: usize,
    /// Const parameters of an instantiation, by name.
    consts: HashMap<String, u64>,
}

impl VisitMut for ConstSubst<'_, '_> {
    fn visit_type_array_mut(&mut self, a: &mut syn::TypeArray) {
        self.visit_type_mut(&mut a.elem);
        self.visit_expr_mut(&mut a.len);
    }

    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        if let syn::Expr::Path(p) = e
            && p.qself.is_none()
        {
            let segs: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            if let [name] = segs.as_slice()
                && let Some(v) = self.consts.get(name)
            {
                let v = *v;
                *e = syn::parse_quote!(#v);
                return;
            }
            let tree = self.models.tree;
            if let Some(Found::Item(id)) = lookup_path(tree, self.scope, &segs, 0)
                && let Some(v) = self.models.const_value(id, self.depth)
            {
                *e = syn::parse_quote!(#v);
            }
            return;
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }
}

/// The representation of an item, if its `#[repr]` attributes are valid.
pub fn repr_of(attrs: &[syn::Attribute]) -> Option<Repr> {
    item_repr(attrs).ok().map(|(r, _)| r)
}

/// The struct's representation, with `#[cfg_attr(pred, repr(...))]` taken as applying (noted).
fn item_repr(attrs: &[syn::Attribute]) -> Result<(Repr, Vec<String>), Blocked> {
    let mut all: Vec<syn::Attribute> = attrs
        .iter()
        .filter(|a| a.path().is_ident("repr"))
        .cloned()
        .collect();
    let mut notes = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("cfg_attr")) {
        let Ok(list) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        let mut metas = list.into_iter();
        let Some(pred) = metas.next() else { continue };
        for meta in metas.filter(|m| m.path().is_ident("repr")) {
            notes.push(format!(
                "`{}` from #[cfg_attr({}, ...)] is assumed to apply",
                tokens_source(meta.to_token_stream()),
                tokens_source(pred.to_token_stream())
            ));
            all.push(syn::parse_quote!(#[#meta]));
        }
    }
    let parsed = parse_repr(&all).map_err(|e| {
        whole(format!(
            "invalid #[repr]: {}",
            e.into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })?;
    if let Some(int) = parsed.int {
        return Err(whole(format!(
            "#[repr({int})] is for enums; rustc rejects it on a struct (E0517)"
        )));
    }
    Ok((parsed.repr, notes))
}

/// A reason that concerns the whole struct.
fn whole(reason: String) -> Blocked {
    Blocked {
        fields: vec![BlockedField {
            field: String::new(),
            ty: String::new(),
            reason,
        }],
    }
}

/// Why the classifier has no model, in words.
fn why(class: Class<'_>, ty: &str) -> String {
    match class {
        Class::Known(_) => String::new(),
        Class::HostOnly(HostOnly::ReprRust) => format!(
            "`{ty}` is laid out by rustc as it chooses (repr(Rust)): only the compiler knows its \
             layout"
        ),
        Class::Unknown(Unknown::Param) => {
            format!("`{ty}` is a type parameter: the layout depends on the instantiation")
        }
        Class::Unknown(Unknown::Path) => format!("`{ty}` is not known"),
        Class::Unknown(Unknown::ArrayLen) => format!(
            "the length of `{ty}` is neither an integer expression nor a constant of the crate"
        ),
        Class::Unknown(Unknown::MaybeUnsizedPointee) => format!(
            "`{ty}` points to a `?Sized` type parameter: one word or two depending on the \
             instantiation"
        ),
        Class::Unknown(Unknown::Other) => format!("the engine has no model for `{ty}`"),
    }
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

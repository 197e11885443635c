//! From syntax to the engine's model: each scanned struct becomes a `StructDef` and each enum an
//! `EnumDef` (its variants under `#[cfg]` per target, its discriminants evaluated exactly), their
//! field types classified by the shared `syntax` module (the same code the derive runs), with
//! this module as its resolver for the paths only the crate itself defines: other structs,
//! unions and enums with a defined layout (recursively, by value, with cycles detected),
//! instantiations of generic structs and enums (`Vec3<f32>`: the parameters resolve to the
//! arguments' models), `type` aliases, and `const` array lengths.
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

use crate::names::{Lookup, Names, Ns, Res};
use crate::parse::text_of;
use crate::tree::{ItemId, ItemKind, ModId, Tree};
use layout_engine::{
    EnumDef, EnumRepr, Field, Prim, Repr, ReprBase, Shape, StructDef, Ty, Variant,
};
use layout_syntax::repr::parse_repr;
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

/// An enum's model, or why it has none. A `repr(Rust)` enum has one too (its variants' fields),
/// though the engine gives it no layout.
pub type EnumModel = Result<&'static EnumDef<'static>, Blocked>;

/// What the model of a struct comes with.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    /// Notes about how the model was made (a `repr` from `#[cfg_attr]`, ...).
    pub notes: Vec<String>,
}

/// The arguments of a generic struct's instantiation (`Vec3<f32>`): each type parameter's model
/// (classified where the instantiation is written) and each const parameter's value.
#[derive(Clone, Debug, Default)]
pub struct Subst {
    /// The instantiation as written, for its name.
    name: String,
    types: HashMap<String, &'static Ty<'static>>,
    consts: HashMap<String, u64>,
}

impl Subst {
    /// What tells two instantiations apart: the arguments' models.
    fn key(&self) -> String {
        let mut types: Vec<(&String, &&Ty<'static>)> = self.types.iter().collect();
        types.sort_by(|a, b| a.0.cmp(b.0));
        let mut consts: Vec<(&String, &u64)> = self.consts.iter().collect();
        consts.sort();
        format!("{types:?} {consts:?}")
    }
}

#[derive(Clone)]
enum State {
    InProgress,
    Done(Model),
}

/// Resolves the structs of a [`Tree`] into engine models, memoised.
pub struct Models<'t> {
    tree: &'t Tree,
    /// Structs by item id (`None`: not modelled yet): a slot per item, as most are asked for.
    structs: Vec<Option<State>>,
    /// Enums and instantiations of generic enums, by item and argument models (`None` while
    /// being modelled).
    enums: HashMap<(ItemId, String), Option<EnumModel>>,
    /// Instantiations of generic structs, by item and argument models.
    instances: HashMap<(ItemId, String), State>,
    aliases: HashMap<ItemId, Option<Result<&'static Ty<'static>, String>>>,
    extras: HashMap<ItemId, Extras>,
    /// Name resolution.
    names: Names<'t>,
    /// What each rewritten path (`__cargo_layout::m7`) stands for.
    marks: Vec<Mark>,
}

/// What a path of a field type resolved to, before the classifier sees it.
#[derive(Clone, Debug)]
struct Mark {
    /// The path as written.
    written: String,
    /// What the rewritten path replaces: the path as written without the last segment's
    /// generic arguments (the rewritten path keeps them).
    bare: String,
    /// An item of the scanned code, or why the path has no model.
    target: Result<ItemId, String>,
}

/// The first segment of the paths that stand for a [`Mark`].
const MARK: &str = "__cargo_layout";

impl<'t> Models<'t> {
    /// `text` with every rewritten path (`__cargo_layout:: m7`) put back as written: for
    /// messages and names, which must show the user's code.
    fn unmark(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(MARK) {
            out.push_str(&rest[..at]);
            let after = &rest[at + MARK.len()..];
            let tail = after.trim_start_matches([':', ' ']);
            let digits = tail
                .strip_prefix('m')
                .map_or(0, |t| t.bytes().take_while(u8::is_ascii_digit).count());
            match tail[1.min(tail.len())..][..digits]
                .parse::<usize>()
                .ok()
                .and_then(|n| self.marks.get(n))
            {
                Some(mark) if digits > 0 => {
                    out.push_str(&mark.bare);
                    rest = &tail[1 + digits..];
                }
                _ => {
                    out.push_str(MARK);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Prepares to resolve the items of `tree` with this name resolution.
    pub fn with_names(tree: &'t Tree, names: Names<'t>) -> Self {
        Models {
            tree,
            structs: Vec::new(),
            enums: HashMap::new(),
            instances: HashMap::new(),
            aliases: HashMap::new(),
            extras: HashMap::new(),
            names,
            marks: Vec::new(),
        }
    }

    /// Notes made while modelling `id`.
    pub fn extras(&self, id: ItemId) -> Extras {
        self.extras.get(&id).cloned().unwrap_or_default()
    }

    /// The model of struct or union `id`.
    pub fn model(&mut self, id: ItemId) -> Model {
        if self.structs.len() <= id {
            self.structs.resize(self.tree.items.len().max(id + 1), None);
        }
        match &self.structs[id] {
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
        self.structs[id] = Some(State::InProgress);
        let model = self.build(id, None);
        self.structs[id] = Some(State::Done(model.clone()));
        model
    }

    /// The model of generic struct `id` instantiated with `subst`.
    fn instance(&mut self, id: ItemId, subst: Subst) -> Model {
        let key = (id, subst.key());
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

    /// The model of enum `id`, or of its instantiation with `subst`.
    pub fn enum_model(&mut self, id: ItemId, subst: Option<Subst>) -> EnumModel {
        let key = (id, subst.as_ref().map(Subst::key).unwrap_or_default());
        match self.enums.get(&key) {
            Some(Some(m)) => return m.clone(),
            Some(None) => {
                let name = subst.map_or_else(|| self.tree.items[id].name.clone(), |s| s.name);
                return Err(whole(format!(
                    "`{name}` contains itself by value, so it has no finite size (rustc E0072): \
                     put the recursive field behind a pointer such as Box"
                )));
            }
            None => {}
        }
        self.enums.insert(key.clone(), None);
        let model = self.build_enum(id, subst);
        self.enums.insert(key, Some(model.clone()));
        model
    }

    fn build_enum(&mut self, id: ItemId, subst: Option<Subst>) -> EnumModel {
        let tree = self.tree;
        let item = &tree.items[id];
        let Some(e) = tree.enum_of(id) else {
            return Err(whole(format!("`{}` is not an enum", item.name)));
        };
        let repr = enum_repr(&e.attrs, self.names.facts())?;
        if subst.is_none()
            && (e.generics.type_params().next().is_some()
                || e.generics.const_params().next().is_some())
        {
            return Err(whole(format!(
                "`{}` is generic: its layout depends on the instantiation (the instantiations \
                 named in fields of other types are laid out there)",
                item.name
            )));
        }
        let mut variants = Vec::new();
        let mut blocked = Vec::new();
        for v in &e.variants {
            // A variant under a `#[cfg]` that is false on this target is not there.
            let cfg: Vec<syn::Meta> = v.attrs.iter().filter_map(crate::cfg::predicate).collect();
            if !crate::names::active(self.names.facts(), &cfg) {
                continue;
            }
            let name = syn::ext::IdentExt::unraw(&v.ident).to_string();
            let (fields, b) = self.fields_of(
                item.module,
                &v.fields,
                &e.generics,
                subst.as_ref(),
                &format!("{name}."),
            );
            blocked.extend(b);
            let discriminant = match &v.discriminant {
                None => None,
                Some((_, expr)) => match self.discriminant(item.module, expr) {
                    Ok(d) => Some(d),
                    Err(why) => {
                        blocked.push(BlockedField {
                            field: String::new(),
                            ty: String::new(),
                            reason: format!(
                                "the discriminant of `{name}` (`{}`): {why}",
                                text_of(expr.to_token_stream())
                            ),
                        });
                        None
                    }
                },
            };
            variants.push(Variant {
                name: leak_str(name),
                discriminant,
                fields: Box::leak(fields.into_boxed_slice()),
            });
        }
        if !blocked.is_empty() {
            return Err(Blocked { fields: blocked });
        }
        Ok(Box::leak(Box::new(EnumDef {
            name: leak_str(subst.map_or_else(|| item.name.clone(), |s| s.name)),
            repr,
            variants: Box::leak(variants.into_boxed_slice()),
        })))
    }

    /// The value of a discriminant expression: integer literals, `-`, parentheses, integer
    /// arithmetic, and constants of the crate, evaluated exactly (in `i128`).
    fn discriminant(&mut self, scope: ModId, expr: &syn::Expr) -> Result<i128, String> {
        self.discriminant_in(scope, expr, &mut Vec::new())
    }

    /// [`Models::discriminant`] inside the constants `visiting`.
    fn discriminant_in(
        &mut self,
        scope: ModId,
        expr: &syn::Expr,
        visiting: &mut Vec<ItemId>,
    ) -> Result<i128, String> {
        let mut constant = |p: &syn::ExprPath| -> Result<i128, String> {
            let written = text_of(p.to_token_stream());
            let not_const = || {
                format!("`{written}` is not a constant of the scanned code with an integer value")
            };
            if p.qself.is_some() {
                return Err(not_const());
            }
            let segs: Vec<String> = p
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            let id = match self.names.path(scope, &segs, Ns::Value) {
                Lookup::Found(Res::Item(id)) => id,
                Lookup::NotFound if segs.len() == 1 => self
                    .given_file_const(scope, &segs[0])
                    .ok_or_else(not_const)?,
                _ => return Err(not_const()),
            };
            let tree = self.tree;
            let Some(syn::ItemConst { expr, .. }) = tree.const_of(id) else {
                return Err(not_const());
            };
            if visiting.contains(&id) {
                return Err(format!(
                    "`{written}` depends on itself (rustc E0391: a cycle)"
                ));
            }
            visiting.push(id);
            let value = self.discriminant_in(tree.items[id].module, &expr, visiting);
            visiting.pop();
            value.map_err(|why| format!("`{written}`: {why}"))
        };
        eval_discriminant(expr, &mut constant)
    }

    fn build(&mut self, id: ItemId, subst: Option<Subst>) -> Model {
        let tree = self.tree;
        let item = &tree.items[id];
        let Some(s) = tree.struct_of(id) else {
            return Err(whole(format!("`{}` is not a struct or union", item.name)));
        };
        let repr = item_repr(&s.attrs, self.names.facts())?;
        let (fields, blocked) =
            self.fields_of(item.module, &s.fields, &s.generics, subst.as_ref(), "");
        if !blocked.is_empty() {
            return Err(Blocked { fields: blocked });
        }
        let def = StructDef {
            name: leak_str(self.unmark(&subst.map_or_else(|| item.name.clone(), |s| s.name))),
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

    /// The models of `fields` (those whose `#[cfg]` holds), classified in module `scope` with
    /// the item's `generics` (or an instantiation's arguments), and the fields that have none,
    /// named with `prefix` (`Variant.` for an enum's).
    fn fields_of(
        &mut self,
        scope: ModId,
        fields: &syn::Fields,
        s_generics: &syn::Generics,
        subst: Option<&Subst>,
        prefix: &str,
    ) -> (Vec<Field<'static>>, Vec<BlockedField>) {
        let mut out = Vec::new();
        let mut blocked = Vec::new();
        for (i, field) in fields.iter().enumerate() {
            // A field under a `#[cfg]` that is false on this target is not there.
            let field_cfg: Vec<syn::Meta> = field
                .attrs
                .iter()
                .filter_map(crate::cfg::predicate)
                .collect();
            if !crate::names::active(self.names.facts(), &field_cfg) {
                continue;
            }
            // Shown as rustc shows it: `type`, not `r#type`.
            let name = field.ident.as_ref().map_or_else(
                || i.to_string(),
                |id| syn::ext::IdentExt::unraw(id).to_string(),
            );
            let ty_name = text_of(field.ty.to_token_stream());
            let mut scoped = Scoped {
                models: self,
                scope,
                failures: Vec::new(),
                params: s_generics
                    .type_params()
                    .map(|p| p.ident.to_string())
                    .collect(),
                const_params: s_generics
                    .const_params()
                    .map(|p| p.ident.to_string())
                    .collect(),
                subst: subst.cloned(),
            };
            let ty = with_const_lengths(&field.ty, &mut scoped);
            // An instantiation has no parameters left: they resolve to the arguments.
            let no_params = syn::Generics::default();
            let generics = if subst.is_some() {
                &no_params
            } else {
                s_generics
            };
            let class = {
                let mut cx = Context::new(generics, &mut scoped);
                classify(&ty, &mut cx)
            };
            match class {
                Class::Known(ty) => out.push(Field {
                    name: interned(name),
                    ty_name: interned(ty_name),
                    ty,
                }),
                other => {
                    let reason = scoped.failures.first().cloned().unwrap_or_else(|| {
                        array_len_reason(&ty, &scoped.const_params)
                            .unwrap_or_else(|| why(other, &ty_name))
                    });
                    let reason = self.unmark(&reason);
                    blocked.push(BlockedField {
                        field: format!("{prefix}{name}"),
                        ty: ty_name,
                        reason,
                    });
                }
            }
        }
        (out, blocked)
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
        let result = match tree.alias_of(id) {
            Some(syn::ItemType { generics, ty, .. }) => {
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
                        const_params: Vec::new(),
                        subst: None,
                    };
                    let ty = with_const_lengths(&ty, &mut scoped);
                    let class = {
                        let mut cx = Context::new(&generics, &mut scoped);
                        classify(&ty, &mut cx)
                    };
                    match class {
                        Class::Known(t) => Ok(&*Box::leak(Box::new(t))),
                        other => Err(scoped.failures.first().cloned().unwrap_or_else(|| {
                            format!(
                                "alias `{}` = `{}`: {}",
                                item.name,
                                text_of(ty.to_token_stream()),
                                array_len_reason(&ty, &[]).unwrap_or_else(|| {
                                    why(other, &text_of(ty.to_token_stream()))
                                })
                            )
                        })),
                    }
                }
            }
            _ => Err(format!("`{}` is not a type alias", item.name)),
        };
        let result = result.map_err(|e| self.unmark(&e));
        self.aliases.insert(id, Some(result.clone()));
        result
    }

    /// The value of constant `id`, when it is an integer expression of literals and other
    /// constants.
    /// For `.rs` files given on the command line (no `mod` ties them): the one constant
    /// named `name` at the top level of any of the files, when the name is in no scope.
    fn given_file_const(&self, scope: ModId, name: &str) -> Option<ItemId> {
        let tree = self.tree;
        let krate = tree.modules[scope].krate;
        if !tree.crates[krate].files {
            return None;
        }
        let root = tree.crates[krate].root;
        let mut found = tree.items.iter().enumerate().filter(|(_, it)| {
            it.name == name
                && matches!(it.kind, ItemKind::Const(_))
                && tree.modules[it.module].parent == Some(root)
        });
        match (found.next(), found.next()) {
            (Some((id, _)), None) => Some(id),
            _ => None,
        }
    }

    fn const_value(&mut self, id: ItemId, depth: usize) -> Option<u64> {
        let tree = self.tree;
        let item = &tree.items[id];
        let syn::ItemConst { expr, .. } = tree.const_of(id)?;
        if depth > 16 {
            return None;
        }
        let mut expr = *expr;
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
    /// Its const parameters.
    const_params: Vec<String>,
    /// The arguments, when the struct being modelled is an instantiation.
    subst: Option<Subst>,
}

impl Resolver<'static> for Scoped<'_, '_> {
    fn resolve(&mut self, path: &syn::TypePath) -> Option<&'static Ty<'static>> {
        let written = text_of(path.to_token_stream());
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
        match self.mark(&path.path) {
            Some(Mark {
                target: Ok(id),
                written,
                ..
            }) => match &self.models.tree.items[id].kind {
                ItemKind::Struct(_) => match self.models.model(id) {
                    Ok(def) => Some(Box::leak(Box::new(Ty::Struct(def)))),
                    Err(blocked) => {
                        self.failures
                            .push(format!("`{written}` has no model: {blocked}"));
                        None
                    }
                },
                ItemKind::Enum(_) => {
                    let model = self.models.enum_model(id, None);
                    self.enum_ty(model, &written)
                }
                ItemKind::Alias(_) => match self.models.alias(id) {
                    Ok(t) => Some(t),
                    Err(why) => {
                        self.failures.push(why);
                        None
                    }
                },
                ItemKind::Const(_) => {
                    self.failures
                        .push(format!("`{written}` is a constant, not a type"));
                    None
                }
            },
            Some(Mark {
                target: Err(why), ..
            }) => {
                self.failures.push(why);
                None
            }
            None => {
                let written = crate::tree::path_text(&path.path);
                let written = written.strip_prefix("::").unwrap_or(&written);
                self.failures.push(format!(
                    "`{written}` is not defined in the scanned code, and the engine has no model \
                     for it (a type of another crate, or a std type that rustc lays out as it \
                     chooses)"
                ));
                None
            }
        }
    }
}

impl<'t> Scoped<'_, 't> {
    /// An enum as a field type: only with a defined layout (`repr(C)`, `repr(u8)`, ...).
    fn enum_ty(&mut self, model: EnumModel, written: &str) -> Option<&'static Ty<'static>> {
        match model {
            Ok(def) if def.repr.is_defined() => Some(Box::leak(Box::new(Ty::Enum(def)))),
            Ok(_) => {
                self.failures.push(format!(
                    "`{written}` is a repr(Rust) enum: rustc chooses its layout (tag width, \
                     niches) and does not promise it, so only the compiler knows it \
                     (`--compiled` asks it)"
                ));
                None
            }
            Err(blocked) => {
                self.failures
                    .push(format!("`{written}` has no model: {blocked}"));
                None
            }
        }
    }

    /// The mark a rewritten path stands for.
    fn mark(&self, path: &syn::Path) -> Option<Mark> {
        let mut segs = path.segments.iter();
        if path.leading_colon.is_some() || segs.next()?.ident != MARK {
            return None;
        }
        let n: usize = segs
            .next()?
            .ident
            .to_string()
            .strip_prefix('m')?
            .parse()
            .ok()?;
        self.models.marks.get(n).cloned()
    }

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
        let id = match self.mark(&path.path) {
            Some(Mark { target: Ok(id), .. })
                if tree.items[id].as_struct().is_some() || tree.items[id].as_enum().is_some() =>
            {
                id
            }
            Some(Mark {
                target: Err(why), ..
            }) => {
                self.failures.push(why);
                return None;
            }
            Some(Mark { target: Ok(id), .. }) => {
                self.failures.push(match &tree.items[id].kind {
                    ItemKind::Alias(_) => format!(
                        "`{written}` is a generic type alias of the scanned code, which the tool \
                         does not expand"
                    ),
                    _ => format!("`{written}` is not a type"),
                });
                return None;
            }
            None => {
                self.failures.push(format!(
                    "`{written}` is not a struct of the scanned code, nor a type the engine \
                     models (a type from another crate has no model here)"
                ));
                return None;
            }
        };
        let generics = match &tree.items[id].kind {
            ItemKind::Struct(_) => tree.struct_of(id).map(|s| s.generics.clone()),
            ItemKind::Enum(_) => tree.enum_of(id).map(|e| e.generics.clone()),
            _ => None,
        };
        let Some(generics) = generics else {
            self.failures.push(format!("`{written}` is not a type"));
            return None;
        };
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
                        const_params: self.const_params.clone(),
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
                            let arg_text = text_of(arg.to_token_stream());
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
                                text_of(expr.to_token_stream())
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
        if tree.items[id].as_enum().is_some() {
            let model = self.models.enum_model(id, Some(subst));
            return self.enum_ty(model, written);
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

/// Replaces array lengths that name constants of the crate by their values, so the classifier
/// (which evaluates literal expressions) sees `[u8; 16]` for `[u8; LEN]`.
///
/// Then resolves every path of the type in the scope (see [`crate::names`]): a path that names
/// an item of the scanned code, or that cannot be resolved, becomes a [`Mark`] path that only
/// the resolver reads (so that a local `struct Option` or `type u8 = u64;` is never taken for
/// the prelude's or the primitive), and a path imported from another crate is written out in
/// full (`Duration` under `use std::time::*;` is `::std::time::Duration`), so the classifier
/// reads what the name really is.
fn with_const_lengths(ty: &syn::Type, scoped: &mut Scoped<'_, '_>) -> syn::Type {
    let mut ty = ty.clone();
    scoped.const_subst().visit_type_mut(&mut ty);
    let mut skip: Vec<String> = scoped.params.clone();
    skip.extend(scoped.const_params.iter().cloned());
    if let Some(s) = &scoped.subst {
        skip.extend(s.types.keys().cloned());
        skip.extend(s.consts.keys().cloned());
    }
    let mut paths = PathRewrite {
        models: &mut *scoped.models,
        scope: scoped.scope,
        skip,
    };
    paths.visit_type_mut(&mut ty);
    ty
}

/// Names the classifier reads itself when they are not shadowed: the primitives, `str` and
/// the standard prelude's types.
fn builtin(name: &str) -> bool {
    layout_engine::Prim::from_name(name).is_some()
        || matches!(
            name,
            "str" | "Self" | "Option" | "Result" | "Box" | "String" | "Vec"
        )
}

/// The resolution of the paths of a type (see [`with_const_lengths`]).
struct PathRewrite<'m, 't> {
    models: &'m mut Models<'t>,
    scope: ModId,
    /// Type and const parameters in scope: left as they are.
    skip: Vec<String>,
}

/// What a type path becomes.
enum Rewritten {
    /// Left as it is: a primitive or prelude name, or an absolute path of another crate.
    Keep,
    /// An item of the scanned code, or a failure.
    Mark(Result<ItemId, String>),
    /// A path of another crate, in full.
    External(Vec<String>),
    /// A primitive, named by its absolute path (`core::primitive::u8`).
    Builtin(String),
}

impl PathRewrite<'_, '_> {
    fn decide(&mut self, path: &syn::Path, written: &str) -> Rewritten {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segs.first().is_some_and(|s| s == MARK) {
            return Rewritten::Keep;
        }
        let tree = self.models.tree;
        if path.leading_colon.is_some() {
            let Some(root) = tree
                .crates
                .iter()
                .find(|c| c.name.as_deref() == Some(segs[0].as_str()))
                .map(|c| c.root)
            else {
                return self.outcome(Lookup::Found(Res::External(segs.clone())), &segs, written);
            };
            let mut relative = vec!["crate".to_owned()];
            relative.extend(segs[1..].iter().cloned());
            let found = self.models.names.path(root, &relative, Ns::Type);
            return self.outcome(found, &segs, written);
        }
        if let [name] = segs.as_slice()
            && self.skip.contains(name)
        {
            return Rewritten::Keep;
        }
        let found = self.models.names.path(self.scope, &segs, Ns::Type);
        // A const argument written as a bare name (`Ring<u64, LEN>`) parses as a type.
        if segs.len() == 1
            && matches!(found, Lookup::NotFound | Lookup::FromGlobs(_))
            && let Lookup::Found(Res::Item(_)) =
                self.models.names.path(self.scope, &segs, Ns::Value)
        {
            return Rewritten::Keep;
        }
        self.outcome(found, &segs, written)
    }

    fn outcome(&self, found: Lookup, segs: &[String], written: &str) -> Rewritten {
        let tree = self.models.tree;
        let name = segs.last().map_or("", String::as_str);
        match found {
            Lookup::Found(Res::Item(id)) => Rewritten::Mark(Ok(id)),
            // `core::primitive::u8` is the primitive, whatever `u8` means here.
            Lookup::Found(Res::External(p))
                if p.len() == 3
                    && matches!(p[0].as_str(), "core" | "std")
                    && p[1] == "primitive"
                    && builtin(&p[2]) =>
            {
                Rewritten::Builtin(p[2].clone())
            }
            Lookup::Found(Res::External(p)) => Rewritten::External(p),
            Lookup::Found(Res::Module(m)) => Rewritten::Mark(Err(format!(
                "`{written}` names the module `{}`, not a type",
                tree.modules[m].path
            ))),
            Lookup::Found(Res::Other(kind)) => Rewritten::Mark(Err(format!(
                "`{written}` is {} {kind} of the scanned code: the tool models structs, unions \
                 and type aliases only",
                if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                }
            ))),
            Lookup::FromGlobs(_) | Lookup::NotFound if segs.len() == 1 && builtin(name) => {
                Rewritten::Keep
            }
            Lookup::FromGlobs(globs) if globs.len() == 1 => {
                let mut p = globs[0].clone();
                p.push(name.to_owned());
                Rewritten::External(p)
            }
            Lookup::FromGlobs(globs) => Rewritten::Mark(Err(format!(
                "`{written}` is not defined in the scanned code and may come from any of the \
                 glob imports {}: which one is not known",
                globs
                    .iter()
                    .map(|g| format!("`{}::*`", g.join("::")))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            Lookup::NotFound => Rewritten::Mark(Err(format!(
                "`{written}` is not declared or imported in its scope in the scanned code (a \
                 macro may define it)"
            ))),
            Lookup::Unresolved(why) => Rewritten::Mark(Err(why)),
        }
    }
}

impl VisitMut for PathRewrite<'_, '_> {
    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        if let syn::Type::Path(p) = ty
            && p.qself.is_none()
        {
            let written = text_of(p.to_token_stream());
            let decision = self.decide(&p.path, &written);
            let args = p
                .path
                .segments
                .last()
                .map(|s| s.arguments.clone())
                .unwrap_or_default();
            let segments: Option<Vec<String>> = match decision {
                Rewritten::Keep => None,
                Rewritten::Mark(target) => {
                    let n = self.models.marks.len();
                    let mut bare = p.path.clone();
                    if let Some(last) = bare.segments.last_mut() {
                        last.arguments = syn::PathArguments::None;
                    }
                    let bare = text_of(bare.to_token_stream());
                    self.models.marks.push(Mark {
                        written,
                        bare,
                        target,
                    });
                    p.path.leading_colon = None;
                    Some(vec![MARK.to_owned(), format!("m{n}")])
                }
                Rewritten::External(segs) => {
                    p.path.leading_colon = Some(Default::default());
                    Some(segs)
                }
                Rewritten::Builtin(name) => {
                    p.path.leading_colon = None;
                    Some(vec![name])
                }
            };
            if let Some(segments) = segments {
                let span = p.path.segments.first().map(|s| s.ident.span());
                p.path.segments = segments
                    .iter()
                    .map(|s| {
                        let span = span.unwrap_or_else(proc_macro2::Span::call_site);
                        let ident = match s.strip_prefix("r#") {
                            Some(raw) => syn::Ident::new_raw(raw, span),
                            None => syn::Ident::new(s, span),
                        };
                        syn::PathSegment::from(ident)
                    })
                    .collect();
                if let Some(last) = p.path.segments.last_mut() {
                    last.arguments = args;
                }
            }
            for seg in &mut p.path.segments {
                syn::visit_mut::visit_path_arguments_mut(self, &mut seg.arguments);
            }
            return;
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }

    fn visit_expr_mut(&mut self, _: &mut syn::Expr) {}
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
            let found = match self.models.names.path(self.scope, &segs, Ns::Value) {
                Lookup::Found(Res::Item(id)) => Some(id),
                Lookup::NotFound if segs.len() == 1 => {
                    self.models.given_file_const(self.scope, &segs[0])
                }
                _ => None,
            };
            if let Some(id) = found
                && let Some(v) = self.models.const_value(id, self.depth)
            {
                *e = syn::parse_quote!(#v);
            }
            return;
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }
}

/// The representation of an item, if its `#[repr]` attributes are valid, with every
/// `#[cfg_attr(pred, repr(..))]` taken as applying: for deciding whether to show a struct
/// whose model failed, never for a layout.
pub fn repr_of(attrs: &[syn::Attribute]) -> Option<Repr> {
    let all: Vec<syn::Attribute> = attrs
        .iter()
        .flat_map(|a| crate::cfg::possible_attrs(a).unwrap_or_default())
        .filter(|m| m.path().is_ident("repr"))
        .map(|m| -> syn::Attribute { syn::parse_quote!(#[#m]) })
        .collect();
    parse_repr(&all)
        .ok()
        .filter(|p| p.int.is_none())
        .map(|p| p.repr)
}

/// An enum's representation on the target of `facts` (see [`parse_item_repr`]).
pub fn enum_repr(
    attrs: &[syn::Attribute],
    facts: Option<&crate::cfg::Facts>,
) -> Result<EnumRepr, Blocked> {
    let (parsed, expanded) = parse_item_repr(attrs, facts)?;
    // The parser keeps the last integer; rustc rejects two.
    let mut ints: Vec<String> = Vec::new();
    for attr in &expanded {
        let _ = attr.parse_nested_meta(|meta| {
            const INTS: [&str; 12] = [
                "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
                "isize",
            ];
            if let Some(i) = meta.path.get_ident()
                && INTS.contains(&i.to_string().as_str())
            {
                ints.push(i.to_string());
            }
            if meta.input.peek(syn::token::Paren) {
                let _ = meta.parse_nested_meta(|_| Ok(()));
            }
            Ok(())
        });
    }
    if ints.len() > 1 {
        return Err(whole(format!(
            "conflicting representation hints `{}` (rustc E0566): keep one integer",
            ints.join("`, `")
        )));
    }
    let repr = parsed.repr;
    match repr.base {
        ReprBase::Transparent => {
            return Err(whole(
                "#[repr(transparent)] enum: not modelled (its layout is its one field's)".into(),
            ));
        }
        _ if repr.packed.is_some() => {
            return Err(whole(
                "#[repr(packed)] is for structs and unions; rustc rejects it on an enum (E0517)"
                    .into(),
            ));
        }
        _ => {}
    }
    let int = match &parsed.int {
        Some(i) => match Prim::from_name(&i.to_string()) {
            Some(p) => Some(p),
            None => return Err(whole(format!("#[repr({i})]: not an integer type"))),
        },
        None => None,
    };
    Ok(EnumRepr {
        c: repr.base == ReprBase::C,
        int,
        align: repr.align,
    })
}

/// The struct's representation on the target of `facts` (see [`parse_item_repr`]).
fn item_repr(attrs: &[syn::Attribute], facts: Option<&crate::cfg::Facts>) -> Result<Repr, Blocked> {
    let (parsed, _) = parse_item_repr(attrs, facts)?;
    if let Some(int) = parsed.int {
        return Err(whole(format!(
            "#[repr({int})] is for enums; rustc rejects it on a struct (E0517)"
        )));
    }
    Ok(parsed.repr)
}

/// The `#[repr]` of an item on the target of `facts`, and its `#[repr]` attributes there: its
/// own and those its `#[cfg_attr(pred, repr(..))]`s add there. A `cfg_attr` whose predicate
/// the tool cannot evaluate (a feature, an unknown target) leaves the layout unknown: it is
/// never guessed.
fn parse_item_repr(
    attrs: &[syn::Attribute],
    facts: Option<&crate::cfg::Facts>,
) -> Result<(layout_syntax::repr::ReprAttr, Vec<syn::Attribute>), Blocked> {
    let mut all: Vec<syn::Attribute> = Vec::new();
    for attr in attrs {
        let metas = match crate::cfg::expand_attr(attr, facts) {
            Ok(metas) => metas,
            Err(pred) => {
                if !crate::cfg::may_add(attr, "repr") {
                    continue;
                }
                return Err(whole(match pred {
                    Some(pred) => format!(
                        "its #[repr] depends on #[cfg_attr({pred}, ...)], which the tool cannot \
                         evaluate (not a fact about the target)"
                    ),
                    None => format!(
                        "its #[repr] may depend on `{}`, which the tool cannot read",
                        text_of(attr.to_token_stream())
                    ),
                }));
            }
        };
        all.extend(
            metas
                .into_iter()
                .filter(|m| m.path().is_ident("repr"))
                .map(|m| -> syn::Attribute { syn::parse_quote!(#[#m]) }),
        );
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
    Ok((parsed, all))
}

/// Evaluates a discriminant exactly, with `constant` giving the value of a path, saying what
/// fails.
fn eval_discriminant(
    expr: &syn::Expr,
    constant: &mut dyn FnMut(&syn::ExprPath) -> Result<i128, String>,
) -> Result<i128, String> {
    let text = || text_of(expr.to_token_stream());
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i
            .base10_parse::<i128>()
            .map_err(|_| format!("`{}` does not fit in 128 bits", text())),
        syn::Expr::Paren(p) => eval_discriminant(&p.expr, constant),
        syn::Expr::Group(g) => eval_discriminant(&g.expr, constant),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => eval_discriminant(expr, constant)?
            .checked_neg()
            .ok_or_else(|| format!("`{}` overflows", text())),
        syn::Expr::Binary(b) => {
            let (l, r) = (
                eval_discriminant(&b.left, constant)?,
                eval_discriminant(&b.right, constant)?,
            );
            use syn::BinOp::*;
            let v = match b.op {
                Add(_) => l.checked_add(r),
                Sub(_) => l.checked_sub(r),
                Mul(_) => l.checked_mul(r),
                Div(_) => l.checked_div(r),
                Rem(_) => l.checked_rem(r),
                // Shifts and bitwise operations depend on the width of the discriminant's
                // type for negative values and large shifts: only the plain cases.
                Shl(_) if l >= 0 && (0..64).contains(&r) => {
                    l.checked_shl(r as u32).filter(|v| v >> r == l)
                }
                Shr(_) if l >= 0 && (0..128).contains(&r) => Some(l >> r),
                BitAnd(_) if l >= 0 && r >= 0 => Some(l & r),
                BitOr(_) if l >= 0 && r >= 0 => Some(l | r),
                BitXor(_) if l >= 0 && r >= 0 => Some(l ^ r),
                _ => {
                    return Err(format!(
                        "`{}` is not an integer operation the tool evaluates exactly",
                        text()
                    ));
                }
            };
            v.ok_or_else(|| format!("`{}` overflows or divides by zero", text()))
        }
        syn::Expr::Path(p) => constant(p),
        // `X as i32`: exact when the value fits the type on every target (`usize`/`isize`
        // are at least 16 bits wide); else it may wrap, which is not evaluated.
        syn::Expr::Cast(c) => {
            let v = eval_discriminant(&c.expr, constant)?;
            let ty = text_of(c.ty.to_token_stream());
            let (lo, hi): (i128, i128) = match ty.as_str() {
                "u8" => (0, u8::MAX.into()),
                "u16" | "usize" => (0, u16::MAX.into()),
                "u32" => (0, u32::MAX.into()),
                "u64" => (0, u64::MAX.into()),
                "u128" => (0, i128::MAX),
                "i8" => (i8::MIN.into(), i8::MAX.into()),
                "i16" | "isize" => (i16::MIN.into(), i16::MAX.into()),
                "i32" => (i32::MIN.into(), i32::MAX.into()),
                "i64" => (i64::MIN.into(), i64::MAX.into()),
                "i128" => (i128::MIN, i128::MAX),
                _ => return Err(format!("`{}` is not an integer cast", text())),
            };
            if (lo..=hi).contains(&v) {
                Ok(v)
            } else {
                Err(format!(
                    "`{}` may wrap (the value does not fit `{ty}` on every target)",
                    text()
                ))
            }
        }
        _ => Err(format!(
            "`{}` is not an integer expression the tool evaluates",
            text()
        )),
    }
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

/// [`leak_str`] once per distinct text: field names (`len`, `flags`) and type names (`u32`,
/// `c_int`) repeat across thousands of structs.
fn interned(s: String) -> &'static str {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashSet<&'static str>> =
            std::cell::RefCell::default();
    }
    SEEN.with_borrow_mut(|seen| match seen.get(s.as_str()) {
        Some(&known) => known,
        None => {
            let new = leak_str(s);
            seen.insert(new);
            new
        }
    })
}

/// Why the first array length of `ty` that is not a number is not one (after the crate's
/// constants were put in): the arithmetic that fails, or the name that is not a constant.
fn array_len_reason(ty: &syn::Type, const_params: &[String]) -> Option<String> {
    struct Find<'p>(Option<String>, &'p [String]);
    impl<'a> syn::visit::Visit<'a> for Find<'_> {
        fn visit_type_array(&mut self, a: &'a syn::TypeArray) {
            if self.0.is_some() {
                return;
            }
            if eval_len(&a.len).is_none() {
                let len = text_of(a.len.to_token_stream());
                let why = match checked_len(&a.len) {
                    Err(_) if self.1.contains(&len) => {
                        format!(
                            "`{len}` is a const parameter: the length depends on the instantiation"
                        )
                    }
                    Err(e) => e,
                    Ok(_) => "it is not an integer expression".into(),
                };
                self.0 = Some(format!("the length `{len}` of `{}`: {why}", {
                    text_of(a.to_token_stream())
                }));
                return;
            }
            syn::visit::visit_type_array(self, a);
        }
    }
    let mut f = Find(None, const_params);
    syn::visit::Visit::visit_type(&mut f, ty);
    f.0
}

/// Evaluates an array length as rustc does (`usize` arithmetic), saying what fails.
fn checked_len(expr: &syn::Expr) -> Result<u128, String> {
    let text = || text_of(expr.to_token_stream());
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => match i.suffix() {
            "" | "usize" | "u8" | "u16" | "u32" | "u64" => i
                .base10_parse::<u64>()
                .map(u128::from)
                .map_err(|_| format!("`{}` does not fit in 64 bits", text())),
            other => Err(format!(
                "`{}` is a `{other}`, but an array length is a `usize`",
                text()
            )),
        },
        syn::Expr::Paren(p) => checked_len(&p.expr),
        syn::Expr::Group(g) => checked_len(&g.expr),
        syn::Expr::Block(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
            syn::Stmt::Expr(e, None) => checked_len(e),
            _ => Err(format!("`{}` is not an integer expression", text())),
        },
        // `6u64 as usize`: exact when the value fits the type on every target (a `usize` is
        // at least 16 bits wide).
        syn::Expr::Cast(c) => {
            let v = checked_len(&c.expr)?;
            let bits = match text_of(c.ty.to_token_stream()).as_str() {
                "u8" => 8,
                "u16" | "usize" => 16,
                "u32" => 32,
                "u64" => 64,
                _ => return Err(format!("`{}` is not an integer expression", text())),
            };
            if v >> bits == 0 {
                Ok(v)
            } else {
                Err(format!(
                    "`{}` may truncate (the value does not fit {bits} bits)",
                    text()
                ))
            }
        }
        syn::Expr::Binary(b) => {
            let (l, r) = (checked_len(&b.left)?, checked_len(&b.right)?);
            let max = u128::from(u64::MAX);
            use syn::BinOp::*;
            let (v, what) = match b.op {
                Add(_) => (l.checked_add(r).filter(|v| *v <= max), "overflows"),
                Sub(_) => (l.checked_sub(r), "underflows (below 0)"),
                Mul(_) => (l.checked_mul(r).filter(|v| *v <= max), "overflows"),
                Div(_) => (l.checked_div(r), "divides by zero"),
                Rem(_) => (l.checked_rem(r), "divides by zero (remainder)"),
                Shl(_) if r >= 64 => (None, "shifts by 64 bits or more"),
                Shl(_) => (
                    Some((l << r) & max).filter(|v| v >> r == l),
                    "shifts bits out (overflows)",
                ),
                Shr(_) if r >= 64 => (None, "shifts by 64 bits or more"),
                Shr(_) => (Some(l >> r), ""),
                BitAnd(_) => (Some(l & r), ""),
                BitOr(_) => (Some(l | r), ""),
                BitXor(_) => (Some(l ^ r), ""),
                _ => return Err(format!("`{}` is not an integer operation", text())),
            };
            v.ok_or_else(|| format!("`{}` {what}", text()))
        }
        syn::Expr::Path(p) => Err(format!(
            "`{}` is not a constant of the scanned code with an integer value",
            text_of(p.to_token_stream())
        )),
        _ => Err(format!(
            "`{}` is not an integer expression the tool evaluates",
            text()
        )),
    }
}

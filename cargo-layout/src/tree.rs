//! The scanned code as a tree of crates, modules and the items that matter for layouts
//! (structs, unions, enums, type aliases, constants, `use` declarations), loaded by following
//! `mod` declarations from each crate root the way rustc does.
//!
//! Following `mod` (rather than walking `src/`) gives every item its real module path, so
//! `crate::net::Header`, `super::Header` and `use` imports resolve as rustc resolves them, and
//! files that are not part of the crate are not reported. Items under `#[cfg]` are included
//! (with their condition noted), as are modules under `#[cfg]`; items inside function bodies
//! are included too. Macro invocations whose body contains `struct` or `union` get a note: their
//! expansion is not scanned.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::markers::{self, Markers};
use crate::parse;
use crate::source::{Diag, FileId, LineIndex, SourceFile, Sources};

/// Index of a module in [`Tree::modules`].
pub type ModId = usize;
/// Index of an item in [`Tree::items`].
pub type ItemId = usize;

/// One crate: a library, binary or example target, or the files given on the command line.
#[derive(Debug)]
pub struct CrateInfo {
    /// The name other crates use for it in paths (`layout_core`), if any.
    pub name: Option<String>,
    /// Its root module.
    pub root: ModId,
    /// Why every struct of it crosses an FFI boundary (a `-sys` package, `links =`), if so.
    pub ffi: Option<String>,
    /// Whether it is the `.rs` files given on the command line, each a module of it.
    pub files: bool,
}

/// A module, or the items of a function body (a *block*, which `self`/`super` look through).
#[derive(Debug)]
pub struct Module {
    /// The crate it belongs to.
    pub krate: usize,
    /// Its path for display: `crate::net::tcp`, or `crate::f::{fn}` for a function body.
    pub path: String,
    /// The enclosing module.
    pub parent: Option<ModId>,
    /// Whether this is a function body rather than a module.
    pub block: bool,
    /// Child modules by name.
    pub children: Vec<(String, ModId)>,
    /// Items declared here.
    pub items: Vec<ItemId>,
    /// `use` declarations here, flattened.
    pub uses: Vec<UseDecl>,
    /// Names of the type namespace declared here that have no model (enums, traits, ...):
    /// they shadow globs, the prelude and primitives all the same.
    pub others: Vec<OtherName>,
    /// Whether it is declared with any `pub` (visible to glob imports from outside it).
    pub public: bool,
    /// The `#[cfg]` predicates on it and its enclosing modules: a module is a child of its
    /// parent only on the targets that compile it.
    pub cfg_meta: Vec<syn::Meta>,
}

/// The files already loaded, with the `#[cfg]` conditions they were loaded under, in the
/// order they were (a file that does not parse forgets those it declared).
#[derive(Debug, Default)]
struct Seen {
    set: HashSet<(PathBuf, Vec<String>)>,
    order: Vec<(PathBuf, Vec<String>)>,
}

impl Seen {
    /// Records a file; `false` if it was already.
    fn insert(&mut self, key: (PathBuf, Vec<String>)) -> bool {
        let new = self.set.insert(key.clone());
        if new {
            self.order.push(key);
        }
        new
    }

    /// Forgets the files recorded after the first `len`.
    fn truncate(&mut self, len: usize) {
        for key in self.order.drain(len..) {
            self.set.remove(&key);
        }
    }
}

/// How much of a [`Tree`] there was before a file was recorded, to take its items back out
/// when a later piece of it does not parse.
struct Mark {
    items: usize,
    modules: usize,
    diags: usize,
    order_uses: usize,
    seen: usize,
    /// The lengths of the lists of the module the file fills.
    module_lists: (usize, usize, usize, usize),
    macros: HashMap<String, (FileId, usize, Range<usize>)>,
}

/// A name of the type namespace that the tool does not model.
#[derive(Debug, Clone)]
pub struct OtherName {
    /// The name.
    pub name: String,
    /// What it is (`enum`, `trait`, ...).
    pub kind: &'static str,
    /// Whether it is declared with any `pub`.
    pub public: bool,
}

/// One leaf of a `use` tree.
#[derive(Debug, Clone)]
pub struct UseDecl {
    /// The path, without a leading `::`.
    pub path: Vec<String>,
    /// Whether it started with `::` (an external crate).
    pub absolute: bool,
    /// The name it binds, or `None` for a glob import of the module at `path`.
    pub name: Option<String>,
    /// Whether it is a `pub use` (of any `pub` kind): re-exported to glob imports.
    pub public: bool,
    /// The `#[cfg]` predicates on it and its enclosing modules.
    pub cfg: Vec<syn::Meta>,
}

/// A struct or union as written, parsed again from its text when asked ([`Tree::struct_of`]).
#[derive(Debug)]
pub struct StructItem {
    /// The item's outer attributes (repr, cfg, derives, markers).
    pub attrs: Vec<syn::Attribute>,
    /// Its generic parameters.
    pub generics: syn::Generics,
    /// Its fields. Their spans' locations are not to be read (see [`crate::parse`]): the
    /// offsets below are.
    pub fields: syn::Fields,
    /// Whether it is a union.
    pub is_union: bool,
    /// Byte offset of the first byte after `{` (named fields only).
    pub body_start: Option<usize>,
    /// Byte offset of the closing `}` (named fields only).
    pub body_end: Option<usize>,
    /// Byte range of each field's tokens (attributes, doc comments, visibility, name, type)
    /// and of the comma after it.
    pub field_spans: Vec<FieldSpan>,
    /// Markers found in the comments and attributes before the item.
    pub markers: Markers,
}

/// Where one field's tokens are in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpan {
    /// First byte of the first token (an attribute, doc comment, visibility or the name).
    pub start: usize,
    /// One past the last byte of the type.
    pub end: usize,
    /// The comma after the field, if there is one.
    pub comma: Option<usize>,
}

/// Where the named fields of a struct or enum variant are, between its braces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The first byte after `{`.
    pub start: usize,
    /// The closing `}`.
    pub end: usize,
    /// Each field's tokens and comma.
    pub fields: Vec<FieldSpan>,
}

/// An enum as written, parsed again from its text when asked ([`Tree::enum_of`]).
#[derive(Debug)]
pub struct EnumItem {
    /// The item's outer attributes (repr, cfg, derives, markers).
    pub attrs: Vec<syn::Attribute>,
    /// Its generic parameters.
    pub generics: syn::Generics,
    /// Its variants, with their attributes, fields and discriminants.
    pub variants: Vec<syn::Variant>,
    /// Where each variant's named fields are (`None` for a tuple or unit variant).
    pub bodies: Vec<Option<Body>>,
    /// Markers found in the comments and attributes before the item.
    pub markers: Markers,
}

/// What the scan keeps of a struct, union or enum without its syntax tree: where its text is,
/// to parse it again when it is analysed, and what is asked of every item.
#[derive(Debug)]
pub struct Declared {
    /// The item's bytes in its file, from its first attribute to its end.
    pub range: std::ops::Range<usize>,
    /// Markers found in the comments and attributes before the item, if any ([`Self::markers`]).
    markers: Option<Box<Markers>>,
    /// Whether a field (or a variant, or a variant's field) is under a `#[cfg]`.
    pub cfg_inside: bool,
    /// The `#[cfg]` and `#[cfg_attr]` predicates of its attributes, fields and variants
    /// (what its model reads per target).
    pub predicates: Box<[syn::Meta]>,
}

impl Declared {
    fn new(
        range: Range<usize>,
        markers: Markers,
        cfg_inside: bool,
        predicates: Vec<syn::Meta>,
    ) -> Self {
        Declared {
            range,
            markers: (markers != Markers::default()).then(|| Box::new(markers)),
            cfg_inside,
            predicates: predicates.into_boxed_slice(),
        }
    }

    /// Markers found in the comments and attributes before the item.
    pub fn markers(&self) -> &Markers {
        const NONE: &Markers = &Markers::NONE;
        self.markers.as_deref().unwrap_or(NONE)
    }
}

/// What an item is.
#[derive(Debug)]
pub enum ItemKind {
    /// A struct or union.
    Struct(Box<Declared>),
    /// An enum.
    Enum(Box<Declared>),
    /// `type Name<..> = Ty;` ([`Tree::alias_of`]), at these bytes of its file.
    Alias(Range<usize>),
    /// `const NAME: Ty = expr;` ([`Tree::const_of`]: array lengths may name one), at these
    /// bytes of its file.
    Const(Range<usize>),
}

/// A named item in a module.
#[derive(Debug)]
pub struct Item {
    /// The name.
    pub name: String,
    /// Where it is declared.
    pub module: ModId,
    /// Its file.
    pub file: FileId,
    /// Its 1-based line (of the name).
    pub line: usize,
    /// Byte offset where the item (its first attribute) starts: used to tell items apart.
    pub start: usize,
    /// Whether it is declared with any `pub` (visible to glob imports from outside its module).
    pub public: bool,
    /// Its `#[cfg]`s and macro, if any (most items have neither: one pointer instead of
    /// three lists, for crates of hundreds of thousands of items).
    context: Option<Box<Context>>,
    /// What it is.
    pub kind: ItemKind,
}

/// What an item is declared under.
#[derive(Debug, Default)]
struct Context {
    /// The `#[cfg(...)]` conditions on it and its enclosing modules, as written.
    cfg: Vec<String>,
    /// The same, parsed.
    cfg_meta: Vec<syn::Meta>,
    /// The macro invocation (`s!`) whose body declares it, read as written: the macro may add
    /// attributes (a `#[repr]`) that the tool does not see.
    in_macro: Option<String>,
}

impl Item {
    /// The `#[cfg(...)]` conditions on it and its enclosing modules, as written.
    pub fn cfg(&self) -> &[String] {
        self.context.as_ref().map_or(&[], |c| &c.cfg)
    }

    /// The `#[cfg]` predicates on it and its enclosing modules, parsed.
    pub fn cfg_meta(&self) -> &[syn::Meta] {
        self.context.as_ref().map_or(&[], |c| &c.cfg_meta)
    }

    /// The macro invocation (`s!`) whose body declares it, read as written: the macro may add
    /// attributes (a `#[repr]`) that the tool does not see.
    pub fn in_macro(&self) -> Option<&str> {
        self.context.as_ref().and_then(|c| c.in_macro.as_deref())
    }

    /// The struct or union, if it is one (its fields: [`Tree::struct_of`]).
    pub fn as_struct(&self) -> Option<&Declared> {
        match &self.kind {
            ItemKind::Struct(s) => Some(s),
            _ => None,
        }
    }

    /// The enum, if it is one (its variants: [`Tree::enum_of`]).
    pub fn as_enum(&self) -> Option<&Declared> {
        match &self.kind {
            ItemKind::Enum(e) => Some(e),
            _ => None,
        }
    }
}

/// Everything scanned in one run.
#[derive(Debug, Default)]
pub struct Tree {
    /// Crates.
    pub crates: Vec<CrateInfo>,
    /// Modules of every crate.
    pub modules: Vec<Module>,
    /// Items of every module.
    pub items: Vec<Item>,
    /// Errors and notes found while loading.
    pub diags: Vec<Diag>,
    /// Types named where their field order is seen from outside Rust (FFI) or as bytes
    /// (hand-written byte-view impls): see [`crate::refusal`].
    pub order_uses: Vec<OrderUse>,
    /// `macro_rules!` without parameters (`() => { items }`), by name: their file, line and
    /// the byte range of the items in their body, expanded where they are invoked
    /// (`prelude!();`).
    macros: HashMap<String, (FileId, usize, std::ops::Range<usize>)>,
    /// The text of every file loaded, by id: structs and enums are parsed again from it.
    texts: HashMap<FileId, Rc<str>>,
    /// The struct or enum parsed last, with the [`parse::generation`] it was parsed in: one
    /// report asks for the same item several times in a row.
    last_parsed: std::cell::RefCell<Option<(u64, ItemId, Parsed)>>,
    /// How many files are being loaded, one inside the other (`mod name;` loads its file
    /// where it is declared, as `#[macro_use]` needs): only the outermost one clears
    /// proc-macro2's map between its pieces (see [`crate::parse`]).
    loading: usize,
    /// The parameterless macros being expanded (a macro invoking itself stops).
    expanding: Vec<String>,
}

/// A type named where its field order means something beyond its layout.
#[derive(Debug, Clone)]
pub struct OrderUse {
    /// The type's name (the last segment of its path).
    pub name: String,
    /// Where.
    pub file: FileId,
    /// 1-based line.
    pub line: usize,
    /// How.
    pub kind: UseKind,
}

/// How an [`OrderUse`] names its type.
#[derive(Debug, Clone)]
pub enum UseKind {
    /// In an FFI position, described (`` the signature of `extern "C" fn f` ``).
    Ffi(String),
    /// A byte-view trait implemented for it by hand (`bytemuck::Pod`).
    Impl(String),
}

/// How a crate's files are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// Load `mod name;` files, as rustc does (crates).
    Modules,
    /// Scan only the given file (a list of `.rs` files on the command line).
    FileOnly,
}

/// A module being filled: where its items go and where its `mod name;` files live.
struct Ctx<'t> {
    module: ModId,
    file: FileId,
    /// Directory where `mod name;` looks for `name.rs` / `name/mod.rs`.
    child_dir: PathBuf,
    /// `#[cfg]` conditions of the enclosing modules.
    cfg: Vec<String>,
    /// The same, parsed.
    cfg_meta: Vec<syn::Meta>,
    /// The whole file's text.
    text: &'t str,
    /// Its line index.
    lines: Rc<LineIndex>,
    /// Where in the file the text that was parsed starts (a piece of the file, or a macro's
    /// body): spans' offsets are relative to it.
    base: usize,
    /// Whether the items are those of an inline module (`mod x { ... }`), whose
    /// `#[path = "..."] mod y;` is relative to `child_dir`, not to the file's directory.
    inline: bool,
    /// The macro whose body holds the items (`s!`), read as written.
    in_macro: Option<String>,
}

impl Ctx<'_> {
    /// Where a span of the text being recorded is in the file.
    fn at(&self, span: proc_macro2::Span) -> Range<usize> {
        parse::at(span, self.base)
    }

    /// The 1-based line of a span of the text being recorded.
    fn line(&self, span: proc_macro2::Span) -> usize {
        self.lines.line_of(self.at(span).start)
    }
}

/// A file to load, and where it is declared.
#[derive(Debug)]
struct FileToLoad {
    module: ModId,
    path: PathBuf,
    cfg: (Vec<String>, Vec<syn::Meta>),
    follow: Follow,
    /// Where it is declared (file shown, line), for an error about a missing file.
    declared_at: Option<(String, usize)>,
    /// Where its `mod name;` files live, when not next to it (an `include!`d file).
    child_dir: Option<PathBuf>,
}

impl Tree {
    /// Adds a crate whose root module is the file `root`, loading its modules.
    pub fn load_crate(
        &mut self,
        sources: &mut Sources,
        root: &Path,
        name: Option<String>,
        ffi: Option<String>,
        follow: Follow,
    ) -> usize {
        let krate = self.crates.len();
        let module = self.new_module(krate, "crate".into(), None, false);
        self.crates.push(CrateInfo {
            name,
            root: module,
            ffi,
            files: false,
        });
        let mut seen = Seen::default();
        let root = FileToLoad {
            module,
            path: root.to_path_buf(),
            cfg: (Vec::new(), Vec::new()),
            follow,
            declared_at: None,
            child_dir: None,
        };
        self.load_file(sources, root, &mut seen);
        krate
    }

    /// Adds the files given on the command line as one crate, each file a module of it named
    /// after the file, scanned alone (their `mod name;` declarations are not followed).
    pub fn load_files(&mut self, sources: &mut Sources, files: &[PathBuf]) -> usize {
        let krate = self.crates.len();
        let root = self.new_module(krate, "crate".into(), None, false);
        self.crates.push(CrateInfo {
            name: None,
            root,
            ffi: None,
            files: true,
        });
        for path in files {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let module = self.new_module(krate, format!("crate::{name}"), Some(root), false);
            self.modules[root].children.push((name, module));
            let mut seen = Seen::default();
            let file = FileToLoad {
                module,
                path: path.clone(),
                cfg: (Vec::new(), Vec::new()),
                follow: Follow::FileOnly,
                declared_at: None,
                child_dir: None,
            };
            self.load_file(sources, file, &mut seen);
        }
        krate
    }

    fn new_module(
        &mut self,
        krate: usize,
        path: String,
        parent: Option<ModId>,
        block: bool,
    ) -> ModId {
        self.modules.push(Module {
            krate,
            path,
            parent,
            block,
            children: Vec::new(),
            items: Vec::new(),
            uses: Vec::new(),
            others: Vec::new(),
            public: true,
            cfg_meta: Vec::new(),
        });
        self.modules.len() - 1
    }

    /// Reads, parses and scans one file as the body of `module`, a piece at a time (see
    /// [`crate::parse`]). Nothing of a file that does not parse is recorded.
    fn load_file(&mut self, sources: &mut Sources, f: FileToLoad, seen: &mut Seen) {
        self.loading += 1;
        self.load_file_pieces(sources, f, seen);
        self.loading -= 1;
    }

    fn load_file_pieces(&mut self, sources: &mut Sources, f: FileToLoad, seen: &mut Seen) {
        let FileToLoad {
            module,
            path,
            cfg: (cfg, cfg_meta),
            follow,
            declared_at,
            child_dir,
        } = f;
        let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
        // A file is loaded once per set of `#[cfg]` conditions: `mod imp;` declared in each
        // branch of a `cfg_if!` is a different module each time, but a `#[path]` cycle stops.
        let mut conditions = cfg.clone();
        conditions.sort();
        conditions.dedup();
        if !seen.insert((canonical, conditions)) {
            return;
        }
        let text = match sources.read(&path) {
            Ok(t) => t,
            Err(e) => {
                let shown = crate::source::display_path(&path);
                let (file, line) = declared_at.unwrap_or_else(|| (shown.clone(), 0));
                let what = if line == 0 {
                    format!("cannot read: {e}")
                } else {
                    format!("cannot read the module file {shown}: {e}")
                };
                self.diags.push(Diag::error(file, line, what));
                return;
            }
        };
        let file_id = match sources.find(&path) {
            Some(id) => id,
            None => sources.add(SourceFile::new(path.clone(), text)),
        };
        let file = sources.get(file_id);
        let pieces = parse::pieces(&file.text, parse::PIECE);
        // The outermost file clears proc-macro2's map before each piece; a file declared in
        // it keeps the spans of the piece that declares it readable.
        let outermost = self.loading == 1;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let is_mod_rs = self.modules[module].parent.is_none()
            || path.file_name().is_some_and(|n| n == "mod.rs");
        let child_dir = if let Some(d) = child_dir {
            d
        } else if is_mod_rs {
            dir
        } else {
            dir.join(path.file_stem().unwrap_or_default())
        };
        let text = Rc::clone(&file.text);
        let lines = file.lines();
        self.texts.insert(file_id, Rc::clone(&text));
        let mut ctx = Ctx {
            module,
            file: file_id,
            child_dir,
            cfg,
            cfg_meta,
            text: &text,
            lines,
            base: 0,
            inline: false,
            in_macro: None,
        };
        let mark = self.mark(module, seen);
        for piece in pieces {
            let parsed = {
                let file = sources.get(file_id);
                let text = file.parse_text_of(piece.clone());
                let parsed = if outermost {
                    parse::fresh::<syn::File>(&text)
                } else {
                    parse::more::<syn::File>(&text)
                };
                match parsed {
                    Ok(f) => f,
                    Err(e) => {
                        // Nothing of a file that does not parse is kept: a name declared
                        // after the error must not be missing from a module whose other
                        // names are there (an import would then find a glob's item).
                        let diag = syntax_error(file, &piece, &e);
                        self.take_back(mark, module, seen);
                        self.diags.push(diag);
                        return;
                    }
                }
            };
            let mut uses = OrderUses {
                found: Vec::new(),
                file: file_id,
                base: piece.start,
            };
            uses.visit_file(&parsed);
            for u in &mut uses.found {
                u.line = ctx.lines.line_of(u.line);
            }
            self.order_uses.extend(uses.found);
            ctx.base = piece.start;
            self.collect(sources, &mut ctx, &parsed.items, piece.start, follow, seen);
        }
    }

    /// How much there is now, before a file filling `module` is recorded.
    fn mark(&self, module: ModId, seen: &Seen) -> Mark {
        let m = &self.modules[module];
        Mark {
            items: self.items.len(),
            modules: self.modules.len(),
            diags: self.diags.len(),
            order_uses: self.order_uses.len(),
            seen: seen.order.len(),
            module_lists: (
                m.items.len(),
                m.uses.len(),
                m.others.len(),
                m.children.len(),
            ),
            macros: self.macros.clone(),
        }
    }

    /// Takes back everything recorded since `mark` (the modules, files and macros a file
    /// declared included).
    fn take_back(&mut self, mark: Mark, module: ModId, seen: &mut Seen) {
        self.items.truncate(mark.items);
        self.modules.truncate(mark.modules);
        self.diags.truncate(mark.diags);
        self.order_uses.truncate(mark.order_uses);
        seen.truncate(mark.seen);
        let m = &mut self.modules[module];
        let (items, uses, others, children) = mark.module_lists;
        m.items.truncate(items);
        m.uses.truncate(uses);
        m.others.truncate(others);
        m.children.truncate(children);
        self.macros = mark.macros;
    }

    /// Records `items` (the contents of a file or inline module starting at byte `start`).
    fn collect(
        &mut self,
        sources: &mut Sources,
        ctx: &mut Ctx<'_>,
        items: &[syn::Item],
        start: usize,
        follow: Follow,
        seen: &mut Seen,
    ) {
        let display = sources.get(ctx.file).display.clone();
        let mut prev_end = start;
        for item in items {
            let range = ctx.at(item.span());
            let leading = prev_end.min(range.start)..range.start;
            prev_end = range.end;
            match item {
                syn::Item::Struct(s) => {
                    let header = leading.start..ctx.at(s.struct_token.span).start;
                    self.add_struct(
                        ctx,
                        &s.ident,
                        is_public(&s.vis),
                        &s.attrs,
                        &s.fields,
                        header,
                        range.clone(),
                    );
                }
                syn::Item::Union(u) => {
                    let header = leading.start..ctx.at(u.union_token.span).start;
                    self.add_struct(
                        ctx,
                        &u.ident,
                        is_public(&u.vis),
                        &u.attrs,
                        u.fields.named.iter(),
                        header,
                        range.clone(),
                    );
                }
                syn::Item::Type(t) => self.add_item(
                    ctx,
                    t.ident.to_string(),
                    is_public(&t.vis),
                    &t.attrs,
                    ctx.line(t.ident.span()),
                    range.start,
                    ItemKind::Alias(range.clone()),
                ),
                syn::Item::Const(c) => {
                    self.add_item(
                        ctx,
                        c.ident.to_string(),
                        is_public(&c.vis),
                        &c.attrs,
                        ctx.line(c.ident.span()),
                        range.start,
                        ItemKind::Const(range.clone()),
                    );
                    self.scan_body(sources, ctx, &c.ident.to_string(), &*c.expr);
                }
                syn::Item::Use(u) => {
                    let mut out = Vec::new();
                    flatten_use(&u.tree, Vec::new(), &mut out);
                    let absolute = u.leading_colon.is_some();
                    let public = is_public(&u.vis);
                    let mut cfg = ctx.cfg_meta.clone();
                    cfg.extend(u.attrs.iter().filter_map(crate::cfg::predicate));
                    for mut d in out {
                        d.absolute = absolute;
                        d.public = public;
                        d.cfg = cfg.clone();
                        self.modules[ctx.module].uses.push(d);
                    }
                }
                syn::Item::Mod(m) => self.add_mod(sources, ctx, m, follow, seen, &display),
                syn::Item::ExternCrate(e) => {
                    let krate = e.ident.to_string();
                    let name = e
                        .rename
                        .as_ref()
                        .map_or_else(|| krate.clone(), |(_, r)| r.to_string());
                    let (path, absolute) = if krate == "self" {
                        (vec!["crate".to_owned()], false)
                    } else {
                        (vec![krate], true)
                    };
                    if name != "_" {
                        self.modules[ctx.module].uses.push(UseDecl {
                            path,
                            absolute,
                            name: Some(name),
                            public: is_public(&e.vis),
                            cfg: ctx.cfg_meta.clone(),
                        });
                    }
                }
                syn::Item::Enum(e) => {
                    // Also a name without a model, for `--compiled`, which asks rustc about
                    // every enum; name lookup finds the item first.
                    self.add_other(ctx, &e.ident, "enum", &e.vis);
                    let header = leading.start..ctx.at(e.enum_token.span).start;
                    let mut predicates = Vec::new();
                    crate::cfg::predicates_in(&e.attrs, &mut predicates);
                    for v in &e.variants {
                        crate::cfg::predicates_in(&v.attrs, &mut predicates);
                        for f in &v.fields {
                            crate::cfg::predicates_in(&f.attrs, &mut predicates);
                        }
                    }
                    let declared = Declared::new(
                        range.clone(),
                        markers::scan(&ctx.text[header.clone()], &e.attrs),
                        e.variants.iter().any(|v| {
                            has_cfg(&v.attrs) || v.fields.iter().any(|f| has_cfg(&f.attrs))
                        }),
                        predicates,
                    );
                    self.add_item(
                        ctx,
                        e.ident.to_string(),
                        is_public(&e.vis),
                        &e.attrs,
                        ctx.line(e.ident.span()),
                        header.end,
                        ItemKind::Enum(Box::new(declared)),
                    );
                }
                syn::Item::Trait(t) => {
                    self.add_other(ctx, &t.ident, "trait", &t.vis);
                    self.scan_body(sources, ctx, &t.ident.to_string(), t);
                }
                syn::Item::TraitAlias(t) => self.add_other(ctx, &t.ident, "trait", &t.vis),
                syn::Item::Fn(f) => self.scan_body(sources, ctx, &f.sig.ident.to_string(), f),
                syn::Item::Impl(i) => self.scan_body(sources, ctx, "impl", i),
                syn::Item::Static(s) => {
                    self.scan_body(sources, ctx, &s.ident.to_string(), &*s.expr)
                }
                syn::Item::Macro(m) => {
                    let line = ctx.lines.line_of(range.start);
                    self.add_macro(sources, ctx, m, follow, seen, line);
                }
                _ => {}
            }
        }
    }

    /// An item-level macro: `cfg_if!` branches become items under their conditions,
    /// `include!("file.rs")` is followed, any other invocation whose body parses as items is
    /// read as written (noted), and the rest is named in a note as not scanned.
    fn add_macro(
        &mut self,
        sources: &mut Sources,
        ctx: &mut Ctx<'_>,
        m: &syn::ItemMacro,
        follow: Follow,
        seen: &mut Seen,
        line: usize,
    ) {
        let display = sources.get(ctx.file).display.clone();
        if let Some(name) = &m.ident {
            if let Ok(body) = m.mac.parse_body_with(parse_parameterless) {
                // Kept as text: its spans are not readable once the next piece is parsed.
                let (lo, hi) = token_extent(body, ctx.base);
                let range = if lo <= hi { lo..hi } else { 0..0 };
                self.macros
                    .insert(name.to_string(), (ctx.file, line, range));
                return;
            }
            let what = if mentions_struct(m.mac.tokens.clone()) {
                Some("structs")
            } else if mentions_keyword(m.mac.tokens.clone(), "enum") {
                Some("enums")
            } else {
                None
            };
            if let Some(what) = what {
                self.diags.push(Diag::note(
                    display,
                    line,
                    format!(
                        "macro_rules! {name} not scanned: {what} defined inside macros are \
                         not analysed (its invocations are read as written when their body \
                         parses as items)"
                    ),
                ));
            }
            return;
        }
        let name = m
            .mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        let shown = path_text(&m.mac.path);
        let mut cfg_meta = ctx.cfg_meta.clone();
        cfg_meta.extend(m.attrs.iter().filter_map(crate::cfg::predicate));
        let mut cfg = ctx.cfg.clone();
        cfg.extend(cfg_conditions(&m.attrs, ctx));
        if m.mac.tokens.is_empty()
            && let Some((file, defined, body)) = self.macros.get(&name).cloned()
            && self.expanding.len() < 16
            && !self.expanding.contains(&name)
        {
            self.expand_parameterless(
                sources,
                ctx,
                (&name, file, defined, body),
                (cfg, cfg_meta),
                follow,
                seen,
                line,
            );
            return;
        }
        match name.as_str() {
            "cfg_if" => match m.mac.parse_body_with(parse_cfg_if) {
                Ok(branches) => {
                    let mut previous: Vec<syn::Meta> = Vec::new();
                    for branch in branches {
                        let mut own: Vec<syn::Meta> = Vec::new();
                        if !previous.is_empty() {
                            own.push(syn::parse_quote!(not(any(#(#previous),*))));
                        }
                        if let Some(c) = &branch.cfg {
                            own.push(c.clone());
                            previous.push(c.clone());
                        }
                        let mut inner = self.sub_ctx(ctx, &cfg, &cfg_meta, &own);
                        let start = ctx.at(branch.brace).start + 1;
                        self.collect(sources, &mut inner, &branch.items, start, follow, seen);
                    }
                }
                Err(e) => self.diags.push(Diag::note(
                    display,
                    line,
                    format!("`{shown}!` not scanned: not the `if #[cfg(..)] {{ items }} else ..` form ({e})"),
                )),
            },
            "include" => {
                let Ok(lit) = m.mac.parse_body::<syn::LitStr>() else {
                    self.diags.push(Diag::note(
                        display,
                        line,
                        format!(
                            "`{shown}!` not scanned: its path is not a string literal (a \
                             path computed by `concat!`/`env!` is not known before the build)"
                        ),
                    ));
                    return;
                };
                let dir = sources
                    .get(ctx.file)
                    .path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let file = FileToLoad {
                    module: ctx.module,
                    path: dir.join(lit.value()),
                    cfg: (cfg, cfg_meta),
                    follow,
                    declared_at: Some((display, line)),
                    child_dir: Some(ctx.child_dir.clone()),
                };
                self.load_file(sources, file, seen);
            }
            _ => match m.mac.parse_body_with(parse_items) {
                Ok(items) if !items.is_empty() => {
                    self.diags.push(Diag::note(
                        display,
                        line,
                        format!(
                            "inside macro `{shown}!`: read as written (what the macro adds, \
                             such as a #[repr] or derives, is not seen)"
                        ),
                    ));
                    let mut inner = self.sub_ctx(ctx, &cfg, &cfg_meta, &[]);
                    inner.in_macro = Some(shown);
                    let start = ctx.at(m.mac.delimiter.span().join()).start + 1;
                    self.collect(sources, &mut inner, &items, start, follow, seen);
                }
                _ => self.diags.push(Diag::note(
                    display,
                    line,
                    format!(
                        "`{shown}!` not scanned: its body is not a list of items (what it \
                         expands to is not known{})",
                        if mentions_struct(m.mac.tokens.clone()) {
                            "; it mentions `struct` or `union`"
                        } else if mentions_keyword(m.mac.tokens.clone(), "enum") {
                            "; it mentions `enum`"
                        } else {
                            ""
                        }
                    ),
                )),
            },
        }
    }

    /// `name!()` of a `macro_rules! name { () => { items } }` of the scanned code: its items,
    /// exactly as written in the definition (there is nothing to substitute).
    #[allow(clippy::too_many_arguments)]
    fn expand_parameterless(
        &mut self,
        sources: &mut Sources,
        ctx: &mut Ctx<'_>,
        (name, file, defined, body): (&str, FileId, usize, Range<usize>),
        (cfg, cfg_meta): (Vec<String>, Vec<syn::Meta>),
        follow: Follow,
        seen: &mut Seen,
        line: usize,
    ) {
        let display = sources.get(ctx.file).display.clone();
        let definition = sources.get(file);
        let text = Rc::clone(&definition.text);
        let lines = definition.lines();
        // Parsed again from its text, keeping the spans of the piece being recorded readable.
        let Some(body_text) = text.get(body.clone()) else {
            return;
        };
        let Ok(Items(items)) = parse::more::<Items>(body_text) else {
            return;
        };
        self.diags.push(Diag::note(
            display,
            line,
            format!(
                "`{name}!()` expanded from its definition ({}:{defined}), which has no \
                 parameters",
                sources.get(file).display
            ),
        ));
        let mut inner = Ctx {
            module: ctx.module,
            file,
            child_dir: ctx.child_dir.clone(),
            cfg,
            cfg_meta,
            text: &text,
            lines,
            base: body.start,
            inline: ctx.inline,
            in_macro: ctx.in_macro.clone(),
        };
        self.expanding.push(name.to_owned());
        let start = body.start;
        self.collect(sources, &mut inner, &items, start, follow, seen);
        self.expanding.pop();
    }

    /// The context of items nested in a macro body of `ctx`, under `cfg` and `own` conditions.
    fn sub_ctx<'c>(
        &self,
        ctx: &Ctx<'c>,
        cfg: &[String],
        cfg_meta: &[syn::Meta],
        own: &[syn::Meta],
    ) -> Ctx<'c> {
        let mut cfg = cfg.to_vec();
        cfg.extend(own.iter().map(|m| format!("cfg({})", crate::cfg::text(m))));
        let mut cfg_meta = cfg_meta.to_vec();
        cfg_meta.extend(own.iter().cloned());
        Ctx {
            module: ctx.module,
            file: ctx.file,
            child_dir: ctx.child_dir.clone(),
            cfg,
            cfg_meta,
            text: ctx.text,
            lines: Rc::clone(&ctx.lines),
            base: ctx.base,
            inline: ctx.inline,
            in_macro: ctx.in_macro.clone(),
        }
    }

    /// Records a struct or union (`fields`: its fields, for whether any is under `#[cfg]`).
    #[allow(clippy::too_many_arguments)]
    fn add_struct<'f>(
        &mut self,
        ctx: &Ctx<'_>,
        ident: &syn::Ident,
        public: bool,
        attrs: &[syn::Attribute],
        fields: impl IntoIterator<Item = &'f syn::Field>,
        header: Range<usize>,
        range: Range<usize>,
    ) {
        let mut predicates = Vec::new();
        crate::cfg::predicates_in(attrs, &mut predicates);
        let mut cfg_inside = false;
        for f in fields {
            crate::cfg::predicates_in(&f.attrs, &mut predicates);
            cfg_inside |= has_cfg(&f.attrs);
        }
        let declared = Declared::new(
            range,
            markers::scan(&ctx.text[header.clone()], attrs),
            cfg_inside,
            predicates,
        );
        self.add_item(
            ctx,
            ident.to_string(),
            public,
            attrs,
            ctx.line(ident.span()),
            header.end,
            ItemKind::Struct(Box::new(declared)),
        );
    }

    fn add_other(
        &mut self,
        ctx: &Ctx<'_>,
        ident: &syn::Ident,
        kind: &'static str,
        vis: &syn::Visibility,
    ) {
        self.modules[ctx.module].others.push(OtherName {
            name: ident.to_string(),
            kind,
            public: is_public(vis),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn add_item(
        &mut self,
        ctx: &Ctx<'_>,
        name: String,
        public: bool,
        attrs: &[syn::Attribute],
        line: usize,
        start: usize,
        kind: ItemKind,
    ) {
        let mut cfg = ctx.cfg.clone();
        cfg.extend(cfg_conditions(attrs, ctx));
        let mut cfg_meta = ctx.cfg_meta.clone();
        cfg_meta.extend(attrs.iter().filter_map(crate::cfg::predicate));
        let any = !cfg.is_empty() || !cfg_meta.is_empty() || ctx.in_macro.is_some();
        let context = any.then(|| {
            Box::new(Context {
                cfg,
                cfg_meta,
                in_macro: ctx.in_macro.clone(),
            })
        });
        let id = self.items.len();
        self.items.push(Item {
            name,
            module: ctx.module,
            file: ctx.file,
            line,
            start,
            public,
            context,
            kind,
        });
        self.modules[ctx.module].items.push(id);
    }

    fn add_mod(
        &mut self,
        sources: &mut Sources,
        ctx: &mut Ctx<'_>,
        m: &syn::ItemMod,
        follow: Follow,
        seen: &mut Seen,
        display: &str,
    ) {
        let name = m.ident.to_string();
        let krate = self.modules[ctx.module].krate;
        let path = format!("{}::{name}", self.modules[ctx.module].path);
        let child = self.new_module(krate, path, Some(ctx.module), false);
        self.modules[child].public = is_public(&m.vis);
        self.modules[ctx.module]
            .children
            .push((name.clone(), child));
        let mut cfg = ctx.cfg.clone();
        let own_cfg = cfg_conditions(&m.attrs, ctx);
        cfg.extend(own_cfg.iter().cloned());
        let mut cfg_meta = ctx.cfg_meta.clone();
        cfg_meta.extend(m.attrs.iter().filter_map(crate::cfg::predicate));
        self.modules[child].cfg_meta = cfg_meta.clone();
        let path_attr = m.attrs.iter().find_map(|a| {
            if !a.path().is_ident("path") {
                return None;
            }
            match &a.meta {
                syn::Meta::NameValue(syn::MetaNameValue {
                    value:
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }),
                    ..
                }) => Some(s.value()),
                _ => None,
            }
        });
        let line = ctx.line(m.ident.span());
        match &m.content {
            Some((brace, items)) => {
                let start = ctx.at(brace.span.join()).start + 1;
                let dir = match &path_attr {
                    Some(p) => ctx.child_dir.join(p),
                    None => ctx.child_dir.join(&name),
                };
                let mut inner = Ctx {
                    module: child,
                    file: ctx.file,
                    child_dir: dir,
                    cfg,
                    cfg_meta,
                    text: ctx.text,
                    lines: Rc::clone(&ctx.lines),
                    base: ctx.base,
                    inline: true,
                    in_macro: ctx.in_macro.clone(),
                };
                self.collect(sources, &mut inner, items, start, follow, seen);
            }
            None if follow == Follow::FileOnly => {
                self.diags.push(Diag::note(
                    display,
                    line,
                    format!(
                        "module `{name}` not scanned: only the files given are (give the crate \
                         directory to follow `mod` declarations)"
                    ),
                ));
            }
            None => {
                let file_dir = sources
                    .get(ctx.file)
                    .path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                let candidates = match &path_attr {
                    Some(p) if ctx.inline => vec![ctx.child_dir.join(p)],
                    Some(p) => vec![file_dir.join(p)],
                    None => vec![
                        ctx.child_dir.join(format!("{name}.rs")),
                        ctx.child_dir.join(&name).join("mod.rs"),
                    ],
                };
                match candidates.iter().find(|p| p.is_file()) {
                    Some(file) => {
                        let file = FileToLoad {
                            module: child,
                            path: file.clone(),
                            cfg: (cfg, cfg_meta),
                            follow,
                            declared_at: Some((display.to_owned(), line)),
                            child_dir: None,
                        };
                        self.load_file(sources, file, seen);
                    }
                    None if !own_cfg.is_empty() => self.diags.push(Diag::note(
                        display,
                        line,
                        format!(
                            "module `{name}` (under #[{}]) has no file here; not scanned",
                            own_cfg.join(", ")
                        ),
                    )),
                    None => self.diags.push(Diag::error(
                        display,
                        line,
                        format!(
                            "cannot find the file of module `{name}` (looked for {})",
                            candidates
                                .iter()
                                .map(|p| crate::source::display_path(p))
                                .collect::<Vec<_>>()
                                .join(" and ")
                        ),
                    )),
                }
            }
        }
    }

    /// Records the items declared inside a function body, impl, trait or initializer, in a
    /// block module named after it.
    fn scan_body<T: ?Sized>(
        &mut self,
        sources: &mut Sources,
        ctx: &mut Ctx<'_>,
        name: &str,
        node: &T,
    ) where
        for<'a> BodyItems<'a>: VisitNode<'a, T>,
    {
        let mut found = BodyItems {
            items: Vec::new(),
            depth: 0,
        };
        found.visit_node(node);
        if found.items.is_empty() {
            return;
        }
        let krate = self.modules[ctx.module].krate;
        let path = format!("{}::{name}::{{body}}", self.modules[ctx.module].path);
        let block = self.new_module(krate, path, Some(ctx.module), true);
        let items: Vec<syn::Item> = found.items.into_iter().cloned().collect();
        let mut inner = Ctx {
            module: block,
            file: ctx.file,
            child_dir: ctx.child_dir.clone(),
            cfg: ctx.cfg.clone(),
            cfg_meta: ctx.cfg_meta.clone(),
            text: ctx.text,
            lines: Rc::clone(&ctx.lines),
            base: ctx.base,
            inline: ctx.inline,
            in_macro: ctx.in_macro.clone(),
        };
        let start = items.first().map_or(0, |i| inner.at(i.span()).start);
        let mut seen = Seen::default();
        self.collect(
            sources,
            &mut inner,
            &items,
            start,
            Follow::FileOnly,
            &mut seen,
        );
    }
}

/// A struct or an enum parsed again.
#[derive(Debug, Clone)]
enum Parsed {
    Struct(Rc<StructItem>),
    Enum(Rc<EnumItem>),
}

impl Tree {
    /// The struct or union `id`, parsed again from its file (see [`crate::parse`]).
    pub fn struct_of(&self, id: ItemId) -> Option<Rc<StructItem>> {
        if let Some(Parsed::Struct(s)) = self.parsed_last(id) {
            return Some(s);
        }
        let s = Rc::new(self.parse_struct(id)?);
        self.keep_parsed(id, Parsed::Struct(Rc::clone(&s)));
        Some(s)
    }

    /// The enum `id`, parsed again from its file (see [`crate::parse`]).
    pub fn enum_of(&self, id: ItemId) -> Option<Rc<EnumItem>> {
        if let Some(Parsed::Enum(e)) = self.parsed_last(id) {
            return Some(e);
        }
        let e = Rc::new(self.parse_enum(id)?);
        self.keep_parsed(id, Parsed::Enum(Rc::clone(&e)));
        Some(e)
    }

    /// `id` parsed last, if its spans are still readable.
    fn parsed_last(&self, id: ItemId) -> Option<Parsed> {
        match &*self.last_parsed.borrow() {
            Some((generation, last, parsed))
                if *last == id && *generation == parse::generation() =>
            {
                Some(parsed.clone())
            }
            _ => None,
        }
    }

    fn keep_parsed(&self, id: ItemId, parsed: Parsed) {
        *self.last_parsed.borrow_mut() = Some((parse::generation(), id, parsed));
    }

    fn parse_struct(&self, id: ItemId) -> Option<StructItem> {
        let item = &self.items[id];
        let ItemKind::Struct(declared) = &item.kind else {
            return None;
        };
        let base = declared.range.start;
        let parsed: syn::Item = self.parse_again(item.file, &declared.range)?;
        let (attrs, generics, fields, is_union) = match parsed {
            syn::Item::Struct(s) => (s.attrs, s.generics, s.fields, false),
            syn::Item::Union(u) => (u.attrs, u.generics, syn::Fields::Named(u.fields), true),
            _ => return None,
        };
        let (body_start, body_end, field_spans) = match &fields {
            syn::Fields::Named(named) => {
                let b = body(named, base);
                (Some(b.start), Some(b.end), b.fields)
            }
            syn::Fields::Unnamed(unnamed) => (None, None, field_spans(&unnamed.unnamed, base)),
            syn::Fields::Unit => (None, None, Vec::new()),
        };
        Some(StructItem {
            attrs,
            generics,
            fields,
            is_union,
            body_start,
            body_end,
            field_spans,
            markers: declared.markers().clone(),
        })
    }

    fn parse_enum(&self, id: ItemId) -> Option<EnumItem> {
        let item = &self.items[id];
        let ItemKind::Enum(declared) = &item.kind else {
            return None;
        };
        let e: syn::ItemEnum = self.parse_again(item.file, &declared.range)?;
        let base = declared.range.start;
        let bodies = e
            .variants
            .iter()
            .map(|v| match &v.fields {
                syn::Fields::Named(named) => Some(body(named, base)),
                _ => None,
            })
            .collect();
        Some(EnumItem {
            attrs: e.attrs,
            generics: e.generics,
            variants: e.variants.into_iter().collect(),
            bodies,
            markers: declared.markers().clone(),
        })
    }

    /// The type alias `id`, parsed again from its file (see [`crate::parse`]).
    pub fn alias_of(&self, id: ItemId) -> Option<syn::ItemType> {
        let item = &self.items[id];
        let ItemKind::Alias(range) = &item.kind else {
            return None;
        };
        self.parse_again(item.file, range)
    }

    /// The constant `id`, parsed again from its file (see [`crate::parse`]).
    pub fn const_of(&self, id: ItemId) -> Option<syn::ItemConst> {
        let item = &self.items[id];
        let ItemKind::Const(range) = &item.kind else {
            return None;
        };
        self.parse_again(item.file, range)
    }

    /// The item at `range` of `file`. It parsed when the file was loaded, and the text does
    /// not change.
    fn parse_again<T: syn::parse::Parse>(&self, file: FileId, range: &Range<usize>) -> Option<T> {
        let text = self.texts.get(&file)?.get(range.clone())?;
        parse::more(text).ok()
    }
}

/// The items found anywhere inside a function body (nested blocks included).
pub struct BodyItems<'a> {
    items: Vec<&'a syn::Item>,
    depth: usize,
}

/// Visiting the different nodes that can hold a body.
pub trait VisitNode<'a, T: ?Sized> {
    /// Visits `node`.
    fn visit_node(&mut self, node: &'a T);
}

impl<'a> VisitNode<'a, syn::ItemFn> for BodyItems<'a> {
    fn visit_node(&mut self, node: &'a syn::ItemFn) {
        self.visit_block(&node.block);
    }
}
impl<'a> VisitNode<'a, syn::ItemImpl> for BodyItems<'a> {
    fn visit_node(&mut self, node: &'a syn::ItemImpl) {
        syn::visit::visit_item_impl(self, node);
    }
}
impl<'a> VisitNode<'a, syn::ItemTrait> for BodyItems<'a> {
    fn visit_node(&mut self, node: &'a syn::ItemTrait) {
        syn::visit::visit_item_trait(self, node);
    }
}
impl<'a> VisitNode<'a, syn::Expr> for BodyItems<'a> {
    fn visit_node(&mut self, node: &'a syn::Expr) {
        self.visit_expr(node);
    }
}

impl<'a> Visit<'a> for BodyItems<'a> {
    fn visit_item(&mut self, item: &'a syn::Item) {
        match item {
            syn::Item::Struct(_)
            | syn::Item::Union(_)
            | syn::Item::Type(_)
            | syn::Item::Enum(_)
            | syn::Item::Use(_)
            | syn::Item::Macro(_) => self.items.push(item),
            syn::Item::Const(_) => self.items.push(item),
            // Nested function bodies are scanned with the same scope (a simplification: an
            // item inside a nested function is visible here too).
            _ if self.depth < 8 => {
                self.depth += 1;
                syn::visit::visit_item(self, item);
                self.depth -= 1;
            }
            _ => {}
        }
    }
}

/// Finds the types named in FFI positions and the hand-written byte-view impls of a file.
struct OrderUses {
    /// What was found; `line` holds a byte offset until the caller converts it.
    found: Vec<OrderUse>,
    file: FileId,
    /// Where the parsed piece starts in the file.
    base: usize,
}

impl OrderUses {
    fn add(&mut self, ty: &syn::Type, at: proc_macro2::Span, kind: &UseKind) {
        let mut names = Vec::new();
        crate::refusal::type_names(ty, &mut names);
        for name in names {
            self.found.push(OrderUse {
                name,
                file: self.file,
                line: parse::at(at, self.base).start,
                kind: kind.clone(),
            });
        }
    }

    fn signature(&mut self, sig: &syn::Signature, what: String) {
        let kind = UseKind::Ffi(what);
        for input in &sig.inputs {
            if let syn::FnArg::Typed(t) = input {
                self.add(&t.ty, sig.ident.span(), &kind);
            }
        }
        if let syn::ReturnType::Type(_, ty) = &sig.output {
            self.add(ty, sig.ident.span(), &kind);
        }
    }
}

/// The ABI of `extern "ABI"` when it is not Rust's (`extern` alone is C's).
/// The syntax error `e` of the piece `piece` of a file, located in the whole file.
fn syntax_error(file: &SourceFile, piece: &Range<usize>, e: &syn::Error) -> Diag {
    // The lexer's own message says nothing of the cause: find it.
    if let Some((line, column, why)) = crate::source::unbalanced(&file.parse_text()) {
        return Diag::error(file.display.clone(), line, format!("syntax error: {why}"))
            .at_column(column);
    }
    // syn's line and column are the piece's: its first line may start mid-line.
    let start = e.span().start();
    let first_line = file.line_of(piece.start);
    let line_start = file.text[..piece.start].rfind('\n').map_or(0, |i| i + 1);
    let (line, column) = if start.line <= 1 {
        let before = file.text[line_start..piece.start].chars().count();
        (first_line, before + start.column + 1)
    } else {
        (first_line + start.line - 1, start.column + 1)
    };
    Diag::error(file.display.clone(), line, format!("syntax error: {e}")).at_column(column)
}

fn foreign_abi(abi: Option<&syn::Abi>) -> Option<String> {
    let name = abi?
        .name
        .as_ref()
        .map_or_else(|| "C".to_owned(), syn::LitStr::value);
    (!name.starts_with("Rust") && !name.starts_with("rust")).then_some(name)
}

/// Whether an item is exported under a fixed symbol name (`#[no_mangle]`, `#[export_name]`,
/// also in their `#[unsafe(...)]` form).
fn exported(attrs: &[syn::Attribute]) -> bool {
    let names = |p: &syn::Path| p.is_ident("no_mangle") || p.is_ident("export_name");
    attrs.iter().any(|a| {
        names(a.path())
            || (a.path().is_ident("unsafe")
                && a.parse_args::<syn::Meta>().is_ok_and(|m| names(m.path())))
    })
}

impl<'ast> Visit<'ast> for OrderUses {
    fn visit_item_foreign_mod(&mut self, m: &'ast syn::ItemForeignMod) {
        let abi = foreign_abi(Some(&m.abi)).unwrap_or_else(|| "C".into());
        for item in &m.items {
            match item {
                syn::ForeignItem::Fn(f) => {
                    self.signature(
                        &f.sig,
                        format!("the `extern \"{abi}\"` block declaring `{}`", f.sig.ident),
                    );
                }
                syn::ForeignItem::Static(st) => {
                    let kind = UseKind::Ffi(format!(
                        "the `extern \"{abi}\"` block declaring `{}`",
                        st.ident
                    ));
                    self.add(&st.ty, st.ident.span(), &kind);
                }
                _ => {}
            }
        }
        syn::visit::visit_item_foreign_mod(self, m);
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if let Some(abi) = foreign_abi(f.sig.abi.as_ref()) {
            self.signature(
                &f.sig,
                format!("the signature of `extern \"{abi}\" fn {}`", f.sig.ident),
            );
        } else if exported(&f.attrs) {
            self.signature(
                &f.sig,
                format!("the signature of the exported `fn {}`", f.sig.ident),
            );
        }
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if let Some(abi) = foreign_abi(f.sig.abi.as_ref()) {
            self.signature(
                &f.sig,
                format!("the signature of `extern \"{abi}\" fn {}`", f.sig.ident),
            );
        } else if exported(&f.attrs) {
            self.signature(
                &f.sig,
                format!("the signature of the exported `fn {}`", f.sig.ident),
            );
        }
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_item_static(&mut self, st: &'ast syn::ItemStatic) {
        if exported(&st.attrs) {
            let kind = UseKind::Ffi(format!("the exported `static {}`", st.ident));
            self.add(&st.ty, st.ident.span(), &kind);
        }
        syn::visit::visit_item_static(self, st);
    }

    fn visit_type_bare_fn(&mut self, f: &'ast syn::TypeBareFn) {
        if let Some(abi) = foreign_abi(f.abi.as_ref()) {
            let kind = UseKind::Ffi(format!("an `extern \"{abi}\" fn` pointer type"));
            let at = f.fn_token.span;
            for input in &f.inputs {
                self.add(&input.ty, at, &kind);
            }
            if let syn::ReturnType::Type(_, ty) = &f.output {
                self.add(ty, at, &kind);
            }
        }
        syn::visit::visit_type_bare_fn(self, f);
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        if let Some((_, path, _)) = &i.trait_
            && let Some(last) = path.segments.last()
            && crate::refusal::is_byte_trait(&last.ident.to_string())
            && let syn::Type::Path(self_ty) = &*i.self_ty
            && let Some(name) = self_ty.path.segments.last()
        {
            self.found.push(OrderUse {
                name: name.ident.to_string(),
                file: self.file,
                line: parse::at(i.impl_token.span, self.base).start,
                kind: UseKind::Impl(path_text(path)),
            });
        }
        syn::visit::visit_item_impl(self, i);
    }
}

/// Where each field and its trailing comma are in the file, for fields parsed from `base`.
fn field_spans(
    fields: &syn::punctuated::Punctuated<syn::Field, syn::Token![,]>,
    base: usize,
) -> Vec<FieldSpan> {
    fields
        .pairs()
        .map(|pair| {
            let (start, end) = token_extent(pair.value().to_token_stream(), base);
            FieldSpan {
                start,
                end,
                comma: pair.punct().map(|c| parse::at(c.span, base).start),
            }
        })
        .collect()
}

/// Where the named fields between braces are, parsed from `base`.
fn body(named: &syn::FieldsNamed, base: usize) -> Body {
    let braces = parse::at(named.brace_token.span.join(), base);
    Body {
        start: braces.start + 1,
        end: braces.end - 1,
        fields: field_spans(&named.named, base),
    }
}

/// The first and last byte covered by a token stream (groups include their delimiters), for
/// tokens parsed from `base`.
fn token_extent(tokens: proc_macro2::TokenStream, base: usize) -> (usize, usize) {
    let mut lo = usize::MAX;
    let mut hi = 0;
    for t in tokens {
        let r = parse::at(t.span(), base);
        lo = lo.min(r.start);
        hi = hi.max(r.end);
    }
    (lo, hi)
}

/// Whether a macro body mentions the `struct` or `union` keyword (it may define types).
fn mentions_struct(tokens: proc_macro2::TokenStream) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == "struct" || i == "union",
        proc_macro2::TokenTree::Group(g) => mentions_struct(g.stream()),
        _ => false,
    })
}

/// Whether a macro body mentions `keyword`.
fn mentions_keyword(tokens: proc_macro2::TokenStream, keyword: &str) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == keyword,
        proc_macro2::TokenTree::Group(g) => mentions_keyword(g.stream(), keyword),
        _ => false,
    })
}

/// A path as written, without spaces (`bitflags::bitflags`).
pub fn path_text(path: &syn::Path) -> String {
    let mut s = String::new();
    if path.leading_colon.is_some() {
        s.push_str("::");
    }
    for (i, seg) in path.segments.iter().enumerate() {
        if i > 0 {
            s.push_str("::");
        }
        s.push_str(&seg.ident.to_string());
    }
    s
}

/// The `#[cfg(...)]` conditions among `attrs` (of the text being recorded), as written.
fn cfg_conditions(attrs: &[syn::Attribute], ctx: &Ctx<'_>) -> Vec<String> {
    let text = ctx.text;
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .map(|a| {
            let r = ctx.at(a.span());
            let written = &text[r.start.min(text.len())..r.end.min(text.len())];
            written
                .trim_start_matches("#[")
                .trim_end_matches(']')
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Whether any of `attrs` is a `#[cfg]`.
pub(crate) fn has_cfg(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg"))
}

/// Whether a visibility is any `pub` (`pub`, `pub(crate)`, `pub(super)`, `pub(in ...)`).
fn is_public(vis: &syn::Visibility) -> bool {
    !matches!(vis, syn::Visibility::Inherited)
}

/// Flattens a `use` tree into one declaration per leaf.
fn flatten_use(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<UseDecl>) {
    match tree {
        syn::UseTree::Path(p) => {
            let mut prefix = prefix;
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, out);
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                // `use a::b::{self}` binds `b`.
                if let Some(last) = prefix.last().cloned() {
                    out.push(UseDecl {
                        path: prefix,
                        absolute: false,
                        name: Some(last),
                        public: false,
                        cfg: Vec::new(),
                    });
                }
            } else {
                let mut path = prefix;
                path.push(name.clone());
                out.push(UseDecl {
                    path,
                    absolute: false,
                    name: Some(name),
                    public: false,
                    cfg: Vec::new(),
                });
            }
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix;
            let name = r.ident.to_string();
            if name != "self" {
                path.push(name);
            }
            let alias = r.rename.to_string();
            if alias != "_" {
                out.push(UseDecl {
                    path,
                    absolute: false,
                    name: Some(alias),
                    public: false,
                    cfg: Vec::new(),
                });
            }
        }
        syn::UseTree::Glob(_) => out.push(UseDecl {
            path: prefix,
            absolute: false,
            name: None,
            public: false,
            cfg: Vec::new(),
        }),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix.clone(), out);
            }
        }
    }
}

/// One branch of `cfg_if!`: its own `#[cfg]` predicate (none for the final `else`) and items.
struct CfgIfBranch {
    cfg: Option<syn::Meta>,
    brace: proc_macro2::Span,
    items: Vec<syn::Item>,
}

/// `if #[cfg(a)] { items } else if #[cfg(b)] { items } else { items }`, as `cfg_if!` takes it
/// (several predicates in one `#[cfg(a, b)]` mean all of them).
fn parse_cfg_if(input: syn::parse::ParseStream<'_>) -> syn::Result<Vec<CfgIfBranch>> {
    let mut branches = Vec::new();
    loop {
        let cfg = if input.peek(syn::Token![if]) {
            input.parse::<syn::Token![if]>()?;
            let attrs = input.call(syn::Attribute::parse_outer)?;
            let mut preds = Vec::new();
            for a in &attrs {
                if !a.path().is_ident("cfg") {
                    return Err(syn::Error::new(a.span(), "expected #[cfg(...)]"));
                }
                let list = a.parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                )?;
                preds.extend(list);
            }
            Some(match preds.len() {
                1 => preds.remove(0),
                _ => syn::parse_quote!(all(#(#preds),*)),
            })
        } else {
            None
        };
        let content;
        let brace = syn::braced!(content in input);
        let items = parse_items(&content)?;
        let last = cfg.is_none();
        branches.push(CfgIfBranch {
            cfg,
            brace: brace.span.join(),
            items,
        });
        if last || input.is_empty() {
            break;
        }
        input.parse::<syn::Token![else]>()?;
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the last branch"));
    }
    Ok(branches)
}

/// Items until the end of the input, as [`parse::more`] parses them.
struct Items(Vec<syn::Item>);

impl syn::parse::Parse for Items {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        parse_items(input).map(Items)
    }
}

/// Items until the end of the input (inner attributes, as in a file, are skipped).
fn parse_items(input: syn::parse::ParseStream<'_>) -> syn::Result<Vec<syn::Item>> {
    let _ = input.call(syn::Attribute::parse_inner)?;
    let mut items = Vec::new();
    while !input.is_empty() {
        items.push(input.parse()?);
    }
    Ok(items)
}

/// The body of `macro_rules! name { () => { body } }` (one rule, no parameters).
fn parse_parameterless(
    input: syn::parse::ParseStream<'_>,
) -> syn::Result<proc_macro2::TokenStream> {
    let params;
    syn::parenthesized!(params in input);
    if !params.is_empty() {
        return Err(params.error("parameters"));
    }
    input.parse::<syn::Token![=>]>()?;
    let body: proc_macro2::Group = input.parse()?;
    let _ = input.parse::<Option<syn::Token![;]>>()?;
    if !input.is_empty() {
        return Err(input.error("more than one rule"));
    }
    Ok(body.stream())
}

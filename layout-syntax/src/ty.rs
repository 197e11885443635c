//! A `syn::Type` as an engine [`Ty`], where the syntax alone decides its layout on every target.
//!
//! Recognised without help: the primitives and `()`; raw pointers, references, `Box`, `Rc`,
//! `Arc`, `NonNull` (two words when they point to `[T]`, `str`, `dyn Trait`, `CStr`, `OsStr` or
//! `Path`, one otherwise), function pointers; `Option` of those and of `NonZero*`; `NonZero<T>`
//! and `NonZeroU32`-style names; the transparent wrappers `ManuallyDrop`, `MaybeUninit`, `Cell`,
//! `UnsafeCell`, `Wrapping`, `Saturating`; `PhantomData`, `PhantomPinned`; the atomics; arrays
//! whose length is an integer expression of literals; core's C aliases (`c_char` ... `c_double`,
//! with `c_int` and `c_long` per target: [`Prim::CInt`], [`Prim::CLong`]) under `core::ffi`,
//! `std::ffi`, `std::os::raw`, `libc` or bare, and libc's `size_t`, `ssize_t`, `ptrdiff_t`,
//! `intptr_t`, `uintptr_t` qualified by `libc::`. Each may be spelt bare or qualified by
//! `core::`, `std::` or `alloc::`.
//!
//! `Vec`, `String`, tuples and `Option` of anything else are [`Class::HostOnly`]: rustc chooses
//! their layout, so only the compiler's own numbers on the compiling target describe them. Every other path goes to the
//! [`Resolver`]; what it does not know is [`Class::Unknown`].

use layout_engine::{Prim, PtrKind, Ty};

/// What the syntax says about a type's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class<'a> {
    /// The same model on every target.
    Known(Ty<'a>),
    /// Only the compiler's numbers on the compiling target describe it.
    HostOnly(HostOnly),
    /// The syntax does not tell (only the compiler resolves it).
    Unknown(Unknown),
}

/// Why a type is known on the compiling target only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostOnly {
    /// `Vec`, `String`, a tuple or an `Option` without a niche: `repr(Rust)`, chosen by rustc.
    ReprRust,
}

/// Why the syntax does not tell a type's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// A type parameter of the struct: known per instantiation.
    Param,
    /// A path the resolver does not know: another struct, an alias, another crate's type.
    Path,
    /// An array whose length is not an integer expression of literals (a `const`, a const
    /// parameter, a function call).
    ArrayLen,
    /// A pointer to a type parameter that may be unsized (`T: ?Sized`): thin or wide per
    /// instantiation.
    MaybeUnsizedPointee,
    /// Anything else (`impl Trait`, a macro call, `<T as Trait>::Assoc`, `Self`, ...).
    Other,
}

/// Resolves the paths the module does not know, to a model in storage the caller owns.
pub trait Resolver<'a> {
    /// The model of the type `path` names, if the resolver knows it.
    fn resolve(&mut self, path: &syn::TypePath) -> Option<&'a Ty<'a>>;
}

/// The resolver that knows nothing (the derive's: the compiler resolves the rest).
pub struct NoResolver;

impl<'a> Resolver<'a> for NoResolver {
    fn resolve(&mut self, _: &syn::TypePath) -> Option<&'a Ty<'a>> {
        None
    }
}

/// The context of a classification: the struct's type parameters and the resolver.
pub struct Context<'r, 'a> {
    /// The struct's type parameters, each with whether it may be unsized (`T: ?Sized`).
    pub params: Vec<(String, bool)>,
    /// Resolves the other paths.
    pub resolver: &'r mut dyn Resolver<'a>,
}

impl<'r, 'a> Context<'r, 'a> {
    /// A context for an item with these generics.
    pub fn new(generics: &syn::Generics, resolver: &'r mut dyn Resolver<'a>) -> Self {
        let mut params: Vec<(String, bool)> = generics
            .type_params()
            .map(|p| (p.ident.to_string(), p.bounds.iter().any(is_maybe_sized)))
            .collect();
        if let Some(wc) = &generics.where_clause {
            for pred in &wc.predicates {
                if let syn::WherePredicate::Type(t) = pred
                    && t.bounds.iter().any(is_maybe_sized)
                    && let syn::Type::Path(p) = &t.bounded_ty
                    && let Some(id) = p.path.get_ident()
                {
                    let id = id.to_string();
                    for (name, unsized_) in &mut params {
                        if *name == id {
                            *unsized_ = true;
                        }
                    }
                }
            }
        }
        Context { params, resolver }
    }

    fn param(&self, path: &syn::Path) -> Option<bool> {
        let id = path.get_ident()?.to_string();
        self.params.iter().find(|(n, _)| *n == id).map(|(_, u)| *u)
    }
}

fn is_maybe_sized(b: &syn::TypeParamBound) -> bool {
    matches!(b, syn::TypeParamBound::Trait(t)
        if matches!(t.modifier, syn::TraitBoundModifier::Maybe(_)) && t.path.is_ident("Sized"))
}

/// Classifies `ty` (see the [module documentation](self)).
pub fn classify<'a>(ty: &syn::Type, cx: &mut Context<'_, 'a>) -> Class<'a> {
    classify_ref(ty, cx).0
}

/// [`classify`], plus, for a known type, a reference to its model that lives for `'a` (a
/// `'static` leaf or the resolver's storage), which an array of it borrows.
fn classify_ref<'a>(ty: &syn::Type, cx: &mut Context<'_, 'a>) -> (Class<'a>, Option<&'a Ty<'a>>) {
    match ty {
        syn::Type::Paren(p) => classify_ref(&p.elem, cx),
        syn::Type::Group(g) => classify_ref(&g.elem, cx),
        syn::Type::Array(a) => {
            let Some(len) = eval_len(&a.len) else {
                return (Class::Unknown(Unknown::ArrayLen), None);
            };
            match classify_ref(&a.elem, cx) {
                // Saturating: an overflowing total length makes the size overflow too, which
                // the engine reports as too big, exactly as rustc rejects the type.
                (Class::Known(Ty::Array(inner, n)), _) => {
                    (Class::Known(Ty::Array(inner, n.saturating_mul(len))), None)
                }
                (Class::Known(_), Some(elem)) => (Class::Known(Ty::Array(elem, len)), None),
                (Class::Known(_), None) => (Class::Unknown(Unknown::Other), None),
                (other, _) => (other, None),
            }
        }
        syn::Type::Path(p) => path_type(p, cx),
        other => {
            let class = match other {
                syn::Type::Tuple(t) if t.elems.is_empty() => Class::Known(Ty::Zst),
                syn::Type::Tuple(_) => Class::HostOnly(HostOnly::ReprRust),
                syn::Type::Ptr(p) => pointer(&p.elem, cx),
                syn::Type::Reference(r) => pointer(&r.elem, cx),
                syn::Type::BareFn(_) => Class::Known(Ty::Ptr(PtrKind::Fn)),
                _ => Class::Unknown(Unknown::Other),
            };
            with_leaf(class)
        }
    }
}

fn with_leaf(class: Class<'_>) -> (Class<'_>, Option<&'static Ty<'static>>) {
    let r = match class {
        Class::Known(t) => leaf(t),
        _ => None,
    };
    (class, r)
}

fn strip(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Paren(p) => strip(&p.elem),
        syn::Type::Group(g) => strip(&g.elem),
        other => other,
    }
}

/// The `'static` model of a leaf type, so that an array can borrow it.
fn leaf(ty: Ty<'_>) -> Option<&'static Ty<'static>> {
    /// `Ty::Prim` (or `Ty::Atomic`) of every primitive, in `Prim::ALL` order.
    const N: usize = Prim::ALL.len();
    const fn each_prim(atomic: bool) -> [Ty<'static>; N] {
        let mut out = [Ty::Zst; N];
        let mut i = 0;
        while i < N {
            let p = Prim::ALL[i];
            out[i] = if atomic { Ty::Atomic(p) } else { Ty::Prim(p) };
            i += 1;
        }
        out
    }
    static STATIC_PRIMS: [Ty<'static>; N] = each_prim(false);
    static STATIC_ATOMICS: [Ty<'static>; N] = each_prim(true);
    let index = |p: Prim| Prim::ALL.iter().position(|q| *q == p).unwrap_or(0);
    Some(match ty {
        Ty::Prim(p) => &STATIC_PRIMS[index(p)],
        Ty::Atomic(p) => &STATIC_ATOMICS[index(p)],
        Ty::Zst => &Ty::Zst,
        Ty::Ptr(PtrKind::Thin) => &Ty::Ptr(PtrKind::Thin),
        Ty::Ptr(PtrKind::Wide) => &Ty::Ptr(PtrKind::Wide),
        Ty::Ptr(PtrKind::Fn) => &Ty::Ptr(PtrKind::Fn),
        Ty::AtomicPtr => &Ty::AtomicPtr,
        _ => return None,
    })
}

/// A pointer-like type to `pointee`: thin, or two words for unsized pointees.
fn pointer<'a>(pointee: &syn::Type, cx: &mut Context<'_, 'a>) -> Class<'a> {
    match pointee_kind(pointee, cx) {
        Some(kind) => Class::Known(Ty::Ptr(kind)),
        None => Class::Unknown(Unknown::MaybeUnsizedPointee),
    }
}

fn pointee_kind(pointee: &syn::Type, cx: &Context<'_, '_>) -> Option<PtrKind> {
    match strip(pointee) {
        syn::Type::Slice(_) | syn::Type::TraitObject(_) => Some(PtrKind::Wide),
        syn::Type::Path(p) if p.qself.is_none() => {
            if let Some(maybe_unsized) = cx.param(&p.path) {
                return if maybe_unsized {
                    None
                } else {
                    Some(PtrKind::Thin)
                };
            }
            let last = p.path.segments.last()?;
            let unsized_std = matches!(
                last.ident.to_string().as_str(),
                "str" | "CStr" | "OsStr" | "Path"
            ) && last.arguments.is_empty()
                && std_path(&p.path, &["str", "ffi", "path"]);
            Some(if unsized_std {
                PtrKind::Wide
            } else {
                PtrKind::Thin
            })
        }
        syn::Type::Path(_) => None,
        _ => Some(PtrKind::Thin),
    }
}

/// Whether `path` is a bare name or starts with `core`, `std` or `alloc` (optionally `::`),
/// and every middle segment is one of `modules`.
fn std_path(path: &syn::Path, modules: &[&str]) -> bool {
    let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    match segs.as_slice() {
        [_] => path.leading_colon.is_none(),
        [root, middle @ .., _] => {
            matches!(root.as_str(), "core" | "std" | "alloc")
                && middle.iter().all(|m| modules.contains(&m.as_str()))
                && path
                    .segments
                    .iter()
                    .rev()
                    .skip(1)
                    .all(|s| s.arguments.is_empty())
        }
        [] => false,
    }
}

/// The single generic type argument of the last segment (`Box<T>` → `T`).
fn type_arg(seg: &syn::PathSegment) -> Option<&syn::Type> {
    match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) => {
            let mut types = a.args.iter().filter_map(|g| match g {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            });
            let first = types.next();
            // `Box<T, A>` with a custom allocator: still one pointer only for the global one.
            if types.next().is_some() { None } else { first }
        }
        _ => None,
    }
}

fn prim_named(name: &str) -> Option<Prim> {
    Prim::from_name(name)
}

fn path_type<'a>(p: &syn::TypePath, cx: &mut Context<'_, 'a>) -> (Class<'a>, Option<&'a Ty<'a>>) {
    let class = match path_class(p, cx) {
        Ok(resolved) => return (Class::Known(*resolved), Some(resolved)),
        Err(class) => class,
    };
    with_leaf(class)
}

/// A path type: `Ok` with the resolver's model, or `Err` with the class of a type this module
/// knows itself (or does not know).
fn path_class<'a>(p: &syn::TypePath, cx: &mut Context<'_, 'a>) -> Result<&'a Ty<'a>, Class<'a>> {
    if p.qself.is_some() {
        return Err(Class::Unknown(Unknown::Other));
    }
    let path = &p.path;
    if cx.param(path).is_some() {
        return Err(Class::Unknown(Unknown::Param));
    }
    let Some(last) = path.segments.last() else {
        return Err(Class::Unknown(Unknown::Other));
    };
    let name = last.ident.to_string();
    let bare = path.segments.len() == 1 && path.leading_colon.is_none();
    let no_args = last.arguments.is_empty();

    if bare && no_args {
        if let Some(prim) = prim_named(&name) {
            return Err(Class::Known(Ty::Prim(prim)));
        }
        if name == "Self" {
            return Err(Class::Unknown(Unknown::Other));
        }
    }
    let is = |modules: &[&str]| std_path(path, modules);
    let arg = type_arg(last);

    // C aliases: `core::ffi`, `std::ffi`, `std::os::raw`, `libc`, or bare; `libc`'s
    // `size_t`-like aliases only qualified (a bare `size_t` is too common a name).
    let libc = path.segments.len() == 2 && path.segments[0].ident == "libc";
    let c_alias = no_args && (bare || std_path(path, &["ffi", "os", "raw"]) || libc);
    if c_alias && let Some(prim) = c_type(&name, libc) {
        return Err(Class::Known(Ty::Prim(prim)));
    }

    match name.as_str() {
        "Box" | "Rc" | "Arc" | "NonNull" if is(&["boxed", "rc", "sync", "ptr"]) => {
            return Err(match arg {
                Some(t) => pointer(t, cx),
                None => Class::Unknown(Unknown::Other),
            });
        }
        "Option" if is(&["option"]) => {
            return Err(match arg.map(|t| classify(t, cx)) {
                Some(Class::Known(inner)) if has_niche(arg, &inner) => Class::Known(inner),
                Some(Class::Unknown(u)) => Class::Unknown(u),
                Some(_) => Class::HostOnly(HostOnly::ReprRust),
                None => Class::Unknown(Unknown::Other),
            });
        }
        "NonZero" if is(&["num"]) => {
            if let Some(syn::Type::Path(t)) = arg.map(strip)
                && let Some(id) = t.path.get_ident()
                && let Some(prim) = prim_named(&id.to_string())
                && !matches!(prim, Prim::Bool | Prim::Char | Prim::F32 | Prim::F64)
            {
                return Err(Class::Known(Ty::Prim(prim)));
            }
            return Err(Class::Unknown(Unknown::Other));
        }
        "ManuallyDrop" | "MaybeUninit" | "Cell" | "UnsafeCell" | "Wrapping" | "Saturating"
            if is(&["mem", "cell", "num"]) =>
        {
            return match arg {
                Some(t) => match classify_ref(t, cx) {
                    (Class::Known(_), Some(r)) => Ok(r),
                    (class, _) => Err(class),
                },
                None => Err(Class::Unknown(Unknown::Other)),
            };
        }
        "PhantomData" | "PhantomPinned" if is(&["marker"]) => return Err(Class::Known(Ty::Zst)),
        "AtomicPtr" if is(&["sync", "atomic"]) => return Err(Class::Known(Ty::AtomicPtr)),
        "Vec" | "String" if is(&["vec", "string"]) => {
            return Err(Class::HostOnly(HostOnly::ReprRust));
        }
        _ => {}
    }
    if no_args {
        if let Some(rest) = name.strip_prefix("NonZero")
            && is(&["num"])
            && let Some(prim) = prim_named(&rest.to_ascii_lowercase())
        {
            return Err(Class::Known(Ty::Prim(prim)));
        }
        if let Some(rest) = name.strip_prefix("Atomic")
            && is(&["sync", "atomic"])
            && let Some(prim) = prim_named(&rest.to_ascii_lowercase())
            && !matches!(
                prim,
                Prim::Char | Prim::F32 | Prim::F64 | Prim::U128 | Prim::I128
            )
        {
            return Err(Class::Known(Ty::Atomic(prim)));
        }
    }
    cx.resolver.resolve(p).ok_or(Class::Unknown(Unknown::Path))
}

/// The model of the C type alias `name` (`c_int`, ...), as core defines it on every target;
/// with `libc`, also libc's `size_t`, `ssize_t`, `ptrdiff_t`, `intptr_t` and `uintptr_t`.
/// `c_longdouble` and other aliases are not modelled.
fn c_type(name: &str, libc: bool) -> Option<Prim> {
    Some(match name {
        "c_char" | "c_schar" => Prim::I8,
        "c_uchar" => Prim::U8,
        "c_short" => Prim::I16,
        "c_ushort" => Prim::U16,
        "c_int" => Prim::CInt,
        "c_uint" => Prim::CUint,
        "c_long" => Prim::CLong,
        "c_ulong" => Prim::CUlong,
        "c_longlong" => Prim::I64,
        "c_ulonglong" => Prim::U64,
        "c_float" => Prim::F32,
        "c_double" => Prim::F64,
        "size_t" | "uintptr_t" if libc => Prim::Usize,
        "ssize_t" | "ptrdiff_t" | "intptr_t" if libc => Prim::Isize,
        _ => return None,
    })
}

/// Whether `Option<inner>` stores no tag: references, `Box`, `NonNull`, fn pointers, `NonZero*`
/// (not raw pointers, which may be null).
fn has_niche(arg: Option<&syn::Type>, inner: &Ty<'_>) -> bool {
    let Some(arg) = arg else { return false };
    match strip(arg) {
        syn::Type::Reference(_) | syn::Type::BareFn(_) => true,
        syn::Type::Path(p) => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "Box" | "Rc" | "Arc" | "NonNull" => matches!(inner, Ty::Ptr(_)),
                n if n.starts_with("NonZero") => matches!(inner, Ty::Prim(_)),
                // Transparent wrappers pass the niche through only for these.
                _ => false,
            }
        }
        _ => false,
    }
}

/// Evaluates an array length written with integer literals and `+ - * / % << >> & | ^` and
/// parentheses, with checked arithmetic; `None` for anything else.
pub fn eval_len(expr: &syn::Expr) -> Option<u64> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => match i.suffix() {
            "" | "usize" | "u8" | "u16" | "u32" | "u64" => i.base10_parse::<u64>().ok(),
            _ => None,
        },
        syn::Expr::Paren(p) => eval_len(&p.expr),
        syn::Expr::Group(g) => eval_len(&g.expr),
        syn::Expr::Block(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
            syn::Stmt::Expr(e, None) => eval_len(e),
            _ => None,
        },
        syn::Expr::Binary(b) => {
            let (l, r) = (eval_len(&b.left)?, eval_len(&b.right)?);
            use syn::BinOp::*;
            match b.op {
                Add(_) => l.checked_add(r),
                Sub(_) => l.checked_sub(r),
                Mul(_) => l.checked_mul(r),
                Div(_) => l.checked_div(r),
                Rem(_) => l.checked_rem(r),
                Shl(_) => u32::try_from(r)
                    .ok()
                    .and_then(|r| l.checked_shl(r))
                    .filter(|v| v >> r == l),
                Shr(_) => u32::try_from(r).ok().and_then(|r| l.checked_shr(r)),
                BitAnd(_) => Some(l & r),
                BitOr(_) => Some(l | r),
                BitXor(_) => Some(l ^ r),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A field type the classifier modelled from names, with what it took each name to mean: two
/// types that must be one and the same type for the model to be right.
///
/// The classifier reads names: `u8` is taken to be the primitive, `Wrapping` core's wrapper.
/// A `type u8 = u64;` or a local `struct Wrapping` in scope makes them something else, and only
/// the compiler knows. So the derive has the compiler check it: [`Confirmation::written`] is
/// the type as written, [`Confirmation::meant`] the same type with every name the classifier
/// relied on spelt as an absolute path (`::core::primitive::u8`) and every part it did not rely
/// on left to inference (`_`), and [`Confirmation::sized`] the pointees it took to be `Sized`
/// (a pointer to them is one word). Named lifetimes are erased to `'_` in all three (bound
/// ones, `for<'a>`, are kept), so the types can be written where the struct's are not in scope.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Confirmation {
    /// The type as written, lifetimes erased.
    pub written: String,
    /// The type the model is right for.
    pub meant: String,
    /// Pointee types, as written, that the model takes to be `Sized`.
    pub sized: Vec<String>,
}

impl Confirmation {
    /// Whether the model rests on no name at all (a function pointer, `()`, `*const [T]`):
    /// nothing to confirm.
    pub fn is_trivial(&self) -> bool {
        self.sized.is_empty() && !self.meant.contains("::")
    }
}

/// What the compiler must confirm for the model of `ty` to be right (see [`Confirmation`]);
/// `None` unless [`classify`] gives `ty` a model from the syntax alone (`Class::Known`).
/// `alloc` is a path under which `Box`, `Rc` and `Arc` are reachable from the generated code.
pub fn confirmation(ty: &syn::Type, cx: &mut Context<'_, '_>, alloc: &str) -> Option<Confirmation> {
    use quote::ToTokens;
    // The common case, a primitive by its bare name (`u8`): no token round trip, which under
    // an unoptimised proc macro costs more than the rest of the confirmation.
    if let syn::Type::Path(p) = ty
        && p.qself.is_none()
        && let Some(id) = p.path.get_ident()
    {
        let name = id.to_string();
        if prim_named(&name).is_some() && matches!(classify(ty, cx), Class::Known(_)) {
            return Some(Confirmation {
                meant: format!("::core::primitive::{name}"),
                written: name,
                sized: Vec::new(),
            });
        }
    }
    let mut out = Confirmation {
        written: erase_lifetimes(ty.to_token_stream()).to_string(),
        ..Confirmation::default()
    };
    let mut meant = String::new();
    write_meant(ty, cx, alloc, &mut meant, &mut out.sized)?;
    out.meant = meant;
    Some(out)
}

/// Writes the type `ty` is taken to be into `out` (see [`Confirmation::meant`]); `None` if `ty`
/// has no model from the syntax. Decides nothing itself: it asks [`classify`] and spells the
/// names classify recognised.
fn write_meant(
    ty: &syn::Type,
    cx: &mut Context<'_, '_>,
    alloc: &str,
    out: &mut String,
    sized: &mut Vec<String>,
) -> Option<()> {
    use quote::ToTokens;
    let Class::Known(model) = classify(ty, cx) else {
        return None;
    };
    match strip(ty) {
        syn::Type::Array(a) => {
            out.push('[');
            write_meant(&a.elem, cx, alloc, out, sized)?;
            out.push_str(&format!("; {}]", eval_len(&a.len)?));
        }
        syn::Type::Tuple(_) => out.push_str("()"),
        // A function pointer is one word whatever it names.
        syn::Type::BareFn(_) => out.push('_'),
        syn::Type::Ptr(p) => {
            out.push_str(if p.mutability.is_some() {
                "*mut "
            } else {
                "*const "
            });
            write_pointee(&p.elem, model, out, sized);
        }
        syn::Type::Reference(r) => {
            out.push_str(if r.mutability.is_some() { "&mut " } else { "&" });
            write_pointee(&r.elem, model, out, sized);
        }
        syn::Type::Path(p) => {
            let last = p.path.segments.last()?;
            let name = last.ident.to_string();
            let arg = type_arg(last);
            let bare = p.path.segments.len() == 1 && p.path.leading_colon.is_none();
            if bare && prim_named(&name).is_some() {
                out.push_str("::core::primitive::");
                out.push_str(&name);
                return Some(());
            }
            let home = match name.as_str() {
                "Box" => format!("{alloc}::Box"),
                "Rc" => format!("{alloc}::Rc"),
                "Arc" => format!("{alloc}::Arc"),
                "NonNull" => "::core::ptr::NonNull".into(),
                "Option" => "::core::option::Option".into(),
                "NonZero" => "::core::num::NonZero".into(),
                "ManuallyDrop" | "MaybeUninit" => format!("::core::mem::{name}"),
                "Cell" | "UnsafeCell" => format!("::core::cell::{name}"),
                "Wrapping" | "Saturating" => format!("::core::num::{name}"),
                // The pointee of these does not matter.
                "PhantomData" | "AtomicPtr" => {
                    let module = if name == "PhantomData" {
                        "marker"
                    } else {
                        "sync::atomic"
                    };
                    out.push_str(&format!("::core::{module}::{name}<_>"));
                    return Some(());
                }
                "PhantomPinned" => "::core::marker::PhantomPinned".into(),
                n if p.path.segments[0].ident == "libc" => format!("::libc::{n}"),
                n if n.starts_with("c_") => format!("::core::ffi::{n}"),
                n if n.starts_with("NonZero") => format!("::core::num::{n}"),
                n if n.starts_with("Atomic") => format!("::core::sync::atomic::{n}"),
                _ => return None,
            };
            out.push_str(&home);
            if let Some(arg) = arg {
                out.push('<');
                match name.as_str() {
                    "Box" | "Rc" | "Arc" | "NonNull" => write_pointee(arg, model, out, sized),
                    _ => write_meant(arg, cx, alloc, out, sized)?,
                }
                out.push('>');
            }
        }
        other => out.push_str(&erase_lifetimes(other.to_token_stream()).to_string()),
    }
    Some(())
}

/// The pointee of a pointer modelled as `model`: what made it thin or wide.
fn write_pointee(pointee: &syn::Type, model: Ty<'_>, out: &mut String, sized: &mut Vec<String>) {
    use quote::ToTokens;
    match strip(pointee) {
        // Unsized by their syntax, whatever they name.
        syn::Type::Slice(_) | syn::Type::TraitObject(_) => out.push('_'),
        syn::Type::Path(p) if model == Ty::Ptr(PtrKind::Wide) => {
            // `str`, `CStr`, `OsStr` or `Path`: unsized by name.
            let name = p.path.segments.last().map(|s| s.ident.to_string());
            out.push_str(match name.as_deref() {
                Some("str") => "::core::primitive::str",
                Some("CStr") => "::core::ffi::CStr",
                Some("OsStr") => "::std::ffi::OsStr",
                Some("Path") => "::std::path::Path",
                _ => "_",
            });
        }
        other => {
            // Thin: taken to be `Sized`.
            out.push('_');
            sized.push(erase_lifetimes(other.to_token_stream()).to_string());
        }
    }
}

/// `tokens` with every named lifetime but `'static` and those bound by a `for<...>` in `tokens`
/// replaced by `'_`, so a type can be written outside the item that declares its lifetimes.
pub fn erase_lifetimes(tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    use proc_macro2::TokenTree;
    fn bound(tokens: &proc_macro2::TokenStream, out: &mut Vec<String>) {
        let v: Vec<TokenTree> = tokens.clone().into_iter().collect();
        for (i, t) in v.iter().enumerate() {
            match t {
                TokenTree::Ident(id) if id == "for" => {
                    let mut j = i + 1;
                    while let Some(t) = v.get(j) {
                        match t {
                            TokenTree::Punct(p) if p.as_char() == '>' => break,
                            TokenTree::Ident(id)
                                if j > 0
                                    && matches!(&v[j - 1], TokenTree::Punct(p) if p.as_char() == '\'') =>
                            {
                                out.push(id.to_string())
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                }
                TokenTree::Group(g) => bound(&g.stream(), out),
                _ => {}
            }
        }
    }
    fn erase(tokens: proc_macro2::TokenStream, keep: &[String]) -> proc_macro2::TokenStream {
        let mut after_quote = false;
        tokens
            .into_iter()
            .map(|t| {
                let t = match t {
                    TokenTree::Group(g) => {
                        let mut n = proc_macro2::Group::new(g.delimiter(), erase(g.stream(), keep));
                        n.set_span(g.span());
                        TokenTree::Group(n)
                    }
                    TokenTree::Ident(id)
                        if after_quote && id != "static" && !keep.iter().any(|k| id == k) =>
                    {
                        TokenTree::Ident(proc_macro2::Ident::new("_", id.span()))
                    }
                    other => other,
                };
                after_quote = matches!(&t, TokenTree::Punct(p) if p.as_char() == '\'');
                t
            })
            .collect()
    }
    let mut keep = Vec::new();
    bound(&tokens, &mut keep);
    erase(tokens, &keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(src: &str) -> Class<'static> {
        let ty: syn::Type = syn::parse_str(src).unwrap();
        let generics: syn::Generics = syn::parse_str("<T, U: ?Sized>").unwrap();
        let mut resolver = NoResolver;
        let mut cx = Context::new(&generics, &mut resolver);
        classify(&ty, &mut cx)
    }

    fn known(src: &str) -> Ty<'static> {
        match class(src) {
            Class::Known(t) => t,
            other => panic!("{src}: {other:?}"),
        }
    }

    #[test]
    fn primitives_pointers_and_wrappers() {
        assert_eq!(known("u64"), Ty::Prim(Prim::U64));
        assert_eq!(known("()"), Ty::Zst);
        assert_eq!(known("&'a str"), Ty::Ptr(PtrKind::Wide));
        assert_eq!(known("*const [u8]"), Ty::Ptr(PtrKind::Wide));
        assert_eq!(known("Box<dyn Fn()>"), Ty::Ptr(PtrKind::Wide));
        assert_eq!(known("std::boxed::Box<u8>"), Ty::Ptr(PtrKind::Thin));
        assert_eq!(known("&T"), Ty::Ptr(PtrKind::Thin));
        assert_eq!(known("&std::path::Path"), Ty::Ptr(PtrKind::Wide));
        assert_eq!(known("Option<&u8>"), Ty::Ptr(PtrKind::Thin));
        assert_eq!(
            known("Option<extern \"C\" fn(i32) -> i32>"),
            Ty::Ptr(PtrKind::Fn)
        );
        assert_eq!(
            known("core::option::Option<core::num::NonZeroU32>"),
            Ty::Prim(Prim::U32)
        );
        assert_eq!(known("Option<NonZero<i16>>"), Ty::Prim(Prim::I16));
        assert_eq!(known("ManuallyDrop<Cell<u16>>"), Ty::Prim(Prim::U16));
        assert_eq!(known("PhantomData<fn() -> T>"), Ty::Zst);
        assert_eq!(
            known("::core::sync::atomic::AtomicU64"),
            Ty::Atomic(Prim::U64)
        );
        assert_eq!(known("AtomicPtr<u8>"), Ty::AtomicPtr);
        assert_eq!(known("c_char"), Ty::Prim(Prim::I8));
        assert_eq!(known("core::ffi::c_long"), Ty::Prim(Prim::CLong));
        assert_eq!(known("std::os::raw::c_uint"), Ty::Prim(Prim::CUint));
        assert_eq!(known("libc::c_int"), Ty::Prim(Prim::CInt));
        assert_eq!(known("c_double"), Ty::Prim(Prim::F64));
        assert_eq!(known("libc::size_t"), Ty::Prim(Prim::Usize));
        assert_eq!(known("libc::intptr_t"), Ty::Prim(Prim::Isize));
    }

    #[test]
    fn arrays_flatten_and_lengths_evaluate() {
        assert_eq!(known("[u8; 4]"), Ty::Array(&Ty::U8, 4));
        assert_eq!(
            known("[[u16; 2 * 3]; (1 << 2) + 1]"),
            Ty::Array(&Ty::Prim(Prim::U16), 30)
        );
        assert_eq!(
            known("[[u8; 0xFFFF_FFFF_FFFF_FFFF]; 2]"),
            Ty::Array(&Ty::U8, u64::MAX)
        );
    }

    #[test]
    fn what_the_syntax_cannot_tell() {
        assert_eq!(class("T"), Class::Unknown(Unknown::Param));
        assert_eq!(class("&U"), Class::Unknown(Unknown::MaybeUnsizedPointee));
        assert_eq!(class("[u8; N]"), Class::Unknown(Unknown::ArrayLen));
        assert_eq!(class("Foo"), Class::Unknown(Unknown::Path));
        assert_eq!(class("Option<u32>"), Class::HostOnly(HostOnly::ReprRust));
        assert_eq!(
            class("Option<*const u8>"),
            Class::HostOnly(HostOnly::ReprRust)
        );
        assert_eq!(class("Vec<u8>"), Class::HostOnly(HostOnly::ReprRust));
        assert_eq!(class("(u8, u16)"), Class::HostOnly(HostOnly::ReprRust));
        assert_eq!(
            class("core::ffi::c_longdouble"),
            Class::Unknown(Unknown::Path)
        );
        assert_eq!(class("size_t"), Class::Unknown(Unknown::Path));
        assert_eq!(class("<T as Tr>::X"), Class::Unknown(Unknown::Other));
    }

    fn confirm(src: &str) -> Option<Confirmation> {
        let ty: syn::Type = syn::parse_str(src).unwrap();
        let generics: syn::Generics = syn::parse_str("<'a, T, U: ?Sized>").unwrap();
        let mut resolver = NoResolver;
        let mut cx = Context::new(&generics, &mut resolver);
        confirmation(&ty, &mut cx, "::a")
    }

    fn meant(src: &str) -> String {
        confirm(src).unwrap().meant.replace(' ', "")
    }

    #[test]
    fn confirmations_spell_every_name_the_model_rests_on() {
        assert_eq!(meant("u8"), "::core::primitive::u8");
        assert_eq!(meant("[u16; 2 * 3]"), "[::core::primitive::u16;6]");
        assert_eq!(meant("&'a str"), "&::core::primitive::str");
        assert_eq!(meant("*mut [Foo]"), "*mut_");
        assert_eq!(
            meant("Option<Box<dyn Fn()>>"),
            "::core::option::Option<::a::Box<_>>"
        );
        assert_eq!(
            meant("std::num::Wrapping<u64>"),
            "::core::num::Wrapping<::core::primitive::u64>"
        );
        assert_eq!(
            meant("NonZero<u32>"),
            "::core::num::NonZero<::core::primitive::u32>"
        );
        assert_eq!(meant("NonZeroU32"), "::core::num::NonZeroU32");
        assert_eq!(meant("AtomicU64"), "::core::sync::atomic::AtomicU64");
        assert_eq!(
            meant("PhantomData<&'a T>"),
            "::core::marker::PhantomData<_>"
        );
        assert_eq!(meant("libc::c_char"), "::libc::c_char");
        assert_eq!(meant("c_char"), "::core::ffi::c_char");
        assert_eq!(meant("fn(&'a u8) -> u8"), "_");
        assert_eq!(confirm("Foo"), None);
        assert_eq!(confirm("Vec<u8>"), None);
        assert!(confirm("fn(u8)").unwrap().is_trivial());
        assert!(!confirm("u8").unwrap().is_trivial());
    }

    #[test]
    fn thin_pointees_must_be_sized_and_lifetimes_are_erased() {
        let c = confirm("&'a Foo<'a, T>").unwrap();
        assert_eq!(c.meant, "&_");
        assert_eq!(c.sized, ["Foo < '_ , T >"]);
        assert_eq!(c.written, "& '_ Foo < '_ , T >");
        let c = confirm("Option<for<'b> fn(&'b u8, &'a u8)>").unwrap();
        assert_eq!(c.written, "Option < for < 'b > fn (& 'b u8 , & '_ u8) >");
        assert_eq!(confirm("&'static u8").unwrap().written, "& 'static u8");
    }
}

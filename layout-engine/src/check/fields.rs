//! The fields of a derived struct, as the derive writes them: one string literal with a line per
//! field.
//!
//! `#[derive(Layout)]` describes a struct's fields to the engine with
//!
//! ```text
//! fields: &{ let fields = ::layout_core::__private_0_1_0::fields::<3, 1>(
//!     "id: u64\nname: &'a str\t*const str\nx: T\t?",
//!     [<T as ::layout_core::Model>::TY],
//! ); fields },
//! ```
//!
//! rather than with one `Field { .. }` expression per field: the compiler type-checks and
//! borrow-checks the code of every derived struct, and one literal costs it a fraction of what as
//! many struct (or even tuple) expressions cost (measured in `benches/compile-time`), while
//! staying readable in `cargo expand`. The `let` keeps the call from being promoted to a
//! constant of its own, which the compiler would evaluate even when nothing uses the struct's
//! definition; so [`fields`] runs only when the definition is used (`Layout::DEF`,
//! `Layout::layout()`, a const check, nesting in another derived struct).
//!
//! # Lines
//!
//! One per field, in declaration order, separated by `\n`: the field's name (or tuple index),
//! `: `, its type as written (with any tab or line break turned into a space), and, after a tab,
//! its model, left out when the type as written is itself the model's spelling. A model is one
//! of
//!
//! - a primitive (`u8`, `usize`, `f64`, `char`, `bool`, ...), `()` (any zero-sized type),
//!   `*const ()` (a thin pointer, reference, `Box`, ...), `*const str` (a wide one), `fn()` (a
//!   function pointer), `AtomicBool`, `AtomicU8` ... `AtomicUsize`, `AtomicPtr<()>`: each a Rust
//!   type with the model's layout on every target;
//! - `[leaf; n]`, an array of one of those (nested arrays are flattened: the layout of
//!   `[[T; a]; b]` is that of `[T; a * b]` on every target);
//! - `?`: the next model of the second argument, for a type only the compiler resolves
//!   (`<T as Model>::TY`) or known only on the compiling target (`Ty::Host`, whose name is then
//!   set to the type as written).

#[cfg(feature = "alloc")]
use alloc::{format, string::String};

use crate::bytes_eq;
use crate::{Field, Prim, PtrKind, Ty};

/// Every leaf model with its spelling: the one table both [`fields`] (reading) and [`spelling`]
/// (writing, in the derive) use.
static LEAVES: [(&str, Ty<'static>); 36] = [
    ("bool", Ty::Prim(Prim::Bool)),
    ("char", Ty::Prim(Prim::Char)),
    ("u8", Ty::Prim(Prim::U8)),
    ("u16", Ty::Prim(Prim::U16)),
    ("u32", Ty::Prim(Prim::U32)),
    ("u64", Ty::Prim(Prim::U64)),
    ("u128", Ty::Prim(Prim::U128)),
    ("usize", Ty::Prim(Prim::Usize)),
    ("i8", Ty::Prim(Prim::I8)),
    ("i16", Ty::Prim(Prim::I16)),
    ("i32", Ty::Prim(Prim::I32)),
    ("i64", Ty::Prim(Prim::I64)),
    ("i128", Ty::Prim(Prim::I128)),
    ("isize", Ty::Prim(Prim::Isize)),
    ("f32", Ty::Prim(Prim::F32)),
    ("f64", Ty::Prim(Prim::F64)),
    ("c_int", Ty::Prim(Prim::CInt)),
    ("c_uint", Ty::Prim(Prim::CUint)),
    ("c_long", Ty::Prim(Prim::CLong)),
    ("c_ulong", Ty::Prim(Prim::CUlong)),
    ("()", Ty::Zst),
    ("*const ()", Ty::Ptr(PtrKind::Thin)),
    ("*const str", Ty::Ptr(PtrKind::Wide)),
    ("fn()", Ty::Ptr(PtrKind::Fn)),
    ("AtomicBool", Ty::Atomic(Prim::Bool)),
    ("AtomicU8", Ty::Atomic(Prim::U8)),
    ("AtomicU16", Ty::Atomic(Prim::U16)),
    ("AtomicU32", Ty::Atomic(Prim::U32)),
    ("AtomicU64", Ty::Atomic(Prim::U64)),
    ("AtomicUsize", Ty::Atomic(Prim::Usize)),
    ("AtomicI8", Ty::Atomic(Prim::I8)),
    ("AtomicI16", Ty::Atomic(Prim::I16)),
    ("AtomicI32", Ty::Atomic(Prim::I32)),
    ("AtomicI64", Ty::Atomic(Prim::I64)),
    ("AtomicIsize", Ty::Atomic(Prim::Isize)),
    ("AtomicPtr<()>", Ty::AtomicPtr),
];

/// The leaf model spelt `s` (not an array).
const fn leaf_named(s: &[u8]) -> Option<&'static Ty<'static>> {
    let mut i = 0;
    while i < LEAVES.len() {
        if bytes_eq(LEAVES[i].0.as_bytes(), s) {
            return Some(&LEAVES[i].1);
        }
        i += 1;
    }
    None
}

/// The spelling [`fields`] reads for `ty`: a leaf or an array of one (`[u16; 6]`); `None` for a
/// model with no spelling (a struct, a host-only type, ...), which the derive passes as `?`.
#[cfg(feature = "alloc")]
pub fn spelling(ty: &Ty<'_>) -> Option<String> {
    let leaf = |ty: &Ty<'_>| LEAVES.iter().find(|(_, t)| t == ty).map(|(s, _)| *s);
    match ty {
        Ty::Array(elem, n) => leaf(elem).map(|s| format!("[{s}; {n}]")),
        _ => leaf(ty).map(String::from),
    }
}

/// The `N` fields described by `spec` (see the [module documentation](self)), with `slots` the
/// models of the fields whose model is `?`, in order.
///
/// # Panics
///
/// On a `spec` that is not `N` lines of the documented form, or a count of `?` that differs
/// from `S`: the derive never writes one.
pub const fn fields<const N: usize, const S: usize>(
    spec: &'static str,
    slots: [Ty<'static>; S],
) -> [Field<'static>; N] {
    let mut out = [Field {
        name: "",
        ty_name: "",
        ty: Ty::Zst,
    }; N];
    let mut rest = spec.as_bytes();
    let mut used = 0;
    let mut i = 0;
    while i < N {
        let line;
        (line, rest) = split_once(rest, b'\n');
        let (name, typed) = split_once(line, b':');
        let Some((b' ', typed)) = typed.split_first() else {
            panic!("#[derive(Layout)] wrote a field without `: `");
        };
        let (ty_name, model) = split_once(typed, b'\t');
        let ty = match model {
            [] => model_named(ty_name),
            b"?" => {
                if used == S {
                    panic!("#[derive(Layout)] gave fewer models than its fields need");
                }
                used += 1;
                match slots[used - 1] {
                    Ty::Host { name, size, align } if name.is_empty() => Some(Ty::Host {
                        name: text(ty_name),
                        size,
                        align,
                    }),
                    ty => Some(ty),
                }
            }
            _ => model_named(model),
        };
        let Some(ty) = ty else {
            panic!("a field of #[derive(Layout)] has a model layout-core does not know");
        };
        out[i] = Field {
            name: text(name),
            ty_name: text(ty_name),
            ty,
        };
        i += 1;
    }
    if !rest.is_empty() {
        panic!("#[derive(Layout)] described more fields than it declared");
    }
    if used != S {
        panic!("#[derive(Layout)] gave more models than its fields use");
    }
    out
}

/// `[elem; len]`, where `elem` is a spelling [`fields`] reads (`c_long`, `[u16; 4]`) and `len` a
/// length only the compiler knows (a `const`): the model of an array of a type the derive read
/// by name, so that `[c_long; N]` stays `c_long` on every target instead of the `i64` that
/// `<[c_long; N] as Model>` would see. A length that overflows saturates, which the engine
/// reports as too big, as rustc rejects the type.
///
/// # Panics
///
/// On a spelling [`fields`] does not read: the derive never writes one.
pub const fn array_of(elem: &'static str, len: usize) -> Ty<'static> {
    let len = len as u64;
    if let Some(leaf) = leaf_named(elem.as_bytes()) {
        return Ty::Array(leaf, len);
    }
    match model_named(elem.as_bytes()) {
        Some(Ty::Array(leaf, n)) => Ty::Array(leaf, n.saturating_mul(len)),
        _ => panic!("#[derive(Layout)] wrote an array element layout-core does not know"),
    }
}

/// `s` split at the first `sep` (which is dropped), or all of `s` and nothing.
const fn split_once(s: &'static [u8], sep: u8) -> (&'static [u8], &'static [u8]) {
    let mut i = 0;
    while i < s.len() {
        if s[i] == sep {
            let (head, tail) = s.split_at(i);
            let (_, tail) = tail.split_at(1);
            return (head, tail);
        }
        i += 1;
    }
    (s, &[])
}

/// A piece of the spec, which is split at ASCII bytes only and so stays UTF-8.
const fn text(s: &'static [u8]) -> &'static str {
    match core::str::from_utf8(s) {
        Ok(s) => s,
        Err(_) => panic!("#[derive(Layout)] split a field description inside a character"),
    }
}

/// The model spelt `s`: a leaf or `[leaf; n]`.
const fn model_named(s: &[u8]) -> Option<Ty<'static>> {
    if let Some(leaf) = leaf_named(s) {
        return Some(*leaf);
    }
    let [b'[', inner @ .., b']'] = s else {
        return None;
    };
    // `[leaf; n]`: the length is the digits after the last `; `.
    let mut semi = inner.len();
    while semi > 0 && inner[semi - 1] != b';' {
        semi -= 1;
    }
    if semi == 0 || semi >= inner.len() || inner[semi] != b' ' {
        return None;
    }
    let (elem, len) = inner.split_at(semi - 1);
    let (_, len) = len.split_at(2);
    match (leaf_named(elem), decimal(len)) {
        (Some(elem), Some(n)) => Some(Ty::Array(elem, n)),
        _ => None,
    }
}

const fn decimal(s: &[u8]) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    let mut i = 0;
    while i < s.len() {
        let d = s[i];
        if !d.is_ascii_digit() {
            return None;
        }
        n = match n.checked_mul(10) {
            Some(m) => match m.checked_add((d - b'0') as u64) {
                Some(v) => v,
                None => return None,
            },
            None => return None,
        };
        i += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_and_without_models() {
        const F: [Field<'static>; 5] = fields(
            "a: u8\np: &'a str\t*const str\nbuf: [[u16; 2]; 3]\t[u16; 6]\nx: Foo<{ N }>\t?\n0: Vec<u8>\t?",
            [
                Ty::Prim(Prim::U32),
                Ty::Host {
                    name: "",
                    size: 24,
                    align: 8,
                },
            ],
        );
        assert_eq!(F[0], Field::new("a", "u8", Ty::Prim(Prim::U8)));
        assert_eq!(F[1], Field::new("p", "&'a str", Ty::Ptr(PtrKind::Wide)));
        assert_eq!(
            F[2],
            Field::new("buf", "[[u16; 2]; 3]", Ty::Array(&Ty::Prim(Prim::U16), 6))
        );
        assert_eq!(F[3], Field::new("x", "Foo<{ N }>", Ty::Prim(Prim::U32)));
        assert_eq!(
            F[4],
            Field::new(
                "0",
                "Vec<u8>",
                Ty::Host {
                    name: "Vec<u8>",
                    size: 24,
                    align: 8
                }
            )
        );
        const NONE: [Field<'static>; 0] = fields("", []);
        assert!(NONE.is_empty());
    }

    #[test]
    #[should_panic(expected = "more fields than it declared")]
    fn a_line_too_many_is_refused() {
        let _ = fields::<1, 0>("a: u8\nb: u8", []);
    }

    #[test]
    #[should_panic(expected = "fewer models")]
    fn a_missing_slot_is_refused() {
        let _ = fields::<1, 0>("a: T\t?", []);
    }

    fn spelling_of(ty: &Ty<'_>) -> String {
        spelling(ty).unwrap()
    }

    #[test]
    fn every_leaf_reads_back_its_spelling() {
        let mut leaves = alloc::vec![Ty::Zst, Ty::AtomicPtr];
        for kind in [PtrKind::Thin, PtrKind::Wide, PtrKind::Fn] {
            leaves.push(Ty::Ptr(kind));
        }
        for p in Prim::ALL {
            leaves.push(Ty::Prim(p));
            leaves.push(Ty::Atomic(p));
        }
        let mut spelt = 0;
        for ty in &leaves {
            let Some(spelling) = spelling(ty) else {
                continue;
            };
            spelt += 1;
            assert_eq!(model_named(spelling.as_bytes()), Some(*ty), "{spelling}");
            let array = alloc::format!("[{spelling}; 18446744073709551615]");
            assert_eq!(model_named(array.as_bytes()), Some(Ty::Array(ty, u64::MAX)));
            let array = Ty::Array(ty, 6);
            assert_eq!(
                model_named(spelling_of(&array).as_bytes()),
                Some(array),
                "{array:?}"
            );
        }
        assert_eq!(spelt, 36);
        assert_eq!(model_named(b"[u8; 18446744073709551616]"), None);
        assert_eq!(model_named(b"[[u8; 2]; 3]"), None);
        assert_eq!(model_named(b"[u8;3]"), None);
        assert_eq!(model_named(b"u256"), None);
    }
}

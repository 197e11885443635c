//! What the code `#[derive(Layout)]` generates calls: not a public API.

use crate::check::family;
use crate::{FieldLayout, HostLayout, Shape, Target, struct_layout};

pub use crate::check::fields::{array_of, fields};

pub use crate::check::enums::{EnumPolicy, run_enum, verify_enum, violated_enum};
pub use crate::check::{Policy, Subject, Targets, run, violated};
pub use crate::{EnumDef, EnumRepr, Prim, Repr, StructDef, Ty, Variant};

pub use crate::check::Msg;

/// A generic argument of an instantiation of a derived struct, for its name ([`generic_name`]).
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// A type parameter with a `Model` bound: named by its model.
    Ty(Ty<'a>),
    /// A const parameter of an unsigned integer type.
    Unsigned(u64),
    /// A const parameter of a signed integer type.
    Signed(i64),
    /// A `bool` const parameter.
    Bool(bool),
    /// A parameter the derive cannot name (no `Model` bound, a `char` or 128-bit const): `_`.
    Unknown,
}

/// The size of the buffer [`generic_name`] writes in.
pub const NAME_BYTES: usize = 256;

/// The name of an instantiation of the generic struct `name`, built during constant evaluation
/// from its arguments (`core::any::type_name` is not `const`): `Pair<u64, u8>`,
/// `Buf<[u8; 4], 16>`. A type argument is named by its model: a primitive by its name, an array
/// by its element and length, a derived struct or enum by its own (instantiated) name, a type
/// with a named model by that name; a pointer, a zero-sized type, an atomic, or a type the
/// derive has no bound for, is `_`. Lifetimes are left out.
pub const fn generic_name(name: &str, args: &[Arg<'_>]) -> Msg<NAME_BYTES> {
    let mut m = Msg::new();
    m.str(name);
    m.str("<");
    let mut i = 0;
    while i < args.len() {
        if i > 0 {
            m.str(", ");
        }
        match args[i] {
            Arg::Ty(ty) => ty_name(&mut m, &ty),
            Arg::Unsigned(n) => m.u64(n),
            Arg::Signed(n) => {
                if n < 0 {
                    m.str("-");
                }
                m.u64(n.unsigned_abs());
            }
            Arg::Bool(b) => m.str(if b { "true" } else { "false" }),
            Arg::Unknown => m.str("_"),
        }
        i += 1;
    }
    m.str(">");
    m
}

/// Writes the name of the type modelled by `ty` (see [`generic_name`]).
const fn ty_name(m: &mut Msg<NAME_BYTES>, ty: &Ty<'_>) {
    match ty {
        Ty::Prim(p) | Ty::Aliased(p) => m.str(p.name()),
        Ty::Array(elem, n) => {
            m.str("[");
            ty_name(m, elem);
            m.str("; ");
            m.u64(*n);
            m.str("]");
        }
        Ty::Struct(def) => m.str(def.name),
        Ty::Enum(def) => m.str(def.name),
        Ty::Fixed { name, .. } | Ty::Host { name, .. } | Ty::Opaque { name }
            if !name.is_empty() =>
        {
            m.str(name)
        }
        _ => m.str("_"),
    }
}

/// Where the confirmation of a `Box`, `Rc` or `Arc` field ([`same_types`]) names them: the
/// generated code cannot assume a crate named `alloc` or `std`.
#[cfg(feature = "alloc")]
pub use alloc::boxed::Box;
#[cfg(feature = "alloc")]
pub use alloc::rc::Rc;
#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
pub use alloc::sync::Arc;

/// `Self` is `T`: the only impl is the identity.
#[diagnostic::on_unimplemented(
    message = "a field type is not the type `#[derive(Layout)]` read from its name",
    label = "the fields, as written: `{Self}`",
    note = "`#[derive(Layout)]` models these field types by their names, as `{T}`",
    note = "a name in scope (a `type`, `struct` or `use`) gives a standard name another meaning, so the derive's model would be wrong: write the type the name stands for, or mark the field `#[layout(host_only)]` to use the compiler's numbers on the compiling target only"
)]
pub trait Is<T: ?Sized> {}
impl<T: ?Sized> Is<T> for T {}

/// Compiles only if `Written` is `Meant`: the derive's confirmation that the field types it
/// modelled from their names are the types it took them to be (`layout_syntax`'s
/// `Confirmation`). Costs one trait obligation per struct, nothing at run time.
pub const fn same_types<Written: ?Sized + Is<Meant>, Meant: ?Sized>() {}

/// `Self` is `T`: [`Is`] the other way round, for [`same_prims`], whose meant types are
/// inferred: a bound on `Written` would have the compiler infer `Meant` from its only impl, and
/// report a mismatched literal instead of this message.
#[diagnostic::on_unimplemented(
    message = "a field type is not the type `#[derive(Layout)]` read from its name",
    label = "the fields, as written: `{T}`",
    note = "`#[derive(Layout)]` models these field types by their names, as `{Self}`",
    note = "a name in scope (a `type`, `struct` or `use`) gives a standard name another meaning, so the derive's model would be wrong: write the type the name stands for, or mark the field `#[layout(host_only)]` to use the compiler's numbers on the compiling target only"
)]
pub trait Means<T: ?Sized> {}
impl<T: ?Sized> Means<T> for T {}

/// [`same_types`] where every name to confirm is a primitive's: `Meant` is inferred from
/// `meant`, a suffixed literal of each primitive (`(0u8, 0u64)`), which the compiler resolves for
/// less than the paths (`::core::primitive::u8`) and is a primitive whatever is in scope.
pub const fn same_prims<Written: ?Sized, Meant: Copy + Means<Written>>(meant: Meant) {
    let _ = meant;
}

/// The family key ([`family::key`]) of the target being compiled, for structs without atomic
/// fields; 0 for a target that is not a built-in one.
pub const FAMILY: u64 = family::current_key(false);

/// The family key of the target being compiled, for structs with atomic fields.
pub const ATOMIC_FAMILY: u64 = family::current_key(true);

/// rustc's minimum width in bytes of a `repr(C)` enum's tag on the target being compiled
/// ([`Target::c_enum_min_bytes`]), which the family key does not include; 0 for a target that
/// is not a built-in one.
pub const C_ENUM_BYTES: u64 = match Target::CURRENT {
    Some(t) => match t.c_enum_min_bytes() {
        Some(n) => n,
        None => 0,
    },
    None => 0,
};

/// The built-in target `triple`, which the derive found at `index` of its target table: checked
/// where it is used, so a table that differs from the derive's cannot select another target.
pub const fn target(index: usize, triple: &str) -> &'static Target {
    if index < Target::ALL.len()
        && crate::bytes_eq(Target::ALL[index].triple.as_bytes(), triple.as_bytes())
    {
        return &Target::ALL[index];
    }
    match Target::find(triple) {
        Some(t) => t,
        None => panic!(
            "`#[derive(Layout)]` named a target this layout-core does not know: the derive and layout-core are of different versions"
        ),
    }
}

/// The struct `T` named `name`, without its fields (the derive adds them, see [`fields`]), with
/// the compiler's size and alignment of `T` and the field offsets the derive passes.
pub const fn def<T>(name: &'static str, repr: Repr, offsets: &'static [u64]) -> StructDef<'static> {
    StructDef {
        name,
        shape: Shape::Struct,
        repr,
        fields: &[],
        host: Some(HostLayout {
            size: core::mem::size_of::<T>() as u64,
            align: core::mem::align_of::<T>() as u64,
            offsets,
        }),
    }
}

/// The model of a field known only on the compiling target (`#[layout(host_only)]`, `Vec`,
/// `c_int`, ...): the compiler's size and alignment; [`fields`] names it.
pub const fn host_only<T>() -> Ty<'static> {
    Ty::Host {
        name: "",
        size: core::mem::size_of::<T>() as u64,
        align: core::mem::align_of::<T>() as u64,
    }
}

/// Checks the size and alignment the derive computed for `T` (named `name`) on the family of the
/// compiling target ([`FAMILY`] or [`ATOMIC_FAMILY`]), `(size, align)`, against the compiler's,
/// and panics with both if they differ. Nothing is checked on a target that is not a built-in
/// one, or where the derive has no prediction (`align == 0`: the struct cannot exist there);
/// `(u64::MAX, 0)` says the struct is too big for the target, an error at the struct that
/// comes before rustc's own (which points into `core`).
pub const fn expect<T>(name: &str, (size, align): (u64, u64)) {
    let Some(target) = Target::CURRENT else {
        return;
    };
    if align == 0 {
        if size == u64::MAX {
            let mut m = Msg::<2048>::new();
            m.str("`");
            m.str(name);
            m.str("` is too big for ");
            m.str(target.triple);
            m.str(": its size reaches rustc's limit for an object there (");
            m.u64(target.object_size_limit());
            m.str(" bytes); make an array or a field smaller, or keep it off this target");
            panic!("{}", m.as_str());
        }
        return;
    }
    let (real_size, real_align) = (
        core::mem::size_of::<T>() as u64,
        core::mem::align_of::<T>() as u64,
    );
    if align == 0 || (size == real_size && align == real_align) {
        return;
    }
    let mut m = Msg::<2048>::new();
    size_differs(&mut m, name, (size, align), (real_size, real_align));
    wrong_model(m, target)
}

/// `layout-core predicts size .. and alignment .. for `name`, but rustc gives ..`.
const fn size_differs(m: &mut Msg<2048>, name: &str, predicted: (u64, u64), real: (u64, u64)) {
    m.str("layout-core predicts size ");
    m.u64(predicted.0);
    m.str(" and alignment ");
    m.u64(predicted.1);
    m.str(" for `");
    m.str(name);
    m.str("`, but rustc gives size ");
    m.u64(real.0);
    m.str(" and alignment ");
    m.u64(real.1);
}

/// Panics with `m`, the target, and what it means: a model that disagrees with the compiler.
const fn wrong_model(mut m: Msg<2048>, target: &Target) -> ! {
    m.str(" on ");
    m.str(target.triple);
    m.str(". A field type is not what its model says: a name in scope that shadows a standard type (see the error on the fields, if any), or a wrong `layout_core::Model` impl (please report it).");
    panic!("{}", m.as_str());
}

/// Checks that the engine's layout of `def` on the compiling target equals the compiler's
/// numbers in `def.host` (size, alignment, every field offset the derive passed); `F` is the
/// number of fields. Panics with what differs.
pub const fn verify<const F: usize>(def: &StructDef<'_>) {
    let (Some(target), Some(host)) = (Target::CURRENT, def.host) else {
        return;
    };
    let mut fields = [FieldLayout {
        offset: 0,
        size: 0,
        align: 1,
    }; F];
    let mut m = Msg::<2048>::new();
    // Offsets are compared only where the derive passed the compiler's (`repr(Rust)`,
    // `repr(transparent)`); the engine then skips writing them.
    let out: &mut [FieldLayout] = if host.offsets.is_empty() {
        &mut []
    } else {
        &mut fields
    };
    match struct_layout(def, target, out) {
        Ok(l) => {
            if l.size == host.size && l.align == host.align {
                let mut i = 0;
                while i < F && i < host.offsets.len() {
                    if fields[i].offset != host.offsets[i] {
                        m.str("layout-core predicts offset ");
                        m.u64(fields[i].offset);
                        m.str(" for field `");
                        m.str(def.fields[i].name);
                        m.str("` of `");
                        m.str(def.name);
                        m.str("`, but rustc placed it at ");
                        m.u64(host.offsets[i]);
                        break;
                    }
                    i += 1;
                }
                if i == F || i == host.offsets.len() {
                    return;
                }
            } else {
                size_differs(&mut m, def.name, (l.size, l.align), (host.size, host.align));
            }
        }
        Err(e) => {
            m.str("layout-core has no layout for `");
            m.str(def.name);
            m.str("` on the compiling target: ");
            m.str(e.kind_str());
        }
    }
    wrong_model(m, target)
}

/// Picks [`Quiet`] or [`Loud`] from a `[(); broken as usize]`: the warning mode's switch for
/// checks that only constant evaluation can decide.
pub trait Select {
    /// The reporter.
    type Report;
}
impl Select for [(); 0] {
    type Report = Quiet;
}
impl Select for [(); 1] {
    type Report = Loud;
}

/// Nothing is broken.
pub struct Quiet;
impl Quiet {
    /// Says nothing.
    pub const fn layout_policy_broken_on_the_compiling_target() {}
}

/// A policy is broken: using this prints the warning.
pub struct Loud;
impl Loud {
    /// The warning.
    #[deprecated(
        note = "a `#[layout(...)]` policy is broken on the compiling target (or a field has no layout there); a field type or an enum discriminant is resolved by the compiler only, so the report is made during constant evaluation, which can choose this warning but not write its text: remove `warn` to get the full report, with the suggested order, as an error"
    )]
    pub const fn layout_policy_broken_on_the_compiling_target() {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    #[test]
    fn generic_names_spell_their_arguments() {
        const INNER: StructDef<'static> = StructDef::repr_c("Inner<u8>", &[]);
        let name = generic_name(
            "Pair",
            &[
                Arg::Ty(Ty::U8),
                Arg::Ty(Ty::Array(&Ty::Prim(Prim::U64), 4)),
                Arg::Ty(Ty::Struct(&INNER)),
                Arg::Unsigned(16),
                Arg::Signed(-3),
                Arg::Bool(true),
                Arg::Unknown,
            ],
        );
        assert_eq!(
            name.as_str(),
            "Pair<u8, [u64; 4], Inner<u8>, 16, -3, true, _>"
        );
    }

    #[test]
    fn expect_accepts_the_compilers_numbers_and_no_prediction() {
        expect::<u64>("u64", (8, core::mem::align_of::<u64>() as u64));
        expect::<u64>("u64", (0, 0));
    }

    #[test]
    #[should_panic(
        expected = "layout-core predicts size 8 and alignment 8 for `X`, but rustc gives size 4 and alignment 4 on "
    )]
    fn expect_names_the_struct_both_numbers_and_the_target() {
        expect::<u32>("X", (8, 8));
    }

    #[test]
    #[should_panic(expected = "predicts size 2 and alignment 1 for `S`, but rustc gives size 3")]
    fn verify_reports_a_size_the_compiler_disagrees_with() {
        const FIELDS: [Field<'static>; 2] =
            [Field::new("a", "u8", Ty::U8), Field::new("b", "u8", Ty::U8)];
        let mut def = StructDef::repr_c("S", &FIELDS);
        def.host = Some(HostLayout {
            size: 3,
            align: 1,
            offsets: &[],
        });
        verify::<2>(&def);
    }
}

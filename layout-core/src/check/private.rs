//! What the code `#[derive(Layout)]` generates calls: not a public API.

use crate::check::{Msg, family};
use crate::engine::{FieldLayout, HostLayout, Repr, Shape, StructDef, Target, Ty, struct_layout};

pub use crate::check::fields::fields;

/// The family ([`family`]) of the target being compiled, for structs without atomic fields;
/// `usize::MAX` for a target that is not a built-in one.
pub const FAMILY: usize = family::current(false);

/// The family of the target being compiled, for structs with atomic fields.
pub const ATOMIC_FAMILY: usize = family::current(true);

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
/// one, or where the derive has no prediction (`align == 0`: the struct cannot exist there).
pub const fn expect<T>(name: &str, (size, align): (u64, u64)) {
    let Some(target) = Target::CURRENT else {
        return;
    };
    let (real_size, real_align) = (
        core::mem::size_of::<T>() as u64,
        core::mem::align_of::<T>() as u64,
    );
    if align == 0 || (size == real_size && align == real_align) {
        return;
    }
    let mut m = Msg::<2048>::new();
    m.str("layout-core predicts size ");
    m.u64(size);
    m.str(" and alignment ");
    m.u64(align);
    m.str(" for `");
    m.str(name);
    m.str("`, but rustc gives size ");
    m.u64(real_size);
    m.str(" and alignment ");
    m.u64(real_align);
    m.str(" on ");
    m.str(target.triple);
    m.str(". A field type's model is wrong: please report it.");
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
                m.str("layout-core predicts size ");
                m.u64(l.size);
                m.str(" and alignment ");
                m.u64(l.align);
                m.str(" for `");
                m.str(def.name);
                m.str("`, but rustc gives size ");
                m.u64(host.size);
                m.str(" and alignment ");
                m.u64(host.align);
            }
        }
        Err(e) => {
            m.str("layout-core has no layout for `");
            m.str(def.name);
            m.str("` on the compiling target: ");
            m.str(e.kind_str());
        }
    }
    m.str(" on ");
    m.str(target.triple);
    m.str(". A field type's `layout_core::Model` is wrong: please report it.");
    panic!("{}", m.as_str());
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
        note = "a `#[layout(...)]` policy is broken on the compiling target (or a field has no layout there); remove `warn` to get the full report, with the suggested order, as an error"
    )]
    pub const fn layout_policy_broken_on_the_compiling_target() {}
}

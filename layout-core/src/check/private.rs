//! What the code `#[derive(Layout)]` generates calls: not a public API.

use crate::check::Msg;
use crate::engine::{FieldLayout, StructDef, Target, struct_layout};

/// Checks that the engine's layout of `def` on the compiling target equals the compiler's
/// numbers in `def.host` (size, alignment, every field offset); `F` is the number of fields.
/// Returns `true` (for `const_assert!`) or panics with what differs.
pub const fn verify<const F: usize>(def: &StructDef<'_>) -> bool {
    let (Some(target), Some(host)) = (Target::CURRENT, def.host) else {
        return true;
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
                    return true;
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

/// `()` from the `true` of [`verify`], for a `let () = ...;` in generic code.
pub const fn verify_unit(_: bool) {}

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

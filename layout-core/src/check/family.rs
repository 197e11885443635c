//! Target families: the built-in targets grouped by the facts that decide a layout.
//!
//! The engine lays a struct out from a target's pointer width, its scalar alignments
//! ([`ScalarAligns`](crate::engine::ScalarAligns)) and, for atomic fields, the widths that have
//! atomics; nothing else about a target matters (its name, endianness or OS do not). So the 314
//! built-in targets fall into a handful of *families* that give every struct the same layout,
//! and the derive, which lays a struct out when it expands, needs to do so once per family, not
//! once per target.
//!
//! A family is named by its *representative*: the index in [`Target::ALL`] of its first target.
//! Both the proc macro and `layout-core` compile this file, over the same target table, so the
//! number the macro writes into its generated code for a family is the number `layout-core`
//! computes for the target being compiled ([`current`]).

use crate::engine::{ScalarAligns, Target};

/// Whether `a` and `b` give every struct the same layout; `atomics`: also for structs with atomic
/// fields.
pub const fn same_facts(a: &Target, b: &Target, atomics: bool) -> bool {
    a.pointer_bits == b.pointer_bits
        && same_aligns(&a.aligns, &b.aligns)
        && (!atomics || a.atomic_widths == b.atomic_widths)
}

const fn same_aligns(a: &ScalarAligns, b: &ScalarAligns) -> bool {
    a.i16 == b.i16
        && a.i32 == b.i32
        && a.i64 == b.i64
        && a.i128 == b.i128
        && a.f32 == b.f32
        && a.f64 == b.f64
        && a.char == b.char
        && a.ptr == b.ptr
        && a.fn_ptr == b.fn_ptr
}

/// The family of `target`: the index in [`Target::ALL`] of the first target with the same facts
/// (see [`same_facts`]). A target that is not in the table (a copy of one with another triple)
/// still finds its family by its facts; [`UNKNOWN`] if no built-in target has them.
pub const fn family(target: &Target, atomics: bool) -> usize {
    let mut i = 0;
    while i < Target::ALL.len() {
        if same_facts(&Target::ALL[i], target, atomics) {
            return i;
        }
        i += 1;
    }
    UNKNOWN
}

/// The family of a target that is not a built-in one (a custom target JSON): no prediction.
pub const UNKNOWN: usize = usize::MAX;

/// The family of the target being compiled ([`Target::CURRENT`]), or [`UNKNOWN`].
pub const fn current(atomics: bool) -> usize {
    match Target::CURRENT {
        Some(t) => family(t, atomics),
        None => UNKNOWN,
    }
}

/// Whether `i` is a family's representative: the first target of its family.
pub const fn is_representative(i: usize, atomics: bool) -> bool {
    i < Target::ALL.len() && family(&Target::ALL[i], atomics) == i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_has_a_family_and_families_are_few() {
        for atomics in [false, true] {
            let reps: usize = (0..Target::ALL.len())
                .filter(|&i| is_representative(i, atomics))
                .count();
            assert!((5..=40).contains(&reps), "{reps} families");
            for t in Target::ALL {
                let f = family(t, atomics);
                assert!(f < Target::ALL.len());
                assert!(same_facts(&Target::ALL[f], t, atomics));
                assert!(is_representative(f, atomics));
            }
        }
    }

    #[test]
    fn the_aliases_are_in_different_families() {
        let f = |n| family(Target::find(n).unwrap(), false);
        assert_ne!(f("64"), f("32"));
        assert_ne!(f("32"), f("16"));
    }
}

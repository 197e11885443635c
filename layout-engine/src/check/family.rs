//! Target families: the built-in targets grouped by the facts that decide a layout.
//!
//! The engine lays a struct out from a target's pointer width, its scalar alignments
//! ([`ScalarAligns`]) and, for atomic fields, the widths that have
//! atomics; nothing else about a target matters (its name, endianness or OS do not). So the 314
//! built-in targets fall into a handful of *families* that give every struct the same layout,
//! and the derive, which lays a struct out when it expands, needs to do so once per family, not
//! once per target.
//!
//! Inside one build a family is named by its *representative*: the index in [`Target::ALL`] of
//! its first target. Generated code names it by its [`key`] instead: the facts themselves packed
//! into a number, so what the derive writes means the same with any target table.

use crate::{ScalarAligns, Target};

/// Whether `a` and `b` give every struct the same layout; `atomics`: also for structs with atomic
/// fields.
pub const fn same_facts(a: &Target, b: &Target, atomics: bool) -> bool {
    a.pointer_bits == b.pointer_bits
        && same_aligns(&a.aligns, &b.aligns)
        && a.c_int_bytes() == b.c_int_bytes()
        && a.c_long_bytes() == b.c_long_bytes()
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

/// The facts that decide a layout on `target` (see [`same_facts`]) packed into one number, equal
/// for two targets exactly when they are of one family: the base-2 logarithms of the widths of
/// `c_int` (bits 56..58) and `c_long` (bits 58..60), the pointer width in bytes (bits 48..56),
/// the base-2 logarithms of the nine scalar alignments (four bits each from bit 8 on, `i16`
/// lowest) and, when `atomics`, the atomic widths (bits 0..8). Never 0.
pub const fn key(target: &Target, atomics: bool) -> u64 {
    let a = &target.aligns;
    let aligns = [
        a.i16, a.i32, a.i64, a.i128, a.f32, a.f64, a.char, a.ptr, a.fn_ptr,
    ];
    let mut key = ((target.pointer_bits / 8) as u64) << 48
        | (target.c_int_bytes().trailing_zeros() as u64) << 56
        | (target.c_long_bytes().trailing_zeros() as u64) << 58;
    let mut i = 0;
    while i < aligns.len() {
        key |= (aligns[i].trailing_zeros() as u64) << (8 + 4 * i);
        i += 1;
    }
    if atomics {
        key |= target.atomic_widths as u64;
    }
    key
}

/// The [`key`] of the target being compiled ([`Target::CURRENT`]); 0 (no family) for a target
/// that is not a built-in one.
pub const fn current_key(atomics: bool) -> u64 {
    match Target::CURRENT {
        Some(t) => key(t, atomics),
        None => 0,
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
    fn keys_are_equal_exactly_within_a_family() {
        for atomics in [false, true] {
            for a in Target::ALL {
                assert_ne!(key(a, atomics), 0);
                for b in Target::ALL {
                    assert_eq!(
                        key(a, atomics) == key(b, atomics),
                        same_facts(a, b, atomics),
                        "{} {}",
                        a.triple,
                        b.triple
                    );
                }
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

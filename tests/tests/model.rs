//! Every `Model` impl against the compiler: the engine's layout of each modelled type on the
//! compiling target equals `size_of`/`align_of`.

use core::mem::{align_of, size_of};
use layout_core::{Model, Target, type_layout};

fn check<T: Model>(name: &str, diffs: &mut Vec<String>) {
    let target = Target::CURRENT.expect("the host is a built-in target");
    match type_layout(&T::TY, target) {
        Ok(l) if (l.size, l.align) == (size_of::<T>() as u64, align_of::<T>() as u64) => {}
        other => diffs.push(format!(
            "{name}: engine {other:?}, compiler {}/{}",
            size_of::<T>(),
            align_of::<T>()
        )),
    }
}

trait Tr {}

macro_rules! check_all {
    ($diffs:ident: $($t:ty),* $(,)?) => {$( check::<$t>(stringify!($t), &mut $diffs); )*};
}

#[test]
fn every_model_matches_the_compiler() {
    use core::cell::{Cell, UnsafeCell};
    use core::marker::{PhantomData, PhantomPinned};
    use core::mem::{ManuallyDrop, MaybeUninit};
    use core::num::{NonZero, NonZeroU32, Saturating, Wrapping};
    use core::ptr::NonNull;
    use core::sync::atomic::*;
    use std::rc::Rc;
    use std::sync::Arc;
    let mut diffs = Vec::new();
    check_all!(diffs:
        bool, char, u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64, (),
        *const u8, *mut [u16], *const str, *const dyn Tr, &'static u64, &'static [u8], &'static mut str,
        NonNull<u8>, NonNull<[u8]>, Box<u64>, Box<[u8]>, Box<dyn Tr>, Rc<u8>, Arc<str>,
        Option<&'static u8>, Option<&'static [u8]>, Option<Box<u8>>, Option<NonNull<u8>>,
        Option<fn()>, Option<NonZeroU32>, Option<NonZero<u128>>, Option<extern "C" fn(u8) -> u8>,
        fn(), fn(u8, u16) -> u32, unsafe fn(), extern "C" fn(i32), unsafe extern "C" fn(),
        NonZero<u8>, NonZero<i64>, NonZero<usize>,
        ManuallyDrop<u64>, MaybeUninit<u128>, Cell<u16>, UnsafeCell<u32>, Wrapping<i64>, Saturating<u8>,
        PhantomData<String>, PhantomPinned,
        AtomicBool, AtomicU8, AtomicI8, AtomicU16, AtomicI16, AtomicU32, AtomicI32, AtomicU64,
        AtomicI64, AtomicUsize, AtomicIsize, AtomicPtr<u8>,
        [u8; 0], [u64; 0], [u16; 7], [[u32; 3]; 5], [Option<&'static u8>; 4],
        Vec<u8>, String,
    );
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

/// `Vec` and `String` are known on the compiling target only: elsewhere the engine says so.
#[test]
fn host_only_models_refuse_other_targets() {
    let other = Target::ALL.iter().find(|t| !t.is_current()).unwrap();
    let err = type_layout(&<Vec<u8> as Model>::TY, other).unwrap_err();
    assert!(
        matches!(err, layout_core::LayoutError::HostOnly { .. }),
        "{err:?}"
    );
}

/// Atomics align to their size even where the plain integer does not (i686: u64 aligns to 4,
/// AtomicU64 to 8, as `core` declares it `repr(C, align(8))`).
#[test]
fn atomics_align_to_their_size_on_every_target() {
    use layout_core::{Prim, Ty};
    let i686 = Target::find("32").unwrap();
    assert_eq!(type_layout(&Ty::Prim(Prim::U64), i686).unwrap().align, 4);
    assert_eq!(type_layout(&Ty::Atomic(Prim::U64), i686).unwrap().align, 8);
    let msp430 = Target::find("16").unwrap();
    assert!(type_layout(&Ty::Atomic(Prim::U32), msp430).is_err());
}

/// An error the layout of a field's type runs into names that field, as declared where it is
/// declared: for a struct nested in another, the nested struct's field (the one to rewrite).
#[test]
fn errors_name_the_innermost_field() {
    use layout_core::{EnumDef, Field, FieldAt, LayoutError, Prim, StructDef, Ty, Variant};
    let i686 = Target::find("32").unwrap();
    let msp430 = Target::find("16").unwrap();
    let at = |owner, name, ty_name| {
        Some(FieldAt {
            owner,
            name,
            ty_name,
        })
    };

    const INNER_FIELDS: &[Field] = &[
        Field::new("tag", "u8", Ty::Prim(Prim::U8)),
        Field::new("word", "Word", Ty::Aliased(Prim::U64)),
    ];
    const INNER: StructDef = StructDef::repr_c("Inner", INNER_FIELDS);
    const OUTER_FIELDS: &[Field] = &[
        Field::new("a", "u8", Ty::Prim(Prim::U8)),
        Field::new("inners", "[Inner; 2]", Ty::Array(&Ty::Struct(&INNER), 2)),
    ];
    const OUTER: StructDef = StructDef::repr_c("Outer", OUTER_FIELDS);
    let u64_may_be_c_ulong = |field| LayoutError::MaybeCType {
        prim: Prim::U64,
        c: Prim::CUlong,
        field,
    };
    // Only where the compiling target's `c_ulong` is `u64` (64-bit Unix) may the `u64` be one;
    // elsewhere (64-bit Windows) `Outer` has a layout on i686.
    if Target::CURRENT.is_some_and(|t| t.c_long_bytes() == 8) {
        let err = OUTER.layout_on(i686).unwrap_err();
        assert_eq!(err, u64_may_be_c_ulong(at("Inner", "word", "Word")));
        assert!(
            err.to_string()
                .starts_with("the type of the field `word: Word` of `Inner` is `u64`"),
            "{err}"
        );
        // Laid out on its own, a type has no field to name.
        assert_eq!(
            type_layout(&Ty::Aliased(Prim::U64), i686),
            Err(u64_may_be_c_ulong(None))
        );
    }

    const ATOMIC_FIELDS: &[Field] = &[
        Field::new("count", "AtomicU32", Ty::Atomic(Prim::U32)),
        Field::new("flag", "u8", Ty::Prim(Prim::U8)),
    ];
    const VARIANTS: &[Variant] = &[Variant::unit("Idle"), Variant::new("Busy", ATOMIC_FIELDS)];
    const STATE: EnumDef = EnumDef::new("State", layout_core::EnumRepr::C, VARIANTS);
    let err = layout_core::enum_layout(&STATE, msp430, &mut [], &mut []).unwrap_err();
    assert_eq!(
        err,
        LayoutError::NoAtomic {
            bits: 32,
            field: at("State", "count", "AtomicU32"),
        }
    );
    assert_eq!(
        err.to_string(),
        "the target has no 32-bit atomics, so the type of the field `count: AtomicU32` of \
         `State` does not exist there"
    );
}

/**The layout of `Warned`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] struct Warned on x86_64-unknown-linux-gnu: size 24, align 8
offset  size  align  field  type
     0     1      1  a      u8
     1     7         (7-byte hole)
     8     8      8  b      u64
    16     1      1  c      u8
    17     7         (7-byte tail padding)
size 24, padding 14 (58.3%), minimum 16 by reordering (saves 8, 33.3%)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Warned {}
#[automatically_derived]
impl ::layout_core::Model for Warned {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    3,
                    0,
                >("a: u8\nb: u64\nc: u8", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Warned", ::layout_core::__private_0_1_0::Repr::C, &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_prims::<(u8, u64), _>((0u8, 0u64));
    ::layout_core::__private_0_1_0::expect::<
        Warned,
    >(
        "Warned",
        match ::layout_core::__private_0_1_0::FAMILY {
            0xa04022222222100 | 0xa04022222422100 | 0xa04011132221100 => (16, 4),
            0x902000000000000 => (10, 1),
            0x902011111111100 => (12, 2),
            _ => (24, 8),
        },
    )
};
#[warn(deprecated)]
const _: () = {
    struct LayoutPolicy<const N: usize>;
    #[allow(dead_code)]
    impl LayoutPolicy<0> {
        const fn broken_on_the_compiling_target() {}
    }
    #[allow(dead_code)]
    impl LayoutPolicy<1> {
        #[deprecated(
            note = "`Warned` breaks its layout policy on the compiling target:\n  - `optimal`: it is 24 bytes, and some field order makes it 16\nlayout on the compiling target: size 24, align 8, padding 14, minimum size 16\n  7 bytes of padding after `a` (offsets 1..8)\n  7 bytes of tail padding (offsets 17..24)\nsuggested order: 16 bytes, 1 field moved; paste this body:\n\nstruct Warned {\n    a: u8,\n    c: u8,\n    b: u64,\n}"
        )]
        const fn broken_on_the_compiling_target() {}
    }
    #[allow(dead_code)]
    impl LayoutPolicy<2> {
        #[deprecated(
            note = "`Warned` breaks its layout policy on the compiling target:\n  - `optimal`: it is 16 bytes, and some field order makes it 12\nlayout on the compiling target: size 16, align 4, padding 6, minimum size 12\n  3 bytes of padding after `a` (offsets 1..4)\n  3 bytes of tail padding (offsets 13..16)\nsuggested order: 12 bytes, 1 field moved; paste this body:\n\nstruct Warned {\n    a: u8,\n    c: u8,\n    b: u64,\n}"
        )]
        const fn broken_on_the_compiling_target() {}
    }
    #[allow(dead_code)]
    impl LayoutPolicy<3> {
        #[deprecated(
            note = "`Warned` breaks its layout policy on the compiling target:\n  - `optimal`: it is 12 bytes, and some field order makes it 10\nlayout on the compiling target: size 12, align 2, padding 2, minimum size 10\n  1 byte of padding after `a` (offsets 1..2)\n  1 byte of tail padding (offsets 11..12)\nsuggested order: 10 bytes, 1 field moved; paste this body:\n\nstruct Warned {\n    a: u8,\n    c: u8,\n    b: u64,\n}"
        )]
        const fn broken_on_the_compiling_target() {}
    }
    LayoutPolicy::<
        {
            match ::layout_core::__private_0_1_0::FAMILY {
                0xe08033232432100 | 0xa08033232432100 | 0xa04022232432100
                | 0xe08033232332100 | 0xa04022232332100 | 0xe08033222432100
                | 0xe04022232432100 => 1,
                0xa04022222222100 | 0xa04022222422100 | 0xa04011132221100 => 2,
                0x902011111111100 => 3,
                _ => 0,
            }
        },
    >::broken_on_the_compiling_target();
};

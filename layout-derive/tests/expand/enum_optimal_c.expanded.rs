/**The layout of `Packet`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] enum Packet on x86_64-unknown-linux-gnu: size 32, align 8
variant  value  offset  size  align  field  type
(tag)                0     4      4         u32
Data         0       8     1      1  flag   bool
                    16     8      8  len    u64
                    24     1      1  kind   u8
                                     (18 bytes of padding)
Empty        1                       (28 bytes of padding)
largest payload: Data, 21 bytes (no other variant has fields)
```
*/
#[automatically_derived]
impl ::layout_core::LayoutEnum for Packet {}
#[automatically_derived]
impl ::layout_core::Model for Packet {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Enum(
        &::layout_core::__private_0_1_0::EnumDef {
            name: "Packet",
            repr: ::layout_core::__private_0_1_0::EnumRepr::C,
            variants: &[
                ::layout_core::__private_0_1_0::Variant {
                    name: "Data",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            3,
                            0,
                        >("flag: bool\nlen: u64\nkind: u8", []);
                        fields
                    },
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Empty",
                    discriminant: ::core::option::Option::None,
                    fields: &[],
                },
            ],
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::same_prims::<
    (bool, u64, u8),
    _,
>((false, 0u64, 0u8));
const _: () = ::layout_core::__private_0_1_0::verify_enum::<
    Packet,
>(&<Packet as ::layout_core::LayoutEnum>::DEF);
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
            note = "`Packet` breaks its layout policy on the compiling target:\n  - `optimal`: variant `Data` is 24 bytes, and some order of its fields makes it 16\n`Packet` is 32 bytes on the compiling target, 24 with the orders below\nsuggested orders: `Data` 16 bytes (1 field moved); paste this body:\n\nenum Packet {\n    Data {\n        flag: bool,\n        kind: u8,\n        len: u64,\n    },\n    Empty,\n}"
        )]
        const fn broken_on_the_compiling_target() {}
    }
    #[allow(dead_code)]
    impl LayoutPolicy<2> {
        #[deprecated(
            note = "`Packet` breaks its layout policy on the compiling target:\n  - `optimal`: variant `Data` is 16 bytes, and some order of its fields makes it 12\n`Packet` is 20 bytes on the compiling target, 16 with the orders below\nsuggested orders: `Data` 12 bytes (1 field moved); paste this body:\n\nenum Packet {\n    Data {\n        flag: bool,\n        kind: u8,\n        len: u64,\n    },\n    Empty,\n}"
        )]
        const fn broken_on_the_compiling_target() {}
    }
    #[allow(dead_code)]
    impl LayoutPolicy<3> {
        #[deprecated(
            note = "`Packet` breaks its layout policy on the compiling target:\n  - `optimal`: variant `Data` is 12 bytes, and some order of its fields makes it 10\n`Packet` is 14 bytes on the compiling target, 12 with the orders below\nsuggested orders: `Data` 10 bytes (1 field moved); paste this body:\n\nenum Packet {\n    Data {\n        flag: bool,\n        kind: u8,\n        len: u64,\n    },\n    Empty,\n}"
        )]
        const fn broken_on_the_compiling_target() {}
    }
    LayoutPolicy::<
        {
            match (
                ::layout_core::__private_0_1_0::FAMILY,
                ::layout_core::__private_0_1_0::C_ENUM_BYTES,
            ) {
                (0xe08033232432100, 4)
                | (0xa08033232432100, 4)
                | (0xa04022232432100, 4)
                | (0xe08033232332100, 4)
                | (0xa04022232332100, 4)
                | (0xa04022232332100, 1)
                | (0xe08033222432100, 4)
                | (0xe04022232432100, 4) => 1,
                (0xa04022222222100, 4)
                | (0xa04022222422100, 4)
                | (0xa04011132221100, 4) => 2,
                (0x902011111111100, 2) => 3,
                _ => 0,
            }
        },
    >::broken_on_the_compiling_target();
};

/**The layout of `Tagged`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] enum Tagged on x86_64-unknown-linux-gnu: size 8, align 4
variant  value  offset  size  align  field  type
(tag)                0     4      4         u32
A            0       4     1      1  0      u8
                                     (3 bytes of padding)
B            1       4     2      2  0      u16
                                     (2 bytes of padding)
largest payload: B, 2 bytes (2.0x the next largest, A, 1 byte)
```
*/
#[automatically_derived]
impl ::layout_core::LayoutEnum for Tagged {}
#[automatically_derived]
impl ::layout_core::Model for Tagged {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Enum(
        &::layout_core::__private_0_1_0::EnumDef {
            name: "Tagged",
            repr: ::layout_core::__private_0_1_0::EnumRepr::C,
            variants: &[
                ::layout_core::__private_0_1_0::Variant {
                    name: "A",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            1,
                            0,
                        >("0: u8", []);
                        fields
                    },
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "B",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            1,
                            0,
                        >("0: u16", []);
                        fields
                    },
                },
            ],
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::same_prims::<(u8,), _>((0u8,));
const _: () = ::layout_core::__private_0_1_0::same_prims::<(u16,), _>((0u16,));
const _: () = ::layout_core::__private_0_1_0::verify_enum::<
    Tagged,
>(&<Tagged as ::layout_core::LayoutEnum>::DEF);
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
            note = "`Tagged` breaks its layout policy on the compiling target:\n  - `max_padding = 1`: even its fullest variant, `B`, leaves 2 bytes of padding\nlayout on the compiling target: size 8, align 4, tag `u32` at offset 0\n  `A`: 1 field, 1 byte, padding 3\n  `B`: 1 field, 2 bytes, padding 2"
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
                | (0xa04022222222100, 4)
                | (0xa04022222422100, 4)
                | (0xe08033222432100, 4)
                | (0xe04022232432100, 4) => 1,
                _ => 0,
            }
        },
    >::broken_on_the_compiling_target();
};

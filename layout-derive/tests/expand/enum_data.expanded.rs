/**The layout of `Shape`, as `#[derive(Layout)]` computed it:

```text
#[repr(C, u8)] enum Shape on x86_64-unknown-linux-gnu: size 24, align 8
variant  value  offset  size  align  field  type
(tag)                0     1      1         u8
Dot          0                       (23 bytes of padding)
Circle       1       8     4      4  r      f32
                                     (19 bytes of padding)
Line         2       8     2      2  0      u16
                    16     8      8  1      u64
                                     (13 bytes of padding)
largest payload: Line, 23 bytes (2.0x the next largest, Circle, 11 bytes)
```

```text
#[repr(C, u8)] enum Shape on i686-unknown-linux-gnu: size 16, align 4
variant  value  offset  size  align  field  type
(tag)                0     1      1         u8
Dot          0                       (15 bytes of padding)
Circle       1       4     4      4  r      f32
                                     (11 bytes of padding)
Line         2       4     2      2  0      u16
                     8     8      4  1      u64
                                     (5 bytes of padding)
largest payload: Line, 15 bytes (2.1x the next largest, Circle, 7 bytes)
```
*/
#[automatically_derived]
impl ::layout_core::LayoutEnum for Shape {}
#[automatically_derived]
impl ::layout_core::Model for Shape {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Enum(
        &::layout_core::__private_0_1_0::EnumDef {
            name: "Shape",
            repr: ::layout_core::__private_0_1_0::EnumRepr::int(
                    ::layout_core::__private_0_1_0::Prim::U8,
                )
                .with_c(),
            variants: &[
                ::layout_core::__private_0_1_0::Variant {
                    name: "Dot",
                    discriminant: ::core::option::Option::None,
                    fields: &[],
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Circle",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            1,
                            0,
                        >("r: f32", []);
                        fields
                    },
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Line",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            2,
                            0,
                        >("0: u16\n1: u64", []);
                        fields
                    },
                },
            ],
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::same_prims::<(f32,), _>((0f32,));
const _: () = ::layout_core::__private_0_1_0::same_prims::<(u16, u64), _>((0u16, 0u64));
const _: () = ::layout_core::__private_0_1_0::verify_enum::<
    Shape,
>(&<Shape as ::layout_core::LayoutEnum>::DEF);
const _: () = {
    const DEF: ::layout_core::__private_0_1_0::EnumDef<'static> = <Shape as ::layout_core::LayoutEnum>::DEF;
    ::layout_core::__private_0_1_0::run_enum::<
        3usize,
    >(
        &DEF,
        &::layout_core::__private_0_1_0::EnumPolicy {
            max_padding: ::core::option::Option::None,
            size: ::core::option::Option::None,
            align: ::core::option::Option::None,
            max_variant_ratio: ::core::option::Option::Some(4u64),
        },
        &::layout_core::__private_0_1_0::Targets {
            named: &[
                ::layout_core::__private_0_1_0::target(
                    294usize,
                    "x86_64-unknown-linux-gnu",
                ),
                ::layout_core::__private_0_1_0::target(
                    122usize,
                    "i686-unknown-linux-gnu",
                ),
            ],
            current: false,
        },
    );
};

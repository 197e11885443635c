/**The layout of `Kind`, as `#[derive(Layout)]` computed it:

```text
#[repr(u8)] enum Kind on x86_64-unknown-linux-gnu: size 1, align 1
variant  value  offset  size  align  field  type
(tag)                0     1      1         u8
Idle         0
Busy         7
Done         8
Failed     200
```
*/
#[automatically_derived]
impl ::layout_core::LayoutEnum for Kind {}
#[automatically_derived]
impl ::layout_core::Model for Kind {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Enum(
        &::layout_core::__private_0_1_0::EnumDef {
            name: "Kind",
            repr: ::layout_core::__private_0_1_0::EnumRepr::int(
                ::layout_core::__private_0_1_0::Prim::U8,
            ),
            variants: &[
                ::layout_core::__private_0_1_0::Variant {
                    name: "Idle",
                    discriminant: ::core::option::Option::None,
                    fields: &[],
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Busy",
                    discriminant: ::core::option::Option::Some(7),
                    fields: &[],
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Done",
                    discriminant: ::core::option::Option::None,
                    fields: &[],
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Failed",
                    discriminant: ::core::option::Option::Some(200),
                    fields: &[],
                },
            ],
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::verify_enum::<
    Kind,
>(&<Kind as ::layout_core::LayoutEnum>::DEF);

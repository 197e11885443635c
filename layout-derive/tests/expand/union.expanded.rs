/**The layout of `Word`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] union Word on x86_64-unknown-linux-gnu: size 4, align 4
offset  size  align  field  type
     0     4      1  bytes  [u8; 4]
     0     4      4  value  u32
size 4, padding 0 (0.0%)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Word {}
#[automatically_derived]
impl ::layout_core::Model for Word {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    2,
                    0,
                >("bytes: [u8; 4]\nvalue: u32", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Word", ::layout_core::__private_0_1_0::Repr::C, &[])
                .union()
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_types::<
        ([u8; 4], u32),
        ([::core::primitive::u8; 4], ::core::primitive::u32),
    >();
    ::layout_core::__private_0_1_0::expect::<
        Word,
    >(
        "Word",
        match ::layout_core::__private_0_1_0::FAMILY {
            0x902000000000000 => (4, 1),
            0xa04011132221100 | 0x902011111111100 => (4, 2),
            _ => (4, 4),
        },
    )
};

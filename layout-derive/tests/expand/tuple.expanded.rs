/**The layout of `Pair`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] struct Pair on x86_64-unknown-linux-gnu: size 24, align 8
offset  size  align  field  type
     0     4      4  0      u32
     4     4         (4-byte hole)
     8    16      8  1      &'static str
size 24, padding 4 (16.7%), minimum 24 (no order is smaller)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Pair {}
#[automatically_derived]
impl ::layout_core::Model for Pair {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    2,
                    0,
                >("0: u32\n1: &'static str\t*const str", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Pair", ::layout_core::__private_0_1_0::Repr::C, &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_types::<
        (u32, &'static str),
        (::core::primitive::u32, &::core::primitive::str),
    >();
    ::layout_core::__private_0_1_0::expect::<
        Pair,
    >(
        "Pair",
        match ::layout_core::__private_0_1_0::FAMILY {
            0xe08033232432100 | 0xa08033232432100 | 0xe08033232332100
            | 0xe08033222432100 => (24, 8),
            0x902000000000000 => (8, 1),
            0xa04011132221100 => (12, 2),
            0x902011111111100 => (8, 2),
            _ => (12, 4),
        },
    )
};

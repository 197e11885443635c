/**The layout of `Header`, as `#[derive(Layout)]` computed it:

```text
#[repr(C, packed(2))] struct Header on x86_64-unknown-linux-gnu: size 14, align 2
offset  size  align  field  type
     0     4      2  magic  u32
     4     1      1  flags  u8
     5     1         (1-byte hole)
     6     8      2  size   u64
size 14, padding 1 (7.1%), minimum 14 (no order is smaller)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Header {}
#[automatically_derived]
impl ::layout_core::Model for Header {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    3,
                    0,
                >("magic: u32\nflags: u8\nsize: u64", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Header", ::layout_core::__private_0_1_0::Repr::C.packed(2), &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_prims::<(u32, u8, u64), _>((0u32, 0u8, 0u64));
    ::layout_core::__private_0_1_0::expect::<
        Header,
    >(
        "Header",
        match ::layout_core::__private_0_1_0::FAMILY {
            0x902000000000000 => (13, 1),
            _ => (14, 2),
        },
    )
};

/**The layout of `Packet`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] struct Packet on x86_64-unknown-linux-gnu: size 24, align 8
offset  size  align  field  type
     0     1      1  kind   u8
     1     7         (7-byte hole)
     8     8      8  id     u64
    16     2      2  len    u16
    18     6         (6-byte tail padding)
size 24, padding 13 (54.2%), minimum 16 by reordering (saves 8, 33.3%)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Packet {}
#[automatically_derived]
impl ::layout_core::Model for Packet {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    3,
                    0,
                >("kind: u8\nid: u64\nlen: u16", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Packet", ::layout_core::__private_0_1_0::Repr::C, &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_prims::<(u8, u64, u16), _>((0u8, 0u64, 0u16));
    ::layout_core::__private_0_1_0::expect::<
        Packet,
    >(
        "Packet",
        match ::layout_core::__private_0_1_0::FAMILY {
            0xa04022222222100 | 0xa04022222422100 | 0xa04011132221100 => (16, 4),
            0x902000000000000 => (11, 1),
            0x902011111111100 => (12, 2),
            _ => (24, 8),
        },
    )
};

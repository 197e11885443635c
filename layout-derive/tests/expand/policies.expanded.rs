/**The layout of `Policy`, as `#[derive(Layout)]` computed it:

```text
#[repr(C)] struct Policy on x86_64-unknown-linux-gnu: size 16, align 8
offset  size  align  field  type
     0     8      8  id     u64
     8     1      1  kind   u8
     9     1         (1-byte hole)
    10     2      2  len    u16
    12     4         (4-byte tail padding)
size 16, padding 5 (31.3%), minimum 16 (no order is smaller)
```

```text
#[repr(C)] struct Policy on i686-unknown-linux-gnu: size 12, align 4
offset  size  align  field  type
     0     8      4  id     u64
     8     1      1  kind   u8
     9     1         (1-byte hole)
    10     2      2  len    u16
size 12, padding 1 (8.3%), minimum 12 (no order is smaller)
```

```text
#[repr(C)] struct Policy on msp430-none-elf: size 12, align 2
offset  size  align  field  type
     0     8      2  id     u64
     8     1      1  kind   u8
     9     1         (1-byte hole)
    10     2      2  len    u16
size 12, padding 1 (8.3%), minimum 12 (no order is smaller)
```
*/
#[automatically_derived]
impl ::layout_core::Layout for Policy {}
#[automatically_derived]
impl ::layout_core::Model for Policy {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Struct(
        &::layout_core::__private_0_1_0::StructDef {
            fields: &{
                let fields = ::layout_core::__private_0_1_0::fields::<
                    3,
                    0,
                >("id: u64\nkind: u8\nlen: u16", []);
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Policy", ::layout_core::__private_0_1_0::Repr::C, &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_prims::<(u64, u8, u16), _>((0u64, 0u8, 0u16));
    ::layout_core::__private_0_1_0::expect::<
        Policy,
    >(
        "Policy",
        match ::layout_core::__private_0_1_0::FAMILY {
            0xa04022222222100 | 0xa04022222422100 | 0xa04011132221100 => (12, 4),
            0x902000000000000 => (11, 1),
            0x902011111111100 => (12, 2),
            _ => (16, 8),
        },
    )
};

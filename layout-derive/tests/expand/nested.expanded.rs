/**The layout of `Packet`, as `#[derive(Layout)]` computed it:

The layout of `header: Header`, `fd: Fd` comes from the compiler, so the macro cannot lay `Packet` out while it expands and prints no table here rather than guessed numbers: `Layout::layout()` gives the table on the compiling target and `Layout::layout_on(target)` on any built-in target. A field type that derives `Layout` itself has its own table in its docs.

```text
the fields of Packet, sizes on x86_64-unknown-linux-gnu:
field   type     size  align
kind    u8          1      1
header  Header      -      -  (resolved by the compiler)
crc     u16         2      2
fd      Fd          -      -  (resolved by the compiler)
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
                    4,
                    2,
                >(
                    "kind: u8\nheader: Header\t?\ncrc: u16\nfd: Fd\t?",
                    [
                        ::layout_core::__private_0_1_0::model::<Header>(),
                        ::layout_core::__private_0_1_0::model::<Fd>(),
                    ],
                );
                fields
            },
            ..::layout_core::__private_0_1_0::def::<
                Self,
            >("Packet", ::layout_core::__private_0_1_0::Repr::C, &[])
        },
    );
}
const _: () = {
    ::layout_core::__private_0_1_0::same_prims::<(u8, u16), _>((0u8, 0u16));
    ::layout_core::__private_0_1_0::verify::<4>(&<Packet as ::layout_core::Layout>::DEF)
};

/**The layout of `Event`, as `#[derive(Layout)]` computed it:

```text
#[repr(u8)] enum Event on x86_64-unknown-linux-gnu: size 24, align 8
variant  value  offset  size  align  field  type
(tag)                0     1      1         u8
Key          0       1     1      1  down   bool
                     4     4      4  code   u32
                                     (18 bytes of padding)
Move         1       1     1      1  x      u8
                     8     8      8  y      u64
                    16     2      2  z      u16
                                     (12 bytes of padding)
Quit         2                       (23 bytes of padding)
largest payload: Move, 17 bytes (2.4x the next largest, Key, 7 bytes)
```
*/
#[automatically_derived]
impl ::layout_core::LayoutEnum for Event {}
#[automatically_derived]
impl ::layout_core::Model for Event {
    const TY: ::layout_core::__private_0_1_0::Ty<'static> = ::layout_core::__private_0_1_0::Ty::Enum(
        &::layout_core::__private_0_1_0::EnumDef {
            name: "Event",
            repr: ::layout_core::__private_0_1_0::EnumRepr::int(
                ::layout_core::__private_0_1_0::Prim::U8,
            ),
            variants: &[
                ::layout_core::__private_0_1_0::Variant {
                    name: "Key",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            2,
                            0,
                        >("down: bool\ncode: u32", []);
                        fields
                    },
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Move",
                    discriminant: ::core::option::Option::None,
                    fields: &{
                        let fields = ::layout_core::__private_0_1_0::fields::<
                            3,
                            0,
                        >("x: u8\ny: u64\nz: u16", []);
                        fields
                    },
                },
                ::layout_core::__private_0_1_0::Variant {
                    name: "Quit",
                    discriminant: ::core::option::Option::None,
                    fields: &[],
                },
            ],
        },
    );
}
const _: () = ::layout_core::__private_0_1_0::same_prims::<
    (bool, u32),
    _,
>((false, 0u32));
const _: () = ::layout_core::__private_0_1_0::same_prims::<
    (u8, u64, u16),
    _,
>((0u8, 0u64, 0u16));
const _: () = ::layout_core::__private_0_1_0::verify_enum::<
    Event,
>(&<Event as ::layout_core::LayoutEnum>::DEF);
const _: () = match ::layout_core::__private_0_1_0::FAMILY {
    0xe08033232432100 | 0xa08033232432100 | 0xa04022232432100 | 0xe08033232332100
    | 0xa04022232332100 | 0xe08033222432100 | 0xe04022232432100 => {
        ::core::panic!(
            "{}",
            "`Event` breaks its layout policy on the compiling target:\n  - `optimal`: variant `Move` (with its tag) is 24 bytes, and some order of its fields makes it 16\n`Event` is 24 bytes on the compiling target, 16 with the orders below\nsuggested orders: `Move` 16 bytes (1 field moved); paste this body:\n\nenum Event {\n    Key {\n        down: bool,\n        code: u32,\n    },\n    Move {\n        x: u8,\n        z: u16,\n        y: u64,\n    },\n    Quit,\n}"
        )
    }
    0xa04022222222100 | 0xa04022222422100 | 0xa04011132221100 => {
        ::core::panic!(
            "{}",
            "`Event` breaks its layout policy on the compiling target:\n  - `optimal`: variant `Move` (with its tag) is 16 bytes, and some order of its fields makes it 12\n`Event` is 16 bytes on the compiling target, 12 with the orders below\nsuggested orders: `Move` 12 bytes (1 field moved); paste this body:\n\nenum Event {\n    Key {\n        down: bool,\n        code: u32,\n    },\n    Move {\n        x: u8,\n        z: u16,\n        y: u64,\n    },\n    Quit,\n}"
        )
    }
    _ => {}
};
